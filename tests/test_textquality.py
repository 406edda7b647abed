"""How Vietnamese a text layer looks decides which pages OCR reads; real layers from real files."""

import unicodedata

import pypdfium2
import pytest
from realdev import GARBLED, SCAN, TEXT_FILE, real

from tts_pipeline.extract.ocrpages import page_quality, unreadable_pages
from tts_pipeline.extract.pdf import read_pdf
from tts_pipeline.extract.textquality import is_syllable, measure


def unmarked(text: str) -> str:
    """The text as an OCR engine without Vietnamese types it: no tone or vowel marks, đ as d."""
    bare = "".join(char for char in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(char))
    return bare.replace("đ", "d").replace("Đ", "D")


@pytest.mark.parametrize("word", ["nghiêng", "quốc", "giường", "KHUYẾN", "Hạnh", "ngoài", "đường"])
def test_vietnamese_words_are_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["CQNG", "HQI", "VIPT", "tlSnh", "phric", "Chuong", "brown"])
def test_garbled_and_foreign_words_are_not(word):
    assert not is_syllable(word)


def test_every_page_of_a_real_text_layer_looks_vietnamese():
    pages = page_quality(read_pdf(real(TEXT_FILE)))
    assert len(pages) == 8
    assert all(page.looks_vietnamese() for page in pages), pages


def test_an_english_engines_ocr_layer_does_not():
    pages = page_quality(read_pdf(real(GARBLED)))
    assert [page.looks_vietnamese() for page in pages] == [False, False]
    assert pages[0].words > 300  # a full page of text, only not Vietnamese


def test_a_layer_without_marks_does_not_though_its_words_are_syllables():
    text = " ".join(line.text for line in read_pdf(real(TEXT_FILE)).lines if line.page == 2)
    assert measure(text).looks_vietnamese()
    bare = measure(unmarked(text))
    assert bare.syllables > 0.8 * bare.words and not bare.looks_vietnamese()


def test_scanned_and_garbled_pages_are_found_and_text_pages_are_not():
    for name, expected in [(SCAN, list(range(8))), (GARBLED, [0, 1]), (TEXT_FILE, [])]:
        path = real(name)
        document = pypdfium2.PdfDocument(str(path))
        try:
            assert unreadable_pages(document, page_quality(read_pdf(path))) == expected, name
        finally:
            document.close()
