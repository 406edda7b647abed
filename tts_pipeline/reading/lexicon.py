"""Written → spoken lexicon (abbreviations, foreign words, units) and all-caps token reading."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
BUILTIN_FILES = ("abbreviations.tsv", "foreign.tsv")
UNITS_FILE = "units.tsv"

VIET_LOWER = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz"
)
VIET_UPPER = VIET_LOWER.upper()

LETTER_NAMES = {
    "a": "a", "ă": "á", "â": "ớ", "b": "bê", "c": "xê", "d": "dê", "đ": "đê", "e": "e",
    "ê": "ê", "f": "ép", "g": "gờ", "h": "hát", "i": "i", "j": "giê", "k": "ca", "l": "e lờ",
    "m": "em mờ", "n": "en nờ", "o": "o", "ô": "ô", "ơ": "ơ", "p": "pê", "q": "quy",
    "r": "e rờ", "s": "ét", "t": "tê", "u": "u", "ư": "ư", "v": "vê", "w": "vê kép",
    "x": "ích xì", "y": "i dài", "z": "dét",
}  # fmt: skip

_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))
# The vowel groups Vietnamese spelling allows (toneless), longest first: 'UAE' is not a word.
_NUCLEI = (
    "uyê|uya|uyu|oai|oay|oeo|uây|uôi|ươi|ươu|iêu|yêu|oao"
    "|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|ưa|ưi|ưu|ươ|uy|yê"
    "|[aăâeêioôơuưy]"
)
_SYLLABLE = re.compile(
    rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?(?:{_NUCLEI})(?:ng|nh|ch|[cmnpt])?"
)
_CAPS_TOKEN = re.compile(rf"(?<!\w)[{VIET_UPPER}]+(?!\w)")
_SPACES = re.compile(r"\s+")
_LAST_WORD = re.compile(r"(\w+)\s+$")
_FIRST_WORD = re.compile(r"\s+(\w+)")


def strip_tones(word: str) -> str:
    """Remove the five tone marks, keeping ă â ê ô ơ ư đ."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", word).translate(_TONE_MARKS))


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """Whether a word has the shape of one Vietnamese syllable ('BAN', 'tuyên'; not 'UBND')."""
    return bool(_SYLLABLE.fullmatch(strip_tones(word.lower())))


def spell(token: str) -> str:
    """Letter-by-letter reading with Vietnamese letter names: 'CDC' → 'xê dê xê'."""
    return " ".join(LETTER_NAMES[ch] for ch in strip_tones(token.lower()) if ch in LETTER_NAMES)


def read_caps(text: str, spelled: list[str] | None = None) -> str:
    """Lowercase all-caps Vietnamese words (headings); spell the others, recording them."""

    def replace(m: re.Match[str]) -> str:
        token = m[0]
        if is_syllable(token):
            return token.lower()
        if spelled is not None and len(token) > 1:  # a lone letter is simply named
            spelled.append(token)
        return spell(token)

    return _CAPS_TOKEN.sub(replace, text)


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a UTF-8 TSV file (a BOM is allowed), skipping blank lines and '#' comments."""
    rows = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def lexicon_key(written: str) -> str:
    """The form a written entry is matched in (NFKC, single spaces), like normalized text."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", written)).strip()


def _is_caps(key: str) -> bool:
    return key.upper() == key and key.lower() != key


def _trie(keys: Iterable[str]) -> str:
    """A regex matching any key, longest first, with a word boundary after word-final keys."""
    root: dict = {}
    for key in keys:
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node(root, "")


def _trie_node(node: dict, prev: str) -> str:
    branches = [re.escape(ch) + _trie_node(child, ch) for ch, child in sorted(node.items()) if ch]
    if "" in node:  # the key may end here; tried after the longer continuations
        branches.append(r"(?!\w)" if prev.isalnum() or prev == "_" else "")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _compile(cs_keys: list[str], ci_keys: list[str]) -> re.Pattern[str] | None:
    parts = []
    if cs_keys:
        parts.append(f"(?P<cs>{_trie(cs_keys)})")
    if ci_keys:
        parts.append(f"(?P<ci>(?i:{_trie(ci_keys)}))")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")") if parts else None


class Lexicon:
    """Written form → spoken form; user entries win over built-in ones.

    All-caps entries match case-sensitively, the others case-insensitively; whole tokens only.
    """

    def __init__(self, entries: Mapping[str, str]) -> None:
        self.entries: dict[str, str] = {}
        for written, spoken in entries.items():
            if key := lexicon_key(written):
                self.entries[key] = unicodedata.normalize("NFC", spoken).strip()
        self._cs = {k: v for k, v in self.entries.items() if _is_caps(k)}
        self._ci = {k.lower(): v for k, v in self.entries.items() if not _is_caps(k)}
        # All-caps entries that are also Vietnamese words ('TƯ', 'CA') stay words in headings.
        self._heading_words = {k for k in self._cs if k.isalpha() and is_syllable(k)}
        has_digit = re.compile(r"\d").search
        self._numeric = _compile(
            [k for k in self._cs if has_digit(k)], [k for k in self._ci if has_digit(k)]
        )
        self._words = _compile(
            [k for k in self._cs if not has_digit(k)], [k for k in self._ci if not has_digit(k)]
        )

    @classmethod
    def load(cls, *user_files: Path, defined: Mapping[str, str] | None = None) -> Lexicon:
        """Built-in data, then abbreviations a document ``defined``, then optional user TSVs
        (written, spoken, note), each winning over the ones before; missing files ignored."""
        entries: dict[str, str] = {}
        for name in BUILTIN_FILES:
            entries.update((row[0], row[1]) for row in read_tsv(DATA_DIR / name) if len(row) > 1)
        for written, spoken in load_units():
            entries[written] = spoken
        entries.update(defined or {})
        for path in user_files:
            path = Path(path)
            if path.is_file():
                entries.update((row[0], row[1]) for row in read_tsv(path) if len(row) > 1)
        return cls(entries)

    def get(self, written: str) -> str | None:
        """The spoken form of one written token, if the lexicon has it."""
        key = lexicon_key(written)
        spoken = self._cs.get(key)
        return self._ci.get(key.lower()) if spoken is None else spoken

    def __contains__(self, written: str) -> bool:
        return self.get(written) is not None

    def __len__(self) -> int:
        return len(self.entries)

    def apply_numeric(self, text: str) -> str:
        """Replace entries containing digits ('COVID-19', '4.0'); runs before number rules."""
        return self._numeric.sub(self._replace, text) if self._numeric else text

    def apply_words(self, text: str) -> str:
        """Replace the other entries (abbreviations, foreign words)."""
        return self._words.sub(self._replace, text) if self._words else text

    def _replace(self, m: re.Match[str]) -> str:
        if (key := m["cs"]) is not None:
            if key in self._heading_words and self._in_heading(m):
                return key
            spoken = self._cs[key]
        else:
            spoken = self._ci[m["ci"].lower()]
        following = m.string[m.end() : m.end() + 1]
        return f"{spoken} " if following.isalnum() else spoken

    def _in_heading(self, m: re.Match[str]) -> bool:
        """Whether a neighbouring word is an all-caps Vietnamese word (a heading)."""
        before = _LAST_WORD.search(m.string, max(0, m.start() - 30), m.start())
        after = _FIRST_WORD.match(m.string, m.end(), m.end() + 30)
        return any(
            w is not None
            and w[1].isupper()
            and w[1] not in self._cs
            and w[1].isalpha()
            and is_syllable(w[1])
            for w in (before, after)
        )


def load_units() -> list[tuple[str, str]]:
    """Units from data/units.tsv whose third column says they may be expanded anywhere."""
    return [(row[0], row[1]) for row in read_units() if row[2] == "any"]


@lru_cache(maxsize=1)
def read_units() -> tuple[tuple[str, str, str], ...]:
    """All rows of data/units.tsv: (written, spoken, 'any' | 'number')."""
    rows = read_tsv(DATA_DIR / UNITS_FILE)
    return tuple((lexicon_key(r[0]), r[1], r[2] if len(r) > 2 else "number") for r in rows)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The built-in lexicon, loaded once."""
    return Lexicon.load()
