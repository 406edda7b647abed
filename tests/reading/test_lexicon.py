"""The built-in lexicon data and user lexicons that override it."""

import re
from pathlib import Path

import pytest

from tts_pipeline.reading import Lexicon, normalize
from tts_pipeline.reading.lexicon import DATA_DIR, is_syllable, read_tsv, spell


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_data_is_large_and_clean() -> None:
    abbreviations = read_tsv(DATA_DIR / "abbreviations.tsv")
    foreign = read_tsv(DATA_DIR / "foreign.tsv")
    assert len(abbreviations) >= 300
    assert len(foreign) >= 50
    for row in abbreviations + foreign + read_tsv(DATA_DIR / "units.tsv"):
        written, spoken = row[0], row[1]
        assert written and spoken, row
        assert not re.search(r"\d", spoken), f"digit in spoken form of {written}"
        assert "-" not in spoken, f"hyphen in spoken form of {written}"


def test_builtin_spoken_forms_are_vietnamese_syllables() -> None:
    lexicon = Lexicon.load()
    for written, spoken in lexicon.entries.items():
        for word in re.findall(r"\w+", spoken):
            assert is_syllable(word), f"{written!r} → {spoken!r}: {word!r}"


def test_duplicate_keys_absent_from_builtin_files() -> None:
    for name in ("abbreviations.tsv", "foreign.tsv", "units.tsv"):
        keys = [row[0] for row in read_tsv(DATA_DIR / name)]
        assert len(keys) == len(set(keys)), name


def test_user_entry_overrides_builtin(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "user.tsv",
        "# staff corrections\n"
        "TP\tthành phố trực thuộc trung ương\tnote ignored\n"
        "Nguyễn Văn A\tNguyễn Văn Ây\n"
        "\n"
        "UBND\tủy ban\n",
    )
    lexicon = Lexicon.load(user)
    assert normalize("TP Hà Nội", lexicon=lexicon) == "thành phố trực thuộc trung ương Hà Nội"
    assert normalize("UBND phường", lexicon=lexicon) == "ủy ban phường"
    assert normalize("Đồng chí Nguyễn Văn A.", lexicon=lexicon) == "Đồng chí Nguyễn Văn Ây."
    # built-ins the user did not touch still apply
    assert normalize("HĐND phường", lexicon=lexicon) == "hội đồng nhân dân phường"


def test_user_entries_beat_built_in_rules(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "user.tsv",
        "57-NQ/TW\tnăm mươi bảy của Bộ Chính trị\nCDC\txê đê xê\nQuý III\tquý thứ ba\n",
    )
    lexicon = Lexicon.load(user)
    assert normalize("Nghị quyết 57-NQ/TW", lexicon=lexicon) == (
        "Nghị quyết năm mươi bảy của Bộ Chính trị"
    )
    assert normalize("Trung tâm CDC", lexicon=lexicon) == "Trung tâm xê đê xê"
    assert normalize("Quý III năm nay", lexicon=lexicon) == "quý thứ ba năm nay"


def test_later_user_file_wins_and_missing_files_are_ignored(tmp_path: Path) -> None:
    first = _write(tmp_path / "a.tsv", "HTX\thợp tác xã một\n")
    second = _write(tmp_path / "b.tsv", "HTX\thợp tác xã hai\n")
    lexicon = Lexicon.load(first, tmp_path / "missing.tsv", second)
    assert normalize("HTX", lexicon=lexicon) == "hợp tác xã hai"


def test_user_file_with_bom_and_windows_line_ends(tmp_path: Path) -> None:
    user = tmp_path / "excel.tsv"
    user.write_bytes("\ufeffTP\tthủ phủ\r\nKP\tkhu phố mới\r\n".encode())
    lexicon = Lexicon.load(user)
    assert normalize("TP và KP", lexicon=lexicon) == "thủ phủ và khu phố mới"


def test_empty_lexicon_spells_acronyms() -> None:
    assert normalize("UBND", lexicon=Lexicon({})) == "u bê en nờ dê"


def test_case_sensitivity(tmp_path: Path) -> None:
    user = _write(tmp_path / "user.tsv", "ANH\tan nờ hát\nZoom\tdum\n")
    lexicon = Lexicon.load(user)
    # all-caps entries match only all-caps tokens
    assert normalize("ANH văn", lexicon=lexicon) == "an nờ hát văn"
    assert normalize("Anh văn", lexicon=lexicon) == "Anh văn"
    # other entries ignore case
    assert normalize("họp qua zoom và ZOOM", lexicon=lexicon) == "họp qua dum và dum"


def test_whole_tokens_only() -> None:
    assert normalize("UBNDX") == "u bê en nờ dê ích xì"
    assert normalize("Pháp") == "Pháp"  # not 'P.' + 'háp'
    assert normalize("Hotline") == "hót lai"


def test_lexicon_lookup() -> None:
    lexicon = Lexicon.load()
    assert lexicon.get("UBND") == "ủy ban nhân dân"
    assert lexicon.get("Ubnd") is None
    assert lexicon.get("FACEBOOK") == "phây búc"
    assert "GD&ĐT" in lexicon
    assert len(lexicon) > 500


def test_headings_keep_vietnamese_words_that_are_also_abbreviations() -> None:
    assert normalize("LỊCH CÔNG TÁC NGÀY THỨ TƯ") == "lịch công tác ngày thứ tư"
    assert normalize("Chỉ thị của TƯ") == "Chỉ thị của trung ương"
    assert normalize("Lực lượng CA phường") == "Lực lượng công an phường"


@pytest.mark.parametrize(
    ("token", "spoken"),
    [
        ("CDC", "xê dê xê"),
        ("MC", "em mờ xê"),
        ("HIV", "hát i vê"),
        ("WTO", "vê kép tê o"),
        ("FLZ", "ép e lờ dét"),
        ("QRJ", "quy e rờ giê"),
        ("ĐKY", "đê ca i dài"),
    ],
)
def test_spell(token: str, spoken: str) -> None:
    assert spell(token) == spoken
    assert normalize(token) == spoken


@pytest.mark.parametrize("word", ["BAN", "TUYÊN", "GIÁO", "CHI", "HOA", "LIÊN", "NGHIÊNG", "QUỐC"])
def test_capital_vietnamese_words_are_read_as_words(word: str) -> None:
    assert is_syllable(word)
    assert normalize(word) == word.lower()


@pytest.mark.parametrize("token", ["UBND", "CDC", "MC", "HTX", "TP", "NGHD", "ANTT"])
def test_acronym_shapes_are_not_syllables(token: str) -> None:
    assert not is_syllable(token)
