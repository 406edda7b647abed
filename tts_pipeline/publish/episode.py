"""A rendered book folder read as an episode to publish: its tags, audio files, chapter marks
(from the single MP3's ID3 chapters, where podcast apps read them) and subtitle cues."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mutagen import MutagenError
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from ..audio.master import PROFILES
from ..book import BookError, slugify
from ..config import resolve
from ..errors import UserError
from ..folder import BookFolder
from ..i18n import _

PUBLISHED_PROFILE = "phone"  # its single MP3, M4B and subtitles are the issue's


class PublishError(UserError):
    """A book or site that cannot be published; the message says what to do."""


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str


@dataclass(frozen=True)
class EpisodeChapter:
    title: str
    start: float
    end: float
    audio: Path | None  # the chapter's own MP3, for players without JavaScript
    cues: tuple[Cue, ...]


@dataclass(frozen=True)
class Episode:
    slug: str
    folder: Path
    title: str
    publisher: str
    edition: str
    date: str  # YYYY or YYYY-MM or YYYY-MM-DD, as book.toml has it
    duration: float
    mp3: Path  # the single chaptered MP3: the podcast enclosure and the page's player
    m4b: Path | None
    subtitles: Path
    cover: Path | None
    chapters: tuple[EpisodeChapter, ...]

    def sources(self) -> list[Path]:
        """Every file the published issue is made from."""
        files = [BookFolder(self.folder).book_file, self.mp3, self.subtitles, self.m4b, self.cover]
        files += [chapter.audio for chapter in self.chapters]
        return [path for path in files if path is not None]


_CUE = re.compile(r"^(\d+):(\d\d):(\d\d\.\d+) --> (\d+):(\d\d):(\d\d\.\d+)\n(.+)$", re.MULTILINE)


def _seconds(hours: str, minutes: str, seconds: str) -> float:
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def read_cues(vtt: Path) -> list[Cue]:
    """The cues of a WebVTT file written by the package stage (one line of text each)."""
    text = vtt.read_text(encoding="utf-8")
    return [Cue(_seconds(*match[0:3]), _seconds(*match[3:6]), match[6].strip())
            for match in _CUE.findall(text)]


def _id3_chapters(mp3: Path) -> list[tuple[str, float, float]]:
    """(title, start, end) in the order of the MP3's table of contents."""
    try:
        tags = ID3(mp3)
    except MutagenError as error:
        raise PublishError(_("{file} has no readable ID3 tag ({error}): render it again").format(
            file=mp3, error=error)) from None
    frames = {frame.element_id: frame for frame in tags.getall("CHAP")}
    toc = tags.getall("CTOC")
    order = list(toc[0].child_element_ids) if toc else sorted(
        frames, key=lambda element: frames[element].start_time)
    return [(str(frames[element].sub_frames.get("TIT2", element)),
             frames[element].start_time / 1000, frames[element].end_time / 1000)
            for element in order if element in frames]


def load_episode(folder: Path) -> Episode:
    """Read a book folder rendered with `--mp3-single`; PublishError says what is missing."""
    place, delivered = BookFolder(folder), PROFILES[PUBLISHED_PROFILE]
    try:
        book = place.load()
        publisher = resolve(book, place.book_file).publisher  # book.toml's, else the user's
    except BookError as error:
        raise PublishError(str(error)) from None
    mp3 = place.deliverable(delivered, ".mp3")
    subtitles = place.deliverable(delivered, ".vtt")
    if not mp3.is_file() or not subtitles.is_file():
        raise PublishError(_("{folder} has no single MP3 to publish: run `{command}` first"
                             ).format(folder=folder,
                                      command=f"tts-pipeline render {folder} --mp3-single"))
    marks = _id3_chapters(mp3)
    if not marks:
        raise PublishError(_("{file} has no chapters: render it again with --mp3-single"
                             ).format(file=mp3))
    chapter_files = sorted(place.chapter_folder(delivered, "mp3").glob("*.mp3"))
    cues = read_cues(subtitles)
    chapters = []
    for number, (title, start, end) in enumerate(marks):
        audio = chapter_files[number] if len(chapter_files) == len(marks) else None
        own = tuple(cue for cue in cues if start <= cue.start < end)
        chapters.append(EpisodeChapter(title, start, end, audio, own))
    m4b = place.deliverable(delivered, ".m4b")
    cover = place.cover(book)
    cover = cover if cover and cover.is_file() else None
    return Episode(
        slug=slugify(folder.name, max_length=80), folder=folder, title=book.title,
        publisher=publisher, edition=book.edition(), date=book.date,
        duration=MP3(mp3).info.length, mp3=mp3, m4b=m4b if m4b.is_file() else None,
        subtitles=subtitles, cover=cover, chapters=tuple(chapters),
    )
