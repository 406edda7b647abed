"""A bulletin PDF in, a chaptered audiobook out: checked by reading the files back."""

import json
import subprocess
import sys

import pytest
from bulletin import Bulletin, sample_articles
from mutagen.id3 import ID3
from mutagen.mp4 import MP4
from readback import chapters, duration, loudness, silences


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """Convert a three-article bulletin once; the tests below read what came out."""
    from bulletin import build_bulletin

    folder = tmp_path_factory.mktemp("e2e")
    bulletin = Bulletin("Thông tin tuyên truyền – Số 11/2025", sample_articles(3))
    pdf = build_bulletin(bulletin, folder / "Bản tin số 11.pdf")
    result = subprocess.run(
        [sys.executable, "-m", "tts_pipeline", "convert", str(pdf), "--out", str(folder / "out")],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    return bulletin, folder / "out" / "ban-tin-so-11", result


def test_m4b_has_one_chapter_per_article_in_order(converted):
    bulletin, book, _ = converted
    found = chapters(book / "ban-tin-so-11.m4b")
    assert [chapter["title"] for chapter in found] == [a.title for a in bulletin.articles]
    starts = [chapter["start"] for chapter in found]
    assert starts[0] == 0 and starts == sorted(starts) and len(set(starts)) == len(starts)
    for chapter, following in zip(found, found[1:], strict=False):
        assert chapter["end"] == pytest.approx(following["start"], abs=1e-6)


def test_m4b_duration_matches_last_chapter_end(converted):
    _, book, _ = converted
    m4b = book / "ban-tin-so-11.m4b"
    assert duration(m4b) == pytest.approx(chapters(m4b)[-1]["end"], abs=0.05)
    assert duration(m4b) > 30


def test_m4b_tags_cover_and_nero_chapters(converted):
    bulletin, book, _ = converted
    tags = MP4(book / "ban-tin-so-11.m4b")
    assert tags["©nam"] == [bulletin.title]
    assert tags["©ART"] == [bulletin.author]
    assert tags["©gen"] == ["Audiobook"]
    assert tags["stik"] == [2]
    assert tags["covr"][0].imageformat == tags["covr"][0].FORMAT_JPEG
    assert [chapter.title for chapter in tags.chapters] == [a.title for a in bulletin.articles]


def test_phone_loudness_on_encoded_files(converted):
    _, book, _ = converted
    for path in [book / "ban-tin-so-11.m4b", *sorted((book / "mp3").glob("*.mp3"))]:
        integrated, true_peak = loudness(path)
        assert -17.0 <= integrated <= -15.0, (path.name, integrated)
        assert true_peak <= -1.5, (path.name, true_peak)


def test_mp3_per_chapter_with_tags(converted):
    bulletin, book, _ = converted
    mp3s = sorted((book / "mp3").glob("*.mp3"))
    assert len(mp3s) == len(bulletin.articles)
    for number, (path, article) in enumerate(zip(mp3s, bulletin.articles, strict=True), start=1):
        assert path.name.startswith(f"{number:02d} - ")
        tags = ID3(path)
        assert tags.version[:2] == (2, 3)
        assert str(tags["TIT2"]) == article.title
        assert str(tags["TRCK"]) == f"{number}/{len(mp3s)}"
        assert tags.getall("APIC")[0].type == 3


def test_room_tone_and_no_long_silence(converted):
    _, book, _ = converted
    for path in sorted((book / "mp3").glob("*.mp3")):
        gaps = silences(path, 0.5)
        assert gaps and gaps[0][0] <= 0.01, f"{path.name} starts without room tone"
        assert not [gap for gap in silences(path, 3.0) if gap[1] != float("inf")]


def test_book_folder_and_report(converted):
    bulletin, book, _ = converted
    files = sorted((book / "chapters").glob("*.md"))
    assert len(files) == len(bulletin.articles)
    assert files[0].read_text(encoding="utf-8").startswith(f"# {bulletin.articles[0].title}\n")
    report = json.loads((book / "render-report.json").read_text(encoding="utf-8"))
    assert [chapter["title"] for chapter in report[0]["chapters"]] == [
        article.title for article in bulletin.articles
    ]
    assert all(chapter["utterances_synthesized"] > 3 for chapter in report[0]["chapters"][:1])
    assert all(chapter["duration_seconds"] > 10 for chapter in report[0]["chapters"])
    assert set(report[0]["stage_seconds"]) == {"read", "speak", "master", "package"}
    assert (book / "ban-tin-so-11.vtt").read_text(encoding="utf-8").startswith("WEBVTT")


def test_second_render_synthesizes_nothing(converted):
    _, book, _ = converted
    result = subprocess.run(
        [sys.executable, "-m", "tts_pipeline", "render", str(book)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    chapters = json.loads((book / "render-report.json").read_text(encoding="utf-8"))[0]["chapters"]
    assert sum(chapter["utterances_synthesized"] for chapter in chapters) == 0
    assert sum(chapter["utterances_cached"] for chapter in chapters) > 10
    assert "utterances synthesized 0, from cache" in result.stderr


def test_bad_input_gets_one_clear_line(tmp_path):
    fake = tmp_path / "notes.pdf"
    fake.write_text("not a pdf at all")
    result = subprocess.run(
        [sys.executable, "-m", "tts_pipeline", "convert", str(fake), "--out", str(tmp_path)],
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "not a PDF" in result.stderr
    assert not list((tmp_path).glob("*/book.toml"))
