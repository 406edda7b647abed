"""The book folder's one owner: where each of its files lies, from book.toml and the chapters
to the speech, the masters and deliverables of each profile, the render report, the
completion stamp, the lock and the utterance cache shared by the books of an output folder."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .audio.master import Profile
from .audio.tags import safe_file_name
from .book import BOOK_FILE, Book, read_book
from .timings import SpeechFiles

COVER_FILE = "cover.jpg"
LOCK_FILE = ".lock"
LEXICON_FILE = "lexicon.tsv"
CACHE_FOLDER = ".cache"
REPORT_FILE = "render-report.json"
BUILD_FOLDER = "build"
COMPLETE_FILE = "complete.sha256"
BATCH_REPORT_FILE = "batch-report.json"


def cache_folder(out: Path) -> Path:
    """The utterance cache the books of an output folder share."""
    return out / CACHE_FOLDER


def speech_timings(out: Path) -> Iterator[Path]:
    """The timings of every chapter's speech of every book under an output folder."""
    return out.glob(f"*/{BUILD_FOLDER}/speech-*/*.timings.json")


@dataclass(frozen=True)
class BookFolder:
    """A book folder: `root`, and the path of every file in it."""

    root: Path

    @property
    def name(self) -> str:
        return self.root.name

    @property
    def book_file(self) -> Path:
        return self.root / BOOK_FILE

    @property
    def lexicon(self) -> Path:
        return self.root / LEXICON_FILE

    @property
    def report(self) -> Path:
        return self.root / REPORT_FILE

    @property
    def lock(self) -> Path:
        return self.root / LOCK_FILE

    @property
    def cache(self) -> Path:
        return cache_folder(self.root.parent)

    @property
    def build(self) -> Path:
        return self.root / BUILD_FOLDER

    @property
    def complete(self) -> Path:
        """The stamp of the last complete render: what it was made from."""
        return self.build / COMPLETE_FILE

    @property
    def transcript(self) -> Path:
        return self.root / f"{self.name}.txt"

    def exists(self) -> bool:
        return self.book_file.is_file()

    def load(self) -> Book:
        return read_book(self.root)

    def file(self, name: str) -> Path:
        """A file the book names (a chapter, the cover), relative to the folder."""
        return self.root / name

    def cover(self, book: Book) -> Path | None:
        return self.root / book.cover if book.cover else None

    def speech(self, rate_scale: float) -> Path:
        """The raw speech of the chapters at a speaking rate, shared by its profiles."""
        return self.build / f"speech-{rate_scale:g}"

    def chapter_speech(self, rate_scale: float, number: int) -> SpeechFiles:
        folder = self.speech(rate_scale)
        return SpeechFiles(folder / f"{number:02d}.flac", folder / f"{number:02d}.timings.json")

    def masters(self, profile: Profile) -> Path:
        """A profile's masters, their stamps and its intermediate files."""
        return self.build / profile.name

    def measurement(self, profile: Profile, number: int) -> Path:
        """The stamp of a chapter's measured mastering in a profile."""
        return self.masters(profile) / f"{number:02d}.json"

    def master(self, profile: Profile, number: int) -> Path:
        return self.masters(profile) / f"{number:02d}.wav"

    def deliverables(self, profile: Profile) -> Path:
        return self.root / profile.folder if profile.folder else self.root

    def deliverable(self, profile: Profile, suffix: str) -> Path:
        """One of the profile's files of the whole book: M4B, single MP3, playlist, subtitles."""
        return self.deliverables(profile) / f"{self.name}{suffix}"

    def chapter_folder(self, profile: Profile, kind: str) -> Path:
        """Where a profile's files of one kind per chapter go: the M4B's AAC streams beside
        the masters; MP3s in a folder of their own where the profile has none."""
        if kind == "m4b":
            return self.masters(profile)
        if kind == "mp3" and not profile.folder:
            return self.root / "mp3"
        return self.deliverables(profile)

    def chapter_files(self, profile: Profile, kind: str, suffix: str,
                      titles: list[str]) -> list[Path]:
        """Each chapter's file of one kind, in order: "NN - title" when delivered, else "NN"."""
        folder = self.chapter_folder(profile, kind)
        return [folder / (f"{number:02d}{suffix}" if kind == "m4b"
                          else f"{number:02d} - {safe_file_name(title)}{suffix}")
                for number, title in enumerate(titles, start=1)]
