"""Administrative documents in the national format (Decree 30/2020/NĐ-CP): the letterhead, the
document type and title, the structure of Chương / Mục / Điều or I. / 1. headings, and the
closing ("Nơi nhận", the signature block, stamps) that a listener should not hear.

Everything here reads the text and the position of lines, never their font alone, so that
lines read by OCR (without bold or italics) are understood too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .layout import Block
    from .pdf import Line

TITLE_FIRST_GAP = 3.0  # the title may stand this many font sizes below the document type
TITLE_GAP = 2.0  # ... and its lines this many font sizes apart
SIGNATURE_WORDS = 6  # the lines under a signer's title (rank, name) are this short
HEADING_WORDS = 40  # a structural heading paragraph is at most this long
ARTICLE_TITLE_WORDS = 20  # a longer "Điều N. …" paragraph is titled by its label alone
TITLED_RUN = 3  # numbered sections that structure a document with a title of its own
LABEL_WORDS = 3  # a bare heading label ('Chương IV', 'Phần thứ hai') is this short
OPENING_CHARS = 24  # a heading's label ('Chương XII', 'PHỤ LỤC') is in this many characters
CAPITALS_SHARE = 0.8  # of a heading's letters, for a heading known without its bold
MOTTO_SHARE = 0.6  # a motto line in lower case is mostly the motto
SHAPED_HEADING_WORDS = 12  # a numbered heading known by its shape alone is this short

DOCUMENT_TYPES = (
    "nghi quyet", "quyet dinh", "chi thi", "ke hoach", "thong bao", "bao cao", "to trinh",
    "cong dien", "huong dan", "quy che", "quy dinh", "thong tu", "nghi dinh", "luat",
    "phap lenh", "chuong trinh", "de an", "phuong an", "bien ban", "giay moi", "thong tri",
    "ket luan", "cong van", "danh muc",
)
_MOTTO = re.compile(r"cong hoa xa hoi chu nghia viet nam|doc lap\W+tu do\W+hanh phuc"
                    r"|dang cong san viet nam")
_NUMBER = re.compile(r"^so\s*:")
_PLACE_DATE = re.compile(r"ngay\s+\S*\s*thang\s+\S*\s*nam\s+\d{4}")
_SUBJECT = re.compile(r"^(v\s*/\s*v|ve viec)\b")
_SUBJECT_UNDER_NUMBER = re.compile(r"^ve\s")  # 'Về Chương trình …' under 'Số: …'
_BODY_START = re.compile(r"^(can cu|xet|theo de nghi|kinh gui|thuc hien)\b")
_RECIPIENTS = re.compile(r"^noi nhan\b")
_RECIPIENT_ITEM = re.compile(r"^\s*([-–—+•]|luu\b)")
_SIGNER = re.compile(r"^(tm|kt|tl|tuq|q|pp)\s*\.\s*\w")
_STAMP = re.compile(r"^(ky boi|thoi gian ky|sao y|hoa toc)\b")
_SIGNED = re.compile(r"\(\s*đã ký|signature not verified", re.IGNORECASE)
_ORGANISATION = re.compile(
    r"^(ban|dang|uy ban|ubnd|hdnd|hoi|so|bo|phong|trung tam|van phong|chi bo|chi cuc|cong ty"
    r"|truong|bao|tap chi|cuc|tong cuc|vien|mat tran|doan|lien doan|thanh uy|tinh uy"
    r"|huyen uy|quan uy)\b"
)


def plain(text: str) -> str:
    """Lower case without diacritics, one character for each of the text's (NFC) characters,
    so that positions in it are positions in the text: 'Hòa' and 'Hoà' are both 'hoa'."""
    return "".join(map(_base, unicodedata.normalize("NFC", text)))


@cache
def _base(ch: str) -> str:
    """A character's lower-case base letter: 'Ộ' → 'o', 'Đ' → 'd'."""
    return "d" if ch in "đĐ" else unicodedata.normalize("NFD", ch)[0].lower()


def _opening(text: str) -> str:
    """The plain form of a text's first words, where headings show what they are."""
    return plain(text[:OPENING_CHARS])


def capitals(text: str) -> bool:
    """Whether nearly all of a text's letters are capitals."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= CAPITALS_SHARE * len(letters)


def _document_type(text: str) -> bool:
    """A line that is only a document type in capitals: 'QUYẾT ĐỊNH', 'NGHỊ QUYẾT'."""
    words = " ".join(re.findall(r"\w+", plain(text)))
    return words in DOCUMENT_TYPES and capitals(text)


def _head_line(text: str) -> bool:
    """A letterhead line: the national motto, the number or the place and date."""
    key = plain(text).strip()
    return bool(_motto(text) or _NUMBER.match(key) or _PLACE_DATE.search(key))


def _motto(text: str) -> bool:
    """A line of the national or the Party's motto, as a letterhead prints it: in capitals,
    or opening a line it mostly fills; not 'Đảng Cộng sản Việt Nam' named in a sentence."""
    key = re.sub(r"^\W+", "", plain(text)).strip()
    found = _MOTTO.search(key)
    return found is not None and (capitals(text) or found.start() == 0
                                  and len(found.group()) >= MOTTO_SHARE * len(key))


@dataclass
class DocumentHead:
    """Line indexes of the letterhead (read once, as an opening chapter) and of the document
    type and title (the first chapter's title)."""

    letterhead: list[int]
    title: list[int]


def _title_lines(lines: list[Line], page: list[int], start: int, first_gap: float
                 ) -> list[int]:
    """The lines of a title from page position `start`: close together, in one style, up to
    the preamble ('Căn cứ …') or the issuing body's line."""
    taken = [page[start]]
    for position in range(start + 1, len(page)):
        line, above = lines[page[position]], lines[taken[-1]]
        gap = (first_gap if len(taken) == 1 else TITLE_GAP) * above.size
        second = lines[taken[1]] if len(taken) > 1 else line
        if (not 0 < line.baseline - above.baseline <= gap or line.bold != second.bold
                or _BODY_START.match(plain(line.text).strip())):
            break
        taken.append(page[position])
    return taken


def document_head(lines: list[Line]) -> DocumentHead | None:
    """The letterhead and title of an administrative document on its first page: everything
    above the document type line ('QUYẾT ĐỊNH') and that line with the title under it; or, in
    a letter without a type, the national motto, number and date, with its subject ('V/v …')
    as the title ('Về …' also, under the number and date). None when the first page has
    neither a type line nor the motto."""
    if not lines:
        return None
    first = [index for index, line in enumerate(lines) if line.page == lines[0].page]
    body = next((p for p, i in enumerate(first) if _BODY_START.match(plain(lines[i].text))),
                len(first))
    page = first[:body]  # the head stands above the preamble ('Căn cứ …', which has dates)
    kind = next((p for p, i in enumerate(page) if _document_type(lines[i].text)), None)
    heads = [p for p, i in enumerate(page) if _head_line(lines[i].text)]
    if kind is not None and (heads and heads[0] < kind or kind < len(page) // 2):
        title = _title_lines(lines, page, kind, TITLE_FIRST_GAP)
        return DocumentHead(page[:kind], title)
    if not any(_motto(lines[page[p]].text) for p in heads):
        return None
    subject = next((p for p, i in enumerate(page) if _SUBJECT.match(plain(lines[i].text))),
                   None)
    if subject is None:  # a subject typed 'Về …', found only under the number and date
        subject = next((p for p in range(heads[-1] + 1, len(page))
                        if _SUBJECT_UNDER_NUMBER.match(plain(lines[page[p]].text))), None)
    title = _title_lines(lines, page, subject, TITLE_GAP) if subject is not None else []
    end = max([heads[-1], *(page.index(i) for i in title)]) + 1
    return DocumentHead([i for i in page[:end] if i not in title], title)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def issuer(texts: list[str]) -> str:
    """The issuing body a letterhead names ('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI'): its lines in
    capitals, the motto's left out, up to the number, the date or the document type; '' when
    the texts hold neither the motto nor a number."""
    parts: list[str] = []
    letterhead = False
    for text in texts:
        key = plain(text)
        if _NUMBER.match(key.strip()) or _PLACE_DATE.search(key) or _document_type(text):
            letterhead = letterhead or bool(_NUMBER.match(key.strip()))
            break
        motto = _MOTTO.search(key)
        letterhead = letterhead or motto is not None
        name = re.sub(r"^\W+|\W+$", "", text[:motto.start()] if motto else text)
        if name and capitals(name):
            parts.append(name)
    return " ".join(parts) if letterhead else ""


def organisation(name: str) -> bool:
    """Whether a name (a PDF's or DOCX's author) names an organisation, not a typist or the
    program that wrote the file."""
    return bool(_ORGANISATION.match(plain(name).strip()))


def closing_lines(lines: list[Line]) -> set[int]:
    """Indexes of what closes a document and is not read: the 'Nơi nhận' list with the
    signature block beside it (to the end of that page, and recipient lines that run onto the
    next), signature blocks ('KT. CHỦ TỊCH' and the lines under it) and stamp or e-signature
    text ('(Đã ký)', 'Ký bởi: …', 'SAO Y')."""
    dropped: set[int] = set()
    for index, line in enumerate(lines):
        key = _opening(line.text.strip())
        if _STAMP.match(key) or _SIGNED.search(line.text):
            dropped.add(index)
        elif _RECIPIENTS.match(key):
            dropped.update(_recipients(lines, index))
        elif _SIGNER.match(key) and capitals(line.text):
            dropped.update(
                following for following in range(index, _part_end(lines, index))
                if following == index or len(_words(lines[following].text)) <= SIGNATURE_WORDS
            )
    return dropped


def _part_end(lines: list[Line], start: int) -> int:
    """The index after the last line of `start`'s page before an appendix or another
    document begins on it."""
    page = lines[start].page
    return next((index for index in range(start + 1, len(lines))
                 if lines[index].page != page or _new_part(lines[index].text)), len(lines))


def _new_part(text: str) -> bool:
    """A line that opens an appendix or another document: 'PHỤ LỤC', 'QUY ĐỊNH'."""
    opening = _APPENDIX.match(_opening(text))
    return _document_type(text) or (opening is not None and capitals(text[:opening.end()]))


def _recipients(lines: list[Line], start: int) -> set[int]:
    """The 'Nơi nhận' list from `start` and whatever stands beside or below it on its page,
    and the list's lines that run onto the top of the next page."""
    top = lines[start]
    end = _part_end(lines, start)
    taken = {
        index for index, line in enumerate(lines[:end])
        if line.page == top.page and (index >= start or line.baseline >= top.baseline - top.size)
    }
    for index in range(end, len(lines)):
        line = lines[index]
        if line.page != top.page + 1 or not _RECIPIENT_ITEM.match(_opening(line.text)):
            break
        taken.add(index)
    return taken


@dataclass(frozen=True)
class Level:
    """One level of headings: 'Chương II', 'Điều 3.', 'II.', '2'."""

    pattern: re.Pattern[str]  # on plain text, with the heading's number as group 1
    styled: bool  # known only by bold or capitals (otherwise a list item)


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
LEVELS = (
    Level(re.compile(r"^phan\s+(?:thu\s+)?([ivxlc]+|\d{1,2})\b"), False),
    Level(re.compile(r"^chuong\s+([ivxlc]+|\d{1,3})\b"), False),
    Level(re.compile(r"^muc\s+(\d{1,2})\b"), False),
    Level(re.compile(r"^dieu\s+(\d{1,3})\s*[.:]"), False),
    Level(re.compile(r"^([ivxl]{1,5})\s*[.)]\s+\w"), True),
    Level(re.compile(r"^(\d{1,2})\s*\.?\s+(?=[^\W\d])"), True),
)
ARTICLE = LEVELS[3]
_APPENDIX = re.compile(r"^phu luc\b")


def _number(text: str) -> int:
    """'12' → 12, 'iv' → 4."""
    if text.isdigit():
        return int(text)
    values = [_ROMAN[ch] for ch in text]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def starts_section(text: str) -> bool:
    """Whether a line opens a heading ('Điều 3.', 'Chương II', or 'II. …' in capitals), so
    that it starts a paragraph of its own."""
    key = _opening(text)
    return any(level.pattern.match(key) and (not level.styled or capitals(text))
               for level in LEVELS)


def _heading_number(block: Block, level: Level, shaped: bool = False) -> int | None:
    """The number of a paragraph that is a heading of `level`, else None; a `shaped` heading
    may be set like the text (see _shaped_heading)."""
    match = level.pattern.match(_opening(block.text))
    if block.kind != "paragraph" or match is None:
        return None
    if level.styled and not (_styled_heading(block) or shaped and _shaped_heading(block)):
        return None
    return _number(match.group(1))


def _shaped_heading(block: Block) -> bool:
    """A short numbered line standing alone without a sentence's end ('2. Tỉnh Cao Bằng'): a
    heading a Word file may set in the text's own style, whose shape alone shows it."""
    text = block.text.rstrip()
    return len(text.split()) <= SHAPED_HEADING_WORDS and not re.search(r"[.,;:!?…]$", text)


def _styled_heading(block: Block) -> bool:
    """A short paragraph in bold or capitals that does not run on like a list item."""
    return (len(block.text.split()) <= HEADING_WORDS and (block.bold or capitals(block.text))
            and not block.text.rstrip().endswith((";", ",")))


def _appendix(block: Block) -> bool:
    """A 'PHỤ LỤC' heading in capitals, or a short bold paragraph opening 'Phụ lục': an
    appendix, always a chapter of its own."""
    opening = _APPENDIX.match(_opening(block.text))
    return block.kind != "row" and opening is not None and (
        capitals(block.text[:opening.end()]) or block.bold and _styled_heading(block))


def _numbered_run(blocks: list[Block], level: Level, shaped: bool = False) -> list[int]:
    """Indexes of the headings of `level` numbered 1, 2, 3 … in order; [] unless every such
    heading before the appendices fits the run (list items restarting at 1 are not a
    structure; an appendix that opens the document, under its letterhead, is the document).
    A number read once more where the next was due stands for it: OCR reads 'III.' as 'II.'.
    Headings known by their `shaped` alone must be TITLED_RUN or more, each with text of its
    own under it (a list of short items is no structure)."""
    run: list[int] = []
    opening = next((index for index, block in enumerate(blocks)
                    if block.kind != "letterhead"), None)
    for index, block in enumerate(blocks):
        if _appendix(block) and index != opening:
            break
        number = _heading_number(block, level, shaped)
        if number is None:
            continue
        misread = len(run) >= 2 and number == len(run)  # 'III.' read as 'II.'
        if number != len(run) + 1 and not misread:
            return []
        run.append(index)
    if shaped and (len(run) < TITLED_RUN or any(
            after - before < 2 for before, after in zip(run, [*run[1:], len(blocks)],
                                                        strict=True))):
        return []
    return run if len(run) >= 2 else []


def _heading(block: Block, level: Level, bare: bool = False) -> list[Block]:
    """A heading paragraph as a title; a long 'Điều N. …', or a `bare` one (with no text
    under it: the article is its one sentence), as its label and the rest."""
    if level is ARTICLE and (bare or len(block.text.split()) > ARTICLE_TITLE_WORDS):
        label = ARTICLE.pattern.match(_opening(block.text))
        assert label is not None
        return [replace(block, kind="title", text=block.text[:label.end()].rstrip(" .:")),
                replace(block, text=block.text[label.end():].strip())]
    return [replace(block, kind="title")]


def structure(blocks: list[Block], administrative: bool) -> list[Block]:
    """The blocks with the top level of numbered headings (and appendices, 'PHỤ LỤC') made
    titles; headings known by their shape only where no level is set apart by style. An
    administrative document always uses its structure; another only when no titles were
    found by type size, or one (its own title) above TITLED_RUN or more numbered sections
    (a journal article)."""
    tries = [(level, False) for level in LEVELS] + [(level, True) for level in LEVELS
                                                    if level.styled]
    runs = ((level, _numbered_run(blocks, level, shaped)) for level, shaped in tries)
    level, run = next(((level, run) for level, run in runs if run), (None, []))
    titles = sum(block.kind == "title" for block in blocks)
    if level is None or not (administrative or titles == 0
                             or titles == 1 and len(run) >= TITLED_RUN):
        return blocks
    heads = set(run)
    result: list[Block] = []
    for index, block in enumerate(blocks):
        if index in heads:
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            bare = following is None or index + 1 in heads or following.kind == "title"
            result += [part for part in _heading(block, level, bare) if part.text]
        elif result and _name_of(result[-1], block):
            result[-1] = replace(result[-1], text=f"{result[-1].text} {block.text}")
        elif _appendix(block):
            result.append(replace(block, kind="title"))
        else:
            result.append(block)
    return result


def _name_of(heading: Block, block: Block) -> bool:
    """Whether a paragraph is the name printed under a bare 'Chương II' or 'PHỤ LỤC'."""
    return (heading.kind == "title" and len(heading.text.split()) <= LABEL_WORDS
            and not heading.text.rstrip().endswith(".") and _styled_heading(block)
            and capitals(block.text))
