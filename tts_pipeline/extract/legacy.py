"""Vietnamese typed in legacy 8-bit fonts, TCVN3 (ABC) and VNI, back to Unicode.

The tables follow the standards: TCVN 5712:1993 table VN3, the "ABC" fonts (".VnTime" for
lower case, ".VnTimeH" drawing the same codes as capitals), and the VNI Windows encoding
("VNI-Times"), where a vowel is its base letter followed by a letter standing for its marks.
"""

from __future__ import annotations

import re
import unicodedata

TCVN3 = "TCVN3 (ABC)"
VNI = "VNI"

_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"

# VN3 codes of each vowel with a tone, in the standard's order: grave, hook, tilde, acute, dot.
_VN3_TONED = {
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9), "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB), "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6), "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4), "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE), "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9), "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_VN3 = {
    **{0xA1 + index: letter for index, letter in enumerate("ĂÂÊÔƠƯĐăâêôơưđ")},  # 0xA1-0xAE
    **{
        code: unicodedata.normalize("NFC", vowel + tone)
        for vowel, codes in _VN3_TONED.items()
        for code, tone in zip(codes, (_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT), strict=True)
    },
}

# VNI Windows: the mark letters that follow a base vowel (upper-case ones follow capitals) ...
_VNI_MARKS = {
    "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ù": _ACUTE, "ï": _DOT,
    "â": _CIRCUMFLEX, "à": _CIRCUMFLEX + _GRAVE, "å": _CIRCUMFLEX + _HOOK,
    "ã": _CIRCUMFLEX + _TILDE, "á": _CIRCUMFLEX + _ACUTE, "ä": _CIRCUMFLEX + _DOT,
    "ê": _BREVE, "è": _BREVE + _GRAVE, "ú": _BREVE + _HOOK,
    "ü": _BREVE + _TILDE, "é": _BREVE + _ACUTE, "ë": _BREVE + _DOT,
}
# ... and the letters it has whole (ì and í are themselves).
_VNI_LETTERS = {"ô": "ơ", "ö": "ư", "ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
_VNI = {
    ord(code): unicode
    for lower, value in (_VNI_MARKS | _VNI_LETTERS).items()
    for code, unicode in ((lower, value), (lower.upper(), value.upper()))
}

_TABLES = {TCVN3: _VN3, VNI: _VNI}

# Code points 0x80-0x9F that arrive as C1 controls are the Windows-1252 characters the
# fonts draw there (quotation marks, dashes).
_C1 = {code: bytes([code]).decode("cp1252") for code in range(0x80, 0xA0)
       if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}

# Letters no legacy font can type: text holding them is Unicode already.
_UNICODE_ONLY = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")

# Characters Unicode Vietnamese hardly ever uses: TCVN3 puts ă â đ ê ô ơ ư and the a and ă
# tones on symbols; VNI writes đ, ư and the grave, hook and dot as letters (ñ, ö, ø, û, ï).
_SIGNS = {
    TCVN3: re.compile("[\xa1-\xae\xb5-\xb9\xbb-\xbe]"),
    VNI: re.compile("[ñÑöÖøØûÛïÏ]"),
}
_LETTER = re.compile(r"[^\W\d_]")

# The TCVN3 ư is 0xAD, a soft hyphen in Latin-1. A PDF without a Unicode map can give it as
# "-": a hyphen after a consonant (or gi) and before what may follow ư (an ơ, a i u c m n t,
# the word's end), or starting a word before ơ, u, a or n, is that ư. At the end of a line,
# the PDF reader gives either as "\x02", a word broken there.
_ONSET = r"(?:(?<=[bcdghlmnrstvxBCDGHLMNRSTVX®§])|(?<=[gG][iI]))"
_TCVN3_LETTER = "A-Za-z" + re.escape("".join(map(chr, _VN3)))
_HYPHEN_U = re.compile(
    rf"{_ONSET}-(?=[¬êëìíîaiucmnt]|[^{_TCVN3_LETTER}0-9]|$)"
    rf"|(?<![{_TCVN3_LETTER}0-9])-(?=[¬êëìíîuan])"
)
_BROKEN_U = re.compile(rf"{_ONSET}\x02$")

# ".VnTimeH", "ABCDEF+.VnArialH,Bold": an ABC font drawing every letter as a capital.
_CAPITALS_FONT = re.compile(r"\.?Vn[A-Za-z ]+?H(?=$|[-,]|Bold|Italic)")


def legacy_encoding(text: str) -> str | None:
    """The legacy encoding the text looks typed in (TCVN3 or VNI), else None: over 2 % of its
    letters are that encoding's signs, and these outnumber the letters only Unicode has."""
    letters = len(_LETTER.findall(text))
    unicode_only = len(_UNICODE_ONLY.findall(text))
    for name, signs in _SIGNS.items():
        count = len(signs.findall(text))
        if letters and count > max(0.02 * letters, unicode_only):
            return name
    return None


def to_unicode(text: str, encoding: str, font: str = "") -> str:
    """Text typed in `encoding` (TCVN3 or VNI) as NFC Unicode, in capitals when `font` is an
    ABC capitals font; text holding letters only Unicode has is left as it is."""
    if not _UNICODE_ONLY.search(text):
        text = text.translate(_C1)
        if encoding == TCVN3:
            if "\xad" not in text:
                text = _HYPHEN_U.sub("\xad", text)
            text = _BROKEN_U.sub("\xad", text)
        text = text.translate(_TABLES[encoding])
        if encoding == TCVN3 and _CAPITALS_FONT.match(font.rpartition("+")[2]):
            text = text.upper()
    return unicodedata.normalize("NFC", text)


# The Symbol font (Word's equations, Greek letters, ≤ ×) reaches a PDF's text as the private-use
# code U+F000 + its byte; its pieces of tall brackets mean nothing read aloud. Some Arial
# subsets map Ư and ư to the look-alike Ƣ and ƣ (Latin OI).
_SYMBOL_LETTERS = dict(zip(
    range(0x41, 0x5B), "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ", strict=True)) | dict(zip(
    range(0x61, 0x7B), "αβχδεφγηιϕκλμνοπθρστυϖωξψζ", strict=True))
_SYMBOL_SIGNS = {
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5C: "∴", 0x5E: "⊥",
    0x7E: "∼", 0xA3: "≤", 0xA5: "∞", 0xAB: "↔", 0xAC: "←", 0xAE: "→", 0xB0: "°", 0xB1: "±",
    0xB3: "≥", 0xB4: "×", 0xB6: "∂", 0xB7: "•", 0xB8: "÷", 0xB9: "≠", 0xBA: "≡", 0xBB: "≈",
    0xBC: "…", 0xC6: "∅", 0xCE: "∈", 0xD0: "∠", 0xD6: "√", 0xD7: "⋅", 0xE5: "∑", 0xF2: "∫",
}
_SYMBOL_PIECES = [*range(0xE6, 0xF0), *range(0xF3, 0xFF)]
SYMBOL_AND_LOOKALIKES = {
    0xF000 + code: chr(code) for code in range(0x20, 0x7F)
} | {0xF000 + code: sign for code, sign in (_SYMBOL_LETTERS | _SYMBOL_SIGNS).items()} | {
    0xF000 + code: "" for code in _SYMBOL_PIECES
} | {0x01A2: "Ư", 0x01A3: "ư"}
