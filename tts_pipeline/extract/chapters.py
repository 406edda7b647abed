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
TITLE_KEY = 30  # letters of a title compared with its outline entry

Draft = tuple[str, list[Block]]  # a chapter's title and the blocks it reads


@dataclass
class Segmentation:
    chapters: list[Chapter]
    method: str
    warnings: list[str] = field(default_factory=list)


def _comparable(text: str) -> str:
    """Letters and digits only: outlines drop the space where a title wrapped."""
    return re.sub(r"\W+", "", unicodedata.normalize("NFC", text).lower())


def _same_title(entry: str, title: str) -> bool:
    """Whether a printed title is the one an outline entry names. Outlines cut long titles
    short and (Chromium) repeat a wrapped title's first line: the two agree at the start, or
    at the end of long ones."""
    entry, title = _comparable(entry), _comparable(title)
    return title.startswith(entry[:TITLE_KEY]) or (
        min(len(entry), len(title)) >= TITLE_KEY and title.endswith(entry[-TITLE_KEY:])
    )


def _from_titles(blocks: list[Block]) -> list[Draft]:
    """One chapter per title block; paragraphs before the first are dropped."""
    chapters: list[Draft] = []
    for block in blocks:
        if block.kind == "title":
            chapters.append((block.text, []))
        elif chapters:
            chapters[-1][1].append(block)
    return chapters


MASTHEAD_WORDS = 25


def _drop_masthead(chapters: list[Draft], blocks: list[Block]) -> list[Draft]:
    """A first 'chapter' that is only the publication's name and issue line, followed by an
    article on the same page, is the masthead of a bulletin without a cover."""
    titles = [block for block in blocks if block.kind == "title"]
    if len(chapters) < 2 or len(titles) < 2 or titles[0].page != titles[1].page:
        return chapters
    words = sum(len(block.text.split()) for block in chapters[0][1])
    return chapters[1:] if words < MASTHEAD_WORDS else chapters


def _chapter(title: str, body: list[Block], printed: bool) -> Chapter:
    """A chapter of the blocks' texts; a printed one loses its byline."""
    if printed and is_byline(body[-1]):
        body = body[:-1]
    return Chapter(title=title, paragraphs=[block.text for block in body])


def _outline_articles(outline: list[OutlineEntry]) -> list[OutlineEntry]:
    top = min((entry.level for entry in outline), default=0)
    return [
        entry for entry in outline
        if entry.level == top and not NOT_ARTICLES.match(entry.title.strip())
    ]


def _by_outline(blocks: list[Block], articles: list[OutlineEntry]) -> list[Draft]:
    """Chapters start at the title blocks the outline names (or at the top of the page an
    entry points to, when no title there matches); other titles stay as text."""
    starts: dict[int, str] = {}
    position = 0
    for entry in articles:
        for index in range(position, len(blocks)):
            block = blocks[index]
            if block.page >= entry.page and (
                block.kind == "title" and _same_title(entry.title, block.text)
            ):
                starts[index] = block.text  # the page's own words: outlines lose spaces
                position = index + 1
                break
            if block.page > entry.page:
                starts.setdefault(index, entry.title)
                position = index
                break
    chapters: list[Draft] = []
    for index, block in enumerate(blocks):
        if index in starts:
            chapters.append((starts[index], []))
            if block.kind == "title":
                continue
        if chapters:
            chapters[-1][1].append(block)
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
        drafts = _by_outline(blocks, articles)
        method = "outline"
    else:
        drafts = _from_titles(blocks)
        if printed:
            drafts = _drop_masthead(drafts, blocks)
        method = "headings"
    chapters = [_chapter(title, body, printed) for title, body in drafts if body]
    warnings = []
    if not chapters:
        chapters = _by_pages(blocks)
        method = "pages"
        warnings.append(
            "no article titles found: chapters follow page ranges; "
            "edit book.toml and the chapter files to fix them"
        )
    return Segmentation(chapters, method, warnings)
