"""LibreOffice producer: writes FODT / ODT (hand-made ODF XML) or DOCX (python-docx) and
converts it with `soffice --headless --convert-to pdf`."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import fitting
from common import CM, Doc, Use
from layout import pin_metadata, placeholder_png

ACCENT = "#9b1c1c"


def available() -> str | None:
    if not shutil.which("soffice"):
        return ("soffice not found (apt-get install --no-install-recommends "
                "libreoffice-writer-nogui fonts-dejavu-core fonts-liberation2)")
    return None


def convert(src: Path, out_pdf: str, export_bookmarks: bool) -> None:
    outdir = Path(tempfile.mkdtemp(prefix="lo-out-"))
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        opts = '{"ExportBookmarks":{"type":"boolean","value":"%s"}}' % (
            "true" if export_bookmarks else "false")
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", f"pdf:writer_pdf_Export:{opts}", "--outdir", str(outdir),
             str(src)],
            check=True, capture_output=True, timeout=180)
        produced = outdir / (src.stem + ".pdf")
        if not produced.exists():
            raise RuntimeError(f"LibreOffice did not write {produced}")
        shutil.move(str(produced), out_pdf)
    finally:
        shutil.rmtree(outdir, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)


def build(doc: Doc, out_path: str, toc_pages: dict[str, int] | None, workdir) -> dict:
    workdir = Path(workdir)
    if doc.source != "docx":
        fitting.fit(doc, lambda cands: _calibrate(doc, cands, workdir))
    if doc.source == "docx":
        src = workdir / f"{doc.name}.docx"
        _write_docx(doc, src, toc_pages)
    else:
        src = workdir / f"{doc.name}.{doc.source}"
        _write_odf(doc, src, toc_pages)
    convert(src, out_path, export_bookmarks=doc.outline)
    pin_metadata(out_path, doc.name)
    return {}


def _calibrate(doc: Doc, cands: list, workdir: Path) -> list[str]:
    src = workdir / f"{doc.name}.calib.{doc.source}"
    pdf = workdir / f"{doc.name}.calib.pdf"
    _write_odf(doc, src, None, cands)
    convert(src, str(pdf), export_bookmarks=False)
    return fitting.printed_segments(pdf, len(cands))


# ---------------------------------------------------------------------------
# ODF (flat .fodt or zipped .odt)

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
    'office:version="1.3"'
)


def _odf_parts(doc: Doc, toc_pages: dict[str, int] | None, calib=None) -> dict[str, str]:
    T = doc.render_text  # noqa: N806

    def X(s: str) -> str:  # noqa: N802
        return escape(T(s))

    w_cm, h_cm = doc.size_cm
    small = doc.page != "a4"
    mx = 1.5 if small else 2.0
    body_pt = 10.5 if small else 11.0
    text_w_pt = (w_cm - 2 * mx) * CM
    col_gap_cm = 0.5
    col_w_pt = (text_w_pt - col_gap_cm * CM) / 2
    title_pt = 16 if small else 18
    heading_style = "Heading_20_1" if doc.outline else "ArticleTitle"
    font = doc.font

    fonts = f"""<office:font-face-decls>
<style:font-face style:name="{font}" svg:font-family="'{font}'" style:font-family-generic="roman"/>
<style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"
   style:font-family-generic="swiss"/>
</office:font-face-decls>"""

    styles = f"""<office:styles>
<style:default-style style:family="paragraph">
 <style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/>
 <style:text-properties style:font-name="{font}" fo:font-size="{body_pt}pt" fo:language="vi"
    fo:country="VN" fo:hyphenate="false"/>
</style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"
   style:parent-style-name="Standard" style:class="text">
 <style:paragraph-properties fo:text-align="justify" fo:text-indent="0.5cm" fo:margin-top="0cm"
    fo:margin-bottom="0.12cm" fo:line-height="118%"/>
</style:style>
<style:style style:name="Lead" style:family="paragraph" style:parent-style-name="Text_20_body">
 <style:paragraph-properties fo:text-indent="0cm" fo:margin-bottom="0.2cm"/>
 <style:text-properties fo:font-weight="bold"/>
</style:style>
<style:style style:name="Subhead" style:family="paragraph" style:parent-style-name="Text_20_body">
 <style:paragraph-properties fo:text-align="start" fo:text-indent="0cm" fo:margin-top="0.15cm"
    fo:keep-with-next="always"/>
 <style:text-properties fo:font-weight="bold"/>
</style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
   style:parent-style-name="Standard" style:default-outline-level="1" style:class="text">
 <style:paragraph-properties fo:text-align="center" fo:margin-top="0.3cm" fo:margin-bottom="0.25cm"
    fo:keep-with-next="always"/>
 <style:text-properties style:font-name="DejaVu Sans" fo:font-size="{title_pt}pt"
    fo:font-weight="bold" fo:color="{ACCENT}"/>
</style:style>
<style:style style:name="ArticleTitle" style:family="paragraph" style:parent-style-name="Standard"
   style:class="text">
 <style:paragraph-properties fo:text-align="start" fo:margin-top="0.3cm" fo:margin-bottom="0.25cm"
    fo:keep-with-next="always" fo:border-bottom="0.06pt solid {ACCENT}" fo:padding-bottom="0.1cm"/>
 <style:text-properties style:font-name="DejaVu Sans" fo:font-size="{title_pt - 1}pt"
    fo:font-weight="bold" fo:color="{ACCENT}"/>
</style:style>
<style:style style:name="BylineTop" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="end" fo:margin-bottom="0.15cm"
    fo:keep-with-next="always"/>
 <style:text-properties fo:font-size="{body_pt - 1.5}pt" fo:font-style="italic"/>
</style:style>
<style:style style:name="BylineEnd" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="end" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/>
 <style:text-properties fo:font-weight="bold"/>
</style:style>
<style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="center" fo:margin-top="0.08cm"
    fo:margin-bottom="0.25cm"/>
 <style:text-properties fo:font-size="8pt" fo:font-style="italic"/>
</style:style>
<style:style style:name="Photo" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="center" fo:margin-top="0.15cm"
    fo:keep-with-next="always"/>
</style:style>
<style:style style:name="PullQuote" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="center" fo:margin-top="0.25cm" fo:margin-bottom="0.3cm"
    fo:border-top="1.2pt solid {ACCENT}" fo:border-bottom="1.2pt solid {ACCENT}" fo:padding="0.12cm"
    fo:line-height="120%"/>
 <style:text-properties fo:font-size="{body_pt + 2}pt" fo:font-style="italic" fo:color="{ACCENT}"/>
</style:style>
<style:style style:name="ListItem" style:family="paragraph" style:parent-style-name="Text_20_body">
 <style:paragraph-properties fo:text-indent="0cm" fo:margin-bottom="0.05cm"/>
</style:style>
<style:style style:name="Cell" style:family="paragraph" style:parent-style-name="Standard">
 <style:text-properties fo:font-size="{body_pt - 1.5}pt"/>
</style:style>
<style:style style:name="CellHead" style:family="paragraph" style:parent-style-name="Cell">
 <style:text-properties fo:font-weight="bold"/>
</style:style>
<style:style style:name="TocTitle" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm"/>
 <style:text-properties style:font-name="DejaVu Sans" fo:font-size="{title_pt}pt"
    fo:font-weight="bold" fo:color="{ACCENT}"/>
</style:style>
<style:style style:name="TocLine" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:margin-bottom="0.2cm" fo:margin-right="0cm">
  <style:tab-stops><style:tab-stop style:position="{(w_cm - 2 * mx):.2f}cm" style:type="right"
     style:leader-style="dotted" style:leader-text="."/></style:tab-stops>
 </style:paragraph-properties>
</style:style>
<style:style style:name="MastOrg" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.2cm"/>
 <style:text-properties style:font-name="DejaVu Sans" fo:font-size="10pt" fo:font-weight="bold"/>
</style:style>
<style:style style:name="MastKind" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.15cm"/>
 <style:text-properties style:font-name="DejaVu Sans" fo:font-size="{22 if small else 28}pt"
    fo:font-weight="bold" fo:color="{ACCENT}"/>
</style:style>
<style:style style:name="MastIssue" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/>
 <style:text-properties fo:font-style="italic"/>
</style:style>
<style:style style:name="BoxHead" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.1cm"/>
 <style:text-properties style:font-name="DejaVu Sans" fo:font-size="10pt" fo:font-weight="bold"
    fo:color="{ACCENT}"/>
</style:style>
<style:style style:name="BoxItem" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:margin-left="0.3cm" fo:margin-bottom="0.05cm"/>
 <style:text-properties style:font-name="DejaVu Sans" fo:font-size="8.5pt"/>
</style:style>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="center" fo:border-bottom="0.6pt solid {ACCENT}"
    fo:padding-bottom="0.05cm"/>
 <style:text-properties fo:font-size="8pt" fo:font-style="italic"/>
</style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
 <style:paragraph-properties fo:text-align="center"/>
 <style:text-properties fo:font-size="9pt"/>
</style:style>
<style:style style:name="BulletChar" style:family="text">
 <style:text-properties style:font-name="DejaVu Sans"/>
</style:style>
<text:list-style style:name="LBullet">
 <text:list-level-style-bullet text:level="1" text:style-name="BulletChar" text:bullet-char="•">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
   <style:list-level-label-alignment text:label-followed-by="listtab"
      text:list-tab-stop-position="0.5cm" fo:text-indent="-0.4cm" fo:margin-left="0.5cm"/>
  </style:list-level-properties>
 </text:list-level-style-bullet>
</text:list-style>
<text:list-style style:name="LNumber">
 <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
   <style:list-level-label-alignment text:label-followed-by="listtab"
      text:list-tab-stop-position="0.6cm" fo:text-indent="-0.5cm" fo:margin-left="0.6cm"/>
  </style:list-level-properties>
 </text:list-level-style-number>
</text:list-style>
</office:styles>"""

    page_auto = f"""<style:page-layout style:name="pmCover">
 <style:page-layout-properties fo:page-width="{w_cm}cm" fo:page-height="{h_cm}cm"
    fo:margin-top="1.5cm" fo:margin-bottom="1.2cm" fo:margin-left="{mx}cm" fo:margin-right="{mx}cm"
    style:print-orientation="portrait"/>
</style:page-layout>
<style:page-layout style:name="pmMain">
 <style:page-layout-properties fo:page-width="{w_cm}cm" fo:page-height="{h_cm}cm"
    fo:margin-top="0.9cm" fo:margin-bottom="0.8cm" fo:margin-left="{mx}cm" fo:margin-right="{mx}cm"
    style:print-orientation="portrait"/>
 <style:header-style><style:header-footer-properties fo:min-height="0.5cm"
    fo:margin-bottom="0.35cm"/></style:header-style>
 <style:footer-style><style:header-footer-properties fo:min-height="0.5cm"
    fo:margin-top="0.3cm"/></style:footer-style>
</style:page-layout>"""

    if doc.header_footer:
        hf = (f'<style:header><text:p text:style-name="Header">{X(doc.header_text)}</text:p>'
              '</style:header><style:footer><text:p text:style-name="Footer">Trang '
              '<text:page-number text:select-page="current">1</text:page-number></text:p>'
              '</style:footer>')
    else:
        hf = ""
    masters = f"""<office:master-styles>
<style:master-page style:name="Cover" style:page-layout-name="pmCover"
   style:next-style-name="Standard"/>
<style:master-page style:name="Standard" style:page-layout-name="pmMain">{hf}</style:master-page>
</office:master-styles>"""

    photo_b64 = base64.b64encode(placeholder_png()).decode()
    auto = [
        f'<style:style style:name="TitleBreak" style:family="paragraph" '
        f'style:parent-style-name="{heading_style}">'
        '<style:paragraph-properties fo:break-before="page"/></style:style>',
        f'<style:style style:name="TitleFirst" style:family="paragraph" '
        f'style:parent-style-name="{heading_style}" style:master-page-name="Standard">'
        '<style:paragraph-properties style:page-number="auto"/></style:style>',
        '<style:style style:name="CoverFirst" style:family="paragraph" '
        'style:parent-style-name="MastOrg" style:master-page-name="Cover"/>',
        '<style:style style:name="TocFirst" style:family="paragraph" '
        'style:parent-style-name="TocTitle" style:master-page-name="Standard">'
        '<style:paragraph-properties style:page-number="auto"/></style:style>',
        '<style:style style:name="BoxHeadH" style:family="paragraph" '
        'style:parent-style-name="Heading_20_1"><style:paragraph-properties '
        'fo:text-align="start" fo:margin-top="0.3cm" fo:margin-bottom="0.1cm"/>'
        '<style:text-properties fo:font-size="10pt"/></style:style>',
        '<style:style style:name="Sect2" style:family="section"><style:section-properties>'
        f'<style:columns fo:column-count="2" fo:column-gap="{col_gap_cm}cm"/>'
        '</style:section-properties></style:style>',
        '<style:style style:name="Tbl" style:family="table"><style:table-properties '
        f'style:width="{(w_cm - 2 * mx) * 0.96:.2f}cm" table:align="center" '
        'fo:margin-top="0.1cm" fo:margin-bottom="0.25cm"/></style:style>',
        '<style:style style:name="TblCol" style:family="table"><style:table-properties '
        f'style:width="{col_w_pt / CM * 0.98:.2f}cm" table:align="center" '
        'fo:margin-top="0.1cm" fo:margin-bottom="0.25cm"/></style:style>',
        '<style:style style:name="TblRow" style:family="table-row"><style:table-row-properties '
        'fo:keep-together="always"/></style:style>',
        '<style:style style:name="TblCell" style:family="table-cell">'
        '<style:table-cell-properties fo:padding="0.07cm" fo:border="0.5pt solid #555555"/>'
        '</style:style>',
        '<style:style style:name="TblHead" style:family="table-cell">'
        '<style:table-cell-properties fo:padding="0.07cm" fo:border="0.5pt solid #555555" '
        'fo:background-color="#eeeeee"/></style:style>',
        '<style:style style:name="fr1" style:family="graphic"><style:graphic-properties '
        'style:wrap="none" style:vertical-pos="top" style:horizontal-pos="center" '
        'style:horizontal-rel="paragraph" fo:border="none"/></style:style>',
    ]
    code_styles: dict[str, str] = {}

    body: list[str] = []
    n_frames = [0]

    def p(style: str, text: str) -> str:
        return f'<text:p text:style-name="{style}">{X(text)}</text:p>'

    def h(style: str, text: str) -> str:
        if not doc.outline:
            return p(style, text)
        return (f'<text:h text:style-name="{style}" text:outline-level="1">{X(text)}'
                "</text:h>")

    def photo(width_cm: float, height_cm: float) -> str:
        n_frames[0] += 1
        return (f'<text:p text:style-name="Photo"><draw:frame draw:style-name="fr1" '
                f'draw:name="Photo{n_frames[0]}" text:anchor-type="as-char" '
                f'svg:width="{width_cm:.2f}cm" svg:height="{height_cm:.2f}cm">'
                f'<draw:image><office:binary-data>{photo_b64}</office:binary-data>'
                '</draw:image></draw:frame></text:p>')

    def indent_style(indents: tuple[float, float] | None) -> str:
        if indents is None:
            return "Text_20_body"
        sname = f"Indent{len(code_styles) + 1}"
        code_styles[sname] = (
            f'<style:style style:name="{sname}" style:family="paragraph" '
            'style:parent-style-name="Text_20_body"><style:paragraph-properties '
            f'fo:text-indent="{indents[0] * body_pt:.2f}pt" '
            f'fo:margin-right="{indents[1] * body_pt:.2f}pt"/></style:style>')
        return sname

    def blocks(u: Use, in_cols: bool) -> list[str]:
        out = []
        width_cm = (w_cm - 2 * mx - (col_gap_cm if in_cols else 0)) / (2 if in_cols else 1)
        ui = doc.uses.index(u)
        for j, (kind, val) in enumerate(u.blocks()):
            if kind == "lead":
                out.append(p("Lead", val))
            elif kind == "p":
                out.append(p(indent_style(doc.fits.get((ui, j))), val))
            elif kind == "code":
                out.append(p(indent_style(u.code_indent), val))
            elif kind == "h":
                out.append(p("Subhead", val))
            elif kind in ("ul", "ol"):
                ls = "LBullet" if kind == "ul" else "LNumber"
                items = "".join(f'<text:list-item>{p("ListItem", i)}</text:list-item>'
                                for i in val)
                out.append(f'<text:list text:style-name="{ls}">{items}</text:list>')
            elif kind == "table":
                ncol = len(val[0])
                rows = []
                for r, row in enumerate(val):
                    cs = "TblHead" if r == 0 else "TblCell"
                    ps = "CellHead" if r == 0 else "Cell"
                    cells = "".join(
                        f'<table:table-cell table:style-name="{cs}" office:value-type="string">'
                        f'{p(ps, c)}</table:table-cell>' for c in row)
                    rows.append(f'<table:table-row table:style-name="TblRow">{cells}'
                                '</table:table-row>')
                tstyle = "TblCol" if in_cols else "Tbl"
                out.append(f'<table:table table:name="Bang{len(body)}" '
                           f'table:style-name="{tstyle}">'
                           f'<table:table-column table:number-columns-repeated="{ncol}"/>'
                           + "".join(rows) + "</table:table>")
            elif kind == "photo":
                out.append(photo(width_cm * 0.95, 3.2 if in_cols else 4.2))
                out.append(p("Caption", val))
            elif kind == "quote":
                out.append(p("PullQuote", "“" + val + "”"))
        return out

    if calib is not None:
        # calibration document: marker + candidate paragraph, grouped by column context
        run: list[str] = []
        cols_now = False

        def flush():
            if run and cols_now:
                body.append('<text:section text:style-name="Sect2" text:name="Cal'
                            f'{len(body)}">' + "".join(run) + "</text:section>")
            else:
                body.extend(run)
            run.clear()

        for k, (text, ind, right, cols) in enumerate(calib):
            if cols != cols_now:
                flush()
                cols_now = cols
            run.append(f'<text:p text:style-name="Standard">§§{k}</text:p>')
            run.append(p(indent_style((ind, right)), text))
        flush()
        auto += list(code_styles.values())
        return {"fonts": fonts, "styles": styles, "page_auto": page_auto,
                "masters": masters, "auto": "\n".join(auto), "body": "\n".join(body)}

    # --- cover / masthead
    first_style = None
    if doc.cover:
        body.append(p("CoverFirst", doc.org))
        body.append(p("MastKind", doc.kind.upper()))
        body.append(p("MastIssue", doc.issue))
        body.append(photo(w_cm - 2 * mx, 5.0 if small else 9.0))
        if "contents" in doc.outline_extra:
            body.append(h("BoxHeadH", "TRONG SỐ NÀY"))
        else:
            body.append(p("BoxHead", "TRONG SỐ NÀY"))
        for u in doc.uses:
            body.append(p("BoxItem", "– " + u.title_text))
        body.append(p("MastIssue", "Lưu hành nội bộ"))
        first_style = "TocFirst" if doc.toc else "TitleFirst"
    else:
        body.append(p("MastOrg", doc.org))
        body.append(p("MastKind", doc.kind.upper()))
        body.append(p("MastIssue", doc.issue + " - Lưu hành nội bộ"))
    if doc.toc:
        body.append(p(first_style or "TocTitle", "MỤC LỤC"))
        for u in doc.uses:
            num = (toc_pages or {}).get(u.key, 0)
            body.append(f'<text:p text:style-name="TocLine">{X(u.title_text)}<text:tab/>'
                        f"{num}</text:p>")
        first_style = "TitleBreak"

    for i, u in enumerate(doc.uses):
        if i == 0 and first_style:
            style = first_style
        elif i == 0:
            style = heading_style
        else:
            style = "TitleBreak" if u.new_page else heading_style
        body.append(h(style, u.title_text))
        if u.byline == "top":
            body.append(p("BylineTop", "Bài: " + u.article["byline"]))
        inner = blocks(u, u.columns)
        if u.byline == "end":
            inner.append(p("BylineEnd", u.article["byline"].upper()))
        if u.columns:
            body.append(f'<text:section text:style-name="Sect2" text:name="Cot{i + 1}">'
                        + "".join(inner) + "</text:section>")
        else:
            body += inner
    auto += list(code_styles.values())

    return {
        "fonts": fonts,
        "styles": styles,
        "page_auto": page_auto,
        "masters": masters,
        "auto": "\n".join(auto),
        "body": "\n".join(body),
    }


def _write_odf(doc: Doc, path: Path, toc_pages, calib=None) -> None:
    x = _odf_parts(doc, toc_pages, calib)
    meta = ('<office:meta><meta:generator xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:'
            'meta:1.0">tests/corpus/generate.py</meta:generator></office:meta>')
    if doc.source == "fodt":
        xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} '
               'office:mimetype="application/vnd.oasis.opendocument.text">\n'
               f'{meta}\n{x["fonts"]}\n{x["styles"]}\n<office:automatic-styles>{x["page_auto"]}'
               f'\n{x["auto"]}</office:automatic-styles>\n{x["masters"]}\n'
               f'<office:body><office:text>\n{x["body"]}\n</office:text></office:body>'
               '</office:document>\n')
        path.write_text(xml, encoding="utf-8")
        return
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NS}>'
               f'{x["fonts"]}<office:automatic-styles>{x["auto"]}</office:automatic-styles>'
               f'<office:body><office:text>{x["body"]}</office:text></office:body>'
               '</office:document-content>')
    styles = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {NS}>'
              f'{x["fonts"]}{x["styles"]}<office:automatic-styles>{x["page_auto"]}'
              f'</office:automatic-styles>{x["masters"]}</office:document-styles>')
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
        '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype", (2025, 1, 1, 0, 0, 0)),
                   "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        for name, data in (("content.xml", content), ("styles.xml", styles),
                           ("META-INF/manifest.xml", manifest)):
            z.writestr(zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0)), data,
                       compress_type=zipfile.ZIP_DEFLATED)


# ---------------------------------------------------------------------------
# DOCX via python-docx


def _write_docx(doc: Doc, path: Path, toc_pages) -> None:
    import io

    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    T = doc.render_text  # noqa: N806
    d = Document()
    accent = RGBColor(0x9B, 0x1C, 0x1C)
    w_cm, h_cm = doc.size_cm
    small = doc.page != "a4"
    mx = 1.5 if small else 2.0
    body_pt = 10.5 if small else 11

    def set_font(style_or_run, name):
        style_or_run.font.name = name
        rpr = style_or_run.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if fonts.get(qn(a)) is not None:
                del fonts.attrib[qn(a)]
        for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(a), name)

    st = d.styles
    normal = st["Normal"]
    set_font(normal, doc.font)
    normal.font.size = Pt(body_pt)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.line_spacing = 1.12
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    rpr.append(lang)
    h1 = st["Heading 1"]
    set_font(h1, "DejaVu Sans")
    h1.font.size = Pt(16 if small else 18)
    h1.font.bold = True
    h1.font.color.rgb = accent
    h1.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    h1.paragraph_format.space_before = Pt(6)
    h1.paragraph_format.space_after = Pt(8)
    h2 = st["Heading 2"]
    set_font(h2, doc.font)
    h2.font.size = Pt(body_pt)
    h2.font.bold = True
    h2.font.italic = False
    h2.font.color.rgb = RGBColor(0, 0, 0)
    h2.paragraph_format.space_before = Pt(5)
    h2.paragraph_format.space_after = Pt(2)
    for name in ("List Bullet", "List Number", "Caption", "Title"):
        set_font(st[name], doc.font)

    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(w_cm), Cm(h_cm)
    sec.left_margin = sec.right_margin = Cm(mx)
    sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(1.8)
    sec.header_distance, sec.footer_distance = Cm(0.9), Cm(0.8)
    if doc.header_footer:
        hp = sec.header.paragraphs[0]
        hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = hp.add_run(T(doc.header_text))
        r.italic = True
        r.font.size = Pt(8)
        fp = sec.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fp.add_run("Trang ").font.size = Pt(9)
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), "PAGE")
        rr = OxmlElement("w:r")
        tt = OxmlElement("w:t")
        tt.text = "1"
        rr.append(tt)
        fld.append(rr)
        fp._p.append(fld)

    def para(text, *, bold=False, italic=False, size=None, align=None, indent=True,
             color=None, font=None, space_after=None, keep=False):
        p = d.add_paragraph()
        r = p.add_run(T(text))
        r.bold, r.italic = bold, italic
        if size:
            r.font.size = Pt(size)
        if color:
            r.font.color.rgb = color
        if font:
            set_font(r, font)
        pf = p.paragraph_format
        pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if align is None else align
        if indent:
            pf.first_line_indent = Cm(0.6)
        if space_after is not None:
            pf.space_after = Pt(space_after)
        if keep:
            pf.keep_with_next = True
        return p

    png = placeholder_png()
    # masthead
    para(doc.org, bold=True, size=10, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
         font="DejaVu Sans")
    para(doc.kind.upper(), bold=True, size=24, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
         color=accent, font="DejaVu Sans")
    para(doc.issue + " - Lưu hành nội bộ", italic=True, align=WD_ALIGN_PARAGRAPH.CENTER,
         indent=False, space_after=12)
    if doc.toc:
        para("MỤC LỤC", bold=True, size=13, align=WD_ALIGN_PARAGRAPH.LEFT, indent=False,
             color=accent, font="DejaVu Sans")
        for u in doc.uses:
            p = d.add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(Cm(w_cm - 2 * mx),
                                                      WD_TAB_ALIGNMENT.RIGHT,
                                                      WD_TAB_LEADER.DOTS)
            p.add_run(T(u.title_text) + "\t" + str((toc_pages or {}).get(u.key, 0)))
        para("", indent=False, space_after=6)

    for i, u in enumerate(doc.uses):
        h = d.add_heading(T(u.title_text), level=1)
        if u.new_page and i > 0:
            h.paragraph_format.page_break_before = True
        if u.byline == "top":
            para("Bài: " + u.article["byline"], italic=True, size=body_pt - 1.5,
                 align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False, keep=True)
        for kind, val in u.blocks():
            if kind == "lead":
                para(val, bold=True, indent=False, space_after=6)
            elif kind in ("p", "code"):
                para(val)
            elif kind == "h":
                if "subheads" in doc.outline_extra:
                    d.add_heading(T(val), level=2)
                else:
                    para(val, bold=True, indent=False, keep=True,
                         align=WD_ALIGN_PARAGRAPH.LEFT)
            elif kind == "ul":
                for item in val:
                    p = d.add_paragraph(T(item), style="List Bullet")
                    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            elif kind == "ol":
                for n, item in enumerate(val, 1):
                    p = para(f"{n}. {item}", indent=False)
                    p.paragraph_format.left_indent = Cm(0.6)
                    p.paragraph_format.first_line_indent = Cm(-0.6)
            elif kind == "table":
                t = d.add_table(rows=len(val), cols=len(val[0]))
                t.style = st["Table Grid"]
                t.alignment = WD_TABLE_ALIGNMENT.CENTER
                for r, row in enumerate(val):
                    for c, cell_text in enumerate(row):
                        cell = t.cell(r, c)
                        cp = cell.paragraphs[0]
                        run = cp.add_run(T(cell_text))
                        run.font.size = Pt(body_pt - 1.5)
                        run.bold = r == 0
                        cp.paragraph_format.first_line_indent = Cm(0)
                        cp.paragraph_format.space_after = Pt(0)
                para("", indent=False, space_after=2)
            elif kind == "photo":
                d.add_picture(io.BytesIO(png), width=Cm((w_cm - 2 * mx) * 0.8))
                d.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
                d.paragraphs[-1].paragraph_format.keep_with_next = True
                para(val, italic=True, size=8, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
            elif kind == "quote":
                para("“" + val + "”", italic=True, size=body_pt + 2,
                     align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, color=accent)
        if u.byline == "end":
            para(u.article["byline"].upper(), bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT,
                 indent=False, space_after=10)
    d.core_properties.title = T(doc.kind + " " + doc.issue)
    d.core_properties.author = T(doc.org)
    d.save(str(path))
    os.utime(path, (0, 0))
