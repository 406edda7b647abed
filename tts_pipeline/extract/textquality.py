"""How Vietnamese a text looks: its words checked against the spelling of Vietnamese syllables.

A scan's OCR layer made by an English engine ("CQNG HOA XA HQI"), a layer that dropped the
diacritics, or a page with no text at all gives few real syllables and fewer tone and vowel
marks; running Vietnamese text is mostly both.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))
_ONSET = "ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx]"
_VOWELS = (
    "oai|oay|oao|oeo|iêu|yêu|uây|uôi|ươi|ươu|uya|uyê|uyu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|"
    "[aăâeêioôơuưy]"
)
_SYLLABLE = re.compile(f"(?:{_ONSET})?(?:{_VOWELS})(?:ch|ng|nh|[cmnpt])?")
_WORD = re.compile(r"[^\W\d_]+")

MIN_WORDS = 20  # fewer words than this is no text layer to speak of
MIN_SYLLABLE_SHARE = 0.7  # Vietnamese prose: acronyms and foreign names aside, all syllables
MIN_MARKED_SHARE = 0.3  # Vietnamese prose: about two syllables in three carry a mark


def _toneless(word: str) -> str:
    """The word in lower case without its tone mark (vowel marks and đ kept)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", word.lower())
                                 .translate(_TONE_MARKS))


@lru_cache(maxsize=1 << 16)  # pages repeat their syllables: most are looked up, not parsed
def is_syllable(word: str) -> bool:
    """Whether a word is spelt like a Vietnamese syllable."""
    return _SYLLABLE.fullmatch(_toneless(word)) is not None


def is_marked(word: str) -> bool:
    """Whether a word carries a Vietnamese letter or mark that ASCII lacks (ă, ê, đ, tones)."""
    return not word.isascii()


@dataclass(frozen=True)
class TextQuality:
    """Counts of a text's words, those spelt as Vietnamese syllables, and those of them marked."""

    words: int
    syllables: int
    marked: int

    def looks_vietnamese(self) -> bool:
        """Enough words, nearly all syllables, a good share of them with marks."""
        return (self.words >= MIN_WORDS
                and self.syllables >= self.words * MIN_SYLLABLE_SHARE
                and self.marked >= self.syllables * MIN_MARKED_SHARE)


def measure(text: str) -> TextQuality:
    """How Vietnamese a text looks."""
    words = _WORD.findall(unicodedata.normalize("NFC", text))
    syllables = [word for word in words if is_syllable(word)]
    return TextQuality(len(words), len(syllables), sum(map(is_marked, syllables)))
