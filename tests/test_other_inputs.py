"""DOCX, TXT and Markdown bulletins give the same book folder shape as PDFs."""

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from tts_pipeline import pipeline
from tts_pipeline.book import read_book
from tts_pipeline.extract import ExtractError, extract

ARTICLES = [
    ("Hội nghị sơ kết công tác 10 tháng", ["Ngày 5-11-2025, Đảng ủy phường họp.",
                                            "Các chi bộ báo cáo kết quả."]),
    ("Chuyển đổi số ở tổ dân phố", ["Người dân dùng ứng dụng VNeID.", "Tổ công nghệ số hỗ trợ."]),
]


def test_docx_headings_become_chapters_and_tables_rows(tmp_path):
    document = docx.Document()
    document.core_properties.title = "Bản tin tháng 11"
    document.core_properties.author = "Ban Tuyên giáo"
    document.add_paragraph("Bản tin tháng 11", style="Title")
    for title, paragraphs in ARTICLES:
        document.add_heading(title, level=1)
        document.add_heading("Kết quả nổi bật", level=2)
        for text in paragraphs:
            document.add_paragraph(text)
        document.add_paragraph("NGUYỄN THU HƯƠNG").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate([("Chỉ tiêu", "Kết quả"), ("BHYT", "98,5%")]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    path = tmp_path / "ban-tin.docx"
    document.save(str(path))
    book, warnings = extract(path)
    assert (book.title, book.publisher, warnings) == ("Bản tin tháng 11", "Ban Tuyên giáo", [])
    assert [c.title for c in book.chapters] == [title for title, _ in ARTICLES]
    assert book.chapters[0].paragraphs == ["Kết quả nổi bật", *ARTICLES[0][1]]
    assert book.chapters[1].paragraphs[-2:] == ["Chỉ tiêu, Kết quả", "BHYT, 98,5%"]


def test_markdown_with_a_book_title_and_article_headings(tmp_path):
    text = "# Bản tin tháng 11\n\n" + "\n\n".join(
        f"## {title}\n\n" + "\n\n".join(f"- **{p}**" if i else p for i, p in enumerate(body))
        for title, body in ARTICLES
    )
    path = tmp_path / "ban-tin.md"
    path.write_text(text, encoding="utf-8")
    folder = pipeline.extract_to_folder(path, tmp_path / "out")
    book = read_book(folder)
    assert book.title == "Bản tin tháng 11"
    assert [(c.title, c.paragraphs) for c in book.chapters] == ARTICLES
    assert sorted(p.name for p in (folder / "chapters").iterdir()) == [
        "01-hoi-nghi-so-ket-cong-tac-10-thang.md", "02-chuyen-doi-so-o-to-dan-pho.md"]


def test_plain_text_with_hash_headings(tmp_path):
    path = tmp_path / "ban-tin.txt"
    path.write_text("\n\n".join(f"# {t}\n\n" + "\n\n".join(b) for t, b in ARTICLES),
                    encoding="utf-8")
    book, _ = extract(path)
    assert [(c.title, c.paragraphs) for c in book.chapters] == ARTICLES


@pytest.mark.parametrize("name, content, message", [
    ("ban-tin.txt", "ẩm".encode("utf-16"), "not UTF-8"),
    ("ban-tin.docx", b"not a zip", "not a readable Word document"),
    ("ban-tin.odt", b"PK", "not supported"),
    ("trong.md", b"\n\n  \n", "no text to read"),
])
def test_bad_documents_say_what_to_do(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ExtractError, match=message):
        extract(path)
