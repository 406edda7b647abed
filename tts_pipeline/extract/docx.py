"""Word documents (.docx): 'Heading 1' paragraphs are article titles, 'Title' the book's."""

from __future__ import annotations

import zipfile
from pathlib import Path

from .layout import Block, clean_text
from .pdf import ExtractError

BYLINE_WORDS = 7


def read_docx(path: Path) -> tuple[dict[str, str], list[Block]]:
    """The document's title and author, and its blocks in reading order (tables row by row)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise ExtractError(
            f"{path.name} is not a readable Word document ({error}): open and save it again"
        ) from None
    properties = document.core_properties
    metadata = {"Title": properties.title or "", "Author": properties.author or ""}
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells = [clean_text(cell.text) for cell in row.cells]
                unique = [text for index, text in enumerate(cells) if text and text not in
                          cells[:index]]
                if unique:
                    blocks.append(Block("paragraph", ", ".join(unique), 0))
            continue
        assert isinstance(item, Paragraph)
        text = clean_text(item.text)
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
    return metadata, blocks
