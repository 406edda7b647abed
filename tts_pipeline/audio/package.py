"""Package stage: per profile, the M4B with chapters and cover, files per chapter, subtitles."""

from __future__ import annotations

import itertools
import json
import os
import re
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import soundfile

from ..book import Book, read_stamp, write_atomically
from .ffmpeg import encode_measured, run_ffmpeg
from .id3 import add_comment
from .master import Mastering, Profile, largest_first

NERO_TITLE_BYTES = 255
ENCODER_LOSS_DB = {".mp3": 0.4}  # 64 kbps MP3 reads 0.4-0.5 LU under its master
CORRECTIONS = 2  # extra runs when the limiter takes a master below the profile's target
PCM = ["-c:a", "pcm_s16le"]


@dataclass
class ChapterAudio:
    """One chapter to package: how it is mastered, where its master goes, its timings."""

    title: str
    mastering: Mastering
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
    if len(text.encode("utf-8")) > max_length:  # cut after a whole word, if there is one
        cut = text.encode("utf-8")[:max_length].decode("utf-8", "ignore")
        at_boundary = text[len(cut)] == " " or " " not in cut
        text = (cut if at_boundary else cut.rsplit(" ", 1)[0]).rstrip(" ,;:–-")
    return text.strip(" .") or "chapter"


def book_tags(book: Book) -> dict[str, str]:
    return {
        "title": book.title,
        "album": book.title,
        "artist": book.publisher,
        "album_artist": book.publisher,
        "genre": "Audiobook",
        "date": book.date[:4],
        "comment": book.edition(),
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


def _temporary(target: Path) -> Path:
    return target.with_name(f".{target.stem}.part{target.suffix}")


def _written_by_ffmpeg(tags: dict[str, str], suffix: str) -> dict[str, str]:
    """The tags ffmpeg writes well into this kind of file: an MP3's comment is added after."""
    return {key: value for key, value in tags.items()
            if value and not (key == "comment" and suffix == ".mp3")}


def _finish(temporary: Path, target: Path, tags: dict[str, str]) -> None:
    """Add what ffmpeg could not write, then move the finished file into place."""
    if target.suffix == ".mp3" and tags.get("comment"):
        add_comment(temporary, tags["comment"])
    os.replace(temporary, target)


def _cover_arguments(cover: Path | None, input_index: int) -> tuple[list[str], list[str]]:
    if cover is None or not cover.is_file():
        return [], []
    return ["-i", str(cover)], [
        "-map", f"{input_index}:v", "-c:v", "copy", "-disposition:v:0", "attached_pic",
    ]


def adts_frames(path: Path) -> int:
    """How many AAC frames (1024 samples each) an ADTS stream holds, read from its headers."""
    data = path.read_bytes()
    frames = position = 0
    while position + 7 <= len(data) and data[position] == 0xFF:
        position += ((data[position + 3] & 3) << 11) | (data[position + 4] << 3) | (
            data[position + 5] >> 5)
        frames += 1
    return frames


def _bounds(titles: list[str], lengths: list[int]) -> list[tuple[str, int, int]]:
    """(title, first sample, end sample) of consecutive chapters of these lengths."""
    ends = list(itertools.accumulate(lengths))
    return [(title, end - length, end) for title, length, end in zip(titles, lengths, ends,
                                                                       strict=True)]


def _m4b(book: Book, chapters: list[ChapterAudio], streams: list[Path], lengths: list[int],
         build: Path, target: Path, cover: Path | None) -> list[int]:
    """Join the chapters' AAC streams into an M4B without re-encoding; chapter marks fall on
    the streams' frame counts (`lengths`), so they are exact to the sample. Return the
    chapters whose titles were shortened in the Nero list.

    The movie timescale is the sample rate because ffmpeg 9 otherwise gives the QuickTime
    chapter track a timescale of 28,224,000, where a chapter over 76 s overflows its 32-bit
    sample duration and is dropped: Apple's players, which read only that track, would show
    no chapters or wrong ones. At 22.05 kHz a chapter may now last 54 hours."""
    rate = soundfile.info(str(chapters[0].master)).samplerate
    metadata = build / "m4b.ffmeta"
    write_atomically(metadata, ffmetadata(
        book_tags(book), _bounds([chapter.title for chapter in chapters], lengths), rate))
    joined = build / "m4b.aac"  # ADTS frames end to end: timestamps follow frame by frame
    with joined.open("wb") as handle:
        for stream in streams:
            handle.write(stream.read_bytes())
    cover_input, cover_output = _cover_arguments(cover, 2)
    temporary = target.with_name(f".{target.stem}.part{target.suffix}")
    run_ffmpeg([
        "-f", "aac", "-i", str(joined), "-i", str(metadata), *cover_input,
        "-map", "0:a", *cover_output, "-map_metadata", "1", "-map_chapters", "1",
        "-c:a", "copy", "-metadata:s:a:0", "language=vie", "-metadata", "media_type=2",
        "-movie_timescale", str(rate), "-movflags", "+faststart", "-f", "ipod", str(temporary),
    ])
    shortened = shorten_nero_titles(temporary, [chapter.title for chapter in chapters])
    os.replace(temporary, target)
    joined.unlink()
    return shortened


def _box(data: bytes | bytearray, start: int, end: int, kind: bytes) -> tuple[int, int] | None:
    """(start, end) of the first MP4 box of this kind between start and end, at one level."""
    while start + 8 <= end:
        size = int.from_bytes(data[start:start + 4], "big")
        if size < 8:
            return None
        if data[start + 4:start + 8] == kind:
            return start, start + size
        start += size
    return None


def shorten(title: str, limit: int = NERO_TITLE_BYTES) -> str:
    """The title cut at a word boundary, with an ellipsis, to fit `limit` UTF-8 bytes."""
    if len(title.encode()) <= limit:
        return title
    cut = title.encode()[: limit - len("…".encode())].decode("utf-8", "ignore")
    words = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return words.rstrip(" ,;:–-") + "…"


def _top_level_box(handle: BinaryIO, kind: bytes) -> tuple[int, int] | None:
    """(start, size) of a top-level MP4 box, found by reading box headers only."""
    handle.seek(0, os.SEEK_END)
    end, start = handle.tell(), 0
    while start + 8 <= end:
        handle.seek(start)
        header = handle.read(16)
        size = int.from_bytes(header[:4], "big")
        if size == 1:
            size = int.from_bytes(header[8:16], "big")
        if size < 8:
            return None
        if header[4:8] == kind:
            return start, size
        start += size
    return None


def shorten_nero_titles(m4b: Path, titles: list[str]) -> list[int]:
    """ffmpeg cuts Nero chapter titles (chpl) at 255 bytes, maybe inside a letter; rewrite
    the cut ones in place, at a word boundary with an ellipsis, padded with spaces to the same
    length (so no offset moves). The QuickTime chapter track keeps the full titles. Only the
    moov box is read, however long the book. Return the numbers of the chapters shortened."""
    with m4b.open("r+b") as handle:
        moov = _top_level_box(handle, b"moov")
        if moov is None:
            return []
        handle.seek(moov[0])
        data = bytearray(handle.read(moov[1]))
        udta = _box(data, 8, len(data), b"udta")
        chpl = udta and _box(data, udta[0] + 8, udta[1], b"chpl")
        if not chpl:
            return []
        position, shortened = chpl[0] + 17, []  # size, type, version+flags, 4 reserved, count
        for number, title in enumerate(titles[: data[chpl[0] + 16]], start=1):
            length = data[position + 8]
            start = position + 9
            if len(title.encode()) > length:
                handle.seek(moov[0] + start)
                handle.write(shorten(title, length).encode().ljust(length, b" "))
                shortened.append(number)
            position = start + length
    return shortened


def _single_mp3(book: Book, chapters: list[ChapterAudio], lengths: list[int], build: Path,
                target: Path, cover: Path | None, profile: Profile) -> None:
    """The whole book as one MP3 with ID3 chapters (CHAP + CTOC, in time order), on the M4B's
    timeline: each chapter's master after the AAC stream's priming and padded to its stream's
    length, so the chapter marks and the subtitles fall on the same speech in both files.

    It is the podcast episode, at the 44.1 kHz podcast apps ask for; at that rate LAME's
    encoder delay (1105 samples) is 25 ms, so chapter marks stay on their speech both for
    readers that count the delay in CHAP times (ffmpeg, mpv) and for those that don't."""
    rate = soundfile.info(str(chapters[0].master)).samplerate
    metadata = build / "mp3.ffmeta"
    write_atomically(metadata, ffmetadata(
        _written_by_ffmpeg(book_tags(book), target.suffix),
        _bounds([chapter.title for chapter in chapters], lengths), rate))
    inputs = [item for chapter in chapters for item in ("-i", str(chapter.master))]
    graph = ";".join(f"[{index}:a]adelay={AAC_FRAME}S:all=1,apad=whole_len={length}[c{index}]"
                     for index, length in enumerate(lengths))
    graph += ";" + "".join(f"[c{index}]" for index in range(len(chapters)))
    graph += f"concat=n={len(chapters)}:v=0:a=1,aresample={PODCAST_RATE},"
    graph += f"{_encoder_loss(target)}[book]"
    cover_input, cover_output = _cover_arguments(cover, len(chapters) + 1)
    run_ffmpeg([
        *inputs, "-i", str(metadata), *cover_input, "-filter_complex", graph,
        "-map", "[book]", *cover_output, "-map_metadata", str(len(chapters)),
        "-map_chapters", str(len(chapters)), "-ac", "1", *MP3_ENCODER,
        "-b:a", profile.mp3_bitrate, "-f", "mp3", str(_temporary(target)),
    ])
    _finish(_temporary(target), target, book_tags(book))


AAC_FRAME = 1024
PODCAST_RATE = 44100
AAC_ENCODER = ["-c:a", "aac", "-aac_coder", "fast", "-b:a", "64k", "-f", "adts"]
# LAME's quality 7 encodes speech twice as fast as its default 3 and overshoots the master's
# true peak less (measured: 0.33 s against 0.70 s for 273 s of speech; -3.4 against -2.3 dBTP).
MP3_ENCODER = ["-c:a", "libmp3lame", "-compression_level", "7", "-id3v2_version", "3"]


def _encoder_loss(target: Path) -> str:
    """The gain that makes up for the level this kind of file loses in its encoder."""
    return f"volume={ENCODER_LOSS_DB.get(target.suffix, 0.0):.2f}dB"


def _chapter_files(book: Book, chapter: ChapterAudio, number: int, total: int,
                   targets: list[tuple[Path, list[str]]], cover: Path | None) -> None:
    """Every file of one chapter in one ffmpeg run: the raw speech through its mastering
    chain into the master and, at once, into every deliverable; the run's meter checks that
    the limiter left the master at the target (else it runs again with more gain). A file is
    kept while nothing it is made from changed (its stamp lies beside the master); a stale
    deliverable of a kept master is encoded from the master."""
    tags = book_tags(book) | {"title": chapter.title, "track": f"{number}/{total}"}
    cover_size = cover.stat().st_size if cover and cover.is_file() else 0
    cover_input = ["-i", str(cover)] if cover_size else []

    def arguments(target: Path, codec: list[str]) -> list[str]:
        tagged = target.suffix in (".mp3", ".flac")
        pictured = target.suffix == ".mp3" and bool(cover_input)
        return [
            *(["-map", "1:v", "-c:v", "copy", "-disposition:v:0", "attached_pic",
               "-metadata:s:v", "comment=Cover (front)"] if pictured else []),
            "-map_metadata", "-1",
            *[item for key, value in _written_by_ffmpeg(tags, target.suffix).items() if tagged
              for item in ("-metadata", f"{key}={value}")],
            "-ac", "1", *codec, str(_temporary(target)),
        ]

    def stamp(target: Path, codec: list[str], master: os.stat_result) -> dict:
        tagged = target.suffix in (".mp3", ".flac")
        return {"master": [master.st_size, master.st_mtime_ns], "codec": codec,
                "tags": tags if tagged else {}, "cover": cover_size}

    source = chapter.mastering.source.stat()
    master_stamp = {"source": [source.st_size, source.st_mtime_ns],
                    "chain": chapter.mastering.chain()}
    if chapter.master.is_file() and read_stamp(_stamp_path(chapter, chapter.master)) == \
            master_stamp:
        kept = chapter.master.stat()
        stale = [(target, codec) for target, codec in targets
                 if not (target.is_file() and read_stamp(_stamp_path(chapter, target))
                         == stamp(target, codec, kept))]
        if not stale:
            return
        encode_measured(["-i", str(chapter.master), *cover_input], "", [
            (_encoder_loss(target), arguments(target, codec)) for target, codec in stale])
    else:
        stale = targets
        outputs = [("", [*PCM, str(_temporary(chapter.master))])] + [
            (_encoder_loss(target), arguments(target, codec)) for target, codec in stale]
        correction = 0.0
        for _ in range(CORRECTIONS + 1):
            measured = encode_measured(["-i", str(chapter.mastering.source), *cover_input],
                                       chapter.mastering.chain(correction), outputs)
            missing = chapter.mastering.shortfall(measured)
            if missing is None:
                break
            correction += missing
        os.replace(_temporary(chapter.master), chapter.master)
        write_atomically(_stamp_path(chapter, chapter.master), json.dumps(master_stamp))
    master = chapter.master.stat()
    for target, codec in stale:
        _finish(_temporary(target), target, tags)
        write_atomically(_stamp_path(chapter, target),
                         json.dumps(stamp(target, codec, master), ensure_ascii=False))


def _stamp_path(chapter: ChapterAudio, target: Path) -> Path:
    return chapter.master.with_name(f"{target.name}.json")


def _timestamp(seconds: float, separator: str) -> str:
    milliseconds = round(seconds * 1000)
    hours, rest = divmod(milliseconds, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}{separator}{rest % 1000:03d}"


def subtitles(chapters: list[ChapterAudio], starts: list[float], delay: float = 0.0
              ) -> tuple[str, str]:
    """WebVTT and SRT cues per utterance: the chapter's start in the delivered file, the
    codec's delay, and the utterance's place in the chapter audio (from sample counts)."""
    vtt, srt = ["WEBVTT", ""], []
    for chapter, offset in zip(chapters, starts, strict=True):
        timing = json.loads(chapter.timings.read_text(encoding="utf-8"))
        for cue in timing["utterances"]:
            start, end = offset + delay + cue["start"], offset + delay + cue["end"]
            vtt += [f"{_timestamp(start, '.')} --> {_timestamp(end, '.')}", cue["written"], ""]
            srt += [str(len(srt) // 4 + 1),
                    f"{_timestamp(start, ',')} --> {_timestamp(end, ',')}", cue["written"], ""]
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
    warn: Callable[[str], None] = lambda message: None,
) -> list[Path]:
    """Write the profile's deliverables and subtitles into its folder; return their paths.

    Every chapter is mastered and encoded on its own, in parallel, longest first, and kept
    while nothing it is made from changes; the M4B joins the chapters' AAC streams without
    encoding them again."""
    name = folder.name
    target = folder / profile.folder if profile.folder else folder
    build = chapters[0].master.parent
    whole_book = "m4b" in profile.deliverables
    kinds = {  # deliverable: (folder, suffix, encoder arguments)
        "m4b": (build, ".aac", AAC_ENCODER),
        "mp3": (target / ("mp3" if not profile.folder else ""), ".mp3",
                [*MP3_ENCODER, "-b:a", profile.mp3_bitrate]),
        "flac": (target, ".flac", ["-c:a", "flac", "-sample_fmt", "s16"]),
    }
    files: dict[str, list[Path]] = {}
    codecs: dict[str, list[str]] = {}
    work: list[Callable[[], None]] = []
    for kind, (files_folder, suffix, codec) in kinds.items():
        if kind not in profile.deliverables:
            continue
        files_folder.mkdir(parents=True, exist_ok=True)
        files[kind] = [
            files_folder / (f"{number:02d}{suffix}" if kind == "m4b" else
                            f"{number:02d} - {safe_file_name(chapter.title)}{suffix}")
            for number, chapter in enumerate(chapters, start=1)
        ]
        if kind != "m4b":
            for stale in set(files_folder.glob(f"*{suffix}")) - set(files[kind]):
                if stale.name != f"{name}{suffix}":
                    stale.unlink()
        codecs[kind] = codec
    for index in largest_first([chapter.mastering.source for chapter in chapters]):
        targets = [(files[kind][index], codecs[kind]) for kind in files]
        work.append(lambda c=chapters[index], n=index + 1, t=targets: _chapter_files(
            book, c, n, len(chapters), t, cover))
    outputs = [path for kind, paths in files.items() if kind != "m4b" for path in paths]

    def run(job: Callable[[], None]) -> None:
        job()
        advance()

    target.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max(1, jobs)) as pool:
        list(pool.map(run, work))
    rate = soundfile.info(str(chapters[0].master)).samplerate
    if whole_book:  # the book's timeline is the M4B's: each chapter's AAC stream, whole
        lengths = [adts_frames(stream) * AAC_FRAME for stream in files["m4b"]]
        delay = AAC_FRAME / rate  # each chapter's stream starts with the encoder's priming
    else:
        lengths = [soundfile.info(str(chapter.master)).frames for chapter in chapters]
        delay = 0.0
    if mp3_single and whole_book:  # from the masters, now that every chapter's is written
        single = target / f"{name}.mp3"
        run(lambda: _single_mp3(book, chapters, lengths, build, single, cover, profile))
        outputs.append(single)
    if whole_book:
        m4b = target / f"{name}.m4b"
        for number in _m4b(book, chapters, files["m4b"], lengths, build, m4b, cover):
            warn(f"chapter {number}'s title is longer than the {NERO_TITLE_BYTES} bytes of the "
                 "Nero chapter list: players that read only that list show it shortened")
        outputs.insert(0, m4b)
    if "playlist" in profile.deliverables:
        playlist = target / f"{name}.m3u8"
        write_atomically(playlist, "#EXTM3U\n" + "".join(
            f"#EXTINF:{round(length / rate)},{chapter.title}\n{path.name}\n"
            for chapter, path, length in zip(chapters, files["mp3"], lengths, strict=True)
        ))
        outputs.append(playlist)
    starts = [start / rate for _, start, _ in _bounds([c.title for c in chapters], lengths)]
    vtt, srt = subtitles(chapters, starts, delay)
    for suffix, text in ((".vtt", vtt), (".srt", srt)):
        write_atomically(target / f"{name}{suffix}", text)
        outputs.append(target / f"{name}{suffix}")
    write_atomically(folder / f"{name}.txt", transcript(book, chapters))
    return outputs


def deliverable_count(profile: Profile, chapters: int, mp3_single: bool) -> int:
    """How many encoding jobs `package` runs, for progress bars: one per chapter, and the
    single MP3."""
    return chapters + ("m4b" in profile.deliverables and mp3_single)
