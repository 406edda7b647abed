"""Dates and times: 'ngày 5-8-2025', 'tháng 8/2025', 'từ 1/3 đến 15/3', '7h30', '12:30:45'.

How an ambiguous written form is decided:
- A bare 'x/y' or 'x-y' is a day and month only after a word that announces a date ('ngày',
  'sáng', 'từ', 'trước', 'dịp', a weekday…), inside brackets after an event ('Lễ ra quân
  (5/8)') or opening a schedule line ('- 14/8: tổng vệ sinh'); 'x-y' only after a time of day
  ('đêm 29-12'). Otherwise it is left to the number rules, which read it as a fraction or a
  count ('1/2' → 'một phần hai', '35/38 đơn' → 'ba mươi lăm trên ba mươi tám').
- 'dd/mm' with a leading zero ('21/02', '01/12') is a date anywhere, as fractions and counts
  are never written with one; not after 'số' or an address word ('số 02/12' is a house number).
- Rising days with their month ('25-26/12', '27-28/02/2000') are a date anywhere, unless a
  count follows ('từ 2-3/5 người'); they read 'ngày A đến B tháng M', without 'ngày' after
  'từ' or 'hôm' ('từ 20-30/4' → từ hai mươi đến ba mươi tháng tư).
- 'dd.mm' ('ngày 27.02', 'đêm 16-17.12') is a date only after 'ngày', 'mùng', a time of day
  ('sáng', 'đêm', 'hôm'…), a weekday or a date just read ('ngày 27.02 đến 3.03'), and not
  before a unit, a scale word or '%'; elsewhere '.' is a decimal point ('từ 1.5 đến 2.5 triệu').
- 'mm-yyyy', 'mm.yyyy' is a month and year when the month has a leading zero ('04-2021',
  '02.2000') or after a word that announces a time ('từ 4-2021', 'cuối 12.2024'), and not
  before a count or a unit ('từ 1-2000 người' is a range); a bare '4-2021' stays a range.
  After 'số' it is a number of that year, as 'số 08/2025' is ('số 08-2025' → số tám năm …).
- 'mm-mm/yyyy', 'mm-mm.yyyy' ('02-03/2000') are rising months of one year, and
  'mm/yyyy - mm/yyyy' a span of months: each month is said with 'tháng'.
- 'd - m - yyyy' written with spaces is a full date like 'd-m-yyyy' (a valid day and month
  and a year of four digits).
- A quarter and its year: 'quý 3-2023', 'quý 02.2021', 'quý III.2021', 'Q3/2023', 'Q4 2024'
  → quý ba năm …; 'Q4' alone may be a district (quận) and is left to the other rules, and
  a Roman quarter needs the word 'quý'.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import read_units
from .matching import glued, preceded_by
from .numbers import DIGITS, ReadingProfile, read_day, read_int, read_month, roman_value

D = r"(?:[12]\d|3[01]|0?[1-9])"
M = r"(?:1[0-2]|0?[1-9])"
Y = r"\d{4}"
_YEAR = r"(?:19|20)\d\d"
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

# 5-8-2025, 05/8/2025, 5.8.2025, 24 - 7 - 2002; a written 'ngày' or 'mùng' before it is
# checked in the callback.
_FULL_DATE = re.compile(rf"(\d{{1,2}})( ?)([-/.])\2(\d{{1,2}})\2\3\2({Y}){_END}")
# '3/2/1930 - 3/2/2025': a dash between two complete dates reads 'đến'.
_DATE_RANGE_DASH = re.compile(rf"(\d{{4}})\s*[-–]\s*(?=\d{{1,2}}([-/.])\d{{1,2}}\2{Y}(?!\d))")
_DATE_WORD_BEFORE = re.compile(rf"\b(?:({_NGAY})|({_MUNG}))\s+$")
# ngày 2/9, ngày 27.02, ngày 5-7/8, ngày 5 đến 15-8-2025: days sharing one numeric month.
# With '-' as the date separator ('ngày 19-8'), '-' cannot also join the days.
# A written 'mùng' may stand for 'ngày' ('sáng mùng 8/3').
_NGAY_OR_MUNG = r"(?:ngày|Ngày|NGÀY|mùng|mồng|Mùng|Mồng|MÙNG|MỒNG)"
_NGAY_DAYS_SLASH_MONTH = re.compile(rf"({_NGAY_OR_MUNG})\s+({_DAYS})([/.])({M})(?:\3({Y}))?{_END}")
_NGAY_DAYS_DASH_MONTH = re.compile(
    rf"({_NGAY_OR_MUNG})\s+({_DAYS_NO_DASH})(-)({M})(?:-({Y}))?{_END}"
)
_EACH_BEFORE = re.compile(r"\b(?i:mỗi|hằng|hàng)\s+$")  # 'mỗi ngày 1.5 lít'
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
# 02/2023 - 11/2024, 02.2023 - 11.2024: a span of months.
_MONTH_YEAR_SPAN = re.compile(rf"(\d{{1,2}})([/.])({_YEAR})\s*[-–]\s*(\d{{1,2}})\2({_YEAR}){_END}")
# 02-03/2000, 02-03.2000: rising months of one year.
_MONTH_RANGE = re.compile(rf"(\d{{1,2}})\s*[-–]\s*(\d{{1,2}})[/.]({_YEAR}){_END}")
# 25-26/12, 27-28/02/2000, 16-17.12: rising days of one month.
_DAY_RANGE = re.compile(rf"(\d{{1,2}})\s*[-–]\s*(\d{{1,2}})([/.])(\d{{1,2}})(?:\3({Y}))?{_END}")
# A quarter and its year (see the module docstring).
_QUARTER = re.compile(
    r"([Qq](?:u[ýí]\s+|U[ÝÍ]\s+)?)(0?[1-4]|I{1,3}|IV)(?:\s*[/-]\s*|\.|\s+(?:năm\s+)?)"
    rf"({_YEAR}){_END}"
)
# 02/2025 → tháng hai năm…, at the start of a phrase or after a word that announces a time;
# otherwise x/year is a number of that year ('số 08/2025' → số tám năm…).
_SLASH_YEAR = re.compile(rf"(\d+)/({_YEAR}){_END}")
_TIME_WORDS = r"\b(?i:từ|đến|tới|trong|vào|cuối|đầu|giữa|hết|sau|trước|hạn|là)\s+"
_MONTH_YEAR_BEFORE = re.compile(rf"(?:{_TIME_WORDS}|(?:^|[,;:(])\s*)$")
# 04-2021, 02.2000: month and year (see the module docstring).
_MONTH_YEAR = re.compile(rf"(\d{{1,2}})[.-]({_YEAR}){_END}")
_TIME_WORD_BEFORE = re.compile(rf"{_TIME_WORDS}$")
_NUMBER_WORD_BEFORE = re.compile(r"\b(?i:số|ngõ|ngách|hẻm|kiệt|nhà|lớp|phòng|tổ|khu|lô|căn)\s+$")
# Day/month without a year ('sáng 14/8', 'từ 1/3 đến 15/3') unless it reads as a quantity.
_DM_RUN_START = re.compile(
    rf"(\d{{1,2}})([/.-])(\d{{1,2}})(?:/(\d{{1,2}}))?(?![\w/-]|\s*(?:giờ|phút)\b)"
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
# '(5/8)', '(3/2/1930 - 3/2/2025)': brackets around nothing but a date read 'ngày'; a date's
# separators agree ('(02-03/2000)' is a range of months). '(9.8)' without a year is a date
# only after a weekday ('Thứ Bảy (9.8)'); 'hệ số (1.5)' is a number.
_BRACKETED_DATE = re.compile(
    r"\(\s*(\d{1,2}([/.-])\d{1,2}(\2\d{4})?(?:\s*[-–]\s*\d{1,2}([/.-])\d{1,2}(?:\4\d{4})?)?)"
    r"\s*\)"
)
_WEEKDAY_BEFORE = re.compile(r"\b(?i:thứ \w+|chủ nhật|T[2-7]|CN),?\s*$")
_DAY_ITEM = re.compile(rf"(?:({_MUNG})\s+)?(\d+)|[-–]")
_TIME_OF_DAY = frozenset({"sáng", "trưa", "chiều", "tối", "đêm", "hôm", "nay", "qua", "mai"})
# Words after which 'dd.mm' is a date (with a weekday or a date just read, see above).
_DOTTED_AFTER = frozenset({"sáng", "trưa", "chiều", "tối", "đêm", "hôm"})
_NO_NGAY_AFTER = frozenset({"từ", "hôm"})  # 'từ 20-30/4', 'hôm 5/8' do not add 'ngày'
_DM_ITEM = re.compile(rf"(ngày\s+)?({D})[/.-]({M})(?!\d)|[-–]")
_MONTH_ITEM = re.compile(r"(\d+)|[-–]")
_SCALE_WORDS = ("nghìn", "ngàn", "triệu", "tỷ", "lần", "giờ", "tiếng", "phút", "giây", "độ")

# 7h30, 20h05, 7h, 8g sáng, 7g30, 9h2p, 17h30p, 12h24p30s, 9h2m2s, 21g26p, '10 h30', 7:30,
# 12:30:45; 'm' is the minutes only between hours and seconds ('23h24m45s'). '10:20 phút' is
# minutes and seconds (a colon after 'tỷ lệ' is a ratio); minutes and seconds written short:
# 4p30s, 10p, 05p00s. A unit word after a clock that has its seconds is not said again
# ('12:00:00 giây').
# AM/PM right after a clock is the time of day: AM 'sáng' (12 AM 'đêm'); PM by the hour,
# 12 'trưa', 1–5 'chiều', 6–11 'tối'.
_TIME = re.compile(
    r"(\d{1,3})(?::(?P<cmin>[0-5]\d)(?::(?P<csec>[0-5]\d))?"
    r"|(?P<mark> ?h|g)(?:(?P<min>[0-5]?\d)(?:[pm](?P<sec>[0-5]?\d)s|p)?)?"
    r"|(?P<p>p)(?:(?P<psec>\d{1,2})s)?)"
    r"(?:\s?(?P<ampm>[AaPp][Mm]))?(?P<unit>\s*(?:phút|giây)\b)?(?!\w|[.,:]\d)"
)
_TIME_OF_DAY_AFTER = re.compile(r"\s+(?:sáng|trưa|chiều|tối|đêm)\b")
RATIO_BEFORE = re.compile(r"\b(?i:t[ỷỉ] (?:lệ|số))\s*$")  # 'tỷ lệ 1/500', 'tỷ số 2:1'.
_ZERO_MINUTES = re.compile(r"(giờ|GIỜ)\s+00(?:\s+phút)?(?!\d)")
_SINGLE_DIGIT_MINUTES = re.compile(r"(giờ|GIỜ)\s+0(\d)(?!\d)(\s+phút)?")


@lru_cache(maxsize=1)
def _quantity_after() -> re.Pattern[str]:
    """A unit of measure, a currency, a scale word or '%' right after a number."""
    words = sorted({w for w, _, _ in read_units()} | set(_SCALE_WORDS), key=len, reverse=True)
    return re.compile(rf"\s?(?:%|(?:{'|'.join(map(re.escape, words))})(?!\w))")


def _counted(m: re.Match[str]) -> bool:
    """Whether a count, a share or a quantity follows ('2-3/5 người', '1-2000 đồng')."""
    after = m.end()
    return bool(
        FRACTION_AFTER.match(m.string, after)
        or OUT_OF_AFTER.match(m.string, after)
        or _quantity_after().match(m.string, after)
    )


def _clock(parts: list[tuple[str | None, str]], profile: ReadingProfile) -> str:
    """'giờ', 'phút', 'giây' after each written value; zero minutes or seconds are not said."""
    spoken = [
        f"{read_int(int(value), profile)} {unit}"
        for value, unit in parts
        if value is not None and (unit == parts[0][1] or int(value))
    ]
    return f" {' '.join(spoken)} "


def _part_of_day(hour: int, ampm: str) -> str:
    """The time of day an AM/PM clock falls in (see ``_TIME``)."""
    hour %= 12
    if ampm.lower() == "am":
        return "đêm" if hour == 0 else "sáng"
    return "trưa" if hour == 0 else "chiều" if hour <= 5 else "tối"


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


def _month_year(month: str, year: str, profile: ReadingProfile) -> str:
    return f"tháng {read_month(int(month), profile)}{_year(year, profile)}"


def _dm_run(run: str, profile: ReadingProfile, prefix: str = "ngày ") -> str:
    """Each day/month of a run as a full date: '1/3 đến 15/3' → 'ngày mùng một tháng ba đến …'."""

    def item(m: re.Match[str]) -> str:
        if m[2] is None:
            return " đến "
        day, month = read_day(int(m[2]), profile), read_month(int(m[3]), profile)
        return f"{m[1] or prefix}{day} tháng {month}"

    return _DM_ITEM.sub(item, run)


def _dotted_trigger(trigger: re.Match[str] | None) -> bool:
    """Whether 'dd.mm' after this trigger is a date: a time of day, a weekday, a date read."""
    return trigger is not None and (trigger[1] is None or trigger[1].lower() in _DOTTED_AFTER)


def _trigger_word(trigger: re.Match[str] | None) -> str:
    return (trigger[1] or "").lower() if trigger else ""


def _zero_padded(m: re.Match[str]) -> bool:
    """'21/02', '01/12': a day/month written with a leading zero, not a house number."""
    padded = m[1].startswith("0") or m[3].startswith("0")
    number = preceded_by(m, _NUMBER_WORD_BEFORE, 8) or preceded_by(m, RATIO_BEFORE, 16)
    return m[2] == "/" and padded and not number


def expand_dates(text: str, profile: ReadingProfile) -> str:
    """Read every recognised date; a complete date written without 'ngày' gets it."""

    def full(m: re.Match[str]) -> str:
        day, month = int(m[1]), int(m[4])
        if glued(m, ".,/-") or not (1 <= day <= 31 and 1 <= month <= 12):
            return m[0]
        if m[2] and _counted(m):
            return m[0]  # '3 - 1 - 2000 người' is not a date written with spaces
        written = preceded_by(m, _DATE_WORD_BEFORE, 12)
        if written and written[2]:  # 'mùng 5/8/2025'
            spoken = read_int(day, profile)
        else:
            spoken = ("" if written else "ngày ") + read_day(day, profile)
        return f"{spoken} tháng {read_month(month, profile)}{_year(m[5], profile)} "

    def bracketed(m: re.Match[str]) -> str:
        if m[2] == "." and not m[3] and not preceded_by(m, _WEEKDAY_BEFORE, 16):
            return m[0]
        return f" ngày {m[1]} "

    def days_month(m: re.Match[str]) -> str:
        if glued(m):
            return m[0]
        if m[3] == "." and (_counted(m) or preceded_by(m, _EACH_BEFORE, 8)):
            return m[0]  # 'mỗi ngày 1.5 lít'
        month = read_month(int(m[4]), profile)
        ngay, days = (f"{m[1]} ", m[2]) if m[1].lower() == "ngày" else ("", f"{m[1]} {m[2]}")
        return f"{ngay}{_days(days, profile)} tháng {month}{_year(m[5], profile)} "

    def days(m: re.Match[str]) -> str:
        return m[0] if glued(m) else f"{m[1]} {_days(m[2], profile)} "

    def days_in_context(m: re.Match[str]) -> str:
        return days(m) if preceded_by(m, _DAY_CONTEXT_BEFORE, 16) else m[0]

    def month_year_span(m: re.Match[str]) -> str:
        if glued(m, ".,/-") or not (1 <= int(m[1]) <= 12 and 1 <= int(m[4]) <= 12):
            return m[0]
        first, last = _month_year(m[1], m[3], profile), _month_year(m[4], m[5], profile)
        return f"{first} đến {last} "

    def month_range(m: re.Match[str]) -> str:
        first, last = int(m[1]), int(m[2])
        if glued(m, ".,/-") or not 1 <= first < last <= 12 or preceded_by(m, _DATE_WORD_BEFORE):
            return m[0]
        return f"tháng {read_month(first, profile)} đến {_month_year(m[2], m[3], profile)} "

    def day_range(m: re.Match[str]) -> str:
        first, last, month = int(m[1]), int(m[2]), int(m[4])
        if glued(m, ".,/-") or not (1 <= first < last <= 31 and 1 <= month <= 12):
            return m[0]
        trigger = preceded_by(m, _DM_TRIGGER_BEFORE, 24)
        if _counted(m) or (m[3] == "." and not m[5] and not _dotted_trigger(trigger)):
            return m[0]  # 'từ 2-3/5 người', 'khoảng 1-2.5 triệu'
        ngay = "" if _trigger_word(trigger) in _NO_NGAY_AFTER else "ngày "
        first_day, last_day = read_day(first, profile), read_day(last, profile)
        return f"{ngay}{first_day} đến {last_day} {_month_year(m[4], m[5], profile)} "

    def triggered(m: re.Match[str]) -> str:
        day, month = int(m[1]), int(m[3])
        if glued(m, ".,") or m[4] or not (1 <= day <= 31 and 1 <= month <= 12):
            return m[0]
        if FRACTION_AFTER.match(m.string, m.end()) or OUT_OF_AFTER.match(m.string, m.end()):
            return m[0]
        trigger = preceded_by(m, _DM_TRIGGER_BEFORE, 24)
        word = _trigger_word(trigger)
        heading = _COLON_AFTER.match(m.string, m.end()) and preceded_by(m, _LINE_START_BEFORE, 8)
        if not (trigger or heading or _zero_padded(m)):
            return m[0]
        if m[2] == "-" and word not in _TIME_OF_DAY:
            return m[0]  # 'từ 2-3 người'
        if m[2] == "." and (not _dotted_trigger(trigger) or _counted(m)):
            return m[0]  # 'từ 1.5 đến 2.5 triệu'
        return f"{_dm_run(m[0], profile, '' if word == 'hôm' else 'ngày ')} "

    def slash_year(m: re.Match[str]) -> str:
        if preceded_by(m, RATIO_BEFORE, 16):
            return m[0]  # a map's scale: 'tỷ lệ 1/2000' → một trên hai nghìn
        month = 1 <= int(m[1]) <= 12 and not glued(m, ".,/-")
        if month and preceded_by(m, _MONTH_YEAR_BEFORE, 16):
            return f"{_month_year(m[1], m[2], profile)} "
        return f"{m[1]}{_year(m[2], profile)}"

    def month_year(m: re.Match[str]) -> str:
        if glued(m, ".,/-") or not 1 <= int(m[1]) <= 12 or _counted(m):
            return m[0]
        if preceded_by(m, _NUMBER_WORD_BEFORE, 8):
            return f"{m[1]}{_year(m[2], profile)}"  # 'số 08-2025'
        if m[1].startswith("0") or preceded_by(m, _TIME_WORD_BEFORE, 12):
            return f"{_month_year(m[1], m[2], profile)} "
        return m[0]

    def quarter(m: re.Match[str]) -> str:
        roman = not m[2].isdigit()
        if glued(m) or m[1] == "q" or (roman and m[1] == "Q"):
            return m[0]
        word = m[1].strip() if m[1] != "Q" else "quý"
        value = roman_value(m[2]) if roman else int(m[2])
        return f"{word} {read_int(value or 0, profile)}{_year(m[3], profile)} "

    def months(m: re.Match[str]) -> str:
        if glued(m):
            return m[0]
        return f"{m[1]} {_months(m[2], profile)}{_year(m[3], profile)} "

    text = _QUARTER.sub(quarter, text)
    text = _MONTH_YEAR_SPAN.sub(month_year_span, text)
    text = _DATE_RANGE_DASH.sub(r"\1 đến ", _BRACKETED_DATE.sub(bracketed, text))
    text = _NGAY_DAYS_SLASH_MONTH.sub(days_month, text)
    text = _NGAY_DAYS_DASH_MONTH.sub(days_month, text)
    text = _FULL_DATE.sub(full, text)
    text = _NGAY_DAYS_THANG.sub(days, text)
    text = _NGAY_DAYS.sub(days_in_context, text)
    text = _MONTHS.sub(months, text)
    text = _MONTH_RANGE.sub(month_range, text)
    text = _DAY_RANGE.sub(day_range, text)
    text = _SLASH_YEAR.sub(slash_year, text)
    text = _MONTH_YEAR.sub(month_year, text)
    return _DM_RUN_START.sub(triggered, text)


def expand_times(text: str, profile: ReadingProfile) -> str:
    """7h30 → bảy giờ ba mươi phút; 20h05 → hai mươi giờ năm phút; 4p30s; 14 giờ 05."""

    def time(m: re.Match[str]) -> str:
        if glued(m, ".,:"):
            return m[0]
        if m["p"]:  # '4p30s'
            return _clock([(m[1], "phút"), (m["psec"], "giây")], profile)
        colon, mark = m["cmin"] is not None, m["mark"]
        if int(m[1]) > 24 or (colon and preceded_by(m, RATIO_BEFORE, 16)):
            return m[0]
        bare_g = mark == "g" and not _TIME_OF_DAY_AFTER.match(m.string, m.end())
        if m["min"] is None and (mark == " h" or bare_g):
            return m[0]  # '10 h', '24g' (gam)
        unit = (m["unit"] or "").strip()
        if colon and unit == "phút" and not m["csec"]:  # '10:20 phút'
            return _clock([(m[1], "phút"), (m["cmin"], "giây")], profile)
        minutes, seconds = (m["cmin"], m["csec"]) if colon else (m["min"], m["sec"])
        spoken = _clock([(m[1], "giờ"), (minutes, "phút"), (seconds, "giây")], profile)
        if m["ampm"]:
            spoken += f"{_part_of_day(int(m[1]), m['ampm'])} "
        return f"{spoken}{unit} " if unit == "giây" and not seconds else spoken

    def single_digit(m: re.Match[str]) -> str:
        return f"{m[1]} {DIGITS[int(m[2])]} phút"

    text = _TIME.sub(time, text)
    text = _ZERO_MINUTES.sub(r"\1", text)
    return _SINGLE_DIGIT_MINUTES.sub(single_digit, text)
