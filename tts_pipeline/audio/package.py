"""Package stage: per profile, the M4B with chapters and cover, files per chapter, subtitles."""

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

from ..book import Book, read_stamp, write_atomically
from .ffmpeg import measure_loudness, run_ffmpeg
from .master import Profile

NERO_TITLE_BYTES = 255
TRUE_PEAK_SAFETY_DB = 0.2
LOUDNESS_TOLERANCE_LU = 0.5
ENCODER_LOSS_DB = {".mp3": 0.4}  # 64 kbps MP3 reads 0.4-0.5 LU under its master
ENCODE_ATTEMPTS = 3


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


def _encode_verified(target: Path, profile: Profile,
                     encode: Callable[[float, Path], object]) -> None:
    """Encode, measure the encoded file, and encode once more with a gain correction when the
    codec moved its loudness or true peak outside the profile's limits."""
    temporary = target.with_name(f".{target.stem}.part{target.suffix}")
    volume = ENCODER_LOSS_DB.get(target.suffix, 0.0)
    for _ in range(ENCODE_ATTEMPTS):
        encode(volume, temporary)
        if profile.true_peak_db is None or target.suffix == ".flac":
            break
        measured = measure_loudness(temporary)
        headroom = profile.true_peak_db - TRUE_PEAK_SAFETY_DB - measured.true_peak
        correction = min(profile.target_lufs - measured.integrated, headroom)
        if headroom >= 0 and abs(correction) <= LOUDNESS_TOLERANCE_LU:
            break
        volume += correction
    os.replace(temporary, target)


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


def _chapter_bounds(chapters: list[ChapterAudio]) -> tuple[list[tuple[str, int, int]], int]:
    """(title, first sample, end sample) per chapter from the masters' sample counts; rate."""
    bounds, start = [], 0
    rate = soundfile.info(str(chapters[0].master)).samplerate
    for chapter in chapters:
        frames = soundfile.info(str(chapter.master)).frames
        bounds.append((chapter.title, start, start + frames))
        start += frames
    return bounds, rate


def _whole_book(book: Book, chapters: list[ChapterAudio], build: Path, target: Path,
                cover: Path | None, codec: list[str], profile: Profile) -> None:
    """One file of every chapter in a row, with chapter marks and tags (M4B or MP3)."""
    bounds, rate = _chapter_bounds(chapters)
    metadata = build / f"{target.suffix[1:]}.ffmeta"
    write_atomically(metadata, ffmetadata(book_tags(book), bounds, rate))
    playlist = build / f"{target.suffix[1:]}.concat"
    write_atomically(playlist, "".join(_concat_entry(chapter.master) for chapter in chapters))
    cover_input, cover_output = _cover_arguments(cover, 2)
    _encode_verified(target, profile, lambda volume, temporary: run_ffmpeg([
        "-f", "concat", "-safe", "0", "-i", str(playlist), "-i", str(metadata), *cover_input,
        "-map", "0:a", *cover_output, "-map_metadata", "1", "-map_chapters", "1",
        "-af", f"volume={volume:.2f}dB", "-ac", "1", *codec, str(temporary),
    ]))


M4B_CODEC = [
    "-c:a", "aac", "-aac_coder", "fast", "-b:a", "64k", "-metadata:s:a:0", "language=vie",
    "-metadata", "media_type=2", "-movflags", "+faststart", "-f", "ipod",
]
# LAME's quality 7 encodes speech twice as fast as its default 3 and overshoots the master's
# true peak less (measured: 0.33 s against 0.70 s for 273 s of speech; -3.4 against -2.3 dBTP).
MP3_ENCODER = ["-c:a", "libmp3lame", "-compression_level", "7", "-id3v2_version", "3"]
SINGLE_MP3_CODEC = [*MP3_ENCODER, "-b:a", "64k", "-f", "mp3"]


def _chapter_file(book: Book, chapter: ChapterAudio, number: int, total: int, target: Path,
                  cover: Path | None, codec: list[str], profile: Profile) -> None:
    """One chapter as its own file with the book's tags and a track number; kept when nothing
    it is made from changed (its stamp lies beside the chapter's master)."""
    stamp_path = chapter.master.with_name(f"{target.name}.json")
    master_stat = chapter.master.stat()
    tags = book_tags(book) | {"title": chapter.title, "track": f"{number}/{total}"}
    stamp = {"master": [master_stat.st_size, master_stat.st_mtime_ns], "tags": tags,
             "codec": codec, "cover": cover.stat().st_size if cover and cover.is_file() else 0}
    if target.is_file() and read_stamp(stamp_path) == stamp:
        return
    cover_input, cover_output = _cover_arguments(cover if "flac" not in codec else None, 1)
    tag_arguments = [item for key, value in tags.items() if value
                     for item in ("-metadata", f"{key}={value}")]
    if cover_output:
        cover_output += ["-metadata:s:v", "comment=Cover (front)"]
    _encode_verified(target, profile, lambda volume, temporary: run_ffmpeg([
        "-i", str(chapter.master), *cover_input, "-map", "0:a", *cover_output,
        "-map_metadata", "-1", *tag_arguments, "-af", f"volume={volume:.2f}dB", "-ac", "1",
        *codec, str(temporary),
    ]))
    write_atomically(stamp_path, json.dumps(stamp, ensure_ascii=False))


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


def transcript(book: Book, chapters: list[ChapterAudio]) -> str:
    """The written text of the book, chapter by chapter, as the listener hears it."""
    lines = [book.title, ""]
    for chapter in chapters:
        cues = json.loads(chapter.timings.read_text(encoding="utf-8"))["utterances"]
        lines += [chapter.title, "=" * len(chapter.title), ""]
        if cues and cues[0]["written"] == chapter.title:
            cues = cues[1:]
        lines += [" ".join(cue["written"] for cue in cues), ""]
    return "\n".join(lines)


def package(
    book: Book,
    chapters: list[ChapterAudio],
    folder: Path,
    profile: Profile,
    cover: Path | None,
    jobs: int,
    mp3_single: bool = False,
    advance: Callable[[], None] = lambda: None,
) -> list[Path]:
    """Write the profile's deliverables and subtitles into its folder; return their paths."""
    name = folder.name
    target = folder / profile.folder if profile.folder else folder
    chapter_files: list[Path] = []
    chapter_codecs = {
        "mp3": ("mp3" if not profile.folder else "", ".mp3",
                [*MP3_ENCODER, "-b:a", profile.mp3_bitrate]),
        "flac": ("", ".flac", ["-c:a", "flac", "-sample_fmt", "s16"]),
    }
    jobs_list: list[Callable[[], None]] = []
    outputs: list[Path] = []
    if "m4b" in profile.deliverables:
        m4b = target / f"{name}.m4b"
        outputs.append(m4b)
        jobs_list.append(lambda: _whole_book(book, chapters, folder / "build", m4b, cover,
                                             M4B_CODEC, profile))
    if mp3_single and "m4b" in profile.deliverables:
        single = target / f"{name}.mp3"
        outputs.append(single)
        jobs_list.append(lambda: _whole_book(book, chapters, folder / "build", single, cover,
                                             SINGLE_MP3_CODEC, profile))
    for kind, (subfolder, suffix, codec) in chapter_codecs.items():
        if kind not in profile.deliverables:
            continue
        files_folder = target / subfolder
        files = [
            files_folder / f"{number:02d} - {safe_file_name(chapter.title)}{suffix}"
            for number, chapter in enumerate(chapters, start=1)
        ]
        files_folder.mkdir(parents=True, exist_ok=True)
        for stale in files_folder.glob(f"*{suffix}"):
            if stale not in files and stale.name != f"{name}{suffix}":
                stale.unlink()
        outputs += files
        chapter_files += files if suffix == ".mp3" else []
        for number, (chapter, path) in enumerate(zip(chapters, files, strict=True), start=1):
            jobs_list.append(
                lambda c=chapter, n=number, p=path, k=codec: _chapter_file(
                    book, c, n, len(chapters), p, cover, k, profile)
            )

    def run(job: Callable[[], None]) -> None:
        job()
        advance()

    target.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max(1, jobs)) as pool:  # the long whole-book encodes start first
        list(pool.map(run, jobs_list))
    if "playlist" in profile.deliverables:
        playlist = target / f"{name}.m3u"
        write_atomically(playlist, "#EXTM3U\n" + "".join(
            f"#EXTINF:{round(soundfile.info(str(c.master)).duration)},{c.title}\n{p.name}\n"
            for c, p in zip(chapters, chapter_files, strict=True)
        ))
        outputs.append(playlist)
    vtt, srt = subtitles(chapters)
    for suffix, text in ((".vtt", vtt), (".srt", srt)):
        write_atomically(target / f"{name}{suffix}", text)
        outputs.append(target / f"{name}{suffix}")
    write_atomically(folder / f"{name}.txt", transcript(book, chapters))
    return outputs


def deliverable_count(profile: Profile, chapters: int, mp3_single: bool) -> int:
    """How many files `package` encodes, for progress bars."""
    per_chapter = sum(kind in profile.deliverables for kind in ("mp3", "flac"))
    whole = "m4b" in profile.deliverables
    return per_chapter * chapters + whole + (whole and mp3_single)
