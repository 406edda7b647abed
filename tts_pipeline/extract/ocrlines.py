"""Lines whose text layer lost letters, read again by OCR from the page's picture of them.

Word embeds subsets of legacy fonts whose Unicode map sends some letters to a space, and
pdfium drops others: the layer says "X C NH TẢI TRỌNG" where the page shows "XÁC ĐỊNH TẢI
TRỌNG" (pdf.py marks such lines, where a "space" is drawn as a glyph). Each such line is
rendered alone and read by Tesseract; its reading replaces the layer's when it has more
letters and reads as Vietnamese at least as well, and a line in capitals is respelt as the
running text spells its words (see ocrspelling).
"""

from __future__ import annotations

import difflib
import os
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageOps

from .ocr import DPI, INK, _hocr_lines, _recognise, tesseract
from .ocrspelling import respell_capitals
from .pdf import ExtractError, Line, PdfText
from .textquality import measure

ASCENT = 1.3  # a line's capitals and their stacked marks reach this many sizes over the baseline
DESCENT = 0.4  # ... and its descenders this many under it
SIDE = 1.5  # a lost letter at either end of the line lies within this many sizes of it
GUTTER = 2.0  # ... short of a line beside it (another column) by this many points
MARGIN = 20  # white pixels around the line's picture: Tesseract reads poorly at the edge


def _signs(text: str) -> int:
    """The letters and digits of a text."""
    return sum(char.isalnum() for char in text)


def better_reading(layer: str, read: str) -> bool:
    """Whether OCR's reading of a line gives back letters or digits the layer lost and reads
    as Vietnamese syllables no worse than it."""
    before, after = measure(layer), measure(read)
    return (_signs(read) > _signs(layer) and after.words > 0
            and after.syllables * max(1, before.words) >= before.syllables * after.words)


def _skeleton(word: str) -> str:
    """A word's letters without their marks, in lower case ("DẦY" and "DÂY" give "day")."""
    bare = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    return "".join(char for char in bare if not unicodedata.combining(char))


def _number(word: str) -> bool:
    """A word of digits and signs only ("1.", "2-1")."""
    return any(char.isdigit() for char in word) and not any(char.isalpha() for char in word)


def merged(layer: str, read: str) -> str:
    """OCR's reading with the layer's words kept where OCR misread them: the layer loses
    letters but does not misspell the ones it keeps, so where OCR read the same letters with
    other marks ("DẦY" for "DÂY") or another number of the same length ("4." for "1.") the
    layer's word stands."""
    ours, theirs = layer.split(), read.split()
    words = list(theirs)
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    for tag, start, end, other, other_end in matcher.get_opcodes():
        if tag != "replace":
            continue
        mine = ours[start:end]
        for index in range(other, other_end):
            found = theirs[index]
            same = [word for word in mine if _skeleton(word) == _skeleton(found)
                    or _number(word) and _number(found) and len(word) == len(found)
                    and len(mine) == other_end - other]
            if same:
                words[index] = same[0]
                mine.remove(same[0])
    return " ".join(words)


def _bounds(line: Line, page_lines: list[Line], width: float, height: float
            ) -> tuple[float, float, float, float]:
    """left, top, right, bottom of a line's strip (from the top left): its ink and the letters
    it may have lost at either end, short of the lines above, below and beside it."""
    top = line.baseline - line.size * ASCENT
    bottom = line.baseline + line.size * DESCENT
    left, right = line.x0 - line.size * SIDE, line.x1 + line.size * SIDE
    for other in page_lines:
        if other is line:
            continue
        if abs(other.baseline - line.baseline) < line.size / 2:
            if other.x1 <= line.x0:
                left = max(left, other.x1 + GUTTER)
            elif other.x0 >= line.x1:
                right = min(right, other.x0 - GUTTER)
        elif other.x0 < line.x1 and other.x1 > line.x0:
            if other.baseline < line.baseline:
                top = max(top, other.baseline + other.size * DESCENT / 2)
            else:
                bottom = min(bottom, other.baseline - other.size * ASCENT / 2)
    return max(0.0, left), max(0.0, top), min(width, right), min(height, bottom)


def _picture(page: pdfium.PdfPage, line: Line, page_lines: list[Line]) -> Image.Image:
    """The line's strip of the page in grey, with a white margin."""
    width, height = page.get_size()
    left, top, right, bottom = _bounds(line, page_lines, width, height)
    bitmap = page.render(scale=DPI / 72, crop=(left, height - bottom, width - right, top))
    return ImageOps.expand(bitmap.to_pil().convert("L"), MARGIN, fill=255)


def _read(program: str, image: Image.Image, page: int) -> str:
    """Tesseract's text of a line's picture ("" where Tesseract fails on it)."""
    try:
        hocr = _recognise(program, image, page)
    except ExtractError:
        return ""
    found = _hocr_lines(hocr, np.asarray(image) < INK, page, image.height)
    return " ".join(line.text for line in found)


def repair_lines(path: Path, pdf: PdfText, password: str | None = None,
                 jobs: int | None = None) -> PdfText:
    """The text with each line that lost letters read again from the page, where OCR reads it
    better; the layer's text where Tesseract is missing (a page read whole by OCR has no such
    line)."""
    damaged = [index for index, line in enumerate(pdf.lines) if line.lost_letters]
    if not damaged:
        return pdf
    try:
        program = tesseract()
    except ExtractError:
        return pdf
    document = pdfium.PdfDocument(str(path), password=password)
    try:
        pictures = [_picture(document[pdf.lines[index].page], pdf.lines[index],
                             [line for line in pdf.lines if line.page == pdf.lines[index].page])
                    for index in damaged]
    finally:
        document.close()
    with ThreadPoolExecutor(jobs or os.cpu_count()) as pool:
        readings = list(pool.map(lambda pair: _read(program, *pair),
                                 zip(pictures, (pdf.lines[index].page for index in damaged),
                                     strict=True)))
    lines, read = list(pdf.lines), set()
    for index, reading in zip(damaged, readings, strict=True):
        if better_reading(lines[index].text, reading):
            lines[index] = replace(lines[index], text=merged(lines[index].text, reading),
                                   spans=(), lost_letters=False)
            read.add(index)
    return PdfText(respell_capitals(lines, set(), frozenset(read)), pdf.page_count, pdf.outline,
                   pdf.metadata, pdf.page_chars)
