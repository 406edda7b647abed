"""Scanned pages: rendered by pypdfium2 and read by Tesseract's Vietnamese model.

Tesseract's hOCR output gives every line's box, baseline and x-size, so its lines carry a size
and a position like the lines of a text layer, and the same layout analysis finds titles,
headers and paragraphs (bold and italic are not known). A page is read this way when its text
layer is missing or does not look Vietnamese (see textquality) and the page shows a picture
or drawn glyphs; one Tesseract process reads each page, `jobs` of them at a time.
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
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from PIL import Image

from .pdf import ExtractError, Line, PdfText
from .textquality import TextQuality, measure

DPI = 300
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-vie"
SCAN_AREA = 0.3  # an image over this share of the page may be a scan of it
OUTLINE_SEGMENTS = 2000  # more path segments than this may be glyphs drawn as outlines

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


def unreadable_pages(document: pdfium.PdfDocument, quality: list[TextQuality]) -> list[int]:
    """Pages whose text layer does not look Vietnamese but that show a scan or outlines."""
    return [number for number, page_quality in enumerate(quality)
            if not page_quality.looks_vietnamese() and _shows_something(document[number])]


_LINE = re.compile(
    r"class='ocr_(?:line|caption|header|textfloat)'[^>]*title=\"bbox (\d+) (\d+) (\d+) (\d+); "
    r"baseline (-?[\d.]+) (-?\d+); x_size ([\d.]+)[^\"]*\">(.*?)</span>\s*"
    r"(?=<span class='ocr_|</p>)",
    re.DOTALL,
)
_WORD = re.compile(r"<span class='ocrx_word'[^>]*>(.*?)</span>", re.DOTALL)


def _hocr_lines(hocr: str, page: int, width: float, height: float) -> list[Line]:
    """Tesseract's hOCR lines: the box, the baseline and the x-size give position and size."""
    scale = 72 / DPI
    lines = []
    for paragraph in hocr.split("<p class='ocr_par'")[1:]:
        found = list(_LINE.finditer(paragraph))
        if not found:
            continue
        # a line's x-size varies by ±10 % with its letters: the paragraph's median is its size
        size = statistics.median(float(match[7]) for match in found) * scale
        for match in found:
            left, _, right, bottom, _, offset = (float(value) for value in match.groups()[:6])
            words = [html.unescape(re.sub(r"<[^>]+>", "", word))
                     for word in _WORD.findall(match[8])]
            text = " ".join(word for word in words if word.strip())
            if text:
                lines.append(Line(page, text, size, False, False, left * scale, right * scale,
                                  (bottom + offset) * scale, width, height))
    return lines


def _page_image(page: pdfium.PdfPage) -> Image.Image:
    """The page at DPI in grey."""
    return page.render(scale=DPI / 72, grayscale=True).to_pil()


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
            image = _page_image(page)
        lines = _hocr_lines(_recognise(program, image, number), number, width, height)
        advance()
        return lines

    with ThreadPoolExecutor(jobs or os.cpu_count()) as pool:
        return [line for lines in pool.map(read, pages) for line in lines]


def _gains(read: TextQuality, layer: TextQuality) -> bool:
    """Whether OCR's text of a page is Vietnamese and has more marked syllables than its layer."""
    return read.looks_vietnamese() and read.marked > layer.marked


def ocr_pages(path: Path, pdf: PdfText, password: str | None = None, force: bool = False,
              jobs: int | None = None, steps: PageSteps | None = None
              ) -> tuple[PdfText, list[int]]:
    """The text with every page whose layer is missing or garbled read by OCR instead (every
    page when `force`), and the numbers of the pages so read."""
    layer = page_quality(pdf)
    if not force and all(quality.looks_vietnamese() for quality in layer):
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
