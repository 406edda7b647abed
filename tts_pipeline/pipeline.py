"""Orchestration: extract a document into a book folder, render a book folder into audio."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PIL import Image

from .audio.master import PROFILES, Profile, master, unknown_profile_message
from .audio.package import ChapterAudio, package
from .book import (
    BOOK_FILE,
    Book,
    BookError,
    assign_chapter_files,
    read_book,
    slugify,
    write_atomically,
    write_book,
)
from .extract import ExtractError, extract
from .extract.pdf import render_page
from .reading import Lexicon, Pauses, read_chapter
from .voices.synthesis import ChapterScript, speak
from .voices.voice import find_voice

COVER_FILE = "cover.jpg"
COVER_MAX_PIXELS = 1400
LEXICON_FILE = "lexicon.tsv"

Advance = Callable[[], None]


class Progress:
    """What the pipeline tells its caller: named steps with a known number of units."""

    def step(self, description: str, total: int) -> Advance:
        return lambda: None

    def note(self, message: str) -> None:
        """A warning or remark for the user."""


@dataclass
class RenderReport:
    book: str
    chapters: int
    utterances_synthesized: int
    utterances_cached: int
    duration_seconds: float
    outputs: list[str]
    stage_seconds: dict[str, float] = field(default_factory=dict)


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def _save_cover(source: Path, target: Path) -> None:
    """The first page as a square JPEG no larger than players want."""
    page = render_page(source, 0, scale=3.0).convert("RGB")
    side = max(page.size)
    square = Image.new("RGB", (side, side), "white")
    square.paste(page, ((side - page.width) // 2, (side - page.height) // 2))
    if side > COVER_MAX_PIXELS:
        square = square.resize((COVER_MAX_PIXELS, COVER_MAX_PIXELS), Image.Resampling.LANCZOS)
    temporary = target.with_name(f".{target.stem}.part.jpg")
    square.save(temporary, "JPEG", quality=88)
    os.replace(temporary, target)


def extract_to_folder(
    source: Path, out: Path, force: bool = False, password: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write output/<book>/ from a document; edited chapter files are kept unless `force`."""
    progress = progress or Progress()
    if not source.is_file():
        raise ExtractError(f"{source} does not exist: check the path")
    book, warnings = extract(source, password)
    for warning in warnings:
        progress.note(f"{source.name}: {warning}")
    folder = out / slugify(source.stem, 64)
    assign_chapter_files(book)
    if (folder / BOOK_FILE).is_file() and not force:
        edited = _edited_chapters(folder, book)
        if edited:
            raise ExtractError(
                f"{folder} already has chapter files that differ from a fresh extraction "
                f"({', '.join(edited)}): keep your edits and run `render`, or pass --force"
            )
    folder.mkdir(parents=True, exist_ok=True)
    if source.suffix.lower() == ".pdf":
        _save_cover(source, folder / COVER_FILE)
        book.cover = COVER_FILE
    write_book(book, folder)
    return folder


def _edited_chapters(folder: Path, book: Book) -> list[str]:
    edited = []
    for chapter in book.chapters:
        path = folder / chapter.file
        if path.is_file() and path.read_text(encoding="utf-8") != chapter.markdown():
            edited.append(chapter.file)
    return edited


def render_folder(
    folder: Path,
    profile_names: list[str] | None = None,
    voice_name: str | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> list[RenderReport]:
    """Render a book folder with each profile; return one report per profile."""
    progress = progress or Progress()
    book = read_book(folder)
    jobs = jobs or default_jobs()
    names = profile_names or book.profiles or ["phone"]
    for name in names:
        if name not in PROFILES:
            raise BookError(unknown_profile_message(name))
    if not book.spoken_chapters():
        raise BookError(f"{folder} has no chapter to speak: check skip flags in {BOOK_FILE}")
    reports = [
        _render_profile(book, folder, PROFILES[name], voice_name or book.voice, jobs, progress)
        for name in names
    ]
    write_atomically(
        folder / "render-report.json",
        json.dumps([asdict(report) for report in reports], ensure_ascii=False, indent=2),
    )
    return reports


def _render_profile(
    book: Book, folder: Path, profile: Profile, voice_name: str, jobs: int, progress: Progress
) -> RenderReport:
    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    voice = find_voice(voice_name)
    lexicon = Lexicon.load(folder / LEXICON_FILE)
    pauses = Pauses().scaled(profile.pause_scale)
    chapters = book.spoken_chapters()
    scripts = [
        ChapterScript(
            number, chapter.title,
            read_chapter(chapter.title, chapter.paragraphs, lexicon=lexicon, pauses=pauses),
        )
        for number, chapter in enumerate(chapters, start=1)
    ]
    seconds["read"] = time.perf_counter() - clock

    clock = time.perf_counter()
    advance: list[Advance] = []
    spoken = speak(
        scripts, voice, folder / "build" / f"{voice.name}-{profile.rate_scale:g}",
        folder.parent / ".cache", jobs, profile.rate_scale,
        advance=lambda: advance[0](),
        on_plan=lambda total: advance.append(progress.step("Synthesizing utterances", total)),
    )
    seconds["speak"] = time.perf_counter() - clock

    clock = time.perf_counter()
    masters = master(
        [flac for flac, _ in spoken.audio], folder / "build" / profile.name, profile, jobs,
        progress.step("Mastering chapters", len(chapters)),
    )
    seconds["master"] = time.perf_counter() - clock

    clock = time.perf_counter()
    chapter_audio = [
        ChapterAudio(chapter.title, wav, timings)
        for chapter, wav, (_, timings) in zip(chapters, masters, spoken.audio, strict=True)
    ]
    cover = folder / book.cover if book.cover else None
    outputs = package(
        book, chapter_audio, folder, folder.name, cover, spoken.sample_rate, jobs,
        profile.mp3_bitrate, progress.step("Encoding M4B and MP3", len(chapters) + 1),
    )
    seconds["package"] = time.perf_counter() - clock
    duration = sum(
        json.loads(timings.read_text(encoding="utf-8"))["frames"] for _, timings in spoken.audio
    ) / spoken.sample_rate
    return RenderReport(
        book=book.title, chapters=len(chapters),
        utterances_synthesized=spoken.synthesized, utterances_cached=spoken.cached,
        duration_seconds=round(duration, 3),
        outputs=[str(path.relative_to(folder)) for path in outputs],
        stage_seconds={name: round(value, 3) for name, value in seconds.items()},
    )
