#!/usr/bin/env python3
"""Generate the sample input bulletin and its ground truth.

Builds ``input/ban-tin-phuong-dong-ho-2025-11.pdf`` -- a fictional monthly
electronic bulletin ("Thông tin tuyên truyền điện tử", Số 11/2025) of the Party
Committee of the fictional Hanoi ward "phường Đông Hồ" -- and the matching
ground truth ``tests/data/ban-tin-phuong-dong-ho-2025-11.truth.json``.

All prose is original and fictional. The layout deliberately contains the
things the pipeline must cope with: a cover without running header, a table of
contents with dot leaders, article titles set in a larger coloured bold face
(one wrapped over two lines, one all upper-case), bold lead paragraphs and
sub-heads, italic photo captions under vector placeholder "photos", italic
pull quotes that repeat a body sentence, bylines, running headers/footers and
a paragraph that continues across a page break.

The chapter structure is NOT stored as a PDF outline: the pipeline has to find
chapters from font sizes.

Output is deterministic (``invariant=1``): running the script twice gives
identical bytes.

Usage::

    .venv/bin/python tools/make_sample_bulletin.py            # build both files
    .venv/bin/python tools/make_sample_bulletin.py --check    # build, then verify
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

ROOT = Path(__file__).resolve().parent.parent
PDF_PATH = ROOT / "input" / "ban-tin-phuong-dong-ho-2025-11.pdf"
TRUTH_PATH = ROOT / "tests" / "data" / "ban-tin-phuong-dong-ho-2025-11.truth.json"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

# --------------------------------------------------------------------------
# Bibliographic data
# --------------------------------------------------------------------------
MASTHEAD = "Thông tin tuyên truyền điện tử"
ISSUE = "Số 11/2025"
MONTH_TEXT = "Tháng 11 năm 2025"
DATE = "2025-11"
WARD = "Đảng ủy phường Đông Hồ"
PUBLISHER = "Ban Tuyên giáo và Dân vận Đảng ủy phường Đông Hồ"
DOC_TITLE = f"{MASTHEAD} – {ISSUE}"
RUNNING_HEADER = DOC_TITLE
SUBJECT = "Bản tin thông tin tuyên truyền điện tử hằng tháng của Đảng ủy phường Đông Hồ, TP. Hà Nội"
CREATOR = "tts-pipeline tools/make_sample_bulletin.py (reportlab)"

# --------------------------------------------------------------------------
# Geometry and typography
# --------------------------------------------------------------------------
PAGE_W, PAGE_H = 135 * mm, 205 * mm
MARGIN_L = MARGIN_R = 13 * mm
MARGIN_T = 19 * mm  # room for the running header
MARGIN_B = 15 * mm  # room for the footer
FRAME_W = PAGE_W - MARGIN_L - MARGIN_R
FRAME_H = PAGE_H - MARGIN_T - MARGIN_B

BODY_SIZE = 10.0
TITLE_SIZE = 16.0  # 1.6 x body
SUBHEAD_SIZE = 10.5  # 1.05 x body
QUOTE_SIZE = 12.5
CAPTION_SIZE = 8.0
BYLINE_SIZE = 9.5
HEADER_SIZE = 7.5
FOOTER_SIZE = 8.0

RED = colors.HexColor("#A5121B")
DARK_RED = colors.HexColor("#7D0D13")
GOLD = colors.HexColor("#E3B23C")
NAVY = colors.HexColor("#1F3B73")
GREY_TEXT = colors.HexColor("#555555")
CAPTION_GREY = colors.HexColor("#333333")


def register_fonts() -> None:
    faces = {
        "DejaVuSerif": "DejaVuSerif.ttf",
        "DejaVuSerif-Bold": "DejaVuSerif-Bold.ttf",
        "DejaVuSerif-Italic": "DejaVuSerif-Italic.ttf",
        "DejaVuSerif-BoldItalic": "DejaVuSerif-BoldItalic.ttf",
        "DejaVuSans": "DejaVuSans.ttf",
        "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    }
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in faces.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    pdfmetrics.registerFontFamily(
        "DejaVuSerif",
        normal="DejaVuSerif",
        bold="DejaVuSerif-Bold",
        italic="DejaVuSerif-Italic",
        boldItalic="DejaVuSerif-BoldItalic",
    )
    pdfmetrics.registerFontFamily(
        "DejaVuSans",
        normal="DejaVuSans",
        bold="DejaVuSans-Bold",
        italic="DejaVuSans-Oblique",
        boldItalic="DejaVuSans-BoldOblique",
    )


STYLES = {
    "title": ParagraphStyle(
        "ArticleTitle",
        fontName="DejaVuSerif-Bold",
        fontSize=TITLE_SIZE,
        leading=TITLE_SIZE * 1.25,
        textColor=RED,
        alignment=TA_LEFT,
        spaceAfter=8,
    ),
    "lead": ParagraphStyle(
        "Lead",
        fontName="DejaVuSerif-Bold",
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.32,
        alignment=TA_JUSTIFY,
        spaceAfter=6,
    ),
    "body": ParagraphStyle(
        "Body",
        fontName="DejaVuSerif",
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.32,
        alignment=TA_JUSTIFY,
        firstLineIndent=12,
        spaceAfter=4,
    ),
    "subhead": ParagraphStyle(
        "SubHead",
        fontName="DejaVuSerif-Bold",
        fontSize=SUBHEAD_SIZE,
        leading=SUBHEAD_SIZE * 1.3,
        textColor=NAVY,
        alignment=TA_LEFT,
        spaceBefore=6,
        spaceAfter=4,
        keepWithNext=1,
    ),
    "caption": ParagraphStyle(
        "Caption",
        fontName="DejaVuSerif-Italic",
        fontSize=CAPTION_SIZE,
        leading=CAPTION_SIZE * 1.3,
        textColor=CAPTION_GREY,
        alignment=TA_CENTER,
        spaceBefore=3,
    ),
    "quote": ParagraphStyle(
        "PullQuote",
        fontName="DejaVuSerif-Italic",
        fontSize=QUOTE_SIZE,
        leading=QUOTE_SIZE * 1.3,
        textColor=DARK_RED,
        alignment=TA_CENTER,
        leftIndent=10,
        rightIndent=10,
        spaceBefore=4,
        spaceAfter=4,
    ),
    "byline": ParagraphStyle(
        "Byline",
        fontName="DejaVuSerif-Bold",
        fontSize=BYLINE_SIZE,
        leading=BYLINE_SIZE * 1.3,
        alignment=TA_RIGHT,
        spaceBefore=4,
    ),
    "toc_heading": ParagraphStyle(
        "TocHeading",
        fontName="DejaVuSans-Bold",
        fontSize=18,
        leading=22,
        textColor=RED,
        alignment=TA_CENTER,
        spaceAfter=14,
    ),
    "toc_entry": ParagraphStyle(
        "TocEntry",
        fontName="DejaVuSerif",
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.35,
        alignment=TA_LEFT,
        rightIndent=24,
        leftIndent=14,
        firstLineIndent=-14,
        spaceAfter=7,
    ),
    "teaser_heading": ParagraphStyle(
        "TeaserHeading",
        fontName="DejaVuSans-Bold",
        fontSize=10,
        leading=13,
        textColor=RED,
        spaceAfter=4,
    ),
    "teaser": ParagraphStyle(
        "Teaser",
        fontName="DejaVuSans",
        fontSize=8.5,
        leading=11.5,
        leftIndent=10,
        bulletIndent=0,
        bulletFontName="DejaVuSans",
        bulletColor=RED,
    ),
}

# --------------------------------------------------------------------------
# Content (original, fictional)
#
# Block kinds: lead, h (sub-head), p (body), photo (caption), quote (pull
# quote, must repeat a body sentence), byline. Truth paragraphs = lead, h, p.
# Text must be NFC; a body paragraph must not itself begin with one of the
# block markers of parse_articles() (NFC and pull quotes are checked at build).
# --------------------------------------------------------------------------
ARTICLES_SOURCE = """
# Sơ kết công tác 10 tháng năm 2025, tập trung cao nhất cho nhiệm vụ Quý IV

> Sáng ngày 5-11-2025, Đảng ủy phường Đông Hồ tổ chức Hội nghị Ban Chấp hành Đảng bộ phường
(mở rộng) sơ kết công tác lãnh đạo, chỉ đạo 10 tháng năm 2025 và triển khai nhiệm vụ trọng
tâm Quý IV. Đồng chí Lê Minh Quang, Bí thư Đảng ủy phường chủ trì hội nghị.

Dự hội nghị có đồng chí Phạm Thị Lan, Phó Trưởng ban Tuyên giáo và Dân vận Thành ủy Hà Nội;
các đồng chí Ủy viên Ban Chấp hành Đảng bộ phường; lãnh đạo HĐND, UBND, Ủy ban MTTQ Việt Nam
phường; bí thư 72 chi bộ trực thuộc cùng đại diện các tổ chức chính trị – xã hội. Hội nghị
bắt đầu lúc 8h30 tại hội trường tầng 3 trụ sở Đảng ủy – HĐND – UBND phường.

## Nhiều chỉ tiêu về đích sớm

Thay mặt Ban Thường vụ Đảng ủy, đ/c Nguyễn Văn Bình, Phó Bí thư Thường trực Đảng ủy phường
trình bày báo cáo sơ kết. Báo cáo nêu rõ: sau hơn bốn tháng vận hành mô hình chính quyền địa
phương hai cấp, bộ máy của phường đã đi vào nền nếp, hoạt động thông suốt; người dân và
doanh nghiệp đến giao dịch cơ bản không gặp vướng mắc. Trong 10 tháng, Trung tâm Phục vụ
hành chính công phường đã tiếp nhận 12.530 hồ sơ, giải quyết đúng và trước hạn đạt 99,2%; tỷ
lệ hồ sơ nộp trực tuyến đạt 86,7%.

Công tác xây dựng Đảng được chú trọng cả về chính trị, tư tưởng, đạo đức và tổ chức. Đảng bộ
phường hiện có 3.126 đảng viên sinh hoạt tại 72 chi bộ; từ đầu năm đến nay đã kết nạp 48
đảng viên mới, vượt 20% chỉ tiêu cả năm. Các chi bộ tổ chức học tập, quán triệt nghiêm túc
các nghị quyết của Trung ương khóa XIII, đồng thời tổ chức lấy ý kiến góp ý vào dự thảo các
văn kiện trình Đại hội XIV của Đảng với hơn 2.300 lượt ý kiến của đảng viên và Nhân dân.

Về kinh tế – ngân sách, tổng thu ngân sách nhà nước trên địa bàn ước đạt 1.148,5 tỷ đồng,
bằng 96,4% dự toán năm; trong đó thu từ khu vực ngoài quốc doanh tăng 12,3% so với cùng kỳ.
Phường đã hoàn thành cải tạo, chỉnh trang 14 tuyến ngõ, lắp mới 236 bộ đèn chiếu sáng công
cộng và đưa vào sử dụng 2 vườn hoa – sân chơi cho thiếu nhi tại tổ dân phố số 9 và số 27.

[photo] Đồng chí Bí thư Đảng ủy phường Lê Minh Quang phát biểu kết luận hội nghị. Ảnh: Thu
Hà

Công tác kiểm tra, giám sát và phòng, chống tham nhũng, lãng phí, tiêu cực tiếp tục được
tăng cường. Ủy ban Kiểm tra Đảng ủy đã kiểm tra 8 tổ chức đảng và 15 đảng viên khi có dấu
hiệu vi phạm; việc thực hiện Chỉ thị 50-CT/TƯ về công tác phát hiện, xử lý vụ việc, vụ án
tham nhũng được gắn với việc tiếp công dân, giải quyết kịp thời đơn thư ngay từ cơ sở. Trong
10 tháng, phường tiếp nhận 97 đơn thư, đã giải quyết dứt điểm 91 đơn, đạt 93,8%.

## Không để phát sinh “điểm nóng” ở khu dân cư

Thảo luận tại hội nghị, nhiều ý kiến thẳng thắn chỉ ra những hạn chế cần khắc phục: một số
chi bộ khu dân cư chưa đổi mới nội dung sinh hoạt, tỷ lệ đảng viên dự họp có lúc chỉ đạt
80-85%; tình trạng lấn chiếm vỉa hè, đỗ xe sai quy định trên các tuyến phố chính vẫn tái
diễn; việc thu gom, phân loại rác thải tại nguồn ở một số khu tập thể cũ chưa đồng bộ.

Phát biểu kết luận, đồng chí Bí thư Đảng ủy phường Lê Minh Quang ghi nhận, biểu dương sự nỗ
lực của các chi bộ, đoàn thể và đội ngũ cán bộ, công chức trong bối cảnh vừa sắp xếp lại tổ
chức bộ máy. Đồng chí yêu cầu trong hai tháng cuối năm, toàn Đảng bộ tập trung hoàn thành ở
mức cao nhất các chỉ tiêu mà Nghị quyết Đại hội Đảng bộ phường lần thứ I, nhiệm kỳ 2025–2030
đã đề ra; triển khai nghiêm Kế hoạch 125-KH/ĐU về tuyên truyền, chào mừng Đại hội XIV của
Đảng; chuẩn bị chu đáo các điều kiện phục vụ bầu cử đại biểu Quốc hội khóa XVI và đại biểu
HĐND các cấp nhiệm kỳ 2026–2031.

[quote] Mỗi cán bộ, đảng viên phải nói đi đôi với làm, lấy sự hài lòng của Nhân dân làm
thước đo hiệu quả công việc.

Đồng chí nhấn mạnh: “Mỗi cán bộ, đảng viên phải nói đi đôi với làm, lấy sự hài lòng của Nhân
dân làm thước đo hiệu quả công việc.” Các chi bộ cần chủ động nắm bắt tâm tư, nguyện vọng
của người dân ngay từ tổ dân phố, không để phát sinh điểm nóng; đồng thời chuẩn bị tốt công
tác kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2025 theo đúng
hướng dẫn, bảo đảm thực chất, tránh hình thức.

[byline] THU HÀ

# ĐƯA NGHỊ QUYẾT 57-NQ/TW VÀO CUỘC SỐNG TỪ MỖI TỔ DÂN PHỐ

> Thực hiện Nghị quyết 57-NQ/TW ngày 22-12-2024 của Bộ Chính trị về đột phá phát triển khoa
học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, phường Đông Hồ lựa chọn cách làm
“đi từng ngõ, gõ từng nhà”, để mỗi người dân đều có thể sử dụng dịch vụ công trực tuyến một
cách thuận tiện.

## “Bình dân học vụ số” tại tổ dân phố

Hưởng ứng phong trào “Bình dân học vụ số”, Đảng ủy phường ban hành kế hoạch thực hiện với
mục tiêu đến hết năm 2025, ít nhất 90% người dân trong độ tuổi lao động được phổ cập kỹ năng
số cơ bản. Mỗi tổ dân phố thành lập một tổ công nghệ số cộng đồng gồm 3-5 thành viên là đoàn
viên thanh niên, cán bộ tổ dân phố và những người am hiểu công nghệ. Hiện toàn phường có 64
tổ với 287 thành viên, hoạt động thường xuyên vào tối thứ Ba và sáng Chủ nhật hằng tuần tại
nhà văn hóa các tổ dân phố.

Nội dung hướng dẫn được thiết kế ngắn gọn, dễ nhớ: cách kích hoạt tài khoản định danh điện
tử mức độ 2 trên ứng dụng VNeID, tích hợp thẻ BHYT, giấy phép lái xe vào tài khoản; cách nộp
hồ sơ và thanh toán phí, lệ phí trên Cổng Dịch vụ công quốc gia; cách nhận diện và phòng
tránh các thủ đoạn lừa đảo qua mạng.

Kết quả sau 10 tháng cho thấy hướng đi đúng. Toàn phường có 95,8% công dân từ 14 tuổi trở
lên đã kích hoạt tài khoản định danh điện tử mức độ 2; 1.250 hộ kinh doanh chuyển sang thanh
toán không dùng tiền mặt; tỷ lệ hồ sơ thủ tục hành chính được nộp trực tuyến tăng từ 61,4%
vào tháng 1 lên 86,7% vào tháng 10/2025. Đặc biệt, 100% hồ sơ đăng ký khai sinh, đăng ký
thường trú được tiếp nhận và trả kết quả trên môi trường điện tử.

[photo] Thành viên tổ công nghệ số cộng đồng hướng dẫn người dân kích hoạt tài khoản VNeID.
Ảnh: Minh Anh

## Người cao tuổi cũng “lên mạng” làm thủ tục

Bà Đỗ Thị Nhung, 72 tuổi, ở tổ dân phố số 15 kể lại: trước đây mỗi lần cần xác nhận giấy tờ,
bà phải nhờ con cháu đưa lên phường, có khi chờ cả buổi. Từ khi được các bạn trẻ trong tổ
công nghệ số hướng dẫn, bà đã tự đăng ký trên điện thoại, chỉ mất chừng 15 phút là xong.
“Lúc đầu tôi sợ bấm nhầm, nhưng các cháu kiên nhẫn chỉ từng bước một, giờ thì tôi còn hướng
dẫn lại cho mấy bà bạn trong câu lạc bộ dưỡng sinh”, bà Nhung vui vẻ nói.

Không chỉ hướng dẫn tại nhà văn hóa, tổ công nghệ số còn đến tận nhà hỗ trợ những người cao
tuổi sống một mình, người khuyết tật, người bệnh nằm một chỗ. Trong tháng 10/2025, các tổ đã
thực hiện 418 lượt hỗ trợ tại nhà, giúp nhiều gia đình hoàn thành thủ tục hưởng trợ cấp xã
hội, đổi thẻ BHYT mà không phải đi lại.

Theo đồng chí Vũ Đức Thành, Phó Chủ tịch UBND phường, thời gian tới phường sẽ tiếp tục số
hóa hồ sơ, dữ liệu đất đai, hộ tịch; mở rộng các điểm phát sóng Wi-Fi miễn phí tại 12 nhà
văn hóa; đồng thời duy trì đường dây nóng 0243.826.1234 để hỗ trợ người dân trong giờ hành
chính.

[byline] MINH ANH

# Ngày hội Đại đoàn kết toàn dân tộc: Ấm áp nghĩa tình nơi khu dân cư

> Hướng tới kỷ niệm 95 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11/1930 –
18/11/2025), từ ngày 8 đến ngày 18-11-2025, 64 khu dân cư trên địa bàn phường Đông Hồ đồng
loạt tổ chức Ngày hội Đại đoàn kết toàn dân tộc trong không khí vui tươi, đầm ấm.

Ngày hội năm nay được tổ chức theo hai phần. Phần lễ ôn lại truyền thống vẻ vang của Mặt
trận Dân tộc thống nhất Việt Nam, đánh giá kết quả thực hiện cuộc vận động “Toàn dân đoàn
kết xây dựng nông thôn mới, đô thị văn minh” và biểu dương các gia đình, cá nhân tiêu biểu.
Phần hội có các tiết mục văn nghệ do chính người dân dàn dựng, các trò chơi dân gian như kéo
co, nhảy bao bố, ô ăn quan và gian hàng ẩm thực do các chi hội phụ nữ đảm nhận.

Tại tổ dân phố số 12, ngay từ 7h30 sáng Chủ nhật ngày 16/11, sân nhà văn hóa đã rộn ràng
tiếng cười. Các gia đình góp mỗi nhà một món: đĩa xôi gấc, nồi bún thang, đĩa nem rán. Ông
Ngô Quang Vinh, Trưởng ban công tác Mặt trận tổ dân phố chia sẻ: năm nay là năm đầu tiên tổ
dân phố tổ chức ngày hội sau khi sáp nhập, nhiều gia đình lần đầu gặp mặt nhau, nên ai cũng
muốn góp sức để ngày hội thật ý nghĩa.

[photo] Các đại biểu và nhân dân dự Ngày hội Đại đoàn kết tại tổ dân phố số 12. Ảnh: Thu Hà

## Nghĩa tình với người khó khăn

Điểm nhấn của ngày hội là các hoạt động an sinh xã hội. Ủy ban MTTQ Việt Nam phường phối hợp
với các nhà hảo tâm trao 215 suất quà cho hộ nghèo, hộ cận nghèo, người có công với cách
mạng; mỗi suất quà trị giá 500.000 đồng. Quỹ “Vì người nghèo” của phường năm 2025 đã tiếp
nhận 327.500.000 đồng, trong đó riêng tổ dân phố số 21 vận động được 3.007.000 đồng từ phong
trào “Mỗi ngày một nghìn đồng” của các em học sinh.

Từ nguồn quỹ, phường đã hỗ trợ sửa chữa 3 nhà ở cho hộ khó khăn, trao 40 suất học bổng cho
học sinh vượt khó học giỏi và hỗ trợ tiền điện, nước cho 18 hộ có người mắc bệnh hiểm nghèo.
Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” năm 2025 ước đạt 98,5%; 61/64 tổ dân phố
đạt danh hiệu “Tổ dân phố văn hóa”.

Phát biểu tại ngày hội ở tổ dân phố số 3, đồng chí Trịnh Thu Trang, Chủ tịch Ủy ban MTTQ
Việt Nam phường đề nghị các ban công tác Mặt trận tiếp tục phát huy vai trò cầu nối giữa
Đảng, chính quyền với Nhân dân, lắng nghe và phản ánh kịp thời những kiến nghị chính đáng
của người dân; phát hiện, nhân rộng các mô hình tự quản hiệu quả như “Ngõ phố xanh – sạch –
đẹp”, “Camera an ninh khu dân cư”, “Tổ hòa giải ở cơ sở”.

[byline] HOÀNG LONG

# Phòng cháy, chữa cháy ở khu tập thể cũ: Không thể chủ quan

> Trên địa bàn phường Đông Hồ hiện có 18 khu tập thể cũ với 146 nhà chung cư được xây dựng
từ những năm 1960-1980. Hệ thống điện xuống cấp, lối đi chật hẹp, nhiều hộ cơi nới “chuồng
cọp” khiến nguy cơ cháy, nổ luôn thường trực, đòi hỏi sự vào cuộc đồng bộ của cả hệ thống
chính trị và từng người dân.

## Nguy cơ từ những “chuồng cọp”

Qua đợt kiểm tra liên ngành trong tháng 10/2025, Công an phường phát hiện 329 hộ lắp khung
sắt kín ở ban công, cửa sổ nhưng không có ô thoát nạn; 57 hộ sử dụng tầng một làm nơi kinh
doanh kết hợp để ở; nhiều hộ sạc xe máy điện qua đêm ở gầm cầu thang hoặc lối đi chung.

Thực hiện Chỉ thị 47-CT/TW của Ban Bí thư về tăng cường sự lãnh đạo của Đảng đối với công
tác phòng cháy, chữa cháy và Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ có hiệu lực từ
ngày 1-7-2025, Đảng ủy phường đã chỉ đạo lực lượng công an phối hợp với các tổ dân phố rà
soát từng căn hộ, lập danh sách các hộ có nguy cơ cao và hướng dẫn khắc phục. Đến nay, 211
hộ đã tự nguyện mở ô thoát nạn trên “chuồng cọp”, 96 hộ thay mới hệ thống dây dẫn điện.

[photo] Lực lượng chữa cháy cơ sở thực tập phương án chữa cháy tại khu tập thể. Ảnh minh họa

## Nhân rộng mô hình “Tổ liên gia an toàn PCCC”

Cùng với việc khắc phục tồn tại, phường đã xây dựng 142 “Tổ liên gia an toàn PCCC” và 96
“Điểm chữa cháy công cộng” tại các khu tập thể, ngõ nhỏ. Mỗi tổ liên gia gồm 10-15 hộ liền
kề, được trang bị bình chữa cháy, búa, xà beng, thang dây. Sáng ngày 9-11-2025, lúc 8h30,
phường tổ chức diễn tập phương án chữa cháy và cứu nạn, cứu hộ tại khu tập thể C với sự tham
gia của hơn 200 người dân và lực lượng chữa cháy chuyên nghiệp.

Trung tá Đặng Văn Hùng, Trưởng Công an phường khuyến cáo: mỗi gia đình cần chủ động trang bị
ít nhất một bình chữa cháy, một thiết bị báo cháy; không để xe, hàng hóa lấn chiếm lối thoát
nạn; không sạc xe điện qua đêm trong nhà; ngắt các thiết bị điện không cần thiết trước khi
đi ngủ hoặc ra khỏi nhà. Mỗi căn hộ có lắp khung sắt cần mở ít nhất một ô thoát nạn kích
thước tối thiểu 0,6 × 0,6 m, có khóa mở được từ bên trong.

Khi phát hiện cháy, người dân cần bình tĩnh hô hoán, ngắt điện, sử dụng phương tiện tại chỗ
để dập lửa và gọi ngay số điện thoại 114 để báo cháy. Trường hợp khói lan nhanh, cần dùng
khăn ướt che mũi, miệng, cúi thấp người và di chuyển theo hướng ngược chiều khói ra ngoài;
tuyệt đối không sử dụng thang máy, không quay lại lấy tài sản. Mọi thông tin về nguy cơ
cháy, nổ có thể phản ánh về đường dây nóng của Công an phường: 0243.826.5114.

[byline] Công an phường Đông Hồ

# BHYT, BHXH tự nguyện: Điểm tựa an sinh cho mọi nhà

> Đến hết tháng 10/2025, tỷ lệ người dân phường Đông Hồ tham gia BHYT đạt 94,3%, tăng 1,6
điểm phần trăm so với cuối năm 2024. Tuy nhiên, để đạt mục tiêu 95% vào cuối năm và mở rộng
diện bao phủ BHXH tự nguyện, vẫn cần nhiều hơn nữa sự chung tay của từng gia đình.

## Mua BHYT hộ gia đình: càng đông càng giảm

Theo quy định hiện hành, người tham gia BHYT theo hộ gia đình đóng theo phương thức giảm
dần: người thứ nhất đóng bằng 4,5% mức lương cơ sở; người thứ hai, thứ ba, thứ tư đóng lần
lượt bằng 70%, 60%, 50% mức đóng của người thứ nhất; từ người thứ năm trở đi đóng bằng 40%.
Với mức lương cơ sở 2.340.000 đồng/tháng, người thứ nhất đóng 105.300 đồng/tháng, tương
đương 1.263.600 đồng/năm; một gia đình có bốn người tham gia chỉ phải đóng tổng cộng khoảng
3.538.000 đồng/năm.

Thẻ BHYT giúp người bệnh được chi trả từ 80% đến 100% chi phí khám, chữa bệnh trong phạm vi
quyền lợi. Nhiều trường hợp mắc bệnh hiểm nghèo như ung thư, suy thận phải chạy thận nhân
tạo đã được quỹ BHYT thanh toán hàng trăm triệu đồng mỗi năm. Ông Lý Văn Tâm ở tổ dân phố số
33 cho biết: năm ngoái ông phải phẫu thuật tim với tổng chi phí hơn 180 triệu đồng, nhờ có
thẻ BHYT, gia đình chỉ phải chi trả khoảng 27 triệu đồng.

[photo] Cán bộ bảo hiểm xã hội tư vấn chính sách BHXH tự nguyện cho người dân tại nhà văn
hóa tổ dân phố số 33. Ảnh: Minh Anh

## BHXH tự nguyện – để có lương hưu khi về già

Luật Bảo hiểm xã hội năm 2024 có hiệu lực từ ngày 1-7-2025 đã giảm số năm đóng tối thiểu để
hưởng lương hưu từ 20 năm xuống 15 năm, mở ra cơ hội cho nhiều lao động tự do, tiểu thương,
người lao động trung niên. Người tham gia BHXH tự nguyện được lựa chọn mức thu nhập làm căn
cứ đóng và phương thức đóng phù hợp: hằng tháng, 3 tháng, 6 tháng, 12 tháng một lần hoặc
đóng một lần cho nhiều năm. Nhà nước hỗ trợ một phần mức đóng, trong đó người thuộc hộ
nghèo, hộ cận nghèo được hỗ trợ ở mức cao hơn.

Hiện toàn phường có 1.250 người tham gia BHXH tự nguyện, tăng 312 người so với cùng kỳ năm
trước. Để mở rộng diện bao phủ, UBND phường phối hợp với cơ quan bảo hiểm xã hội tổ chức 26
hội nghị tuyên truyền, đối thoại trực tiếp tại các tổ dân phố; các đại lý thu được bố trí
lịch trực vào buổi tối và cuối tuần để thuận tiện cho người lao động.

Người dân có thể tra cứu quá trình đóng, quyền lợi hưởng BHYT, BHXH trên ứng dụng VssID hoặc
tài khoản định danh điện tử VNeID; mọi thắc mắc xin liên hệ tổng đài 1900 9068 của Bảo hiểm
xã hội Việt Nam hoặc bộ phận văn hóa – xã hội của UBND phường trong giờ hành chính, từ 8h00
đến 17h00 các ngày từ thứ Hai đến thứ Sáu.

[byline] NGUYỄN THU HƯƠNG

# Gương người tốt, việc tốt: Người “giữ lửa” ở ngõ Hòa Bình

> Đã bước sang tuổi 73, nhưng cựu chiến binh Trần Văn Khải ở tổ dân phố số 7 vẫn miệt mài
với những công việc không tên: vận động bà con hiến đất mở ngõ, gìn giữ tủ sách cộng đồng.
Người dân trong ngõ quen gọi ông bằng cái tên thân mật: “bác Khải trưởng ngõ”.

Sinh năm 1952 tại Nam Định, năm 1971, chàng thanh niên Trần Văn Khải lên đường nhập ngũ,
chiến đấu tại mặt trận Quảng Trị. Ông hai lần bị thương và được tặng thưởng Huân chương
Chiến công hạng Ba. Năm 1992, ông nghỉ hưu với quân hàm Trung tá và chuyển về sống tại con
ngõ nhỏ ven hồ.

## Mở ngõ bằng sự tin yêu

Ngõ Hòa Bình trước đây chỉ rộng chưa đến 2 mét, ngày mưa lầy lội, xe cứu thương, xe cứu hỏa
không thể vào. Năm 2019, khi thành phố có chủ trương cải tạo ngõ, ông Khải là người đầu tiên
tự nguyện dỡ bỏ bức tường rào, hiến gần 6 m² đất của gia đình. Sau đó, ông kiên trì đến từng
nhà, mỗi nhà ba, bốn lượt để vận động. “Mình là đảng viên, mình làm trước thì mới nói được
người khác”, ông nói. Nhờ vậy, 27 hộ dân đã đồng thuận hiến tổng cộng 148 m² đất, con ngõ
được mở rộng lên 3,5 mét, lát đá sạch sẽ và lắp đèn chiếu sáng.

[photo] Cựu chiến binh Trần Văn Khải bên tủ sách cộng đồng ngõ Hòa Bình. Ảnh: Hoàng Long

## Tủ sách nhỏ, tấm lòng lớn

Năm 2021, ông Khải cùng Chi hội Cựu chiến binh vận động thành lập “Tủ sách ngõ nhỏ” đặt ngay
tại nhà văn hóa tổ dân phố. Đến nay, tủ sách đã có hơn 1.200 đầu sách về lịch sử, pháp luật,
kỹ năng sống và truyện thiếu nhi. Mỗi tối thứ Bảy, ông lại cùng câu lạc bộ kể chuyện truyền
thống cho các cháu thiếu nhi, từ 81 ngày đêm chiến đấu bảo vệ Thành cổ Quảng Trị năm 1972
đến những tấm gương anh hùng của quê hương.

Không chỉ vậy, ông còn là thành viên tích cực của Tổ hòa giải ở cơ sở. Trong 5 năm gần đây,
ông cùng tổ hòa giải thành công 34 vụ việc mâu thuẫn, tranh chấp nhỏ, không để phát sinh đơn
thư vượt cấp. Năm 2024, ông được Chủ tịch UBND TP. Hà Nội tặng Bằng khen vì có thành tích
xuất sắc trong phong trào thi đua “Cựu chiến binh gương mẫu”.

[quote] Việc tốt không cần to tát, chỉ cần mình làm đều đặn mỗi ngày.

Chia sẻ về những việc mình làm, ông Khải chỉ cười hiền: “Việc tốt không cần to tát, chỉ cần
mình làm đều đặn mỗi ngày. Còn sức khỏe thì tôi còn góp sức cho bà con”. Tấm gương của người
cựu chiến binh giản dị ấy đang lặng lẽ lan tỏa, góp phần làm nên một khu dân cư văn minh,
nghĩa tình giữa lòng Thủ đô.

[byline] HOÀNG LONG

# Tri ân thầy cô nhân Ngày Nhà giáo Việt Nam 20/11

> Chào mừng 43 năm Ngày Nhà giáo Việt Nam (20/11/1982 – 20/11/2025), các trường học trên địa
bàn phường Đông Hồ đã tổ chức nhiều hoạt động thiết thực, ý nghĩa, thể hiện truyền thống
“tôn sư trọng đạo” của dân tộc.

Trên địa bàn phường hiện có 11 trường mầm non, tiểu học và trung học cơ sở công lập với 546
cán bộ, giáo viên, nhân viên và hơn 9.800 học sinh. Năm học 2024–2025, tỷ lệ học sinh hoàn
thành chương trình tiểu học đạt 100%; tỷ lệ học sinh lớp 9 trúng tuyển vào lớp 10 công lập
đạt 78,6%, cao hơn mức bình quân chung của thành phố. Nhiều thầy cô đã được công nhận giáo
viên dạy giỏi cấp thành phố, có sáng kiến kinh nghiệm được ứng dụng rộng rãi.

Sáng ngày 18/11, UBND phường tổ chức gặp mặt, tặng hoa, chúc mừng 35 nhà giáo tiêu biểu và
thăm hỏi 12 nhà giáo lão thành đang sinh sống trên địa bàn. Các trường đồng loạt phát động
đợt thi đua “Hoa điểm tốt tặng thầy cô”, tổ chức hội giảng, hội thi viết về thầy cô và mái
trường. Hội Khuyến học phường trao 50 suất học bổng, mỗi suất 1.000.000 đồng, cho học sinh
có hoàn cảnh khó khăn vươn lên học tốt.

Phát biểu tại buổi gặp mặt, lãnh đạo phường mong muốn mỗi thầy cô tiếp tục giữ vững phẩm
chất, đạo đức nhà giáo, tích cực đổi mới phương pháp dạy học, ứng dụng công nghệ thông tin
và trí tuệ nhân tạo một cách phù hợp, góp phần thực hiện thành công Nghị quyết 29-NQ/TW về
đổi mới căn bản, toàn diện giáo dục và đào tạo.

[byline] Phòng Văn hóa – Xã hội
"""


def parse_articles(source: str) -> list[dict]:
    """Parse the light markup above into [{"title", "blocks": [(kind, text), ...]}].

    Blocks are separated by blank lines; the lines of one block are joined with a
    single space. ``# `` starts an article (its title), ``> `` a lead, ``## `` a
    sub-head, ``[photo] `` a caption, ``[quote] `` a pull quote, ``[byline] `` a
    byline; anything else is a body paragraph.
    """
    articles: list[dict] = []
    markers = [("## ", "h"), ("> ", "lead"), ("[photo] ", "photo"), ("[quote] ", "quote"),
               ("[byline] ", "byline")]
    for chunk in re.split(r"\n\s*\n", source.strip()):
        text = " ".join(line.strip() for line in chunk.splitlines())
        if text.startswith("# "):
            articles.append({"title": text[2:], "blocks": []})
            continue
        for marker, kind in markers:
            if text.startswith(marker):
                articles[-1]["blocks"].append((kind, text[len(marker):]))
                break
        else:
            articles[-1]["blocks"].append(("p", text))
    return articles


ARTICLES = parse_articles(ARTICLES_SOURCE)

TEASERS = [
    "Sơ kết công tác 10 tháng năm 2025",
    "Đưa Nghị quyết 57-NQ/TW vào cuộc sống",
    "Ngày hội Đại đoàn kết ở khu dân cư",
    "PCCC ở khu tập thể cũ: Không thể chủ quan",
    "Gương người tốt, việc tốt",
]

COVER_CAPTION = "Một góc hồ Đông Hồ buổi sớm. Ảnh minh họa"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------
# Flowables
# --------------------------------------------------------------------------
def draw_placeholder_photo(c, x: float, y: float, w: float, h: float) -> None:
    """A simple vector stand-in for a photograph: grey box, sun, hills, figures."""
    c.saveState()
    c.setFillColor(colors.HexColor("#C9CCD1"))
    c.setStrokeColor(colors.HexColor("#8E939A"))
    c.setLineWidth(0.6)
    c.rect(x, y, w, h, stroke=1, fill=1)
    # sun
    c.setFillColor(colors.HexColor("#E9E2C8"))
    c.circle(x + w * 0.78, y + h * 0.72, min(w, h) * 0.11, stroke=0, fill=1)
    # far hill
    c.setFillColor(colors.HexColor("#A7ADB5"))
    p = c.beginPath()
    p.moveTo(x, y + h * 0.30)
    p.lineTo(x + w * 0.28, y + h * 0.62)
    p.lineTo(x + w * 0.55, y + h * 0.36)
    p.lineTo(x + w * 0.72, y + h * 0.52)
    p.lineTo(x + w, y + h * 0.28)
    p.lineTo(x + w, y)
    p.lineTo(x, y)
    p.close()
    c.drawPath(p, stroke=0, fill=1)
    # near ground
    c.setFillColor(colors.HexColor("#8C939C"))
    c.rect(x, y, w, h * 0.18, stroke=0, fill=1)
    # three simple figures
    c.setFillColor(colors.HexColor("#6B727B"))
    for i, fx in enumerate((0.22, 0.30, 0.38)):
        cx = x + w * fx
        base = y + h * 0.18
        bh = h * (0.24 + 0.03 * (i % 2))
        c.roundRect(cx - w * 0.025, base, w * 0.05, bh, 2, stroke=0, fill=1)
        c.circle(cx, base + bh + h * 0.05, h * 0.04, stroke=0, fill=1)
    c.restoreState()


class PhotoPlaceholder(Flowable):
    def __init__(self, width: float, height: float):
        super().__init__()
        self.width = width
        self.height = height

    def wrap(self, avail_w, avail_h):
        return self.width, self.height

    def draw(self):
        draw_placeholder_photo(self.canv, 0, 0, self.width, self.height)


# --------------------------------------------------------------------------
# Page decoration
# --------------------------------------------------------------------------
class TocEntry(Flowable):
    """A table-of-contents line: wrapped title, dot leader, right-aligned page number.

    The leader and number are drawn *after* the title text so that text
    extraction yields "1. Title . . . . 7" in reading order.
    """

    def __init__(self, text: str, page: int, style: ParagraphStyle):
        super().__init__()
        self.style = style
        self.page = page
        self.para = Paragraph(f'{text}<onDraw name="tocEnd" label="end"/>', style)

    def wrap(self, avail_w, avail_h):
        self.avail_w = avail_w
        _, h = self.para.wrap(avail_w, avail_h)
        self.width, self.height = avail_w, h
        return avail_w, h

    def getSpaceAfter(self):
        return self.style.spaceAfter

    def draw(self):
        pos: dict[str, float] = {}

        def remember(canvas, kind, label):
            info = canvas._curr_tx_info
            pos["x"], pos["y"] = info["cur_x"], info["cur_y"]

        self.canv.setNamedCB("tocEnd", remember)
        self.para.drawOn(self.canv, 0, 0)
        font, size = self.style.fontName, self.style.fontSize
        num = str(self.page)
        num_w = stringWidth(num, font, size)
        dot = " ."
        dot_w = stringWidth(dot, font, size)
        n = int((self.avail_w - pos["x"] - num_w - 3) / dot_w)
        x = self.avail_w - num_w - 3 - n * dot_w
        tx = self.canv.beginText(x, pos["y"])
        tx.setFont(font, size)
        tx.setFillColor(self.style.textColor)
        tx.textOut(dot * n + " ")
        tx.setTextOrigin(self.avail_w - num_w, pos["y"])
        tx.textOut(num)
        self.canv.drawText(tx)


def on_body_page(canvas, doc):
    canvas.saveState()
    # running header
    canvas.setFont("DejaVuSans", HEADER_SIZE)
    canvas.setFillColor(GREY_TEXT)
    y = PAGE_H - 11 * mm
    canvas.drawString(MARGIN_L, y, RUNNING_HEADER)
    canvas.setStrokeColor(RED)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_L, y - 2.2 * mm, PAGE_W - MARGIN_R, y - 2.2 * mm)
    # footer with page number
    canvas.setStrokeColor(colors.HexColor("#BBBBBB"))
    canvas.setLineWidth(0.3)
    canvas.line(MARGIN_L, 11.5 * mm, PAGE_W - MARGIN_R, 11.5 * mm)
    canvas.setFont("DejaVuSans", FOOTER_SIZE)
    canvas.setFillColor(colors.black)
    canvas.drawCentredString(PAGE_W / 2, 7.5 * mm, str(doc.page))
    canvas.restoreState()


def _fit_font(text: str, font: str, size: float, max_w: float) -> float:
    while stringWidth(text, font, size) > max_w and size > 6:
        size -= 0.5
    return size


def on_cover_page(canvas, doc):
    canvas.saveState()
    # top band with the ward name
    band_h = 26 * mm
    canvas.setFillColor(RED)
    canvas.rect(0, PAGE_H - band_h, PAGE_W, band_h, stroke=0, fill=1)
    canvas.setFillColor(GOLD)
    canvas.rect(0, PAGE_H - band_h - 1.6 * mm, PAGE_W, 1.6 * mm, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont("DejaVuSans", 8)
    canvas.drawCentredString(PAGE_W / 2, PAGE_H - 9 * mm, "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI")
    canvas.setFillColor(colors.HexColor("#FFE9A8"))
    canvas.setFont("DejaVuSans-Bold", 15)
    canvas.drawCentredString(PAGE_W / 2, PAGE_H - 18 * mm, WARD.upper())

    # masthead
    canvas.setFillColor(RED)
    max_w = PAGE_W - 2 * MARGIN_L
    line1, line2 = "THÔNG TIN TUYÊN TRUYỀN", "ĐIỆN TỬ"
    size = _fit_font(line1, "DejaVuSans-Bold", 24, max_w)
    canvas.setFont("DejaVuSans-Bold", size)
    canvas.drawCentredString(PAGE_W / 2, PAGE_H - 42 * mm, line1)
    canvas.setFont("DejaVuSans-Bold", size * 1.35)
    canvas.drawCentredString(PAGE_W / 2, PAGE_H - 54 * mm, line2)

    # issue line
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1.2)
    canvas.line(MARGIN_L + 10 * mm, PAGE_H - 59 * mm, PAGE_W - MARGIN_R - 10 * mm, PAGE_H - 59 * mm)
    canvas.setFillColor(NAVY)
    canvas.setFont("DejaVuSerif-Bold", 11)
    canvas.drawCentredString(PAGE_W / 2, PAGE_H - 65 * mm, f"{ISSUE}  •  {MONTH_TEXT}")

    # placeholder cover photo and its caption
    ph_x, ph_w = MARGIN_L, PAGE_W - MARGIN_L - MARGIN_R
    ph_h = 58 * mm
    ph_y = PAGE_H - 70 * mm - ph_h
    draw_placeholder_photo(canvas, ph_x, ph_y, ph_w, ph_h)
    canvas.setFillColor(CAPTION_GREY)
    canvas.setFont("DejaVuSerif-Italic", CAPTION_SIZE)
    canvas.drawCentredString(PAGE_W / 2, ph_y - 4 * mm, COVER_CAPTION)

    # bottom band with the publisher
    canvas.setFillColor(RED)
    canvas.rect(0, 0, PAGE_W, 11 * mm, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont("DejaVuSans", 7.5)
    canvas.drawCentredString(PAGE_W / 2, 6.2 * mm, PUBLISHER)
    canvas.setFont("DejaVuSans", 6.5)
    canvas.drawCentredString(PAGE_W / 2, 2.8 * mm, "Lưu hành nội bộ")
    canvas.restoreState()


# --------------------------------------------------------------------------
# Document
# --------------------------------------------------------------------------
class BulletinDoc(BaseDocTemplate):
    def __init__(self, target, **kw):
        super().__init__(
            target,
            pagesize=(PAGE_W, PAGE_H),
            leftMargin=MARGIN_L,
            rightMargin=MARGIN_R,
            topMargin=MARGIN_T,
            bottomMargin=MARGIN_B,
            title=DOC_TITLE,
            author=PUBLISHER,
            subject=SUBJECT,
            creator=CREATOR,
            keywords=["bản tin", "phường Đông Hồ", ISSUE],
            lang="vi-VN",
            invariant=1,
            pageCompression=1,
            **kw,
        )
        body = Frame(MARGIN_L, MARGIN_B, FRAME_W, FRAME_H, id="body",
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        cover = Frame(MARGIN_L, 14 * mm, FRAME_W, 40 * mm, id="cover",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate(id="cover", frames=[cover], onPage=on_cover_page),
            PageTemplate(id="body", frames=[body], onPage=on_body_page),
        ])
        self.chapter_pages: dict[int, int] = {}

    def afterFlowable(self, flowable):
        idx = getattr(flowable, "_chapter_index", None)
        if idx is not None:
            self.chapter_pages[idx] = self.page


def build_story(toc_pages: list[int]) -> list:
    story: list = []
    # cover: teaser list in the small cover frame
    story.append(Paragraph("TRONG SỐ NÀY", STYLES["teaser_heading"]))
    for t in TEASERS:
        story.append(Paragraph(escape(nfc(t)), STYLES["teaser"], bulletText="▪"))
    story += [NextPageTemplate("body"), PageBreak()]

    # table of contents
    story.append(Paragraph("MỤC LỤC", STYLES["toc_heading"]))
    for i, art in enumerate(ARTICLES):
        text = escape(nfc(art["title"]))
        story.append(TocEntry(f"{i + 1}. {text}", toc_pages[i], STYLES["toc_entry"]))

    # articles
    for i, art in enumerate(ARTICLES):
        story.append(PageBreak())
        title = Paragraph(escape(nfc(art["title"])), STYLES["title"])
        title._chapter_index = i
        story.append(title)
        for kind, text in art["blocks"]:
            text = escape(nfc(text))
            if kind == "lead":
                story.append(Paragraph(text, STYLES["lead"]))
            elif kind == "p":
                story.append(Paragraph(text, STYLES["body"]))
            elif kind == "h":
                story.append(Paragraph(text, STYLES["subhead"]))
            elif kind == "photo":
                story.append(Spacer(1, 3))
                story.append(KeepTogether([
                    PhotoPlaceholder(FRAME_W, 38 * mm),
                    Paragraph(text, STYLES["caption"]),
                ]))
                story.append(Spacer(1, 6))
            elif kind == "quote":
                rule = dict(width="60%", thickness=0.8, color=RED, hAlign="CENTER")
                story.append(KeepTogether([
                    HRFlowable(spaceBefore=4, spaceAfter=2, **rule),
                    Paragraph(f"“{text}”", STYLES["quote"]),
                    HRFlowable(spaceBefore=2, spaceAfter=6, **rule),
                ]))
            elif kind == "byline":
                story.append(Paragraph(text, STYLES["byline"]))
            else:  # pragma: no cover - data error
                raise ValueError(kind)
    return story


def check_content() -> None:
    """Sanity checks on the data: NFC, pull quotes repeat a body sentence."""
    for art in ARTICLES:
        assert nfc(art["title"]) == art["title"], art["title"]
        bodies = [t for k, t in art["blocks"] if k == "p"]
        for kind, text in art["blocks"]:
            assert nfc(text) == text, text[:40]
            if kind == "quote":
                assert any(text in b for b in bodies), f"pull quote not in body: {text}"


def build() -> dict:
    register_fonts()
    check_content()
    # pass 1: find the page on which every article starts
    doc1 = BulletinDoc(io.BytesIO())
    doc1.build(build_story([0] * len(ARTICLES)))
    pages = [doc1.chapter_pages[i] for i in range(len(ARTICLES))]
    # pass 2: same layout, real page numbers in the table of contents
    PDF_PATH.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    doc2 = BulletinDoc(buf)
    doc2.build(build_story(pages))
    pages2 = [doc2.chapter_pages[i] for i in range(len(ARTICLES))]
    if pages2 != pages:
        raise RuntimeError(f"layout changed between passes: {pages} != {pages2}")
    PDF_PATH.write_bytes(buf.getvalue())
    n_pages = doc2.page

    truth = {
        "title": DOC_TITLE,
        "publisher": PUBLISHER,
        "issue": ISSUE,
        "date": DATE,
        "pages": n_pages,
        "chapters": [
            {
                "title": nfc(art["title"]),
                "page": pages[i],
                "paragraphs": [nfc(t) for k, t in art["blocks"] if k in ("lead", "h", "p")],
            }
            for i, art in enumerate(ARTICLES)
        ],
    }
    TRUTH_PATH.parent.mkdir(parents=True, exist_ok=True)
    TRUTH_PATH.write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return truth


# --------------------------------------------------------------------------
# Verification (needs pypdfium2)
# --------------------------------------------------------------------------
def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def verify(truth: dict) -> list[str]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    problems: list[str] = []
    pdf = pdfium.PdfDocument(str(PDF_PATH))
    if len(pdf) != truth["pages"]:
        problems.append(f"page count {len(pdf)} != {truth['pages']}")
    if len(pdf) < 12:
        problems.append("fewer than 12 pages")

    page_texts = []
    for i in range(len(pdf)):
        page_texts.append(pdf[i].get_textpage().get_text_range())

    # strip running header / footer from pages after the cover
    kept = []
    for pno, text in enumerate(page_texts, start=1):
        lines = re.split(r"\r\n|\n|\r", text)
        if pno > 1:
            if RUNNING_HEADER not in lines:
                problems.append(f"page {pno}: running header missing")
            if str(pno) not in [ln.strip() for ln in lines]:
                problems.append(f"page {pno}: page number missing")
            lines = [ln for ln in lines if ln.strip() not in (RUNNING_HEADER, str(pno))]
        elif RUNNING_HEADER in lines:
            problems.append("cover has a running header")
        kept.append(" ".join(lines))
    body = _squash(" ".join(kept[2:]))

    for ch in truth["chapters"]:
        for para in ch["paragraphs"]:
            if _squash(para) not in body:
                problems.append(f"paragraph not found verbatim: {para[:60]}…")
        # title on its first page (possibly wrapped)
        if _squash(ch["title"]) not in _squash(kept[ch["page"] - 1]):
            problems.append(f"title not on page {ch['page']}: {ch['title']}")

    # table of contents numbers
    toc = _squash(page_texts[1])
    for i, ch in enumerate(truth["chapters"], start=1):
        m = re.search(re.escape(f"{i}. ") + r"(.*?)\s*(?:\.\s*)+(\d+)(?=\s|$)", toc)
        if not m:
            problems.append(f"TOC entry {i} not parsed")
            continue
        if _squash(m.group(1)) != _squash(ch["title"]) or int(m.group(2)) != ch["page"]:
            problems.append(f"TOC entry {i} wrong: {m.group(1)!r} -> {m.group(2)}")

    # font sizes: first title char vs first body char of chapter 1
    def font_of(page_index: int, needle: str):
        tp = pdf[page_index].get_textpage()
        text = tp.get_text_range()
        k = text.find(needle)
        if k < 0:
            return None
        size = raw.FPDFText_GetFontSize(tp, k)
        buf = (raw.ctypes.c_char * 256)()
        flags = raw.ctypes.c_int()
        n = raw.FPDFText_GetFontInfo(tp, k, buf, 256, raw.ctypes.byref(flags))
        name = bytes(buf[: max(n - 1, 0)]).decode("utf-8", "replace")
        return size, name, flags.value

    report = {}
    first = truth["chapters"][0]
    report["title"] = font_of(first["page"] - 1, first["title"][:10])
    report["lead"] = font_of(first["page"] - 1, first["paragraphs"][0][:20])
    report["body"] = font_of(first["page"] - 1, first["paragraphs"][1][:20])
    report["subhead"] = font_of(first["page"] - 1, first["paragraphs"][2][:20])
    report["header"] = font_of(first["page"] - 1, RUNNING_HEADER[:10])
    for k, v in report.items():
        print(f"  font[{k}]: {v}")
    if report["title"] and report["body"] and report["title"][0] < 1.4 * report["body"][0]:
        problems.append("title not clearly bigger than body")

    # glyph coverage of every string we typeset
    from reportlab.pdfbase.pdfmetrics import getFont

    def missing(text: str, font: str) -> set[str]:
        cmap = getFont(font).face.charToGlyph
        return {c for c in text if ord(c) not in cmap and not c.isspace()}

    alltext = " ".join(
        [a["title"] for a in ARTICLES]
        + [t for a in ARTICLES for _, t in a["blocks"]]
        + TEASERS
        + [COVER_CAPTION, PUBLISHER, WARD.upper(), RUNNING_HEADER]
    )
    for font in ("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSans",
                 "DejaVuSans-Bold"):
        miss = missing(alltext + "▪•", font)
        if miss:
            problems.append(f"{font} lacks glyphs: {sorted(miss)}")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="verify the PDF against the truth")
    args = ap.parse_args(argv)
    truth = build()
    size = PDF_PATH.stat().st_size
    print(f"wrote {PDF_PATH.relative_to(ROOT)} ({truth['pages']} pages, {size} bytes)")
    print(f"wrote {TRUTH_PATH.relative_to(ROOT)}")
    for ch in truth["chapters"]:
        print(f"  p.{ch['page']:>2}  {ch['title']}")
    if args.check:
        problems = verify(truth)
        for p in problems:
            print("PROBLEM:", p)
        if problems:
            return 1
        print("check OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
