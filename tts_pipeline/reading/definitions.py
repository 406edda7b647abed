"""Abbreviations a document defines itself: 'vật liệu xây dựng (VLXD)' → VLXD is read so.

Reports and plans coin their own abbreviations (VLXD, CMCN, ĐHCNGTVT) and define each once,
in brackets after the words. A bracketed run of capitals is taken as defined when its letters
are, in order, the first letters of the words just before it, '&' standing for 'và'
('khoa học và công nghệ (KH&CN)'); nothing is guessed beyond that, so a foreign acronym after
Vietnamese words ('thực tại ảo (VR)') stays spelled.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .lexicon import VIET_UPPER

_DEFINED = re.compile(rf"\(([{VIET_UPPER}][{VIET_UPPER}&]{{1,11}})\)")
_WORDS_BEFORE = re.compile(r"[^\W\d_]+")
_STOP = re.compile(r"[^\w\s&]|\d")  # a phrase does not reach back over punctuation or a number
_REACH = 160


def _initial(word: str) -> str:
    """A word's first letter without tone or vowel marks ('Ủy' → 'u', 'đổi' → 'đ')."""
    first = word[0].lower()
    return first if first == "đ" else unicodedata.normalize("NFD", first)[0]


def _definition(abbreviation: str, before: str) -> str | None:
    """The words just before the brackets that the abbreviation's letters stand for."""
    stops = list(_STOP.finditer(before))
    words = _WORDS_BEFORE.findall(before[stops[-1].end() if stops else 0 :])
    wanted = ["và" if ch == "&" else ch.lower() for ch in abbreviation]
    if len(wanted) > len(words) or sum(ch != "và" for ch in wanted) < 2:
        return None
    phrase = words[len(words) - len(wanted) :]
    for want, word in zip(wanted, phrase, strict=True):
        same = word.lower() == want if want == "và" else _initial(word) == _initial(want)
        if not same:
            return None
    return " ".join(phrase)


def defined_abbreviations(texts: Iterable[str]) -> dict[str, str]:
    """Each abbreviation the texts define and the words it stands for (the first definition)."""
    found: dict[str, str] = {}
    for text in texts:
        if "(" not in text:
            continue
        for m in _DEFINED.finditer(text):
            if m[1] in found:
                continue
            words = _definition(m[1], text[max(0, m.start() - _REACH) : m.start()])
            if words is not None:
                found[m[1]] = words
    return found
