"""Shared model of a corpus document: specs, text transforms, truth and verification."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from texts import ARTICLES, CODE_PARAGRAPH, paragraphs

CM = 72 / 2.54  # points per centimetre

PAGE_SIZES = {
    "135x205": (13.5, 20.5),
    "a4": (21.0, 29.7),
    "a5": (14.8, 21.0),
}

# Loan words that get soft hyphens (U+00AD) in the documents that ask for them.
SHY_WORDS = {
    "internet": "in\u00adter\u00adnet",
    "online": "on\u00adline",
    "Facebook": "Face\u00adbook",
    "Messenger": "Mes\u00adsen\u00adger",
    "Zalo": "Za\u00adlo",
    "video": "vi\u00addeo",
    "smartphone": "smart\u00adphone",
    "banking": "bank\u00ading",
}


@dataclass
class Use:
    """One article as used by one document."""

    key: str
    title: int = 0  # index into the article's alternative titles
    caps: bool = False  # ALL-CAPS title
    new_page: bool = True  # start on a new page (False: continue on the same page)
    photo: bool = False  # photo placeholder + caption after the first body block
    quote: bool = False  # italic pull quote repeating a body sentence
    max_blocks: int | None = None  # cut the body after this many blocks
    byline: str = "end"  # "top" (under the title) or "end" (right-aligned after the text)
    code_para: bool = False  # insert a document-code paragraph (texts.CODE_PARAGRAPH_*)
    code_text: str = CODE_PARAGRAPH  # the variant the builder chose
    code_indent: tuple[float, float] | None = None  # its (first-line, right) indents in em
    columns: bool = False  # body in two columns (LibreOffice sections)

    @property
    def article(self) -> dict:
        return ARTICLES[self.key]

    @property
    def title_text(self) -> str:
        t = self.article["titles"][self.title]
        return t.upper() if self.caps else t

    @property
    def body(self) -> list:
        b = self.article["body"]
        return b if self.max_blocks is None else b[: self.max_blocks]

    @property
    def truth_paragraphs(self) -> list[str]:
        return paragraphs(
            self.article,
            max_blocks=self.max_blocks,
            extra_first=self.code_text if self.code_para else None,
        )

    @property
    def printed_paragraphs(self) -> list[str]:
        """The truth paragraphs with each table row as printed, to find in the PDF's words."""
        return paragraphs(
            self.article,
            max_blocks=self.max_blocks,
            extra_first=self.code_text if self.code_para else None,
            printed=True,
        )

    def blocks(self) -> list[tuple]:
        """Render-order blocks: ("lead", s) ("p", s) ("code", s) ("h", s) ("ul", [...])
        ("ol", [...]) ("table", rows) ("photo", caption) ("quote", s)."""
        art = self.article
        out: list[tuple] = [("lead", art["lead"])]
        if self.code_para:
            out.append(("code", self.code_text))
        body = self.body
        quote_at = None
        if self.quote:
            for i, b in enumerate(body):
                if isinstance(b, str) and art["quote"] in b:
                    quote_at = i
            assert quote_at is not None, (self.key, "quote not in the used body")
        for i, b in enumerate(body):
            if isinstance(b, str):
                out.append(("p", b))
            else:
                out.append(b)
            if self.photo and i == 0:
                out.append(("photo", art["caption"]))
            if quote_at is not None and i == quote_at:
                out.append(("quote", art["quote"]))
        return out


@dataclass
class Doc:
    name: str
    producer: str  # reportlab | libreoffice | chromium
    source: str  # python | html | docx | odt | fodt
    page: str  # key of PAGE_SIZES
    kind: str  # bulletin kind, e.g. "Thông tin tuyên truyền"
    org: str  # e.g. "ĐẢNG BỘ PHƯỜNG HÒA THUẬN"
    issue: str  # e.g. "Số 10 - Tháng 10/2025"
    uses: list[Use]
    outline: bool = False
    outline_extra: list[str] = field(default_factory=list)  # "contents", "subheads"
    cover: bool = False
    toc: bool = False  # MỤC LỤC page with dot leaders and page numbers
    header_footer: bool = True
    two_column: bool = False  # whole body in two columns (reportlab frames / CSS columns)
    nfd: bool = False
    shy: bool = False  # soft hyphens in loan words
    css_hyphens: bool = False
    declared: list[str] = field(default_factory=list)  # extra feature tags
    font: str = "DejaVu Serif"
    # filled by fitting.fit(): (use index, block index) -> (first-line, right) indents in em
    fits: dict = field(default_factory=dict)
    fitted: bool = False

    @property
    def size_cm(self) -> tuple[float, float]:
        return PAGE_SIZES[self.page]

    @property
    def size_pt(self) -> tuple[float, float]:
        w, h = self.size_cm
        return w * CM, h * CM

    @property
    def header_text(self) -> str:
        return f"{self.kind} - {self.issue}"

    def render_text(self, s: str) -> str:
        """Text as it is put into the document (soft hyphens, NFD)."""
        if self.shy:
            for plain, hy in SHY_WORDS.items():
                s = re.sub(rf"\b{plain}\b", hy, s)
        if self.nfd:
            s = unicodedata.normalize("NFD", s)
        return s

    def features(self) -> list[str]:
        f = ["outline" if self.outline else "no-outline"]
        if self.outline_extra:
            f.append("outline-non-article-entries")
        if self.cover:
            f.append("cover")
        if self.toc:
            f.append("toc-dot-leaders")
        if self.header_footer:
            f.append("running-header-footer")
        if self.two_column or any(u.columns for u in self.uses):
            f.append("two-column")
        kinds = {b[0] for u in self.uses for b in u.blocks()}
        for k, tag in (("table", "table"), ("ul", "bulleted-list"), ("ol", "numbered-list"),
                       ("photo", "photo-caption"), ("quote", "pull-quote"),
                       ("h", "bold-subhead")):
            if k in kinds:
                f.append(tag)
        f += ["byline", "bold-lead"]
        if any(u.caps for u in self.uses):
            f.append("all-caps-title")
        if self.nfd:
            f.append("nfd-text")
        if self.shy:
            f.append("soft-hyphen")
        if self.css_hyphens:
            f.append("css-hyphens-auto")
        f.append(f"page-{self.page}")
        return f + self.declared


# ---------------------------------------------------------------------------
# Reading a produced PDF back


def norm(s: str) -> str:
    """NFC, soft hyphens and pdfium hyphenation marks removed, whitespace collapsed."""
    s = unicodedata.normalize("NFC", s)
    # pdfium reports a line-end hyphen as U+0002 or U+FFFE (the line break is dropped)
    s = re.sub("[\u00ad\u0002\ufffe]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def tokens(s: str) -> list[str]:
    s = unicodedata.normalize("NFC", s)
    s = re.sub("[\u00ad\u0002\ufffe]", "", s)
    # a hyphen (ASCII or U+2010) that ends a line before a lower-case letter is hyphenation
    s = re.sub("[-\u2010]\r?\n(?=[a-zà-ỹđ])", "", s)
    return re.findall(r"\w+", s.lower())


def read_pdf(path) -> dict:
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(path))
    pages = []
    for i in range(len(doc)):
        page = doc[i]
        tp = page.get_textpage()
        text = tp.get_text_range()
        n = tp.count_chars()
        sizes = [raw.FPDFText_GetFontSize(tp, k) for k in range(n)]
        # characters with their size and baseline, for title detection
        chars = []
        for k in range(min(n, len(text))):
            ch = text[k]
            if ch.isspace() or ch in "\u0002\ufffe":
                continue
            left, bottom = ctypes.c_double(), ctypes.c_double()
            raw.FPDFText_GetCharOrigin(tp, k, ctypes.byref(left), ctypes.byref(bottom))
            chars.append((ch, sizes[k], round(bottom.value, 1)))
        pages.append({"text": text, "chars": chars})
    outline = []
    for bm in doc.get_toc():
        dest = bm.get_dest()
        outline.append({
            "level": bm.level,
            "title": bm.get_title(),
            "page": dest.get_index() + 1 if dest is not None else None,
        })
    return {"pages": pages, "outline": outline}


def body_size(info: dict) -> float:
    from collections import Counter

    c = Counter()
    for p in info["pages"]:
        for _ch, size, _y in p["chars"]:
            if size > 2:
                c[round(size, 1)] += 1
    return c.most_common(1)[0][0]


def find_title(info: dict, title: str, start_page: int = 1) -> tuple[int, int] | None:
    """(page, number of baselines) of the first large-type occurrence of title."""
    big = body_size(info) * 1.3
    want = re.sub(r"\s+", "", unicodedata.normalize("NFC", title))
    for pno in range(start_page, len(info["pages"]) + 1):
        chars = [c for c in info["pages"][pno - 1]["chars"] if c[1] >= big]
        s = unicodedata.normalize("NFC", "".join(c[0] for c in chars))
        if want in s:
            # count baselines spanned by the title's characters (NFD-safe: map by NFC prefix)
            raw_s = "".join(c[0] for c in chars)
            # locate in the raw string by growing NFC prefix
            start = None
            for i in range(len(raw_s)):
                if unicodedata.normalize("NFC", raw_s[i:]).startswith(want):
                    start = i
                    break
            lines = set()
            j, got = start, ""
            while j is not None and j < len(raw_s) and len(
                    unicodedata.normalize("NFC", got)) < len(want):
                got += raw_s[j]
                lines.add(chars[j][2])
                j += 1
            return pno, len(lines)
    return None


def match_paragraph(doc_tokens: list[str], para: str, max_gap: int = 80) -> bool:
    want = tokens(para)
    if not want:
        return True
    n = len(doc_tokens)
    starts = [i for i, t in enumerate(doc_tokens) if t == want[0]
              or (i + 1 < n and t + doc_tokens[i + 1] == want[0])]
    for s in starts:
        i, k, skipped = s, 0, 0
        while k < len(want) and i < n and skipped <= max_gap:
            if doc_tokens[i] == want[k]:
                i += 1
                k += 1
            elif i + 1 < n and doc_tokens[i] + doc_tokens[i + 1] == want[k]:
                i += 2
                k += 1
            elif k > 0:
                i += 1
                skipped += 1
            else:
                break
        if k == len(want):
            return True
    return False
