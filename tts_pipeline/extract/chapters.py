"""Split titles and paragraphs into chapters, one per article."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from ..book import Chapter
from ..i18n import N_, _, decimal
from .layout import Block, is_byline
from .pdf import OutlineEntry

NOT_ARTICLES = re.compile(r"^(trong số này|mục lục|bìa|nội dung|cover)$", re.IGNORECASE)
# a scanner's or printer's bookmark per page names no article: "Page 3", "Trang 3", "3"
PAGE_ENTRY = re.compile(r"^((page|trang|p\.?)\s*)?\d{1,4}$", re.IGNORECASE)
PAGES_PER_FALLBACK_CHAPTER = 4
# Vietnamese heading patterns: "PHẦN I", "Chương 2", "Bài 3:"; with list numbers, "II.", "1."
_NAMED = r"(?:phần|chương|bài)\s+(?:[ivxlc]+|\d{1,3})\b"
NAMED_HEADING = re.compile(rf"^{_NAMED}", re.IGNORECASE)
NUMBERED_HEADING = re.compile(rf"^(?:{_NAMED}|(?:[IVXLC]{{1,6}}|\d{{1,2}})[.)]\s)", re.IGNORECASE)
NAMED_HEADING_WORDS = 25
TYPOGRAPHY_SCORE = 0.8  # titles by size and weight alone: 96-99 % right on the corpus
LOW_CONFIDENCE = 0.6
TITLE_KEY = 30  # letters of a title compared with its outline entry
MASTHEAD_WORDS = 25
OPENING_TITLE = "Phần đầu văn bản"  # the chapter of what comes before the first title

# How the chapters were found, in the user's words.
METHODS = {"outline": N_("outline"), "headings": N_("headings"), "pages": N_("pages")}
Draft = tuple[str, list[Block]]  # a chapter's title and the blocks it reads


@dataclass
class Segmentation:
    chapters: list[Chapter]
    method: str  # "outline", "headings" or "pages"
    confidence: float  # 0-1: how well the outline, the contents page and the titles agree
    warnings: list[str] = field(default_factory=list)


@cache
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
    """One chapter per title block (none without titles). What comes before the first title
    is an opening chapter when it holds a letterhead or more words than a masthead;
    otherwise it is dropped."""
    chapters: list[Draft] = [(OPENING_TITLE, [])]
    for block in blocks:
        if block.kind == "title":
            chapters.append((block.text, []))
        else:
            chapters[-1][1].append(block)
    opening = chapters[0][1]
    words = sum(len(block.text.split()) for block in opening)
    if len(chapters) == 1 or (words < MASTHEAD_WORDS
                              and not any(block.kind == "letterhead" for block in opening)):
        return chapters[1:]
    return chapters



def _drop_masthead(chapters: list[Draft], blocks: list[Block]) -> list[Draft]:
    """A first 'chapter' that is only the publication's name and issue line, followed by an
    article on the same page, is the masthead of a bulletin without a cover."""
    titles = [block for block in blocks if block.kind == "title"]
    if len(chapters) < 2 or len(titles) < 2 or titles[0].page != titles[1].page:
        return chapters
    words = sum(len(block.text.split()) for block in chapters[0][1])
    return chapters[1:] if words < MASTHEAD_WORDS else chapters


def _chapter(title: str, body: list[Block], bylines: bool) -> Chapter:
    """A chapter of the blocks' texts, without its byline when `bylines` are expected."""
    if bylines and is_byline(body[-1]):
        body = body[:-1]
    return Chapter(title=title, paragraphs=[block.text for block in body])


def _outline_articles(outline: list[OutlineEntry]) -> list[OutlineEntry]:
    top = min((entry.level for entry in outline), default=0)
    return [
        entry for entry in outline
        if entry.level == top and not NOT_ARTICLES.match(entry.title.strip())
        and not PAGE_ENTRY.match(entry.title.strip())
    ]


def _by_outline(blocks: list[Block], articles: list[OutlineEntry]) -> tuple[list[Draft], float]:
    """Chapters start at the title blocks the outline names (or at the top of the page an
    entry points to, when no title there matches); other titles stay as text. Also the share
    of entries confirmed by a printed title."""
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
    confirmed = sum(blocks[index].kind == "title" for index in starts)
    return chapters, confirmed / len(articles)


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


def _agreement(titles: list[str], names: list[str]) -> float:
    """How well two lists of titles agree: names matched by a title, over the longer list."""
    matched = sum(any(_same_title(name, title) or _same_title(title, name) for title in titles)
                  for name in names)
    return matched / max(len(titles), len(names), 1)


def _confidence(drafts: list[Draft], outline_score: float | None, articles: list[OutlineEntry],
                contents: list[str], printed: bool) -> float:
    """One confidence from every signal: the titles themselves (sure when they are marked as
    headings, as in DOCX, TXT or Markdown; less so when found by type size in a PDF), the
    outline's entries confirmed by printed titles (or, for titles found by type, their
    agreement with the outline), the contents page's titles, and numbered Vietnamese headings
    when most titles have one."""
    titles = [title for title, body in drafts if body]
    if not titles:
        return 0.0
    evidence = [(1.0, TYPOGRAPHY_SCORE if printed else 1.0)]
    if outline_score is not None:
        evidence.append((2.0, outline_score))
    elif articles:
        evidence.append((2.0, _agreement(titles, [entry.title for entry in articles])))
    if len(contents) >= 2:
        evidence.append((2.0, _agreement(titles, contents)))
    numbered = sum(bool(NUMBERED_HEADING.match(title)) for title in titles)
    if numbered * 2 >= len(titles):
        evidence.append((1.0, numbered / len(titles)))
    return sum(weight * score for weight, score in evidence) / sum(w for w, _ in evidence)


def _named_headings(blocks: list[Block]) -> list[Block]:
    """The blocks with short bold paragraphs opening "PHẦN I", "Chương 2" or "Bài 3" made
    titles: for bulletins that set their titles no bigger than the text."""
    return [
        Block("title", block.text, block.page, True)
        if block.kind == "paragraph" and block.bold and NAMED_HEADING.match(block.text)
        and len(block.text.split()) <= NAMED_HEADING_WORDS else block
        for block in blocks
    ]


def _one_giant_chapter(drafts: list[Draft]) -> bool:
    """A single chapter running over more pages than two page-range chapters: titles were
    most likely missed."""
    bodies = [body for _, body in drafts if body]
    return len(bodies) == 1 and bodies[0][-1].page - bodies[0][0].page >= \
        2 * PAGES_PER_FALLBACK_CHAPTER


def segment(blocks: list[Block], outline: list[OutlineEntry], printed: bool = True,
            contents: list[str] | None = None, bylines: bool = True) -> Segmentation:
    """Decide where articles start, with a confidence: by the outline when it names two or
    more articles, and by title-sized headings (or, when there are none, bold "Bài 1"-style
    headings); each is scored against the outline, the
    contents page (`contents`: its titles) and numbered headings, and the better one wins.
    With no titles, or one giant chapter, chapters follow page ranges, with a warning. A
    `printed` document (a PDF) also loses its masthead and its bylines (unless `bylines` is
    false: an administrative document's signature is found by its own rules)."""
    articles = _outline_articles(outline)
    contents = contents or []
    if not any(block.kind == "title" for block in blocks):
        blocks = _named_headings(blocks)
    headings = _from_titles(blocks)
    if printed:
        headings = _drop_masthead(headings, blocks)
    candidates = [("headings", headings,
                   _confidence(headings, None, articles, contents, printed))]
    if len(articles) >= 2:
        drafts, confirmed = _by_outline(blocks, articles)
        candidates.insert(0, ("outline", drafts,
                              _confidence(drafts, confirmed, [], contents, printed)))
    method, drafts, confidence = max(candidates, key=lambda candidate: candidate[2])
    chapters = [_chapter(title, body, printed and bylines) for title, body in drafts if body]
    warnings = []
    if not chapters or _one_giant_chapter(drafts):
        warnings.append(_(
            "no article titles found: chapters follow page ranges; edit book.toml and the "
            "chapter files to fix them") if not chapters else _(
            "only one title in a long document: chapters follow page ranges; edit book.toml and "
            "the chapter files to fix them"))
        chapters, method, confidence = _by_pages(blocks), "pages", 0.0
    elif confidence < LOW_CONFIDENCE:
        warnings.append(_(
            "chapters found by {method} with low confidence ({confidence}): the outline, "
            "the contents page and the titles disagree; check the chapter titles in book.toml"
        ).format(method=_(METHODS[method]), confidence=decimal(confidence, 2)))
    return Segmentation(chapters, method, round(confidence, 2), warnings)
