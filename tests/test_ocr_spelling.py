"""Headings in capitals that OCR misspells take the spelling of the document's running text."""

from tts_pipeline.extract.ocrspelling import respell_capitals
from tts_pipeline.extract.pdf import Line


def _lines(texts: list[str], page: int = 0) -> list[Line]:
    return [Line(page, text, 12.0, False, False, 80, 500, 100 + 20 * row, 842)
            for row, text in enumerate(texts)]


def test_ocr_misread_capitals_take_the_running_texts_spelling():
    """Tesseract reads 'NỘI DUNG' in bold capitals as 'NỌI DUNG' and 'TỔ CHỨC' as 'TÓ CHỨC',
    while the text under them spells those words right, twice or more."""
    texts = ["II. NỌI DUNG", "Nội dung chiến dịch gồm các nội dung sau đây.",
             "III. TÓ CHỨC THỰC HIỆN", "Các sở tổ chức thực hiện; các phường tổ chức họp."]
    assert [line.text for line in respell_capitals(_lines(texts), {0})] == [
        "II. NỘI DUNG", texts[1], "III. TỔ CHỨC THỰC HIỆN", texts[3]]


def test_capitals_the_text_also_spells_so_or_rarely_are_kept():
    """A heading spelt as the text spells it once is right, whatever else the text says; a
    spelling seen only once is no evidence; pages read from a text layer are never touched;
    words a punctuation mark parts are no pair."""
    texts = ["BÀN CÁC VẤN ĐỀ", "bàn các vấn đề; bán các mặt hàng; bán các loại khác.",
             "MUA BÁN CÁC", "mua bàn ghế mới."]
    assert [line.text for line in respell_capitals(_lines(texts), {0})] == texts
    misread = ["TÓ CHỨC", "tổ chức tốt, tổ chức sớm."]
    assert respell_capitals(_lines(misread), {1})[0].text == "TÓ CHỨC"
    assert respell_capitals(_lines(["TÓ, CHỨC", *misread[1:]]), {0})[0].text == "TÓ, CHỨC"


def test_a_line_ocr_read_alone_on_a_text_page_is_respelt_too():
    """A title line OCR read again (its layer lost letters) is respelt like an OCR'd page's
    heading; the page's other lines in capitals, from the layer, are not."""
    texts = ["TRỤ VIÊN THÔNG", "Trụ viễn thông cao; trụ viễn thông thấp.", "TRỤ VIÊN THÔNG"]
    assert [line.text for line in respell_capitals(_lines(texts), set(), frozenset({0}))] == [
        "TRỤ VIỄN THÔNG", texts[1], texts[2]]
