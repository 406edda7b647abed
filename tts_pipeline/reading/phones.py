"""Phone numbers, hotlines, card numbers and IP addresses: digits one by one, in their groups."""

from __future__ import annotations

import re

from .matching import glued, preceded_by
from .numbers import read_digits

NO_MORE_DIGITS = r"(?!\w|[.,/-]\d)"
_PHONE_GROUPED = re.compile(
    rf"(?:\+\d{{1,3}}\)?[ .]?\d{{2,3}}|0\d{{2,3}})(?:[ .-]\d{{2,4}}){{2,3}}{NO_MORE_DIGITS}"
)
# Groups of three after a one-digit sign are an amount ('+1.500.000.000'), not '+1 800 555 1234';
# groups of three after a short number are its thousands ('2 000 000 000'), not a phone number.
_SIGNED_THOUSANDS = re.compile(r"\+\d(?:\.\d{3})+|\+\d(?: \d{3})+")
_THOUSANDS_GROUPS = re.compile(r"\d{3}(?: \d{3})+")
_THOUSANDS_HEAD_BEFORE = re.compile(r"(?<!\d)[1-9]\d{0,2} $")
# An international number written without spaces: '+84912345678' → +84, then groups of three
# (the last of four). The country code is 84, a one-digit 1 or 7, or else taken as two digits.
_PHONE_GLUED = re.compile(rf"\+(84|[17]|\d\d)(\d{{8,11}}){NO_MORE_DIGITS}")
# An area code in brackets: '(024) 3825 1234', '(028) 3.822.1234'.
_PHONE_AREA = re.compile(rf"\(0\d{{1,3}}\)[ .]?\d{{1,4}}(?:[ .-]?\d{{2,4}}){{1,3}}{NO_MORE_DIGITS}")
_PHONE_PLAIN = re.compile(rf"0\d{{9,10}}{NO_MORE_DIGITS}")
_HOTLINE = re.compile(rf"1[89]00[ .]?\d{{3,4}}{NO_MORE_DIGITS}")
_DIGIT_RUN = re.compile(rf"(?=[+\d])\+?\d(?:\d|[ .-](?=\d))+{NO_MORE_DIGITS}")
_PHONE_WORD_BEFORE = re.compile(
    r"\b(?i:điện thoại|số máy|đt|sđt|hotline|đường dây nóng|fax|tổng đài|di động)\s*:?\s*$"
)
_EMERGENCY = re.compile(rf"11[1345]{NO_MORE_DIGITS}")
_EMERGENCY_WORD_BEFORE = re.compile(
    r"\b(?i:số|gọi|đường dây nóng|tổng đài)\s+(?:11[1345]\s*(?:,|hoặc|và)\s*)*$"
)
_DIGIT_GROUP = re.compile(r"\+?\d+")
_PHONE_NEIGHBOURS = ".,/+-"

# Without a phone word, a digit run is still read digit by digit when it is a card number in
# groups of four (1234 5678 9012 3456) or an IPv4 address (192.168.0.1; four groups of three
# digits are a number: 255.255.255.255).
_CARD = re.compile(r"\d{4}(?: \d{4}){2,4}")
_IP = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")


def _digit_groups(groups: list[str]) -> str:
    """Phone digits in groups: 'không chín một hai, ba bốn năm, sáu bảy tám'."""
    spoken = [("cộng " if g[0] == "+" else "") + read_digits(g.lstrip("+")) for g in groups]
    return " " + ", ".join(spoken) + " "


def _phone_grouped(m: re.Match[str]) -> str:
    if glued(m, _PHONE_NEIGHBOURS) or _SIGNED_THOUSANDS.fullmatch(m[0]):
        return m[0]
    if _THOUSANDS_GROUPS.fullmatch(m[0]) and preceded_by(m, _THOUSANDS_HEAD_BEFORE, 5):
        return m[0]
    return _digit_groups(_DIGIT_GROUP.findall(m[0]))


def _phone_glued(m: re.Match[str]) -> str:
    if glued(m, _PHONE_NEIGHBOURS):
        return m[0]
    rest = m[2]
    groups = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    if len(groups[-1]) == 1:
        groups[-2:] = [groups[-2] + groups[-1]]
    return _digit_groups([f"+{m[1]}", *groups])


def _phone_plain(m: re.Match[str]) -> str:
    if glued(m, _PHONE_NEIGHBOURS):
        return m[0]
    digits = m[0]
    cut = 4 if len(digits) == 10 else 3
    return _digit_groups([digits[:cut], digits[cut:7], digits[7:]])


def _digit_run(m: re.Match[str]) -> str:
    """A digit run after a phone word, a card number or an IP address; else left as written."""
    groups = _DIGIT_GROUP.findall(m[0])
    if glued(m, _PHONE_NEIGHBOURS) or sum(len(g) for g in groups) < 3:
        return m[0]
    if preceded_by(m, _PHONE_WORD_BEFORE, 24) or _CARD.fullmatch(m[0]):
        return _digit_groups(groups)
    if _IP.fullmatch(m[0]) and not _THOUSANDS.fullmatch(m[0]):
        return " " + " chấm ".join(map(read_digits, groups)) + " "
    return m[0]


def _emergency(m: re.Match[str]) -> str:
    if glued(m, _PHONE_NEIGHBOURS) or not preceded_by(m, _EMERGENCY_WORD_BEFORE, 40):
        return m[0]
    return f" {read_digits(m[0])} "


def expand_phones(text: str) -> str:
    """Phone, card and emergency numbers and IP addresses, digit by digit in their groups."""
    text = _PHONE_GROUPED.sub(_phone_grouped, text)
    text = _PHONE_GLUED.sub(_phone_glued, text)
    text = _PHONE_AREA.sub(_phone_grouped, text)
    text = _PHONE_PLAIN.sub(_phone_plain, text)
    text = _HOTLINE.sub(_phone_grouped, text)
    text = _DIGIT_RUN.sub(_digit_run, text)
    return _EMERGENCY.sub(_emergency, text)
