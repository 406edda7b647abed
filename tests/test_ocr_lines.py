"""Lines whose text layer lost letters: a font whose Unicode map sends drawn letters to a space
("X C NH" for "XÁC ĐỊNH", as Word's legacy-font subsets do) is found by the glyph boxes of its
"spaces", and only such lines are read again by OCR from the page."""

import shutil

from realdev import TEXT_FILE, real
from test_ocr import needs_ocr

from tts_pipeline.extract import extract
from tts_pipeline.extract.ocrlines import _bounds, _skeleton, better_reading, merged, repair_lines
from tts_pipeline.extract.pdf import Line, read_pdf

LINES = ("XAC DINH TAI TRONG GIO", "CAC BANG SO LIEU")


def _cmap(lost: str) -> bytes:
    """A ToUnicode map giving every printable ASCII code itself, the letters in `lost` a space."""
    pairs = "\n".join(f"<{code:02X}> <{(32 if chr(code) in lost else code):04X}>"
                      for code in range(32, 127))
    return (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Lost def /CMapType 2 def\n1 begincodespacerange <00> <FF> "
            b"endcodespacerange\n95 beginbfchar\n" + pairs.encode()
            + b"\nendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end")


def lossy_pdf(path, lost: str = "A"):
    """A page of Helvetica capitals whose Unicode map sends the letters of `lost` to a space,
    with a body line below them."""
    content = b"BT /F1 20 Tf 72 700 Td (" + LINES[0].encode() + b") Tj 0 -40 Td ("
    content += LINES[1].encode() + b") Tj ET"
    cmap = _cmap(lost)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    data, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    path.write_bytes(data)
    return path


def test_a_space_drawn_as_a_letter_marks_its_line(tmp_path):
    lines = read_pdf(lossy_pdf(tmp_path / "lossy.pdf")).lines
    assert [line.text for line in lines] == ["X C DINH T I TRONG GIO", "C C B NG SO LIEU"]
    assert all(line.lost_letters for line in lines)


def test_true_spaces_mark_nothing(tmp_path):
    lines = read_pdf(lossy_pdf(tmp_path / "whole.pdf", lost="")).lines
    assert [line.text for line in lines] == list(LINES)
    assert not any(line.lost_letters for line in lines)
    assert not any(line.lost_letters for line in read_pdf(real(TEXT_FILE)).lines)


@needs_ocr
def test_lines_that_lost_letters_are_read_again_from_the_page(tmp_path):
    path = lossy_pdf(tmp_path / "lossy.pdf")
    repaired = repair_lines(path, read_pdf(path)).lines
    assert [_skeleton(line.text) for line in repaired] == [text.lower() for text in LINES]
    assert not any(line.lost_letters for line in repaired)


def test_without_tesseract_the_layer_stands(tmp_path, monkeypatch):
    path = lossy_pdf(tmp_path / "lossy.pdf")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    book, _ = extract(path)
    assert "X C DINH T I TRONG GIO" in " ".join(
        text for chapter in book.chapters for text in [chapter.title, *chapter.paragraphs])


def test_ocr_replaces_a_line_only_when_it_gives_letters_back():
    assert better_reading("X C NH TẢI TRỌNG", "XÁC ĐỊNH TẢI TRỌNG")
    assert better_reading("Hình . Lực gió", "Hình 2. Lực gió")
    assert not better_reading("X C NH TẢI TRỌNG", "X C NH TẢI TRỌNG")
    assert not better_reading("TÀI IỆU TH KHẢ", "T/\\I |_IEU 7H KH4 0Q")  # more signs, no words


def test_the_layers_words_stand_where_ocr_misread_them():
    assert merged("1. ặt vấn đề", "4. Đặt vấn đề") == "1. Đặt vấn đề"
    assert merged("LÊN DÂY C C", "LÊN DẦY CO CỦA") == "LÊN DÂY CO CỦA"
    assert merged("T VI N THÔNG", "TRỤ VIỄN THÔNG") == "TRỤ VIỄN THÔNG"
    assert merged("Hình . Lực", "Hình 2. Lực") == "Hình 2. Lực"


def _line(text, x0, x1, baseline, size=10.0):
    return Line(0, text, size, False, False, x0, x1, baseline, 842.0)


def test_a_lines_strip_stops_short_of_its_neighbours():
    line = _line("X C NH", 100, 300, 200)
    above, below = _line("trên", 90, 310, 188), _line("dưới", 90, 310, 212)
    beside = _line("cột bên", 305, 500, 200)
    left, top, right, bottom = _bounds(line, [line, above, below, beside], 595, 842)
    assert left == 100 - 15 and 188 < top < 200 - 5 and 200 < bottom < 212 - 5
    assert right == 305 - 2
    alone = _bounds(line, [line], 595, 842)
    assert alone == (85, 200 - 13, 315, 204)
