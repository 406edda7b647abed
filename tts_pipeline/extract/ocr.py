"""Scanned PDFs: pages rendered by pypdfium2 and read by Tesseract's Vietnamese model.

Tesseract's hOCR output gives every line's box, baseline and x-size, so its lines carry a size
and a position like the lines of a text layer, and the same layout analysis finds titles,
headers and paragraphs (bold and italic are not known).
"""

from __future__ import annotations

import html
import re
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

from .pdf import ExtractError, Line, PdfText

DPI = 300
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-vie"


def tesseract() -> str:
    """The tesseract program, if it can read Vietnamese; else a clear error."""
    program = shutil.which("tesseract")
    if program is None:
        raise ExtractError(f"Tesseract is not installed: {INSTALL}")
    languages = subprocess.run([program, "--list-langs"], capture_output=True, text=True).stdout
    if "vie" not in languages.split():
        raise ExtractError(f"Tesseract has no Vietnamese model: {INSTALL}")
    return program


_LINE = re.compile(
    r"class='ocr_(?:line|caption|header|textfloat)'[^>]*title=\"bbox (\d+) (\d+) (\d+) (\d+); "
    r"baseline (-?[\d.]+) (-?\d+); x_size ([\d.]+)[^\"]*\">(.*?)</span>\s*"
    r"(?=<span class='ocr_|</p>)",
    re.DOTALL,
)
_WORD = re.compile(r"<span class='ocrx_word'[^>]*>(.*?)</span>", re.DOTALL)


def _page_lines(program: str, image: Path, page: int, width: float, height: float
                ) -> list[Line]:
    """Tesseract's hOCR lines: the box, the baseline and the x-size give position and size."""
    result = subprocess.run([program, str(image), "stdout", "-l", "vie", "--dpi", str(DPI),
                             "hocr"], capture_output=True, text=True)
    if result.returncode != 0:
        raise ExtractError(f"Tesseract failed on page {page + 1}: {result.stderr.strip()[:200]}")
    scale = 72 / DPI
    lines = []
    for paragraph in result.stdout.split("<p class='ocr_par'")[1:]:
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


def read_scanned(path: Path, password: str | None = None) -> PdfText:
    """The lines of a PDF read from its page images, as if they were its text layer."""
    program = tesseract()
    document = pdfium.PdfDocument(str(path), password=password)
    lines: list[Line] = []
    pages = len(document)
    try:
        with tempfile.TemporaryDirectory() as folder:
            for number in range(pages):
                page = document[number]
                width, height = page.get_size()
                image = Path(folder) / f"{number}.png"
                page.render(scale=DPI / 72, grayscale=True).to_pil().save(image)
                lines += _page_lines(program, image, number, width, height)
    finally:
        document.close()
    chars = [sum(len(line.text) for line in lines if line.page == number)
             for number in range(pages)]
    return PdfText(lines, pages, [], {}, chars)
