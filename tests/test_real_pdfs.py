"""Genuine Vietnamese PDFs from other producers (Word, wkhtmltopdf, Chrome) come out clean.

They have no ground truth (see ../shared/corpus/real/SOURCES.md): the checks are that nothing
crashes and that the text is what a listener could be read — NFC, no replacement characters
or unmapped glyphs, no words glued together."""

import re
import unicodedata
from pathlib import Path

import pytest

from tts_pipeline.extract import extract

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
PDFS = sorted(REAL.glob("*.pdf"))


def test_the_real_corpus_is_there():
    """CI lays ../shared beside the clone: without it these checks must fail, not vanish."""
    assert len(PDFS) >= 5, f"no real PDFs at {REAL}"


@pytest.mark.parametrize("pdf", PDFS, ids=lambda path: path.stem)
def test_real_pdf_extracts_clean_text(pdf):
    book, _ = extract(pdf)
    text = "\n".join(t for c in book.chapters for t in [c.title, *c.paragraphs])
    words = re.findall(r"[^\W\d_]+", text)
    assert book.chapters and len(words) > 100
    assert text == unicodedata.normalize("NFC", text)
    assert "\ufffd" not in text and "(cid:" not in text
    assert sum(map(len, words)) / len(words) < 6  # Vietnamese syllables are short
    assert max(map(len, words)) < 25, max(words, key=len)
