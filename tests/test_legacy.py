"""Vietnamese typed in legacy fonts (TCVN3/ABC, VNI) is detected and converted to Unicode.

Every legacy string here is typed by hand from the code tables (TCVN 5712:1993 VN3 and VNI
Windows), never produced by the module under test."""

import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest
from bulletin import FONT_FOLDER, PAGE, Article, Bulletin
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from tts_pipeline.book import read_book
from tts_pipeline.extract import extract
from tts_pipeline.extract.legacy import TCVN3, VNI, legacy_encoding, to_unicode

# TCVN3: each vowel's codes with its Unicode letters (plain where the vowel has its own code,
# then acute, grave, hook, tilde, dot below), đ, and the capitals .VnTime has.
TCVN3_LETTERS = [
    ("¸µ¶·¹", "áàảãạ", "ÁÀẢÃẠ"),
    ("¨¾»¼½Æ", "ăắằẳẵặ", "ĂẮẰẲẴẶ"),
    ("©ÊÇÈÉË", "âấầẩẫậ", "ÂẤẦẨẪẬ"),
    ("ÐÌÎÏÑ", "éèẻẽẹ", "ÉÈẺẼẸ"),
    ("ªÕÒÓÔÖ", "êếềểễệ", "ÊẾỀỂỄỆ"),
    ("Ý×ØÜÞ", "íìỉĩị", "ÍÌỈĨỊ"),
    ("ãßáâä", "óòỏõọ", "ÓÒỎÕỌ"),
    ("«èåæçé", "ôốồổỗộ", "ÔỐỒỔỖỘ"),
    ("¬íêëìî", "ơớờởỡợ", "ƠỚỜỞỠỢ"),
    ("óïñòô", "úùủũụ", "ÚÙỦŨỤ"),
    ("\xadøõö÷ù", "ưứừửữự", "ƯỨỪỬỮỰ"),
    ("ýúûüþ", "ýỳỷỹỵ", "ÝỲỶỸỴ"),
    ("®", "đ", "Đ"),
]
TCVN3_CAPITALS = ("¡¢£¤¥¦§", "ĂÂÊÔƠƯĐ")

# VNI: a base letter and the letter for its marks, or one letter (ơ ư đ, i and y with some
# tones), in the same order as above.
VNI_LETTERS = [
    ("aù aø aû aõ aï", "á à ả ã ạ"),
    ("aê aé aè aú aü aë", "ă ắ ằ ẳ ẵ ặ"),
    ("aâ aá aà aå aã aä", "â ấ ầ ẩ ẫ ậ"),
    ("eù eø eû eõ eï", "é è ẻ ẽ ẹ"),
    ("eâ eá eà eå eã eä", "ê ế ề ể ễ ệ"),
    ("í ì æ ó ò", "í ì ỉ ĩ ị"),
    ("où oø oû oõ oï", "ó ò ỏ õ ọ"),
    ("oâ oá oà oå oã oä", "ô ố ồ ổ ỗ ộ"),
    ("ô ôù ôø ôû ôõ ôï", "ơ ớ ờ ở ỡ ợ"),
    ("uù uø uû uõ uï", "ú ù ủ ũ ụ"),
    ("ö öù öø öû öõ öï", "ư ứ ừ ử ữ ự"),
    ("yù yø yû yõ î", "ý ỳ ỷ ỹ ỵ"),
    ("ñ", "đ"),
    ("AÙ AØ AÛ AÕ AÏ", "Á À Ả Ã Ạ"),
    ("AÊ AÉ AÈ AÚ AÜ AË", "Ă Ắ Ằ Ẳ Ẵ Ặ"),
    ("AÂ AÁ AÀ AÅ AÃ AÄ", "Â Ấ Ầ Ẩ Ẫ Ậ"),
    ("EÙ EØ EÛ EÕ EÏ", "É È Ẻ Ẽ Ẹ"),
    ("EÂ EÁ EÀ EÅ EÃ EÄ", "Ê Ế Ề Ể Ễ Ệ"),
    ("Í Ì Æ Ó Ò", "Í Ì Ỉ Ĩ Ị"),
    ("OÙ OØ OÛ OÕ OÏ", "Ó Ò Ỏ Õ Ọ"),
    ("OÂ OÁ OÀ OÅ OÃ OÄ", "Ô Ố Ồ Ổ Ỗ Ộ"),
    ("Ô ÔÙ ÔØ ÔÛ ÔÕ ÔÏ", "Ơ Ớ Ờ Ở Ỡ Ợ"),
    ("UÙ UØ UÛ UÕ UÏ", "Ú Ù Ủ Ũ Ụ"),
    ("Ö ÖÙ ÖØ ÖÛ ÖÕ ÖÏ", "Ư Ứ Ừ Ử Ữ Ự"),
    ("YÙ YØ YÛ YÕ Î", "Ý Ỳ Ỷ Ỹ Ỵ"),
    ("Ñ", "Đ"),
]

T1 = ("§¶ng bé ph\xadêng §«ng Hå tæ chøc héi nghÞ tæng kÕt c«ng t¸c n¨m 2025.",
      "Đảng bộ phường Đông Hồ tổ chức hội nghị tổng kết công tác năm 2025.")
T2 = ("Ng\xadêi d©n ®\xadîc h\xadíng dÉn cµi ®Æt øng dông ®Þnh danh ®iÖn tö, sö dông dÞch vô "
      "c«ng trùc tuyÕn.",
      "Người dân được hướng dẫn cài đặt ứng dụng định danh điện tử, sử dụng dịch vụ công trực "
      "tuyến.")
T3 = ("Nh÷ng kû niÖm ®Ñp vÒ mÑ, vÒ quª h\xad¬ng lu«n ë l¹i trong lßng mçi chiÕn sÜ trÎ.",
      "Những kỷ niệm đẹp về mẹ, về quê hương luôn ở lại trong lòng mỗi chiến sĩ trẻ.")
T4 = ("Bµ con ë khu phè th¾p s¸ng ®\xadêng quª, gi÷ g×n vÖ sinh, ch¨m lo cho trÎ em vµ "
      "ng\xadêi cao tuæi.",
      "Bà con ở khu phố thắp sáng đường quê, giữ gìn vệ sinh, chăm lo cho trẻ em và người cao "
      "tuổi.")
T5 = ("¤ng Lª V¨n ¢n, bµ §ç ThÞ ¥n vµ anh ¦ng V¨n £m ®\xadîc khen th\xadëng.",
      "Ông Lê Văn Ân, bà Đỗ Thị Ơn và anh Ưng Văn Êm được khen thưởng.")
T6 = ("Tuyªn truyÒn vÒ b·o lò: n¨m nay m\xada nhiÒu, ®ª ®iÒu cÇn ®\xadîc kiÓm tra kü, ai còng "
      "ph¶i chñ ®éng phßng tr¸nh, s½n sµng øng cøu.",
      "Tuyên truyền về bão lũ: năm nay mưa nhiều, đê điều cần được kiểm tra kỹ, ai cũng phải "
      "chủ động phòng tránh, sẵn sàng ứng cứu.")
T7 = ("Theo ý kiÕn cö tri, thñ tôc giÊy tê cßn chËm; phã chñ tÞch høa sÏ chØ ®¹o gi¶i quyÕt "
      "døt ®iÓm, tr¸nh ®Ó ng\xadêi d©n n»m chê, hái ®©u còng v\xadíng.",
      "Theo ý kiến cử tri, thủ tục giấy tờ còn chậm; phó chủ tịch hứa sẽ chỉ đạo giải quyết "
      "dứt điểm, tránh để người dân nằm chờ, hỏi đâu cũng vướng.")
T8 = ("Häc sinh ®\xadîc miÔn häc phÝ, em bÐ må c«i ®\xadîc gióp ®ì tïy hoµn c¶nh; tõ mïa thu, "
      "chÞ Mþ b¸n chÌ, s¶n phÈm râ nguån gèc, h¼n hoi, chÝnh quyÒn ®Þnh kú khen ngîi.",
      "Học sinh được miễn học phí, em bé mồ côi được giúp đỡ tùy hoàn cảnh; từ mùa thu, chị "
      "Mỵ bán chè, sản phẩm rõ nguồn gốc, hẳn hoi, chính quyền định kỳ khen ngợi.")

V1 = ("Ñaûng boä phöôøng Ñoâng Hoà toå chöùc hoäi nghò toång keát coâng taùc naêm 2025.", T1[1])
V2 = ("Ngöôøi daân ñöôïc höôùng daãn caøi ñaët öùng duïng ñònh danh ñieän töû, söû duïng dòch "
      "vuï coâng tröïc tuyeán.", T2[1])
V3 = ("Nhöõng kyû nieäm ñeïp veà meï, veà queâ höông luoân ôû laïi trong loøng moãi chieán só "
      "treû.", T3[1])
V4 = ("Baø con ôû khu phoá thaép saùng ñöôøng queâ, giöõ gìn veä sinh, chaêm lo cho treû em vaø "
      "ngöôøi cao tuoåi.", T4[1])
V5 = ("UÛY BAN NHAÂN DAÂN PHÖÔØNG ÑEÀ NGHÒ NGÖÔØI DAÂN TÍCH CÖÏC HÖÔÛNG ÖÙNG.",
      "ỦY BAN NHÂN DÂN PHƯỜNG ĐỀ NGHỊ NGƯỜI DÂN TÍCH CỰC HƯỞNG ỨNG.")
V6 = ("OÂng Leâ Vaên AÂn, baø Ñoã Thò Ôn vaø anh Öng Vaên EÂm ñöôïc khen thöôûng.", T5[1])
V7 = ("Theo yù kieán cöû tri, thuû tuïc giaáy tôø coøn chaäm; phoù chuû tòch höùa seõ chæ ñaïo "
      "giaûi quyeát döùt ñieåm, traùnh ñeå ngöôøi daân naèm chôø, hoûi ñaâu cuõng vöôùng.", T7[1])
V8 = ("Hoïc sinh ñöôïc mieãn hoïc phí, em beù moà coâi ñöôïc giuùp ñôõ tuøy hoaøn caûnh; töø "
      "muøa thu, chò Mî baùn cheø, saûn phaåm roõ nguoàn goác, haún hoi, chính quyeàn ñònh kyø "
      "khen ngôïi.", T8[1])
V9 = ("Tuyeân truyeàn veà baõo luõ: naêm nay möa nhieàu, ñeâ ñieàu caàn ñöôïc kieåm tra kyõ, ai "
      "cuõng phaûi chuû ñoäng phoøng traùnh, saün saøng öùng cöùu.", T6[1])

needs_dejavu = pytest.mark.skipif(not (FONT_FOLDER / "DejaVuSerif-Bold.ttf").is_file(),
                                  reason="DejaVu fonts missing: apt-get install fonts-dejavu")
WARNING = "typed in the legacy {} font encoding: converted to Unicode; proofread the chapter files"


def test_every_tcvn3_letter_in_both_cases():
    for codes, lower, upper in TCVN3_LETTERS:
        for code, small, capital in zip(codes, lower, upper, strict=True):
            assert to_unicode(code, TCVN3) == small
            assert to_unicode(code, TCVN3, ".VnTimeH") == capital
    codes, capitals = TCVN3_CAPITALS
    for code, capital in zip(codes, capitals, strict=True):
        assert to_unicode(code, TCVN3) == capital
    assert sum(len(lower) for _, lower, _ in TCVN3_LETTERS) * 2 == 134


def test_every_vni_letter_in_both_cases():
    for typed, letters in VNI_LETTERS:
        for code, letter in zip(typed.split(), letters.split(), strict=True):
            assert to_unicode(code, VNI) == letter
        assert to_unicode(typed, VNI) == letters
    assert sum(len(letters.split()) for _, letters in VNI_LETTERS) == 134


@pytest.mark.parametrize(("encoding", "sentence"), [
    *((TCVN3, pair) for pair in (T1, T2, T3, T4, T5, T6, T7, T8)),
    *((VNI, pair) for pair in (V1, V2, V3, V4, V5, V6, V7, V8, V9)),
])
def test_civic_sentences_are_detected_and_converted(encoding, sentence):
    typed, meant = sentence
    assert legacy_encoding(typed) == encoding
    converted = to_unicode(typed, encoding)
    assert converted == meant
    assert converted == unicodedata.normalize("NFC", converted)
    assert legacy_encoding(converted) is None


def test_capitals_fonts_are_recognised_by_name():
    typed = "ñy ban nh©n d©n ph\xadêng §«ng Hå"
    for font in (".VnTimeH", "BCDEEE+.VnTimeH", ".VnArialH,Bold", "VnTimeH-Bold"):
        assert to_unicode(typed, TCVN3, font) == "ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HỒ", font
    for font in ("", ".VnTime", "BCDEEE+.VnTime,Bold", ".VnHelvetIns", "DejaVuSerif-Bold"):
        assert to_unicode(typed, TCVN3, font) == "ủy ban nhân dân phường Đông Hồ", font
    assert to_unicode(V3[0], VNI, "VNI-TimesH") == V3[1]


def test_tcvn3_u_read_as_a_hyphen_or_a_broken_word():
    """A PDF without a Unicode map gives the ư (0xAD) as "-"; at a line's end pdfium marks it
    as a broken word; real hyphens stay."""
    typed = ("Ng-êi d©n ph-êng nh- vËy, -u tiªn trung -¬ng gi-êng; NghÞ quyÕt 57-NQ/TW ngµy "
             "5-11-2025, M¸c-Lªnin, «-t« - xe m¸y.")
    assert to_unicode(typed, TCVN3) == (
        "Người dân phường như vậy, ưu tiên trung ương giường; Nghị quyết 57-NQ/TW ngày "
        "5-11-2025, Mác-Lênin, ô-tô - xe máy.")
    assert to_unicode("khu d©n c\x02", TCVN3) == "khu dân cư"
    assert to_unicode("ng\xadêi d©n c\x02", TCVN3) == "người dân cư"
    assert to_unicode("ph¸t thanh viª\x02", TCVN3) == "phát thanh viê\x02"


def test_windows_1252_punctuation_arrives_either_way():
    assert to_unicode("\x93Th«ng b¸o\x94 \x96 \u201cTh«ng b¸o\u201d \u2013", TCVN3) == (
        "“Thông báo” – “Thông báo” –")
    assert to_unicode("\x93Thoâng baùo\x94 \x97 \u201cThoâng baùo\u201d \u2014", VNI) == (
        "“Thông báo” — “Thông báo” —")


def test_unicode_text_is_never_taken_for_legacy():
    short_notice = "© 2025 Bản tin phường Đông Hồ. Nhiệt độ 35°C."  # © is TCVN3's â
    assert legacy_encoding(short_notice) is None
    for _, meant in (T1, T2, T3, T4, T5, T6, T7, T8, V5):
        assert legacy_encoding(f"{meant} © 2025, 35°C") is None
    assert to_unicode(T1[1], TCVN3) == T1[1]
    assert to_unicode(V5[1], VNI) == V5[1]


def _paragraph(*sentences):
    return " ".join(typed for typed, _ in sentences), " ".join(meant for _, meant in sentences)


# (title font, (typed title, its Unicode), [(typed paragraph, its Unicode), ...])
ARTICLES = {
    TCVN3: [
        (".VnTimeH", ("héi nghÞ tæng kÕt c«ng t¸c n¨m 2025", "HỘI NGHỊ TỔNG KẾT CÔNG TÁC NĂM 2025"),
         [_paragraph(T1, T2), _paragraph(T4, T3), _paragraph(T5)]),
        (".VnTime,Bold", ("§Èy m¹nh c«ng t¸c d©n vËn ë khu d©n c\xad",
                          "Đẩy mạnh công tác dân vận ở khu dân cư"),
         [_paragraph(T6, T7), _paragraph(T8)]),
    ],
    VNI: [
        ("VNI-Times,Bold", ("HOÄI NGHÒ TOÅNG KEÁT COÂNG TAÙC NAÊM 2025",
                            "HỘI NGHỊ TỔNG KẾT CÔNG TÁC NĂM 2025"),
         [_paragraph(V1, V2), _paragraph(V4, V3), _paragraph(V6)]),
        ("VNI-Times,Bold", ("Ñaåy maïnh coâng taùc daân vaän ôû khu daân cö",
                            "Đẩy mạnh công tác dân vận ở khu dân cư"),
         [_paragraph(V9, V7), _paragraph(V5, V8)]),
    ],
}
BODY_FONT = {TCVN3: ".VnTime", VNI: "VNI-Times"}
BOOK_TITLE = {TCVN3: ("B¶n tin §«ng Hå sè 11/2025", "Bản tin Đông Hồ số 11/2025"),
              VNI: ("Baûn tin Ñoâng Hoà soá 11/2025", "Bản tin Đông Hồ số 11/2025")}


def _font(name: str, file: str) -> str:
    """A DejaVu font that the PDF names as the legacy font `name`."""
    if name not in pdfmetrics.getRegisteredFontNames():
        font = TTFont(name, str(FONT_FOLDER / file))
        font.face.name = name.encode()
        pdfmetrics.registerFont(font)
    return name


def draw_bulletin(path: Path, encoding: str) -> Path:
    """A bulletin drawn line by line, as word processors write PDFs: per page an article with a
    bold title bigger than the body and paragraphs with an indented first line."""
    width, height = PAGE
    left, right = 12 * mm, width - 12 * mm
    canvas = Canvas(str(path), pagesize=PAGE, invariant=1)
    canvas.setTitle(BOOK_TITLE[encoding][0])
    canvas.setAuthor("Ban Tuyên giáo")
    body = _font(BODY_FONT[encoding], "DejaVuSerif.ttf")
    for page, (title_font, (title, _), paragraphs) in enumerate(ARTICLES[encoding], start=1):
        y = height - 20 * mm
        canvas.setFont(_font(title_font, "DejaVuSerif-Bold.ttf"), 16)
        for line in simpleSplit(title, title_font, 16, right - left):
            canvas.drawString(left, y, line)
            y -= 20
        y -= 8
        canvas.setFont(body, 10)
        for typed, _ in paragraphs:
            for number, line in enumerate(simpleSplit(typed, body, 10, right - left - 14)):
                canvas.drawString(left + (0 if number else 14), y, line)
                y -= 13.5
            y -= 4
        canvas.drawCentredString(width / 2, 8 * mm, f"- {page} -")
        canvas.showPage()
    canvas.save()
    return path


def assert_articles(book, encoding: str, articles=None) -> None:
    articles = articles or ARTICLES[encoding]
    assert [chapter.title for chapter in book.chapters] == [meant for _, (_, meant), _ in articles]
    for chapter, (_, _, paragraphs) in zip(book.chapters, articles, strict=True):
        assert chapter.paragraphs == [meant for _, meant in paragraphs]


@needs_dejavu
@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_legacy_pdf_is_converted_end_to_end(tmp_path, encoding):
    path = draw_bulletin(tmp_path / "ban-tin-cu.pdf", encoding)
    book, warnings = extract(path)
    assert warnings == [WARNING.format(encoding)]
    assert_articles(book, encoding)
    assert (book.title, book.publisher) == (BOOK_TITLE[encoding][1], "Ban Tuyên giáo")


@needs_dejavu
@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_legacy_pdf_through_the_command_line(tmp_path, encoding):
    path = draw_bulletin(tmp_path / "ban-tin-cu.pdf", encoding)
    result = subprocess.run(
        [sys.executable, "-m", "tts_pipeline", "extract", str(path), "-o", str(tmp_path / "out")],
        capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    output = " ".join(result.stderr.split())
    assert f"ban-tin-cu.pdf: {WARNING.format(encoding)}" in output
    [folder] = [toml.parent for toml in (tmp_path / "out").glob("*/book.toml")]
    assert_articles(read_book(folder), encoding)


# LibreOffice lays U+00AD out as a soft hyphen and drops it, so the TCVN3 ư without a tone
# mark (0xAD) cannot survive it: its TCVN3 text does without that letter.
L1 = ("Héi nghÞ tæng kÕt c«ng t¸c n¨m 2025 ®· diÔn ra t¹i §«ng Hå; c¸c ®¹i biÓu th¶o luËn s«i "
      "næi vµ thèng nhÊt nhiÒu gi¶i ph¸p.",
      "Hội nghị tổng kết công tác năm 2025 đã diễn ra tại Đông Hồ; các đại biểu thảo luận sôi "
      "nổi và thống nhất nhiều giải pháp.")
L2 = ("Bµ con khu phè sè 7 gi÷ g×n vÖ sinh, ch¨m lo cho trÎ em; c¸c hé nghÌo ®Òu ®· cã nhµ ë "
      "kiªn cè.",
      "Bà con khu phố số 7 giữ gìn vệ sinh, chăm lo cho trẻ em; các hộ nghèo đều đã có nhà ở "
      "kiên cố.")
L3 = ("Thanh niªn tÝch cùc tham gia phong trµo x©y dùng n«ng th«n míi, gióp ®ì c¸c gia ®×nh "
      "khã kh¨n.",
      "Thanh niên tích cực tham gia phong trào xây dựng nông thôn mới, giúp đỡ các gia đình khó "
      "khăn.")
OFFICE_ARTICLES = {
    TCVN3: [
        ("", ("Héi nghÞ tæng kÕt c«ng t¸c n¨m 2025", "Hội nghị tổng kết công tác năm 2025"),
         [_paragraph(L1, L2), _paragraph(L3)]),
        ("", ("Thanh niªn x©y dùng n«ng th«n míi", "Thanh niên xây dựng nông thôn mới"),
         [_paragraph(L3, L1), _paragraph(L2)]),
    ],
    VNI: ARTICLES[VNI],
}


def _fodt(encoding: str) -> str:
    font = BODY_FONT[encoding]
    paragraphs = []
    for number, (_, (title, _), body) in enumerate(OFFICE_ARTICLES[encoding]):
        style = "Title1" if number == 0 else "Title2"
        paragraphs.append(f'<text:p text:style-name="{style}">{escape(title)}</text:p>')
        paragraphs += [f'<text:p text:style-name="Body">{escape(typed)}</text:p>'
                       for typed, _ in body]
    title = '<style:text-properties fo:font-size="16pt" fo:font-weight="bold"/>'
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="{font}" svg:font-family="'{font}'"/>
</office:font-face-decls>
<office:styles><style:default-style style:family="paragraph"><style:text-properties
 style:font-name="{font}" fo:font-size="10.5pt"/></style:default-style></office:styles>
<office:automatic-styles>
<style:style style:name="Title1" style:family="paragraph">{title}</style:style>
<style:style style:name="Title2" style:family="paragraph"><style:paragraph-properties
 fo:break-before="page"/>{title}</style:style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties
 fo:text-indent="0.5cm" fo:text-align="justify" fo:margin-bottom="0.1cm"/></style:style>
</office:automatic-styles>
<office:body><office:text>{"".join(paragraphs)}</office:text></office:body></office:document>
"""


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) not installed")
@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_legacy_document_exported_by_libreoffice(tmp_path, encoding):
    source = tmp_path / "ban-tin-cu.fodt"
    source.write_text(_fodt(encoding), encoding="utf-8")
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180)
    book, warnings = extract(tmp_path / "ban-tin-cu.pdf")
    assert warnings == [WARNING.format(encoding)]
    assert_articles(book, encoding, OFFICE_ARTICLES[encoding])


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_legacy_docx_is_converted(tmp_path, encoding):
    document = docx.Document()
    document.core_properties.title = BOOK_TITLE[encoding][0]
    document.styles["Normal"].font.name = BODY_FONT[encoding]
    # TCVN3 headings in the capitals font through their style, save the second, whose run
    # says .VnTime; a paragraph in the capitals font through its run
    document.styles["Heading 1"].font.name = ".VnTimeH" if encoding == TCVN3 else "VNI-Times"
    for number, (_, (title, _), paragraphs) in enumerate(ARTICLES[encoding]):
        heading = document.add_heading(title, level=1)
        if number == 1:
            heading.runs[0].font.name = BODY_FONT[encoding]
        if number == 0:
            run = document.add_paragraph().add_run(
                "ñy ban nh©n d©n ph\xadêng" if encoding == TCVN3 else "UÛY BAN NHAÂN DAÂN PHÖÔØNG")
            run.font.name = ".VnTimeH" if encoding == TCVN3 else "VNI-Times"
        for typed, _ in paragraphs:
            document.add_paragraph(typed)
    path = tmp_path / "ban-tin-cu.docx"
    document.save(str(path))
    book, warnings = extract(path)
    assert warnings == [WARNING.format(encoding)]
    assert book.title == BOOK_TITLE[encoding][1]
    assert book.chapters[0].paragraphs.pop(0) == "ỦY BAN NHÂN DÂN PHƯỜNG"
    assert_articles(book, encoding)


def test_unicode_bulletin_with_copyright_and_degrees_is_untouched(make_pdf):
    article = Article(
        "Thời tiết tuần tới ở phường Đông Hồ",
        "Nhiệt độ ban ngày 35°C, ban đêm 27°C; ngày mai có thể lên 37°C.",
        ["Người cao tuổi hạn chế ra đường từ 11 giờ đến 15 giờ.",
         "© 2025 Ban Tuyên giáo Đảng ủy phường Đông Hồ. Ảnh © Minh Anh."],
    )
    book, warnings = extract(make_pdf(Bulletin("Bản tin ©", [article], cover=False,
                                               contents=False)))
    assert warnings == []
    assert [(chapter.title, chapter.paragraphs) for chapter in book.chapters] == [
        (article.title, article.heard())]
