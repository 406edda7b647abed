"""Splitting written text into sentences, and long sentences into clause-sized chunks."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lexicon import VIET_UPPER, default_lexicon

_CLOSERS = '"”’»)\\]'
_OPENERS = '"“‘«(\\['
# A sentence end: . ? ! … (with closing quotes), then space and a capital or digit.
_BOUNDARY = re.compile(rf"(?:[.?!]+|…)[{_CLOSERS}]*(\s+)(?=[{_OPENERS}]*[{VIET_UPPER}\d])")
_INITIALS = re.compile(rf"(?:[{VIET_UPPER}]\.)+")
_LIST_MARKER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*|[IVXL]+|[a-zđA-ZĐ])\.")
_NO_SPLIT_EXTRA = frozenset({"P.", "Q.", "Tp.", "TX.", "St.", "Mr.", "Mrs.", "Dr.", "tr.", "TT."})
_CLAUSE_CUT = re.compile(r"(?:(?<=[,;:–—])|(?<=\s-))\s+")
_WHITESPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Tokens ending in '.' that never end a sentence ('TP.', 'GS.TS.', 'ThS.')."""
    dotted = {k.rsplit(" ", 1)[-1] for k in default_lexicon().entries if k.endswith(".")}
    return frozenset((dotted - {"v.v."}) | _NO_SPLIT_EXTRA)


def _ends_sentence(line: str, end: int) -> bool:
    """Whether the punctuation run ending at ``end`` closes a sentence."""
    start = line.rfind(" ", 0, end) + 1
    token = line[start:end].rstrip(_CLOSERS)
    if not token.endswith("."):
        return True
    if token in _abbreviations() or _INITIALS.fullmatch(token):
        return False
    return not (start == 0 and _LIST_MARKER.fullmatch(token))


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` (NFC); line breaks always end a sentence."""
    sentences = []
    for raw_line in unicodedata.normalize("NFC", text).splitlines():
        line = _WHITESPACE.sub(" ", raw_line).strip()
        start = 0
        for m in _BOUNDARY.finditer(line):
            if _ends_sentence(line, m.start(1)):
                sentences.append(line[start : m.start(1)])
                start = m.end(1)
        sentences.append(line[start:])
    return [s for s in sentences if s.strip()]


def _pack(items: list[str], max_chars: int) -> list[str]:
    """Join consecutive items with spaces into runs of at most ``max_chars`` (an item longer
    than that stands alone)."""
    runs: list[str] = []
    current = ""
    for item in items:
        if current and len(current) + 1 + len(item) > max_chars:
            runs.append(current)
            current = item
        else:
            current = f"{current} {item}" if current else item
    runs.append(current)
    return runs


def chunk(sentence: str, max_chars: int = 200) -> list[str]:
    """Cut a long written sentence at , ; : – clause boundaries into chunks ≤ ``max_chars``
    (a clause longer than that is cut at spaces)."""
    sentence = _WHITESPACE.sub(" ", sentence).strip()
    if len(sentence) <= max_chars:
        return [sentence] if sentence else []
    pieces = [
        piece
        for clause in _CLAUSE_CUT.split(sentence)
        for piece in ([clause] if len(clause) <= max_chars else _pack(clause.split(" "), max_chars))
    ]
    return _pack(pieces, max_chars)
