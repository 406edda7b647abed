"""Number reading helpers and the regional ReadingProfile options."""

import pytest

from tts_pipeline.reading import ReadingProfile, normalize
from tts_pipeline.reading.numbers import (
    read_day,
    read_decimal_part,
    read_digits,
    read_int,
    read_month,
    read_number,
    read_ordinal,
    roman_value,
)

SOUTHERN = ReadingProfile(thousand="ngàn", zero_tens="lẻ", day_prefix="mồng")


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "không"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (105, "một trăm linh năm"),
        (1000, "một nghìn"),
        (2025, "hai nghìn không trăm hai mươi lăm"),
        (3_007_000, "ba triệu không trăm linh bảy nghìn"),
        (1_000_000_000, "một tỷ"),
        (1_000_000_005, "một tỷ không trăm linh năm"),
        (2_000_000_000_000, "hai nghìn tỷ"),
        (-5, "âm năm"),
    ],
)
def test_read_int(n: int, words: str) -> None:
    assert read_int(n) == words


def test_helpers() -> None:
    assert read_digits("0912") == "không chín một hai"
    assert read_decimal_part("02") == "không hai"
    assert read_decimal_part("75") == "bảy mươi lăm"
    assert read_decimal_part("14159") == "một bốn một năm chín"
    assert read_number("1.250,5") == "một nghìn hai trăm năm mươi phẩy năm"
    assert read_number("4.0") == "bốn chấm không"
    assert read_number("1,250,000") == "một triệu hai trăm năm mươi nghìn"
    assert read_day(5) == "mùng năm"
    assert read_day(15) == "mười lăm"
    assert read_month(4) == "tư"
    assert read_month(1) == "một"
    assert read_ordinal(1) == "nhất"
    assert read_ordinal(4) == "tư"
    assert read_ordinal(7) == "bảy"


@pytest.mark.parametrize(
    ("roman", "value"),
    [("I", 1), ("IV", 4), ("IX", 9), ("XIII", 13), ("XIX", 19), ("XXI", 21), ("XL", 40)],
)
def test_roman_value(roman: str, value: int) -> None:
    assert roman_value(roman) == value


@pytest.mark.parametrize("token", ["", "IIII", "VV", "IL", "ABC", "MC"])
def test_not_roman(token: str) -> None:
    assert roman_value(token) is None


@pytest.mark.parametrize(
    ("written", "default", "southern"),
    [
        ("1000", "một nghìn", "một ngàn"),
        ("1.250.000", "một triệu hai trăm năm mươi nghìn", "một triệu hai trăm năm mươi ngàn"),
        ("101", "một trăm linh một", "một trăm lẻ một"),
        ("2005", "hai nghìn không trăm linh năm", "hai ngàn không trăm lẻ năm"),
        ("ngày 5/8", "ngày mùng năm tháng tám", "ngày mồng năm tháng tám"),
        ("ngày 10-10-2010", None, "ngày mồng mười tháng mười năm hai ngàn không trăm mười"),
        ("ngày 15/8", "ngày mười lăm tháng tám", "ngày mười lăm tháng tám"),
        ("12,5‰", "mười hai phẩy năm phần nghìn", "mười hai phẩy năm phần ngàn"),
    ],
)
def test_reading_profile(written: str, default: str | None, southern: str) -> None:
    if default is not None:
        assert normalize(written) == default
    assert normalize(written, SOUTHERN) == southern


def test_profile_options_are_independent() -> None:
    only_le = ReadingProfile(zero_tens="lẻ")
    assert normalize("1.105", only_le) == "một nghìn một trăm lẻ năm"
    only_mong = ReadingProfile(day_prefix="mồng")
    assert normalize("ngày 1/1/2025", only_mong) == (
        "ngày mồng một tháng một năm hai nghìn không trăm hai mươi lăm"
    )


@pytest.mark.parametrize(
    ("roman", "value"),
    [("MCMXCIX", 1999), ("MMXXV", 2025), ("xiv", 14), ("cccxlv", 345), ("XC", 90)],
)
def test_roman_value_beyond_ninety_nine_and_in_lower_case(roman: str, value: int) -> None:
    assert roman_value(roman) == value


@pytest.mark.parametrize("token", ["C", "cm", "CD", "MM"])
def test_hundreds_letters_alone_are_not_roman(token: str) -> None:
    assert roman_value(token) is None


@pytest.mark.parametrize(
    "text", ["Chủ tịch Xi phát biểu.", "Khoản vi phạm hành chính.", "Ông X nói.", "số v của"]
)
def test_words_that_look_roman_stay_words(text: str) -> None:
    assert not {"mười", "năm", "sáu", "một"} & set(normalize(text).split())


def test_digits_after_a_dot_keep_their_zeros() -> None:
    assert read_number("1.05") == "một chấm không năm"
    assert read_number("2.003") == "hai nghìn không trăm linh ba"
    assert read_number("3.1416") == "ba chấm một bốn một sáu"
