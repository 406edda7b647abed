"""Small bulletin PDFs made with reportlab for the tests, with their ground truth."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

FONT_FOLDER = Path("/usr/share/fonts/truetype/dejavu")
PAGE = (135 * mm, 205 * mm)


@dataclass
class Article:
    title: str
    lead: str
    paragraphs: list[str]
    caption: str = ""
    pull_quote: str = ""
    byline: str = ""

    def heard(self) -> list[str]:
        """What a listener should hear after the title, in order."""
        return [self.lead, *self.paragraphs]


@dataclass
class Bulletin:
    title: str
    articles: list[Article]
    author: str = "Ban Tuyên giáo Đảng ủy phường Đông Hồ"
    cover: bool = True
    contents: bool = True
    outline: bool = False
    listed: list[str] | None = None  # what the contents page lists, when not the titles


def register_fonts() -> None:
    """DejaVu Serif as "Serif", "Serif-Bold" and "Serif-Italic" for reportlab."""
    for name, file in {
        "Serif": "DejaVuSerif.ttf", "Serif-Bold": "DejaVuSerif-Bold.ttf",
        "Serif-Italic": "DejaVuSerif-Italic.ttf",
    }.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_FOLDER / file)))


STYLES = {
    "body": ParagraphStyle("body", fontName="Serif", fontSize=10, leading=13.5,
                           firstLineIndent=14, alignment=4, spaceAfter=3),
    "lead": ParagraphStyle("lead", fontName="Serif-Bold", fontSize=10, leading=13.5,
                           alignment=4, spaceAfter=5),
    "title": ParagraphStyle("title", fontName="Serif-Bold", fontSize=16, leading=20,
                            textColor=HexColor("#b01c1c"), spaceAfter=8),
    "caption": ParagraphStyle("caption", fontName="Serif-Italic", fontSize=8, leading=10,
                              spaceAfter=6),
    "quote": ParagraphStyle("quote", fontName="Serif-Italic", fontSize=13, leading=16,
                            leftIndent=10, spaceBefore=4, spaceAfter=6),
    "byline": ParagraphStyle("byline", fontName="Serif-Bold", fontSize=10, alignment=2),
    "masthead": ParagraphStyle("masthead", fontName="Serif-Bold", fontSize=24, leading=30,
                               alignment=1, textColor=HexColor("#b01c1c")),
    "toc": ParagraphStyle("toc", fontName="Serif", fontSize=10, leading=14),
}


def _decorate(canvas, document) -> None:
    if document.page == 1 and document.bulletin.cover:
        return
    canvas.saveState()
    canvas.setFont("Serif", 7)
    canvas.drawString(12 * mm, PAGE[1] - 9 * mm, f"{document.bulletin.title}")
    canvas.line(12 * mm, PAGE[1] - 10 * mm, PAGE[0] - 12 * mm, PAGE[1] - 10 * mm)
    canvas.drawCentredString(PAGE[0] / 2, 7 * mm, f"- {document.page} -")
    canvas.restoreState()


def build_bulletin(bulletin: Bulletin, path: Path) -> Path:
    """Write the bulletin as a 13.5 × 20.5 cm PDF: cover, contents, one article per page."""
    register_fonts()
    story = []
    if bulletin.cover:
        story += [Spacer(1, 40 * mm), Paragraph(bulletin.title, STYLES["masthead"]), PageBreak()]
    if bulletin.contents:
        story.append(Paragraph("MỤC LỤC", STYLES["title"]))
        first = 3 if bulletin.cover else 2
        listed = bulletin.listed or [article.title for article in bulletin.articles]
        for number, title in enumerate(listed):
            story.append(Paragraph(f"{title} ........ {first + number}", STYLES["toc"]))
        story.append(PageBreak())
    for number, article in enumerate(bulletin.articles):
        title = Paragraph(f'<a name="a{number}"/>{article.title}', STYLES["title"])
        title.outline_key = f"a{number}"
        story += [title, Paragraph(article.lead, STYLES["lead"])]
        for index, text in enumerate(article.paragraphs):
            story.append(Paragraph(text, STYLES["body"]))
            if index == 0 and article.pull_quote:
                story.append(Paragraph(article.pull_quote, STYLES["quote"]))
            if index == 0 and article.caption:
                story.append(Paragraph(article.caption, STYLES["caption"]))
        if article.byline:
            story.append(Paragraph(article.byline, STYLES["byline"]))
        story.append(PageBreak())

    class Document(SimpleDocTemplate):
        def afterFlowable(self, flowable) -> None:  # noqa: N802 - reportlab's name
            key = getattr(flowable, "outline_key", None)
            if key and bulletin.outline:
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(flowable.getPlainText(), key, level=0)

    document = Document(
        str(path), pagesize=PAGE, leftMargin=12 * mm, rightMargin=12 * mm,
        topMargin=15 * mm, bottomMargin=14 * mm, title=bulletin.title, author=bulletin.author,
        invariant=1,
    )
    document.bulletin = bulletin
    document.build(story, onFirstPage=_decorate, onLaterPages=_decorate)
    return path


BODY = [
    "Ngày 5-11-2025, Đảng ủy phường tổ chức hội nghị sơ kết công tác 10 tháng đầu năm với sự "
    "tham gia của 1.250 đảng viên thuộc 42 chi bộ trực thuộc. Các đồng chí đã thảo luận sôi nổi "
    "và thống nhất nhiều giải pháp cho những tháng cuối năm.",
    "Tỷ lệ hộ gia đình tham gia bảo hiểm y tế đạt 98,5%, vượt 2,5% so với kế hoạch năm. Phường "
    "đã vận động được 3.007.000 đồng ủng hộ Quỹ vì người nghèo trong tháng 10/2025.",
    "Thực hiện Nghị quyết 57-NQ/TW của Bộ Chính trị, phường đẩy mạnh chuyển đổi số, hướng dẫn "
    "người dân cài đặt ứng dụng định danh điện tử và sử dụng dịch vụ công trực tuyến mức độ "
    "toàn trình.",
]


def sample_articles(count: int = 3) -> list[Article]:
    titles = [
        "Hội nghị sơ kết công tác 10 tháng đầu năm 2025",
        "Đẩy mạnh chuyển đổi số trong cải cách hành chính ở khu dân cư",
        "NGÀY HỘI ĐẠI ĐOÀN KẾT TOÀN DÂN TỘC Ở TỔ DÂN PHỐ SỐ 7",
        "Phòng cháy chữa cháy tại các khu tập thể cũ",
        "Gương cựu chiến binh giúp đỡ hàng xóm vươn lên thoát nghèo",
    ]
    return [
        Article(
            title=titles[number % len(titles)],
            lead=f"Bài viết số {number + 1} điểm lại những kết quả nổi bật của phường trong tháng.",
            paragraphs=BODY[number % 3:] + BODY[: number % 3],
            caption="Đồng chí Bí thư Đảng ủy phát biểu tại hội nghị. Ảnh: Minh Anh",
            pull_quote="Tỷ lệ hộ gia đình tham gia bảo hiểm y tế đạt 98,5%." if number == 1 else "",
            byline="NGUYỄN THU HƯƠNG" if number % 2 == 0 else "",
        )
        for number in range(count)
    ]


PARAGRAPHS_PER_MINUTE = 3.1  # of BOOK_PARAGRAPH, with the default voice


BOOK_PARAGRAPH = (
    "Ngày 5-11-2025, Đảng ủy phường tổ chức hội nghị sơ kết công tác với 1.250 đảng viên. "
    "Tỷ lệ hộ gia đình tham gia bảo hiểm y tế đạt 98,5%, vượt kế hoạch năm. "
    "Phường đẩy mạnh chuyển đổi số, hướng dẫn người dân dùng dịch vụ công trực tuyến."
)


def book_folder(book: Path, minutes: list[float]) -> Path:
    """A book folder of civic prose, ready to render: one chapter "Chương N" per entry of
    `minutes`, of about that many minutes of speech."""
    (book / "chapters").mkdir(parents=True)
    entries = []
    for number, length in enumerate(minutes, start=1):
        name = f"chapters/{number:02d}-chuong.md"
        body = "\n\n".join([BOOK_PARAGRAPH] * max(1, round(length * PARAGRAPHS_PER_MINUTE)))
        (book / name).write_text(f"# Chương {number}\n\n{body}\n", encoding="utf-8")
        entries.append(f'[[chapters]]\nfile = "{name}"\n')
    (book / "book.toml").write_text(f'title = "{book.name}"\n' + "".join(entries),
                                    encoding="utf-8")
    return book


def rendered_issue(folder: Path) -> Path:
    """An output folder under `folder` holding issue "so-11", a three-article bulletin
    rendered with the single MP3 (what `publish` needs)."""
    from tts_pipeline import pipeline

    pdf = build_bulletin(Bulletin("Thông tin tuyên truyền – Số 11/2025", sample_articles(3)),
                         folder / "so-11.pdf")
    book = pipeline.extract_to_folder(pdf, folder / "output")
    pipeline.render_folder(book, pipeline.RenderOptions(mp3_single=True))
    return book.parent
