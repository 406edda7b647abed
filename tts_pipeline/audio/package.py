"""Package stage: per profile, each chapter's files (in parallel), then the book's own — the
M4B, the single MP3, the playlist — and subtitles on the book's timeline."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import soundfile

from ..book import Book, write_atomically
from ..folder import BookFolder
from ..i18n import _
from .chapter import ChapterAudio, Timeline
from .encode import (
    AAC_ENCODER,
    AAC_FRAME,
    FLAC_ENCODER,
    MP3_ENCODER,
    ChapterEncoding,
    encode_chapter,
    single_mp3,
)
from .master import Profile, largest_first
from .mp4 import NERO_TITLE_BYTES, adts_frames, write_m4b
from .subtitles import subtitles, transcript
from .tags import book_tags

__all__ = ["deliverable_count", "package"]


@dataclass(frozen=True)
class ChapterFiles:
    """One kind of file made per chapter: a deliverable, or the M4B's AAC streams."""

    kind: str  # the profile's deliverable it serves: m4b, mp3, flac
    suffix: str
    codec: list[str]

    @property
    def delivered(self) -> bool:
        """Whether these are the listener's files (the M4B's streams are not)."""
        return self.kind != "m4b"


def chapter_files(profile: Profile) -> list[ChapterFiles]:
    """The per-chapter files this profile needs."""
    table = [
        ChapterFiles("m4b", ".aac", AAC_ENCODER),
        ChapterFiles("mp3", ".mp3", [*MP3_ENCODER, "-b:a", profile.mp3_bitrate]),
        ChapterFiles("flac", ".flac", FLAC_ENCODER),
    ]
    return [files for files in table if files.kind in profile.deliverables]


def _remove_stale(folder: Path, suffix: str, paths: list[Path], keep: str) -> None:
    """Delivered files of chapters that are gone or renamed (the book's own file stays)."""
    for stale in set(folder.glob(f"*{suffix}")) - set(paths):
        if stale.name != keep:
            stale.unlink()


def _encode_chapters(book: Book, chapters: list[ChapterAudio], files: dict[str, list[Path]],
                     codecs: dict[str, list[str]], cover: Path | None, jobs: int,
                     advance: Callable[[], None]) -> None:
    """Every chapter's files, in parallel, longest chapter first."""
    def encode(index: int) -> None:
        tags = book_tags(book) | {"title": chapters[index].title,
                                  "track": f"{index + 1}/{len(chapters)}"}
        encode_chapter(chapters[index], ChapterEncoding(tags, cover),
                       [(paths[index], codecs[kind]) for kind, paths in files.items()])
        advance()

    with ThreadPoolExecutor(max(1, jobs)) as pool:
        list(pool.map(encode, largest_first([chapter.mastering.source for chapter in chapters])))


def _timeline(chapters: list[ChapterAudio], streams: list[Path] | None) -> Timeline:
    """The M4B's timeline when there is one (each chapter's AAC stream whole, its speech after
    the encoder's priming), else the masters'."""
    rate = soundfile.info(str(chapters[0].master)).samplerate
    if streams:
        return Timeline([adts_frames(stream) * AAC_FRAME for stream in streams], rate,
                        AAC_FRAME / rate)
    return Timeline([soundfile.info(str(chapter.master)).frames for chapter in chapters], rate)


def _playlist(chapters: list[ChapterAudio], paths: list[Path], timeline: Timeline) -> str:
    """An extended M3U playlist in UTF-8 (the .m3u8 format), in broadcast order."""
    return "#EXTM3U\n" + "".join(
        f"#EXTINF:{round(length / timeline.rate)},{chapter.title}\n{path.name}\n"
        for chapter, path, length in zip(chapters, paths, timeline.lengths, strict=True))


def package(
    book: Book,
    folder: BookFolder,
    chapters: list[ChapterAudio],
    profile: Profile,
    jobs: int,
    mp3_single: bool = False,
    advance: Callable[[], None] = lambda: None,
    warn: Callable[[str], None] = lambda message: None,
) -> list[Path]:
    """Write the profile's deliverables and subtitles into its folder; return their paths.

    Every chapter is mastered and encoded on its own and kept while nothing it is made from
    changes; the M4B joins the chapters' AAC streams without encoding them again."""
    kinds = chapter_files(profile)
    titles = [chapter.title for chapter in chapters]
    files = {kind.kind: folder.chapter_files(profile, kind.kind, kind.suffix, titles)
             for kind in kinds}
    for kind in kinds:
        folder.chapter_folder(profile, kind.kind).mkdir(parents=True, exist_ok=True)
        if kind.delivered:
            _remove_stale(folder.chapter_folder(profile, kind.kind), kind.suffix,
                          files[kind.kind], folder.deliverable(profile, kind.suffix).name)
    folder.deliverables(profile).mkdir(parents=True, exist_ok=True)
    cover = folder.cover(book)
    _encode_chapters(book, chapters, files, {kind.kind: kind.codec for kind in kinds}, cover,
                     jobs, advance)
    outputs = [path for kind in kinds if kind.delivered for path in files[kind.kind]]
    timeline = _timeline(chapters, files.get("m4b"))
    if "m4b" in files:
        m4b, *single = _book_files(book, folder, profile, chapters, files["m4b"], timeline,
                                   mp3_single, advance, warn)
        outputs = [m4b, *outputs, *single]
    return outputs + _texts(book, folder, profile, chapters, files, timeline)


def _book_files(book: Book, folder: BookFolder, profile: Profile, chapters: list[ChapterAudio],
                streams: list[Path], timeline: Timeline, mp3_single: bool,
                advance: Callable[[], None], warn: Callable[[str], None]) -> list[Path]:
    """The M4B from the chapters' AAC streams, and the single MP3 (from the masters, now
    that every chapter's is written) when asked for; their paths."""
    build, cover = folder.masters(profile), folder.cover(book)
    outputs = []
    if mp3_single:
        single_mp3(book, chapters, timeline, build, folder.deliverable(profile, ".mp3"), cover,
                   profile.mp3_bitrate)
        outputs.append(folder.deliverable(profile, ".mp3"))
        advance()
    m4b = folder.deliverable(profile, ".m4b")
    for number in write_m4b(book, chapters, streams, timeline, build, m4b, cover):
        warn(_("chapter {number}'s title is longer than the {size} bytes of the Nero "
               "chapter list: players that read only that list show it shortened").format(
            number=number, size=NERO_TITLE_BYTES))
    return [m4b, *outputs]


def _texts(book: Book, folder: BookFolder, profile: Profile, chapters: list[ChapterAudio],
           files: dict[str, list[Path]], timeline: Timeline) -> list[Path]:
    """The playlist (where the profile has one) and the subtitles, then the transcript."""
    texts = {".m3u8": _playlist(chapters, files["mp3"], timeline)} if (
        "playlist" in profile.deliverables) else {}
    texts.update(zip((".vtt", ".srt"), subtitles(chapters, timeline), strict=True))
    outputs = []
    for suffix, text in texts.items():
        write_atomically(folder.deliverable(profile, suffix), text)
        outputs.append(folder.deliverable(profile, suffix))
    write_atomically(folder.transcript, transcript(book, chapters))
    return outputs


def deliverable_count(profile: Profile, chapters: int, mp3_single: bool) -> int:
    """How many encoding jobs `package` runs, for progress bars: one per chapter, and the
    single MP3."""
    return chapters + ("m4b" in profile.deliverables and mp3_single)
