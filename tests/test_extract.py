"""Extraction finds every article as a chapter and drops what a listener should not hear."""

import unicodedata

import pypdf
import pytest
from bulletin import Article, Bulletin, sample_articles

from tts_pipeline.extract import ExtractError, extract
from tts_pipeline.extract.chapters import segment
from tts_pipeline.extract.layout import Block, _colophon_lines, _toc_lines
from tts_pipeline.extract.pdf import Line, OutlineEntry


def all_text(book) -> str:
    return "\n".join(
        "\n".join([chapter.title, *chapter.paragraphs]) for chapter in book.chapters
    )


def test_one_chapter_per_article_with_exact_titles_and_paragraphs(make_pdf):
    bulletin = Bulletin("Thông tin tuyên truyền – Số 11/2025", sample_articles(5))
    book, warnings = extract(make_pdf(bulletin))
    assert warnings == []
    assert [chapter.title for chapter in book.chapters] == [a.title for a in bulletin.articles]
    for chapter, article in zip(book.chapters, bulletin.articles, strict=True):
        assert chapter.paragraphs == article.heard()


def test_drops_cover_contents_headers_page_numbers_captions_quotes_bylines(make_pdf):
    bulletin = Bulletin("Thông tin tuyên truyền – Số 11/2025", sample_articles(3))
    text = all_text(extract(make_pdf(bulletin))[0])
    assert "MỤC LỤC" not in text
    assert "........" not in text
    assert "Thông tin tuyên truyền – Số 11/2025" not in text  # cover masthead and running header
    assert "Ảnh: Minh Anh" not in text
    assert "NGUYỄN THU HƯƠNG" not in text
    assert "- 3 -" not in text
    # the pull quote repeats a body sentence: it must be heard once, not twice
    assert text.count("Tỷ lệ hộ gia đình tham gia bảo hiểm y tế đạt 98,5%") == 3


def test_book_metadata_from_the_pdf(make_pdf):
    bulletin = Bulletin("Thông tin tuyên truyền – Số 11/2025", sample_articles(2))
    book, _ = extract(make_pdf(bulletin))
    assert book.title == "Thông tin tuyên truyền – Số 11/2025"
    assert book.publisher == bulletin.author
    assert book.issue == "Số 11/2025"
    assert book.date == "2025"


def test_wrapped_title_is_one_title(make_pdf):
    long_title = (
        "Đảng bộ phường lãnh đạo thực hiện thắng lợi nhiệm vụ phát triển kinh tế, văn hóa, "
        "xã hội và bảo đảm quốc phòng, an ninh năm 2025"
    )
    articles = sample_articles(2)
    articles[0] = Article(long_title, articles[0].lead, articles[0].paragraphs)
    book, _ = extract(make_pdf(Bulletin("Bản tin", articles, cover=False, contents=False)))
    assert book.chapters[0].title == long_title
    assert len(book.chapters) == 2


def test_outline_names_the_articles(make_pdf):
    bulletin = Bulletin("Bản tin", sample_articles(3), outline=True)
    book, _ = extract(make_pdf(bulletin))
    assert [chapter.title for chapter in book.chapters] == [a.title for a in bulletin.articles]


def test_text_is_nfc(make_pdf):
    book, _ = extract(make_pdf(Bulletin("Bản tin", sample_articles(2))))
    text = all_text(book)
    assert text == unicodedata.normalize("NFC", text)
    assert "\x02" not in text and "\u00ad" not in text and "\ufffd" not in text


def test_not_a_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"PK\x03\x04 a zip file")
    with pytest.raises(ExtractError, match="not a PDF"):
        extract(path)


def test_truncated_pdf(make_pdf, tmp_path):
    source = make_pdf(Bulletin("Bản tin", sample_articles(2)))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(source.read_bytes()[:600])
    with pytest.raises(ExtractError, match="not a readable PDF"):
        extract(broken)


def test_password_protected_pdf_needs_password(make_pdf, tmp_path):
    source = make_pdf(Bulletin("Bản tin", sample_articles(2)))
    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt(user_password="bimat", owner_password="bimat")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(ExtractError, match="--password"):
        extract(locked)
    book, _ = extract(locked, password="bimat")
    assert len(book.chapters) == 2


def test_pdf_without_text_layer(tmp_path):
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=380, height=580)
    writer.add_blank_page(width=380, height=580)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(ExtractError, match="no text layer"):
        extract(path)


@pytest.mark.parametrize("encoding, lines", [
    ("TCVN3 (ABC)", ["Th«ng tin tuyªn truyÒn", "§¶ng bé ph\u00adêng ®· b¸o c¸o",
                     "n¨m qua, c«ng t¸c d©n vËn ®¹t kÕt qu¶ tèt"]),
    ("VNI", ["Thoâng tin tuyeân truyeàn", "Ñaûng boä phöôøng ñaõ baùo caùo",
             "naêm qua, coâng taùc daân vaän ñaït keát quaû toát"]),
])
def test_legacy_font_text_is_converted_with_a_warning(tmp_path, encoding, lines):
    """Helvetica has no Unicode map in the PDF: the TCVN3 ư (0xAD) comes back as "-"."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "cu.pdf"
    canvas = Canvas(str(path))
    canvas.setFont("Helvetica", 11)
    for row, line in enumerate(lines):
        canvas.drawString(72, 700 - 20 * row, line)
    canvas.save()
    book, warnings = extract(path)
    assert f"typed in the legacy {encoding} font encoding: converted to Unicode" in warnings[0]
    assert [" ".join(chapter.paragraphs) for chapter in book.chapters] == [
        "Thông tin tuyên truyền Đảng bộ phường đã báo cáo năm qua, công tác dân vận đạt kết "
        "quả tốt"]


def test_no_article_titles_falls_back_to_page_ranges_and_warns(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "khong-tieu-de.pdf"
    canvas = Canvas(str(path))
    for page in range(6):
        canvas.setFont("Helvetica", 11)
        lines = [f"Trang {page + 1}: noi dung khong co tieu de nao ca, chi co van ban thuong",
                 "keo dai qua nhieu dong cua mot doan van binh thuong trong ban tin.",
                 "Het doan."]
        for row, line in enumerate(lines):
            canvas.drawString(72, 700 - 14 * row, line)
        canvas.showPage()
    canvas.save()
    book, warnings = extract(path)
    assert [chapter.title for chapter in book.chapters] == ["Trang 1 đến 4", "Trang 5 đến 6"]
    assert "no article titles found" in warnings[0]


def test_titles_the_contents_page_confirms_give_high_confidence(make_pdf):
    book, warnings = extract(make_pdf(Bulletin("Bản tin", sample_articles(3))))
    assert book.chapters_found == "headings, confidence 0.93"
    assert warnings == []


def test_outline_and_contents_that_agree_give_the_highest_confidence(make_pdf):
    book, _ = extract(make_pdf(Bulletin("Bản tin", sample_articles(3), outline=True)))
    assert book.chapters_found == "outline, confidence 0.96"


def test_a_contents_page_that_disagrees_with_the_titles_is_reported(make_pdf):
    listed = ["Tin vắn trong tuần", "Lịch tiếp công dân", "Thông báo của Ủy ban"]
    pdf = make_pdf(Bulletin("Bản tin", sample_articles(3), listed=listed))
    book, warnings = extract(pdf)
    assert len(book.chapters) == 3
    assert book.chapters_found == "headings, confidence 0.27"
    assert any("low confidence (0.27)" in warning for warning in warnings)


def test_one_title_over_a_long_document_falls_back_to_page_ranges(make_pdf):
    long_article = Article("Diễn văn kỷ niệm ngày thành lập phường", "Thưa các đồng chí.",
                           sample_articles(3)[0].paragraphs * 60)
    pdf = make_pdf(Bulletin("Bản tin", [long_article], cover=False, contents=False))
    book, warnings = extract(pdf)
    assert book.chapters_found == "pages, confidence 0.00"
    assert book.chapters[0].title == "Trang 1 đến 4"
    assert len(book.chapters) >= 3
    assert "only one title in a long document" in warnings[0]


@pytest.mark.parametrize("repeats", [1, 16])
def test_one_article_of_up_to_eight_pages_stays_one_chapter(make_pdf, repeats):
    article = sample_articles(1)[0]
    pdf = make_pdf(Bulletin("Bản tin", [Article(article.title, article.lead,
                                                 article.paragraphs * repeats)],
                            cover=False, contents=False))
    assert len(pypdf.PdfReader(pdf).pages) <= 8
    book, warnings = extract(pdf)
    assert [chapter.title for chapter in book.chapters] == [article.title]
    assert warnings == []


def test_body_size_bold_numbered_headings_make_chapters(tmp_path):
    from bulletin import register_fonts
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    path = tmp_path / "bai-so.pdf"
    canvas = Canvas(str(path))
    titles = ["Bài 1: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
              "Bài 2: Xây dựng khu dân cư văn minh"]
    body = sample_articles(1)[0].paragraphs[0]
    for title in titles:
        canvas.setFont("Serif-Bold", 10)
        canvas.drawString(60, 760, title)
        canvas.setFont("Serif", 10)
        for row in range(6):
            canvas.drawString(60, 740 - 14 * row, f"Dòng {row + 1} của bài. {body[:60]}")
        canvas.showPage()
    canvas.save()
    book, warnings = extract(path)
    assert [chapter.title for chapter in book.chapters] == titles
    assert book.chapters_found == "headings, confidence 0.90"
    assert warnings == []


def _line(text: str, x0: float, x1: float, baseline: float, page: int = 0) -> Line:
    return Line(page, text, 10.0, False, False, x0, x1, baseline, 842.0)


def test_a_masthead_sidebar_and_the_printers_line_are_not_read():
    """A periodical's colophon: every line of the narrow band that holds its office's phone,
    e-mail and permit goes, with the printer's legal-deposit line; a page whose contact lines
    run across the page's width keeps them (they may be an article's text)."""
    sidebar = [_line("Hội đồng Khoa học", 60, 180, 100), _line("GS.TS. Nguyễn Văn A", 70, 170, 112),
               _line("Điện thoại: 024.37556098", 65, 185, 130),
               _line("Email: tapchi@ibst.vn", 70, 175, 142),
               _line("Giấy phép số: 442/GP-BTTTT", 62, 190, 154)]
    body = [_line("Về vấn đề đảm bảo an toàn cháy đối với nhà cao tầng", 220, 530, 100),
            _line("Nghiên cứu khảo sát chế tạo bê tông cốt sợi đay", 220, 520, 112),
            _line("In tại Công ty in Khánh Dung. In xong và nộp lưu chiểu tháng 10/2021",
                  80, 520, 800)]
    assert _colophon_lines(sidebar + body) == {0, 1, 2, 3, 4, 7}
    across = [_line("Điện thoại: 024.37556098, fax và thư điện tử của tòa soạn", 60, 530, 100),
              _line("Email: tapchi@ibst.vn là địa chỉ nhận bài của tạp chí này", 60, 530, 112),
              _line("Giấy phép số 442 cấp năm 2016 cho phép xuất bản hằng quý", 60, 530, 124)]
    assert _colophon_lines(across) == set()


def test_a_contents_heading_over_no_leader_entries_stays():
    """'MỤC LỤC' over a borderless contents table (no leaders, page numbers in a column of
    their own) heads text that is read, so it stays; over leader entries it goes with them."""
    plain_list = [_line("MỤC LỤC", 300, 360, 100), _line("Bài một về xây dựng", 220, 400, 120),
                  _line("3", 540, 548, 120)]
    assert _toc_lines(plain_list) == set()
    leaders = [_line("MỤC LỤC", 300, 360, 100), _line("Bài một ........ 3", 220, 540, 120),
               _line("Bài hai ........ 9", 220, 540, 132), _line("Lời kết", 220, 300, 400)]
    assert _toc_lines(leaders) == {0, 1, 2}


def test_a_scanners_bookmark_per_page_names_no_article():
    """Scan software bookmarks every page ('Page 1', 'Page 2' …): such an outline does not
    make the chapters; the printed titles do."""
    blocks = [Block("title", "Điều 1", 0), Block("paragraph", "Nội dung thứ nhất.", 0),
              Block("title", "Điều 2", 1), Block("paragraph", "Nội dung thứ hai.", 1)]
    outline = [OutlineEntry(f"Page {page + 1}", page, 0) for page in range(2)]
    found = segment(blocks, outline)
    assert found.method == "headings"
    assert [chapter.title for chapter in found.chapters] == ["Điều 1", "Điều 2"]
