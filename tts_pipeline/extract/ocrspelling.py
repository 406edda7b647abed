"""Headings in capitals that OCR misspells, spelt again as the document's own text spells them.

Tesseract reads the diacritics of bold capitals worst ('NỌI DUNG', 'TÓ CHỨC', 'CHÍ THỊ'), while
the same words in the running text below are read right ('nội dung', 'tổ chức', 'chỉ thị'). A
pair of words in capitals whose letters, diacritics aside, are those of a pair the running
text repeats, and which that text never spells as the heading does, takes the text's spelling.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .admin import capitals, plain
from .pdf import Line

_WORD = re.compile(r"[^\W\d_]+")
MIN_REPEATS = 2  # the running text spells a pair so this many times to be followed


def _pairs(text: str) -> list[tuple[str, str]]:
    """The text's pairs of neighbouring words, in lower case."""
    words = _WORD.findall(text.lower())
    return list(zip(words, words[1:], strict=False))


def _cased(word: str, like: str) -> str:
    """`word` in the case of `like`: capitals, a capital first, or lower case."""
    if like.isupper():
        return word.upper()
    return word.capitalize() if like[:1].isupper() else word


def respell_capitals(lines: list[Line], pages: set[int],
                     read: frozenset[int] = frozenset()) -> list[Line]:
    """The lines, with those in capitals on the OCR-read `pages` (and those at the indexes
    `read`, lines OCR read alone) respelt pair by pair after the document's other lines."""
    seen: Counter[tuple[str, str]] = Counter()
    for line in lines:
        if not capitals(line.text):
            seen.update(_pairs(line.text))
    spellings: dict[tuple[str, str], tuple[str, str]] = {}
    for pair, count in seen.most_common():
        if count >= MIN_REPEATS:
            spellings.setdefault((plain(pair[0]), plain(pair[1])), pair)
    return [replace(line, text=_respelt(line.text, seen, spellings))
            if (line.page in pages or index in read) and capitals(line.text) else line
            for index, line in enumerate(lines)]


def _respelt(text: str, seen: Counter[tuple[str, str]],
             spellings: dict[tuple[str, str], tuple[str, str]]) -> str:
    """A line in capitals with each pair of words the running text spells otherwise (and
    never as here) respelt; a word already respelt is not taken again."""
    words = list(_WORD.finditer(text))
    parts = [match.group() for match in words]
    index = 0
    while index + 1 < len(words):
        first, second = words[index], words[index + 1]
        own = (first.group().lower(), second.group().lower())
        spelling = spellings.get((plain(own[0]), plain(own[1])))
        adjacent = not text[first.end():second.start()].strip()
        if adjacent and spelling and spelling != own and not seen[own]:
            parts[index] = _cased(spelling[0], first.group())
            parts[index + 1] = _cased(spelling[1], second.group())
            index += 2
            continue
        index += 1
    pieces, last = [], 0
    for match, part in zip(words, parts, strict=True):
        pieces += [text[last:match.start()], part]
        last = match.end()
    return "".join(pieces) + text[last:]
