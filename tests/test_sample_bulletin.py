"""The sample bulletin in input/ comes apart into exactly its articles."""

import json
from pathlib import Path

from tts_pipeline.extract import extract

ROOT = Path(__file__).parents[1]
SAMPLE = ROOT / "input" / "ban-tin-phuong-dong-ho-2025-11.pdf"
TRUTH = json.loads((ROOT / "tests" / "data" / "ban-tin-phuong-dong-ho-2025-11.truth.json")
                   .read_text(encoding="utf-8"))


def test_every_article_is_a_chapter_with_its_exact_title():
    book, warnings = extract(SAMPLE)
    assert warnings == []
    assert [chapter.title for chapter in book.chapters] == [c["title"] for c in TRUTH["chapters"]]


def test_chapters_hold_exactly_what_a_listener_should_hear():
    book, _ = extract(SAMPLE)
    for chapter, truth in zip(book.chapters, TRUTH["chapters"], strict=True):
        assert chapter.paragraphs == truth["paragraphs"], chapter.title


def test_book_metadata_comes_from_the_pdf():
    book, _ = extract(SAMPLE)
    assert book.title == TRUTH["title"]
    assert book.publisher == TRUTH["publisher"]
    assert (book.issue, book.date) == (TRUTH["issue"], TRUTH["date"])
