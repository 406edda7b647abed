"""Extract stage: a document becomes a Book of chapters."""

from __future__ import annotations

import re
from pathlib import Path

from ..book import Book, nfc
from .chapters import segment
from .layout import analyse, clean_text
from .pdf import ExtractError, read_pdf

__all__ = ["ExtractError", "extract"]

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


def extract(path: Path, password: str | None = None) -> tuple[Book, list[str]]:
    """Read a PDF into a Book (chapters without file names yet) and any warnings."""
    if path.suffix.lower() != ".pdf":
        raise ExtractError(f"{path.name}: only PDF files are supported for now; export it as PDF")
    with path.open("rb") as handle:
        if not handle.read(1024).lstrip().startswith(b"%PDF"):
            raise ExtractError(f"{path.name} is not a PDF (no %PDF header): check the file")
    pdf = read_pdf(path, password)
    if sum(pdf.page_chars) == 0:
        raise ExtractError(
            f"{path.name} has no text layer (a scan?): run OCR on it first, e.g. ocrmypdf -l vie"
        )
    blocks, _ = analyse(pdf)
    segmentation = segment(blocks, pdf.outline)
    first_page = " ".join(line.text for line in pdf.lines if line.page == 0)
    metadata = _book_metadata(nfc(first_page), pdf.metadata, nfc(path.stem))
    book = Book(chapters=segmentation.chapters, source=str(path), **metadata)
    return book, segmentation.warnings
