"""Money: currency signs ('10$', '€5', '1.234.567₫') and short scales ('250k', '1tr5', '2t')."""

from __future__ import annotations

import re

from .matching import glued, preceded_by
from .numbers import ReadingProfile, read_int, read_number

CURRENCY_NAMES = {
    "$": "đô la", "€": "ơ rô", "£": "bảng Anh", "¥": "yên Nhật", "₫": "đồng", "₩": "uôn",
    "₹": "ru pi",
}  # fmt: skip
# Currencies whose hundredth is a 'xu' (cent): '5,99$' → năm đô la chín mươi chín xu.
_CENTS = frozenset("$€")
_SIGNS = "".join(CURRENCY_NAMES)
_AMOUNT = r"\d+(?:[.,]\d+)*"
_SCALE_WORD = r"(\s+(?:nghìn|ngàn|triệu|tỷ)\b)?"
_SIGN = re.compile(rf"[{_SIGNS}]")
_SIGN_BEFORE = re.compile(rf"([{_SIGNS}])\s?({_AMOUNT}){_SCALE_WORD}")
_SIGN_AFTER = re.compile(rf"({_AMOUNT})\s?([{_SIGNS}])")
_CENTS_AMOUNT = re.compile(r"(\d+),(\d{1,2})")

# Short scales written after a number: k/K thousand, tr/M million, t billion ('tỷ'); digits
# after the scale are the next group's leading digits: 1tr5 = 1 500 000, 2t3 = 2 300 000 000.
_SCALES = {"k": 10**3, "K": 10**3, "tr": 10**6, "M": 10**6, "t": 10**9}
_SHORT_SCALE = re.compile(r"(\d+(?:[.,]\d+)?)(tr|[kKMt])(\d{1,3})?(?!\w)")
_SCALE_NAMES = {10**3: "nghìn", 10**6: "triệu", 10**9: "tỷ"}
# …but a 't' after a vehicle or a load is tonnes: 'xe tải 10t' → mười tấn.
_LOAD_BEFORE = re.compile(
    r"\b(?i:xe|tải|tải trọng|trọng tải|tàu|sà lan|cầu|nặng)\s+(?:trên\s+|dưới\s+)?$"
)


def _amount(amount: str, sign: str, profile: ReadingProfile, scale: str = "") -> str:
    """'10,5' with '$' → 'mười đô la năm mươi xu'; other amounts → number and currency."""
    name = CURRENCY_NAMES[sign]
    cents = _CENTS_AMOUNT.fullmatch(amount) if sign in _CENTS and not scale else None
    if cents is None:
        return f" {read_number(amount, profile)}{scale} {name} "
    whole, hundredths = int(cents[1]), int(cents[2].ljust(2, "0"))
    words = [f"{read_int(whole, profile)} {name}"] if whole else []
    if hundredths:
        words.append(f"{read_int(hundredths, profile)} xu")
    return f" {' '.join(words) or 'không ' + name} "


def _short_scale(m: re.Match[str], profile: ReadingProfile) -> str:
    """'1tr5' → một triệu năm trăm nghìn; '2,5tr' → hai phẩy năm triệu; 'xe 10t' → mười tấn."""
    if glued(m, ".,"):
        return m[0]
    if m[2] == "t" and not m[3] and preceded_by(m, _LOAD_BEFORE, 24):
        return f" {read_number(m[1], profile)} tấn "
    scale = _SCALES[m[2]]
    if not m[1].isdigit():  # '2,5tr' → hai phẩy năm triệu
        return f" {read_number(m[1], profile)} {_SCALE_NAMES[scale]} "
    rest = int(m[3].ljust(3, "0")) * scale // 1000 if m[3] else 0
    return f" {read_int(int(m[1]) * scale + rest, profile)} "


def expand_money(text: str, profile: ReadingProfile) -> str:
    """Amounts with a currency sign or a short scale → words ('$5 triệu' → năm triệu đô la)."""
    text = _SHORT_SCALE.sub(lambda m: _short_scale(m, profile), text)
    if not _SIGN.search(text):
        return text
    text = _SIGN_BEFORE.sub(lambda m: _amount(m[2], m[1], profile, m[3] or ""), text)
    return _SIGN_AFTER.sub(lambda m: _amount(m[1], m[2], profile), text)
