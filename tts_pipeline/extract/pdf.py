"""Read a PDF's text layer with pypdfium2 as styled lines, plus its outline and metadata."""

from __future__ import annotations

import ctypes
import math
import re
import statistics
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from ..errors import UserError
from ..i18n import N_, _

_ITALIC_FLAG = 0x40
_FORCE_BOLD_FLAG = 0x40000
_PLACEHOLDERS = {"", "(anonymous)", "(unspecified)", "untitled", "Untitled"}
GAP_RATIO = 0.5  # a blank wider than this many font sizes splits a line into spans
INKED_BLANK = 0.3  # a space whose glyph box is this many font sizes tall is a letter drawn


class ExtractError(UserError):
    """A document that cannot be turned into a book; the message says what to do."""


class Span(NamedTuple):
    """A run of a line's text between wide blanks, such as one table cell's part of a row."""

    x0: float
    x1: float
    text: str


@dataclass
class Line:
    page: int
    text: str
    size: float
    bold: bool
    italic: bool
    x0: float
    x1: float
    baseline: float
    page_height: float
    font: str = ""
    spans: tuple[Span, ...] = ()  # only for a line with wide blanks in it
    lost_letters: bool = False  # the page draws letters where the text layer says space

    def parts(self) -> tuple[Span, ...]:
        """The line's spans, or the whole line as one span."""
        return self.spans or (Span(self.x0, self.x1, self.text),)


@dataclass
class OutlineEntry:
    title: str
    page: int
    level: int


@dataclass
class PdfText:
    lines: list[Line]
    page_count: int
    outline: list[OutlineEntry]
    metadata: dict[str, str]
    page_chars: list[int]

    def __or__(self, metadata: dict[str, str]) -> PdfText:
        """The same text with the document's metadata (title, author) added."""
        return PdfText(self.lines, self.page_count, self.outline, self.metadata | metadata,
                       self.page_chars)


def _seen_size(textpage: raw.FPDF_TEXTPAGE, index: int) -> float:
    """The font size a reader sees: the nominal size times the vertical scale of the text and
    page matrices (InDesign and many libraries draw at size 1 in a scaled matrix)."""
    matrix = raw.FS_MATRIX()
    raw.FPDFText_GetMatrix(textpage, index, ctypes.byref(matrix))
    scale = math.hypot(matrix.c, matrix.d) or 1.0
    return raw.FPDFText_GetFontSize(textpage, index) * scale


def _font_style(textpage: raw.FPDF_TEXTPAGE, index: int) -> tuple[float, bool, bool, str]:
    """Size, bold, italic and font name of a character."""
    size = _seen_size(textpage, index)
    flags = ctypes.c_int(0)
    buffer = ctypes.create_string_buffer(128)
    raw.FPDFText_GetFontInfo(textpage, index, buffer, len(buffer), ctypes.byref(flags))
    font = buffer.value.decode("latin-1")
    name = font.lower()
    weight = raw.FPDFText_GetFontWeight(textpage, index)
    bold = (
        "bold" in name or "black" in name or weight >= 600
        or bool(flags.value & _FORCE_BOLD_FLAG)
    )
    italic = "italic" in name or "oblique" in name or bool(flags.value & _ITALIC_FLAG)
    return size, bold, italic, font


def _char_box(textpage: raw.FPDF_TEXTPAGE, index: int) -> tuple[float, float, float, float]:
    """left, right, bottom, top of a character in PDF units (origin at the bottom left)."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    raw.FPDFText_GetCharBox(
        textpage, index, ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom),
        ctypes.byref(top),
    )
    return left.value, right.value, bottom.value, top.value


def _spans(textpage: raw.FPDF_TEXTPAGE, segment: str, start: int, first: int, last: int,
           size: float) -> tuple[Span, ...]:
    """A line's text split where pdfium's boxes of it (one per text object, or per word or
    glyph) leave a blank wider than GAP_RATIO font sizes; () when there is none."""
    count = raw.FPDFText_CountRects(textpage, first, last - first + 1)
    if count < 2:
        return ()
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    boxes = []
    for rect in range(count):
        raw.FPDFText_GetRect(textpage, rect, *map(ctypes.byref, (left, top, right, bottom)))
        boxes.append((left.value, right.value, (top.value + bottom.value) / 2))
    spans, cut, x0 = [], 0, boxes[0][0]
    for before, after in zip(boxes, boxes[1:], strict=False):
        if after[0] - before[1] <= size * GAP_RATIO:
            continue
        char = raw.FPDFText_GetCharIndexAtPos(textpage, after[0] + 0.1, after[2], size / 2,
                                              size / 2)
        position = raw.FPDFText_GetTextIndexFromCharIndex(textpage, char) - start
        if cut < position < len(segment) and segment[cut:position].strip():
            spans.append(Span(x0, before[1], segment[cut:position].strip()))
            cut, x0 = position, after[0]
    if not spans:
        return ()
    return (*spans, Span(x0, boxes[-1][1], segment[cut:].strip()))


_VOWELS = "".join(sorted({char for char in map(chr, range(0x41, 0x1EFA))
                          if unicodedata.normalize("NFD", char)[0] in "aeiouyAEIOUY"}))
# a space where a letter may be lost: beside a lone letter ("X C NH"), before a word that
# lost its first consonant ("1. ặt" for "1. Đặt") or before a sign ("Hình ."), at the end
_SUSPECT_SPACE = re.compile(rf"(?<![^\s])[^\W\d_](?= )| (?=[^\W\d_](?!\S))| (?=[{_VOWELS}])"
                            r"| (?=[^\w\s])| $")


def _lost_letters(textpage: raw.FPDF_TEXTPAGE, segment: str, start: int, size: float) -> bool:
    """Whether a line's text says space where the page draws a glyph: a font whose Unicode map
    sends some letters to U+0020 (Word's subsets of legacy fonts do) leaves "X C NH" for
    "XÁC ĐỊNH". A true space's box has no height; a letter's is as tall as its ink. Only the
    spaces where a letter may be lost are looked at: the check costs little."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    box = tuple(map(ctypes.byref, (left, right, bottom, top)))
    for match in _SUSPECT_SPACE.finditer(segment):
        offset = match.end() if match.group() != " " else match.start()
        raw.FPDFText_GetCharBox(
            textpage, raw.FPDFText_GetCharIndexFromTextIndex(textpage, start + offset), *box)
        if top.value - bottom.value > size * INKED_BLANK:
            return True
    return False


def _segments(textpage: raw.FPDF_TEXTPAGE, text: str) -> list[tuple[int, str]]:
    """The lines of a page's text, with where each starts in it. pdfium ends lines with CR LF
    but runs a line that ends in a hyphen (or a soft hyphen: the TCVN3 font encoding's ư) into
    the next, the hyphen made U+FFFE; such lines are parted again, the hyphen kept as "\x02"."""
    segments, start = [], 0
    for match in re.finditer("\r\n|\ufffe", text + "\r\n"):
        end = match.start()
        if match.group() == "\r\n":
            segments.append((start, text[start:end]))
            start = match.end()
        elif end + 1 < len(text) and _new_line(textpage, end, end + 1):
            segments.append((start, text[start:end] + "\x02"))
            start = end + 1
    return segments


def _new_line(textpage: raw.FPDF_TEXTPAGE, before: int, after: int) -> bool:
    """Whether the characters at two text indexes stand on different lines."""
    chars = [raw.FPDFText_GetCharIndexFromTextIndex(textpage, index) for index in (before, after)]
    baselines = []
    for char in chars:
        x, y = ctypes.c_double(), ctypes.c_double()
        raw.FPDFText_GetCharOrigin(textpage, char, ctypes.byref(x), ctypes.byref(y))
        baselines.append(y.value)
    return abs(baselines[0] - baselines[1]) > _seen_size(textpage, chars[0]) / 2


def _page_lines(page: pdfium.PdfPage, number: int) -> tuple[list[Line], int]:
    textpage = page.get_textpage()
    _, height = page.get_size()
    count = textpage.count_chars()
    text = textpage.get_text_range() if count else ""
    lines: list[Line] = []
    for start, segment in _segments(textpage, text):
        stripped = segment.strip()
        if stripped:
            first = start + len(segment) - len(segment.lstrip())
            last = start + len(segment.rstrip()) - 1
            samples = sorted({first, (first + last) // 2, last})
            styles = []
            for text_index in samples:
                char_index = raw.FPDFText_GetCharIndexFromTextIndex(textpage, text_index)
                styles.append(_font_style(textpage, char_index))
            size = statistics.median(style[0] for style in styles)
            bold = sum(style[1] for style in styles) * 2 > len(styles)
            italic = sum(style[2] for style in styles) * 2 > len(styles)
            font = statistics.mode(style[3] for style in styles)
            first_char = raw.FPDFText_GetCharIndexFromTextIndex(textpage, first)
            left, _, _, _ = _char_box(textpage, first_char)
            last_char = raw.FPDFText_GetCharIndexFromTextIndex(textpage, last)
            _, right, _, _ = _char_box(textpage, last_char)
            origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
            raw.FPDFText_GetCharOrigin(
                textpage, first_char, ctypes.byref(origin_x), ctypes.byref(origin_y)
            )
            spans = _spans(textpage, segment, start, first_char, last_char, size)
            lines.append(
                Line(number, segment, size, bold, italic, left, right,
                     height - origin_y.value, height, font, spans,
                     _lost_letters(textpage, segment, start, size))
            )
    textpage.close()
    return lines, len(text.replace("\r\n", "").strip())


def _outline(document: pdfium.PdfDocument) -> list[OutlineEntry]:
    entries = []
    for item in document.get_toc():
        page = item.get_dest().get_index() if item.get_dest() is not None else None
        title = (item.get_title() or "").strip()
        if title and page is not None:
            entries.append(OutlineEntry(title, page, item.level))
    return entries


# Why pdfium could not open a document, by its error code, in the user's words.
PDFIUM_ERRORS = {
    raw.FPDF_ERR_FILE: N_("the file cannot be opened"),
    raw.FPDF_ERR_FORMAT: N_("damaged or incomplete"),
    raw.FPDF_ERR_SECURITY: N_("an encryption pdfium does not support"),
    raw.FPDF_ERR_PAGE: N_("a page cannot be read"),
}


def open_pdf(path: Path, password: str | None = None) -> pdfium.PdfDocument:
    """The document, opened with the password if it has one; ExtractError when pdfium cannot
    open it (bytes before the %PDF header are its to judge)."""
    try:
        return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise ExtractError((
                _("{file}: wrong password: check the --password you gave")
                if password else _("{file} is password-protected: pass --password to open it")
            ).format(file=path.name)) from None
        with path.open("rb") as handle:
            header = b"%PDF" in handle.read(1024)
        reason = PDFIUM_ERRORS.get(getattr(error, "err_code", None))
        raise ExtractError((
            _("{file} is not a readable PDF ({error}): check the file or export it again")
            if header else _("{file} is not a PDF (no %PDF header): check the file")
        ).format(file=path.name, error=_(reason) if reason else error)) from None


def read_pdf(path: Path, password: str | None = None) -> PdfText:
    """All text lines of a PDF with font size, weight, slant and position."""
    document = open_pdf(path, password)
    try:
        lines: list[Line] = []
        page_chars = []
        for number in range(len(document)):
            page_lines, chars = _page_lines(document[number], number)
            lines.extend(page_lines)
            page_chars.append(chars)
        metadata = {
            key: str(value).strip()
            for key, value in document.get_metadata_dict().items()
            if str(value).strip() not in _PLACEHOLDERS
        }
        return PdfText(lines, len(document), _outline(document), metadata, page_chars)
    finally:
        document.close()


def render_page(path: Path, page: int = 0, scale: float = 2.0,
                password: str | None = None):  # -> PIL.Image.Image
    """A page of the PDF as a picture (for the cover)."""
    document = open_pdf(path, password)
    try:
        return document[page].render(scale=scale).to_pil()
    finally:
        document.close()
