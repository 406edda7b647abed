"""Extract stage: a document becomes a Book of chapters."""

from __future__ import annotations

import re
from pathlib import Path

from ..book import Book, nfc
from .chapters import segment
from .docx import read_docx
from .layout import Block, analyse, clean_text
from .ocr import read_scanned
from .pdf import ExtractError, PdfText, read_pdf
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


# Legacy 8-bit Vietnamese fonts read as Latin-1 leave characters that Unicode Vietnamese text
# hardly ever uses: TCVN3 (ABC, ".VnTime") puts ă â đ ê ô ơ and the tones on symbols; VNI
# ("VNI-Times") writes tones and hooks as letters after the vowel (ñ for đ, ö for ư, aû, aï).
_LEGACY_SIGNS = {
    "TCVN3 (ABC)": frozenset("¨©®ª«¬§¸µ¶·¹¾½¼»º°±²³´¿"),
    "VNI": frozenset("ñÑöÖøØûÛïÏ"),
}


def legacy_encoding(text: str) -> str | None:
    """The legacy encoding the text looks typed in ('TCVN3 (ABC)', 'VNI'), else None."""
    letters = sum(ch.isalpha() for ch in text)
    for name, signs in _LEGACY_SIGNS.items():
        if letters and sum(ch in signs for ch in text) / letters > 0.02:
            return name
    return None


SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".markdown")


def extract(path: Path, password: str | None = None, ocr: bool = False
            ) -> tuple[Book, list[str]]:
    """Read a PDF, DOCX, TXT or Markdown file into a Book (chapters without file names yet)
    and any warnings. A PDF without a text layer is read by OCR (`ocr` forces it)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _extract_pdf(path, password, ocr)
    if suffix == ".docx":
        metadata, blocks = read_docx(path)
        return _book(path, blocks, metadata)
    if suffix in SUPPORTED_SUFFIXES:
        title, blocks = read_plain(path)
        return _book(path, blocks, {"Title": title})
    raise ExtractError(
        f"{path.name}: {suffix or 'this'} files are not supported: give a PDF, DOCX, TXT or "
        "Markdown (.md) file"
    )


def _book(path: Path, blocks: list[Block], metadata: dict[str, str], pdf: PdfText | None = None
          ) -> tuple[Book, list[str]]:
    """A Book from blocks in reading order; a PDF also gives its outline, its first page's
    text for the issue and date, and loses masthead and bylines (DOCX bylines go by their
    alignment, in read_docx)."""
    if not blocks:
        raise ExtractError(f"{path.name} has no text to read: check that it is the right file")
    segmentation = segment(blocks, pdf.outline if pdf else [], printed=pdf is not None)
    front = " ".join(line.text for line in pdf.lines if line.page == 0) if pdf else ""
    details = _book_metadata(nfc(front), metadata, nfc(path.stem))
    return Book(chapters=segmentation.chapters, source=str(path), **details), segmentation.warnings


def _extract_pdf(path: Path, password: str | None, ocr: bool) -> tuple[Book, list[str]]:
    with path.open("rb") as handle:
        if not handle.read(1024).lstrip().startswith(b"%PDF"):
            raise ExtractError(f"{path.name} is not a PDF (no %PDF header): check the file")
    pdf = read_pdf(path, password)
    warnings = []
    if ocr or sum(pdf.page_chars) == 0:
        try:
            pdf = read_scanned(path, password) | pdf.metadata
        except ExtractError as error:
            raise ExtractError(f"{path.name} has no text layer (a scan?) and cannot be read "
                               f"by OCR here: {error}") from None
        warnings.append("read by OCR (Tesseract, Vietnamese): proofread the chapter files")
        if sum(pdf.page_chars) == 0:
            raise ExtractError(
                f"{path.name} has no text layer and OCR found no text on its pages: check the file"
            )
    legacy = legacy_encoding(" ".join(line.text for line in pdf.lines))
    if legacy:
        raise ExtractError(
            f"{path.name} is typed in a legacy Vietnamese font encoding ({legacy}): convert the "
            "document to Unicode (e.g. with UniKey's converter) and export the PDF again"
        )
    blocks, _ = analyse(pdf)
    book, found = _book(path, blocks, pdf.metadata, pdf)
    return book, warnings + found
