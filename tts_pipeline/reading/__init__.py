"""Vietnamese text normalization ("reading"): written bulletin text → words espeak-ng can say.

Every digit, symbol, abbreviation and code leaves this stage as Vietnamese words, read the way
a northern radio announcer would; regional choices come from :class:`ReadingProfile`.

Reading policy (see tests/reading/cases.tsv for examples):

- Words the stage generates are lowercase; written words keep their case; all-caps words that
  are Vietnamese syllables (headings) are lowercased; other all-caps tokens not in the lexicon
  are spelled with Vietnamese letter names. Only . , ; : ? ! remain as punctuation.
- Numbers: '.' groups thousands, ',' is the decimal mark; decimals of up to three digits are
  read as a number after their leading zeros (8,02 → tám phẩy không hai), longer ones digit by
  digit; '4.0'-style numbers read 'chấm'; unseparated runs of 10+ digits and runs like '007'
  are read digit by digit; '05' reads 'năm'.
- Document codes: only the number is read, plus 'năm' + the year when the code has one
  (13/2023/NĐ-CP → mười ba năm hai nghìn không trăm hai mươi ba); code letters are dropped.
- Dates: a complete day/month written without 'ngày' gets it ('5/8/2025', 'sáng 14/8',
  '(5/8)' → ngày mùng năm tháng tám); days sharing one month are not repeated
  ('từ ngày 5 đến 15-8' → từ ngày mùng năm đến mười lăm tháng tám); month 1 is 'tháng một',
  month 4 'tháng tư'. A bare 'x/y' is a date unless it reads as a quantity ('2/3 số hộ' →
  hai phần ba; counts such as '35/38 đơn' or '9/10 chỉ tiêu' → chín trên mười).
- Times: '7h30' → bảy giờ ba mươi phút, '20h05' → hai mươi giờ không năm phút, '7h' → bảy giờ;
  '14 giờ 05' keeps the written words → mười bốn giờ không năm.
- Ranges between numbers read 'đến'; ratios after 'tỷ lệ' read 'trên'.
- Roman numerals are read only after a trigger word (Đại hội, khóa, quý, thứ, thế kỷ, phần,
  chương, mục, lần, kỳ, cấp, hạng, giai đoạn…), before '/year', or as list markers at the start
  of a line ('II.' → hai.); after 'thứ' they are ordinals (thứ IV → thứ tư). Numbered items
  are counted aloud ('4) …', '4. …' → Thứ tư, …), unless the item already says its place.
- Brackets become commas (a pause), except around a lone date; an abbreviation in brackets
  that repeats the words before it ('Ban Tuyên giáo (BTG)') is not read, and a book reads the
  abbreviations it defines so everywhere ('vật liệu xây dựng (VLXD)'). Quotes are dropped.
- Phone numbers are read digit by digit in their written groups, separated by commas;
  111, 113, 114, 115 after 'số', 'gọi', 'đường dây nóng', 'tổng đài' are read digit by digit.
"""

from .chapter import Pauses, Utterance, explain, read_chapter
from .definitions import defined_abbreviations
from .lexicon import Lexicon
from .normalize import normalize, unknown_tokens
from .numbers import READING_CHOICES, ReadingProfile
from .sentences import chunk, split_sentences

__all__ = [
    "Lexicon",
    "Pauses",
    "READING_CHOICES",
    "ReadingProfile",
    "Utterance",
    "chunk",
    "defined_abbreviations",
    "explain",
    "normalize",
    "read_chapter",
    "split_sentences",
    "unknown_tokens",
]
