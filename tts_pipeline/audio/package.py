"""Package stage: the M4B with chapters and cover, one MP3 per chapter, and subtitles."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import soundfile

from ..book import Book, write_atomically
from .ffmpeg import run_ffmpeg

NERO_TITLE_BYTES = 255


@dataclass
class ChapterAudio:
    """One mastered chapter ready to package, with its utterance timings."""

    title: str
    master: Path
    timings: Path


def escape_ffmetadata(value: str) -> str:
    """Escape '=', ';', '#', '\\' and newlines as ffmpeg's metadata format requires."""
    return re.sub(r"([=;#\\\n])", r"\\\1", value)


def safe_file_name(title: str, max_length: int = 80) -> str:
    """A title as a file name: no path separators, control characters or reserved symbols."""
    text = "".join(ch for ch in title if unicodedata.category(ch)[0] != "C")
    text = re.sub(r'[\\/:*?"<>|]+', " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    encoded = text.encode("utf-8")[:max_length]
    return encoded.decode("utf-8", "ignore").strip(" .") or "chapter"


def book_tags(book: Book) -> dict[str, str]:
    return {
        "title": book.title,
        "album": book.title,
        "artist": book.publisher,
        "album_artist": book.publisher,
        "genre": "Audiobook",
        "date": book.date[:4],
        "comment": " ".join(part for part in (book.issue, book.date) if part),
        "language": "vie",
    }


def ffmetadata(tags: dict[str, str], chapters: list[tuple[str, int, int]], rate: int) -> str:
    """An ffmetadata document; chapter bounds in samples (TIMEBASE 1/rate), exact to the sample."""
    lines = [";FFMETADATA1"]
    lines += [f"{key}={escape_ffmetadata(value)}" for key, value in tags.items() if value]
    for title, start, end in chapters:
        lines += ["[CHAPTER]", f"TIMEBASE=1/{rate}", f"START={start}", f"END={end}",
                  f"title={escape_ffmetadata(title)}"]
    return "\n".join(lines) + "\n"


def _concat_entry(path: Path) -> str:
    """A line of ffmpeg's concat list; a quote in the path is written as '\\''."""
    quoted = path.resolve().as_posix().replace("'", "'\\''")
    return f"file '{quoted}'\n"


def _cover_arguments(cover: Path | None, input_index: int) -> tuple[list[str], list[str]]:
    if cover is None or not cover.is_file():
        return [], []
    return ["-i", str(cover)], [
        "-map", f"{input_index}:v", "-c:v", "copy", "-disposition:v:0", "attached_pic",
    ]


def _m4b(book: Book, chapters: list[ChapterAudio], folder: Path, target: Path,
         cover: Path | None) -> None:
    bounds, start = [], 0
    rate = soundfile.info(str(chapters[0].master)).samplerate
    for chapter in chapters:
        frames = soundfile.info(str(chapter.master)).frames
        bounds.append((chapter.title, start, start + frames))
        start += frames
    metadata = folder / "chapters.ffmeta"
    write_atomically(metadata, ffmetadata(book_tags(book), bounds, rate))
    playlist = folder / "concat.txt"
    write_atomically(playlist, "".join(_concat_entry(chapter.master) for chapter in chapters))
    cover_input, cover_output = _cover_arguments(cover, 2)
    temporary = target.with_name(f".{target.name}.part")
    run_ffmpeg([
        "-f", "concat", "-safe", "0", "-i", str(playlist), "-i", str(metadata), *cover_input,
        "-map", "0:a", *cover_output, "-map_metadata", "1", "-map_chapters", "1",
        "-c:a", "aac", "-aac_coder", "fast", "-b:a", "64k", "-ac", "1",
        "-metadata:s:a:0", "language=vie",
        "-metadata", "media_type=2", "-movflags", "+faststart", "-f", "ipod", str(temporary),
    ])
    os.replace(temporary, target)


def _mp3(book: Book, chapter: ChapterAudio, number: int, total: int, target: Path,
         cover: Path | None, bitrate: str) -> None:
    cover_input, cover_output = _cover_arguments(cover, 1)
    tags = book_tags(book) | {"title": chapter.title, "track": f"{number}/{total}"}
    tag_arguments = [item for key, value in tags.items() if value
                     for item in ("-metadata", f"{key}={value}")]
    if cover_output:
        cover_output += ["-metadata:s:v", "comment=Cover (front)"]
    temporary = target.with_name(f".{target.stem}.part.mp3")
    run_ffmpeg([
        "-i", str(chapter.master), *cover_input, "-map", "0:a", *cover_output,
        "-map_metadata", "-1", *tag_arguments, "-c:a", "libmp3lame", "-b:a", bitrate,
        "-ac", "1", "-id3v2_version", "3", str(temporary),
    ])
    os.replace(temporary, target)


def _timestamp(seconds: float, separator: str) -> str:
    milliseconds = round(seconds * 1000)
    hours, rest = divmod(milliseconds, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}{separator}{rest % 1000:03d}"


def subtitles(chapters: list[ChapterAudio]) -> tuple[str, str]:
    """WebVTT and SRT cues per utterance, timed from the chapter audio's sample counts."""
    vtt, srt = ["WEBVTT", ""], []
    offset = 0.0
    for chapter in chapters:
        timing = json.loads(chapter.timings.read_text(encoding="utf-8"))
        for cue in timing["utterances"]:
            start, end = offset + cue["start"], offset + cue["end"]
            vtt += [f"{_timestamp(start, '.')} --> {_timestamp(end, '.')}", cue["written"], ""]
            srt += [str(len(srt) // 4 + 1),
                    f"{_timestamp(start, ',')} --> {_timestamp(end, ',')}", cue["written"], ""]
        offset += soundfile.info(str(chapter.master)).duration
    return "\n".join(vtt), "\n".join(srt)


def package(
    book: Book,
    chapters: list[ChapterAudio],
    folder: Path,
    name: str,
    cover: Path | None,
    jobs: int,
    mp3_bitrate: str = "64k",
    advance: Callable[[], None] = lambda: None,
) -> list[Path]:
    """Write <name>.m4b, mp3/NN - title.mp3 and <name>.vtt/.srt; return what was written."""
    mp3_folder = folder / "mp3"
    mp3_folder.mkdir(parents=True, exist_ok=True)
    m4b = folder / f"{name}.m4b"
    mp3s = [
        mp3_folder / f"{number:02d} - {safe_file_name(chapter.title)}.mp3"
        for number, chapter in enumerate(chapters, start=1)
    ]
    for stale in mp3_folder.glob("*.mp3"):
        if stale not in mp3s:
            stale.unlink()

    def job(index: int) -> None:
        if index < 0:
            _m4b(book, chapters, folder / "build", m4b, cover)
        else:
            _mp3(book, chapters[index], index + 1, len(chapters), mp3s[index], cover, mp3_bitrate)
        advance()

    with ThreadPoolExecutor(max(1, jobs)) as pool:  # the long M4B encode first, MP3s beside it
        list(pool.map(job, range(-1, len(chapters))))
    vtt, srt = subtitles(chapters)
    write_atomically(folder / f"{name}.vtt", vtt)
    write_atomically(folder / f"{name}.srt", srt)
    return [m4b, *mp3s, folder / f"{name}.vtt", folder / f"{name}.srt"]
