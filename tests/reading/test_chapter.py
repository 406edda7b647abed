"""read_chapter (the stage's entry point), explain, unknown_tokens and Pauses."""

import unicodedata

import pytest

from tts_pipeline.reading import (
    Lexicon,
    Pauses,
    ReadingProfile,
    Utterance,
    explain,
    read_chapter,
    unknown_tokens,
)

PAUSES = Pauses(title=1.0, sentence=0.5, paragraph=0.8, clause=0.25)


def test_title_then_sentences_with_their_pauses() -> None:
    utterances = read_chapter(
        "Tin hoạt động tháng 8",
        ["Ngày 5/8, Đảng ủy họp. UBND phường báo cáo.", "Hội nghị kết thúc lúc 11h."],
        pauses=PAUSES,
    )
    assert utterances == [
        Utterance("Tin hoạt động tháng 8", "Tin hoạt động tháng tám", 1.0),
        Utterance("Ngày 5/8, Đảng ủy họp.", "Ngày mùng năm tháng tám, Đảng ủy họp.", 0.5),
        Utterance("UBND phường báo cáo.", "ủy ban nhân dân phường báo cáo.", 0.8),
        Utterance("Hội nghị kết thúc lúc 11h.", "Hội nghị kết thúc lúc mười một giờ.", 0.8),
    ]


def test_long_sentence_chunks_get_clause_pauses() -> None:
    sentence = ", ".join(["các chi bộ tổ chức sinh hoạt chuyên đề theo kế hoạch"] * 8) + "."
    utterances = read_chapter("Tiêu đề", [sentence + " Câu cuối."], pauses=PAUSES)
    body = utterances[1:-1]
    assert len(body) > 1
    assert [u.pause_after for u in body] == [0.25] * (len(body) - 1) + [0.5]
    assert all(len(u.written) <= 200 for u in body)
    assert " ".join(u.written for u in body) == sentence
    assert utterances[-1] == Utterance("Câu cuối.", "Câu cuối.", 0.8)


def test_nfd_input_gives_nfc_output() -> None:
    title = unicodedata.normalize("NFD", "Bản tin Đảng bộ phường")
    paragraph = unicodedata.normalize("NFD", "Phường tổ chức hội nghị tổng kết năm 2024.")
    utterances = read_chapter(title, [paragraph])
    for u in utterances:
        assert unicodedata.is_normalized("NFC", u.written)
        assert unicodedata.is_normalized("NFC", u.spoken)
    assert utterances[0].written == "Bản tin Đảng bộ phường"
    assert utterances[1].spoken == (
        "Phường tổ chức hội nghị tổng kết năm hai nghìn không trăm hai mươi tư."
    )


def test_utterances_without_words_are_dropped() -> None:
    utterances = read_chapter("…", ["Câu một.", "🎉 🎉", "• – •", "Câu hai."], pauses=PAUSES)
    assert [u.written for u in utterances] == ["Câu một.", "Câu hai."]
    assert [u.pause_after for u in utterances] == [0.8, 0.8]


def test_empty_chapter() -> None:
    assert read_chapter("", []) == []


def test_default_pauses_and_scaling() -> None:
    pauses = Pauses()
    assert (pauses.title, pauses.sentence, pauses.paragraph, pauses.clause) == (1.2, 0.4, 0.9, 0.2)
    slower = pauses.scaled(1.5)
    assert slower.title == pytest.approx(1.8)
    assert slower.sentence == pytest.approx(0.6)
    assert slower.paragraph == pytest.approx(1.35)
    assert slower.clause == pytest.approx(0.3)
    assert pauses.title == 1.2  # frozen, unchanged
    assert read_chapter("Tiêu đề", ["Câu."], pauses=slower)[0].pause_after == pytest.approx(1.8)


def test_profile_and_lexicon_reach_every_utterance(tmp_path) -> None:
    user = tmp_path / "names.tsv"
    user.write_text("Phúc Xá\tPhúc Sá\n", encoding="utf-8")
    utterances = read_chapter(
        "Phường Phúc Xá",
        ["Có 1.000 hộ, ngày 5/8."],
        profile=ReadingProfile(thousand="ngàn", day_prefix="mồng"),
        lexicon=Lexicon.load(user),
    )
    assert [u.spoken for u in utterances] == [
        "Phường Phúc Sá",
        "Có một ngàn hộ, ngày mồng năm tháng tám.",
    ]


def test_explain() -> None:
    assert explain("Ngày 2/9. TP. Hà Nội có 30 phường.") == [
        ("Ngày 2/9.", "Ngày mùng hai tháng chín."),
        ("TP. Hà Nội có 30 phường.", "thành phố Hà Nội có ba mươi phường."),
    ]


def test_unknown_tokens() -> None:
    text = "Trung tâm CDC và UBND phường họp với Microsoft, MC Hà và đại diện WTO, CDC."
    assert unknown_tokens(text) == ["CDC", "MC", "WTO", "Microsoft"]


def test_unknown_tokens_respects_user_lexicon(tmp_path) -> None:
    user = tmp_path / "user.tsv"
    user.write_text(
        "CDC\ttrung tâm kiểm soát bệnh tật\nMicrosoft\tmai cờ rô sóp\n", encoding="utf-8"
    )
    text = "Trung tâm CDC dùng Microsoft."
    assert unknown_tokens(text, Lexicon.load(user)) == []


def test_lone_letters_are_not_unknown() -> None:
    assert unknown_tokens("Ông Trần Văn B và bà Lê Thị C, khu D.") == []


def test_known_words_are_not_unknown() -> None:
    assert unknown_tokens("BAN TUYÊN GIÁO ĐẢNG ỦY PHƯỜNG, UBND, HĐND, 15 hộ, Facebook.") == []
