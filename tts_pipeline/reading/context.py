"""Abbreviations whose reading depends on the words around them: T2…T7 and CN, ĐH, SN.

- T2…T7 and CN are weekdays (thứ hai … thứ bảy, chủ nhật) in a schedule: two or more of them
  joined ('T2-T6', 'T7/CN', 'T2, T4, T6'), after a schedule word ('từ T2', 'sáng T7', 'các
  ngày'), or before a date ('T2 (4/8)', 'T5, 14/8'). Alone they stay letters and a number, as
  a tram line, a ward code or a form name would be read ('tuyến T2' → tê hai).
- ĐH is 'đại hội' before or after the words of a congress ('ĐH Đảng bộ', 'khai mạc ĐH'),
  otherwise 'đại học' ('ĐH Quốc gia', 'trường ĐH').
- SN is 'sinh năm' before a year ('SN 1960') and 'số nhà' before another number ('SN 45').
"""

from __future__ import annotations

import re

from .matching import preceded_by

_WEEKDAYS = {
    "T2": "thứ hai", "T3": "thứ ba", "T4": "thứ tư", "T5": "thứ năm", "T6": "thứ sáu",
    "T7": "thứ bảy", "CN": "chủ nhật",
}  # fmt: skip
_DAY = r"(?:T[2-7]|CN)"
_JOIN = r"\s*(?:[-–/,]|và|đến)\s*"
_WEEKDAY_RUN = re.compile(rf"[TC](?<!\w[TC])(?:(?<=T)[2-7]|(?<=C)N)(?:{_JOIN}{_DAY})*(?!\w)")
_WEEKDAY_ITEM = re.compile(rf"{_DAY}|[-–/]")
_SCHEDULE_BEFORE = re.compile(
    r"\b(?i:từ|đến|tới|vào|các|mỗi|hằng|hàng|sáng|trưa|chiều|tối|đêm|ngày|lịch|trừ|riêng)\s*$"
)
_DATE_AFTER = re.compile(r"\s*[(,]?\s*(?:ngày\s+)?\d{1,2}[/-]\d{1,2}")

_DH = re.compile(r"ĐH(?<!\wĐH)(?!\w)")
_CONGRESS_AFTER = re.compile(
    r"\s+(?i:đảng|đại biểu|chi bộ|đoàn|hội|công đoàn|mặt trận|lần|khóa|khoá|nhiệm kỳ|thi đua"
    r"|thể dục|TDTT|MTTQ|cựu chiến binh|CCB|phụ nữ|nông dân)"
)
_CONGRESS_BEFORE = re.compile(
    r"\b(?i:dự|tổ chức|khai mạc|bế mạc|chào mừng|tiến tới|văn kiện|chuẩn bị|đại biểu)\s+$"
)


_SN = re.compile(r"SN(?<!\wSN)\.?\s?(?=\d)(?:(?=(?:19|20)\d\d(?!\d))|(?P<house>))")


def _weekdays(m: re.Match[str]) -> str:
    items = _WEEKDAY_ITEM.findall(m[0])
    in_schedule = (
        len(items) > 1
        or preceded_by(m, _SCHEDULE_BEFORE, 12)
        or _DATE_AFTER.match(m.string, m.end())
    )
    if not in_schedule:
        return m[0]
    joins = {"-": " đến ", "–": " đến ", "/": " và "}
    return _WEEKDAY_ITEM.sub(lambda i: _WEEKDAYS.get(i[0]) or joins[i[0]], m[0])


def _dh(m: re.Match[str]) -> str:
    congress = _CONGRESS_AFTER.match(m.string, m.end()) or preceded_by(m, _CONGRESS_BEFORE, 16)
    return "đại hội" if congress else "đại học"


def expand_context_abbreviations(text: str) -> str:
    """Weekday abbreviations in a schedule, ĐH and SN, read by their neighbours."""
    text = _SN.sub(lambda m: "số nhà " if m["house"] is not None else "sinh năm ", text)
    return _DH.sub(_dh, _WEEKDAY_RUN.sub(_weekdays, text))
