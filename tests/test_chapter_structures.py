"""Every chapter structure of every deliverable, each read on its own by a reader that did not
write it — the QuickTime chapter track (Apple's players), the Nero list (mutagen, VLC), ID3
CHAP/CTOC (the single MP3), ffmpeg's own view — on a book of 5- to 10-minute chapters and on a
2-hour book; and at each chapter mark every file and the subtitles fall on the same speech."""

import re
from pathlib import Path

import numpy as np
import pytest
import soundfile
from bulletin import book_folder
from mp4boxes import nero_chapters, quicktime_chapters, track_duration
from mutagen.id3 import ID3
from readback import chapters, ffmpeg_log

from tts_pipeline import pipeline
from tts_pipeline.book import read_book

M4B_TOLERANCE = 0.001
MP3_TOLERANCE = 0.030
SPEECH_LEVEL = 0.02  # a decoded sample this loud is speech, not the codec's priming


SAMPLE = Path(__file__).resolve().parents[1] / "input" / "ban-tin-phuong-dong-ho-2025-11.pdf"


@pytest.fixture(scope="module", params=["sample", [5.0, 7.5, 10.0, 6.0], [10.0] * 12],
                ids=["sample-bulletin", "5-to-10-minute-chapters", "2-hour-book"])
def rendered(request, tmp_path_factory):
    """A rendered book folder named "sach", and its chapter titles."""
    folder = tmp_path_factory.mktemp("chapters")
    if request.param == "sample":
        book = pipeline.extract_to_folder(SAMPLE, folder)
        book = book.rename(book.with_name("sach"))
    else:
        book = book_folder(folder / "sach", request.param)
    pipeline.render_folder(book, pipeline.RenderOptions(mp3_single=True))
    return book, [chapter.title for chapter in read_book(book).spoken_chapters()]


def _starts(marks) -> list[float]:
    return [mark.start for mark in marks]


def test_quicktime_track_has_every_chapter_as_nero_and_ffmpeg_do(rendered):
    book, titles = rendered
    m4b = book / "sach.m4b"
    quicktime, nero, seen_by_ffmpeg = quicktime_chapters(m4b), nero_chapters(m4b), chapters(m4b)
    assert [mark.title for mark in quicktime] == titles
    assert [mark.title for mark in nero] == titles
    assert [chapter["title"] for chapter in seen_by_ffmpeg] == titles
    assert np.allclose(_starts(quicktime), _starts(nero), atol=M4B_TOLERANCE)
    assert np.allclose(_starts(quicktime), [c["start"] for c in seen_by_ffmpeg],
                       atol=M4B_TOLERANCE)
    assert track_duration(m4b, b"text") == pytest.approx(track_duration(m4b), abs=0.05)


def test_single_mp3_has_the_m4b_chapters_in_ctoc_order(rendered):
    book, titles = rendered
    tags = ID3(book / "sach.mp3")
    toc = tags.getall("CTOC")
    assert len(toc) == 1 and toc[0].flags & 3 == 3  # top level, ordered
    frames = {frame.element_id: frame for frame in tags.getall("CHAP")}
    listed = [frames[element] for element in toc[0].child_element_ids]
    assert [str(frame.sub_frames["TIT2"]) for frame in listed] == titles
    m4b_starts = _starts(quicktime_chapters(book / "sach.m4b"))
    assert np.allclose([frame.start_time / 1000 for frame in listed], m4b_starts,
                       atol=MP3_TOLERANCE)
    assert np.allclose([c["start"] for c in chapters(book / "sach.mp3")], m4b_starts,
                       atol=MP3_TOLERANCE)


def _decoded(path, folder):
    wav = folder / f"{path.name}.wav"
    ffmpeg_log("-y", "-i", str(path), "-map", "0:a", "-ac", "1", str(wav))
    audio, rate = soundfile.read(str(wav), dtype="float32")
    wav.unlink()
    return audio, rate


def _onset(audio: np.ndarray, rate: int, start: float) -> float:
    """Seconds from `start` to the first loud sample after it."""
    first = round(start * rate)
    loud = np.flatnonzero(np.abs(audio[first:first + 10 * rate]) > SPEECH_LEVEL)
    assert loud.size, f"no speech in the 10 s after {start:.3f} s"
    return float(loud[0]) / rate


def _first_cues(vtt: str, marks: list[float]) -> list[float]:
    """The start of the first subtitle cue at or after each chapter mark."""
    starts = [int(h) * 3600 + int(m) * 60 + float(s) for h, m, s in
              re.findall(r"^(\d+):(\d+):([\d.]+) -->", vtt, re.MULTILINE)]
    return [min(start for start in starts if start >= mark - MP3_TOLERANCE) for mark in marks]


def test_marks_and_cues_fall_on_the_same_speech_in_every_file(rendered, tmp_path):
    book, _ = rendered
    marks = _starts(quicktime_chapters(book / "sach.m4b"))
    m4b, rate = _decoded(book / "sach.m4b", tmp_path)
    mp3, mp3_rate = _decoded(book / "sach.mp3", tmp_path)
    assert len(mp3) / mp3_rate == pytest.approx(len(m4b) / rate, abs=MP3_TOLERANCE)
    in_m4b = [mark + _onset(m4b, rate, mark) for mark in marks]
    in_mp3 = [mark + _onset(mp3, mp3_rate, mark) for mark in marks]
    assert np.allclose(in_mp3, in_m4b, atol=MP3_TOLERANCE), (in_m4b, in_mp3)
    cues = _first_cues((book / "sach.vtt").read_text(encoding="utf-8"), marks)
    leads = np.subtract(in_m4b, cues)  # a cue opens with its utterance's quiet onset
    assert leads.min() >= 0 and leads.max() <= 0.06, (cues, in_m4b)
