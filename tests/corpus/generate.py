#!/usr/bin/env python3
"""Regenerate the extraction test corpus: tests/corpus/pdf/<name>.pdf + <name>.truth.json.

Usage (from the repository root):

    .venv/bin/python tests/corpus/generate.py            # every document
    .venv/bin/python tests/corpus/generate.py ch_ lo_a5  # names starting with these
    .venv/bin/python tests/corpus/generate.py --sources /tmp/src  # also keep HTML/FODT/DOCX

Producers: reportlab (Python package), LibreOffice (`soffice`, Debian package
libreoffice-writer-nogui) and Chromium (`chromium`). A producer that is not installed is
skipped with a message; its committed PDFs are left as they are.

Every document is built, read back with pypdfium2 and checked: the page of each article
title is found from the PDF (first large-type occurrence), every truth paragraph must be
found in the extracted words, documents with a MỤC LỤC are built twice so that the printed
page numbers are right, and the outline must point at the article pages.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Doc, Use, find_title, match_paragraph, read_pdf, tokens  # noqa: E402

OUT = HERE / "pdf"

# ---------------------------------------------------------------------------
# The documents

HOA_THUAN = "ĐẢNG BỘ PHƯỜNG HÒA THUẬN"
TAN_HIEP = "ĐẢNG BỘ XÃ TÂN HIỆP"
DONG_HAI = "ĐẢNG BỘ PHƯỜNG ĐÔNG HẢI"
AN_PHU = "ĐẢNG BỘ PHƯỜNG AN PHÚ"

DOCS: list[Doc] = [
    # ------------------------------------------------------------ reportlab
    Doc("rl_thongtin_so10_2025", "reportlab", "python", "135x205",
        "Thông tin tuyên truyền", HOA_THUAN, "Số 10 - Tháng 10/2025",
        outline=True, cover=True, toc=True,
        uses=[
            Use("so_ket_9_thang", 0, photo=True, byline="end"),
            Use("nq57", 0, byline="top"),
            Use("chuyen_doi_so", 0, photo=True),
            Use("guong_cuu_chien_binh", 1, new_page=False),
            Use("an_toan_giao_thong", 1, new_page=False, byline="top"),
        ]),
    Doc("rl_sinhhoat_chibo_t9_2cot", "reportlab", "python", "135x205",
        "Bản tin sinh hoạt chi bộ", TAN_HIEP, "Tháng 9/2025",
        two_column=True,
        uses=[
            Use("sinh_hoat_chi_bo", 0, caps=True, quote=True),
            Use("cach_mang_thang_tam", 1, caps=True, new_page=False, quote=True),
            Use("hoc_tap_bac_ho", 0, caps=True, new_page=False, byline="top"),
            Use("sot_xuat_huyet", 1, caps=True, new_page=False),
            Use("mat_tran_95", 0, caps=True, new_page=False, quote=True),
        ]),
    Doc("rl_dacbiet_quy3_a4", "reportlab", "python", "a4",
        "Thông tin tuyên truyền", DONG_HAI, "Số đặc biệt Quý III/2025",
        outline=True, outline_extra=["contents", "subheads"], cover=True,
        uses=[
            Use("dai_hoi_dang_bo", 0, photo=True),
            Use("cach_mang_thang_tam", 2, new_page=False, photo=True),
            Use("chinh_quyen_hai_cap", 0),
            Use("bhyt", 1, new_page=False),
            Use("pccc", 0),
            Use("rac_thai", 0, new_page=False, byline="top"),
            Use("guong_co_giao", 2, new_page=False, photo=True),
        ]),
    Doc("rl_nfd_a5", "reportlab", "python", "a5",
        "Bản tin sinh hoạt chi bộ", AN_PHU, "Tháng 11/2025",
        outline=True, nfd=True,
        uses=[
            Use("lua_dao_mang", 2),
            Use("sot_xuat_huyet", 0),
            Use("mat_tran_95", 1, new_page=False),
        ]),
    Doc("rl_plain_nooutline", "reportlab", "python", "135x205",
        "Thông tin tuyên truyền", AN_PHU, "Số 8 - Tháng 8/2025",
        header_footer=False,
        uses=[
            Use("bau_cu", 1),
            Use("pccc", 1),
            Use("guong_cuu_chien_binh", 0),
        ]),
    # ---------------------------------------------------------- LibreOffice
    Doc("lo_fodt_thongtin_so9", "libreoffice", "fodt", "135x205",
        "Thông tin tuyên truyền", TAN_HIEP, "Số 9 - Tháng 9/2025",
        outline=True, cover=True, toc=True,
        uses=[
            Use("nq57", 1, code_para=True),
            Use("chuyen_doi_so", 1, columns=True, quote=True),
            Use("pccc", 0, new_page=False),
            Use("bhyt", 0, byline="top"),
            Use("guong_co_giao", 0, new_page=False, columns=True, quote=True),
        ]),
    Doc("lo_docx_bantin_a4", "libreoffice", "docx", "a4",
        "Bản tin sinh hoạt chi bộ", HOA_THUAN, "Tháng 10/2025",
        outline=True, outline_extra=["subheads"], toc=True, font="Liberation Serif",
        uses=[
            Use("so_ket_9_thang", 1),
            Use("sinh_hoat_chi_bo", 0, new_page=False),
            Use("dai_hoi_dang_bo", 0, photo=True),
            Use("bau_cu", 0, new_page=False, byline="top"),
            Use("lua_dao_mang", 0),
        ]),
    Doc("lo_odt_xa_tanhiep", "libreoffice", "odt", "135x205",
        "Thông tin tuyên truyền", TAN_HIEP, "Số 11 - Tháng 11/2025",
        shy=True,
        uses=[
            Use("lua_dao_mang", 2, caps=True, photo=True),
            Use("chuyen_doi_so", 2, caps=True, new_page=False),
            Use("guong_cuu_chien_binh", 0, caps=True, photo=True),
            Use("rac_thai", 1, caps=True, new_page=False, byline="top"),
            Use("hoc_tap_bac_ho", 2, caps=True, photo=True),
        ]),
    Doc("lo_fodt_dacbiet_a5", "libreoffice", "fodt", "a5",
        "Thông tin tuyên truyền", DONG_HAI, "Số đặc biệt Quý III/2025",
        outline=True, outline_extra=["contents"], cover=True,
        uses=[
            Use("cach_mang_thang_tam", 0, code_para=False),
            Use("so_ket_9_thang", 2),
            Use("mat_tran_95", 2, new_page=False, columns=True),
            Use("an_toan_giao_thong", 0, new_page=False, columns=True, byline="top"),
        ]),
    # ------------------------------------------------------------- Chromium
    Doc("ch_thongtin_so11", "chromium", "html", "135x205",
        "Thông tin tuyên truyền", HOA_THUAN, "Số 11 - Tháng 11/2025",
        outline=True, cover=True, toc=True,
        uses=[
            Use("dai_hoi_dang_bo", 1, photo=True),
            Use("bhyt", 1),
            Use("pccc", 2, new_page=False, byline="top"),
            Use("guong_cuu_chien_binh", 2, photo=True),
            Use("sinh_hoat_chi_bo", 1, new_page=False),
        ]),
    Doc("ch_sinhhoat_2cot", "chromium", "html", "135x205",
        "Bản tin sinh hoạt chi bộ", AN_PHU, "Tháng 10/2025",
        two_column=True, shy=True, css_hyphens=True, font="Liberation Serif",
        uses=[
            Use("nq57", 2, code_para=True, quote=True),
            Use("lua_dao_mang", 1, new_page=False, quote=True),
            Use("rac_thai", 0, new_page=False),
            Use("chinh_quyen_hai_cap", 1, new_page=False, quote=True, byline="top"),
            Use("hoc_tap_bac_ho", 1, new_page=False),
        ]),
    Doc("ch_dacbiet_quy3_a4", "chromium", "html", "a4",
        "Thông tin tuyên truyền", DONG_HAI, "Số đặc biệt Quý III/2025",
        outline=True, outline_extra=["contents", "subheads"], cover=True,
        uses=[
            Use("cach_mang_thang_tam", 0, caps=True, photo=True),
            Use("nq57", 0, caps=True, new_page=False),
            Use("bau_cu", 1, caps=True),
            Use("so_ket_9_thang", 2, caps=True, new_page=False, photo=True),
            Use("chuyen_doi_so", 0, caps=True),
            Use("sot_xuat_huyet", 2, caps=True, new_page=False),
            Use("guong_co_giao", 2, caps=True, new_page=False, photo=True),
        ]),
    Doc("ch_a5_bantin", "chromium", "html", "a5",
        "Bản tin sinh hoạt chi bộ", TAN_HIEP, "Tháng 12/2025",
        shy=True, css_hyphens=True,
        uses=[
            Use("an_toan_giao_thong", 0, byline="top", photo=True),
            Use("mat_tran_95", 0, new_page=False),
            Use("rac_thai", 2, new_page=False, quote=True),
            Use("lua_dao_mang", 1, byline="top"),
        ]),
]


# ---------------------------------------------------------------------------


def builder(producer: str):
    if producer == "reportlab":
        import build_reportlab as m
    elif producer == "libreoffice":
        import build_libreoffice as m
    else:
        import build_chromium as m
    return m


def locate(doc: Doc, info: dict) -> tuple[list[int], list[int]]:
    """Page and number of lines of every article title."""
    pages, lines = [], []
    start = 2 if doc.cover else 1
    for u in doc.uses:
        found = find_title(info, u.title_text, start)
        if found is None:
            raise SystemExit(f"{doc.name}: title not found in large type: {u.title_text!r}")
        pages.append(found[0])
        lines.append(found[1])
        start = found[0]
    return pages, lines


def page_tokens(info: dict, pno: int) -> list[str]:
    return tokens(info["pages"][pno - 1]["text"])


def outline_page(entries: dict[str, int], *wants: str) -> int | None:
    """Page of the outline entry for a title (keys without whitespace). Accepts Chromium's
    entry for a heading split over a page break, which repeats the first line(s):
    "AB" + "ABC" for title "ABC"."""
    for want in wants:
        if want in entries:
            return entries[want]
        for k, page in entries.items():
            extra = len(k) - len(want)
            if 0 < extra < len(want) and k[extra:] == want and want.startswith(k[:extra]):
                return page
    return None


def check(doc: Doc, info: dict, pages: list[int]) -> list[str]:
    """Verification; returns a list of problems."""
    problems = []
    n = len(info["pages"])
    if not 3 <= n <= 12:
        problems.append(f"{n} pages (want 3-12)")
    all_tokens = [t for p in range(1, n + 1) for t in page_tokens(info, p)]
    for u in doc.uses:
        for para in u.printed_paragraphs:
            if not match_paragraph(all_tokens, para):
                problems.append(f"paragraph not found: {u.key}: {para[:60]!r}")
    # outline
    ol = info["outline"]
    if doc.outline != bool(ol):
        problems.append(f"outline present={bool(ol)} but spec says {doc.outline}")
    if ol:
        def key(s):  # Chromium joins wrapped heading lines without a space in the outline
            return re.sub(r"\s+", "", unicodedata.normalize("NFC", s))

        entries = {key(e["title"]): e["page"] for e in ol}
        for u, p in zip(doc.uses, pages, strict=True):
            got = outline_page(entries, key(u.title_text))
            if got == p - 1 and doc.producer == "chromium":
                # Chromium quirk kept in the corpus: a heading pushed to the top of the next
                # page keeps its outline destination on the page where its box began
                print(f"  quirk: {doc.name}: outline entry for {u.title_text!r} points at "
                      f"page {got}, the title is on page {p}")
            elif got != p:
                problems.append(f"outline entry for {u.title_text!r} -> {got}, title on {p}")
        levels = {key(e["title"]): e["level"] for e in ol}
        for u in doc.uses:
            lv = outline_page(levels, key(u.title_text))
            if lv not in (0, None):
                problems.append(f"outline entry for {u.title_text!r} is nested (level {lv})")
        extra = [e for e in ol if outline_page({key(e["title"]): 1},
                                               *[key(u.title_text) for u in doc.uses]) is None]
        if bool(extra) != bool(doc.outline_extra):
            problems.append(f"non-article outline entries: {[e['title'] for e in extra]}")
    return problems


def detect(doc: Doc, info: dict, pages: list[int], lines: list[int]) -> list[str]:
    feats = []
    if any(n > 1 for n in lines):
        feats.append("wrapped-title")
    shared = False
    for i in range(1, len(doc.uses)):
        prev_last = doc.uses[i - 1].truth_paragraphs[-1]
        tail = tokens(prev_last)[-4:]
        pt = page_tokens(info, pages[i])
        if any(pt[j:j + len(tail)] == tail for j in range(len(pt))):
            shared = True
    if shared:
        feats.append("article-starts-mid-page")
    ol = {re.sub(r"\s+", "", unicodedata.normalize("NFC", e["title"])): e["page"]
          for e in info["outline"]}
    for u, p in zip(doc.uses, pages, strict=True):
        want = re.sub(r"\s+", "", u.title_text)
        if ol and want not in ol and outline_page(ol, want):
            feats.append("outline-title-repeats-first-line")
        if outline_page(ol, want) == p - 1:
            feats.append("outline-dest-on-previous-page")
        if p > 1:
            prev = unicodedata.normalize("NFC", info["pages"][p - 2]["text"]).split("\r\n")[-1]
            if prev and set(prev.replace(" ", "")) <= set(u.title_text) and len(prev) < 8:
                feats.append("ghost-title-glyphs-on-previous-page")
    text = "".join(p["text"] for p in info["pages"])
    if re.search("57[-\u2010]\r?\nNQ|57[\u0002\ufffe]\r?\n?NQ", text):
        feats.append("code-hyphen-at-line-end")
    if doc.shy and re.search("[a-z](\u00ad|\u0002|\ufffe|\u2010\r?\n)[a-z]", text):
        feats.append("soft-hyphen-at-line-end")
    return feats


def generate(doc: Doc, srcdir: Path) -> dict:
    m = builder(doc.producer)
    out = OUT / f"{doc.name}.pdf"
    tmp = srcdir / f"{doc.name}.pdf"
    drawn = m.build(doc, str(tmp), None, srcdir)
    info = read_pdf(tmp)
    pages, lines = locate(doc, info)
    if doc.toc:
        toc = {u.key: p for u, p in zip(doc.uses, pages, strict=True)}
        drawn = m.build(doc, str(tmp), toc, srcdir)
        info = read_pdf(tmp)
        pages2, lines = locate(doc, info)
        if pages2 != pages:
            raise SystemExit(f"{doc.name}: pages moved between TOC passes {pages} -> {pages2}")
    if drawn:
        want = [drawn[u.key] for u in doc.uses]
        if want != pages:
            raise SystemExit(f"{doc.name}: reportlab drew titles on {want}, found on {pages}")
    problems = check(doc, info, pages)
    if problems:
        raise SystemExit(f"{doc.name}: " + "\n  ".join(["verification failed:"] + problems))
    shutil.copyfile(tmp, out)
    truth = {
        "producer": doc.producer,
        "source": doc.source,
        "has_outline": bool(info["outline"]),
        "features": doc.features() + detect(doc, info, pages, lines),
        "pages": len(info["pages"]),
        "chapters": [
            {"title": unicodedata.normalize("NFC", u.title_text), "page": p,
             "paragraphs": [unicodedata.normalize("NFC", s) for s in u.truth_paragraphs]}
            for u, p in zip(doc.uses, pages, strict=True)
        ],
    }
    (OUT / f"{doc.name}.truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return truth


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="only documents whose name starts with one of these")
    ap.add_argument("--sources", type=Path, help="keep the HTML/FODT/ODT/DOCX sources here")
    args = ap.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    docs = [d for d in DOCS if not args.names or any(d.name.startswith(n) for n in args.names)]
    reasons = {}
    for producer in sorted({d.producer for d in docs}):
        reasons[producer] = builder(producer).available()
        if reasons[producer]:
            print(f"SKIP {producer}: {reasons[producer]}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="corpus-") as td:
        srcdir = args.sources or Path(td)
        srcdir.mkdir(parents=True, exist_ok=True)
        for d in docs:
            if reasons[d.producer]:
                continue
            if d.source == "docx" and importlib.util.find_spec("docx") is None:
                print(f"SKIP {d.name}: python-docx is not installed (pip install python-docx)",
                      file=sys.stderr)
                continue
            t = generate(d, srcdir)
            print(f"{d.name:32s} {d.producer:11s} {t['pages']:2d} pages "
                  f"{len(t['chapters'])} chapters  pages={[c['page'] for c in t['chapters']]}"
                  f"  {','.join(t['features'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
