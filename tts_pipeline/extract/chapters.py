"""Split titles and paragraphs into chapters, one per article."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..book import Chapter
from .layout import Block, is_byline
from .pdf import OutlineEntry

NOT_ARTICLES = re.compile(r"^(trong số này|mục lục|bìa|nội dung|cover)$", re.IGNORECASE)
PAGES_PER_FALLBACK_CHAPTER = 4


@dataclass
class Segmentation:
    chapters: list[Chapter]
    method: str
    warnings: list[str] = field(default_factory=list)


def _comparable(text: str) -> str:
    """Letters and digits only: outlines drop the space where a title wrapped."""
    return re.sub(r"\W+", "", unicodedata.normalize("NFC", text).lower())


def _from_titles(blocks: list[Block], is_start) -> list[Chapter]:
    """One chapter per block that `is_start` accepts; paragraphs before the first are dropped."""
    chapters: list[Chapter] = []
    for block in blocks:
        if is_start(block):
            chapters.append(Chapter(title=block.text, paragraphs=[]))
        elif chapters:
            chapters[-1].paragraphs.append(block.text)
    return chapters


MASTHEAD_WORDS = 25


def _drop_masthead(chapters: list[Chapter], blocks: list[Block]) -> list[Chapter]:
    """A first 'chapter' that is only the publication's name and issue line, followed by an
    article on the same page, is the masthead of a bulletin without a cover."""
    titles = [block for block in blocks if block.kind == "title"]
    if len(chapters) < 2 or len(titles) < 2 or titles[0].page != titles[1].page:
        return chapters
    words = sum(len(paragraph.split()) for paragraph in chapters[0].paragraphs)
    return chapters[1:] if words < MASTHEAD_WORDS else chapters


def _drop_bylines(chapters: list[Chapter]) -> None:
    for chapter in chapters:
        if chapter.paragraphs and is_byline(Block("paragraph", chapter.paragraphs[-1], 0)):
            chapter.paragraphs.pop()


def _outline_articles(outline: list[OutlineEntry]) -> list[OutlineEntry]:
    top = min((entry.level for entry in outline), default=0)
    return [
        entry for entry in outline
        if entry.level == top and not NOT_ARTICLES.match(entry.title.strip())
    ]


def _by_outline(blocks: list[Block], articles: list[OutlineEntry]) -> list[Chapter]:
    """Chapters start at the title blocks the outline names (or at the top of the page an
    entry points to, when no title there matches); other titles stay as text."""
    wanted = [(_comparable(entry.title), entry) for entry in articles]
    starts: dict[int, str] = {}
    position = 0
    for key, entry in wanted:
        for index in range(position, len(blocks)):
            block = blocks[index]
            if block.page >= entry.page and (
                block.kind == "title" and _comparable(block.text).startswith(key[:30])
            ):
                starts[index] = block.text  # the page's own words: outlines lose spaces
                position = index + 1
                break
            if block.page > entry.page:
                starts.setdefault(index, entry.title)
                position = index
                break
    chapters: list[Chapter] = []
    for index, block in enumerate(blocks):
        if index in starts:
            chapters.append(Chapter(title=starts[index], paragraphs=[]))
            if block.kind == "title":
                continue
        if chapters:
            chapters[-1].paragraphs.append(block.text)
    return chapters


def _by_pages(blocks: list[Block]) -> list[Chapter]:
    """Fallback: sensible page ranges when no article titles can be found."""
    groups: dict[int, list[Block]] = {}
    for block in blocks:
        groups.setdefault(block.page // PAGES_PER_FALLBACK_CHAPTER, []).append(block)
    return [
        Chapter(title=f"Trang {group[0].page + 1} đến {group[-1].page + 1}",
                paragraphs=[block.text for block in group])
        for group in groups.values()
    ]


def segment(blocks: list[Block], outline: list[OutlineEntry], printed: bool = True
            ) -> Segmentation:
    """Decide where articles start: the outline when it names them, else title-sized headings.
    A `printed` document (a PDF) also loses its masthead and its bylines (short unpunctuated
    last paragraphs)."""
    articles = _outline_articles(outline)
    if len(articles) >= 2:
        chapters = _by_outline(blocks, articles)
        method = "outline"
    else:
        chapters = _from_titles(blocks, lambda block: block.kind == "title")
        if printed:
            chapters = _drop_masthead(chapters, blocks)
        method = "headings"
    chapters = [chapter for chapter in chapters if chapter.paragraphs]
    if printed:
        _drop_bylines(chapters)
    warnings = []
    if not chapters:
        chapters = _by_pages(blocks)
        method = "pages"
        warnings.append(
            "no article titles found: chapters follow page ranges; "
            "edit book.toml and the chapter files to fix them"
        )
    return Segmentation(chapters, method, warnings)
