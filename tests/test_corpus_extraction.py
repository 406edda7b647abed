"""Extraction scored against the ground truth of the corpus made by three real producers.

Run with -s to see the per-file report (chapters, titles, body character error rate)."""

import difflib
import json
import re
import unicodedata
from pathlib import Path

import pytest

from tts_pipeline.extract import extract

CORPUS = Path(__file__).parent / "corpus" / "pdf"
FILES = sorted(CORPUS.glob("*.pdf"))


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def character_error(truth: str, found: str) -> float:
    matcher = difflib.SequenceMatcher(None, truth, found, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return (max(len(truth), len(found)) - matched) / max(1, len(truth))


def score(pdf: Path) -> tuple[dict, list[str], list[str], float]:
    truth = json.loads(pdf.with_suffix(".truth.json").read_text(encoding="utf-8"))
    book, _ = extract(pdf)
    titles = [normal(chapter["title"]) for chapter in truth["chapters"]]
    found = [normal(chapter.title) for chapter in book.chapters]
    body = normal(" ".join(p for chapter in truth["chapters"] for p in chapter["paragraphs"]))
    heard = normal(" ".join(p for chapter in book.chapters for p in chapter.paragraphs))
    return truth, titles, found, character_error(body, heard)


@pytest.mark.parametrize("pdf", FILES, ids=lambda path: path.stem)
def test_every_article_is_one_chapter(pdf):
    _, titles, found, error = score(pdf)
    book, warnings = extract(pdf)
    print(f"\n{pdf.stem:30} chapters {len(found)}/{len(titles)}  titles "
          f"{sum(a == b for a, b in zip(titles, found, strict=False))}/{len(titles)}  "
          f"body error {error:.2%}  found by {book.chapters_found}")
    assert len(found) == len(titles)
    assert error <= 0.01
    assert not [warning for warning in warnings if "confidence" in warning]


def test_titles_match_across_the_corpus():
    pairs = [(a, b) for pdf in FILES for _, titles, found, _ in [score(pdf)]
             for a, b in zip(titles, found, strict=True)]
    assert sum(a == b for a, b in pairs) / len(pairs) >= 0.98
