"""Text normalization: written Vietnamese → words espeak-ng reads like a northern announcer.

The passes run in a fixed order; each turns one kind of written token into Vietnamese words,
so that no digit or symbol reaches the speech engine. Patterns start with a literal or a
character class where possible (the regex engine then skips ahead quickly); the context a
look-behind would check is checked in the callbacks instead (see ``matching``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .context import expand_context_abbreviations
from .dates import OUT_OF_AFTER, RATIO_BEFORE, Y, expand_dates, expand_times
from .lexicon import (
    LETTER_NAMES,
    VIET_LOWER,
    VIET_UPPER,
    Lexicon,
    default_lexicon,
    is_syllable,
    read_caps,
    read_units,
    spell,
)
from .matching import glued, preceded_by
from .money import expand_money
from .numbers import (
    DEFAULT_PROFILE,
    ROMAN,
    ReadingProfile,
    read_decimal_part,
    read_digits,
    read_int,
    read_number,
    read_ordinal,
    roman_value,
)
from .phones import expand_phones

# --- cleaning the input -------------------------------------------------------------------
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_CONTROL = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"[\r\u2028\u2029\x85]\n?")
_HYPHENS = re.compile("[\u2010\u2011\u2212\u2044]")  # hyphens and the fraction slash
_ROMAN_CHARACTERS = re.compile("[\u2160-\u2188]+")
_BLANKS = re.compile(r"\t[ \t]*| [ \t]+")
# x², y³ (a power of a one-letter variable; m² and m³ are units, read by the unit rules).
_POWER = re.compile(r"(?<!\w)([a-ln-zA-Z])([²³])")

# An abbreviation in brackets repeats the words before it: 'Ban Tuyên giáo (BTG)' → not read.
_BRACKETED_ABBREVIATION = re.compile(
    rf"(?<=\w) ?\((?![IVXL]+\))[{VIET_UPPER}][{VIET_UPPER}&.-]{{1,11}}\)"
)
_KEEP_IN_BRACKETS = frozenset({"VNĐ", "VND", "USD"})
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")

# --- web and e-mail addresses ---------------------------------------------------------------
_URL_HINT = re.compile(r"\.(?:vn|com|org|net|gov|edu|info|ai|io)\b|@", re.IGNORECASE)
_URL = re.compile(
    r"(?i:(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*"
    r"\.(?:vn|com|org|net|gov|edu|info|ai|io)\b(?:/[\w./?=&%-]*\w)?"
    r"|[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+)"
)
# '#ChungTayPhongDich' → hát tắc Chung Tay Phong Dich (its words split where a capital starts).
_HASHTAG = re.compile(r"#([^\W\d_]\w*)")
_CAMEL = re.compile(rf"(?<=[{VIET_LOWER}])(?=[{VIET_UPPER}])")
_LETTERS_OR_DIGITS = re.compile(r"\d+|[^\W\d_]+")
_SPELLED_LETTERS = 4  # 'abc', 'sdd' are spelled; 'nvidia', 'hanoi' are read as words
_URL_PART = re.compile(r"https?://|[./@_-]|[^./@_-]+")
_URL_WORDS = {
    ".": "chấm", "/": "gạch chéo", "@": "a còng", "_": "gạch dưới", "-": "gạch ngang",
    "www": "vê kép vê kép vê kép", "vn": "vê en", "com": "com", "gov": "gốp",
    "org": "o rờ gờ", "net": "nét", "edu": "e đu", "info": "in phô", "ai": "a i", "io": "i o",
}  # fmt: skip

# --- document codes: 57-NQ/TW, 1234/QĐ-UBND, 13/2023/NĐ-CP → the number (and its year) -----
# (the separator after the year is sometimes lost in print: '43/2014NĐ-CP').
_CODE = re.compile(rf"(\d+)(?:/((?:19|20)\d\d)[-/]?|[-/])[{VIET_UPPER}][\w&]*(?:[-/.][\w&]+)*")

# --- list markers, P./Q., initials ----------------------------------------------------------
_ROMAN_MARKER = re.compile(rf"^(\s*)((?=[IVXL]){ROMAN})([.)])(?=\s)", re.MULTILINE)
# ('p.', 'q.', 'x.' at a line's start are phường, quận, xã before a name: lists rarely get so far.)
_LETTER_MARKER = re.compile(r"^(\s*)((?![pqx])[a-zđA-ZĐ])([.)])(?=\s)", re.MULTILINE)
_INLINE_LETTER_MARKER = re.compile(r"((?:^|[:;])\s*)([a-zđ])\)(?=\s)", re.MULTILINE)
# '4) Viết bản nháp' and '4. Viết…' are read 'Thứ tư, …', as items are counted aloud; the
# marker is dropped where the item already says its place ('1. Thứ nhất, …', '2. Đầu tiên…').
_DIGIT_MARKER = re.compile(r"^(\s*)(\d{1,2})[.)][ \t]+(?=[^\W\d_])", re.MULTILINE)
_SAYS_ITS_PLACE = re.compile(
    r"(?i:thứ\s+\w+|đầu tiên|trước hết|trước tiên|tiếp theo|sau cùng|cuối cùng"
    r"|(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+là)\b"
)
# Places abbreviated in addresses: 'P.1', 'Q. Cầu Giấy' (phường, quận: before a number or a
# name); 'x. Tân Lập', 'h. Đan Phượng', 'tx. Sơn Tây' (xã, huyện, thị xã: only before a name,
# and not after a number: '8 h. Sau đó' is a time).
_PLACE = re.compile(rf"([PQpqxht]x?)\.\s?(?=(\d)|[{VIET_UPPER}])")
_PLACE_WORDS = {"P": "phường ", "p": "phường ", "Q": "quận ", "q": "quận ", "x": "xã ",
                "h": "huyện ", "tx": "thị xã "}  # fmt: skip
_PLACE_BEFORE_A_NUMBER = frozenset("PpQq")
# 'h.' opening a line is a list marker unless a place's name follows ('h. Kim Sơn, tỉnh …').
_DISTRICT_LINE = re.compile(rf"^([ \t]*)h\.\s?(?=[{VIET_UPPER}]\w*(?: [{VIET_UPPER}]\w*)+,)", re.M)
_NUMBER_BEFORE = re.compile(r"\d\s?$")
_STREET = re.compile(rf"[Đđ]\.(?<=\d [Đđ]\.)\s?(?=[{VIET_UPPER}])")  # '123 Đ. Lê Lợi' → đường
# A lone lower-case letter named by the word before it ('điểm b khoản 2', 'kí tự w',
# 'phương án c') is said by its Vietnamese name (not y: 'chữ y tế'); capitals are spelled by
# the capitals rule.
_LETTER_ITEM = r"['‘“\"]?[a-xzđ]\d{0,2}['’”\"]?(?![\w'’])"
_NAMED_LETTER = re.compile(
    r"(?<!\w)(?:[Đđ]iểm|[Tt]iết|[Mm]ục|[Cc]âu|[Pp]hần|[Pp]hương án|[Đđ]áp án|[Kk][íý] tự|[Cc]hữ cái"
    r"|[Cc]hữ|[Nn]hóm|[Ll]oại|[Dd]ãy)\s+"
    rf"{_LETTER_ITEM}(?:\s*(?:,|và|hoặc|đến)\s*{_LETTER_ITEM})*"
)
_LONE_LOWER_LETTER = re.compile(r"[ '‘“\"][a-xzđ](?:\d|(?![\w'’]))")
_NAMED_LETTER_ITEM = re.compile(r"(?<=[\s'‘“\",])[a-xzđ](?=\d|['’”\"]|\s|,|$)")
_INITIAL = re.compile(rf"([{VIET_UPPER}])\.(?=\s?[{VIET_UPPER}])")

# --- numbers in context -------------------------------------------------------------------
_CONN = r"\s*(?:,|và|đến|tới|-|–)\s*"
_ROMAN_LETTERS = "IVXLCDMivxlcdm"
_R = r"(?<!\w)[IVXLCDM]+(?!\w|\.\w)"  # runs go on in capitals: "I và II", not "I và vi"
# A capital 'L' after a slash is a litre only after a unit of amount ('mg/L', 'mmol/L'), not
# in a list of sizes ('M/L').
_PER_LITRE_BEFORE = re.compile(r"\b(?:gam|[mnµμ]?g|m?mol)\s?$")
# A space groups thousands when every group after the first has three digits: 9 999, 1 250 000.
_SPACED_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?: \d{3})+(?!\d|[.,]\d| \d)")
# A dash between two amounts is a range, also after a unit or sign: 10k-20k, 3kg-6kg, 10$-20$;
# after a sports word it joins a score or a formation: 'thắng 2-0' → hai không, 'sơ đồ 4-2-3-1'.
_RANGE = re.compile(r"(\d(?:[^\W\d_]{1,3}\d*)?[%$€£¥₫₩₹]?)\s*[-–—]\s*(?=[$€£¥]?\d)")
_SCORE_BEFORE = re.compile(
    r"\b(?i:t[ỷỉ] số|thắng|thua|hòa|hoà|đánh bại|dẫn|sơ đồ|đội hình|chung cuộc)\s*:?\s*"
    r"(?:\d{1,2}\s*[-–]\s*)*\d?$"
)
_ORDINAL = re.compile(r"(thứ|Thứ|THỨ|hạng|Hạng|HẠNG)\s+(\d+)(?!\d|[.,/]\d)")
# A Roman run ('XIII', 'I và II', 'III/2025', 'I-2021'). It is read after a trigger word
# ('Đại hội XIII', 'khoản xiv'), before '/year', or in capitals after a name ('Louis XIV');
# in lower case only after a trigger and at the end of a phrase ('thế kỷ xix.'), so that
# 'vi', 'xi', 'mix' stay words.
_ROMAN_RUN = re.compile(
    rf"[{_ROMAN_LETTERS}](?<!\w.)[{_ROMAN_LETTERS}]*(?!\w|\.\w)(?:{_CONN}{_R})*"
    rf"(?:[/-]({Y})(?!\d))?"
)
_ROMAN_TRIGGER_BEFORE = re.compile(
    r"\b((?i:đại hội|hội nghị|khóa|khoá|thế kỷ|thế kỉ|quý|quí|phần|chương|mục|bài|lần|kỳ|kì|thứ"
    r"|tập|phụ lục|đợt|cấp|độ|hạng|loại|nhóm|trung ương|quân khu|khu vực|vùng|giai đoạn"
    r"|khoản|đoạn|điều|hồi|số|năm|thế chiến|vua|hoàng đế|nữ hoàng|giáo hoàng|chặng|tiểu mục))"
    r"(?:\s+|\s*\()$"
)
_NAME_NUMERAL = re.compile(r"[IVX]{2,}")  # 'Louis XIV', not 'Xem MV', 'Nộp CV'
_NAME_BEFORE = re.compile(rf"\b[{VIET_UPPER}][{VIET_LOWER}]+\s+$")
_PHRASE_END = re.compile(r"\s*(?:$|[.,;:?!)\n])")
_ROMAN_ITEM = re.compile(r"\b[IVXLCDMivxlcdm]+\b|[-–]")
_PLUS = re.compile(r"(\d)\s*\+\s*(?=\d)")
_SIGNED = re.compile(r"\+(?=\d)")
# '*' between two numbers multiplies ('6 * 7', '6*7'); a footnote mark ('Điều 5*') is silent.
_MULTIPLY = re.compile(r"(\d)(?:\s*[x×]\s*|\*| \* )(?=\d)")
# A power: '2^10' → hai mũ mười; a negative exponent is read 'mũ trừ' ('10^-3', 'mol^-1').
_POWER_OF = re.compile(r"\^ ?(-?) ?(?=\d)")
# Scientific notation, 'e' or '× 10^' before the exponent: 6.022e23, 3e-5, 1,5×10^-3. The
# mantissa's dot is a decimal point here, whatever its digits ('6.626' is not 6 626). With 'e'
# the mantissa has one digit before its point, and with 'E' a point too, so that codes stay
# codes ('lớp 12e1', 'căn hộ 2E05').
_SCIENTIFIC_HINT = re.compile(r"[eE](?<=\d[eE])|\^")
_SCIENTIFIC = re.compile(r"(\d{1,3})(?:([.,])(\d+))?(e|E| ?[×x*] ?10\^)([-+]?)(\d{1,3})(?!\w)")
# 'có 1-0-2' is the idiom 'có một không hai', not a range.
_ONE_OF_A_KIND = re.compile(r"([Cc]ó) 1-0-2(?![\w-])")
# 1m75 (a height): one metre seventy-five.
_METRES_CENTIMETRES = re.compile(r"(\d)m(\d\d)(?!\w)")
_ADDRESS = re.compile(r"(số|Số|ngõ|Ngõ|ngách|Ngách|hẻm|Hẻm|kiệt|Kiệt|nhà|Nhà)\s+(\d+(?:/\d+)+)")
# x/y, or a whole number and a proper fraction: 5 1/2 → năm và một phần hai.
# (The look-ahead for a digit lets the regex engine skip to digits; the pattern is the same.)
_FRACTION = re.compile(
    r"(?=\d)(?:(\d+) (?=\d{1,2}/\d))?(\d+(?:[.,]\d+)*)/(\d+(?:[.,]\d+)*)(?![\w/])"
)
_RATIO = re.compile(r"(\d+(?:[.,]\d+)*):(\d+(?:[.,]\d+)*)(?![\w:])")
_NEGATIVE = re.compile(r"-(?=\d)")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Long digit runs after these words are identifiers, read digit by digit.
_IDENTIFIER_BEFORE = re.compile(
    r"\b(?i:tài khoản|stk|mã số|mã|số hiệu|số thẻ|số seri|số sê ri|định danh|căn cước công dân"
    r"|chứng minh nhân dân|hộ chiếu|số hồ sơ|biển số|biển kiểm soát)\s*:?\s*$"
)
_IDENTIFIER_DIGITS = 6
# A postal code (old ones six digits, new ones five) is read digit by digit too.
_POSTAL_CODE_BEFORE = re.compile(r"\b(?i:mã bưu chính|mã bưu điện|mã bưu cục|mã zip)\s*:?\s*$")
_POSTAL_CODE_DIGITS = 5

# --- symbols and punctuation ----------------------------------------------------------------
_BULLET = re.compile(r"^[ \t]*[-–—•▪●◦■□➢►▶✓✔❖♦◆○*+·>]+(?=\s|$)", re.MULTILINE)
# An arrow between two clauses is read 'dẫn tới'; not where the next words already say how they
# follow ('→ vì vậy', '→ dẫn đến'), and not at the start of a line or after '?' or ':', where
# it only points to an item or an answer.
_ARROWS = ("->", "=>", "→", "⇒", "➔")
_ARROW = re.compile(r"(?:->|=>|[→⇒➔])[ \t]*")
_SAYS_HOW_IT_FOLLOWS = re.compile(
    r"(?i:dẫn đến|dẫn tới|vì vậy|vì thế|do đó|do vậy|cho nên|nên|suy ra|kéo theo|khiến|gây ra)\b"
)
# '… 30m. + Phía Đông …': a '+' after the end of a sentence starts an item (a line break lost).
_INLINE_BULLET_PLUS = re.compile(r"([.;:!?])[ \t]+\+[ \t]+")
_INLINE_BULLET = re.compile(r"[•▪●◦■□➢►▶✓✔❖♦◆○·]")
_ELLIPSIS_END = re.compile(rf"\.{{2,}}(?=\s*(?:$|[\n{VIET_UPPER}]))")
_ELLIPSIS = re.compile(r"\.{2,}")
_DASH = re.compile(r"[–—]+")
_SPACED_HYPHEN = re.compile(r"\s-+\s")
_PER = (
    "người|tháng|năm|ngày|tuần|quý|hộ|lượt|suất|buổi|ca|lần|khẩu|em|cháu|học sinh|lớp|"
    "trường|thôn|tổ|xã|phường|đơn vị|sản phẩm|con|chiếc|cái|bộ|trẻ"
)
_TREN = "giờ|giây|phút|ki lô|mét|gam|lít|héc ta|tấn|tạ|xăng ti|mi li|sào|mẫu|công"
_SLASH_FIELDS = re.compile(r"(ngày|tháng|giờ|phút)/(?=(?:tháng|năm|phút|giây)\b)")
_SLASH_PER = re.compile(rf"/\s*(?=(?:{_PER})\b)")
_SLASH_TREN = re.compile(rf"/\s*(?=(?:{_TREN})\b)")
# After an amount of money, a slash before any other word is 'mỗi': '30.000đ/quả' → đồng mỗi
# quả, '80 USD/thùng' → đô la Mỹ mỗi thùng; not after a name ('Hội đồng/Ủy ban' is a list).
_CURRENCY_SLASH = re.compile(r"(?:đồng|đô la(?: Mỹ)?|ơ rô)\s?/\s?(?=[^\W\d_])")
_AMOUNT_WORD_BEFORE = re.compile(
    r"\b(?:không|một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn"
    r"|triệu|tỷ|xu)\s+$"
)
_SLASH = re.compile(r"/")
_ALLOWED = f"a-zA-Z{VIET_LOWER}{VIET_UPPER}"
# Words joined by slashes: a choice of two ('có/không', 'nam/nữ', 'đạt/không đạt') is read
# with 'hoặc'; after 'tỷ lệ' a ratio (học sinh/giáo viên → trên); 'và/hoặc' as two words; any
# other run as a list (sách/tạp chí, xã/phường/thị trấn → commas), never 'mỗi' between places.
# Left to the later rules: abbreviations (HĐND/UBND), units (đồng/kg), date fields
# (ngày/tháng), one letter (v/v), and a quantity per thing ('2 cán bộ/xã' → mỗi).
_SLASH_WORDS = re.compile(rf"(?<![\w/])[{_ALLOWED}]{{2,}}(?:/[{_ALLOWED}]{{2,}})+(?![\w/])")
_LETTER_SLASH_LETTER = re.compile(r"/(?<=[^\W\d_]/)(?=[^\W\d_])")
_FIELDS = frozenset({"ngày", "tháng", "năm", "giờ", "phút", "giây"})
_PLACES = frozenset(
    {"xã", "phường", "thị", "thôn", "tổ", "xóm", "bản", "làng", "ấp", "khu", "phố", "quận"}
    | {"huyện", "tỉnh", "trường", "lớp"}
)
_CHOICES = frozenset({("nam", "nữ"), ("đúng", "sai"), ("trai", "gái"), ("thật", "giả")})
_PER_WORD = re.compile(rf"(?:{_PER})\b")
_RATIO_OF_WORDS_BEFORE = re.compile(r"\b(?i:t[ỷỉ] (?:lệ|số))(?:\s+[^\W\d_]+){0,3}\s+$")
_SYMBOL = re.compile("[&+=~≈<>≤≥×÷±√%‰°@_-]")
_BRACKETS = re.compile(r"[()\[\]{}]")
_QUOTES = re.compile(r"[\"“”„‟‘’‚'`´«»‹›]")
_DISALLOWED = re.compile(rf"[^{_ALLOWED} .,;:?!\n]+")

# --- tidying the spoken text -----------------------------------------------------------------
_NEWLINE_AFTER_PUNCT = re.compile(r"([.,;:?!]) *\n\s*")
_NEWLINE = re.compile(r"\n\s*")
_SPACES = re.compile(r" {2,}")
_SPACE_BEFORE_PUNCT = re.compile(r" +(?=[.,;:?!])")
_PUNCT_RUN = re.compile(r"[.,;:?!](?: *[.,;:?!])+")
_PUNCT_GLUED = re.compile(r"([.,;:?!])(?=[^ .,;:?!])")
_LEADING_PUNCT = re.compile(r"^[ .,;:?!]+")
_PUNCT_STRENGTH = "?!.;:,"
_WORD = re.compile(rf"[{_ALLOWED}]+")


@lru_cache(maxsize=1)
def _unit_patterns() -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    """Units after a number or '/' ('6 tấn/ha'): multi-letter ones ignore case, 'm', 'g' not."""
    multi = {w.lower(): s for w, s, _ in read_units() if len(w) > 1}
    single = {w: s for w, s, _ in read_units() if len(w) == 1}
    by_length = sorted(multi, key=len, reverse=True)
    units = r"(?:(?P<multi>(?i:{}))|(?P<single>[{}]))(?!\w)".format(
        "|".join(map(re.escape, by_length)), "".join(map(re.escape, single))
    )
    return re.compile(rf"(\d|/)\s?{units}"), multi, single


@lru_cache(maxsize=1)
def _scaled_units() -> re.Pattern[str]:
    """A unit of two letters or more after a scale word: '3 triệu EUR', '2 nghìn tấn'."""
    _, multi, _ = _unit_patterns()
    by_length = sorted(multi, key=len, reverse=True)
    return re.compile(
        rf"(nghìn|ngàn|triệu|tỷ) (?P<multi>(?i:{'|'.join(map(re.escape, by_length))}))(?!\w)"
    )


@lru_cache(maxsize=1)
def _currency_codes() -> re.Pattern[str]:
    """A currency code (the three-capital rows of units.tsv) after 'đồng', in either case."""
    codes = [w for w, _, _ in read_units() if len(w) == 3 and w.isupper()]
    return re.compile(rf"([Đđ]ồng) (?P<multi>(?i:{'|'.join(codes)}))(?!\w)")


@lru_cache(maxsize=1)
def _digit_only_units() -> frozenset[str]:
    """Units of scope 'digit' in units.tsv, lower case: never read after a slash."""
    return frozenset(w.lower() for w, _, scope in read_units() if scope == "digit")


def _roman_characters(m: re.Match[str]) -> str:
    """'Ⅻ' (a character made to be a numeral) → '12', whatever the words around it."""
    letters = unicodedata.normalize("NFKC", m[0])
    value = roman_value(letters)
    return f" {value} " if value is not None else letters


def _clean(text: str) -> str:
    text = _ROMAN_CHARACTERS.sub(_roman_characters, text)
    if "²" in text or "³" in text:
        text = _POWER.sub(lambda m: f"{m[1]} {'bình' if m[2] == '²' else 'lập'} phương", text)
    text = _HYPHENS.sub(
        lambda m: "/" if m[0] == "\u2044" else "-", unicodedata.normalize("NFKC", text)
    )
    text = _LINE_BREAK.sub("\n", _INVISIBLE.sub("", text))
    return _BLANKS.sub(" ", _CONTROL.sub(" ", text))


def _bracketed_abbreviation(m: re.Match[str]) -> str:
    return m[0] if m[0].strip(" ()") in _KEEP_IN_BRACKETS else ""


def _url(m: re.Match[str]) -> str:
    """Address parts as said: known words, digits one by one, short non-words letter by letter."""
    words = []
    for part in _URL_PART.findall(m[0]):
        if part.lower().startswith("http"):
            continue
        if (word := _URL_WORDS.get(part.lower())) is not None:
            words.append(word)
            continue
        for piece in _LETTERS_OR_DIGITS.findall(part):
            if piece.isdigit():
                words.append(read_digits(piece))
            elif len(piece) <= _SPELLED_LETTERS and not is_syllable(piece):
                words.append(spell(piece))
            else:
                words.append(piece)
    return " " + " ".join(words) + " "


def _code(m: re.Match[str], profile: ReadingProfile) -> str:
    if glued(m, "/.-"):
        return m[0]
    year = f" năm {read_int(int(m[2]), profile)}" if m[2] else ""
    return f" {read_int(int(m[1]), profile)}{year} "


def _markers(text: str, profile: ReadingProfile) -> str:
    """List markers: 'I.' → 'một.', 'a)' → 'a,', '2)' → 'Thứ hai,'; then P./Q. and initials."""

    def mark(indent: str, words: str, punct: str) -> str:
        return f"{indent}{words}{'.' if punct == '.' else ','}"

    text = _DISTRICT_LINE.sub(r"\1huyện ", text)
    text = _ROMAN_MARKER.sub(
        lambda m: mark(m[1], read_int(roman_value(m[2]) or 0, profile), m[3]), text
    )
    text = _LETTER_MARKER.sub(lambda m: mark(m[1], LETTER_NAMES[m[2].lower()], m[3]), text)
    text = _INLINE_LETTER_MARKER.sub(lambda m: f"{m[1]}{LETTER_NAMES[m[2]]},", text)
    text = _DIGIT_MARKER.sub(lambda m: _digit_marker(m, profile), text)
    text = _PLACE.sub(_place, text)
    text = _STREET.sub("đường ", text)
    if _LONE_LOWER_LETTER.search(text):
        text = _NAMED_LETTER.sub(
            lambda m: _NAMED_LETTER_ITEM.sub(lambda i: LETTER_NAMES[i[0]], m[0]), text
        )
    return _INITIAL.sub(lambda m: m[0] if glued(m) else f"{m[1]} ", text)


def _place(m: re.Match[str]) -> str:
    word = _PLACE_WORDS.get(m[1])
    if word is None or glued(m, "."):
        return m[0]
    by_number = m[1] in _PLACE_BEFORE_A_NUMBER
    if not by_number and (m[2] or preceded_by(m, _NUMBER_BEFORE, 3)):
        return m[0]
    return word


def _digit_marker(m: re.Match[str], profile: ReadingProfile) -> str:
    if _SAYS_ITS_PLACE.match(m.string, m.end()):
        return m[1]
    return f"{m[1]}Thứ {read_ordinal(int(m[2]), profile)}, "


def _roman(m: re.Match[str], profile: ReadingProfile) -> str:
    """A Roman run in one of the contexts of ``_ROMAN_RUN``; otherwise left as written."""
    run = m[0][: m.start(1) - m.start() - 1] if m[1] else m[0]
    letters = _ROMAN_ITEM.match(run)[0]  # type: ignore[index]  # the run starts with one
    trigger = preceded_by(m, _ROMAN_TRIGGER_BEFORE, 24)
    if letters.isupper():
        name = _NAME_NUMERAL.fullmatch(letters) and preceded_by(m, _NAME_BEFORE, 24)
        if not (trigger or m[1] or name):
            return m[0]
    elif not (letters.islower() and trigger and _PHRASE_END.match(m.string, m.end())):
        return m[0]
    ordinal = trigger is not None and trigger[1].lower() == "thứ"

    def item(r: re.Match[str]) -> str:
        if r[0] in "-–":
            return " đến "
        value = roman_value(r[0])
        if value is None:
            return r[0]
        return read_ordinal(value, profile) if ordinal else read_int(value, profile)

    year = f" năm {read_int(int(m[1]), profile)}" if m[1] else ""
    return f"{_ROMAN_ITEM.sub(item, run)}{year} "


def _unit(m: re.Match[str]) -> str:
    """'5km' → '5 ki lô mét'; '/ha' → ' trên héc ta'; 'digit' units only after a number."""
    _, multi, single = _unit_patterns()
    if m[1] == "/" and (
        (m["multi"] or m["single"]).lower() in _digit_only_units()
        or (m["single"] == "L" and not preceded_by(m, _PER_LITRE_BEFORE, 8))
    ):
        return m[0]
    spoken = multi[m["multi"].lower()] if m["multi"] else single[m["single"]]
    return f" trên {spoken}" if m[1] == "/" else f"{m[1]} {spoken}"


def _word_and_unit(m: re.Match[str]) -> str:
    """'triệu EUR' → 'triệu ơ rô', 'đồng usd' → 'đồng đô la Mỹ'."""
    return f"{m[1]} {_unit_patterns()[1][m['multi'].lower()]}"


def _fraction(m: re.Match[str]) -> str:
    """'2/3 số hộ' → 'hai phần ba'; counts read 'trên': '35/38 đơn', 'đạt 9/10 chỉ tiêu'."""
    if glued(m, "/"):
        return m[0]
    numerator, denominator = m[2], m[3]
    proper = numerator.isdigit() and denominator.isdigit() and 0 < int(numerator) < int(denominator)
    if m[1] and proper and not glued(m, ".,"):
        return f"{m[1]} và {numerator} phần {denominator}"
    small = proper and int(denominator) <= 10
    counted = OUT_OF_AFTER.match(m.string, m.end()) or preceded_by(m, RATIO_BEFORE, 12)
    whole = f"{m[1]} " if m[1] else ""
    return f"{whole}{numerator} {'phần' if small and not counted else 'trên'} {denominator}"


def _slash_words(m: re.Match[str]) -> str:
    parts = m[0].split("/")
    lowered = [p.lower() for p in parts]
    _, multi, _ = _unit_patterns()
    if any(p.isupper() for p in parts) or any(p in multi or p in _FIELDS for p in lowered):
        return m[0]
    if _PER_WORD.fullmatch(lowered[-1]) and not (lowered[0] in _PLACES and lowered[-1] in _PLACES):
        return m[0]
    if preceded_by(m, _RATIO_OF_WORDS_BEFORE, 40):
        return " trên ".join(parts)
    if {"và", "hoặc"} & set(lowered):
        return " ".join(parts)
    if len(parts) == 2 and (lowered[1] == "không" or tuple(lowered) in _CHOICES):
        return " hoặc ".join(parts)
    return ", ".join(parts)


def _spaced_thousands(m: re.Match[str]) -> str:
    return m[0] if glued(m, ".,") else m[0].replace(" ", ".")


def _range(m: re.Match[str]) -> str:
    """'10k-20k' → '10k đến 20k'; in a score or formation the dash is not said; after a code
    ('H2-1', a zone of a plan) it is 'gạch'."""
    if m[1].isdigit() and glued(m) and m.string[m.start() - 1].isalpha():
        return f"{m[1]} gạch "
    score = m[1].isdigit() and preceded_by(m, _SCORE_BEFORE, 32)
    return f"{m[1]} " if score else f"{m[1]} đến "


def _scientific(m: re.Match[str], profile: ReadingProfile) -> str:
    """'6.022e23' → sáu chấm không hai mươi hai nhân mười mũ hai mươi ba."""
    letter = m[4] in "eE"
    if glued(m, ".,") or (letter and len(m[1]) > 1) or (m[4] == "E" and not m[2]):
        return m[0]
    mantissa = read_int(int(m[1]), profile)
    if m[2]:
        mark = "chấm" if m[2] == "." else "phẩy"
        mantissa += f" {mark} {read_decimal_part(m[3], profile)}"
    sign = "trừ " if m[5] == "-" else ""
    return f" {mantissa} nhân mười mũ {sign}{read_int(int(m[6]), profile)} "


def _numbers(text: str, profile: ReadingProfile) -> str:
    """Numbers in context (ranges, ordinals, units, fractions…), then all remaining digits."""
    if _SCIENTIFIC_HINT.search(text):
        text = _SCIENTIFIC.sub(lambda m: _scientific(m, profile), text)
    text = _POWER_OF.sub(lambda m: " mũ trừ " if m[1] else " mũ ", text)
    text = _ONE_OF_A_KIND.sub(lambda m: m[0] if glued(m) else f"{m[1]} một không hai", text)
    text = _RANGE.sub(_range, _SPACED_THOUSANDS.sub(_spaced_thousands, text))
    text = expand_times(text, profile)
    text = _ORDINAL.sub(
        lambda m: m[0] if glued(m) else f"{m[1]} {read_ordinal(int(m[2]), profile)} ", text
    )
    text = _ROMAN_RUN.sub(lambda m: _roman(m, profile), text)
    text = _SIGNED.sub(" cộng ", _PLUS.sub(r"\1 cộng ", text))
    text = _MULTIPLY.sub(r"\1 nhân ", text)
    text = expand_money(text, profile)
    text = _unit_patterns()[0].sub(_unit, _METRES_CENTIMETRES.sub(r"\1 mét \2", text))
    text = _currency_codes().sub(_word_and_unit, _scaled_units().sub(_word_and_unit, text))
    text = _ADDRESS.sub(lambda m: f"{m[1]} {m[2].replace('/', ' trên ')}", text)
    text = _FRACTION.sub(_fraction, text)
    text = _RATIO.sub(lambda m: m[0] if glued(m, ":") else f"{m[1]} trên {m[2]}", text)
    text = _NEGATIVE.sub(lambda m: "-" if glued(m, ".,)") else " âm ", text)
    return _NUMBER.sub(lambda m: f" {_number(m, profile)} ", text)


def _number(m: re.Match[str], profile: ReadingProfile) -> str:
    """A number left after the context rules; an identifier's digits one by one."""
    token = m[0]
    if token.isdigit() and (
        (len(token) >= _IDENTIFIER_DIGITS and preceded_by(m, _IDENTIFIER_BEFORE, 32))
        or (len(token) >= _POSTAL_CODE_DIGITS and preceded_by(m, _POSTAL_CODE_BEFORE, 32))
    ):
        return read_digits(token)
    return read_number(token, profile)


def _currency_slash(m: re.Match[str]) -> str:
    currency = m[0].rstrip(" /")
    return f"{currency} mỗi " if preceded_by(m, _AMOUNT_WORD_BEFORE, 12) else m[0]


def _arrow(m: re.Match[str]) -> str:
    before = m.string[: m.start()].rstrip(" ,")
    if not before or before[-1] in "\n?:!.;":
        return " "
    return ", " if _SAYS_HOW_IT_FOLLOWS.match(m.string, m.end()) else ", dẫn tới "


def _symbols(text: str, profile: ReadingProfile) -> str:
    """Bullets, dashes, brackets, slashes, quotes, other symbols → words, commas or nothing."""
    text = _INLINE_BULLET_PLUS.sub(r"\1 ", _BULLET.sub("", text))
    if any(arrow in text for arrow in _ARROWS):
        text = _ARROW.sub(_arrow, text)
    text = _INLINE_BULLET.sub(", ", text)
    text = _ELLIPSIS.sub(", ", _ELLIPSIS_END.sub(". ", text))
    text = _SPACED_HYPHEN.sub(", ", _DASH.sub(", ", text))
    text = _SLASH_PER.sub(" mỗi ", _SLASH_FIELDS.sub(r"\1, ", text))
    text = _SLASH_TREN.sub(" trên ", text)
    text = _CURRENCY_SLASH.sub(_currency_slash, text)
    text = _SLASH.sub(", ", text)
    symbols = {
        "&": " và ", "+": " và ", "=": " bằng ", "~": " khoảng ", "≈": " xấp xỉ ",
        "<": " nhỏ hơn ", ">": " lớn hơn ", "≤": " nhỏ hơn hoặc bằng ",
        "≥": " lớn hơn hoặc bằng ", "×": " nhân ", "÷": " chia ", "±": " cộng trừ ",
        "√": " căn bậc hai của ",
        "%": " phần trăm ", "‰": f" phần {profile.thousand} ", "°": " độ ", "@": " a còng ",
        "-": " ", "_": " ",
    }  # fmt: skip
    text = _SYMBOL.sub(lambda m: symbols[m[0]], text)  # str.translate is ten times slower
    return _QUOTES.sub(" ", _BRACKETS.sub(", ", text))


def _ascii_letters(m: re.Match[str]) -> str:
    """Foreign letters lose their accents ('ü' → 'u'); anything else becomes a space."""
    folded = unicodedata.normalize("NFKD", m[0])
    kept = (c for c in folded if unicodedata.category(c) != "Mn")
    return "".join(c if c.isascii() and c.isalpha() else " " for c in kept)


def _strongest(m: re.Match[str]) -> str:
    return next(p for p in _PUNCT_STRENGTH if p in m[0])


def _tidy(text: str) -> str:
    text = _NEWLINE.sub(". ", _NEWLINE_AFTER_PUNCT.sub(r"\1 ", text))
    text = _SPACE_BEFORE_PUNCT.sub("", _SPACES.sub(" ", text))
    text = _PUNCT_GLUED.sub(r"\1 ", _PUNCT_RUN.sub(_strongest, text))
    return _LEADING_PUNCT.sub("", _SPACES.sub(" ", text)).strip()


def _normalize(
    text: str, profile: ReadingProfile, lexicon: Lexicon, spelled: list[str] | None
) -> str:
    text = _FOOTNOTE.sub(" ", _clean(text))
    text = _BRACKETED_ABBREVIATION.sub(_bracketed_abbreviation, text)
    text = lexicon.apply_numeric(text)
    if _URL_HINT.search(text):
        text = _URL.sub(_url, text)
    text = _HASHTAG.sub(lambda m: f" hát tắc {_CAMEL.sub(' ', m[1])} ", text)
    text = _CODE.sub(lambda m: _code(m, profile), text)
    text = expand_phones(text)
    text = expand_context_abbreviations(text)
    if _LETTER_SLASH_LETTER.search(text):
        text = _SLASH_WORDS.sub(_slash_words, text)
    text = lexicon.apply_words(text)
    text = _markers(text, profile)
    text = expand_dates(text, profile)
    text = _numbers(text, profile)
    text = read_caps(text, spelled)
    text = _DISALLOWED.sub(_ascii_letters, _symbols(text, profile))
    return unicodedata.normalize("NFC", _tidy(text))


def normalize(
    text: str, profile: ReadingProfile = DEFAULT_PROFILE, lexicon: Lexicon | None = None
) -> str:
    """Spoken form of ``text``: Vietnamese words and sentence punctuation (. , ; : ? !) only."""
    return _normalize(text, profile, lexicon if lexicon is not None else default_lexicon(), None)


def unknown_tokens(text: str, lexicon: Lexicon | None = None) -> list[str]:
    """Tokens read letter by letter (unknown acronyms) or left as foreign words, in order."""
    spelled: list[str] = []
    lexicon = lexicon if lexicon is not None else default_lexicon()
    spoken = _normalize(text, DEFAULT_PROFILE, lexicon, spelled)
    foreign = [w for w in _WORD.findall(spoken) if not is_syllable(w)]
    return list(dict.fromkeys(spelled + foreign))
