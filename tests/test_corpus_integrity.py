"""The committed PDF corpus (tests/corpus/pdf) agrees with its ground-truth files."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

pdfium = pytest.importorskip("pypdfium2")

CORPUS = Path(__file__).parent / "corpus" / "pdf"
TRUTHS = sorted(CORPUS.glob("*.truth.json"))


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u00ad", "").replace("\u0002", "").replace("\ufffe", "")
    return re.sub(r"\s+", " ", s).strip()


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", _norm(s))


def test_corpus_is_there():
    assert len(TRUTHS) >= 12
    producers = [json.loads(t.read_text(encoding="utf-8"))["producer"] for t in TRUTHS]
    for p in ("reportlab", "libreoffice", "chromium"):
        assert producers.count(p) >= 4, p


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.name.removesuffix(".truth.json"))
def test_truth_matches_pdf(truth_path: Path):
    raw = truth_path.read_text(encoding="utf-8")
    truth = json.loads(raw)
    assert unicodedata.is_normalized("NFC", raw)
    pdf = truth_path.with_name(truth_path.name.removesuffix(".truth.json") + ".pdf")
    assert pdf.exists(), pdf
    doc = pdfium.PdfDocument(str(pdf))
    try:
        assert len(doc) == truth["pages"]
        assert bool(len(list(doc.get_toc()))) == truth["has_outline"]
        texts = [_norm(doc[i].get_textpage().get_text_range()) for i in range(len(doc))]
    finally:
        doc.close()
    assert truth["chapters"]
    last = 0
    for ch in truth["chapters"]:
        assert ch["title"] == " ".join(ch["title"].split()), "title must be one line"
        assert ch["paragraphs"]
        assert 1 <= ch["page"] <= truth["pages"]
        assert ch["page"] >= last, "chapters are in reading order"
        last = ch["page"]
        page_words = texts[ch["page"] - 1]
        for word in _norm(ch["title"]).split():
            assert word in page_words, (ch["title"], word, ch["page"])
        # the whole title, line breaks aside, is on its page
        assert _squash(ch["title"]) in _squash(page_words), (ch["title"], ch["page"])
