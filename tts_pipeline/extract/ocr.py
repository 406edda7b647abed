"""Scanned pages: rendered by pypdfium2 and read by Tesseract's Vietnamese model.

Tesseract's hOCR output gives every line's box, baseline and x-size, so its lines carry a size
and a position like the lines of a text layer, and the same layout analysis finds titles,
headers and paragraphs; bold is told by the width of the strokes (italic is not known). A page
is read this way when its text layer is missing or does not look Vietnamese (see textquality)
and the page shows a picture or drawn glyphs; one Tesseract process reads each page, `jobs` of
them at a time.
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
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as raw
from PIL import Image, ImageFilter

from .pdf import ExtractError, Line, PdfText
from .textquality import TextQuality, measure

DPI = 300
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-vie"
SCAN_AREA = 0.3  # an image over this share of the page may be a scan of it
COLOUR_SPREAD = 60  # a pixel whose red, green and blue differ by more than this is coloured
DARK_INK = 110  # coloured ink darker than this grey is print (a headline), lighter is a stamp
INK_EDGE = 2  # pixels around dark coloured ink that are its anti-aliased edge
MIN_CONFIDENCE = 20  # Tesseract's confidence (0-100) below which a word is noise
COLUMN_GAP = 2.0  # a blank wider than this many x-sizes parts a line into two columns
INK = 128  # a grey darker than this is ink
BOLD_STROKE = 1.25  # a line whose strokes are this much wider than the page's usual is bold
OUTLINE_SEGMENTS = 2000  # more path segments than this may be glyphs drawn as outlines
FULL_PAGE_WORDS = 100  # a layer with fewer words over a scan may be a stamp, not the page
OCR_GAIN = 2  # OCR replaces a layer when it reads this many times its marked syllables

PageSteps = Callable[[int], Callable[[], None]]
"""Told how many pages OCR will read, gives what to call after each page."""


def tesseract() -> str:
    """The tesseract program, if it can read Vietnamese; else a clear error."""
    program = shutil.which("tesseract")
    if program is None:
        raise ExtractError(f"Tesseract is not installed: {INSTALL}")
    languages = subprocess.run([program, "--list-langs"], capture_output=True, text=True).stdout
    if "vie" not in languages.split():
        raise ExtractError(f"Tesseract has no Vietnamese model: {INSTALL}")
    return program


def page_quality(pdf: PdfText) -> list[TextQuality]:
    """How Vietnamese each page's text layer looks."""
    texts = [[] for _ in range(pdf.page_count)]
    for line in pdf.lines:
        texts[line.page].append(line.text)
    return [measure(" ".join(text)) for text in texts]


def _shows_something(page: pdfium.PdfPage) -> bool:
    """Whether a page carries a large image (a scan) or many path segments (glyphs drawn as
    outlines)."""
    width, height = page.get_size()
    segments = 0
    for item in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_PATH]):
        if item.type == raw.FPDF_PAGEOBJ_PATH:
            segments += raw.FPDFPath_CountSegments(item.raw)
            if segments > OUTLINE_SEGMENTS:
                return True
            continue
        left, bottom, right, top = item.get_bounds()
        if (right - left) * (top - bottom) > SCAN_AREA * width * height:
            return True
    return False


def _doubtful(layer: TextQuality) -> bool:
    """A text layer that may not be the page's text: not Vietnamese, or a few lines only (an
    e-signature's box stamped on a scan)."""
    return not layer.looks_vietnamese() or layer.words < FULL_PAGE_WORDS


def unreadable_pages(document: pdfium.PdfDocument, quality: list[TextQuality]) -> list[int]:
    """Pages with a doubtful text layer that show a scan or outlines."""
    return [number for number, layer in enumerate(quality)
            if _doubtful(layer) and _shows_something(document[number])]


_LINE = re.compile(
    r"class='ocr_(?:line|caption|header|textfloat)'[^>]*title=\"bbox (\d+) (\d+) (\d+) (\d+); "
    r"baseline (-?[\d.]+) (-?\d+); x_size ([\d.]+)[^\"]*\">(.*?)</span>\s*"
    r"(?=<span class='ocr_|</p>)",
    re.DOTALL,
)
_WORD = re.compile(r"<span class='ocrx_word'[^>]*bbox (\d+) (\d+) (\d+) (\d+); x_wconf (\d+)"
                   r"[^>]*>(.*?)</span>", re.DOTALL)


@dataclass
class _Word:
    left: int
    top: int
    right: int
    bottom: int
    text: str


def _columns(line: str, x_size: float) -> list[list[_Word]]:
    """A hOCR line's words that Tesseract is not almost sure are noise (a seal, a signature),
    parted where a blank wider than COLUMN_GAP x-sizes separates two columns (a letterhead's
    two halves, "Nơi nhận:" beside the signer's title)."""
    columns: list[list[_Word]] = []
    for match in _WORD.finditer(line):
        text = html.unescape(re.sub(r"<[^>]+>", "", match[6])).strip()
        if not text or int(match[5]) < MIN_CONFIDENCE:
            continue
        word = _Word(*(int(value) for value in match.groups()[:4]), text)
        if columns and word.left - columns[-1][-1].right <= x_size * COLUMN_GAP:
            columns[-1].append(word)
        else:
            columns.append([word])
    return columns


def _stroke(ink: np.ndarray) -> float:
    """The mean width of the horizontal runs of ink in a line's box: bold type's are wider."""
    starts = np.count_nonzero(ink[:, 1:] & ~ink[:, :-1]) + np.count_nonzero(ink[:, 0])
    return np.count_nonzero(ink) / max(1, starts)


def _hocr_lines(hocr: str, ink: np.ndarray, page: int, width: float, height: float
                ) -> list[Line]:
    """Tesseract's hOCR lines, a line per column: the boxes, the baseline and the x-size give
    position and size, the width of the strokes against the page's usual width tells bold."""
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
                left, right = words[0].left, words[-1].right
                top = min(word.top for word in words)
                bottom = max(word.bottom for word in words)
                strokes.append(_stroke(ink[top:bottom + 1, left:right + 1]))
                lines.append(Line(page, " ".join(word.text for word in words), x_size * scale,
                                  False, False, left * scale, right * scale, baseline, width,
                                  height))
    usual = _usual_stroke(strokes, [len(line.text) for line in lines])
    for line, stroke in zip(lines, strokes, strict=True):
        line.bold = stroke > usual * BOLD_STROKE
    return lines


def _usual_stroke(strokes: list[float], lengths: list[int]) -> float:
    """The stroke width of most of the page's letters: the median weighted by line length, so
    that many short bold lines (headings, a signature block) do not set it."""
    half, counted = sum(lengths) / 2, 0
    for stroke, length in sorted(zip(strokes, lengths, strict=True)):
        counted += length
        if counted >= half:
            return stroke
    return 0.0


def _without_stamps(colour: Image.Image) -> Image.Image:
    """The page in grey, light coloured ink (a red seal or stamp over the signature or the
    title) turned to paper; dark coloured ink (a red headline) is kept with its edges."""
    grey = np.asarray(colour.convert("L"))
    channels = np.asarray(colour, dtype=np.int16)
    coloured = channels.max(axis=2) - channels.min(axis=2) > COLOUR_SPREAD
    print_ = Image.fromarray((coloured & (grey <= DARK_INK)).astype(np.uint8) * 255)
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
        raise ExtractError(f"Tesseract failed on page {page + 1}: {message}")
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
            width, height = page.get_size()
            colour = page.render(scale=DPI / 72).to_pil().convert("RGB")
        image = _without_stamps(colour)
        ink = np.asarray(image) < INK
        lines = _hocr_lines(_recognise(program, image, number), ink, number, width, height)
        advance()
        return lines

    with ThreadPoolExecutor(jobs or os.cpu_count()) as pool:
        return [line for lines in pool.map(read, pages) for line in lines]


def _gains(read: TextQuality, layer: TextQuality) -> bool:
    """Whether OCR's text of a page is Vietnamese and has OCR_GAIN times the marked syllables
    of its layer (more than the same text read again)."""
    return read.looks_vietnamese() and read.marked > layer.marked * OCR_GAIN


def ocr_pages(path: Path, pdf: PdfText, password: str | None = None, force: bool = False,
              jobs: int | None = None, steps: PageSteps | None = None
              ) -> tuple[PdfText, list[int]]:
    """The text with every page whose layer is missing or garbled read by OCR instead (every
    page when `force`), and the numbers of the pages so read."""
    layer = page_quality(pdf)
    if not force and not any(map(_doubtful, layer)):
        return pdf, []
    document = pdfium.PdfDocument(str(path), password=password)
    try:
        pages = list(range(pdf.page_count)) if force else unreadable_pages(document, layer)
        read = read_pages(document, pages, jobs, steps) if pages else []
    finally:
        document.close()
    found = page_quality(PdfText(read, pdf.page_count, [], {}, []))
    replaced = [page for page in pages if force or _gains(found[page], layer[page])]
    lines = sorted([line for line in pdf.lines if line.page not in replaced]
                   + [line for line in read if line.page in replaced], key=lambda line: line.page)
    chars = [sum(len(line.text) for line in read if line.page == page) if page in replaced
             else pdf.page_chars[page] for page in range(pdf.page_count)]
    return PdfText(lines, pdf.page_count, pdf.outline, pdf.metadata, chars), replaced


def _page_numbers(pages: list[int]) -> str:
    """Page indexes as the reader counts them, runs joined: "pages 1–3, 6"."""
    runs: list[list[int]] = []
    for page in pages:
        if runs and runs[-1][-1] == page - 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    ranges = [f"{run[0] + 1}–{run[-1] + 1}" if len(run) > 1 else f"{run[0] + 1}" for run in runs]
    return f"page{'s' if len(pages) > 1 else ''} {', '.join(ranges)}"


def read_by_ocr(path: Path, pdf: PdfText, password: str | None, force: bool,
                jobs: int | None, steps: PageSteps | None) -> tuple[PdfText, list[str]]:
    """The text with its scanned or garbled pages read by OCR, and the warning that says so."""
    try:
        pdf, pages = ocr_pages(path, pdf, password, force, jobs, steps)
    except ExtractError as error:
        if force or sum(pdf.page_chars) == 0:
            raise ExtractError(f"{path.name} has no text layer (a scan?) and cannot be read "
                               f"by OCR here: {error}") from None
        return pdf, [f"some pages have no usable text layer (a scan?) and cannot be read by "
                     f"OCR here: {error}"]
    if sum(pdf.page_chars) == 0:
        raise ExtractError(
            f"{path.name} has no text layer and OCR found no text on its pages: check the file"
        )
    if not pages:
        return pdf, []
    why = "" if force else ", no usable text layer"
    return pdf, [f"{_page_numbers(pages)} read by OCR (Tesseract, Vietnamese{why}): proofread "
                 "the chapter files"]
