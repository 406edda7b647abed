"""Abbreviations a document defines itself are read as the words they stand for."""

import subprocess
import sys
from pathlib import Path

from tts_pipeline.extract import extract
from tts_pipeline.reading import Lexicon, defined_abbreviations, normalize
from tts_pipeline.script import book_lexicon

REAL = Path(__file__).parents[1] / "real" / "05_ibst-tapchi-mo-hinh-du-bao-trc.pdf"


def test_letters_that_are_the_first_letters_of_the_words_before_define_an_abbreviation():
    found = defined_abbreviations([
        "Thúc đẩy khoa học và công nghệ (KH&CN), đổi mới sáng tạo (ĐMST) trong ngành.",
        "Hồ sơ nộp tại Trường Đại học Công nghệ Giao thông vận tải (ĐHCNGTVT) trước ngày 5.",
        "Cắt giảm thủ tục hành chính (TTHC) cho người dân.",
    ])
    assert found == {
        "KH&CN": "khoa học và công nghệ",
        "ĐMST": "đổi mới sáng tạo",
        "ĐHCNGTVT": "Đại học Công nghệ Giao thông vận tải",
        "TTHC": "thủ tục hành chính",
    }


def test_acronyms_that_do_not_match_the_words_before_are_not_guessed():
    found = defined_abbreviations([
        "Ứng dụng thực tại ảo (VR) và hệ thống quản lý tòa nhà (BMS).",
        "Tăng trưởng bình quân 6,5 % (GDP), theo số liệu (TCTK).",  # a number or a sign between
        "Kết quả (A) và (B) được so sánh.",
        "Đồng chí Nguyễn Văn An (NVA) phát biểu; (XY) ở đầu câu.",
    ])
    assert found == {"NVA": "Nguyễn Văn An"}


def test_the_first_definition_wins_and_a_book_lexicon_entry_wins_over_it(tmp_path):
    texts = ["Vật liệu xây dựng (VLXD) tăng giá.", "Vốn lưu động xã (VLXD) khác."]
    assert defined_abbreviations(texts) == {"VLXD": "Vật liệu xây dựng"}
    mine = tmp_path / "lexicon.tsv"
    mine.write_text("VLXD\tvật liệu\n", encoding="utf-8")
    assert normalize("Giá VLXD giảm.", lexicon=Lexicon.load(
        defined=defined_abbreviations(texts))) == "Giá Vật liệu xây dựng giảm."
    assert normalize("Giá VLXD giảm.", lexicon=Lexicon.load(
        mine, defined=defined_abbreviations(texts))) == "Giá vật liệu giảm."


def test_a_real_article_reads_its_own_abbreviation_in_later_chapters(tmp_path):
    book, _ = extract(REAL)
    lexicon = book_lexicon(None, book)
    later = [p for c in book.chapters[2:] for p in c.paragraphs if "BTHM" in p]
    assert later, "the article uses BTHM after defining it"
    for paragraph in later:
        spoken = normalize(paragraph, lexicon=lexicon)
        assert "bê tông hạt mịn" in spoken and "bê tê hát em mờ" not in spoken
    # the default reading, without the article's definition, spells it
    assert "bê tê hát em mờ" in normalize(later[0])


def test_read_on_a_book_folder_uses_the_abbreviations_the_book_defines(tmp_path):
    book = tmp_path / "book"
    (book / "chapters").mkdir(parents=True)
    (book / "book.toml").write_text(
        'title = "Thử"\n[[chapters]]\nfile = "chapters/01-a.md"\n'
        '[[chapters]]\nfile = "chapters/02-b.md"\n', encoding="utf-8")
    (book / "chapters" / "01-a.md").write_text(
        "# Mở đầu\n\nNgành vật liệu xây dựng (VLXD) phát triển.\n", encoding="utf-8")
    (book / "chapters" / "02-b.md").write_text("# Kết quả\n\nGiá VLXD ổn định.\n",
                                               encoding="utf-8")
    shown = subprocess.run([sys.executable, "-m", "tts_pipeline", "read", str(book)],
                           capture_output=True, text=True, check=True).stdout
    assert "→ Giá vật liệu xây dựng ổn định." in shown
    unknown = subprocess.run([sys.executable, "-m", "tts_pipeline", "read", "--unknown",
                              str(book)], capture_output=True, text=True, check=True).stdout
    assert "VLXD" not in unknown
