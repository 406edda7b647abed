"""The settings reach real renders: tags read back with mutagen and ffmpeg, the loudspeaker
announcement, the words read and the voice used; command line > book.toml > user config."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import soundfile
from bulletin import Bulletin, book_folder, sample_articles
from mutagen.id3 import ID3
from mutagen.mp4 import MP4
from readback import tags
from typer.testing import CliRunner

from tts_pipeline import pipeline
from tts_pipeline.cli import app
from tts_pipeline.config import command_line, set_setting
from tts_pipeline.voices.synthesis import UtteranceCache
from tts_pipeline.voices.voice import find_voice


@pytest.fixture(autouse=True)
def settings_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "tts-pipeline" / "config.toml"


def cli(*arguments, cwd):
    return subprocess.run([sys.executable, "-m", "tts_pipeline", *map(str, arguments)],
                          capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})


def cues(book: Path, chapter: int, rate: str = "1") -> list[dict]:
    timings = book / "build" / f"speech-{rate}" / f"{chapter:02d}.timings.json"
    return json.loads(timings.read_text("utf-8"))["utterances"]


def voice_of(book: Path, rate: float = 1.0) -> str:
    """Which voice spoke chapter 1: the one whose cache keys its utterances carry."""
    cue = cues(book, 1, f"{rate:g}")[0]
    matching = [name for name in ("vi-north", "vi-south", "vi-central") if cue["key"] ==
                UtteranceCache.key(cue["spoken"], UtteranceCache.salt(find_voice(name), rate))]
    assert len(matching) == 1
    return matching[0]


def test_the_users_settings_reach_a_converted_book(tmp_path, make_pdf):
    bulletin = Bulletin("Thông tin tuyên truyền – Số 11/2025", sample_articles(1), cover=False,
                        contents=False)
    pdf = make_pdf(bulletin)
    for setting in (["out", "ban-tin-da-doc"], ["ward", "phường", "Đông", "Hồ"],
                    ["publisher", "UBND phường Đông Hồ"], ["profiles", "phone,loudspeaker"],
                    ["reading.thousand", "ngàn"], ["voice", "vi-south"]):
        assert cli("config", "set", *setting, cwd=tmp_path).returncode == 0
    result = cli("convert", pdf, "--jobs", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "output").exists()
    book = tmp_path / "ban-tin-da-doc" / "ban-tin"
    m4b = MP4(book / "ban-tin.m4b")
    # the PDF's own publisher, written into book.toml, comes before the user's
    assert m4b["©ART"] == [bulletin.author] and m4b["aART"] == ["phường Đông Hồ"]
    assert tags(book / "ban-tin.m4b")["album_artist"] == "phường Đông Hồ"
    loudspeaker = sorted((book / "loudspeaker").glob("*.mp3"))
    assert len(loudspeaker) == 3
    assert str(ID3(loudspeaker[0])["TPE2"]) == "phường Đông Hồ"
    opening = [cue["written"] for cue in cues(book, 0, "0.85")]
    assert opening[0] == "Kính thưa bà con nhân dân phường Đông Hồ."
    assert opening[1].startswith(f"{bulletin.author} xin giới thiệu bản tin")
    closing = cues(book, 2, "0.85")[-1]["written"]
    assert closing == "Cảm ơn bà con nhân dân phường Đông Hồ đã lắng nghe."
    spoken = " ".join(cue["spoken"] for cue in cues(book, 1))
    assert "một ngàn hai trăm năm mươi" in spoken and "nghìn" not in spoken
    assert voice_of(book) == "vi-south"


def test_command_line_beats_book_toml_beats_user_settings_in_a_render(tmp_path):
    book = book_folder(tmp_path / "out" / "so-2", [0.05])
    toml = book / "book.toml"
    toml.write_text('publisher = "UBND phường Tây Hồ"\nvoice = "vi-central"\n'
                    + toml.read_text("utf-8") + '[reading]\nthousand = "nghìn"\n', "utf-8")
    for key, value in (("publisher", "Đảng ủy phường Đông Hồ"), ("ward", "phường Đông Hồ"),
                       ("reading.thousand", "ngàn"), ("voice", "vi-south")):
        set_setting(key, value)
    pipeline.render_folder(book, pipeline.RenderOptions(jobs=1))
    m4b = MP4(book / "so-2.m4b")
    assert (m4b["©ART"], m4b["aART"]) == (["UBND phường Tây Hồ"], ["phường Đông Hồ"])
    spoken = " ".join(cue["spoken"] for cue in cues(book, 1))
    assert "một nghìn hai trăm" in spoken and voice_of(book) == "vi-central"

    given = command_line(["publisher=Mặt trận phường", "ward=phường Bắc Hồ",
                          "reading.thousand=ngàn"])
    pipeline.render_folder(book, pipeline.RenderOptions(jobs=1, voice="vi-north",
                                                        settings=given))
    m4b = MP4(book / "so-2.m4b")
    assert (m4b["©ART"], m4b["aART"]) == (["Mặt trận phường"], ["phường Bắc Hồ"])
    assert tags(book / "so-2.m4b")["artist"] == "Mặt trận phường"
    spoken = " ".join(cue["spoken"] for cue in cues(book, 1))
    assert "một ngàn hai trăm" in spoken and voice_of(book) == "vi-north"


def test_batch_renders_again_when_a_setting_changes(tmp_path):
    source = tmp_path / "ban-tin" / "so-3.txt"
    source.parent.mkdir()
    source.write_text("# Hội nghị\n\nĐảng ủy phường họp với 1.250 đảng viên.\n", "utf-8")
    options = pipeline.RenderOptions(jobs=1)
    statuses = [pipeline.batch(source.parent, tmp_path / "out", options)[0].status
                for _ in range(2)]
    assert statuses == ["rendered", "unchanged"]
    set_setting("ward", "phường Đông Hồ")
    assert pipeline.batch(source.parent, tmp_path / "out", options)[0].status == "rendered"
    assert MP4(tmp_path / "out" / "so-3" / "so-3.m4b")["aART"] == ["phường Đông Hồ"]


def test_say_speaks_with_the_voice_of_the_settings(tmp_path):
    def say(name, *arguments):
        result = CliRunner().invoke(app, ["say", "Xin chào bà con.", "-o",
                                          str(tmp_path / name), *arguments])
        assert result.exit_code == 0, result.output
        return soundfile.read(str(tmp_path / name))[0]

    north = say("north.wav")
    set_setting("voice", "vi-south")
    configured, south = say("configured.wav"), say("south.wav", "--voice", "vi-south")
    assert len(configured) == len(south) and (configured == south).all()
    assert len(north) != len(south) or (north != south).any()
    assert (say("again.wav", "--voice", "vi-north") == north).all()
