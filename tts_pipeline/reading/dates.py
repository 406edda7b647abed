"""Dates and times: 'ngày 5-8-2025', 'tháng 8/2025', 'từ 1/3 đến 15/3', '7h30', '12:30:45'.

A bare 'x/y' or 'x-y' is a day and month only after a word that announces a date ('ngày',
'sáng', 'từ', 'trước', 'dịp', a weekday…), inside brackets after an event ('Lễ ra quân
(5/8)') or opening a schedule line ('- 14/8: tổng vệ sinh'); 'x-y' only after a time of day
('đêm 29-12'). Otherwise it is left to the number rules, which read it as a fraction or a
count ('1/2' → 'một phần hai', '35/38 đơn' → 'ba mươi lăm trên ba mươi tám').
"""

from __future__ import annotations

import re

from .matching import glued, preceded_by
from .numbers import DIGITS, ReadingProfile, read_day, read_int, read_month

D = r"(?:[12]\d|3[01]|0?[1-9])"
M = r"(?:1[0-2]|0?[1-9])"
Y = r"\d{4}"
_END = r"(?!\d|[.,/-]\d)"
_CONN = r"\s*(?:,|và|đến|tới|-|–)\s*"
_MONTH_WORDS = "mười một|mười hai|một|hai|ba|tư|năm|sáu|bảy|tám|chín|mười"
_NGAY = r"(?:ngày|Ngày|NGÀY)"
_MUNG = r"(?:mùng|mồng|Mùng|Mồng|MÙNG|MỒNG)"
_DAYS = rf"(?:{_MUNG}\s+)?{D}(?!\d)(?:{_CONN}(?:(?:ngày|{_MUNG})\s+)?{D}(?!\d))*"
_DAYS_NO_DASH = (
    rf"(?:{_MUNG}\s+)?{D}(?!\d)(?:\s*(?:,|và|đến|tới)\s*(?:(?:ngày|{_MUNG})\s+)?{D}(?!\d))*"
)
_DM = rf"{D}/{M}(?![\d/])"

# 5-8-2025, 05/8/2025, 5.8.2025; a written 'ngày' or 'mùng' before it is checked in the callback.
_FULL_DATE = re.compile(rf"(\d{{1,2}})([-/.])(\d{{1,2}})\2({Y}){_END}")
# '3/2/1930 - 3/2/2025': a dash between two complete dates reads 'đến'.
_DATE_RANGE_DASH = re.compile(rf"(\d{{4}})\s*[-–]\s*(?=\d{{1,2}}([-/.])\d{{1,2}}\2{Y}(?!\d))")
_DATE_WORD_BEFORE = re.compile(rf"\b(?:({_NGAY})|({_MUNG}))\s+$")
# ngày 2/9, ngày 5-7/8, ngày 5 đến 15-8-2025: days sharing one numeric month. With '-' as
# the date separator ('ngày 19-8'), '-' cannot also join the days.
# A written 'mùng' may stand for 'ngày' ('sáng mùng 8/3').
_NGAY_OR_MUNG = r"(?:ngày|Ngày|NGÀY|mùng|mồng|Mùng|Mồng|MÙNG|MỒNG)"
_NGAY_DAYS_SLASH_MONTH = re.compile(rf"({_NGAY_OR_MUNG})\s+({_DAYS})(/)({M})(?:/({Y}))?{_END}")
_NGAY_DAYS_DASH_MONTH = re.compile(
    rf"({_NGAY_OR_MUNG})\s+({_DAYS_NO_DASH})(-)({M})(?:-({Y}))?{_END}"
)
# ngày 5 tháng 8, ngày 5 và 6 tháng 8, ngày 20 hằng tháng.
_NGAY_DAYS_THANG = re.compile(
    rf"({_NGAY})\s+({_DAYS})(?=\s+(?:tháng|THÁNG|hằng tháng|hàng tháng)\b)"
)
# vào ngày 5, từ ngày 5 đến ngày 10, 'Ngày 15,' opening a line.
_NGAY_DAYS = re.compile(rf"({_NGAY})\s+({_DAYS}){_END}(?!\s*(?:giờ|h\b))")
_DAY_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?i:vào|từ|đến|tới|sáng|trưa|chiều|tối|đêm|hôm|trước|sau|các|cùng)\s+|^\s*)$",
    re.MULTILINE,
)
# tháng 8, tháng 8-2025, tháng 8/2025, tháng 8 2025, tháng 8 và 9.
_MONTHS = re.compile(
    rf"(tháng|Tháng|THÁNG)\s+({M}(?!\d)(?:{_CONN}{M}(?!\d))*)(?:\s*[-/]\s*|\s)?"
    rf"((?:1[89]|20)\d\d)?{_END}"
)
# 02/2025 → tháng hai năm…, at the start of a phrase or after a word that announces a time;
# otherwise x/year is a number of that year ('số 08/2025' → số tám năm…).
# A quarter and its year: 'quý 3-2023', 'Q3/2023', 'Q4 2024' → quý ba năm …; 'Q4' alone may be
# a district (quận) and is left to the other rules.
_QUARTER = re.compile(
    r"((?i:quý|quí)\s+|Q)([1-4])(?:\s*[/-]\s*|\s+(?:năm\s+)?)((?:19|20)\d\d)" + _END
)
_SLASH_YEAR = re.compile(rf"(\d+)/((?:19|20)\d\d){_END}")
_MONTH_YEAR_BEFORE = re.compile(
    r"(?:\b(?i:từ|đến|tới|trong|vào|cuối|đầu|giữa|hết|sau|trước|hạn|là)\s+|(?:^|[,;:(])\s*)$"
)
# Day/month without a year ('sáng 14/8', 'từ 1/3 đến 15/3') unless it reads as a quantity.
_DM_RUN_START = re.compile(
    rf"(\d{{1,2}})([/-])(\d{{1,2}})(?:/(\d{{1,2}}))?(?![\w/-]|\s*(?:giờ|phút)\b)"
    rf"(?:{_CONN}(?:ngày\s+)?{_DM})*"
)
_DM_TRIGGER_BEFORE = re.compile(
    rf"(?:\b((?i:từ|đến|hết|sáng|trưa|chiều|tối|đêm|hôm|vào|khánh|dịp|niệm|nay|qua|mai|đợt"
    rf"|trước|sau|tới|lúc|diễn ra|khai mạc|bế mạc|khai giảng|hạn chót|hạn cuối)),?\s+"
    rf"|\b(?i:thứ \w+|chủ nhật|T[2-7]|CN),?\s+|\btháng (?:{_MONTH_WORDS}){_CONN})$"
)
# A schedule line that opens with a date: '- 14/8: tổng vệ sinh'.
_LINE_START_BEFORE = re.compile(r"^[ \t\-–•+*]*$", re.MULTILINE)
_COLON_AFTER = re.compile(r"\s*:")
# 'x/y' is a quantity, not a day/month, before these words ('2/3 số hộ', '12/12 chỉ tiêu')…
FRACTION_AFTER = re.compile(
    r"\s*(?:số|tổng|diện tích|dân số|khối lượng|lượng|thời gian|giá trị|kinh phí|trong|của"
    r"|trở lên|còn lại)\b"
)
OUT_OF_AFTER = re.compile(
    r"\s*(?:chỉ tiêu|tiêu chí|điểm|nhiệm vụ|phiếu|đại biểu|đơn vị|xã|phường|tổ|chi bộ|trường"
    r"|lớp|người|thành viên|đảng viên|hồ sơ|câu|mục tiêu|nội dung|hộ|ý kiến|đồng chí|cơ quan"
    r"|thôn|khu|tuyến|công trình|dự án|tập thể|cá nhân)\b"
)
# '(5/8)', '(3/2/1930 - 3/2/2025)': brackets around nothing but a date read 'ngày'.
_DATE_IN_BRACKETS = r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?"
_BRACKETED_DATE = re.compile(rf"\(\s*({_DATE_IN_BRACKETS}(?:\s*[-–]\s*{_DATE_IN_BRACKETS})?)\s*\)")
_DAY_ITEM = re.compile(rf"(?:({_MUNG})\s+)?(\d+)|[-–]")
_TIME_OF_DAY = frozenset({"sáng", "trưa", "chiều", "tối", "đêm", "hôm", "nay", "qua", "mai"})
_DM_ITEM = re.compile(rf"(ngày\s+)?({D})[/-]({M})(?!\d)|[-–]")
_MONTH_ITEM = re.compile(r"(\d+)|[-–]")

# 7h30, 20h05, 7h, 8g sáng, 7g30, 7:30, 12:30:45; '10:20 phút' is minutes and seconds (a colon
# after 'tỷ lệ' is a ratio); minutes and seconds written short: 4p30s, 10p, 05p00s.
_TIME = re.compile(
    r"(\d{1,3})(?:([hg:])([0-5]\d)(?::([0-5]\d))?|h|g(?=\s+(?:sáng|trưa|chiều|tối|đêm)\b)"
    r"|(p)(?:(\d{1,2})s)?)(\s*phút\b)?(?!\w|[.,:]\d)"
)
_RATIO_BEFORE = re.compile(r"(?i:t[ỷỉ] (?:lệ|số))\s*$")
_ZERO_MINUTES = re.compile(r"(giờ|GIỜ)\s+00(?:\s+phút)?(?!\d)")
_SINGLE_DIGIT_MINUTES = re.compile(r"(giờ|GIỜ)\s+0(\d)(?!\d)(\s+phút)?")


def _clock(parts: list[tuple[str | None, str]], profile: ReadingProfile) -> str:
    """'giờ', 'phút', 'giây' after each written value; zero minutes or seconds are not said."""
    spoken = [
        f"{read_int(int(value), profile)} {unit}"
        for value, unit in parts
        if value is not None and (unit == parts[0][1] or int(value))
    ]
    return f" {' '.join(spoken)} "


def _days(days: str, profile: ReadingProfile) -> str:
    def item(m: re.Match[str]) -> str:
        if m[2] is None:
            return " đến "
        n = int(m[2])
        return f"{m[1]} {read_int(n, profile)}" if m[1] else read_day(n, profile)

    return _DAY_ITEM.sub(item, days)


def _months(months: str, profile: ReadingProfile) -> str:
    return _MONTH_ITEM.sub(lambda m: read_month(int(m[1]), profile) if m[1] else " đến ", months)


def _year(year: str | None, profile: ReadingProfile) -> str:
    return f" năm {read_int(int(year), profile)}" if year else ""


def _dm_run(run: str, profile: ReadingProfile, prefix: str = "ngày ") -> str:
    """Each day/month of a run as a full date: '1/3 đến 15/3' → 'ngày mùng một tháng ba đến …'."""

    def item(m: re.Match[str]) -> str:
        if m[2] is None:
            return " đến "
        day, month = read_day(int(m[2]), profile), read_month(int(m[3]), profile)
        return f"{m[1] or prefix}{day} tháng {month}"

    return _DM_ITEM.sub(item, run)


def expand_dates(text: str, profile: ReadingProfile) -> str:
    """Read every recognised date; a complete date written without 'ngày' gets it."""

    def full(m: re.Match[str]) -> str:
        day, month = int(m[1]), int(m[3])
        if glued(m, ".,/-") or not (1 <= day <= 31 and 1 <= month <= 12):
            return m[0]
        written = preceded_by(m, _DATE_WORD_BEFORE, 12)
        if written and written[2]:  # 'mùng 5/8/2025'
            spoken = read_int(day, profile)
        else:
            spoken = ("" if written else "ngày ") + read_day(day, profile)
        return f"{spoken} tháng {read_month(month, profile)}{_year(m[4], profile)} "

    def days_month(m: re.Match[str]) -> str:
        if glued(m):
            return m[0]
        month = read_month(int(m[4]), profile)
        ngay, days = (f"{m[1]} ", m[2]) if m[1].lower() == "ngày" else ("", f"{m[1]} {m[2]}")
        return f"{ngay}{_days(days, profile)} tháng {month}{_year(m[5], profile)} "

    def days(m: re.Match[str]) -> str:
        return m[0] if glued(m) else f"{m[1]} {_days(m[2], profile)} "

    def days_in_context(m: re.Match[str]) -> str:
        return days(m) if preceded_by(m, _DAY_CONTEXT_BEFORE, 16) else m[0]

    def triggered(m: re.Match[str]) -> str:
        ranged = m[4] is not None and m[2] == "-"  # 'từ 20-30/4'
        day, month = int(m[3] if ranged else m[1]), int(m[4] if ranged else m[3])
        if glued(m, ".,") or (m[4] and not ranged) or not (1 <= day <= 31 and 1 <= month <= 12):
            return m[0]
        if FRACTION_AFTER.match(m.string, m.end()) or OUT_OF_AFTER.match(m.string, m.end()):
            return m[0]
        trigger = preceded_by(m, _DM_TRIGGER_BEFORE, 24)
        word = (trigger[1] or "").lower() if trigger else ""
        heading = _COLON_AFTER.match(m.string, m.end()) and preceded_by(m, _LINE_START_BEFORE, 8)
        if not (trigger or heading) or (m[2] == "-" and not ranged and word not in _TIME_OF_DAY):
            return m[0]  # 'từ 2-3 người'
        if ranged:
            first, last = read_day(int(m[1]), profile), read_day(day, profile)
            return f"{first} đến {last} tháng {read_month(month, profile)} "
        return f"{_dm_run(m[0], profile, '' if word == 'hôm' else 'ngày ')} "

    def slash_year(m: re.Match[str]) -> str:
        month = 1 <= int(m[1]) <= 12 and not glued(m, ".,/-")
        if month and preceded_by(m, _MONTH_YEAR_BEFORE, 16):
            return f"tháng {read_month(int(m[1]), profile)}{_year(m[2], profile)} "
        return f"{m[1]}{_year(m[2], profile)}"

    def quarter(m: re.Match[str]) -> str:
        word = m[1].strip() if m[1] != "Q" else "quý"
        return f"{word} {read_int(int(m[2]), profile)}{_year(m[3], profile)} "

    def months(m: re.Match[str]) -> str:
        if glued(m):
            return m[0]
        return f"{m[1]} {_months(m[2], profile)}{_year(m[3], profile)} "

    text = _QUARTER.sub(lambda m: m[0] if glued(m) else quarter(m), text)
    text = _DATE_RANGE_DASH.sub(r"\1 đến ", _BRACKETED_DATE.sub(r" ngày \1 ", text))
    text = _NGAY_DAYS_SLASH_MONTH.sub(days_month, text)
    text = _NGAY_DAYS_DASH_MONTH.sub(days_month, text)
    text = _FULL_DATE.sub(full, text)
    text = _NGAY_DAYS_THANG.sub(days, text)
    text = _NGAY_DAYS.sub(days_in_context, text)
    text = _MONTHS.sub(months, text)
    text = _SLASH_YEAR.sub(slash_year, text)
    return _DM_RUN_START.sub(triggered, text)


def expand_times(text: str, profile: ReadingProfile) -> str:
    """7h30 → bảy giờ ba mươi phút; 20h05 → hai mươi giờ năm phút; 4p30s; 14 giờ 05."""

    def time(m: re.Match[str]) -> str:
        if glued(m, ".,:"):
            return m[0]
        if m[5]:  # '4p30s'
            return _clock([(m[1], "phút"), (m[6], "giây")], profile)
        if int(m[1]) > 24 or (m[2] == ":" and preceded_by(m, _RATIO_BEFORE, 16)):
            return m[0]
        if m[7] and m[2] == ":" and not m[4]:  # '10:20 phút'
            return _clock([(m[1], "phút"), (m[3], "giây")], profile)
        return _clock([(m[1], "giờ"), (m[3], "phút"), (m[4], "giây")], profile)

    def single_digit(m: re.Match[str]) -> str:
        return f"{m[1]} {DIGITS[int(m[2])]} phút"

    text = _TIME.sub(time, text)
    text = _ZERO_MINUTES.sub(r"\1", text)
    return _SINGLE_DIGIT_MINUTES.sub(single_digit, text)
