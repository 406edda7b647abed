"""Chromium producer: writes HTML + CSS and prints it with headless Chromium."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path

import fitting
from common import Doc, Use
from layout import pin_metadata

ACCENT = "#9b1c1c"
BINARIES = ("chromium", "chromium-browser", "google-chrome")


def _binary() -> str | None:
    for b in BINARIES:
        if shutil.which(b):
            return shutil.which(b)
    return None


def available() -> str | None:
    if not _binary():
        return "chromium not found (apt-get install --no-install-recommends chromium)"
    return None


def _print(html_path: Path, out_pdf: str, outline: bool) -> None:
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    try:
        cmd = [_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
               "--no-pdf-header-footer", f"--print-to-pdf={out_pdf}"]
        if outline:
            cmd.append("--generate-pdf-document-outline")
        cmd.append(html_path.resolve().as_uri())
        subprocess.run(cmd, check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def build(doc: Doc, out_path: str, toc_pages: dict[str, int] | None, workdir) -> dict:
    workdir = Path(workdir)
    fitting.fit(doc, lambda cands: _calibrate(doc, cands, workdir))
    src = workdir / f"{doc.name}.html"
    src.write_text(_html(doc, toc_pages), encoding="utf-8")
    _print(src, out_path, doc.outline)
    pin_metadata(out_path, doc.name)
    return {}


def _calibrate(doc: Doc, cands: list, workdir: Path) -> list[str]:
    src = workdir / f"{doc.name}.calib.html"
    pdf = workdir / f"{doc.name}.calib.pdf"
    src.write_text(_html(doc, None, cands), encoding="utf-8")
    _print(src, str(pdf), False)
    return fitting.printed_segments(pdf, len(cands))


PHOTO_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 100" preserveAspectRatio="none">'
    '<rect x="0.5" y="0.5" width="159" height="99" fill="#d9d9d9" stroke="#8c8c8c"/>'
    '<line x1="0" y1="0" x2="160" y2="100" stroke="#8c8c8c"/>'
    '<line x1="0" y1="100" x2="160" y2="0" stroke="#8c8c8c"/></svg>'
)


def _css(doc: Doc) -> str:
    w, h = doc.size_cm
    small = doc.page != "a4"
    body_pt = 9.5 if doc.two_column else (10.5 if small else 11)
    title_pt = 14 if doc.two_column else (16 if small else 18)
    mx = 1.5 if small else 2.0
    hyph = "hyphens: auto; -webkit-hyphens: auto;" if doc.css_hyphens else ""
    header = escape(doc.header_text).replace('"', '\\"')
    margin_boxes = (
        f'@top-center {{ content: "{header}"; font: italic 8pt "{doc.font}"; color: #444; '
        f'border-bottom: 0.6pt solid {ACCENT}; vertical-align: bottom; padding-bottom: 1mm; }}'
        f'@bottom-center {{ content: "Trang " counter(page); font: 9pt "{doc.font}"; }}'
        if doc.header_footer else "")
    return f"""
@page {{ size: {w}cm {h}cm; margin: 1.7cm {mx}cm 1.5cm {mx}cm; {margin_boxes} }}
@page cover {{ margin: 1.2cm {mx}cm; @top-center {{ content: none; border: none; }}
  @bottom-center {{ content: none; }} }}
html {{ font-family: "{doc.font}", serif; font-size: {body_pt}pt; line-height: 1.35; }}
body {{ margin: 0; }}
p {{ margin: 0 0 0.25em 0; text-align: justify; {hyph} }}
p.body {{ text-indent: 1.5em; }}
p.lead {{ font-weight: bold; margin-bottom: 0.5em; }}
p.sub, h2.sub {{ font-weight: bold; font-size: 1em; margin: 0.6em 0 0.2em 0;
  break-after: avoid; text-align: left; }}
h1.title {{ font-family: "DejaVu Sans", sans-serif; font-size: {title_pt}pt; color: {ACCENT};
  line-height: 1.2; margin: 0.5em 0 0.45em 0; break-after: avoid; break-inside: avoid;
  text-align: {"left" if doc.two_column else "center"}; }}
article.newpage {{ break-before: page; }}
article + article:not(.newpage) {{ margin-top: 1.2em; }}
p.byline {{ font-style: italic; font-size: 0.85em; text-align: right; break-after: avoid; }}
p.byline-end {{ font-weight: bold; text-align: right; margin: 0.4em 0 0.6em 0; }}
figure.photo {{ margin: 0.6em 0; break-inside: avoid; }}
figure.photo svg {{ display: block; width: 100%; height: {3.2 if doc.two_column else 4.2}cm; }}
figcaption {{ font-style: italic; font-size: 8pt; text-align: center; margin-top: 0.25em; }}
blockquote.pull {{ margin: 0.6em 0 0.8em 0; padding: 0.35em 0.2em;
  border-top: 1.2pt solid {ACCENT}; border-bottom: 1.2pt solid {ACCENT};
  font-style: italic; font-size: {body_pt + 2}pt; color: {ACCENT}; text-align: center;
  break-inside: avoid; }}
table.data {{ border-collapse: collapse; margin: 0.4em auto 0.7em auto; width: 96%;
  font-size: {body_pt - 1.5}pt; line-height: 1.25; }}
table.data th, table.data td {{ border: 0.5pt solid #555; padding: 0.2em 0.35em;
  text-align: left; vertical-align: top; }}
table.data th {{ background: #eee; }}
table.data tr {{ break-inside: avoid; }}
ul, ol {{ margin: 0.2em 0 0.4em 0; padding-left: 1.5em; }}
li {{ text-align: justify; margin-bottom: 0.15em; {hyph} }}
main.cols {{ column-count: 2; column-gap: 0.5cm; column-fill: auto; }}
.mast {{ text-align: center; margin-bottom: 0.6em; }}
.mast .org {{ font-family: "DejaVu Sans", sans-serif; font-weight: bold; font-size: 10pt; }}
.mast .kind {{ font-family: "DejaVu Sans", sans-serif; font-weight: bold;
  font-size: {22 if small else 28}pt; color: {ACCENT}; line-height: 1.15;
  margin: 0.2em 0; }}
.mast .issue {{ font-style: italic; }}
section.cover {{ page: cover; break-after: page; }}
section.cover .box {{ margin-top: 0.8em; }}
section.cover .boxhead {{ font-family: "DejaVu Sans", sans-serif; font-weight: bold;
  font-size: 10pt; color: {ACCENT}; margin: 0 0 0.3em 0; }}
section.cover .boxitem {{ font-family: "DejaVu Sans", sans-serif; font-size: 8.5pt;
  margin: 0 0 0.15em 0.8em; text-align: left; }}
section.cover figure.photo svg {{ height: {5.5 if small else 9}cm; }}
section.toc {{ break-after: page; }}
.toctitle {{ font-family: "DejaVu Sans", sans-serif; font-weight: bold; font-size: {title_pt}pt;
  color: {ACCENT}; text-align: center; margin: 0.3em 0 1em 0; }}
.tocline {{ display: flex; align-items: flex-end; margin-bottom: 0.5em; }}
.tocline .t {{ flex: 0 1 auto; }}
.tocline .dots {{ flex: 1 1 0; overflow: hidden; white-space: nowrap; min-width: 1.5em;
  margin: 0 0.2em; }}
.tocline .n {{ flex: 0 0 auto; }}
p.marker {{ font-size: 6pt; margin: 0; }}
"""


def _html(doc: Doc, toc_pages: dict[str, int] | None, calib=None) -> str:
    T = doc.render_text  # noqa: N806

    def X(s: str) -> str:  # noqa: N802
        return escape(T(s), quote=False)

    def indent_attr(ind):
        if ind is None:
            return ' class="body"'
        return f' class="body" style="text-indent: {ind[0]}em; margin-right: {ind[1]}em"'

    photo = f'<figure class="photo">{PHOTO_SVG}<figcaption>{{}}</figcaption></figure>'
    parts: list[str] = []
    title = escape(T(doc.kind + " " + doc.issue))
    head = (f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
            f"<title>{title}</title><style>{_css(doc)}</style></head><body>")
    main_cls = ' class="cols"' if doc.two_column else ""

    if calib is not None:
        groups: list[list[str]] = []
        cols_now = None
        for k, (text, ind, right, cols) in enumerate(calib):
            if cols != cols_now:
                groups.append([f'<main{" class=cols" if cols else ""}>'])
                cols_now = cols
            groups[-1].append(f'<p class="marker">§§{k}</p><p{indent_attr((ind, right))}>'
                              f"{X(text)}</p>")
        return head + "".join("".join(g) + "</main>" for g in groups) + "</body></html>"

    mast = (f'<div class="mast"><div class="org">{X(doc.org)}</div>'
            f'<div class="kind">{X(doc.kind.upper())}</div>')
    if doc.cover:
        parts.append('<section class="cover">' + mast
                     + f'<div class="issue">{X(doc.issue)}</div></div>')
        parts.append(photo.format(""))
        parts.append('<div class="box">')
        if "contents" in doc.outline_extra:
            parts.append(f'<h1 class="boxhead">{X("TRONG SỐ NÀY")}</h1>')
        else:
            parts.append(f'<div class="boxhead">{X("TRONG SỐ NÀY")}</div>')
        for u in doc.uses:
            parts.append(f'<p class="boxitem">– {X(u.title_text)}</p>')
        parts.append(f'</div><p class="mast issue" style="text-align:center">'
                     f'{X("Lưu hành nội bộ")}</p></section>')
    else:
        parts.append(mast + f'<div class="issue">{X(doc.issue + " - Lưu hành nội bộ")}</div>'
                     "</div>")
    if doc.toc:
        parts.append(f'<section class="toc"><div class="toctitle">{X("MỤC LỤC")}</div>')
        for u in doc.uses:
            num = (toc_pages or {}).get(u.key, 0)
            parts.append(f'<div class="tocline"><span class="t">{X(u.title_text)}</span>'
                         f'<span class="dots">{". " * 80}</span><span class="n">{num}</span>'
                         "</div>")
        parts.append("</section>")

    parts.append(f"<main{main_cls}>")
    for i, u in enumerate(doc.uses):
        cls = ' class="newpage"' if (u.new_page and i > 0) else ""
        parts.append(f"<article{cls}>")
        parts.append(f'<h1 class="title">{X(u.title_text)}</h1>')
        if u.byline == "top":
            parts.append(f'<p class="byline">{X("Bài: " + u.article["byline"])}</p>')
        parts += _blocks(doc, u, i, X, indent_attr, photo)
        if u.byline == "end":
            parts.append(f'<p class="byline-end">{X(u.article["byline"].upper())}</p>')
        parts.append("</article>")
    parts.append("</main>")
    return head + "\n".join(parts) + "</body></html>\n"


def _blocks(doc: Doc, u: Use, ui: int, X, indent_attr, photo) -> list[str]:  # noqa: N803
    out = []
    for j, (kind, val) in enumerate(u.blocks()):
        if kind == "lead":
            out.append(f'<p class="lead">{X(val)}</p>')
        elif kind == "p":
            out.append(f"<p{indent_attr(doc.fits.get((ui, j)))}>{X(val)}</p>")
        elif kind == "code":
            out.append(f"<p{indent_attr(u.code_indent)}>{X(val)}</p>")
        elif kind == "h":
            tag = "h2" if "subheads" in doc.outline_extra else "p"
            out.append(f'<{tag} class="sub">{X(val)}</{tag}>')
        elif kind in ("ul", "ol"):
            items = "".join(f"<li>{X(i)}</li>" for i in val)
            out.append(f"<{kind}>{items}</{kind}>")
        elif kind == "table":
            rows = []
            for r, row in enumerate(val):
                tag = "th" if r == 0 else "td"
                rows.append("<tr>" + "".join(f"<{tag}>{X(c)}</{tag}>" for c in row) + "</tr>")
            out.append('<table class="data">' + "".join(rows) + "</table>")
        elif kind == "photo":
            out.append(photo.format(X(val)))
        elif kind == "quote":
            out.append(f'<blockquote class="pull">“{X(val)}”</blockquote>')
    return out

