"""Metadata escaping and safe file names for what goes into ffmpeg and onto disk."""

from tts_pipeline.audio.package import escape_ffmetadata, ffmetadata, safe_file_name


def test_ffmetadata_escapes_special_characters():
    assert escape_ffmetadata("a=b;c#d\\e\nf") == "a\\=b\\;c\\#d\\\\e\\\nf"


def test_ffmetadata_chapters_are_in_samples():
    text = ffmetadata({"title": "Bản tin; số 1"}, [("Bài 1", 0, 22050), ("Bài 2", 22050, 44100)],
                      22050)
    assert text.startswith(";FFMETADATA1\ntitle=Bản tin\\; số 1\n")
    assert "[CHAPTER]\nTIMEBASE=1/22050\nSTART=22050\nEND=44100\ntitle=Bài 2\n" in text


def test_safe_file_name_strips_separators_controls_and_length():
    assert safe_file_name("Chỉ thị 50-CT/TƯ: thực hiện?") == "Chỉ thị 50-CT TƯ thực hiện"
    assert safe_file_name("../..") == "chapter"
    assert safe_file_name("a\x00b\x1fc") == "abc"
    long = safe_file_name("Ả" * 300)
    assert len(long.encode("utf-8")) <= 80 and long == "Ả" * len(long)
