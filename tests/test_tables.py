"""Tables are read row by row: each row is one paragraph, its cells joined by ", " in column
order, the header row first, in its place among the article's paragraphs. Table text is often
set smaller than the body, yet it is read, not dropped as small print.

What is not a table: two columns of running text, and a bulleted list."""

from pathlib import Path

import pytest
from bulletin import FONT_FOLDER, PAGE, STYLES, register_fonts
from reportlab.lib.colors import grey
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    ListFlowable,
    ListItem,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from tts_pipeline.extract import extract

pytestmark = pytest.mark.skipif(not (FONT_FOLDER / "DejaVuSerif-Bold.ttf").is_file(),
                                reason="DejaVu fonts missing: apt-get install fonts-dejavu")

TITLE = "Lịch tiếp công dân tháng 12/2025"
LEAD = "Thường trực Đảng ủy phường thông báo lịch tiếp công dân trong tháng 12/2025."
BEFORE = ("Người dân có thể đến trụ sở phường vào các buổi sáng theo lịch dưới đây để phản ánh, "
          "kiến nghị những vấn đề liên quan đến đời sống ở khu dân cư.")
AFTER = "Ngoài lịch trên, người dân có thể gửi ý kiến qua hộp thư góp ý đặt tại trụ sở phường."
ROWS = [
    ["Ngày", "Người tiếp", "Nội dung"],
    ["Thứ Hai 1/12", "Bí thư Đảng ủy", "Trật tự đô thị, lấn chiếm vỉa hè và việc cấp phép "
                                       "xây dựng nhà ở riêng lẻ trong khu dân cư"],
    ["Thứ Tư 3/12", "Chủ tịch UBND", "Đất đai, xây dựng"],
    ["Thứ Sáu 5/12", "Tổ tiếp công dân", "Các nội dung khác"],
]
CELL = ParagraphStyle("cell", fontName="Serif", fontSize=8.5, leading=10.5)
HEAD = ParagraphStyle("head", parent=CELL, fontName="Serif-Bold")


@pytest.fixture(autouse=True)
def fonts():
    register_fonts()


def table(rows: list[list[str]]) -> Table:
    """A reportlab table in small print, with a grid, cells wrapping in fixed-width columns."""
    cells = [[Paragraph(text, HEAD if number == 0 else CELL) for text in row]
             for number, row in enumerate(rows)]
    grid = Table(cells, colWidths=[24 * mm, 28 * mm, 55 * mm])
    grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, grey),
                              ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return grid


def article_pdf(path: Path, *body) -> Path:
    SimpleDocTemplate(str(path), pagesize=PAGE, leftMargin=12 * mm, rightMargin=12 * mm,
                      invariant=1).build([Paragraph(TITLE, STYLES["title"]),
                                          Paragraph(LEAD, STYLES["lead"]), *body])
    return path


def heard(path: Path) -> list[str]:
    book, _ = extract(path)
    assert [chapter.title for chapter in book.chapters] == [TITLE]
    return book.chapters[0].paragraphs


def test_each_row_is_one_paragraph_with_its_cells_joined_by_commas(tmp_path):
    pdf = article_pdf(tmp_path / "lich.pdf", Paragraph(BEFORE, STYLES["body"]), table(ROWS),
                      Paragraph(AFTER, STYLES["body"]))
    assert heard(pdf) == [LEAD, BEFORE, *(", ".join(row) for row in ROWS), AFTER]


def test_a_cell_wrapped_over_several_lines_is_read_whole_in_its_row(tmp_path):
    pdf = article_pdf(tmp_path / "lich.pdf", table(ROWS))
    assert ("Thứ Hai 1/12, Bí thư Đảng ủy, Trật tự đô thị, lấn chiếm vỉa hè và việc cấp phép "
            "xây dựng nhà ở riêng lẻ trong khu dân cư") in heard(pdf)


def test_a_table_that_ends_an_article_keeps_its_last_row(tmp_path):
    """A short last paragraph is dropped as the article's byline; a table row never is."""
    pdf = article_pdf(tmp_path / "lich.pdf", table(ROWS))
    assert heard(pdf)[-1] == "Thứ Sáu 5/12, Tổ tiếp công dân, Các nội dung khác"


def test_two_columns_of_text_are_not_a_table(tmp_path):
    """Lines of the two columns share baselines, but pdfium gives one column after the other;
    a paragraph that runs on from the foot of the left column into the right one stays whole."""
    paragraphs = [f"Khu phố {number}: {BEFORE} {AFTER}" for number in range(1, 7)]
    width, height = PAGE[0] / 2 - 14 * mm, PAGE[1] - 30 * mm
    document = BaseDocTemplate(str(tmp_path / "hai-cot.pdf"), pagesize=PAGE, invariant=1)
    document.addPageTemplates(PageTemplate(frames=[
        Frame(12 * mm, 15 * mm, width, height), Frame(PAGE[0] / 2 + 2 * mm, 15 * mm, width, height),
    ]))
    document.build([Paragraph(TITLE, STYLES["title"]), Paragraph(LEAD, STYLES["lead"]),
                    *(Paragraph(text, STYLES["body"]) for text in paragraphs)])
    assert heard(tmp_path / "hai-cot.pdf") == [LEAD, *paragraphs]


def test_a_bulleted_list_is_not_a_table(tmp_path):
    """Bullet and item text sit apart on every line, like two aligned columns: they are read as
    list items."""
    items = ["Kiểm tra hệ thống điện định kỳ.", "Trang bị bình chữa cháy ở nơi dễ lấy.",
             "Không để xe máy chắn lối thoát nạn.", "Tắt bếp trước khi ra khỏi nhà."]
    bullets = ListFlowable([ListItem(Paragraph(item, STYLES["body"]), leftIndent=12)
                            for item in items], bulletType="bullet", start="•", leftIndent=12,
                           bulletFontName="Serif")
    pdf = article_pdf(tmp_path / "pccc.pdf", Paragraph(BEFORE, STYLES["body"]), bullets,
                      Paragraph(AFTER, STYLES["body"]))
    assert heard(pdf) == [LEAD, BEFORE, *items, AFTER]


def test_a_tables_caption_in_small_italics_is_read_as_a_paragraph_of_its_own(tmp_path):
    """Journals set 'Bảng 1. …' in small italics, like photo credits: a table's caption is
    read, on its own, neither dropped as small print nor run into the text after it; a
    small italic line that is no caption still goes."""
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    path = tmp_path / "bang.pdf"
    canvas = Canvas(str(path))
    rows = [("Serif-Bold", 16, "Nghiên cứu khối đá nền đập"),
            *[("Serif", 10, "Khối đá nền đập được phân loại theo hệ thống RMR và hệ "
                                  "thống Q trong nghiên cứu")] * 3,
            ("Serif-Italic", 8, "Bảng 1. Phân cấp chất lượng khối đá"),
            ("Serif", 10, "các chỉ tiêu được đánh giá tại hiện trường và trong phòng."),
            ("Serif-Italic", 8, "Ghi chú của người biên tập về nguồn số liệu"),
            ("Serif", 10, "Kết quả cho thấy khối đá có chất lượng tốt.")]
    y = 800
    for font, size, text in rows:
        y -= size * 1.8
        canvas.setFont(font, size)
        canvas.drawString(60, y, text)
    canvas.save()
    paragraphs = extract(path)[0].chapters[0].paragraphs
    assert "Bảng 1. Phân cấp chất lượng khối đá" in paragraphs
    assert not any("Ghi chú của người biên tập" in paragraph for paragraph in paragraphs)


def test_a_caption_over_two_lines_is_read_whole_and_one_that_lost_its_number_still_read(
        tmp_path):
    """A long caption wraps onto a second, centred line in the same small italics: that line
    is the caption's, read with it, not small print dropped. A caption whose number the text
    layer lost ('Bảng . …') is still a caption."""
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    path = tmp_path / "bang-hai-dong.pdf"
    canvas = Canvas(str(path))
    body = "Khối đá nền đập được phân loại theo hệ thống RMR và hệ thống Q trong nghiên cứu"
    rows = [("Serif-Bold", 16, "Nghiên cứu khối đá nền đập", None),
            *[("Serif", 10, body, None)] * 3,
            ("Serif-Italic", 8, "Bảng 1. Vận tốc gió cơ sở quy đổi từ giá trị áp lực gió", 300),
            ("Serif-Italic", 8, "theo bản đồ phân vùng áp lực gió", 300),
            ("Serif", 10, "Kết quả cho thấy khối đá có chất lượng tốt.", None),
            ("Serif-Italic", 8, "Bảng . Phân cấp kết cấu", 300),
            ("Serif-Italic", 8, "Ghi chú của người biên tập về nguồn số liệu", None),
            ("Serif", 10, "Các cấp kết cấu được chọn theo tiêu chuẩn hiện hành.", None)]
    y = 800
    for font, size, text, centre in rows:
        y -= size * 1.5 if centre else size * 1.8
        canvas.setFont(font, size)
        if centre:
            canvas.drawCentredString(centre, y, text)
        else:
            canvas.drawString(60, y, text)
    canvas.save()
    paragraphs = extract(path)[0].chapters[0].paragraphs
    assert ("Bảng 1. Vận tốc gió cơ sở quy đổi từ giá trị áp lực gió theo bản đồ phân vùng áp "
            "lực gió") in paragraphs
    assert "Bảng . Phân cấp kết cấu" in paragraphs
    assert not any("Ghi chú của người biên tập" in paragraph for paragraph in paragraphs)
