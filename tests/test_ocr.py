"""A scanned bulletin (page images, no text layer) is read by Tesseract's Vietnamese model."""

import difflib
import shutil
import subprocess
import sys

import pypdfium2
import pytest
from bulletin import Bulletin, build_bulletin, sample_articles

from tts_pipeline.book import read_book
from tts_pipeline.extract import ExtractError, extract

tesseract = shutil.which("tesseract")
vietnamese = tesseract and "vie" in subprocess.run(
    [tesseract, "--list-langs"], capture_output=True, text=True).stdout.split()
needs_ocr = pytest.mark.skipif(
    not vietnamese, reason="Tesseract with Vietnamese is missing: make test installs it")


def scanned(tmp_path, articles):
    """The bulletin printed and scanned: every page an image at 200 dpi, no text layer."""
    source = build_bulletin(Bulletin("Bản tin quét", articles, cover=False, contents=False),
                            tmp_path / "source.pdf")
    document = pypdfium2.PdfDocument(str(source))
    pages = [document[index].render(scale=200 / 72).to_pil().convert("RGB")
             for index in range(len(document))]
    path = tmp_path / "scan.pdf"
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=200)
    return path


@needs_ocr
def test_scanned_bulletin_is_read_by_ocr(tmp_path):
    articles = sample_articles(2)
    book, warnings = extract(scanned(tmp_path, articles))
    assert "read by OCR" in warnings[0]
    assert [chapter.title for chapter in book.chapters] == [a.title for a in articles]
    heard = " ".join(book.chapters[0].paragraphs).split()
    truth = " ".join(articles[0].heard()).split()
    assert len(set(heard) & set(truth)) / len(set(truth)) > 0.95


@needs_ocr
def test_a_scan_loses_its_captions_and_pull_quotes_without_type_styles(tmp_path):
    articles = sample_articles(2)
    assert articles[1].pull_quote and all(article.caption for article in articles)
    book, _ = extract(scanned(tmp_path, articles))
    for chapter, article in zip(book.chapters, articles, strict=True):
        assert len(chapter.paragraphs) == len(article.heard())
        for heard, truth in zip(chapter.paragraphs, article.heard(), strict=True):
            assert difflib.SequenceMatcher(None, heard, truth).ratio() > 0.9, heard


def test_without_tesseract_a_scan_says_how_to_get_it(tmp_path, monkeypatch):
    path = scanned(tmp_path, sample_articles(1))
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ExtractError, match="no text layer.*apt-get install tesseract-ocr"):
        extract(path)


@needs_ocr
def test_ocr_option_reads_a_text_pdf_from_its_images(tmp_path):
    source = build_bulletin(Bulletin("Bản tin", sample_articles(1), cover=False, contents=False),
                            tmp_path / "co-chu.pdf")
    result = subprocess.run(
        [sys.executable, "-m", "tts_pipeline", "extract", str(source), "--out",
         str(tmp_path / "out"), "--ocr"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "read by OCR" in result.stderr
    book = read_book(tmp_path / "out" / "co-chu")
    assert book.chapters[0].title == sample_articles(1)[0].title
