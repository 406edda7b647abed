"""Arrange line breaks that the producer decides: a real hyphen of "57-NQ/TW" at a line end
and soft hyphens (U+00AD) used at a line end.

Line breaking differs between producers (LibreOffice lays text out on a rounded reference
device, Chromium applies kerning), so instead of predicting it we ask the producer: the
builder renders every candidate paragraph with a grid of (first-line indent, right indent)
values in one calibration document, and the first setting whose extracted text shows the
wanted break is used in the real document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from common import Doc
from texts import CODE_PARAGRAPH_VARIANTS

# (first-line indent, right indent) in em of the body font, most natural first
GRID = [(ind, r) for r in (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0)
        for ind in (1.5, 1.0, 2.0, 2.5, 3.0)]

CODE_BREAK = re.compile("57[-\u2010]\r?\n\\s*NQ|57[\u0002\ufffe]\r?\n?NQ")
SHY_BREAK = re.compile("[a-z](\u0002|\ufffe|\u00ad\r?\n|[-\u2010]\r?\n)[a-z]")
MAX_SHY = 3  # soft-hyphen paragraphs to arrange per document


@dataclass
class Need:
    use: int
    kind: str  # "code" | "shy"
    block: int | None
    texts: list[str]  # plain (truth) texts to try, in order
    cols: bool


def needs(doc: Doc) -> list[Need]:
    out = []
    for i, u in enumerate(doc.uses):
        if u.code_para:
            out.append(Need(i, "code", None, list(CODE_PARAGRAPH_VARIANTS),
                            u.columns or doc.two_column))
    if doc.shy:
        n = 0
        for i, u in enumerate(doc.uses):
            for j, (kind, val) in enumerate(u.blocks()):
                if kind == "p" and "\u00ad" in doc.render_text(val) and n < MAX_SHY:
                    out.append(Need(i, "shy", j, [val], u.columns or doc.two_column))
                    n += 1
    return out


def fit(doc: Doc, render) -> None:
    """render(list of (plain text, indent em, right em, in columns)) -> extracted text of each
    candidate. Sets Use.code_text / Use.code_indent and Doc.fits[(use, block)]."""
    if doc.fitted:
        return
    doc.fitted = True
    todo = needs(doc)
    if not todo:
        return
    flat, index = [], []
    for k, need in enumerate(todo):
        for text in need.texts:
            for ind, right in GRID:
                flat.append((text, ind, right, need.cols))
                index.append((k, text, ind, right))
    segments = render(flat)
    chosen: dict[int, tuple] = {}
    for (k, text, ind, right), seg in zip(index, segments, strict=True):
        if k in chosen:
            continue
        pattern = CODE_BREAK if todo[k].kind == "code" else SHY_BREAK
        if pattern.search(seg):
            chosen[k] = (text, ind, right)
    for k, need in enumerate(todo):
        if k not in chosen:
            print(f"  note: {doc.name}: no {need.kind} break found for use {need.use}")
            continue
        text, ind, right = chosen[k]
        if need.kind == "code":
            doc.uses[need.use].code_text = text
            doc.uses[need.use].code_indent = (ind, right)
        else:
            doc.fits[(need.use, need.block)] = (ind, right)


def split_segments(text: str, n: int) -> list[str]:
    """Split calibration output at the markers "§§k" written before each candidate."""
    parts = re.split(r"§§(\d+)", text)
    segs = [""] * n
    for i in range(1, len(parts) - 1, 2):
        segs[int(parts[i])] = parts[i + 1]
    return segs


def printed_segments(pdf: Path, n: int) -> list[str]:
    """The text a producer printed into the calibration PDF, split into its n candidates."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    text = "".join(page.get_textpage().get_text_range() for page in document)
    document.close()
    return split_segments(text, n)
