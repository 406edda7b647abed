"""Sentence splitting and clause chunking of written text."""

import unicodedata

import pytest

from tts_pipeline.reading import chunk, split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Một câu. Câu hai! Câu ba? Câu bốn", ["Một câu.", "Câu hai!", "Câu ba?", "Câu bốn"]),
        (
            "TP. Hà Nội tổ chức hội nghị. Phường tham dự.",
            ["TP. Hà Nội tổ chức hội nghị.", "Phường tham dự."],
        ),
        (
            "GS.TS. Nguyễn Văn A phát biểu. Hội nghị kết thúc.",
            ["GS.TS. Nguyễn Văn A phát biểu.", "Hội nghị kết thúc."],
        ),
        ("ThS. Lê Văn B và PGS.TS. Trần C dự.", ["ThS. Lê Văn B và PGS.TS. Trần C dự."]),
        ("Tại Q.1, TP.HCM. Ngày mai họp.", ["Tại Q.1, TP.HCM.", "Ngày mai họp."]),
        ("Tại P. Phúc Xá, Q. Ba Đình.", ["Tại P. Phúc Xá, Q. Ba Đình."]),
        ("Theo V.I. Lênin, chính quyền là của dân.", ["Theo V.I. Lênin, chính quyền là của dân."]),
        (
            "Thu ngân sách đạt 13,5 tỷ đồng. Tăng 5,2%.",
            ["Thu ngân sách đạt 13,5 tỷ đồng.", "Tăng 5,2%."],
        ),
        (
            "Ngày 5.8.2025 khai mạc. Ngày 6.8 bế mạc.",
            ["Ngày 5.8.2025 khai mạc.", "Ngày 6.8 bế mạc."],
        ),
        ("1. Tổ chức hội nghị. Mời đại biểu.", ["1. Tổ chức hội nghị.", "Mời đại biểu."]),
        ("I. TÌNH HÌNH CHUNG\nII. NHIỆM VỤ", ["I. TÌNH HÌNH CHUNG", "II. NHIỆM VỤ"]),
        ("a. Về kinh tế. Tăng trưởng khá.", ["a. Về kinh tế.", "Tăng trưởng khá."]),
        ("Năm 2025. 15 hộ được hỗ trợ.", ["Năm 2025.", "15 hộ được hỗ trợ."]),
        ("Ông nói: “Tốt lắm!” Sau đó ra về.", ["Ông nói: “Tốt lắm!”", "Sau đó ra về."]),
        ("Đang cập nhật… Xin chờ.", ["Đang cập nhật…", "Xin chờ."]),
        ("văn nghệ, thể thao, v.v. Sau đó họp.", ["văn nghệ, thể thao, v.v.", "Sau đó họp."]),
        ("Hỏi gì? trả lời ngay.", ["Hỏi gì? trả lời ngay."]),
        ("Dòng một\nDòng hai\n\n  \nDòng ba", ["Dòng một", "Dòng hai", "Dòng ba"]),
        ("", []),
        ("   \n  ", []),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_split_sentences_is_nfc_and_collapses_spaces() -> None:
    text = unicodedata.normalize("NFD", "Hội   nghị thành công.  Phường   Phúc Xá.")
    assert split_sentences(text) == ["Hội nghị thành công.", "Phường Phúc Xá."]


def test_short_sentence_is_one_chunk() -> None:
    assert chunk("Hội nghị thành công tốt đẹp.") == ["Hội nghị thành công tốt đẹp."]
    assert chunk("   ") == []


def test_long_sentence_cut_at_clause_boundaries() -> None:
    sentence = (
        "Đảng ủy phường đã lãnh đạo toàn diện các mặt công tác, tập trung phát triển kinh tế, "
        "văn hóa, xã hội; bảo đảm quốc phòng, an ninh: giữ vững ổn định chính trị – trật tự "
        "an toàn xã hội trên địa bàn, nâng cao đời sống vật chất, tinh thần của nhân dân."
    )
    chunks = chunk(sentence, max_chars=80)
    assert len(chunks) > 1
    assert all(len(c) <= 80 for c in chunks)
    assert " ".join(chunks) == sentence
    assert all(c.endswith((",", ";", ":", "–", ".")) for c in chunks)


def test_decimal_commas_are_not_clause_boundaries() -> None:
    sentence = "Thu ngân sách đạt 13,5 tỷ đồng, tăng 12,5% so với cùng kỳ, vượt 2,3 tỷ đồng."
    chunks = chunk(sentence, max_chars=40)
    assert "13,5 tỷ đồng," in chunks[0]
    assert all(not c.startswith(("5", "3")) for c in chunks)
    assert " ".join(chunks) == sentence


def test_clause_longer_than_limit_is_cut_at_spaces() -> None:
    sentence = " ".join(["hội nghị"] * 60)
    chunks = chunk(sentence, max_chars=50)
    assert all(len(c) <= 50 for c in chunks)
    assert " ".join(chunks) == sentence


def test_default_limit_is_200() -> None:
    sentence = ", ".join(["tổ chức hội nghị sơ kết"] * 30) + "."
    chunks = chunk(sentence)
    assert all(len(c) <= 200 for c in chunks)
    assert len(chunks) >= 4
