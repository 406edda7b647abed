"""Each listening profile's files, read back with ffmpeg and mutagen."""

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile
from bulletin import Article, Bulletin, book_folder, build_bulletin, sample_articles
from mutagen.flac import FLAC
from mutagen.id3 import ID3
from mutagen.mp3 import MP3, BitrateMode
from mutagen.mp4 import MP4
from readback import FFMPEG, chapters, ffmpeg_log, loudness

from tts_pipeline import pipeline


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """A two-article bulletin rendered with every profile and a single chaptered MP3."""
    folder = tmp_path_factory.mktemp("profiles")
    bulletin = Bulletin("Thông tin tuyên truyền – Số 11/2025", sample_articles(2))
    pdf = build_bulletin(bulletin, folder / "ban-tin.pdf")
    book = pipeline.extract_to_folder(pdf, folder / "out")
    options = pipeline.RenderOptions(profiles=["phone", "loudspeaker", "archive"],
                                     mp3_single=True)
    pipeline.render_folder(book, options)
    return bulletin, book


def test_loudspeaker_mp3s_are_loud_mono_cbr_44k(rendered):
    _, book = rendered
    files = sorted((book / "loudspeaker").glob("*.mp3"))
    assert len(files) == 4  # opening, two articles, closing
    levels = []
    for path in files:
        info = MP3(path).info
        assert (info.sample_rate, info.channels) == (44100, 1)
        assert info.bitrate_mode in (BitrateMode.CBR, BitrateMode.UNKNOWN)
        assert info.bitrate == 96000
        integrated, true_peak = loudness(path)
        assert -15.0 <= integrated <= -13.0 and true_peak <= -1.0, (path.name, integrated)
        tags = ID3(path)
        assert str(tags["TRCK"]) == f"{files.index(path) + 1}/{len(files)}"
        assert tags.getall("APIC")[0].type == 3
        levels.append(integrated)
    assert max(levels) - min(levels) <= 1.0


def test_loudspeaker_has_little_energy_below_100_hz(rendered):
    _, book = rendered
    path = sorted((book / "loudspeaker").glob("*.mp3"))[1]
    decoded = book / "decoded.wav"
    ffmpeg_log("-y", "-i", str(path), "-ac", "1", str(decoded))
    audio, rate = soundfile.read(str(decoded))
    spectrum = np.abs(np.fft.rfft(audio)) ** 2
    frequencies = np.fft.rfftfreq(len(audio), 1 / rate)
    low = spectrum[frequencies < 100].sum() / spectrum.sum()
    assert low < 0.005, f"{low:.2%} of the energy lies below 100 Hz"
    phone = sorted((book / "mp3").glob("*.mp3"))[0]
    ffmpeg_log("-y", "-i", str(phone), "-ac", "1", str(decoded))
    audio, rate = soundfile.read(str(decoded))
    spectrum = np.abs(np.fft.rfft(audio)) ** 2
    frequencies = np.fft.rfftfreq(len(audio), 1 / rate)
    assert spectrum[frequencies < 100].sum() / spectrum.sum() > low  # the band limit did it


def test_loudspeaker_opens_and_closes_with_announcements_in_a_playlist(rendered):
    bulletin, book = rendered
    playlist = (book / "loudspeaker" / f"{book.name}.m3u8").read_text(encoding="utf-8")
    assert not (book / "loudspeaker" / f"{book.name}.m3u").exists()
    entries = re.findall(r"#EXTINF:(\d+),(.*)\n(.*)\n", playlist)
    assert playlist.startswith("#EXTM3U\n")
    assert [title for _, title, _ in entries] == [
        "Lời giới thiệu", *[a.title for a in bulletin.articles], "Lời kết"
    ]
    assert all((book / "loudspeaker" / name).is_file() for _, _, name in entries)
    timings = json.loads((book / "build" / "speech-0.85" / "00.timings.json").read_text("utf-8"))
    opening = " ".join(cue["spoken"] for cue in timings["utterances"])
    assert "xin giới thiệu bản tin Thông tin tuyên truyền" in opening
    assert not re.search(r"\d", opening)


def test_loudspeaker_speaks_slower_with_longer_pauses(rendered):
    _, book = rendered
    phone = soundfile.info(str(book / "build" / "speech-1" / "01.flac")).duration
    slow = soundfile.info(str(book / "build" / "speech-0.85" / "01.flac")).duration
    assert slow > phone * 1.12


def test_archive_is_lossless_flac_per_chapter_without_limiting(rendered):
    bulletin, book = rendered
    files = sorted((book / "archive").glob("*.flac"))
    assert len(files) == 2
    for path in files:
        info = soundfile.info(str(path))
        assert info.format == "FLAC" and info.channels == 1
        raw = soundfile.info(str(book / "build" / "speech-1" / f"{path.name[:2]}.flac"))
        assert info.frames == raw.frames
        integrated, true_peak = loudness(path)
        assert -21.0 <= integrated <= -19.0 and true_peak <= 0.0
        tags = FLAC(path)
        assert tags["title"] == [bulletin.articles[int(path.name[:2]) - 1].title]
        assert tags["album"] == [bulletin.title]


def test_single_mp3_has_chapters_in_time_order(rendered):
    bulletin, book = rendered
    path = book / f"{book.name}.mp3"
    tags = ID3(path)
    chap = sorted(tags.getall("CHAP"), key=lambda frame: frame.start_time)
    assert [str(frame.sub_frames["TIT2"]) for frame in chap] == [
        a.title for a in bulletin.articles
    ]
    toc = tags.getall("CTOC")[0]
    assert list(toc.child_element_ids) == [frame.element_id for frame in chap]
    found = chapters(path)
    assert [c["title"] for c in found] == [a.title for a in bulletin.articles]
    assert [c["start"] for c in found] == sorted(c["start"] for c in found)


def test_every_file_carries_the_edition_as_its_comment(tmp_path):
    book = book_folder(tmp_path / "so-3", [0.3, 0.3])
    toml = book / "book.toml"
    toml.write_text('issue = "Số 3/2025"\ndate = "2025-03"\n' + toml.read_text("utf-8"),
                    encoding="utf-8")
    pipeline.render_folder(book, pipeline.RenderOptions(mp3_single=True))
    edition = "Số 3/2025, tháng 3 năm 2025"
    for path in [book / "so-3.mp3", *sorted((book / "mp3").glob("*.mp3"))]:
        tags = ID3(path)
        assert [str(frame) for frame in tags.getall("COMM")] == [edition], path.name
        assert not tags.getall("TXXX"), path.name
    assert len(ID3(book / "so-3.mp3").getall("CHAP")) == 2
    assert MP4(book / "so-3.m4b")["\xa9cmt"] == [edition]


def test_the_readme_states_the_bitrates_the_files_measure(rendered):
    _, book = rendered
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    stated = int(re.search(r"`<book>\.m4b` \(AAC-LC mono, about (\d+) kbps\)", readme).group(1))
    assert MP4(book / f"{book.name}.m4b").info.bitrate / 1000 == pytest.approx(stated, rel=0.08)
    mp3 = int(re.search(r"`mp3/NN - <title>\.mp3` \(CBR (\d+) kbps", readme).group(1))
    assert {MP3(path).info.bitrate // 1000 for path in (book / "mp3").glob("*.mp3")} == {mp3}


def decoded_samples(path) -> int:
    """Samples of the first audio stream, decoded by ffmpeg."""
    result = subprocess.run([FFMPEG, "-v", "error", "-i", str(path), "-map", "0:a", "-f", "s16le",
                             "-ac", "1", "-"], capture_output=True, check=True)
    return len(result.stdout) // 2


def test_m4b_chapter_starts_are_exact_to_the_sample(rendered):
    _, book = rendered
    found = chapters(book / f"{book.name}.m4b")
    streams = sorted((book / "build" / "phone").glob("*.aac"))
    assert len(streams) == len(found) == 2
    starts = [0, decoded_samples(streams[0])]
    for chapter, start in zip(found, starts, strict=True):
        assert chapter["start"] * 22050 == pytest.approx(start, abs=1e-3)
    total = decoded_samples(book / f"{book.name}.m4b")
    assert total == starts[1] + decoded_samples(streams[1])
    assert found[-1]["end"] * 22050 == pytest.approx(total, abs=1e-3)


def vtt_cues(text: str) -> list[tuple[float, float, str]]:
    """(start, end, text) of each WebVTT cue."""
    def seconds(stamp: str) -> float:
        hours, minutes, rest = stamp.split(":")
        return int(hours) * 3600 + int(minutes) * 60 + float(rest)

    found = re.findall(r"([\d:.]+) --> ([\d:.]+)\n(.+)", text)
    return [(seconds(start), seconds(end), line) for start, end, line in found]


def test_subtitles_and_transcript_show_the_written_text(rendered):
    bulletin, book = rendered
    vtt = (book / f"{book.name}.vtt").read_text(encoding="utf-8")
    cues = vtt_cues(vtt)
    assert vtt.startswith("WEBVTT\n") and len(cues) > 10
    assert any("98,5%" in line for _, _, line in cues)  # the written form, not the spoken one
    assert all(start < end for start, end, _ in cues)
    assert all(one[1] <= two[0] for one, two in zip(cues, cues[1:], strict=False))
    second = bulletin.articles[1].title
    start_of_second = next(start for start, _, line in cues if line == second)
    m4b_chapters = chapters(book / f"{book.name}.m4b")
    decoded = book / "m4b.wav"
    ffmpeg_log("-y", "-i", str(book / f"{book.name}.m4b"), "-map", "0:a", str(decoded))
    audio, rate = soundfile.read(str(decoded))
    after_mark = audio[round(m4b_chapters[1]["start"] * rate):]
    speech = np.flatnonzero(np.abs(after_mark) > 0.01)[0] / rate + m4b_chapters[1]["start"]
    assert start_of_second == pytest.approx(speech, abs=0.02)  # the cue is where speech is
    srt = (book / f"{book.name}.srt").read_text(encoding="utf-8")
    first_vtt = vtt.split("\n")[2]
    assert srt.startswith(f"1\n{first_vtt.replace('.', ',')}\n{bulletin.articles[0].title}\n")
    transcript = (book / f"{book.name}.txt").read_text(encoding="utf-8")
    assert transcript.startswith(bulletin.title)
    assert f"{second}\n{'=' * len(second)}\n" in transcript


def test_long_titles_are_whole_in_the_quicktime_track_and_shortened_in_nero(tmp_path):
    long_title = ("Đảng bộ phường lãnh đạo thực hiện thắng lợi nhiệm vụ phát triển kinh tế, văn "
                  "hóa, xã hội, bảo đảm quốc phòng, an ninh và xây dựng hệ thống chính trị trong "
                  "sạch, vững mạnh giai đoạn 2025 đến 2030")
    assert len(long_title.encode()) > 255
    articles = sample_articles(2)
    articles[1] = Article(long_title, articles[1].lead, articles[1].paragraphs[:1])
    pdf = build_bulletin(Bulletin("Bản tin", articles, cover=False, contents=False),
                         tmp_path / "dai.pdf")
    result = subprocess.run([sys.executable, "-m", "tts_pipeline", "convert", str(pdf), "--out",
                             str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "chapter 2's title is longer than the 255 bytes" in result.stderr
    m4b = tmp_path / "out" / "dai" / "dai.m4b"
    assert [c["title"] for c in chapters(m4b)][1] == long_title
    nero = [chapter.title for chapter in MP4(m4b).chapters]
    shown = nero[1].rstrip()
    assert nero[0] == articles[0].title
    assert len(nero[1].encode()) <= 255 and shown.endswith("…")
    assert long_title.startswith(shown[:-1]) and long_title[len(shown) - 1] == " "
