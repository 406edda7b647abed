"""Turn styled PDF lines into titles and paragraphs: drop what a listener should not hear."""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .pdf import Line, PdfText

TITLE_RATIO = 1.25
LARGE_TITLE_RATIO = 1.5
SMALL_RATIO = 0.92
MARGIN_SHARE = 0.09

_PAGE_NUMBER = re.compile(r"^(trang\s*)?[-–—\s]*\d{1,4}(\s*/\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE)
_TOC_HEADING = re.compile(r"^(mục lục|trong số này|nội dung chính)\s*:?$", re.IGNORECASE)
_LEADER = r"(\.{3,}|…{2,}|·{3,}|\s{2,}|\t)"
_TOC_ENTRY = re.compile(_LEADER + r"\s*\d{1,3}\s*$")
_CAPTION = re.compile(r"^\(?\s*(ảnh|nguồn|photo)\b[^\n]{0,60}", re.IGNORECASE)
_CAPTION_CREDIT = re.compile(
    r"\(?\s*ảnh\s*(:|minh họa|minh hoạ|tư liệu)[^.]{0,40}\)?\s*$", re.IGNORECASE
)
_BULLET = re.compile(r"^\s*[•▪◦●■□➢►\uf0b7\uf0a7–-]\s+")
_LIST_ITEM = re.compile(r"^\s*([•▪◦●■□➢►\uf0b7\uf0a7–-]|\d{1,2}[.)]|[a-zđ]\))\s+")
_SENTENCE_END = re.compile(r"[.!?…:;\"”»)]$")


@dataclass
class Block:
    """A title or a paragraph, in reading order."""

    kind: str  # "title" | "paragraph"
    text: str
    page: int
    bold: bool = False


def body_size(lines: list[Line]) -> float:
    """The font size that carries the most characters."""
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size * 2) / 2] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def _margin_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def _running_lines(lines: list[Line], page_count: int) -> set[int]:
    """Indexes of running headers, footers and page numbers."""
    in_margin = [
        index for index, line in enumerate(lines)
        if line.baseline < line.page_height * MARGIN_SHARE + line.size
        or line.baseline > line.page_height * (1 - MARGIN_SHARE)
    ]
    pages_per_key: dict[str, set[int]] = {}
    for index in in_margin:
        pages_per_key.setdefault(_margin_key(lines[index].text), set()).add(lines[index].page)
    repeated = max(2, int(page_count * 0.3))
    return {
        index for index in in_margin
        if len(pages_per_key[_margin_key(lines[index].text)]) >= repeated
        or _PAGE_NUMBER.match(lines[index].text.strip())
    }


def _toc_lines(lines: list[Line]) -> set[int]:
    """Indexes of table-of-contents lines: from a TOC heading to its last entry on that page."""
    dropped: set[int] = set()
    by_page: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(index)
    for indexes in by_page.values():
        heading = next(
            (i for i in indexes if _TOC_HEADING.match(lines[i].text.strip())), None
        )
        entries = [i for i in indexes if _TOC_ENTRY.search(lines[i].text.strip())]
        if heading is None and len(entries) < 3:
            continue
        start = heading if heading is not None else entries[0]
        last = max(entries) if entries else start
        dropped.update(i for i in indexes if start <= i <= last)
    return dropped


def _cover_page(lines: list[Line], page_count: int, size: float) -> bool:
    """Whether the first page is a cover: little body text compared with the other pages."""
    if page_count < 3:
        return False
    body_chars = Counter()
    for line in lines:
        if abs(line.size - size) < 0.6 and not line.italic:
            body_chars[line.page] += len(line.text)
    others = [body_chars[page] for page in range(1, page_count)]
    typical = statistics.median(others) if others else 0
    return body_chars[0] < 0.4 * typical


def _is_title(line: Line, size: float) -> bool:
    if line.size >= size * LARGE_TITLE_RATIO and not (line.italic and not line.bold):
        return True
    return line.size >= size * TITLE_RATIO and line.bold


def _is_noise(line: Line, size: float) -> bool:
    """Captions, photo credits, small print and pull quotes."""
    text = line.text.strip()
    if line.size < size * SMALL_RATIO:
        return True
    if line.italic and not line.bold and line.size > size * 1.05:
        return True
    return bool(line.italic and (_CAPTION.match(text) or _CAPTION_CREDIT.search(text)))


def join_lines(previous: str, following: str) -> str:
    """Join two lines of one paragraph, repairing hyphenation breaks."""
    previous = previous.rstrip()
    following = following.lstrip()
    if previous.endswith(("\x02", "\u2010")):  # pdfium's and Chromium's soft-hyphen breaks
        return previous[:-1] + following
    if previous.endswith("-") and len(previous) > 1 and previous[-2].isalnum():
        return previous + following
    return f"{previous} {following}"


def clean_text(text: str) -> str:
    text = text.replace("\u00ad", "").replace("\x02", "").replace("\ufffe", "")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc" or ch in "\t\n")
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _page_margins(lines: list[Line], size: float) -> dict[int, tuple[float, float]]:
    """Left and right text edges of body lines, per page."""
    margins = {}
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        if abs(line.size - size) < 0.6:
            by_page.setdefault(line.page, []).append(line)
    for page, page_lines in by_page.items():
        lefts = Counter(round(line.x0) for line in page_lines)
        margins[page] = (lefts.most_common(1)[0][0], max(line.x1 for line in page_lines))
    return margins


def _leading(lines: list[Line], size: float) -> float:
    """The usual distance between baselines of consecutive body lines."""
    gaps = [
        following.baseline - line.baseline
        for line, following in zip(lines, lines[1:], strict=False)
        if line.page == following.page and abs(line.size - size) < 0.6
        and abs(following.size - size) < 0.6 and 0 < following.baseline - line.baseline < size * 3
    ]
    return statistics.median(gaps) if gaps else size * 1.2


def _ends_short(line: Line, margins: dict[int, tuple[float, float]]) -> bool:
    """A line that stops well before the right edge after a full stop ends its paragraph."""
    left, right = margins.get(line.page, (line.x0, line.x1))
    return line.x1 < left + (right - left) * 0.7 and bool(_SENTENCE_END.search(line.text.strip()))


def analyse(pdf: PdfText) -> tuple[list[Block], float]:
    """Titles and paragraphs in reading order, and the body font size."""
    lines = pdf.lines
    size = body_size(lines)
    dropped = _running_lines(lines, pdf.page_count) | _toc_lines(lines)
    cover = _cover_page(lines, pdf.page_count, size)
    margins = _page_margins(lines, size)
    leading = _leading(lines, size)
    blocks: list[Block] = []
    previous: Line | None = None
    for index, line in enumerate(lines):
        if index in dropped or (cover and line.page == 0) or _is_noise(line, size):
            continue
        text = line.text
        if _is_title(line, size):
            last = blocks[-1] if blocks else None
            same_title = (
                last is not None and last.kind == "title" and previous is not None
                and previous.page == line.page and _is_title(previous, size)
                and abs(previous.size - line.size) < max(0.6, line.size * 0.12)
                and line.baseline - previous.baseline < line.size * 2.2
            )
            if same_title:
                last.text = join_lines(last.text, text)
            else:
                blocks.append(Block("title", text, line.page, True))
            previous = line
            continue
        left, right = margins.get(line.page, (line.x0, line.x1))
        last = blocks[-1] if blocks else None
        item = _LIST_ITEM.match(text)
        hanging = last is not None and bool(_LIST_ITEM.match(last.text))  # a list item's wrap
        continues = (
            last is not None and last.kind == "paragraph" and previous is not None
            and not item
            and not _is_title(previous, size)
            and last.bold == line.bold
            and (line.x0 < left + line.size * 0.8 or hanging)
            and not _ends_short(previous, margins)
            and (
                previous.page != line.page
                or 0 < line.baseline - previous.baseline < leading * 1.4
            )
        )
        if continues:
            last.text = join_lines(last.text, text)
        else:
            blocks.append(Block("paragraph", text, line.page, line.bold))
        previous = line
    for block in blocks:
        block.text = clean_text(_BULLET.sub("", block.text))
    return [block for block in blocks if block.text], size


def is_byline(block: Block) -> bool:
    """A short unpunctuated signature closing an article: 'NGUYỄN THU HƯƠNG'."""
    return (
        block.kind == "paragraph" and not block.bold
        and len(block.text.split()) <= 7 and not _SENTENCE_END.search(block.text)
    )
