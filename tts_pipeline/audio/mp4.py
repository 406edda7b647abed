"""The M4B: the chapters' AAC streams joined into an MP4 with chapters, cover and tags, and
the one edit ffmpeg gets wrong (Nero titles cut inside a letter), made in place."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..book import Book, temporary_path, write_atomically
from .chapter import ChapterAudio, Timeline
from .encode import cover_arguments
from .ffmpeg import run_ffmpeg
from .tags import book_tags, ffmetadata

NERO_TITLE_BYTES = 255


def adts_frames(path: Path) -> int:
    """How many AAC frames (1024 samples each) an ADTS stream holds, read from its headers."""
    data = path.read_bytes()
    frames = position = 0
    while position + 7 <= len(data) and data[position] == 0xFF:
        position += ((data[position + 3] & 3) << 11) | (data[position + 4] << 3) | (
            data[position + 5] >> 5)
        frames += 1
    return frames


def write_m4b(book: Book, chapters: list[ChapterAudio], streams: list[Path],
              timeline: Timeline, build: Path, target: Path, cover: Path | None) -> list[int]:
    """Join the chapters' AAC streams into an M4B without re-encoding; chapter marks fall on
    the streams' frame counts (the timeline), so they are exact to the sample. Return the
    chapters whose titles were shortened in the Nero list.

    The movie timescale is the sample rate because ffmpeg 9 otherwise gives the QuickTime
    chapter track a timescale of 28,224,000, where a chapter over 76 s overflows its 32-bit
    sample duration and is dropped: Apple's players, which read only that track, would show
    no chapters or wrong ones. At 22.05 kHz a chapter may now last 54 hours."""
    titles = [chapter.title for chapter in chapters]
    metadata = build / "m4b.ffmeta"
    write_atomically(metadata, ffmetadata(book_tags(book), timeline.bounds(titles),
                                          timeline.rate))
    joined = build / "m4b.aac"  # ADTS frames end to end: timestamps follow frame by frame
    with joined.open("wb") as handle:
        for stream in streams:
            handle.write(stream.read_bytes())
    cover_input, cover_output = cover_arguments(cover, 2)
    run_ffmpeg([
        "-f", "aac", "-i", str(joined), "-i", str(metadata), *cover_input,
        "-map", "0:a", *cover_output, "-map_metadata", "1", "-map_chapters", "1",
        "-c:a", "copy", "-metadata:s:a:0", "language=vie", "-metadata", "media_type=2",
        "-movie_timescale", str(timeline.rate), "-movflags", "+faststart", "-f", "ipod",
        str(temporary_path(target)),
    ])
    shortened = shorten_nero_titles(temporary_path(target), titles)
    os.replace(temporary_path(target), target)
    joined.unlink()
    return shortened


def find_box(read: Callable[[int, int], bytes], start: int, end: int, kind: bytes
             ) -> tuple[int, int] | None:
    """(start, end) of the first MP4 box of this kind between start and end, at one level;
    `read(offset, count)` gives the bytes, from memory or from a file."""
    while start + 8 <= end:
        header = read(start, 16)
        size = int.from_bytes(header[:4], "big")
        if size == 1:
            size = int.from_bytes(header[8:16], "big")
        if size < 8:
            return None
        if header[4:8] == kind:
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


def shorten_nero_titles(m4b: Path, titles: list[str]) -> list[int]:
    """ffmpeg cuts Nero chapter titles (chpl) at 255 bytes, maybe inside a letter; rewrite
    the cut ones in place, at a word boundary with an ellipsis, padded with spaces to the same
    length (so no offset moves). The QuickTime chapter track keeps the full titles. Only the
    moov box is read, however long the book. Return the numbers of the chapters shortened."""
    with m4b.open("r+b") as handle:
        def from_file(offset: int, count: int) -> bytes:
            handle.seek(offset)
            return handle.read(count)

        moov = find_box(from_file, 0, os.fstat(handle.fileno()).st_size, b"moov")
        if moov is None:
            return []
        data = from_file(moov[0], moov[1] - moov[0])

        def from_moov(offset: int, count: int) -> bytes:
            return data[offset:offset + count]

        udta = find_box(from_moov, 8, len(data), b"udta")
        chpl = udta and find_box(from_moov, udta[0] + 8, udta[1], b"chpl")
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
