"""OCR page by page: a scanned page, a garbled layer or text drawn as shapes in a file whose
other pages have a good text layer is read by Tesseract, and only that page."""

import random
import re
import shutil
from pathlib import Path

import numpy as np
import pypdfium2
import pytest
from bulletin import register_fonts
from PIL import Image
from pypdf import PdfReader, PdfWriter
from realdev import GARBLED, SCAN, TEXT_FILE, real
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from test_ocr import needs_ocr
from test_textquality import unmarked

from tts_pipeline.extract import ExtractError, extract
from tts_pipeline.extract.ocr import _hocr_lines, _noise
from tts_pipeline.extract.ocrpages import ocr_pages
from tts_pipeline.extract.pdf import read_pdf
from tts_pipeline.extract.textquality import measure

SCAN_DPI = 200
INK = 128  # a grey level below this is ink


def layer_words(path, page):
    """The words of one page's text layer."""
    return re.findall(r"[^\W\d_]+", " ".join(
        line.text for line in read_pdf(path).lines if line.page == page))


def heard(book):
    return " ".join(text for chapter in book.chapters for text in [chapter.title,
                                                                    *chapter.paragraphs])


def share_heard(words, book):
    """The share of the words that the book reads."""
    spoken = set(re.findall(r"[^\W\d_]+", heard(book)))
    return sum(word in spoken for word in words) / len(words)


def scan(path, page):
    """A page printed and scanned: its picture at SCAN_DPI."""
    document = pypdfium2.PdfDocument(str(path))
    try:
        return document[page].render(scale=SCAN_DPI / 72).to_pil().convert("RGB")
    finally:
        document.close()


def draw(tmp_path, name, paint):
    """A one-page A4 PDF that `paint` draws on a reportlab canvas."""
    path = tmp_path / name
    canvas = Canvas(str(path), pagesize=(595, 842))
    paint(canvas)
    canvas.save()
    return path


def assemble(path, pages):
    """A PDF made of pages (file, index) of other PDFs."""
    writer = PdfWriter()
    for source, index in pages:
        writer.add_page(PdfReader(source).pages[index])
    writer.write(path)
    return path


def scan_pdf(tmp_path, name, source, page):
    return draw(tmp_path, name, lambda canvas: canvas.drawImage(
        ImageReader(scan(source, page)), 0, 0, 595, 842))


@needs_ocr
def test_a_scanned_page_in_a_text_file_is_read_by_ocr_and_only_it(tmp_path):
    source = real(TEXT_FILE)
    mixed = assemble(tmp_path / "mixed.pdf", [(source, 1), (scan_pdf(tmp_path, "s.pdf", source, 2),
                                                            0)])
    book, warnings = extract(mixed)
    assert [w for w in warnings if "OCR" in w] == [
        "page 2 read by OCR (Tesseract, Vietnamese, no usable text layer): proofread the "
        "chapter files"]
    assert share_heard(layer_words(source, 1), book) > 0.97
    assert share_heard(layer_words(source, 2), book) > 0.9


@needs_ocr
def test_a_layer_without_marks_over_a_scan_is_replaced(tmp_path):
    """As an OCR engine without Vietnamese leaves it: invisible text, no marks, over the image."""
    source = real(TEXT_FILE)
    lines = [line for line in read_pdf(source).lines if line.page == 2]

    def paint(canvas):
        canvas.drawImage(ImageReader(scan(source, 2)), 0, 0, 595, 842)
        for line in lines:
            text = canvas.beginText(line.x0, 842 - line.baseline)
            text.setTextRenderMode(3)  # invisible, as OCR layers are
            text.setFont("Helvetica", line.size)
            text.textLine(unmarked(line.text))
            canvas.drawText(text)

    book, warnings = extract(draw(tmp_path, "omnipage.pdf", paint))
    assert any(w.startswith("page 1 read by OCR") for w in warnings)
    words = layer_words(source, 2)
    assert share_heard(words, book) > 0.9
    bare = {unmarked(word) for word in words} - set(words)
    assert len(bare) > 50 and share_heard(sorted(bare), book) < 0.05


E_SIGNATURE = [
    "Ký bởi: Ủy ban nhân dân thành phố Hà Nội",
    "Cơ quan: Văn phòng Ủy ban nhân dân thành phố Hà Nội",
    "Chức vụ: Chánh văn phòng, người ký thay Chủ tịch",
    "Thời gian ký: 25 tháng 7 năm 2025, lúc 10 giờ 25 phút",
]


@needs_ocr
def test_a_scan_signed_electronically_is_still_read_by_ocr(tmp_path):
    """The signature box's few lines of good Vietnamese in the layer are not the page."""
    register_fonts()
    source = real(TEXT_FILE)

    def paint(canvas):
        canvas.drawImage(ImageReader(scan(source, 2)), 0, 0, 595, 842)
        canvas.setFont("Serif", 7)
        for number, text in enumerate(E_SIGNATURE):
            canvas.drawString(380, 830 - number * 8, text)

    signed = draw(tmp_path, "signed-scan.pdf", paint)
    assert read_pdf(signed).page_chars[0] > 100
    book, warnings = extract(signed)
    assert any(w.startswith("page 1 read by OCR") for w in warnings)
    assert share_heard(layer_words(source, 2), book) > 0.9


@needs_ocr
def test_text_drawn_as_shapes_without_a_text_layer_is_read_by_ocr(tmp_path):
    """A page whose glyphs are vector shapes (fonts converted to outlines), beside a text page."""
    source = real(TEXT_FILE)
    ink = scan(source, 2).convert("L").point(lambda grey: grey < INK)
    width, height = ink.size
    pixels = ink.load()

    def paint(canvas):
        shapes = canvas.beginPath()
        unit = 72 / SCAN_DPI
        for y in range(height):
            x = 0
            while x < width:
                if pixels[x, y]:
                    start = x
                    while x < width and pixels[x, y]:
                        x += 1
                    shapes.rect(start * unit, 842 - (y + 1) * unit, (x - start) * unit, unit)
                x += 1
        canvas.drawPath(shapes, stroke=0, fill=1)

    shapes = draw(tmp_path, "outlines.pdf", paint)
    assert read_pdf(shapes).page_chars == [0]
    book, warnings = extract(assemble(tmp_path / "mixed.pdf", [(source, 1), (shapes, 0)]))
    assert any(w.startswith("page 2 read by OCR") for w in warnings)
    assert share_heard(layer_words(source, 2), book) > 0.9


@needs_ocr
def test_an_english_ocr_layer_on_a_real_scan_is_replaced_without_being_asked(tmp_path):
    book, warnings = extract(real(GARBLED))
    assert any(w.startswith("pages 1–2 read by OCR") for w in warnings)
    text = heard(book)
    for garbage in ["CQNG HOA XA HQI", "DQc l$p", "Phi6u chuy6n"]:
        assert garbage not in text
    for phrase in ["CHỦ NGHĨA VIỆT NAM", "Độc lập", "Nghị định số 55/2019/NĐ-CP",
                   "Sở Tư pháp nhận được Phiếu chuyển số 3578/PC-VP"]:
        assert phrase in text


@needs_ocr
def test_a_real_colour_scan_page_is_read_without_being_asked(tmp_path):
    last = assemble(tmp_path / "last.pdf", [(real(SCAN), 7)])
    book, warnings = extract(last)
    assert warnings[0].startswith("page 1 read by OCR")
    assert "Chiến dịch được triển khai trong thời gian 45 ngày liên tục" in heard(book)


@needs_ocr
def test_pages_are_read_in_parallel_each_reported(tmp_path):
    source = real(TEXT_FILE)
    scans = [scan_pdf(tmp_path, f"{page}.pdf", source, page) for page in (2, 3)]
    mixed = assemble(tmp_path / "mixed.pdf", [(scans[0], 0), (source, 1), (scans[1], 0)])
    reported = []

    def steps(total):
        reported.append(total)
        return lambda: reported.append("page")

    alone, _ = extract(mixed, jobs=1)
    together, warnings = extract(mixed, jobs=2, steps=steps)
    assert reported == [2, "page", "page"]
    assert any(w.startswith("pages 1, 3 read by OCR") for w in warnings)
    assert together == alone


@needs_ocr
def test_a_cover_with_a_photograph_keeps_its_text_layer(tmp_path):
    """A title in the text layer (too few words to judge) over a photograph: OCR reads the page
    but makes nothing Vietnamese of it, so the layer stays."""
    register_fonts()
    noise = random.Random(7)
    photo = Image.frombytes("L", (300, 420), bytes(noise.randrange(256) for _ in range(126000)))

    def paint(canvas):
        canvas.drawImage(ImageReader(photo.convert("RGB")), 0, 0, 595, 842)
        canvas.setFont("Serif-Bold", 24)
        canvas.drawString(60, 780, "Bản tin sinh hoạt chi bộ")

    cover = draw(tmp_path, "cover.pdf", paint)
    layer = read_pdf(cover)
    reported = []
    pdf, pages = ocr_pages(cover, layer, steps=lambda total: reported.append(total) or (
        lambda: reported.append("page")))
    assert reported == [1, "page"] and pages == []
    assert [line.text for line in pdf.lines] == ["Bản tin sinh hoạt chi bộ"]


def test_without_tesseract_a_mixed_file_keeps_its_text_pages(tmp_path, monkeypatch):
    source = real(TEXT_FILE)
    mixed = assemble(tmp_path / "mixed.pdf", [(source, 1), (scan_pdf(tmp_path, "s.pdf", source, 2),
                                                            0)])
    monkeypatch.setattr(shutil, "which", lambda name: None)
    book, warnings = extract(mixed)
    assert any("cannot be read by OCR here" in w and "apt-get install tesseract-ocr" in w
               for w in warnings)
    assert share_heard(layer_words(source, 1), book) > 0.97


SEAL_INK = (0.9, 0.42, 0.6)  # a scanned red seal's pink: light, far from grey
HEADLINE_INK = (0.69, 0.11, 0.11)  # a printed red headline: dark
BODY = [
    "Ủy ban nhân dân phường đề nghị các tổ dân phố tiếp tục hướng dẫn người dân",
    "sử dụng dịch vụ công trực tuyến và thanh toán không dùng tiền mặt.",
    "Các đơn vị báo cáo kết quả thực hiện trước ngày 30 hằng tháng.",
]


def signed_page(canvas):
    """A page of a signed letter: red headline, body, a bold heading, "Nơi nhận:" beside the
    signer's title, and a seal and a "HỎA TỐC" stamp in pink ink under the black (as ink
    on paper mixes: black stays black)."""
    register_fonts()
    canvas.setStrokeColorRGB(*SEAL_INK)
    canvas.setFillColorRGB(*SEAL_INK)
    canvas.setLineWidth(3)
    canvas.circle(400, 515, 62)
    canvas.circle(400, 515, 44)
    canvas.setFont("Serif-Bold", 20)
    canvas.rect(380, 690, 140, 40)
    canvas.drawString(392, 702, "HỎA TỐC")
    canvas.setFillColorRGB(*HEADLINE_INK)
    canvas.setFont("Serif-Bold", 16)
    canvas.drawString(60, 770, "Kết quả chuyển đổi số của phường")
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont("Serif", 12)
    for number, text in enumerate(BODY):
        canvas.drawString(60, 730 - number * 18, text)
    canvas.setFont("Serif-Bold", 12)
    canvas.drawString(60, 660, "II. NỘI DUNG")
    canvas.setFont("Serif", 12)
    canvas.drawString(60, 636, BODY[2])
    canvas.setFont("Serif-Bold", 12)
    canvas.drawString(60, 560, "Nơi nhận:")
    canvas.drawString(380, 560, "CHỦ TỊCH")
    canvas.drawString(362, 470, "Nguyễn Văn An")
    canvas.setFont("Serif", 11)
    canvas.drawString(60, 544, "- Lưu: VT.")


@needs_ocr
def test_a_seal_and_a_stamp_are_not_read_and_headings_are_bold(tmp_path):
    signed = draw(tmp_path, "signed.pdf", signed_page)
    scanned = scan_pdf(tmp_path, "scanned.pdf", signed, 0)
    pdf, pages = ocr_pages(scanned, read_pdf(scanned))
    texts = [line.text for line in pdf.lines]
    assert pages == [0]
    assert texts[0] == "Kết quả chuyển đổi số của phường"  # dark red ink is print
    assert not any("HỎA" in text or "TỐC" in text for text in texts)
    assert BODY[0] in texts and BODY[2] in texts
    assert {"Nơi nhận:", "CHỦ TỊCH", "Nguyễn Văn An"} <= set(texts)  # columns parted
    bold = {line.text for line in pdf.lines if line.bold}
    assert {"II. NỘI DUNG", "Nơi nhận:", "CHỦ TỊCH", "Nguyễn Văn An"} <= bold
    assert not bold & set(BODY)


def test_ocr_asked_for_without_tesseract_is_an_error_that_says_how_to_get_it(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ExtractError) as error:
        extract(real(TEXT_FILE), ocr=True)
    assert str(error.value) == (f"{TEXT_FILE} cannot be read by OCR here: Tesseract is not "
                                "installed: apt-get install tesseract-ocr tesseract-ocr-vie")


@pytest.mark.parametrize(("word", "confidence", "noise"), [
    ("tuổi,", 7, False), ("triển", 8, False), ("57", 10, False), ("Nguồn", 41, False),
    ("ĐMPTVvAnn.", 0, True), ("zÓ", 0, True), ("min", 0, True), ("HIHT", 4, True),
    ("(nh", 12, True), ("`", 7, True),
])
def test_unsure_words_are_noise_unless_they_read_as_syllables_or_numbers(word, confidence,
                                                                          noise):
    """Words and confidences Tesseract gave on the real scan 07 (its seal and its body)."""
    assert _noise(word, confidence) is noise


def test_hocr_lines_are_parted_into_columns_without_seal_noise():
    """Tesseract's hOCR of real scan 07's last page: 'Nơi nhận:' beside the signer's 'CHỦ
    TỊCH', seal fragments at confidence 0 between them; one 'Đ' read as an Icelandic 'Ð'."""
    hocr = (Path(__file__).parent / "data" / "ocr" / "07-page8-noi-nhan.hocr").read_text()
    hocr = hocr.replace(">HĐND<", ">HÐND<")
    lines = _hocr_lines(hocr, np.zeros((3508, 2480), dtype=bool), 7, 863)
    assert [line.text for line in lines] == [
        "Nơi nhận:", "CHỦ TỊCH", "- Thường trực Thành ủy:", "- Thường trực HĐND Thành phô;"]
    assert lines[0].baseline == lines[1].baseline and lines[1].x0 > 400


def test_hocr_lines_lose_specks_and_signs_that_print_lacks():
    """Real scan 07's number line: a rule read as '¬' and '-', a handwritten day as '.-†'."""
    hocr = (Path(__file__).parent / "data" / "ocr" / "07-page1-number.hocr").read_text()
    lines = _hocr_lines(hocr, np.zeros((3508, 2480), dtype=bool), 0, 859)
    assert [line.text for line in lines] == ["Số: M_ /CT-UBND", "Hà Nội, ngày.- tháng 7 năm 2025"]


def test_a_line_does_not_part_where_a_noise_word_is_left_out():
    """Real scan 09's letterhead: the handwritten day and month read as 'ngày-2Õtháng' (at 11)
    go, and the place and date stay one line beside the number, not two columns."""
    hocr = (Path(__file__).parent / "data" / "ocr" / "09-page1-number.hocr").read_text()
    lines = _hocr_lines(hocr, np.zeros((3508, 2480), dtype=bool), 0, 842)
    assert [line.text for line in lines][-2:] == ["Số: ÝƑ /STP-VB",
                                                  "Thành phố Hỗ Chí Minh, đỆ năm 2021"]


@needs_ocr
def test_a_legacy_font_without_a_unicode_map_is_read_from_its_glyphs():
    """A real magazine article set in TCVN3 fonts that map no Unicode: its text layer is
    glyph codes on plain text pages (no scan, no outlines), and OCR reads what is printed."""
    pdf = Path(__file__).parent / "real" / "04_tapchi-ntqs-the-tran-long-dan-tcvn3.pdf"
    assert not measure(" ".join(line.text for line in read_pdf(pdf).lines)).looks_vietnamese()
    book, warnings = extract(pdf)
    text = " ".join(p for chapter in book.chapters for p in [chapter.title, *chapter.paragraphs])
    assert any("read by OCR" in warning for warning in warnings)
    assert "dân tộc Việt Nam đã hình thành một hệ giá trị quân sự" in text
    assert "LÒNG DÂN" in book.chapters[0].title.upper()


def _hocr_paragraph(top: int, x_size: int, words: list[str]) -> str:
    """One hOCR paragraph of one line of `words`, each 200 px wide."""
    spans = "".join(
        f"<span class='ocrx_word' title='bbox {300 + 220 * n} {top} {500 + 220 * n} "
        f"{top + x_size}; x_wconf 95'>{word}</span>" for n, word in enumerate(words))
    return (f"<p class='ocr_par' title=\"bbox 300 {top} 2000 {top + x_size}\">"
            f"<span class='ocr_line' title=\"bbox 300 {top} 2000 {top + x_size}; baseline 0 0; "
            f"x_size {x_size}; x_descenders 10\">{spans}</span></p>")


def test_ocr_sizes_within_their_error_are_the_body_size():
    """Tesseract's x-size of a paragraph varies by about 10 % with its letters (real held-out
    09: body paragraphs at 9.4 to 11.1 points), which made body text small print: a line
    within SIZE_ERROR of the page's usual size takes it; a title and a footnote keep theirs."""
    body = ["nhưng", "dân", "tộc", "Việt", "Nam", "vẫn", "ngoan", "cường"]
    hocr = "".join([_hocr_paragraph(100, 90, ["GIẢI", "PHÁP"]),
                    _hocr_paragraph(300, 40, body), _hocr_paragraph(400, 44, body),
                    _hocr_paragraph(500, 37, body), _hocr_paragraph(600, 28, ["Ghi", "chú"])])
    lines = _hocr_lines(hocr, np.zeros((3508, 2480), dtype=bool), 0, 842)
    sizes = [round(line.size / (72 / 300)) for line in lines]
    assert sizes == [90, 40, 40, 40, 28]
