"""Real administrative documents (Decree 30/2020/NĐ-CP format) are read as a listener wants:
the letterhead once, the document's title, its Điều or numbered sections as chapters, never
the recipients, signature or stamps; and the defects real PDFs showed stay fixed.

The real files are in ../shared/corpus/real-dev (see its SOURCES.md); a missing file is a
failure, not a skip. Small reportlab files isolate what no real file here can.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import docx
import pytest
from reportlab.pdfgen.canvas import Canvas

from tts_pipeline.book import Book
from tts_pipeline.extract import extract
from tts_pipeline.extract.admin import closing_lines, document_head, structure
from tts_pipeline.extract.chapters import OPENING_TITLE
from tts_pipeline.extract.layout import Block, analyse, clean_text, join_lines
from tts_pipeline.extract.pdf import Line, read_pdf
from tts_pipeline.extract.plain import read_plain

REAL_DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real-dev"
FONT_FOLDER = Path("/usr/share/fonts/truetype/dejavu")
RESOLUTION_TITLE = (
    "NGHỊ QUYẾT QUY ĐỊNH MỨC THU, CHẾ ĐỘ THU, NỘP, QUẢN LÝ VÀ SỬ DỤNG LỆ PHÍ CẤP GIẤY PHÉP LAO "
    "ĐỘNG CHO NGƯỜI NƯỚC NGOÀI LÀM VIỆC TRÊN ĐỊA BÀN TỈNH CAO BẰNG")
DECISION_TITLE = (
    "QUYẾT ĐỊNH Về việc phê duyệt đồ án Điều chỉnh cục bộ Quy hoạch chi tiết khu vực Bắc Cổ "
    "Nhuế - Chèm, tỷ lệ 1/500 tại các ô đất quy hoạch ký hiệu K4/CQ2 và K7/CQ3")


def real(number: str) -> Path:
    """A real-dev PDF by its number; fails when the shared corpus is not there."""
    found = sorted(REAL_DEV.glob(f"{number}_*.pdf"))
    assert found, f"{REAL_DEV}/{number}_*.pdf is missing: the shared corpus is needed"
    return found[0]


@cache
def book_of(number: str) -> Book:
    return extract(real(number))[0]


def heard(book: Book) -> str:
    """Everything read aloud: titles and paragraphs of the chapters not skipped."""
    return " ".join(text for chapter in book.spoken_chapters()
                    for text in [chapter.title, *chapter.paragraphs])


def test_resolution_is_letterhead_title_preamble_and_articles():
    book = book_of("02")
    assert [chapter.title for chapter in book.chapters] == [
        OPENING_TITLE, RESOLUTION_TITLE, "Điều 1", "Điều 2", "Điều 3", "Điều 4"]
    letterhead, opening = book.chapters[0].paragraphs, book.chapters[1].paragraphs
    assert "Số: 33/2022/NQ-HĐND Cao Bằng, ngày 15 tháng 7 năm 2022" in letterhead
    assert opening[:2] == ["HỘI ĐỒNG NHÂN DÂN TỈNH CAO BẰNG KHÓA XVII KỲ HỌP THỨ 8",
                           "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; "
                           "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật "
                           "Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;"]
    assert opening[-1] == "QUYẾT NGHỊ:"
    assert heard(book).count("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 1  # read once


def test_the_letterhead_is_a_chapter_a_listener_can_skip():
    book = book_of("05")
    assert book.chapters[0].title == OPENING_TITLE and not book.chapters[0].skip
    book.chapters[0].skip = True
    assert "Độc lập - Tự do - Hạnh phúc" not in heard(book)
    assert heard(book).startswith(DECISION_TITLE)
    book.chapters[0].skip = False


def test_decision_title_and_articles_are_its_chapters():
    book = book_of("05")
    assert [chapter.title for chapter in book.chapters] == [
        OPENING_TITLE, DECISION_TITLE, "Điều 1", "Điều 2. Tổ chức thực hiện:",
        "Điều 3. Quyết định này có hiệu lực thực hiện kể từ ngày ký."]
    assert book.chapters[1].paragraphs[-1] == "QUYẾT ĐỊNH"  # the enacting word is no byline


@pytest.mark.parametrize("number, closing", [
    ("02", ["Nơi nhận", "Ủy ban Thường vụ Quốc hội;", "Lưu: VT.", "CHỦ TỊCH", "Triệu Đình Lê"]),
    ("05", ["Nơi nhận", "Các PCT UBND TP", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
            "Dương Đức Tuấn", "Signature Not Verified"]),
])
def test_recipients_signature_and_stamps_are_not_read(number, closing):
    text = heard(book_of(number))
    assert [words for words in closing if words in text] == []
    assert text.endswith(("thi hành kể từ ngày 25 tháng 7 năm 2022./.",
                          "chịu trách nhiệm thi hành Quyết định này./."))


def test_structure_is_found_in_lines_without_type_styles():
    """OCR gives no bold or italics: the head, the closing and the articles are found from
    the words and their places alone."""
    pdf = read_pdf(real("02"))
    plain = dataclasses.replace(pdf, lines=[dataclasses.replace(line, bold=False, italic=False)
                                            for line in pdf.lines])

    def titles(document):
        head = document_head(document.lines)
        blocks, _ = analyse(document, head, closing_lines(document.lines))
        return [block.text for block in structure(blocks, head is not None)
                if block.kind == "title"]

    assert titles(plain) == titles(pdf) == [RESOLUTION_TITLE, "Điều 1", "Điều 2", "Điều 3",
                                            "Điều 4"]
    assert closing_lines(plain.lines) == closing_lines(pdf.lines)


def test_numbered_sections_of_a_plan_are_chapters():
    """A strategy without a letterhead: bold '1 GIỚI THIỆU' headings at body size, numbered in
    order, and its appendix ('PHỤ LỤC'), are the chapters; a wrapped heading stays whole."""
    titles = [chapter.title for chapter in book_of("14").chapters]
    assert titles[:6] == ["1 GIỚI THIỆU", "2 QUAN ĐIỂM XÂY DỰNG CHIẾN LƯỢC",
                          "3 MỤC TIÊU PHÁT TRIỂN KH&CN", "4 ĐỊNH HƯỚNG CÁC NHIỆM VỤ CHỦ YẾU",
                          "5 GIẢI PHÁP THỰC HIỆN", "6 TỔ CHỨC THỰC HIỆN"]
    assert titles[6].startswith("PHỤ LỤC")


def test_sections_inside_a_table_are_chapters():
    titles = [chapter.title for chapter in book_of("12").chapters]
    assert [title[:4] for title in titles if title[:3] in ("I. ", "II.", "III")] == [
        "I. V", "II. ", "III."]


def test_a_first_page_of_italic_preamble_is_not_a_cover():
    for number, preamble in [("02", "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;"),
                             ("05", "Căn cứ Luật Thủ đô ngày 28/6/2024;")]:
        assert preamble in book_of(number).chapters[1].paragraphs


def test_text_repeated_from_the_title_is_not_a_pull_quote():
    """Điều 1 restates the resolution's subject, and a plot's name repeats the sentence
    before it: each is the only copy of what it says, and is read."""
    assert book_of("02").chapters[2].paragraphs[0].startswith(
        "Quy định mức thu, chế độ thu, nộp, quản lý và sử dụng lệ phí cấp giấy phép lao động")
    assert "Ô đất quy hoạch ký hiệu K4/CQ2:" in book_of("05").chapters[2].paragraphs


def test_codes_keep_their_hyphen_at_a_line_end():
    assert "Nghị định số 39/2010/NĐ-CP ngày 07/4/2010" in heard(book_of("05"))
    assert join_lines("Nghị định 78/2011/NĐ\x02", "CP ngày") == "Nghị định 78/2011/NĐ-CP ngày"
    assert join_lines("hiện\x02", "đại") == "hiệnđại"  # a broken word still joins


def test_words_glued_at_a_line_join_are_parted():
    assert clean_text("Văn phòngThống kê") == "Văn phòng Thống kê"
    assert clean_text("Xem YouTube, ThS. Lê và TikTok") == "Xem YouTube, ThS. Lê và TikTok"


def test_a_footnote_mark_does_not_split_a_paragraph():
    paragraphs = [p for chapter in book_of("14").chapters for p in chapter.paragraphs]
    assert any("sức cạnh tranh của nền kinh tế" in p and "Đảng và Nhà nước ta luôn" in p
               for p in paragraphs)


def test_publisher_is_the_letterhead_never_a_typist_or_a_program(tmp_path):
    assert book_of("02").publisher == "HỘI ĐỒNG NHÂN DÂN TỈNH CAO BẰNG"  # Author: a typist
    assert book_of("05").publisher == "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"
    assert book_of("14").publisher == ""  # Author: 'Vinaghost.Com', no letterhead
    document = docx.Document()
    document.add_heading("Tin tức", level=1)
    document.add_paragraph("Nội dung bản tin tháng này.")
    plain = tmp_path / "tin.docx"
    document.save(str(plain))  # python-docx names itself the author
    assert docx.Document(str(plain)).core_properties.author == "python-docx"
    assert extract(plain)[0].publisher == ""
    letterhead = docx.Document()
    table = letterhead.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "ĐẢNG ỦY PHƯỜNG ĐÔNG HỒ\nBAN TUYÊN GIÁO"
    table.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    letterhead.add_paragraph("THÔNG BÁO")
    letterhead.add_heading("Lịch sinh hoạt chi bộ", level=1)
    letterhead.add_paragraph("Các chi bộ sinh hoạt vào ngày 5 hằng tháng.")
    issued = tmp_path / "thong-bao.docx"
    letterhead.save(str(issued))
    assert extract(issued)[0].publisher == "ĐẢNG ỦY PHƯỜNG ĐÔNG HỒ BAN TUYÊN GIÁO"


def test_the_book_title_is_the_documents_own_not_its_metadata():
    """The decision's PDF Title is a stale TCVN3 string naming another office."""
    assert read_pdf(real("05")).metadata["Title"] == "Së V¨n hãa vµ Th«ng tin Hµ Néi"
    assert book_of("05").title == DECISION_TITLE


def test_a_legacy_metadata_title_is_converted_in_a_unicode_file(tmp_path):
    path = tmp_path / "tin.pdf"
    canvas = Canvas(str(path))
    canvas.setTitle("Së V¨n hãa vµ Th«ng tin Hµ Néi")
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 720, "Ban tin so 1 gom nhieu tin ngan ve hoat dong cua phuong.")
    canvas.save()
    assert extract(path)[0].title == "Sở Văn hóa và Thông tin Hà Nội"


def _scaled_bulletin(path: Path) -> Path:
    """Two articles drawn as InDesign does: font size 1 in a scaled canvas (titles ×18, body
    ×10), so that only the matrix says how big the letters are."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT_FOLDER / "DejaVuSans.ttf")))
    canvas = Canvas(str(path))
    body = [(10, f"Dòng thứ {n} của bài viết kể về kết quả nổi bật trong tháng vừa qua.")
            for n in range(12)]
    for title in ("Hội nghị sơ kết công tác năm", "Ra quân chuyển đổi số ở khu dân cư"):
        y = 760
        for scale, text in [(18, title), *body]:
            canvas.saveState()
            canvas.translate(60, y)
            canvas.scale(scale, scale)
            canvas.setFont("DejaVuSans", 1)
            canvas.drawString(0, 0, text)
            canvas.restoreState()
            y -= scale * 1.4
        canvas.showPage()
    canvas.save()
    return path


def test_font_size_set_in_the_text_matrix_is_the_size_a_reader_sees(tmp_path):
    path = _scaled_bulletin(tmp_path / "scaled.pdf")
    sizes = sorted({round(line.size) for line in read_pdf(path).lines})
    assert sizes == [10, 18]
    book, _ = extract(path)
    assert [chapter.title for chapter in book.chapters] == [
        "Hội nghị sơ kết công tác năm", "Ra quân chuyển đổi số ở khu dân cư"]
    assert all(len(chapter.paragraphs) == 1 for chapter in book.chapters)


def test_plain_text_numbered_articles_are_not_a_document_structure(tmp_path):
    """Structure is for PDFs and DOCX with a letterhead; a Markdown file keeps its headings."""
    path = tmp_path / "tin.md"
    path.write_text("# Tin 1\n\n1. Mục một\n\n2. Mục hai\n\n# Tin 2\n\nNội dung.\n", "utf-8")
    _, blocks = read_plain(path)
    assert structure(blocks, administrative=False) == blocks


def test_a_table_header_printed_on_every_page_is_read_once():
    """The strategy's 20-page appendix table repeats its bold header row atop each page."""
    text = heard(book_of("14"))
    assert text.count("2021- 2025 2026 - 2030") == 1
    assert text.count("Kế hoạch thực hiện") == 1


def test_a_table_in_smaller_type_is_read_not_dropped_as_small_print():
    """The decision's land-use table is set a size below the body, as footnotes are; its
    cells stand at many places across the page, a footnote's lines at one."""
    text = heard(book_of("05"))
    assert "Đất cơ quan, viện nghiên cứu, trường đào tạo" in text
    assert "CQ2 18.229 4.033 22,1" in text
    footnote = "Báo cáo chính trị của BCH TW Đảng khóa XII tại ĐH đại biểu toàn quốc"
    assert footnote not in heard(book_of("14"))


DECISION_LINES = [  # (x, text) of a decision typed in one regular font, as OCR gives it
    (60, "ỦY BAN NHÂN DÂN"), (300, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    (60, "PHƯỜNG ĐÔNG HỒ"), (300, "Độc lập - Tự do - Hạnh phúc"),
    (60, "Số: 12/QĐ-UBND"), (300, "Đông Hồ, ngày 3 tháng 11 năm 2025"),
    (250, "QUYẾT ĐỊNH"), (150, "Ban hành quy chế tổ chức hoạt động của tổ dân phố"),
    (60, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
    (250, "QUYẾT ĐỊNH:"), (230, "Chương I"), (200, "NHỮNG QUY ĐỊNH CHUNG"),
    (60, "Điều 1. Phạm vi điều chỉnh"), (60, "Quy chế này quy định việc tổ chức hoạt động."),
    (60, "Điều 2. Đối tượng áp dụng"), (60, "Quy chế này áp dụng với các tổ dân phố."),
    (230, "Chương II"), (200, "TỔ CHỨC THỰC HIỆN"),
    (60, "Điều 3. Hiệu lực thi hành"), (60, "Quyết định này có hiệu lực kể từ ngày ký./."),
    (60, "Nơi nhận:"), (330, "KT. CHỦ TỊCH"), (60, "- Như Điều 3;"), (330, "PHÓ CHỦ TỊCH"),
    (60, "- Lưu: VT."), (330, "Nguyễn Văn An"),
    (250, "PHỤ LỤC"), (150, "DANH MỤC CÁC TỔ DÂN PHỐ"),
    (60, "Tổ dân phố số 1 gồm các hộ ở khu phố Đông."),
]


def test_chapter_names_and_an_appendix_after_the_signature(tmp_path):
    """'Chương I' with its name on the next line is one title; the appendix printed below the
    signature on the same page is read; the recipients and signer are not, with no bold or
    italics anywhere to help."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT_FOLDER / "DejaVuSans.ttf")))
    path = tmp_path / "qd.pdf"
    canvas = Canvas(str(path))
    canvas.setFont("DejaVuSans", 11)
    y = 800
    for x, text in DECISION_LINES:
        canvas.drawString(x, y, text)
        y -= 0 if x == 60 and text.isupper() and len(text) < 20 else 22
    canvas.save()
    book, _ = extract(path)
    assert [chapter.title for chapter in book.chapters] == [
        OPENING_TITLE, "QUYẾT ĐỊNH Ban hành quy chế tổ chức hoạt động của tổ dân phố",
        "Chương I NHỮNG QUY ĐỊNH CHUNG", "Chương II TỔ CHỨC THỰC HIỆN",
        "PHỤ LỤC DANH MỤC CÁC TỔ DÂN PHỐ"]
    assert book.publisher == "ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HỒ"
    text = heard(book)
    assert "Điều 2. Đối tượng áp dụng" in text and "khu phố Đông" in text
    assert [words for words in ("Nơi nhận", "Lưu: VT", "KT. CHỦ TỊCH", "Nguyễn Văn An")
            if words in text] == []


def test_a_wrapped_table_cell_is_one_paragraph():
    """The list of legal documents is one 7-column table: each cell's lines, wrapped in its
    narrow column, are read together."""
    paragraphs = [p for chapter in book_of("12").chapters for p in chapter.paragraphs]
    assert "Hiệu lực thi hành ngày 05/7/2014" in paragraphs
    assert "Hiệu lực thi" not in paragraphs and "hành ngày" not in paragraphs


def test_symbol_font_signs_and_look_alike_letters_become_unicode():
    """Word's Symbol font reaches the text layer as private-use codes; some Arial subsets give
    Ư as the look-alike Ƣ ('CƢỜNG'); tall-bracket pieces are dropped."""
    assert clean_text("\uf061 = 30\uf0b0, \uf073 \uf0a3 5 \uf0e6x\uf0f6") == "α = 30°, σ ≤ 5 x"
    assert clean_text("CƢỜNG ĐỘ cƣờng độ") == "CƯỜNG ĐỘ cường độ"


def test_numbered_sections_of_an_article_under_its_own_title(tmp_path):
    """A journal article: one title by size, sections '1. …' in bold at body size, and a
    displayed equation whose big brackets are no title."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in ("DejaVuSans", "DejaVuSans-Bold"):
        pdfmetrics.registerFont(TTFont(name, str(FONT_FOLDER / f"{name}.ttf")))
    path = tmp_path / "bai-bao.pdf"
    canvas = Canvas(str(path))
    y = 800
    body = "Dòng {} của phần {} trình bày kết quả nghiên cứu về vật liệu xây dựng mới."
    lines = [("DejaVuSans-Bold", 16, "MÔ HÌNH DỰ BÁO CƯỜNG ĐỘ BÊ TÔNG"),
             *[("DejaVuSans", 10, "Tóm tắt: bài báo đề xuất một mô hình dự báo cường độ "
                                  "chịu nén của mẫu bê tông gia cường.")] * 3]
    for number, name in enumerate(("Giới thiệu", "Phương pháp", "Kết luận"), start=1):
        lines += [("DejaVuSans-Bold", 10, f"{number}. {name}"),
                  *[("DejaVuSans", 10, body.format(line, number)) for line in range(3)]]
    lines.insert(7, ("DejaVuSans", 24, "[ ] [ ( ) 1]"))
    for font, size, text in lines:
        y -= size * 1.6
        canvas.setFont(font, size)
        canvas.drawString(60, y, text)
    canvas.save()
    titles = [chapter.title for chapter in extract(path)[0].chapters]
    assert titles == ["MÔ HÌNH DỰ BÁO CƯỜNG ĐỘ BÊ TÔNG", "1. Giới thiệu", "2. Phương pháp",
                      "3. Kết luận"]


def test_a_section_number_misread_by_ocr_keeps_the_structure():
    """OCR of the directive (real-dev 07) reads 'III. TỔ CHỨC THỰC HIỆN' as 'II. …': the
    sections stay the chapters; list items that restart at 1 are still no structure."""
    def blocks(texts):
        return [Block("paragraph", text, 0) for text in texts]

    sections = blocks(["I. MỤC TIÊU, YÊU CẦU", "Nội dung.", "II. NỘI DUNG", "Nội dung.",
                       "II. TỔ CHỨC THỰC HIỆN", "Nội dung.", "IV. NGUỒN LỰC", "Nội dung."])
    assert [block.text for block in structure(sections, True) if block.kind == "title"] == [
        "I. MỤC TIÊU, YÊU CẦU", "II. NỘI DUNG", "II. TỔ CHỨC THỰC HIỆN", "IV. NGUỒN LỰC"]
    items = blocks(["1. MỘT", "Nội dung.", "1. HAI", "Nội dung."])
    assert structure(items, True) == items


def test_an_official_letter_is_titled_by_its_subject(tmp_path):
    """A letter (công văn) has no type line: its subject ('V/v …') is its title, and its
    head ends above the body, though the body's lines carry dates too."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT_FOLDER / "DejaVuSans.ttf")))
    path = tmp_path / "cv.pdf"
    canvas = Canvas(str(path))
    canvas.setFont("DejaVuSans", 11)
    rows = [("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("PHƯỜNG ĐÔNG HỒ", "Độc lập - Tự do - Hạnh phúc"),
            ("Số: 5/UBND-VP", "Đông Hồ, ngày 3 tháng 11 năm 2025"),
            ("V/v tổ chức ngày hội đại đoàn kết", ""),
            ("Kính gửi: Các tổ dân phố trên địa bàn phường.", ""),
            ("Thực hiện kế hoạch ngày 1 tháng 10 năm 2025 của Đảng ủy phường, Ủy ban nhân", ""),
            ("dân phường đề nghị các tổ dân phố tổ chức ngày hội trước ngày 18 tháng 11.", "")]
    y = 800
    for left, right in rows:
        canvas.drawString(60, y, left)
        canvas.drawString(300, y, right)
        y -= 22
    canvas.save()
    book, _ = extract(path)
    assert [chapter.title for chapter in book.chapters] == [
        OPENING_TITLE, "V/v tổ chức ngày hội đại đoàn kết"]
    assert book.chapters[1].paragraphs[0] == "Kính gửi: Các tổ dân phố trên địa bàn phường."
    assert book.publisher == "ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HỒ"


def test_pieces_of_a_word_written_apart_are_joined_without_a_space():
    """Word wrote some cells of the list as one text object per few letters ('Thông tư s' +
    'ố'), each a line of its own to pypdfium2: touching pieces make one word."""
    text = heard(book_of("12"))
    assert "Thông tư số 09/2017/TT-BTC ngày 06/02/2017 về Quy chuẩn kỹ thuật quốc gia" in text
    assert "Thông tư s ố" not in text


HELD_OUT = Path(__file__).parent / "real"


def held_out(number: str) -> Path:
    """A held-out real PDF of tests/real by its number (see its SOURCES.md)."""
    found = sorted(HELD_OUT.glob(f"{number}_*.pdf"))
    assert found, f"{HELD_OUT}/{number}_*.pdf is missing"
    return found[0]


def test_numbered_headings_set_like_the_text_are_known_by_their_shape():
    """A Word annex sets its provinces '1. Thành phố Hà Nội' in the body's own style: short
    numbered lines without a sentence's end, each over text of its own, are its chapters;
    the bold 'Phụ lục' that opens it is the first."""
    def blocks(texts, bold=()):
        return [Block("paragraph", text, 0, text in bold) for text in texts]

    annex = "Phụ lục DANH MỤC ĐỊA BÀN ÁP DỤNG MỨC LƯƠNG TỐI THIỂU"
    document = blocks([annex, "(Kèm theo Nghị định số 293/2025/NĐ-CP)", "1. Thành phố Hà Nội",
                       "- Vùng I, gồm các phường Hoàn Kiếm, Cửa Nam.", "2. Tỉnh Cao Bằng",
                       "- Vùng III, gồm các phường Thục Phán.", "3. Tỉnh Tuyên Quang",
                       "- Vùng IV, gồm các xã, phường còn lại."], bold=[annex])
    assert [block.text for block in structure(document, False) if block.kind == "title"] == [
        annex, "1. Thành phố Hà Nội", "2. Tỉnh Cao Bằng", "3. Tỉnh Tuyên Quang"]
    listed = blocks(["Kính gửi các sở:", "1. Sở Tư pháp", "2. Sở Tài chính", "3. Sở Nội vụ",
                     "Đề nghị các sở thực hiện."])  # a list of short items: no structure
    assert structure(listed, False) == listed
    sentences = blocks(["1. Tăng cường kiểm tra;", "Nội dung.", "2. Báo cáo kết quả;",
                        "Nội dung.", "3. Tổng hợp ý kiến;", "Nội dung."])
    assert structure(sentences, False) == sentences
    two = blocks(["1. Mục một", "Nội dung.", "2. Mục hai", "Nội dung."])
    assert structure(two, False) == two


def test_a_real_annex_is_chaptered_by_its_plain_numbered_provinces():
    """Held-out 02 (the annex of decree 293/2025): 34 provinces at body size and weight."""
    titles = [chapter.title for chapter in extract(held_out("02"))[0].chapters]
    assert len(titles) == 35 and titles[0].startswith("Phụ lục DANH MỤC")
    assert titles[1] == "1. Thành phố Hà Nội" and titles[-1] == "34. Tỉnh Cà Mau"


def test_a_letters_subject_typed_ve_under_its_number_is_its_title():
    """Some letters type their subject 'Về …' without 'V/v' (real-dev 09, read by OCR): under
    the number and date it is the title; 'Về' in the letterhead above them is not."""
    def line(text, x0, baseline):
        return Line(0, text, 13.0, False, False, x0, x0 + 200, baseline, 842.0)

    rows = [("SỞ TƯ PHÁP", 100, 80), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 80),
            ("Độc lập - Tự do - Hạnh phúc", 320, 95), ("Số: 687/STP-VB", 100, 130),
            ("Thành phố Hồ Chí Minh, ngày 5 tháng 3 năm 2021", 300, 130),
            ("Về Chương trình hỗ trợ pháp lý", 100, 150), ("cho doanh nghiệp nhỏ và vừa", 100, 164),
            ("Kính gửi: Các sở, ban, ngành", 220, 200)]
    lines = [line(*row) for row in rows]
    head = document_head(lines)
    assert head is not None and head.title == [5, 6]
    assert head.letterhead == [0, 1, 2, 3, 4]


def test_parts_of_an_appendix_after_the_body_do_not_replace_its_chapters():
    """A circular's Chương I–II come before its PHỤ LỤC, whose Phần I–II are the appendix's
    own: the body's Chương stay the chapters (held-out 03)."""
    texts = ["Chương I QUY ĐỊNH CHUNG", "Nội dung.", "Chương II HỢP ĐỒNG", "Nội dung.",
             "PHỤ LỤC DANH MỤC NGHỀ", "Phần I Các nghề nặng nhọc", "Nội dung.",
             "Phần II Các nghề độc hại", "Nội dung."]
    blocks = [Block("paragraph", text, 0) for text in texts]
    assert [block.text for block in structure(blocks, True) if block.kind == "title"] == [
        "Chương I QUY ĐỊNH CHUNG", "Chương II HỢP ĐỒNG", "PHỤ LỤC DANH MỤC NGHỀ"]


def test_the_party_named_in_a_sentence_is_no_letterhead_motto():
    """A magazine article's first page names 'Đảng Cộng sản Việt Nam' at a line's end (held-out
    09, read by OCR): that is no motto, and the page is no letter; the motto in capitals or
    'Độc lập - Tự do - Hạnh phúc' alone on its line still are."""
    def lines(texts):
        return [Line(0, text, 10.0, False, False, 80, 290, 100 + 15 * row, 842.0)
                for row, text in enumerate(texts)]

    article = lines(["GIẢI PHÁP ĐẨY MẠNH CẢI CÁCH", "nhất đất nước và phát triển mạnh mẽ với sự ra",
                     "đời của Đảng Cộng sản Việt Nam.", "Gần 100 năm kể từ khi ra đời, mặc dù"])
    assert document_head(article) is None
    letter = lines(["ĐẢNG BỘ PHƯỜNG ĐÔNG HỒ", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số: 12-CV/ĐU",
                    "V/v tổ chức hội nghị", "Kính gửi: các chi bộ."])
    head = document_head(letter)
    assert head is not None and [letter[i].text for i in head.title] == ["V/v tổ chức hội nghị"]
    alone = lines(["ỦY BAN NHÂN DÂN", "Độc lập - Tự do - Hạnh phúc", "V/v họp tổ dân phố",
                   "Kính gửi: các tổ."])
    assert document_head(alone) is not None
