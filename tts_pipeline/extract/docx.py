"""Word documents (.docx): 'Heading 1' paragraphs are article titles, 'Title' the book's."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import _
from .layout import Block, clean_text
from .legacy import legacy_encoding, to_unicode
from .pdf import ExtractError

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

BYLINE_WORDS = 7


def _font(paragraph: Paragraph) -> str:
    """The font of the paragraph's first run with text, else of its style (or the styles that
    style is based on)."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    if runs and runs[0].font.name:
        return runs[0].font.name
    style = paragraph.style
    while style is not None and not style.font.name:
        style = style.base_style
    return style.font.name if style is not None else ""


def read_docx(path: Path) -> tuple[dict[str, str], list[Block], str | None]:
    """The document's title and author, its blocks in reading order (tables row by row) and
    the legacy font encoding (TCVN3, VNI) its text was typed in, converted to Unicode, if any."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise ExtractError(_(
            "{file} is not a readable Word document ({error}): open and save it again"
        ).format(file=path.name, error=error)) from None
    properties = document.core_properties
    metadata = {"Title": properties.title or "", "Author": properties.author or ""}
    items = list(document.iter_inner_content())
    legacy = legacy_encoding("\n".join(
        "\n".join(cell.text for row in item.rows for cell in row.cells)
        if isinstance(item, Table) else item.text for item in items
    ))

    def readable(raw: str, font: str = "") -> str:
        """The text cleaned, and in Unicode when it was typed in a legacy font."""
        return clean_text(to_unicode(raw, legacy, font) if legacy else raw)

    blocks: list[Block] = []
    for item in items:
        if isinstance(item, Table):
            for row in item.rows:
                cells = [readable(cell.text) for cell in row.cells]
                unique = [text for index, text in enumerate(cells) if text and text not in
                          cells[:index]]
                if unique:
                    blocks.append(Block("paragraph", ", ".join(unique), 0))
            continue
        assert isinstance(item, Paragraph)
        text = readable(item.text, _font(item))
        style = (item.style.name if item.style is not None else "").lower()
        right = item.alignment == WD_ALIGN_PARAGRAPH.RIGHT
        if not text or (right and len(text.split()) <= BYLINE_WORDS):  # a byline
            continue
        if style == "title":
            metadata["Title"] = metadata["Title"] or text
        elif style in ("heading 1", "heading1"):
            blocks.append(Block("title", text, 0, True))
        else:
            blocks.append(Block("paragraph", text, 0, style.startswith("heading")))
    return metadata, blocks, legacy
