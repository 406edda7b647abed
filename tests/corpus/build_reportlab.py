"""reportlab producer: builds one corpus document straight from Python."""

from __future__ import annotations

import os
from xml.sax.saxutils import escape

from common import CM, Doc

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONT_FILES = {
    "Serif": "DejaVuSerif.ttf",
    "Serif-Bold": "DejaVuSerif-Bold.ttf",
    "Serif-Italic": "DejaVuSerif-Italic.ttf",
    "Serif-BoldItalic": "DejaVuSerif-BoldItalic.ttf",
    "Sans": "DejaVuSans.ttf",
    "Sans-Bold": "DejaVuSans-Bold.ttf",
}


def available() -> str | None:
    """None when usable, else the reason why not."""
    try:
        import reportlab  # noqa: F401
    except ImportError:
        return "reportlab is not installed (pip install reportlab)"
    missing = [f for f in FONT_FILES.values() if not os.path.exists(os.path.join(FONT_DIR, f))]
    if missing:
        return f"DejaVu fonts missing in {FONT_DIR} (apt-get install fonts-dejavu-core): {missing}"
    return None


_registered = False


def _register() -> None:
    global _registered
    if _registered:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, fn in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont("DV" + name, os.path.join(FONT_DIR, fn)))
    addMapping("DVSerif", 0, 0, "DVSerif")
    addMapping("DVSerif", 1, 0, "DVSerif-Bold")
    addMapping("DVSerif", 0, 1, "DVSerif-Italic")
    addMapping("DVSerif", 1, 1, "DVSerif-BoldItalic")
    addMapping("DVSans", 0, 0, "DVSans")
    addMapping("DVSans", 1, 0, "DVSans-Bold")
    addMapping("DVSans", 0, 1, "DVSans")
    addMapping("DVSans", 1, 1, "DVSans-Bold")
    _registered = True


def build(doc: Doc, out_path: str, toc_pages: dict[str, int] | None, workdir=None,
          ) -> dict[str, int]:
    """Write the PDF; return {article key: page where its title was drawn}."""
    _register()
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import (
        BaseDocTemplate,
        CondPageBreak,
        Flowable,
        Frame,
        FrameBreak,
        KeepTogether,
        ListFlowable,
        ListItem,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    rl_config.invariant = 1  # deterministic output (fixed dates and document id)
    T = doc.render_text  # noqa: N806

    def X(s: str) -> str:  # noqa: N802 - article text for Paragraph markup
        return escape(T(s))

    def D(s: str) -> str:  # noqa: N802 - furniture (masthead, bylines): never NFD
        return escape(s)

    width, height = doc.size_pt
    small = doc.page != "a4"
    body_size = 9.5 if doc.two_column else (10.5 if small else 11)
    margin_x = 1.4 * CM if small else 2.0 * CM
    margin_top = 1.6 * CM if small else 2.2 * CM
    margin_bottom = 1.5 * CM if small else 2.0 * CM
    accent = colors.HexColor("#9b1c1c")

    st_body = ParagraphStyle("body", fontName="DVSerif", fontSize=body_size,
                             leading=body_size * 1.35, alignment=TA_JUSTIFY,
                             firstLineIndent=0.5 * CM, spaceAfter=3)
    st_lead = ParagraphStyle("lead", parent=st_body, fontName="DVSerif-Bold", firstLineIndent=0,
                             spaceAfter=5)
    st_sub = ParagraphStyle("sub", parent=st_body, fontName="DVSerif-Bold", firstLineIndent=0,
                            spaceBefore=4, spaceAfter=2, keepWithNext=1, alignment=TA_LEFT)
    title_size = 14 if doc.two_column else (16 if small else 18)
    st_title = ParagraphStyle("title", fontName="DVSans-Bold", fontSize=title_size,
                              leading=title_size * 1.22, textColor=accent, spaceBefore=6,
                              spaceAfter=6, keepWithNext=1,
                              alignment=TA_LEFT if doc.two_column else TA_CENTER)
    st_byline_top = ParagraphStyle("bylinetop", parent=st_body, fontName="DVSerif-Italic",
                                   fontSize=body_size - 1.5, alignment=TA_RIGHT,
                                   firstLineIndent=0, spaceAfter=4, keepWithNext=1)
    st_byline_end = ParagraphStyle("bylineend", parent=st_body, fontName="DVSerif-Bold",
                                   alignment=TA_RIGHT, firstLineIndent=0, spaceBefore=2,
                                   spaceAfter=8)
    st_caption = ParagraphStyle("caption", parent=st_body, fontName="DVSerif-Italic",
                                fontSize=8, leading=10, alignment=TA_CENTER, firstLineIndent=0,
                                spaceAfter=6)
    st_quote = ParagraphStyle("quote", parent=st_body, fontName="DVSerif-Italic",
                              fontSize=body_size + 2, leading=(body_size + 2) * 1.3,
                              alignment=TA_CENTER, firstLineIndent=0, textColor=accent)
    st_cell = ParagraphStyle("cell", parent=st_body, fontSize=body_size - 1.5,
                             leading=(body_size - 1.5) * 1.25, firstLineIndent=0,
                             alignment=TA_LEFT, spaceAfter=0)
    st_cellh = ParagraphStyle("cellh", parent=st_cell, fontName="DVSerif-Bold")
    st_item = ParagraphStyle("item", parent=st_body, firstLineIndent=0, spaceAfter=1)
    st_small = ParagraphStyle("small", parent=st_body, fontName="DVSans", fontSize=9,
                              leading=11, alignment=TA_CENTER, firstLineIndent=0)

    drawn: dict[str, int] = {}

    class TitlePara(Paragraph):
        """An article title that records its page and adds an outline entry."""

        def __init__(self, key, title, style):
            super().__init__(X(title), style)
            self._key, self._title = key, title

        def draw(self):
            c = self.canv
            drawn.setdefault(self._key, c.getPageNumber())
            if doc.outline:
                c.bookmarkHorizontal("a_" + self._key, 0, self.height)
                c.addOutlineEntry(T(self._title), "a_" + self._key, level=0)
            super().draw()

    class OutlinePara(Paragraph):
        """A paragraph that adds a (non-article) outline entry."""

        n = 0

        def __init__(self, text, style, level):
            super().__init__(X(text), style)
            self._text, self._level = text, level

        def draw(self):
            c = self.canv
            OutlinePara.n += 1
            key = f"x{OutlinePara.n}"
            c.bookmarkHorizontal(key, 0, self.height)
            c.addOutlineEntry(T(self._text), key, level=self._level)
            super().draw()

    class PhotoBox(Flowable):
        def __init__(self, h):
            super().__init__()
            self.h = h

        def wrap(self, aw, ah):
            self.w = aw
            return aw, self.h

        def draw(self):
            c = self.canv
            c.setFillColor(colors.HexColor("#d9d9d9"))
            c.setStrokeColor(colors.HexColor("#8c8c8c"))
            c.rect(0, 0, self.w, self.h, fill=1, stroke=1)
            c.line(0, 0, self.w, self.h)
            c.line(0, self.h, self.w, 0)

    class TocLine(Flowable):
        """Title ..... page, with the dot leader drawn as text."""

        def __init__(self, title, page, style):
            super().__init__()
            self.para = Paragraph(X(title), style)
            self.page = str(page)
            self.style = style

        def wrap(self, aw, ah):
            self.aw = aw
            self.num_w = 1.0 * CM
            _, h = self.para.wrap(aw - self.num_w - 0.6 * CM, ah)
            return aw, h + 4

        def draw(self):
            c = self.canv
            p = self.para
            p.drawOn(c, 0, 4)
            lines = p.blPara.lines
            last = lines[-1]
            extra = last[0] if isinstance(last, tuple) else last.extraSpace
            last_w = p.width - extra
            fs = self.style.fontSize
            y = 4 + p.style.leading * 0.22
            dot_w = stringWidth(" .", "DVSerif", fs)
            x0 = last_w + 3
            x1 = self.aw - self.num_w + 2
            c.setFont("DVSerif", fs)
            c.setFillColor(colors.black)
            c.drawString(x0, y, " ." * max(0, int((x1 - x0) / dot_w)))
            c.drawRightString(self.aw, y, self.page)

    def body_flowables(u):
        out = []
        for kind, val in u.blocks():
            if kind == "lead":
                out.append(Paragraph(X(val), st_lead))
            elif kind in ("p", "code"):
                out.append(Paragraph(X(val), st_body))
            elif kind == "h":
                if "subheads" in doc.outline_extra:
                    out.append(OutlinePara(val, st_sub, 1))
                else:
                    out.append(Paragraph(X(val), st_sub))
            elif kind == "ul":
                out.append(ListFlowable(
                    [ListItem(Paragraph(X(i), st_item), leftIndent=12) for i in val],
                    bulletType="bullet", start="•", leftIndent=12, bulletFontName="DVSerif",
                    bulletFontSize=body_size))
            elif kind == "ol":
                out.append(ListFlowable(
                    [ListItem(Paragraph(X(i), st_item), leftIndent=14) for i in val],
                    bulletType="1", bulletFormat="%s.", leftIndent=14,
                    bulletFontName="DVSerif", bulletFontSize=body_size))
            elif kind == "table":
                data = [[Paragraph(X(c), st_cellh if r == 0 else st_cell) for c in row]
                        for r, row in enumerate(val)]
                t = Table(data, hAlign="CENTER")
                t.setStyle(TableStyle([
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]))
                out += [Spacer(1, 3), t, Spacer(1, 6)]
            elif kind == "photo":
                out.append(KeepTogether([Spacer(1, 3),
                                         PhotoBox(3.2 * CM if doc.two_column else 4.2 * CM),
                                         Spacer(1, 2), Paragraph(X(val), st_caption)]))
            elif kind == "quote":
                t = Table([[Paragraph(X("“" + val + "”"), st_quote)]])
                t.setStyle(TableStyle([
                    ("LINEABOVE", (0, 0), (-1, 0), 1.2, accent),
                    ("LINEBELOW", (0, 0), (-1, -1), 1.2, accent),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ]))
                out += [Spacer(1, 4), t, Spacer(1, 6)]
        return out

    def byline_para(u, where):
        name = u.article["byline"]
        if where == "top":
            return Paragraph(D("Bài: " + name), st_byline_top)
        return Paragraph(D(name.upper()), st_byline_end)

    # ---- page decorations -------------------------------------------------
    def deco(c, d):
        pno = c.getPageNumber()
        if not doc.header_footer:
            return
        c.saveState()
        c.setFont("DVSerif-Italic", 8)
        c.setFillColor(colors.HexColor("#444444"))
        c.drawCentredString(width / 2, height - margin_top + 0.55 * CM, doc.header_text)
        c.setStrokeColor(accent)
        c.setLineWidth(0.6)
        c.line(margin_x, height - margin_top + 0.42 * CM, width - margin_x,
               height - margin_top + 0.42 * CM)
        c.setFont("DVSerif", 9)
        c.drawCentredString(width / 2, margin_bottom - 0.75 * CM, f"Trang {pno}")
        c.restoreState()

    def deco_first(c, d):
        # non-cover first page: masthead is a flowable; only the footer here
        if not doc.header_footer:
            return
        c.saveState()
        c.setFont("DVSerif", 9)
        c.drawCentredString(width / 2, margin_bottom - 0.75 * CM, f"Trang {c.getPageNumber()}")
        c.restoreState()

    def deco_cover(c, d):
        c.saveState()
        c.setFillColor(accent)
        c.rect(0, height - 0.6 * CM, width, 0.6 * CM, fill=1, stroke=0)
        c.rect(0, 0, width, 0.4 * CM, fill=1, stroke=0)
        c.restoreState()

    fw, fh = width - 2 * margin_x, height - margin_top - margin_bottom
    gap = 0.5 * CM
    colw = (fw - gap) / 2
    templates = []
    if doc.two_column:
        mast_h = 3.6 * CM
        templates.append(PageTemplate("first", [
            Frame(margin_x, height - margin_top - mast_h, fw, mast_h, id="mast",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
            Frame(margin_x, margin_bottom, colw, fh - mast_h, id="c1",
                  leftPadding=0, rightPadding=0),
            Frame(margin_x + colw + gap, margin_bottom, colw, fh - mast_h, id="c2",
                  leftPadding=0, rightPadding=0),
        ], onPage=deco_first))
        templates.append(PageTemplate("normal", [
            Frame(margin_x, margin_bottom, colw, fh, id="c1", leftPadding=0, rightPadding=0),
            Frame(margin_x + colw + gap, margin_bottom, colw, fh, id="c2", leftPadding=0,
                  rightPadding=0),
        ], onPage=deco))
    else:
        single = Frame(margin_x, margin_bottom, fw, fh, id="f", leftPadding=0, rightPadding=0)
        if doc.cover:
            templates.append(PageTemplate("cover", [Frame(margin_x, margin_bottom, fw, fh,
                                                          id="cv")], onPage=deco_cover))
        else:
            templates.append(PageTemplate("first", [Frame(margin_x, margin_bottom, fw, fh,
                                                          id="f1", leftPadding=0,
                                                          rightPadding=0)],
                                          onPage=deco_first))
        templates.append(PageTemplate("normal", [single], onPage=deco))

    story: list = []
    st_org = ParagraphStyle("org", parent=st_small, fontName="DVSans-Bold", fontSize=10)
    st_kind = ParagraphStyle("kind", parent=st_small, fontName="DVSans-Bold",
                             fontSize=20 if small else 28, leading=26 if small else 34,
                             textColor=accent)
    st_issue = ParagraphStyle("issue", parent=st_small, fontName="DVSerif-Italic", fontSize=10)
    if doc.cover:
        story += [Paragraph(D(doc.org), st_org), Spacer(1, 0.6 * CM),
                  Paragraph(D(doc.kind.upper()), st_kind), Spacer(1, 0.2 * CM),
                  Paragraph(D(doc.issue), st_issue), Spacer(1, 0.5 * CM),
                  PhotoBox(5.5 * CM if small else 9 * CM), Spacer(1, 0.5 * CM)]
        st_box = ParagraphStyle("box", parent=st_small, fontName="DVSans-Bold", fontSize=10,
                                textColor=accent, alignment=TA_LEFT)
        st_boxitem = ParagraphStyle("boxitem", parent=st_small, fontSize=8.5,
                                    alignment=TA_LEFT, leftIndent=8)
        if "contents" in doc.outline_extra:
            story.append(OutlinePara("TRONG SỐ NÀY", st_box, 0))
        else:
            story.append(Paragraph(X("TRONG SỐ NÀY"), st_box))
        for u in doc.uses:
            story.append(Paragraph(X("– " + u.title_text), st_boxitem))
        story.append(Paragraph(D("Lưu hành nội bộ"), st_issue))
        story += [NextPageTemplate("normal"), PageBreak()]
    elif doc.two_column:
        story += [Paragraph(D(doc.org), st_org), Spacer(1, 0.2 * CM),
                  Paragraph(D(doc.kind.upper()), st_kind), Spacer(1, 0.1 * CM),
                  Paragraph(D(doc.issue + " - Lưu hành nội bộ"), st_issue),
                  NextPageTemplate("normal"), FrameBreak()]
    else:
        story += [Paragraph(D(doc.org), st_org), Spacer(1, 0.2 * CM),
                  Paragraph(D(doc.kind.upper()), st_kind),
                  Paragraph(D(doc.issue + " - Lưu hành nội bộ"), st_issue), Spacer(1, 0.4 * CM),
                  NextPageTemplate("normal")]
    if doc.toc:
        st_toch = ParagraphStyle("toch", parent=st_title, alignment=TA_CENTER)
        st_tocl = ParagraphStyle("tocl", parent=st_body, alignment=TA_LEFT, firstLineIndent=0)
        story += [Paragraph(X("MỤC LỤC"), st_toch), Spacer(1, 0.4 * CM)]
        for u in doc.uses:
            story += [TocLine(u.title_text, (toc_pages or {}).get(u.key, 0), st_tocl),
                      Spacer(1, 4)]
        story.append(PageBreak())

    for i, u in enumerate(doc.uses):
        first_after_front = i == 0 and (doc.cover or doc.toc)
        if u.new_page and i > 0:
            story.append(FrameBreak() if doc.two_column else PageBreak())
        elif i > 0 and not first_after_front:
            story += [Spacer(1, 0.3 * CM), CondPageBreak(4 * CM)]
        story.append(TitlePara(u.key, u.title_text, st_title))
        if u.byline == "top":
            story.append(byline_para(u, "top"))
        story += body_flowables(u)
        if u.byline == "end":
            story.append(byline_para(u, "end"))

    d = BaseDocTemplate(out_path, pagesize=(width, height), pageTemplates=templates,
                        title=T(doc.kind + " " + doc.issue), author=T(doc.org),
                        subject="Bản tin nội bộ", creator="tests/corpus/generate.py",
                        leftMargin=margin_x, rightMargin=margin_x, topMargin=margin_top,
                        bottomMargin=margin_bottom)
    if doc.outline:
        d.showOutline = 0
    d.build(story)
    return drawn
