"""Extract stage: a document becomes a Book of chapters."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from ..book import Book, nfc
from ..i18n import N_, _
from .admin import closing_lines, document_head, issuer, organisation, structure
from .chapters import segment
from .docx import read_docx
from .layout import Block, analyse, clean_text
from .legacy import legacy_encoding, to_unicode
from .ocr import PageSteps
from .ocrlines import repair_lines
from .ocrpages import read_by_ocr
from .pdf import ExtractError, Line, PdfText, read_pdf
from .plain import read_plain

__all__ = ["SUPPORTED_SUFFIXES", "ExtractError", "extract"]

_ISSUE = re.compile(r"\bSố\s+(\d{1,3}(?:/\d{4})?)", re.IGNORECASE)
LETTERHEAD_BLOCKS = 8  # a DOCX's letterhead is among its first paragraphs and table rows
_MONTH_YEAR = re.compile(r"\btháng\s+(\d{1,2})\s*(?:năm|/|-)\s*(\d{4})", re.IGNORECASE)


def _book_metadata(text: str, metadata: dict[str, str], fallback_title: str,
                   head: Heading) -> dict[str, str]:
    """Title, publisher, issue and date: the printed document's own title and issuing body
    come before the metadata, whose author is the publisher only when it names an
    organisation (not a typist or 'python-docx')."""
    title = head.title or clean_text(metadata.get("Title", "")) or fallback_title
    issue = _ISSUE.search(title) or _ISSUE.search(text)
    month = _MONTH_YEAR.search(text) or _MONTH_YEAR.search(title)
    date = f"{int(month.group(2)):04d}-{int(month.group(1)):02d}" if month else ""
    if not date and issue and "/" in issue.group(1):
        date = issue.group(1).split("/")[1]
    author = clean_text(metadata.get("Author", ""))
    return {
        "title": title,
        "publisher": head.publisher or (author if organisation(author) else ""),
        "issue": f"Số {issue.group(1)}" if issue else "",
        "date": date,
    }


class Heading(NamedTuple):
    """What a document prints about itself: its title and its issuing body ('' if none)."""

    title: str = ""
    publisher: str = ""


def _printed_heading(blocks: list[Block]) -> Heading:
    """The title and issuer of an administrative document, from its letterhead blocks (or,
    from a DOCX, its first paragraphs) and its first title."""
    letterhead = [block.text for block in blocks if block.kind == "letterhead"]
    publisher = issuer(letterhead or [block.text for block in blocks[:LETTERHEAD_BLOCKS]])
    title = next((block.text for block in blocks if block.kind == "title"), "")
    return Heading(title if letterhead else "", publisher)


_LEGACY_WARNING = N_("typed in the legacy {encoding} font encoding: converted to Unicode; "
                     "proofread the chapter files")


def _legacy_metadata(metadata: dict[str, str]) -> dict[str, str]:
    """Title and author converted where they are typed in a legacy encoding, each on its own:
    a Unicode file may carry a TCVN3 title."""
    converted = {}
    for key, value in metadata.items():
        encoding = legacy_encoding(value)
        converted[key] = to_unicode(value, encoding) if encoding else value
    return converted


def _line_to_unicode(line: Line, encoding: str | None) -> Line:
    if encoding is None:
        return line
    return replace(
        line, text=to_unicode(line.text, encoding, line.font),
        spans=tuple(span._replace(text=to_unicode(span.text, encoding, line.font))
                    for span in line.spans),
    )


def _font_encodings(lines: list[Line]) -> dict[str, str | None]:
    """The legacy encoding each font's text is typed in (None for Unicode): a file may set
    its masthead in VNI or TCVN3 and its body in Unicode."""
    texts: dict[str, list[str]] = {}
    for line in lines:
        texts.setdefault(line.font, []).append(line.text)
    return {font: legacy_encoding(" ".join(text)) for font, text in texts.items()}


def _to_unicode(pdf: PdfText, encodings: dict[str, str | None]) -> PdfText:
    """Every line in a legacy-encoded font, and every outline entry typed in a legacy
    encoding, in Unicode."""
    outline = []
    for entry in pdf.outline:
        encoding = legacy_encoding(entry.title)
        outline.append(replace(entry, title=to_unicode(entry.title, encoding))
                       if encoding else entry)
    return PdfText([_line_to_unicode(line, encodings[line.font]) for line in pdf.lines],
                   pdf.page_count, outline, pdf.metadata, pdf.page_chars)


SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".markdown")


def extract(path: Path, password: str | None = None, ocr: bool = False,
            jobs: int | None = None, steps: PageSteps | None = None) -> tuple[Book, list[str]]:
    """Read a PDF, DOCX, TXT or Markdown file into a Book (chapters without file names yet)
    and any warnings. A PDF's pages without a usable text layer are read by OCR, `jobs` at a
    time, each reported to `steps` (`ocr` reads every page so)."""
    _check_kind(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _extract_pdf(path, password, ocr, jobs, steps)
    if suffix == ".docx":
        metadata, blocks, legacy = read_docx(path)
        blocks = structure(blocks, administrative=bool(_printed_heading(blocks).publisher))
        book, warnings = _book(path, blocks, metadata)
        return book, [_(_LEGACY_WARNING).format(encoding=legacy)] * bool(legacy) + warnings
    if suffix in SUPPORTED_SUFFIXES:
        title, blocks = read_plain(path)
        return _book(path, blocks, {"Title": title})
    raise ExtractError(_(
        "{file}: {kind} files are not supported: give a PDF, DOCX, TXT or Markdown (.md) file"
    ).format(file=path.name, kind=suffix) if suffix else _(
        "{file}: files without an extension are not supported: give a PDF, DOCX, TXT or "
        "Markdown (.md) file").format(file=path.name))


_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .ppt (Office 97-2003)


def _is_docx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def _check_kind(path: Path) -> None:
    """Refuse, saying what it is and what to do, a path that is no document of a kind read
    here: a folder, a missing or empty file, an old Office file, a Word file named otherwise."""
    if path.is_dir():
        raise ExtractError(_(
            "{path} is a folder, not a document: give a file in it, or run `batch` on the folder"
        ).format(path=path))
    if not path.is_file():
        raise ExtractError(_("{path} does not exist: check the path").format(path=path))
    with path.open("rb") as handle:
        head = handle.read(len(_OLE_SIGNATURE))
    if not head:
        raise ExtractError(_("{file} is empty (0 bytes): copy or export it again").format(
            file=path.name))
    if head == _OLE_SIGNATURE or path.suffix.lower() == ".doc":
        raise ExtractError(_(
            "{file} is an old Word or Office file (.doc): open it in Word, save it as "
            "Word Document (.docx) and give that file").format(file=path.name))
    if path.suffix.lower() != ".docx" and _is_docx(path):
        raise ExtractError(_(
            "{file} is a Word document (.docx) under another name: rename it to {name}"
        ).format(file=path.name, name=f"{path.stem}.docx"))


def _book(path: Path, blocks: list[Block], metadata: dict[str, str], pdf: PdfText | None = None,
          contents: list[str] | None = None) -> tuple[Book, list[str]]:
    """A Book from blocks in reading order; a PDF also gives its outline, its contents page's
    titles, its first page's text for the issue and date, and loses masthead and bylines
    (DOCX bylines go by their alignment, in read_docx)."""
    if not blocks:
        raise ExtractError(_("{file} has no text to read: check that it is the right file"
                             ).format(file=path.name))
    head = _printed_heading(blocks)
    found = segment(blocks, pdf.outline if pdf else [], printed=pdf is not None,
                    contents=contents, bylines=not head.publisher)
    front = " ".join(line.text for line in pdf.lines if line.page == 0) if pdf else ""
    details = _book_metadata(nfc(front), _legacy_metadata(metadata), nfc(path.stem), head)
    book = Book(chapters=found.chapters, source=str(path),
                chapters_found=f"{found.method}, confidence {found.confidence:.2f}", **details)
    return book, found.warnings


def _extract_pdf(path: Path, password: str | None, ocr: bool, jobs: int | None,
                 steps: PageSteps | None) -> tuple[Book, list[str]]:
    pdf = read_pdf(path, password)
    warnings = []
    encodings = _font_encodings(pdf.lines)
    legacy = sorted({encoding for encoding in encodings.values() if encoding})
    if legacy:
        pdf = _to_unicode(pdf, encodings)
        warnings.append(_(_LEGACY_WARNING).format(encoding=_(" and ").join(legacy)))
    pdf, read = read_by_ocr(path, pdf, password, ocr, jobs, steps)
    pdf = repair_lines(path, pdf, password, jobs)
    head = document_head(pdf.lines)
    blocks, contents = analyse(pdf, head, closing_lines(pdf.lines))
    blocks = structure(blocks, administrative=head is not None)
    book, found = _book(path, blocks, pdf.metadata, pdf, contents)
    return book, read + warnings + found
