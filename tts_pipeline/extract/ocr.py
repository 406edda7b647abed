"""Scanned pages: rendered by pypdfium2 and read by Tesseract's Vietnamese model.

Tesseract's hOCR output gives every line's box, baseline and x-size, so its lines carry a size
and a position like the lines of a text layer, and the same layout analysis finds titles,
headers and paragraphs; bold is told by the width of the strokes (italic is not known). One
Tesseract process reads each page, `jobs` of them at a time (ocrpages says which pages).
"""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import statistics
import subprocess
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

from ..i18n import _
from .pdf import ExtractError, Line
from .textquality import is_syllable

DPI = 300
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-vie"
COLOUR_SPREAD = 60  # a pixel whose red, green and blue differ by more than this is coloured
DARK_INK = 110  # ink darker than this grey is print (a red headline too), lighter a stamp
INK_EDGE = 2  # pixels around dark ink that are its edge, tinted or not
MIN_CONFIDENCE = 20  # Tesseract's confidence (0-100) below which a word may be noise
NOISE_CONFIDENCE = 5  # ... and below which it is, even when it is spelt as a syllable
COLUMN_GAP = 2.0  # a blank wider than this many x-sizes parts a line into two columns
INK = 128  # a grey darker than this is ink
BOLD_STROKE = 1.25  # a line whose strokes are this much wider than the page's usual is bold
SIZE_ERROR = 0.12  # a paragraph's x-size is known to about this share (±10 % by its letters)

PageSteps = Callable[[int], Callable[[], None]]
"""Told how many pages OCR will read, gives what to call after each page."""


def tesseract() -> str:
    """The tesseract program, if it can read Vietnamese; else a clear error."""
    program = shutil.which("tesseract")
    if program is None:
        raise ExtractError(_("Tesseract is not installed: {command}").format(command=INSTALL))
    languages = subprocess.run([program, "--list-langs"], capture_output=True, text=True).stdout
    if "vie" not in languages.split():
        raise ExtractError(_("Tesseract has no Vietnamese model: {command}").format(
            command=INSTALL))
    return program


_LINE = re.compile(
    r"class='ocr_(?:line|caption|header|textfloat)'[^>]*title=\"bbox (\d+) (\d+) (\d+) (\d+); "
    r"baseline (-?[\d.]+) (-?\d+); x_size ([\d.]+)[^\"]*\">(.*?)</span>\s*"
    r"(?=<span class='ocr_|</p>)",
    re.DOTALL,
)
_WORD = re.compile(r"<span class='ocrx_word'[^>]*bbox (\d+) (\d+) (\d+) (\d+); x_wconf (\d+)"
                   r"[^>]*>(.*?)</span>", re.DOTALL)


_LOOKALIKES = str.maketrans("Ðð", "Đđ")  # Icelandic eth, which Tesseract reads for đ
# signs printed text has; Tesseract's others ("¬", "⁄", "†", "=") are specks and seal strokes
_ODD_SIGNS = re.compile(r"[^\w\s.,;:!?()\[\]\"'“”‘’\-–—/%&+*•…@#°×$€]")


@dataclass
class _Word:
    left: int
    top: int
    right: int
    bottom: int
    text: str


def _noise(word: str, confidence: int) -> bool:
    """A word Tesseract is almost sure is noise, or unsure of and neither a Vietnamese syllable
    nor a number (a seal's fragment); an unsure "tuổi," (at 7) or "57" is kept."""
    if confidence >= MIN_CONFIDENCE:
        return False
    letters = re.sub(r"[\W\d_]+", "", word)
    readable = is_syllable(letters) if letters else any(char.isdigit() for char in word)
    return confidence < NOISE_CONFIDENCE or not readable


def _columns(line: str, x_size: float) -> list[list[_Word]]:
    """A hOCR line parted where a blank wider than COLUMN_GAP x-sizes separates two columns (a
    letterhead's two halves, "Nơi nhận:" beside the signer's title), with the words that are
    noise (a seal, a speck) left out; a noise word still fills its blank, so that a body line
    does not part where one of its words is lost."""
    columns: list[list[_Word]] = []
    right = -1
    for match in _WORD.finditer(line):
        left, top, word_right, bottom = (int(value) for value in match.groups()[:4])
        if not columns or left - right > x_size * COLUMN_GAP:
            columns.append([])
        right = word_right
        text = html.unescape(re.sub(r"<[^>]+>", "", match[6])).translate(_LOOKALIKES)
        text = _ODD_SIGNS.sub("", text).strip()
        if text and not _noise(text, int(match[5])):
            columns[-1].append(_Word(left, top, word_right, bottom, text))
    return [words for words in columns if words]


def _stroke(ink: np.ndarray) -> float:
    """The mean width of the horizontal runs of ink in a line's box: bold type's are wider."""
    starts = np.count_nonzero(ink[:, 1:] & ~ink[:, :-1]) + np.count_nonzero(ink[:, 0])
    return np.count_nonzero(ink) / max(1, starts)


def _hocr_lines(hocr: str, ink: np.ndarray, page: int, height: float) -> list[Line]:
    """Tesseract's hOCR lines, a line per column: the boxes, the baseline and the x-size give
    position and size (the page's usual size for a line within SIZE_ERROR of it, so that
    body text does not pass for small print or a heading), the width of the strokes against
    the page's usual width tells bold."""
    scale = 72 / DPI
    lines, strokes = [], []
    for paragraph in hocr.split("<p class='ocr_par'")[1:]:
        found = list(_LINE.finditer(paragraph))
        if not found:
            continue
        # a line's x-size varies by ±10 % with its letters: the paragraph's median is its size
        x_size = statistics.median(float(match[7]) for match in found)
        for match in found:
            baseline = (float(match[4]) + float(match[6])) * scale
            for words in _columns(match[8], x_size):
                if not any(char.isalnum() for word in words for char in word.text):
                    continue  # a lone dash or colon: a speck or a rule, not text
                left, right = words[0].left, words[-1].right
                top = min(word.top for word in words)
                bottom = max(word.bottom for word in words)
                strokes.append(_stroke(ink[top:bottom + 1, left:right + 1]))
                lines.append(Line(page, " ".join(word.text for word in words), x_size * scale,
                                  False, False, left * scale, right * scale, baseline, height))
    lengths = [len(line.text) for line in lines]
    usual = _usual(strokes, lengths)
    for line, stroke in zip(lines, strokes, strict=True):
        line.bold = stroke > usual * BOLD_STROKE
    body = _usual([line.size for line in lines], lengths)
    for line in lines:  # x-sizes are estimates: within their error, a line is the body's size
        if abs(line.size - body) <= body * SIZE_ERROR:
            line.size = body
    return lines


def _usual(values: list[float], lengths: list[int]) -> float:
    """The stroke width or size of most of the page's letters: the median weighted by line
    length, so that many short lines (headings, a signature block) do not set it."""
    half, counted = sum(lengths) / 2, 0
    for value, length in sorted(zip(values, lengths, strict=True)):
        counted += length
        if counted >= half:
            return value
    return 0.0


def _without_stamps(colour: Image.Image) -> Image.Image:
    """The page in grey, light coloured ink (a red seal or stamp over the signature or the
    title) turned to paper; dark ink of any colour (text, a red headline) is kept with its
    edges, which a JPEG scan tints (whitened, they turn "II." into "H.")."""
    grey = np.asarray(colour.convert("L"))
    channels = np.asarray(colour, dtype=np.int16)
    coloured = channels.max(axis=2) - channels.min(axis=2) > COLOUR_SPREAD
    print_ = Image.fromarray((grey <= DARK_INK).astype(np.uint8) * 255)
    near_print = np.asarray(print_.filter(ImageFilter.MaxFilter(INK_EDGE * 2 + 1))) > 0
    return Image.fromarray(np.where(coloured & ~near_print, 255, grey).astype(np.uint8))


def _recognise(program: str, image: Image.Image, page: int) -> str:
    """Tesseract's hOCR of one page image, one thread per process (pages run in parallel)."""
    data = io.BytesIO()
    image.save(data, "PPM")
    result = subprocess.run(
        [program, "stdin", "stdout", "-l", "vie", "--dpi", str(DPI), "hocr"],
        input=data.getvalue(), capture_output=True, env=os.environ | {"OMP_THREAD_LIMIT": "1"})
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip()[:200]
        raise ExtractError(_("Tesseract failed on page {page}: {message}").format(
            page=page + 1, message=message))
    return result.stdout.decode()


def read_pages(document: pdfium.PdfDocument, pages: list[int], jobs: int | None = None,
               steps: PageSteps | None = None) -> list[Line]:
    """The lines of some pages read from their images, `jobs` pages at a time, in page order."""
    program = tesseract()
    advance = steps(len(pages)) if steps else lambda: None
    rendering = threading.Lock()  # pdfium is not thread-safe

    def read(number: int) -> list[Line]:
        with rendering:
            page = document[number]
            _, height = page.get_size()
            colour = page.render(scale=DPI / 72).to_pil().convert("RGB")
        image = _without_stamps(colour)
        ink = np.asarray(image) < INK
        lines = _hocr_lines(_recognise(program, image, number), ink, number, height)
        advance()
        return lines

    with ThreadPoolExecutor(jobs or os.cpu_count()) as pool:
        return [line for lines in pool.map(read, pages) for line in lines]


