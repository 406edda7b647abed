"""Vietnamese readings of integers, decimals, digit strings, days, months and Roman numerals."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class ReadingProfile:
    """Regional reading choices; the defaults follow a northern radio announcer."""

    thousand: str = "nghìn"  # or "ngàn"
    zero_tens: str = "linh"  # or "lẻ"   (101 → một trăm linh một)
    day_prefix: str = "mùng"  # or "mồng" (days 1–10)


READING_CHOICES = {  # each ReadingProfile option and the words it may take, the default first
    "thousand": ("nghìn", "ngàn"),
    "zero_tens": ("linh", "lẻ"),
    "day_prefix": ("mùng", "mồng"),
}


DEFAULT_PROFILE = ReadingProfile()

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_AFTER_TENS = {1: "mốt", 4: "tư", 5: "lăm"}
# Decimal parts longer than this are read digit by digit.
_DECIMAL_AS_NUMBER = 3

_THOUSANDS_DOT = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_THOUSANDS_COMMA = re.compile(r"[1-9]\d{0,2}(?:,\d{3}){2,}")
# English separators, only where unambiguous: ',' thousands before a '.' decimal (1,299.5).
_ENGLISH_DECIMAL = re.compile(r"([1-9]\d{0,2}(?:,\d{3})+)\.(\d+)")
_DECIMAL = re.compile(r"([1-9]\d{0,2}(?:\.\d{3})+|\d+),(\d+)")
_SEPARATOR = re.compile(r"([.,])")
ROMAN = r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_ROMAN = re.compile(ROMAN, re.IGNORECASE)
_HUNDREDS_ONLY = re.compile(r"[CDM]+", re.IGNORECASE)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _triple(n: int, full: bool, profile: ReadingProfile) -> list[str]:
    """Words for 0 < n < 1000; ``full`` adds 'không trăm' inside a larger number."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append(profile.zero_tens)
            words.append(DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else DIGITS[units])
    else:
        words += [DIGITS[tens], "mươi"]
        if units:
            words.append(_AFTER_TENS.get(units, DIGITS[units]))
    return words


def _int_words(n: int, full: bool, profile: ReadingProfile) -> list[str]:
    if n >= 10**9:
        high, low = divmod(n, 10**9)
        words = _int_words(high, full, profile) + ["tỷ"]
        return words + _int_words(low, True, profile) if low else words
    words: list[str] = []
    groups = ((n // 10**6, "triệu"), (n // 1000 % 1000, profile.thousand), (n % 1000, ""))
    for value, unit in groups:
        if value:
            words += _triple(value, full, profile)
            if unit:
                words.append(unit)
            full = True
    return words


@lru_cache(maxsize=8192)
def read_int(n: int, profile: ReadingProfile = DEFAULT_PROFILE) -> str:
    """Cardinal reading: 2025 → 'hai nghìn không trăm hai mươi lăm'."""
    if n < 0:
        return "âm " + read_int(-n, profile)
    if n == 0:
        return "không"
    return " ".join(_int_words(n, False, profile))


def read_digits(digits: str) -> str:
    """Digit by digit: '0912' → 'không chín một hai'."""
    return " ".join(DIGITS[int(c)] for c in digits)


def read_plain(digits: str, profile: ReadingProfile = DEFAULT_PROFILE) -> str:
    """An unseparated digit run: a number, or digit by digit when it starts with 0 ('007')."""
    if len(digits) > 2 and digits[0] == "0":
        return read_digits(digits)
    return read_int(int(digits), profile)


def read_decimal_part(digits: str, profile: ReadingProfile = DEFAULT_PROFILE) -> str:
    """After 'phẩy': leading zeros one by one, the rest as a number ('02' → 'không hai')."""
    if len(digits) > _DECIMAL_AS_NUMBER:
        return read_digits(digits)
    rest = digits.lstrip("0")
    words = ["không"] * (len(digits) - len(rest))
    if rest:
        words.append(read_int(int(rest), profile))
    return " ".join(words)


def read_number(token: str, profile: ReadingProfile = DEFAULT_PROFILE) -> str:
    """A written number: '.' groups thousands, ',' is the decimal mark; '4.0' reads 'chấm'.

    An English number ('1,299.5') keeps its '.' decimal, read 'chấm' like '4.0'.
    """
    if _THOUSANDS_DOT.fullmatch(token):
        return read_int(int(token.replace(".", "")), profile)
    if m := _DECIMAL.fullmatch(token):
        whole = m[1]
        whole_words = (
            read_int(int(whole.replace(".", "")), profile)
            if "." in whole
            else read_plain(whole, profile)
        )
        return f"{whole_words} phẩy {read_decimal_part(m[2], profile)}"
    if _THOUSANDS_COMMA.fullmatch(token):
        return read_int(int(token.replace(",", "")), profile)
    if m := _ENGLISH_DECIMAL.fullmatch(token):
        whole = read_int(int(m[1].replace(",", "")), profile)
        return f"{whole} chấm {read_decimal_part(m[2], profile)}"
    words = []
    after_mark = False  # a part after '.' or ',' keeps its zeros: 1.05 → một chấm không năm
    for part in _SEPARATOR.split(token):
        if part in ".,":
            words.append("chấm" if part == "." else "phẩy")
        elif part:
            read = read_decimal_part if after_mark else read_plain
            words.append(read(part, profile))
        after_mark = part in ".,"
    return " ".join(words)


def read_day(n: int, profile: ReadingProfile = DEFAULT_PROFILE) -> str:
    """Day of the month: 5 → 'mùng năm', 15 → 'mười lăm'."""
    words = read_int(n, profile)
    return f"{profile.day_prefix} {words}" if 1 <= n <= 10 else words


def read_month(n: int, profile: ReadingProfile = DEFAULT_PROFILE) -> str:
    """Month name after 'tháng': 4 → 'tư', 1 → 'một'."""
    return "tư" if n == 4 else read_int(n, profile)


def read_ordinal(n: int, profile: ReadingProfile = DEFAULT_PROFILE) -> str:
    """After 'thứ': 1 → 'nhất', 4 → 'tư', otherwise the cardinal."""
    return {1: "nhất", 4: "tư"}.get(n) or read_int(n, profile)


def roman_value(token: str) -> int | None:
    """Value of a Roman numeral (1–3999, either case), or None.

    C, D, M alone or together ('hạng C', 'MC', 'CD', 'cm') are letters or abbreviations.
    """
    if not token or not _ROMAN.fullmatch(token) or _HUNDREDS_ONLY.fullmatch(token):
        return None
    total = 0
    token = token.upper()
    for i, ch in enumerate(token):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[token[i + 1]] if i + 1 < len(token) else 0
        total += -value if value < following else value
    return total
