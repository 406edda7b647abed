"""Metadata escaping and safe file names for what goes into ffmpeg and onto disk."""

import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from tts_pipeline.audio.ffmpeg import run_ffmpeg
from tts_pipeline.audio.id3 import add_comment
from tts_pipeline.audio.tags import escape_ffmetadata, ffmetadata, safe_file_name


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


def test_safe_file_name_cuts_long_titles_after_a_whole_word():
    title = ("Đẩy mạnh chuyển đổi số trong cải cách hành chính, thực hiện thắng lợi nhiệm vụ "
             "phát triển kinh tế")
    name = safe_file_name(title)
    assert len(name.encode("utf-8")) <= 80
    assert title.startswith(name) and title[len(name)] in " ,"
    assert not name.endswith(",")


def test_comment_frame_is_read_by_mutagen_as_the_comment(tmp_path):
    mp3 = tmp_path / "a.mp3"
    run_ffmpeg(["-f", "lavfi", "-i", "anullsrc=r=22050:cl=mono", "-t", "1",
                "-metadata", "title=Bài 1", "-id3v2_version", "3", str(mp3)])
    add_comment(mp3, "Số 11/2025, tháng 11 năm 2025")
    tags = ID3(mp3)
    assert [str(frame) for frame in tags.getall("COMM")] == ["Số 11/2025, tháng 11 năm 2025"]
    assert tags.getall("COMM")[0].lang == "vie" and str(tags["TIT2"]) == "Bài 1"
    assert MP3(mp3).info.length == pytest.approx(1.0, abs=0.1)  # the audio is still there
