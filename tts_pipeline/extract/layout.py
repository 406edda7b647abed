"""Turn styled PDF lines into titles and paragraphs: drop what a listener should not hear."""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from .admin import DocumentHead, capitals, plain, starts_section
from .legacy import SYMBOL_AND_LOOKALIKES
from .pdf import Line, PdfText, Span
from .tables import TableReading

TITLE_RATIO = 1.25
LARGE_TITLE_RATIO = 1.5
SMALL_RATIO = 0.92
MARGIN_SHARE = 0.09
REPEATED_SHARE = 0.3  # a line on this share of the pages, at one height, is furniture
TABLE_MIN_ROWS = 3
TABLE_MIN_COLUMNS = 3  # small print starting at this many places across is a table
TABLE_CELL_REACH = 12  # a row's cells are at most this many font sizes tall
HEADER_REACH = 6  # font sizes: a header row's top line stands at most this far above row one
TOUCH_GAP = 0.15  # font sizes: pieces of a line closer than this are one word
COVER_SHARE = 0.4  # a cover has less than this share of a typical page's words

_PAGE_NUMBER = re.compile(r"^(trang\s*)?[-–—\s]*\d{1,4}(\s*/\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE)
_TOC_HEADING = re.compile(r"^(mục lục|trong số này|nội dung(?: chính)?)\s*:?$", re.IGNORECASE)
_LEADER = r"(([.…·] ?){3,}|\s{2,}|\t)"
_TOC_ENTRY = re.compile(_LEADER + r"\s*\d{1,3}\s*$")
_CAPTION = re.compile(r"^\(?\s*(ảnh|nguồn|photo)\b[^\n]{0,60}", re.IGNORECASE)
# a table's caption; its number may be lost (a glyph the text layer dropped: 'Bảng . …')
_TABLE_CAPTION = re.compile(r"^(bảng|table)\s+(\d{1,3}\s*)?[.:]", re.IGNORECASE)
_CAPTION_CREDIT = re.compile(
    r"\(?\s*ảnh\s*(:|minh họa|minh hoạ|tư liệu)[^.]{0,40}\)?\s*$", re.IGNORECASE
)
_BULLETS = "[•▪◦●■□➢►\uf0b7\uf0a7–-]"
_MARKER = re.compile(rf"{_BULLETS}|\d{{1,2}}(?:\.\d{{1,2}})+\.?|\d{{1,2}}[.)]|[a-zđ]\)")
_BULLET = re.compile(rf"^\s*{_BULLETS}\s+")
_LIST_ITEM = re.compile(rf"^\s*({_MARKER.pattern})\s+")
_SENTENCE_END = re.compile(r"[.!?…:;\"”»)]$")
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_UPPER = _LOWER.upper()
_GLUED = re.compile(f"(?<=[{_LOWER}])(?=[{_UPPER}][{_LOWER}])")
_GLUED_WORD = re.compile(rf"\w*{_GLUED.pattern}\w*")
_QUOTE_END = re.compile(r"[.!?…\"”»]$")  # a pull quote is a whole sentence
_HEADER_END = re.compile(r"[.!?…:;]$")  # a line ending so ends a paragraph, not a header cell
# a header cell's next line: it goes on with a word in lower case, or is a bracketed note
_HEADER_WRAP = re.compile(rf"[{_LOWER}]{{2}}|\((?!\d+\))")  # no symbol ('a'), no '(1)'


@dataclass
class Block:
    """A title or a paragraph, in reading order."""

    kind: str  # "title" | "paragraph" | "letterhead" | "row" (a table row, as tables.py reads it)
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
    return {
        index for index in in_margin
        if len(pages_per_key[_margin_key(lines[index].text)]) >= _repeated(page_count)
        or _PAGE_NUMBER.match(lines[index].text.strip())
    }


def _repeated(page_count: int) -> int:
    """On how many pages a line must stand to be running furniture."""
    return max(2, int(page_count * REPEATED_SHARE))


def _repeated_rows(lines: list[Line], page_count: int, running: set[int]) -> set[int]:
    """Indexes of a table's header row printed again at the top of every page: bold lines
    repeated word for word at the same height on many pages, above anything else on their
    page but `running` headers. The first printing is kept, and read once."""
    seen: dict[tuple[str, int], list[int]] = {}
    first: dict[str, int] = {}  # the page each text is first printed on
    for index, line in enumerate(lines):
        if line.bold:
            key = line.text.strip()
            seen.setdefault((key, round(line.baseline / line.size)), []).append(index)
            first.setdefault(key, line.page)
    repeats = {
        index for (key, _), indexes in seen.items()
        if len({lines[index].page for index in indexes}) >= max(3, _repeated(page_count))
        for index in indexes if lines[index].page != first[key]
    }
    pages: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if index not in running:
            pages.setdefault(line.page, []).append(index)
    on_top: set[int] = set()
    for indexes in pages.values():
        for index in sorted(indexes, key=lambda i: lines[i].baseline):
            if index not in repeats:
                break
            on_top.add(index)
    return on_top


def _toc_lines(lines: list[Line]) -> set[int]:
    """Indexes of table-of-contents lines: from a TOC heading to its last entry (a title
    with a leader and a page number) on that page. A heading over no such entries stays: it
    heads a list read as text, or a section ('NỘI DUNG')."""
    dropped: set[int] = set()
    by_page: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(index)
    for indexes in by_page.values():
        heading = next(
            (i for i in indexes if _TOC_HEADING.match(lines[i].text.strip())), None
        )
        entries = [i for i in indexes if _TOC_ENTRY.search(lines[i].text.strip())]
        if len(entries) < (1 if heading is not None else 3):
            continue
        start = heading if heading is not None else entries[0]
        dropped.update(i for i in indexes if start <= i <= max(entries))
    return dropped


_CONTACT = re.compile(r"^(dien thoai|tel|phones?|fax|e-?mail|website|giay phep|publication"
                      r" permit|licen[cs]e|tru so|toa soan|editorial office)\b")
_PRINTER = re.compile(r"\bnop luu chieu\b|^printed (in|at|by)\b.*\b(company|ltd|limited)\b")
_DEPOSIT = re.compile(r"chi[eêể\u0302\u0309]*u|^\s*printed", re.IGNORECASE)  # a quick sieve
CONTACT_CHARS = 20  # a contact line says what it gives in its first characters
SIDEBAR_SHARE = 0.4  # a masthead sidebar is narrower than this share of its page's text
CONTACT_LINES = 3  # a masthead gives at least this many contact or permit lines


def _colophon_lines(lines: list[Line]) -> set[int]:
    """Indexes of a periodical's colophon, which the press law makes every issue print: the
    printer's line ('In xong và nộp lưu chiểu …'), and a masthead sidebar (editors, council,
    office, phone, permit): every line on its page within the narrow band across that holds
    CONTACT_LINES or more contact or permit lines."""
    dropped = {index for index, line in enumerate(lines)
               if _DEPOSIT.search(line.text) and _PRINTER.search(plain(line.text))}
    by_page: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(index)
    for indexes in by_page.values():
        contacts = [lines[i] for i in indexes
                    if _CONTACT.match(plain(lines[i].text.lstrip()[:CONTACT_CHARS]))]
        if len(contacts) < CONTACT_LINES:
            continue
        left, right = min(line.x0 for line in contacts), max(line.x1 for line in contacts)
        text_left = min(lines[i].x0 for i in indexes)
        text_right = max(lines[i].x1 for i in indexes)
        if right - left >= SIDEBAR_SHARE * (text_right - text_left):
            continue
        dropped.update(i for i in indexes if lines[i].x0 >= left - lines[i].size
                       and lines[i].x1 <= right + lines[i].size)
    return dropped


def contents_titles(lines: list[Line], toc: set[int]) -> list[str]:
    """The titles a contents page lists: each entry's text before its leader and page number,
    with the lines it wrapped from."""
    titles: list[str] = []
    pending: list[str] = []
    for index in sorted(toc):
        text = lines[index].text.strip()
        if _TOC_HEADING.match(text):
            continue
        if _TOC_ENTRY.search(text):
            titles.append(clean_text(" ".join([*pending, _TOC_ENTRY.sub("", text)])))
            pending = []
        else:
            pending.append(text)
    return [title for title in titles if title]


def _cover_page(lines: list[Line], page_count: int) -> bool:
    """Whether the first page is a cover: few words (in any style) compared with the other
    pages. A first page of italic preamble or a letterhead is text, not a cover."""
    if page_count < 3:
        return False
    words: Counter[int] = Counter()
    for line in lines:
        words[line.page] += len(line.text.split())
    others = [words[page] for page in range(1, page_count)]
    return words[0] < COVER_SHARE * statistics.median(others)


def _is_title(line: Line, size: float) -> bool:
    """A line set large (or larger and bold), mostly of letters or digits: a displayed
    equation's big brackets and signs are no title."""
    signs = [ch.isalnum() for ch in line.text if not ch.isspace()]
    if sum(signs) * 2 < len(signs):
        return False
    if line.size >= size * LARGE_TITLE_RATIO and not (line.italic and not line.bold):
        return True
    return line.size >= size * TITLE_RATIO and line.bold


def _letters(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFC", text) if ch.isalnum())


def _ghost_lines(lines: list[Line], dropped: set[int], size: float) -> set[int]:
    """Title-size glyphs that close a page and are only a few letters of the title opening
    the next one: the tall accents of that title, which a browser also paints on the page
    before it."""
    kept = [index for index in range(len(lines)) if index not in dropped]
    ghosts = set()
    for index, following in zip(kept, kept[1:], strict=False):
        line, title = lines[index], lines[following]
        if title.page != line.page + 1 or not (_is_title(line, size) and _is_title(title, size)):
            continue
        letters, rest = _letters(line.text), _letters(title.text)
        remaining = iter(rest)  # the ghost's letters come in the title's order
        if len(letters) * 3 < len(rest) and all(letter in remaining for letter in letters):
            ghosts.add(index)
    return ghosts


def _small(line: Line, size: float) -> bool:
    return line.size < size * SMALL_RATIO


def _small_tables(lines: list[Line], size: float) -> set[int]:
    """Indexes of small print that is a table's text, not a footnote or a credit: on a page
    whose small upright lines start at TABLE_MIN_COLUMNS or more places across."""
    pages: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if _small(line, size) and not line.italic:
            pages.setdefault(line.page, []).append(index)
    return {
        index for indexes in pages.values()
        if len({round(lines[i].x0 / size) for i in indexes}) >= TABLE_MIN_COLUMNS
        for index in indexes
    }


def _is_noise(line: Line, size: float) -> bool:
    """Captions, photo credits, small print, pull quotes, and lines without a letter or a
    digit (rules, an equation's brackets and signs). A table's caption ('Bảng 2. …'), in
    whatever print, names the table a listener hears next: it is read."""
    text = line.text.strip()
    if _TABLE_CAPTION.match(text):
        return False
    if _small(line, size) or not any(ch.isalnum() for ch in text):
        return True
    if line.italic and not line.bold and line.size > size * 1.05:
        return True
    return bool(line.italic and (_CAPTION.match(text) or _CAPTION_CREDIT.search(text)))


def _code_break(before: str, after: str) -> bool:
    """Whether a line-end hyphen stands inside a document code ('NĐ-CP', 'QĐ-UBND', 'H2-1')
    and stays: capitals or digits on both sides."""
    return bool(before and after) and _code_char(before[-1]) and _code_char(after[0])


def _code_char(ch: str) -> bool:
    return ch.isupper() or ch.isdigit()


def _unglue(word: re.Match[str]) -> str:
    """A Vietnamese word glued to the next at a line join ('phòngThống') parted again before
    each capitalised syllable that follows a lower-case letter, when the word has diacritics
    (so 'YouTube' or 'ThS' stay whole)."""
    text = word.group()
    return text if text.isascii() else _GLUED.sub(" ", text)


def join_lines(previous: str, following: str) -> str:
    """Join two lines of one paragraph, repairing hyphenation breaks."""
    previous = previous.rstrip()
    following = following.lstrip()
    if previous.endswith(("\x02", "\u2010")):  # pdfium's and Chromium's soft-hyphen breaks
        hyphen = "-" if _code_break(previous[:-1], following) else ""
        return previous[:-1] + hyphen + following
    if previous.endswith("-") and len(previous) > 1 and previous[-2].isalnum():
        return previous + following
    return f"{previous} {following}"


def clean_text(text: str) -> str:
    text = text.replace("\u00ad", "").replace("\x02", "").replace("\ufffe", "")
    text = text.translate(SYMBOL_AND_LOOKALIKES)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc" or ch in "\t\n")
    text = _GLUED_WORD.sub(_unglue, unicodedata.normalize("NFC", text))
    return re.sub(r"\s+", " ", text).strip()


def _text_columns(lines: list[Line], size: float, skip: set[int]
                  ) -> tuple[list[int], dict[int, tuple[float, float]]]:
    """Each line's column, and each column's left and right text edges (the commonest start
    and the furthest end of its body lines). pdfium gives a column's lines top to bottom: a
    body line on a new page, or above the last one, starts the next column."""
    columns: list[int] = []
    lefts: dict[int, Counter[int]] = {}
    rights: dict[int, float] = {}
    column, last = 0, None
    for index, line in enumerate(lines):
        if index not in skip and abs(line.size - size) < 0.6:
            if last is not None and (
                line.page != last.page or line.baseline < last.baseline - line.size
            ):
                column += 1
            last = line
            lefts.setdefault(column, Counter())[round(line.x0)] += 1
            rights[column] = max(rights.get(column, line.x1), line.x1)
        columns.append(column)
    edges = {
        column: (min(starts, key=lambda x: (-starts[x], x)), rights[column])
        for column, starts in lefts.items()
    }
    return columns, edges


def _leading(lines: list[Line], size: float) -> float:
    """The usual distance between baselines of consecutive body lines."""
    gaps = [
        following.baseline - line.baseline
        for line, following in zip(lines, lines[1:], strict=False)
        if line.page == following.page and abs(line.size - size) < 0.6
        and abs(following.size - size) < 0.6 and 0 < following.baseline - line.baseline < size * 3
    ]
    return statistics.median(gaps) if gaps else size * 1.2


def _same_row(previous: Line, line: Line) -> bool:
    """Whether a line goes on where the one before it stopped, on its baseline: the rest of
    a printed line that a superscript (a footnote mark, m³) or a change of font split off."""
    return (previous.page == line.page and abs(line.baseline - previous.baseline) < line.size / 2
            and previous.x1 - line.size / 2 <= line.x0 <= previous.x1 + line.size)


def _touching(previous: Line, line: Line) -> bool:
    """Whether a line goes on, on the same baseline, closer than a word space: the rest of a
    word that the PDF wrote as a separate text object ('Thông tư s' + 'ố')."""
    return _same_row(previous, line) and line.x0 - previous.x1 < line.size * TOUCH_GAP


def _aligned_under(previous: Line, line: Line) -> bool:
    """Whether a line starts where the one before it started, which stopped mid-sentence: the
    next line of a table cell or an indented block."""
    return (previous.page == line.page and abs(line.x0 - previous.x0) < line.size / 2
            and not _SENTENCE_END.search(previous.text.strip()))


def _caption_wrap(caption: Line, line: Line) -> bool:
    """Whether a line carries on a table's caption over a second line: right under it, in
    the same print, centred under it or starting where it starts, and no caption itself."""
    return (line.page == caption.page and abs(line.size - caption.size) < caption.size * 0.1
            and (line.bold, line.italic) == (caption.bold, caption.italic)
            and 0 < line.baseline - caption.baseline < caption.size * CAPTION_LEADING
            and (abs((line.x0 + line.x1) - (caption.x0 + caption.x1)) / 2 < line.size
                 or abs(line.x0 - caption.x0) < line.size / 2)
            and not _TABLE_CAPTION.match(line.text.strip()))


def _centred_under(previous: Line, line: Line, edges: tuple[float, float]) -> bool:
    """Whether a line is centred under the one before it, both clear of the column's edges,
    as the lines of a centred heading or subtitle are."""
    left, right = edges
    clear = all(left + line.size < each.x0 and each.x1 < right - line.size
                for each in (previous, line))
    return clear and abs((line.x0 + line.x1) - (previous.x0 + previous.x1)) / 2 < line.size


def _ends_short(line: Line, edges: tuple[float, float]) -> bool:
    """A line that stops well before the right edge after a full stop, or a short line in
    capitals (a heading), ends its paragraph."""
    left, right = edges
    text = line.text.strip()
    return line.x1 < left + (right - left) * 0.7 and bool(_SENTENCE_END.search(text)
                                                          or capitals(text))


@dataclass
class Table:
    """A table read from `lines` (indexes into the document's lines): its rows' cell texts,
    its header first where one was found (tables.py decides how each row is read)."""

    lines: list[int]
    rows: list[list[str]]


def _cells(line: Line) -> list[Span]:
    """A line's spans, with a list marker ('•', '1.') kept on the item it marks."""
    spans = list(line.parts())
    if len(spans) > 1 and _MARKER.fullmatch(spans[0].text):
        spans[:2] = [Span(spans[0].x0, spans[1].x1, f"{spans[0].text} {spans[1].text}")]
    return spans


def _overlapping(span: Span, spans: list[Span]) -> list[Span]:
    """The spans that share some of `span`'s width."""
    return [other for other in spans if span.x0 < other.x1 and other.x0 < span.x1]


def _row_tops(lines: list[Line], page: list[int], cells: dict[int, list[Span]]
              ) -> list[list[int]]:
    """The first lines of table rows, as positions in `page`: cells side by side on one
    baseline that pdfium gives one after another, with only their own lower lines between.
    The columns of a two-column page never qualify: a whole column comes between them."""
    tops: list[list[int]] = []
    taken: set[int] = set()
    for first, index in enumerate(page):
        if first in taken:
            continue
        top = lines[index]
        members, spans = [first], list(cells[index])
        for position in range(first + 1, len(page)):
            below = lines[page[position]].baseline - top.baseline
            if not -top.size * 0.3 <= below <= top.size * TABLE_CELL_REACH:
                break
            mate = cells[page[position]]
            if (abs(below) <= top.size * 0.3 and position not in taken
                    and not any(_overlapping(span, spans) for span in mate)):
                members.append(position)
                spans += mate
        if len(spans) > 1:
            tops.append(members)
            taken.update(members)
    return tops


def _next_row(lines: list[Line], page: list[int], cells: dict[int, list[Span]],
              row: list[int], following: list[int]) -> bool:
    """Whether `following` starts the row after `row`: lower, close, in the same columns (no
    cell of one under two of the other), and with only lines of `row`'s cells (each under one
    of its cells) between them."""
    top, next_top = lines[page[row[0]]], lines[page[following[0]]]
    spans = [span for position in row for span in cells[page[position]]]
    next_spans = [span for position in following for span in cells[page[position]]]
    between = [lines[page[p]] for p in range(row[0] + 1, following[0]) if p not in row]
    lowest = max([top.baseline] + [line.baseline for line in between])
    return (
        following[0] > max(row) and top.baseline < next_top.baseline
        and next_top.baseline - lowest <= next_top.size * 3
        and all(len(_overlapping(span, next_spans)) <= 1 for span in spans)
        and all(len(_overlapping(span, spans)) <= 1 for span in next_spans)
        and all(line.baseline > top.baseline
                and len(_overlapping(Span(line.x0, line.x1, ""), spans)) == 1
                for line in between)
    )


def _columns(spans: list[Span]) -> list[tuple[float, float]]:
    """Left and right edges of the columns that overlapping spans make."""
    columns: list[tuple[float, float]] = []
    for span in sorted(spans):
        if columns and span.x0 < columns[-1][1]:
            columns[-1] = (columns[-1][0], max(columns[-1][1], span.x1))
        else:
            columns.append((span.x0, span.x1))
    return columns


def _column(span: Span, columns: list[tuple[float, float]]) -> int:
    """The column a span's centre falls in, or the nearest."""
    centre = (span.x0 + span.x1) / 2
    return min(range(len(columns)),
               key=lambda k: max(columns[k][0] - centre, centre - columns[k][1], 0))


def _aligned_columns(lines: list[Line], page: list[int], cells: dict[int, list[Span]],
                     tops: list[list[int]], tolerance: float) -> list[tuple[float, float]]:
    """The columns these row tops make, if each row fills at least two of them, with one span
    in each, and every column is aligned left, right or centred; else none."""
    columns = _columns([span for top in tops for p in top for span in cells[page[p]]])
    for top in tops:
        filled = Counter(_column(span, columns) for p in top for span in cells[page[p]])
        if len(filled) < 2 or max(filled.values()) > 1:
            return []
    for k in range(len(columns)):
        spans = [span for top in tops for p in top for span in cells[page[p]]
                 if _column(span, columns) == k]
        if not any(max(edges) - min(edges) <= tolerance for edges in (
                [span.x0 for span in spans], [span.x1 for span in spans],
                [(span.x0 + span.x1) / 2 for span in spans])):  # left, right or centred
            return []
    return columns


def _row_starts(lines: list[Line], page: list[int], positions: list[int],
                columns: list[tuple[float, float]], tolerance: float) -> list[float]:
    """The baselines that start the table's rows; `positions` gains the last row's lower
    lines. Lines of a wrapped cell are closer together than rows, which have padding
    between."""
    baselines: list[float] = []
    for baseline in sorted(lines[page[p]].baseline for p in positions):
        if not baselines or baseline - baselines[-1] > tolerance:
            baselines.append(baseline)
    gaps = [b - a for a, b in zip(baselines, baselines[1:], strict=False)]
    split = (min(gaps) + max(gaps)) / 2 if gaps and max(gaps) > min(gaps) * 1.2 else 0.0
    for position in range(positions[-1] + 1, len(page)):  # the last row's lower lines
        line = lines[page[position]]
        if not (tolerance < line.baseline - baselines[-1] <= split
                and len(_overlapping(Span(line.x0, line.x1, ""),
                                     [Span(*column, "") for column in columns])) == 1):
            break
        positions.append(position)
        baselines.append(line.baseline)
    return [baselines[0]] + [b for a, b in zip(baselines, baselines[1:], strict=False)
                             if b - a > split]


def _cell_texts(pieces: dict[tuple[int, int], list[tuple[float, float, str]]], rows: int,
                columns: int) -> list[list[str]]:
    """Each cell's text: its pieces (baseline, left edge, text) joined top to bottom."""
    texts = []
    for row in range(rows):
        texts.append([])
        for k in range(columns):
            text = ""
            for _, _, part in sorted(pieces.get((row, k), [])):
                text = join_lines(text, part) if text else part
            texts[-1].append(text)
    return texts


def _header_above(lines: list[Line], page: list[int], cells: dict[int, list[Span]],
                  between: tuple[int, int], columns: list[tuple[float, float]],
                  band: tuple[float, float]) -> list[int]:
    """Positions of the lines pdfium gives just before the table's first row top that may be
    header cells no row top was found for (cells set vertically centred start at different
    heights): between the positions `between` (the previous table's last line and this
    table's first row top), each between `band`'s baselines, every piece of it within one
    column, and none a caption or ending a sentence (a colon inside brackets, '(Đơn vị:',
    ends none)."""
    found: list[int] = []
    bounds = [Span(*column, "") for column in columns]
    floor, first = between
    for position in range(first - 1, floor, -1):
        line = lines[page[position]]
        text = line.text.strip()
        ends = _HEADER_END.search(text) and text.count("(") <= text.count(")")
        if not band[0] <= line.baseline < band[1] or ends or _TABLE_CAPTION.match(text):
            break
        hits = [_overlapping(piece, bounds) for piece in cells[page[position]]]
        if any(len(hit) != 1 for hit in hits) or len({hit[0] for hit in hits}) < len(hits):
            break
        found.append(position)
    return sorted(found)


def _goes_on(cell: str) -> bool:
    """Whether a cell's text can go on from a header cell above it (`_HEADER_WRAP`)."""
    return bool(_HEADER_WRAP.match(unicodedata.normalize("NFC", cell)))


def _joined_header(rows: list[list[str]]) -> tuple[list[list[str]], int]:
    """The rows with a header wrapped over two or three lines made one row, and how many
    rows that one was: rows whose every filled cell goes on from a filled cell above (in
    lower case, or a bracketed note such as a unit), set as close together as the rows."""
    rows, joined = [list(row) for row in rows], 1
    while joined < 3 and len(rows) > 1 and any(rows[1]) and all(
            head and _goes_on(more)
            for head, more in zip(rows[0], rows[1], strict=True) if more):
        rows[:2] = [[join_lines(head, more) if more else head
                     for head, more in zip(rows[0], rows[1], strict=True)]]
        joined += 1
    return rows, joined


def _with_header(lines: list[Line], page: list[int], cells: dict[int, list[Span]],
                 head: list[int], columns: list[tuple[float, float]], rows: list[list[str]]
                 ) -> list[list[str]] | None:
    """The rows with the `_header_above` lines as the header: a row of their own when they
    head every column from above the first row; else the first row's, when in each column
    they fill an empty cell or start one the first row goes on in lower case ('Đới' over
    'phong hoá'), and leave no cell of it empty. None when neither."""
    pieces: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for p in head:
        for span in cells[page[p]]:
            pieces.setdefault((0, _column(span, columns)), []).append(
                (lines[page[p]].baseline, span.x0, span.text))
    header = _cell_texts(pieces, 1, len(columns))[0]
    first = lines[page[head[-1] + 1]].baseline
    if all(header) and all(lines[page[p]].baseline < first for p in head):
        return [header, *rows]
    joined = [join_lines(above, cell) if above and cell else above or cell
              for above, cell in zip(header, rows[0], strict=True)]
    if all(joined) and all(_goes_on(cell) for above, cell in zip(
            header, rows[0], strict=True) if above and cell):
        return [joined, *rows[1:]]
    return None


def _table(lines: list[Line], page: list[int], cells: dict[int, list[Span]],
           tops: list[list[int]], floor: int = -1) -> Table | None:
    """The table these row tops make, if its columns are aligned (`_aligned_columns`), with
    the header cells pdfium gives before its first row top, after position `floor`
    (`_header_above`)."""
    size = statistics.median(lines[page[top[0]]].size for top in tops)
    tolerance = size * 0.3
    columns = _aligned_columns(lines, page, cells, tops, tolerance)
    if not columns:
        return None
    positions = list(range(tops[0][0], max(tops[-1]) + 1))
    starts = _row_starts(lines, page, positions, columns, tolerance)
    pieces: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for p in positions:
        line = lines[page[p]]
        row = sum(start <= line.baseline + tolerance for start in starts) - 1
        for span in cells[page[p]]:
            pieces.setdefault((row, _column(span, columns)), []).append(
                (line.baseline, span.x0, span.text))
    rows, joined = _joined_header(_cell_texts(pieces, len(starts), len(columns)))
    band = (starts[0] - size * HEADER_REACH,
            starts[joined] if joined < len(starts) else math.inf)
    head = _header_above(lines, page, cells, (floor, tops[0][0]), columns, band)
    headed = _with_header(lines, page, cells, head, columns, rows) if head else None
    if headed is None:
        return Table([page[p] for p in positions], rows)
    return Table([page[p] for p in head + positions], headed)


def find_tables(lines: list[Line], skip: set[int]) -> list[Table]:
    """Tables: at least TABLE_MIN_ROWS rows whose cells share a baseline in two or more
    aligned columns, at x positions that repeat from row to row."""
    pages: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if index not in skip and not _TOC_ENTRY.search(line.text.strip()):
            pages.setdefault(line.page, []).append(index)
    tables = []
    for page in pages.values():
        cells = {index: _cells(lines[index]) for index in page}
        chain: list[list[int]] = []
        floor = -1  # the position of the last line of the page's latest table
        for top in [*_row_tops(lines, page, cells), None]:
            if top is not None and chain and _next_row(lines, page, cells, chain[-1], top):
                chain.append(top)
                continue
            table = (_table(lines, page, cells, chain, floor) if len(chain) >= TABLE_MIN_ROWS
                     else None)
            if table is not None:
                tables.append(table)
                floor = page.index(table.lines[-1])
            chain = [top] if top is not None else []
    return tables


def _head_blocks(lines: list[Line], head: DocumentHead) -> list[Block]:
    """An administrative document's letterhead, one block per line or cell, and its title."""
    blocks = [Block("letterhead", clean_text(lines[index].text), lines[index].page)
              for index in head.letterhead if re.search(r"\w", lines[index].text)]
    if head.title:
        title = " ".join(lines[index].text for index in head.title)
        blocks.append(Block("title", clean_text(title), lines[head.title[0]].page, True))
    return [block for block in blocks if block.text]


def analyse(pdf: PdfText, head: DocumentHead | None = None, closing: set[int] | None = None
            ) -> tuple[list[Block], list[str]]:
    """Titles and paragraphs in reading order, and the titles of the contents page. An
    administrative document's `head` (letterhead and title) comes first, as blocks of its
    own; its `closing` lines (recipients, signature) are not read."""
    lines = pdf.lines
    size = body_size(lines)
    toc = _toc_lines(lines)
    dropped = _running_lines(lines, pdf.page_count) | toc | (closing or set())
    dropped |= _colophon_lines(lines)
    dropped |= _repeated_rows(lines, pdf.page_count, dropped)
    dropped |= _ghost_lines(lines, dropped, size)
    head_lines = set(head.letterhead + head.title) if head else set()
    dropped |= head_lines
    cover = head is None and _cover_page(lines, pdf.page_count)
    leading = _leading(lines, size)
    small_tables = _small_tables(lines, size)
    tables = {table.lines[0]: table for table in find_tables(lines, dropped)}
    in_tables = {index for table in tables.values() for index in table.lines}
    columns, edges = _text_columns(lines, size, dropped | in_tables)
    dropped.update(in_tables.difference(tables))
    blocks: list[Block] = _head_blocks(lines, head) if head else []
    previous: Line | None = None
    previous_column = -1
    caption: Line | None = None  # the last line of the latest table caption
    reading = TableReading()
    for index, line in enumerate(lines):
        if index in dropped or (cover and line.page == 0):
            continue
        if index in tables:
            continued = bool(blocks) and blocks[-1].kind == "row" and (
                blocks[-1].page == line.page - 1)
            blocks += [Block("row", text, line.page)
                       for text in reading.read(tables[index].rows, continued)]
            continue
        after_caption = caption is not None and caption is previous
        if after_caption and _caption_wrap(caption, line):
            blocks[-1].text = join_lines(blocks[-1].text, line.text)
            caption = previous = line
            continue
        if _TABLE_CAPTION.match(line.text.strip()):
            caption = line
        if _is_noise(line, size) and index not in small_tables:
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
        left, right = edges.get(columns[index], (line.x0, line.x1))
        last = blocks[-1] if blocks else None
        item = _LIST_ITEM.match(text) or starts_section(text) or _TABLE_CAPTION.match(text)
        hanging = last is not None and bool(_LIST_ITEM.match(last.text))  # a list item's wrap
        continues = last is not None and last.kind == "paragraph" and previous is not None and (
            _same_row(previous, line) or (
                not item
                and not _is_title(previous, size)
                and not after_caption
                and last.bold == line.bold
                and (line.x0 < left + line.size * 0.8 or hanging
                     or _aligned_under(previous, line)
                     or _centred_under(previous, line, (left, right)))
                and not _ends_short(previous,
                                    edges.get(previous_column, (previous.x0, previous.x1)))
                and (
                    previous.page != line.page or columns[index] != previous_column
                    or 0 < line.baseline - previous.baseline < leading * 1.4
                )
            )
        )
        if continues and _touching(previous, line):
            last.text += text
        elif continues:
            last.text = join_lines(last.text, text)
        else:
            blocks.append(Block("paragraph", text, line.page, line.bold))
        if continues and previous is not None and _same_row(previous, line):
            line = replace(line, x0=previous.x0)  # the printed line starts with its first piece
        previous, previous_column = line, columns[index]
    for block in blocks:
        block.text = clean_text(_BULLET.sub("", block.text))
    kept = _without_quotes_and_captions([block for block in blocks if block.text])
    return kept, contents_titles(lines, toc)


CAPTION_LEADING = 1.8  # a caption's second line stands within this many sizes of its first
QUOTE_WORDS = (5, 40)  # a pull quote or caption found by its words is this long
QUOTE_SHARE = 0.9  # of its words found, in one run, in a longer paragraph on its page


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _repeats(text: str, page: list[list[str]]) -> bool:
    """Whether the text is a real duplicate: nearly all its words stand, in the same order
    and unbroken, in a longer paragraph of its page (which is read)."""
    words = _words(text)
    for other in page:
        if len(other) > len(words):
            run = SequenceMatcher(None, words, other, autojunk=False).find_longest_match()
            if words and run.size >= QUOTE_SHARE * len(words):
                return True
    return False


def _without_quotes_and_captions(blocks: list[Block]) -> list[Block]:
    """Drop what type style cannot show in a scan: pull quotes (a short paragraph, or a run of
    short ones, whose words repeat a longer paragraph on its page) and photo captions ending
    in a credit ("… Ảnh: Minh Anh")."""
    pages: dict[int, list[list[str]]] = {}
    for block in blocks:
        if block.kind == "paragraph":
            pages.setdefault(block.page, []).append(_words(block.text))
    low, high = QUOTE_WORDS
    kept: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        short = block.kind == "paragraph" and len(block.text.split()) <= high
        if short and _CAPTION_CREDIT.search(block.text):
            index += 1
            continue
        if short and len(block.text.split()) >= low and _repeats(block.text, pages[block.page]):
            end = index + 1
            while end < len(blocks) and blocks[end].kind == "paragraph" and _repeats(
                    " ".join(b.text for b in blocks[index:end + 1]), pages[block.page]):
                end += 1
            if _QUOTE_END.search(blocks[end - 1].text):
                index = end
                continue
        kept.append(block)
        index += 1
    return kept


def is_byline(block: Block) -> bool:
    """A short unpunctuated paragraph (bold or not) that can sign an article: 'NGUYỄN THU
    HƯƠNG'. Table rows never are."""
    return (
        block.kind != "row"
        and len(block.text.split()) <= 7 and not _SENTENCE_END.search(block.text)
    )
