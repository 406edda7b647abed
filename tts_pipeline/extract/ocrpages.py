"""Which pages of a PDF OCR reads, and their OCR text put in place of their text layer.

A page is read by OCR when its text layer is garbled — many words, not Vietnamese, as a
legacy font without a Unicode map gives — or when it is doubtful — not Vietnamese (see
textquality) or only a few lines, such as an e-signature's box stamped on a scan — and the
page shows a scan image or glyphs drawn as outlines. OCR's text replaces the layer only when it
is Vietnamese and reads well beyond it; its headings in capitals are respelt as the running
text spells their words (see ocrspelling).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from ..i18n import _, ngettext
from .ocr import PageSteps, read_pages
from .ocrspelling import respell_capitals
from .pdf import ExtractError, PdfText
from .textquality import TextQuality, measure

SCAN_AREA = 0.3  # an image over this share of the page may be a scan of it
OUTLINE_SEGMENTS = 2000  # more path segments than this may be glyphs drawn as outlines
FULL_PAGE_WORDS = 100  # a layer with fewer words over a scan may be a stamp, not the page
GARBLED_WORDS = 40  # a layer with this many words that are not Vietnamese is read again
OCR_GAIN = 2  # OCR replaces a layer when it reads this many times its marked syllables


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


def _garbled(layer: TextQuality) -> bool:
    """A text layer of many words that are not Vietnamese: a legacy font without a Unicode
    map gives its glyph codes ("P Q4 R S@"), whatever the page shows."""
    return layer.words >= GARBLED_WORDS and not layer.looks_vietnamese()


def unreadable_pages(document: pdfium.PdfDocument, quality: list[TextQuality]) -> list[int]:
    """Pages with a garbled text layer, and pages with a doubtful one that show a scan or
    outlines."""
    return [number for number, layer in enumerate(quality)
            if _garbled(layer) or _doubtful(layer) and _shows_something(document[number])]


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
    if replaced:
        lines = respell_capitals(lines, set(replaced))
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
    return ngettext("page {pages}", "pages {pages}", len(pages)).format(pages=", ".join(ranges))


def read_by_ocr(path: Path, pdf: PdfText, password: str | None, force: bool,
                jobs: int | None, steps: PageSteps | None) -> tuple[PdfText, list[str]]:
    """The text with its scanned or garbled pages read by OCR, and the warning that says so."""
    try:
        pdf, pages = ocr_pages(path, pdf, password, force, jobs, steps)
    except ExtractError as error:
        if sum(pdf.page_chars) == 0:
            raise ExtractError(_("{file} has no text layer (a scan?) and cannot be read by OCR "
                                 "here: {error}").format(file=path.name, error=error)) from None
        if force:
            raise ExtractError(_("{file} cannot be read by OCR here: {error}").format(
                file=path.name, error=error)) from None
        return pdf, [_("some pages have no usable text layer (a scan?) and cannot be read by "
                       "OCR here: {error}").format(error=error)]
    if sum(pdf.page_chars) == 0:
        raise ExtractError(_(
            "{file} has no text layer and OCR found no text on its pages: check the file"
        ).format(file=path.name))
    if not pages:
        return pdf, []
    message = _("{pages} read by OCR (Tesseract, Vietnamese): proofread the chapter files") if (
        force) else _("{pages} read by OCR (Tesseract, Vietnamese, no usable text layer): "
                      "proofread the chapter files")
    return pdf, [message.format(pages=_page_numbers(pages))]
