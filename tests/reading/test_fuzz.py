"""Property test: whatever comes in, only Vietnamese letters, spaces and . , ; : ? ! come out.

Hypothesis is not installed in the project environment, so strings are generated with a seeded
random.Random: civic-style fragments mixed with numbers, dates, codes, symbols, emoji, other
scripts and control characters.
"""

import random
import re
import unicodedata

import pytest

from tts_pipeline.reading import ReadingProfile, chunk, normalize, split_sentences
from tts_pipeline.reading.lexicon import VIET_LOWER, VIET_UPPER

ALLOWED = re.compile(rf"[a-zA-Z{VIET_LOWER}{VIET_UPPER} .,;:?!]*")

WORDS = re.findall(
    r"\S+",
    "Đảng ủy phường tổ chức hội nghị sơ kết ngày tháng năm quý lần thứ Điều khoản số Đại hội "
    "khóa thế kỷ Chương Mục UBND HĐND MTTQ TP. Q. P. GS.TS. ThS. CDC MC LIÊN BAN TUYÊN GIÁO "
    "V.I. Lênin COVID-19 Facebook Zalo 4.0 5G AI đường dây nóng gọi số hotline ĐT tỷ lệ từ đến "
    "và hoặc nam nữ km m2 ha kg °C % đồng VNĐ USD đ/c v.v. TW TƯ ĐU CA Ngày Tháng",
)
SYMBOLS = list("&+-–—/\\|*•▪·…«»\"“”‘’()[]{}<>=~^#@$€£¥§¶©®™°‰±×÷:;,.?!_'`") + ["->", "=>"]
EMOJI = ["🎉", "👍", "🇻🇳", "❤️", "✅", "🔥", "😀", "👨‍👩‍👧"]
ODD = [
    "\x00", "\x07", "\x1b", "\t", "\r", "\n", "\u200b", "\ufeff", "\u00ad", "\u2028",
    "\u202e", "\u0301", "\u0323", "٣", "۷", "５", "①", "Ⅻ", "½", "²", "³", "ﬁ", "Москва",
    "北京", "ß", "ñ", "ü", "Ø", "ı", "İ", "ǅ", "𝟓", "\U0001d7d8",
]  # fmt: skip


def _number(rng: random.Random) -> str:
    n = rng.randint(0, 10 ** rng.randint(1, 16))
    kind = rng.randint(0, 9)
    if kind == 0:
        return f"{n:,}".replace(",", ".")
    if kind == 1:
        return f"{n},{rng.randint(0, 999):0{rng.randint(1, 4)}d}"
    if kind == 2:
        return f"{rng.randint(0, 40)}/{rng.randint(0, 14)}/{rng.randint(1900, 2100)}"
    if kind == 3:
        return f"{rng.randint(0, 30)}h{rng.randint(0, 70):02d}"
    if kind == 4:
        return f"{rng.randint(1, 999)}-{rng.choice(['NQ/TW', 'KH/ĐU', 'CT/TƯ'])}"
    if kind == 5:
        return f"0{rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
    if kind == 6:
        return rng.choice(["I", "II", "IV", "XIII", "XXI", "L", "XC", "IIII"])
    if kind == 7:
        return f"-{n}"
    if kind == 8:
        return f"{rng.randint(0, 99)}{rng.choice(['km', 'm2', '%', 'đ', 'kg', '°C', 'ha'])}"
    return str(n)


def _fragment(rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.4:
        return rng.choice(WORDS)
    if pick < 0.65:
        return _number(rng)
    if pick < 0.8:
        return rng.choice(SYMBOLS)
    if pick < 0.88:
        return rng.choice(EMOJI)
    if pick < 0.95:
        return rng.choice(ODD)
    return chr(rng.randint(0x20, 0x2FFFF))


def _text(rng: random.Random) -> str:
    parts = [_fragment(rng) for _ in range(rng.randint(1, 25))]
    glue = rng.choice([" ", "", "  ", "\n", " - "])
    text = glue.join(parts) if rng.random() < 0.7 else "".join(p + rng.choice(" /") for p in parts)
    return unicodedata.normalize(rng.choice(["NFC", "NFD", "NFKD"]), text)


@pytest.mark.parametrize("seed", range(6))
def test_output_is_only_words_and_sentence_punctuation(seed: int) -> None:
    rng = random.Random(seed)
    profile = rng.choice([ReadingProfile(), ReadingProfile("ngàn", "lẻ", "mồng")])
    for _ in range(600):
        text = _text(rng)
        spoken = normalize(text, profile)
        assert ALLOWED.fullmatch(spoken), (text, spoken)
        assert not re.search(r"[0-9]", spoken), (text, spoken)
        assert spoken == spoken.strip() and "  " not in spoken, (text, spoken)
        assert unicodedata.is_normalized("NFC", spoken)


@pytest.mark.parametrize("seed", range(2))
def test_split_and_chunk_never_lose_text(seed: int) -> None:
    rng = random.Random(1000 + seed)
    for _ in range(300):
        text = _text(rng).replace("\n", " ")
        sentences = split_sentences(text)
        assert " ".join(sentences) == " ".join(unicodedata.normalize("NFC", text).split())
        for sentence in sentences:
            limit = rng.randint(20, 200)
            chunks = chunk(sentence, limit)
            assert " ".join(chunks) == sentence
            assert all(len(c) <= limit or " " not in c for c in chunks)
