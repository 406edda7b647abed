"""Plain text and Markdown: '#' headings are article titles, blank lines end paragraphs."""

from __future__ import annotations

import re
from pathlib import Path

from ..i18n import _
from .layout import Block, clean_text
from .pdf import ExtractError

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_MARKUP = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def read_plain(path: Path) -> tuple[str, list[Block]]:
    """The book title ('' if none) and the blocks of a .txt or .md file.

    When a single top-level heading opens the file above deeper ones, it is the book's title
    and the next level down are the articles."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ExtractError(_(
            "{file} is not UTF-8 text: save it as UTF-8 (Unicode) and try again"
        ).format(file=path.name)) from None
    paragraphs = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text)]
    entries: list[tuple[int, str]] = []  # (heading level or 0, text)
    for paragraph in filter(None, paragraphs):
        heading = _HEADING.match(paragraph)
        if heading:
            entries.append((len(heading[1]), heading[2]))
        else:
            entries.append((0, _MARKUP.sub(r"\2", re.sub(r"^([-*+]|\d+[.)])\s+", "", paragraph))))
    levels = sorted({level for level, _ in entries if level})
    title = ""
    if len(levels) > 1 and [level for level, _ in entries if level].count(levels[0]) == 1:
        title = next(text for level, text in entries if level == levels[0])
        entries = [(level, text) for level, text in entries if level != levels[0]]
        levels = levels[1:]
    chapter_level = levels[0] if levels else 0
    blocks = [
        Block("title" if level and level == chapter_level else "paragraph", clean_text(text), 0,
              bool(level))
        for level, text in entries
    ]
    return clean_text(title), [block for block in blocks if block.text]
