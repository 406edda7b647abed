"""The book folder is the contract with staff: plain files that round-trip exactly."""

import unicodedata

import pytest

from tts_pipeline.book import (
    Book,
    BookError,
    Chapter,
    assign_chapter_files,
    parse_chapter,
    read_book,
    slugify,
    write_book,
)


def test_slugify_folds_vietnamese_to_safe_ascii():
    assert slugify("Hội nghị Đảng ủy phường") == "hoi-nghi-dang-uy-phuong"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("ĐƯA NGHỊ QUYẾT 57-NQ/TW VÀO CUỘC SỐNG") == (
        "dua-nghi-quyet-57-nq-tw-vao-cuoc-song"
    )
    assert slugify("///...") == "untitled"
    assert len(slugify("Tiêu đề " * 100)) <= 48


def test_book_folder_round_trip(tmp_path):
    book = Book(
        title="Thông tin tuyên truyền – Số 11/2025",
        publisher="Ban Tuyên giáo",
        issue="Số 11/2025",
        date="2025-11",
        chapters=[
            Chapter("Hội nghị sơ kết", ["Đoạn một.", "Đoạn hai."]),
            Chapter("Chuyển đổi số", ["Một đoạn."], skip=True),
        ],
    )
    assign_chapter_files(book)
    write_book(book, tmp_path)
    again = read_book(tmp_path)
    assert again == book
    assert (tmp_path / "chapters" / "01-hoi-nghi-so-ket.md").read_text(encoding="utf-8") == (
        "# Hội nghị sơ kết\n\nĐoạn một.\n\nĐoạn hai.\n"
    )
    assert [chapter.title for chapter in again.spoken_chapters()] == ["Hội nghị sơ kết"]


def test_edited_chapter_file_is_read_as_nfc_paragraphs():
    nfd = unicodedata.normalize("NFD", "# Tiêu đề\n\nDòng một\nnối tiếp.\n\n\nĐoạn hai.\n")
    title, paragraphs = parse_chapter(nfd)
    assert title == "Tiêu đề"
    assert paragraphs == ["Dòng một nối tiếp.", "Đoạn hai."]
    assert all(p == unicodedata.normalize("NFC", p) for p in paragraphs)


def test_missing_or_broken_book_file_says_what_to_do(tmp_path):
    with pytest.raises(BookError, match="run `tts-pipeline extract`"):
        read_book(tmp_path)
    (tmp_path / "book.toml").write_text("title = [unclosed", encoding="utf-8")
    with pytest.raises(BookError, match="not valid TOML"):
        read_book(tmp_path)
