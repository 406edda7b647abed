"""Tables are read row by row, each row once, as one paragraph in its place among the article's
paragraphs. Under a clear header (a first row of text, over at least two rows) a row is its
label, then each other cell after its column's header: 'Vùng I, Mức lương tối thiểu tháng:
5.310.000'; the header row itself is not read, each cell already carries it. A table without
a clear header is read as its cells joined by ", ". Table text is often set smaller than the
body, yet it is read, not dropped as small print.

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


def with_headers(rows: list[list[str]]) -> list[str]:
    """Data rows as a listener hears them under `rows[0]`: label, then 'header: cell'."""
    return [", ".join([row[0], *(f"{head}: {cell}" for head, cell in zip(rows[0][1:], row[1:],
                                                                          strict=True))])
            for row in rows[1:]]


def test_each_row_is_one_paragraph_with_its_cells_after_their_headers(tmp_path):
    """The header row is not read on its own: every cell it names is heard with it."""
    pdf = article_pdf(tmp_path / "lich.pdf", Paragraph(BEFORE, STYLES["body"]), table(ROWS),
                      Paragraph(AFTER, STYLES["body"]))
    assert heard(pdf) == [LEAD, BEFORE, *with_headers(ROWS), AFTER]


def test_a_cell_wrapped_over_several_lines_is_read_whole_in_its_row(tmp_path):
    pdf = article_pdf(tmp_path / "lich.pdf", table(ROWS))
    assert ("Thứ Hai 1/12, Người tiếp: Bí thư Đảng ủy, Nội dung: Trật tự đô thị, lấn chiếm vỉa "
            "hè và việc cấp phép xây dựng nhà ở riêng lẻ trong khu dân cư") in heard(pdf)


def test_a_table_that_ends_an_article_keeps_its_last_row(tmp_path):
    """A short last paragraph is dropped as the article's byline; a table row never is."""
    pdf = article_pdf(tmp_path / "lich.pdf", table(ROWS))
    assert heard(pdf)[-1] == ("Thứ Sáu 5/12, Người tiếp: Tổ tiếp công dân, "
                              "Nội dung: Các nội dung khác")


WAGES = [
    ["Vùng", "Mức lương tối thiểu tháng (Đơn vị: đồng/tháng)",
     "Mức lương tối thiểu giờ (Đơn vị: đồng/giờ)"],
    ["Vùng I", "5.310.000", "25.500"],
    ["Vùng II", "4.730.000", "22.700"],
    ["Vùng III", "4.140.000", "20.000"],
    ["Vùng IV", "3.700.000", "17.800"],
]
WAGES_HEARD = [
    "Vùng I, Mức lương tối thiểu tháng (Đơn vị: đồng/tháng): 5.310.000, "
    "Mức lương tối thiểu giờ (Đơn vị: đồng/giờ): 25.500",
    "Vùng II, Mức lương tối thiểu tháng: 4.730.000, Mức lương tối thiểu giờ: 22.700",
    "Vùng III, Mức lương tối thiểu tháng: 4.140.000, Mức lương tối thiểu giờ: 20.000",
    "Vùng IV, Mức lương tối thiểu tháng: 3.700.000, Mức lương tối thiểu giờ: 17.800",
]
INTRO = ("Quy định mức lương tối thiểu tháng và mức lương tối thiểu giờ đối với người lao động "
         "làm việc cho người sử dụng lao động theo vùng như sau:")


def grid(rows: list[list[str]], widths: list[float], *style: tuple, repeat: int = 0) -> Table:
    """A reportlab table in small print (header in bold), its cells wrapping in `widths`."""
    cells = [[Paragraph(text, HEAD if number == 0 else CELL) for text in row]
             for number, row in enumerate(rows)]
    table = Table(cells, colWidths=widths, repeatRows=repeat)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, grey), *style]))
    return table


@pytest.mark.parametrize("valign", ["TOP", "MIDDLE"])
def test_numbers_are_heard_after_their_headers_and_a_unit_note_once(tmp_path, valign):
    """Header cells wrap over two or three lines, and a unit note ends them: each header is
    joined whole; its note is said with the first value under it, not on every row. Set
    vertically centred (as the decree in tests/real prints it) the header cells start at
    different heights, yet they head the table, not the paragraph before it."""
    table = grid(WAGES, [22 * mm, 42 * mm, 42 * mm], ("VALIGN", (0, 0), (-1, -1), valign))
    pdf = article_pdf(tmp_path / "luong.pdf", Paragraph(INTRO, STYLES["body"]), table,
                      Paragraph(AFTER, STYLES["body"]))
    assert heard(pdf) == [LEAD, INTRO, *WAGES_HEARD, AFTER]


def test_a_header_wrapped_in_rows_set_without_padding_is_read_whole(tmp_path):
    """Without padding a header's second line stands as far below its first as the rows
    stand apart: a line whose every cell goes on in lower case belongs to the header."""
    rows = [["Đới phong hoá", "Lưu lượng nước chảy ra từ 10m đường hầm",
             "Trạng thái bề mặt khe nứt"],
            ["IB", "28 l/phút", "Nước áp lực nhỏ"], ["IIA", "0.3 l/phút", "Ẩm ướt"],
            ["IIB", "Không có nước chảy", "Khô ráo"]]
    table = grid(rows, [18 * mm, 42 * mm, 40 * mm], ("TOPPADDING", (0, 0), (-1, -1), 0),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), 0))
    pdf = article_pdf(tmp_path / "nuoc.pdf", Paragraph(BEFORE, STYLES["body"]), table)
    assert heard(pdf) == [LEAD, BEFORE, *with_headers(rows)]


def test_rows_of_symbols_in_lower_case_are_not_taken_for_a_wrapped_header(tmp_path):
    """A row whose cells start in lower case goes on from the header only with a word: a
    symbol ('b', 'h') starts a row of its own."""
    rows = [["Ký hiệu", "Ý nghĩa", "Đơn vị"], ["b", "bề rộng tiết diện", "mm"],
            ["h", "chiều cao tiết diện", "mm"], ["fc", "cường độ chịu nén", "MPa"]]
    table = grid(rows, [20 * mm, 50 * mm, 20 * mm], ("TOPPADDING", (0, 0), (-1, -1), 0),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), 0))
    pdf = article_pdf(tmp_path / "ky-hieu.pdf", Paragraph(BEFORE, STYLES["body"]), table)
    assert heard(pdf) == [LEAD, BEFORE, *with_headers(rows)]


def test_a_table_without_a_header_is_read_as_its_cells_joined_by_commas(tmp_path):
    """A first row of numbers is no header: every row is read as before."""
    table = grid(WAGES[1:], [22 * mm, 42 * mm, 42 * mm])
    pdf = article_pdf(tmp_path / "luong.pdf", Paragraph(INTRO, STYLES["body"]), table,
                      Paragraph(AFTER, STYLES["body"]))
    assert heard(pdf) == [LEAD, INTRO, *(", ".join(row) for row in WAGES[1:]), AFTER]


def test_a_sequence_number_and_a_cell_that_starts_with_its_header_are_read_plain(tmp_path):
    """'STT' numbers the rows: the number is read alone, then the row's label (the next
    column), as printed. A cell that already starts with its header ('Khu phố 3' under
    'Khu phố') is not prefixed, and a row that numbers the columns is not read."""
    rows = [["STT", "Họ và tên", "Chức vụ", "Khu phố"], ["(1)", "(2)", "(3)", "(4)"],
            ["1", "Nguyễn Văn An", "Tổ trưởng", "Khu phố 3"],
            ["2", "Trần Thị Bình", "Tổ phó", "Khu phố 5"],
            ["3", "Lê Minh Châu", "Thư ký", "Khu phố 3"]]
    table = grid(rows, [12 * mm, 38 * mm, 26 * mm, 26 * mm])
    pdf = article_pdf(tmp_path / "to.pdf", Paragraph(BEFORE, STYLES["body"]), table)
    assert heard(pdf) == [LEAD, BEFORE, "1, Nguyễn Văn An, Chức vụ: Tổ trưởng, Khu phố 3",
                          "2, Trần Thị Bình, Chức vụ: Tổ phó, Khu phố 5",
                          "3, Lê Minh Châu, Chức vụ: Thư ký, Khu phố 3"]


@pytest.mark.parametrize("count", [28, 100])
def test_a_header_printed_again_on_each_page_is_read_once(tmp_path, count):
    """A long table prints its header again at the top of each page: it is not read again,
    and the rows on later pages are heard with their headers. Printed at one height on three
    pages or more, the bold repeats are dropped as furniture first; the rows under them keep
    the header."""
    rows = [["Hộ gia đình", "Địa chỉ", "Số nhân khẩu"],
            *([f"Hộ ông Nguyễn Văn {number}", f"Số {number} đường Lê Lợi", str(number % 7 + 1)]
              for number in range(1, count + 1))]
    table = grid(rows, [40 * mm, 40 * mm, 26 * mm], repeat=1)
    pdf = article_pdf(tmp_path / "ho.pdf", Paragraph(BEFORE, STYLES["body"]), table)
    book, _ = extract(pdf)
    paragraphs = [p for chapter in book.chapters for p in chapter.paragraphs]
    assert paragraphs == [LEAD, BEFORE, *with_headers(rows)]


def test_the_wage_table_of_a_real_decree_is_heard_with_its_headers():
    """tests/real/01: the header's cells are centred in their row, so no two share a baseline;
    they were glued to the paragraph before ('… theo vùng như sau: Vùng Mức lương …')."""
    book, _ = extract(Path(__file__).parent / "real" / "01_nd-293-2025-luong-toithieu.pdf")
    article = next(chapter for chapter in book.chapters if chapter.title.startswith("Điều 3"))
    start = article.paragraphs.index(next(p for p in article.paragraphs if p.endswith(INTRO)))
    assert article.paragraphs[start + 1:start + 5] == WAGES_HEARD
    assert article.paragraphs[start] == f"1. {INTRO}"


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
