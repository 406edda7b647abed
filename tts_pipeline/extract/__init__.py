"""Extract stage: a document becomes a Book of chapters."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..book import Book, nfc
from .chapters import segment
from .docx import read_docx
from .layout import Block, analyse, clean_text
from .legacy import legacy_encoding, to_unicode
from .ocr import PageSteps
from .ocrpages import read_by_ocr
from .pdf import ExtractError, Line, PdfText, read_pdf
from .plain import read_plain

__all__ = ["SUPPORTED_SUFFIXES", "ExtractError", "extract"]

_ISSUE = re.compile(r"\bSố\s+(\d{1,3}(?:/\d{4})?)", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"\btháng\s+(\d{1,2})\s*(?:năm|/|-)\s*(\d{4})", re.IGNORECASE)


def _book_metadata(text: str, metadata: dict[str, str], fallback_title: str) -> dict[str, str]:
    title = clean_text(metadata.get("Title", "")) or fallback_title
    issue = _ISSUE.search(title) or _ISSUE.search(text)
    month = _MONTH_YEAR.search(text) or _MONTH_YEAR.search(title)
    date = f"{int(month.group(2)):04d}-{int(month.group(1)):02d}" if month else ""
    if not date and issue and "/" in issue.group(1):
        date = issue.group(1).split("/")[1]
    return {
        "title": title,
        "publisher": clean_text(metadata.get("Author", "")),
        "issue": f"Số {issue.group(1)}" if issue else "",
        "date": date,
    }


_LEGACY_WARNING = ("typed in the legacy {} font encoding: converted to Unicode; proofread the "
                   "chapter files")


def _legacy_metadata(metadata: dict[str, str], encoding: str) -> dict[str, str]:
    """Title and author converted where they too are typed in the legacy encoding."""
    return {key: to_unicode(value, encoding) if legacy_encoding(value) == encoding else value
            for key, value in metadata.items()}


def _line_to_unicode(line: Line, encoding: str) -> Line:
    return replace(
        line, text=to_unicode(line.text, encoding, line.font),
        spans=tuple(span._replace(text=to_unicode(span.text, encoding, line.font))
                    for span in line.spans),
    )


def _to_unicode(pdf: PdfText, encoding: str) -> PdfText:
    """Every line, outline entry and legacy-typed metadata of a legacy-font PDF in Unicode."""
    return PdfText(
        [_line_to_unicode(line, encoding) for line in pdf.lines],
        pdf.page_count,
        [replace(entry, title=to_unicode(entry.title, encoding)) for entry in pdf.outline],
        _legacy_metadata(pdf.metadata, encoding),
        pdf.page_chars,
    )


SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".markdown")


def extract(path: Path, password: str | None = None, ocr: bool = False,
            jobs: int | None = None, steps: PageSteps | None = None) -> tuple[Book, list[str]]:
    """Read a PDF, DOCX, TXT or Markdown file into a Book (chapters without file names yet)
    and any warnings. A PDF's pages without a usable text layer are read by OCR, `jobs` at a
    time, each reported to `steps` (`ocr` reads every page so)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _extract_pdf(path, password, ocr, jobs, steps)
    if suffix == ".docx":
        metadata, blocks, legacy = read_docx(path)
        if not legacy:
            return _book(path, blocks, metadata)
        book, warnings = _book(path, blocks, _legacy_metadata(metadata, legacy))
        return book, [_LEGACY_WARNING.format(legacy), *warnings]
    if suffix in SUPPORTED_SUFFIXES:
        title, blocks = read_plain(path)
        return _book(path, blocks, {"Title": title})
    raise ExtractError(
        f"{path.name}: {suffix or 'this'} files are not supported: give a PDF, DOCX, TXT or "
        "Markdown (.md) file"
    )


def _book(path: Path, blocks: list[Block], metadata: dict[str, str], pdf: PdfText | None = None,
          contents: list[str] | None = None) -> tuple[Book, list[str]]:
    """A Book from blocks in reading order; a PDF also gives its outline, its contents page's
    titles, its first page's text for the issue and date, and loses masthead and bylines
    (DOCX bylines go by their alignment, in read_docx)."""
    if not blocks:
        raise ExtractError(f"{path.name} has no text to read: check that it is the right file")
    found = segment(blocks, pdf.outline if pdf else [], printed=pdf is not None,
                    contents=contents)
    front = " ".join(line.text for line in pdf.lines if line.page == 0) if pdf else ""
    details = _book_metadata(nfc(front), metadata, nfc(path.stem))
    book = Book(chapters=found.chapters, source=str(path),
                chapters_found=f"{found.method}, confidence {found.confidence:.2f}", **details)
    return book, found.warnings


def _extract_pdf(path: Path, password: str | None, ocr: bool, jobs: int | None,
                 steps: PageSteps | None) -> tuple[Book, list[str]]:
    with path.open("rb") as handle:
        if not handle.read(1024).lstrip().startswith(b"%PDF"):
            raise ExtractError(f"{path.name} is not a PDF (no %PDF header): check the file")
    pdf = read_pdf(path, password)
    warnings = []
    legacy = legacy_encoding(" ".join(line.text for line in pdf.lines))
    if legacy:
        pdf = _to_unicode(pdf, legacy)
        warnings.append(_LEGACY_WARNING.format(legacy))
    pdf, read = read_by_ocr(path, pdf, password, ocr, jobs, steps)
    blocks, contents = analyse(pdf)
    book, found = _book(path, blocks, pdf.metadata, pdf, contents)
    return book, read + warnings + found
