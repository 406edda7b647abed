"""Re-rendering: edits are respected, only changed utterances are synthesized again."""

import json
import re
import subprocess
import sys

import pytest
import soundfile
from bulletin import Bulletin, sample_articles
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4

from tts_pipeline import pipeline
from tts_pipeline.book import read_book


def cli(*arguments):
    return subprocess.run(
        [sys.executable, "-m", "tts_pipeline", *map(str, arguments)], capture_output=True,
        text=True,
    )


def report_of(book):
    return json.loads((book / "render-report.json").read_text(encoding="utf-8"))[0]


@pytest.fixture
def book(make_pdf, tmp_path):
    pdf = make_pdf(Bulletin("Bản tin thử", sample_articles(3), cover=False, contents=False))
    return pipeline.extract_to_folder(pdf, tmp_path / "out")


def test_editing_one_sentence_resynthesizes_only_it(book):
    pipeline.render_folder(book, pipeline.RenderOptions(jobs=1))
    chapter_file = sorted((book / "chapters").glob("02-*.md"))[0]
    text = chapter_file.read_text(encoding="utf-8")
    edited = text.replace("thống nhất nhiều giải pháp", "thống nhất ba giải pháp")
    assert edited != text
    chapter_file.write_text(edited, encoding="utf-8")
    reports = pipeline.render_folder(book, pipeline.RenderOptions(jobs=1))
    counts = [(c.number, c.utterances_synthesized) for c in reports[0].chapters]
    assert counts == [(1, 0), (2, 1), (3, 0)]
    timings = json.loads((book / "build" / "speech-1" / "02.timings.json").read_text("utf-8"))
    assert any("thống nhất ba giải pháp" in cue["written"] for cue in timings["utterances"])
    again = pipeline.render_folder(book, pipeline.RenderOptions(jobs=1))
    assert again[0].synthesized == 0


def test_a_changed_tag_reencodes_from_the_kept_masters(book):
    pipeline.render_folder(book, pipeline.RenderOptions(jobs=1))
    masters = sorted((book / "build" / "phone").glob("*.wav"))
    written = {path: path.stat().st_mtime_ns for path in masters}
    toml = book / "book.toml"
    text = toml.read_text("utf-8")
    publisher = re.compile(r'^publisher = ".*"$', re.MULTILINE)
    assert publisher.search(text)
    toml.write_text(publisher.sub('publisher = "Đảng ủy phường Mới"', text), "utf-8")
    again = pipeline.render_folder(book, pipeline.RenderOptions(jobs=1))
    assert again[0].synthesized == 0
    assert {path: path.stat().st_mtime_ns for path in masters} == written
    for mp3 in sorted((book / "mp3").glob("*.mp3")):
        assert str(MP3(mp3)["TPE1"]) == "Đảng ủy phường Mới"
    assert MP4(next(book.glob("*.m4b")))["\xa9ART"] == ["Đảng ủy phường Mới"]


def test_skip_flag_leaves_a_chapter_out(book):
    toml = book / "book.toml"
    toml.write_text(toml.read_text("utf-8").replace("skip = false", "skip = true", 1), "utf-8")
    result = cli("render", book, "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert len(report_of(book)["chapters"]) == 2
    assert len(list((book / "mp3").glob("*.mp3"))) == 2


def test_jobs_do_not_change_the_audio(make_pdf, tmp_path):
    pdf = make_pdf(Bulletin("Bản tin", sample_articles(2), cover=False, contents=False))
    outputs = []
    for jobs in (1, 2):
        folder = pipeline.extract_to_folder(pdf, tmp_path / f"out{jobs}")
        pipeline.render_folder(folder, pipeline.RenderOptions(jobs=jobs))
        outputs.append([soundfile.read(str(path))[0] for path in
                        sorted((folder / "build" / "speech-1").glob("*.flac"))])
    assert len(outputs[0]) == len(outputs[1]) == 2
    for one, two in zip(*outputs, strict=True):
        assert one.shape == two.shape and (one == two).all()


def test_chapter_option_restricts_work(book):
    pipeline.render_folder(book, pipeline.RenderOptions(jobs=1))
    for path in (book / "chapters").glob("*.md"):
        path.write_text(path.read_text("utf-8").replace("Đảng ủy", "Đảng bộ"), "utf-8")
    reports = pipeline.render_folder(book, pipeline.RenderOptions(jobs=1, chapters=[3]))
    synthesized = {c.number: c.utterances_synthesized for c in reports[0].chapters}
    assert synthesized[1] == synthesized[2] == 0 and synthesized[3] > 0


def test_force_resynthesizes_everything(book):
    first = pipeline.render_folder(book, pipeline.RenderOptions(jobs=1))
    forced = pipeline.render_folder(book, pipeline.RenderOptions(jobs=1, force=True))
    assert forced[0].synthesized == first[0].synthesized > 0


def test_reextract_refuses_to_overwrite_edits(book, tmp_path):
    chapter_file = sorted((book / "chapters").glob("01-*.md"))[0]
    chapter_file.write_text("# Tiêu đề đã sửa\n\nMột đoạn mới.\n", encoding="utf-8")
    source = read_book(book).source
    result = cli("extract", source, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert chapter_file.name in result.stderr and "--force" in result.stderr
    assert chapter_file.read_text(encoding="utf-8").startswith("# Tiêu đề đã sửa")
    assert cli("extract", source, "--out", tmp_path / "out", "--force").returncode == 0
    assert not chapter_file.read_text(encoding="utf-8").startswith("# Tiêu đề đã sửa")


def test_a_live_lock_refuses_a_second_run(book):
    (book / ".lock").write_text("1")  # pid 1 is always alive
    result = cli("render", book)
    assert result.returncode == 1
    assert "another run (pid 1)" in result.stderr and "Traceback" not in result.stderr


def test_a_stale_lock_is_taken_over(book):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    (book / ".lock").write_text(dead)
    assert cli("render", book, "--jobs", "1").returncode == 0
    assert not (book / ".lock").exists()


def test_a_chapter_can_choose_its_voice_and_voice_overrides_all(book):
    toml = book / "book.toml"
    lines = toml.read_text("utf-8").splitlines()
    lines = [line.replace("skip = false", 'skip = false, voice = "vi-south"')
             if "chapters/02-" in line else line for line in lines]
    toml.write_text("\n".join(lines) + "\n", "utf-8")
    audio = book / "build" / "speech-1"

    def frames() -> list[int]:
        return [soundfile.info(str(path)).frames for path in sorted(audio.glob("*.flac"))]

    pipeline.render_folder(book, pipeline.RenderOptions(jobs=1))
    mixed = frames()
    pipeline.render_folder(book, pipeline.RenderOptions(jobs=1, voice="vi-north"))
    north = frames()
    pipeline.render_folder(book, pipeline.RenderOptions(jobs=1, voice="vi-south"))
    south = frames()
    assert mixed[0] == north[0] and mixed[2] == north[2]
    assert mixed[1] == south[1] != north[1]
