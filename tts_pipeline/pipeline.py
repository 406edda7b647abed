"""Orchestration: extract a document into a book folder, render a book folder into audio.

A render loads the book once, then for each profile: read the text into scripts, speak them,
measure each chapter, package the deliverables, report; every path comes from BookFolder."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np
import soundfile
from PIL import Image

from . import __version__
from .audio.chapter import ChapterAudio
from .audio.master import (
    PROFILES,
    Mastering,
    Profile,
    master_file,
    measure_chapters,
    unknown_profile_message,
)
from .audio.package import deliverable_count, package
from .book import (
    BOOK_FILE,
    PARTIAL_GLOB,
    Book,
    BookError,
    assign_chapter_files,
    book_lock,
    file_sha256,
    slugify,
    temporary_path,
    write_atomically,
    write_book,
)
from .config import Effective, Settings, checked_voice, recorded, resolve, settled
from .extract import SUPPORTED_SUFFIXES, ExtractError, extract
from .extract.pdf import render_page
from .folder import (
    BATCH_REPORT_FILE,
    COVER_FILE,
    BookFolder,
    cache_folder,
    speech_timings,
)
from .i18n import _, decimal
from .reading import Lexicon, ReadingProfile, read_chapter
from .report import ChapterReport, RenderReport, read_reports, write_reports
from .script import book_lexicon, chapter_scripts, reading_rules, unknown_words
from .stamp import is_fresh, write_stamp
from .timings import ChapterTimings
from .voices.synthesis import (
    ChapterScript,
    ChapterSpeech,
    UtteranceCache,
    estimated_seconds,
    speak,
    write_audio,
)
from .voices.voice import (
    all_voices,
    load_engine,
)

COVER_MAX_PIXELS = 1400

Advance = Callable[[], None]


class UsageError(BookError):
    """A command that asks for what is not there, such as a chapter the book lacks."""


class Progress:
    """What the pipeline tells its caller: named steps with a known number of units."""

    def step(self, description: str, total: int) -> Advance:
        return lambda: None

    def note(self, message: str) -> None:
        """A warning or remark for the user."""


@dataclass
class RenderOptions:
    profiles: list[str] | None = None
    voice: str | None = None
    jobs: int | None = None
    chapters: list[int] | None = None  # numbers as in the chapter file names
    force: bool = False
    device: str = "cpu"
    mp3_single: bool = False
    settings: Settings = field(default_factory=Settings)  # --set KEY=VALUE

    def given(self) -> Settings:
        """The command line's settings: --set's, with --voice and --profile over them."""
        return replace(self.settings, voice=self.voice or self.settings.voice,
                       profiles=tuple(self.profiles) if self.profiles else self.settings.profiles)


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def _save_cover(source: Path, target: Path, password: str | None) -> None:
    """The first page as a square JPEG no larger than players want."""
    page = render_page(source, 0, 3.0, password).convert("RGB")
    side = max(page.size)
    square = Image.new("RGB", (side, side), "white")
    square.paste(page, ((side - page.width) // 2, (side - page.height) // 2))
    if side > COVER_MAX_PIXELS:
        square = square.resize((COVER_MAX_PIXELS, COVER_MAX_PIXELS), Image.Resampling.LANCZOS)
    temporary = temporary_path(target)
    square.save(temporary, "JPEG", quality=88)
    os.replace(temporary, target)


def extract_to_folder(
    source: Path, out: Path, force: bool = False, password: str | None = None,
    progress: Progress | None = None, ocr: bool = False, jobs: int | None = None,
) -> Path:
    """Write output/<book>/ from a document; edited chapter files are kept unless `force`;
    pages read by OCR go `jobs` at a time, with a progress step of their own."""
    progress = progress or Progress()
    book, warnings = extract(source, password, ocr, jobs,
                             lambda pages: progress.step(
                                 _("OCR of {file}").format(file=source.name), pages))
    book.source_sha256 = file_sha256(source)
    for warning in warnings:
        progress.note(f"{source.name}: {warning}")
    place = _book_folder(source, out)
    folder = place.root
    assign_chapter_files(book)
    if place.exists() and not force:
        edited = _edited_chapters(place, book)
        if edited:
            raise ExtractError(_(
                "{folder} already has chapter files that differ from a fresh extraction "
                "({files}): keep your edits and run `render`, or pass --force").format(
                folder=folder, files=", ".join(edited)))
    folder.mkdir(parents=True, exist_ok=True)
    if source.suffix.lower() == ".pdf":
        _save_cover(source, place.file(COVER_FILE), password)
        book.cover = COVER_FILE
    write_book(book, folder)
    return folder


def prepare_book(
    source: Path, out: Path, force: bool = False, password: str | None = None,
    progress: Progress | None = None, ocr: bool = False, jobs: int | None = None,
) -> Path:
    """The book folder of a document: extracted now, or kept as it is (with any edits) when it
    was extracted from this very file before."""
    folder = _book_folder(source, out)
    if not force and _kept_book(source, folder):
        return folder.root
    return extract_to_folder(source, out, force, password, progress, ocr, jobs)


def convert(
    source: Path, out: Path, options: RenderOptions, force: bool = False,
    password: str | None = None, progress: Progress | None = None, ocr: bool = False,
) -> tuple[Path, list[RenderReport]]:
    """Extract a document (unless its book folder is kept, as `prepare_book`) and render it,
    the book loaded once; the folder and one report per profile."""
    progress = progress or Progress()
    folder, book = _prepared(source, out, force, password, progress, ocr, options.jobs)
    return folder.root, _render(folder, book, options, progress)


def _prepared(source: Path, out: Path, force: bool, password: str | None, progress: Progress,
              ocr: bool, jobs: int | None) -> tuple[BookFolder, Book]:
    """`prepare_book`, with the book loaded."""
    folder = _book_folder(source, out)
    book = None if force else _kept_book(source, folder)
    if book is None:
        extract_to_folder(source, out, force, password, progress, ocr, jobs)
        book = folder.load()
    return folder, book


def _book_folder(source: Path, out: Path) -> BookFolder:
    return BookFolder(out / slugify(source.stem, 64))


def _kept_book(source: Path, folder: BookFolder) -> Book | None:
    """The folder's book when it was extracted from this very file before, else None."""
    if not source.is_file() or not folder.exists():
        return None
    try:
        book = folder.load()
    except BookError:
        return None
    return book if book.source_sha256 == file_sha256(source) else None


def _edited_chapters(folder: BookFolder, book: Book) -> list[str]:
    edited = []
    for chapter in book.chapters:
        path = folder.file(chapter.file)
        if path.is_file() and path.read_text(encoding="utf-8") != chapter.markdown():
            edited.append(chapter.file)
    return edited


@dataclass(frozen=True)
class Render:
    """One render of a book folder: its book, loaded once, and what every profile shares."""

    folder: BookFolder
    book: Book
    rules: tuple[ReadingProfile, Lexicon]
    options: RenderOptions
    progress: Progress

    @property
    def jobs(self) -> int:
        return self.options.jobs or default_jobs()


def render_folder(
    folder: Path, options: RenderOptions | None = None, progress: Progress | None = None
) -> list[RenderReport]:
    """Render a book folder with each profile; return one report per profile."""
    place = BookFolder(folder)
    return _render(place, place.load(), options or RenderOptions(), progress or Progress())


def _render(folder: BookFolder, book: Book, options: RenderOptions, progress: Progress
            ) -> list[RenderReport]:
    """Render a loaded book with each profile, holding the folder's lock; then write the report
    and the stamp of a complete render."""
    effective = _effective(book, folder, options)
    book = settled(book, effective)
    profiles = _profiles(effective.profiles)
    checked_voice(effective)
    _check_chapters(folder.root, book, options)
    rules = (effective.reading, book_lexicon(folder, book))
    render = Render(folder, book, rules, options, progress)
    with book_lock(folder.lock), _partial_files_removed(folder.root):
        reports = [_render_profile(render, profile) for profile in profiles]
        write_reports(folder.report, reports)
        write_stamp(folder.complete, render_fingerprint(folder, book, options, effective))
    return reports


def _render_profile(render: Render, profile: Profile) -> RenderReport:
    """The story of one profile: read the text, speak it, measure it, package it."""
    seconds: dict[str, float] = {}
    with _timed(seconds, "read"):
        scripts = chapter_scripts(render.book, render.rules, profile,
                                  render.options.given().voice)
    with _timed(seconds, "speak"):
        speech = _speak(render, profile, scripts)
    with _timed(seconds, "master"):
        masterings = _measure(render, profile, scripts)
    with _timed(seconds, "package"):
        outputs = _package(render, profile, scripts, masterings)
    return RenderReport(
        book=render.book.title, profile=profile.name,
        chapters=_chapter_reports(render, profile, scripts, speech),
        outputs=[str(path.relative_to(render.folder.root)) for path in outputs],
        stage_seconds=seconds,
        unknown_words=unknown_words(render.book, render.rules[1]),
    )


@contextmanager
def _timed(seconds: dict[str, float], stage: str) -> Iterator[None]:
    """Record in `seconds[stage]` how long the block took, to the millisecond."""
    clock = time.perf_counter()
    yield
    seconds[stage] = round(time.perf_counter() - clock, 3)


def _effective(book: Book, folder: BookFolder | None, options: RenderOptions) -> Effective:
    return resolve(book, folder.book_file if folder else None, options.given())


def _profiles(names: tuple[str, ...]) -> list[Profile]:
    """The profiles to render, by name (the effective setting)."""
    for name in names:
        if name not in PROFILES:
            raise BookError(unknown_profile_message(name))
    return [PROFILES[name] for name in names]


def _check_chapters(folder: Path, book: Book, options: RenderOptions) -> None:
    """Refuse a book with nothing to speak, and chapters asked for that it does not speak."""
    if not book.spoken_chapters():
        raise BookError(_("{folder} has no chapter to speak: check skip flags in {file}"
                          ).format(folder=folder, file=BOOK_FILE))
    spoken = [number for number, chapter in enumerate(book.chapters, 1) if not chapter.skip]
    absent = sorted(set(options.chapters or []) - set(spoken))
    if absent:
        chapters = {"folder": folder, "absent": ", ".join(map(str, absent)),
                    "chapters": _number_ranges(spoken), "file": BOOK_FILE}
        raise UsageError(
            _("{folder} has no chapter {absent} to render: its chapters are {chapters} (the "
              "others are skipped in {file})").format(**chapters)
            if len(spoken) < len(book.chapters) else
            _("{folder} has no chapter {absent} to render: its chapters are {chapters}"
              ).format(**chapters)
        )


def _number_ranges(numbers: list[int]) -> str:
    """Sorted numbers as runs: [1, 2, 3, 5] -> "1-3, 5"."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


@contextmanager
def _partial_files_removed(folder: Path) -> Iterator[None]:
    """Remove the files a run leaves half-written (`.<name>.part.<ext>`) in a book folder:
    a killed run's before, and this run's after it ends, complete, failed or interrupted."""

    def remove() -> None:
        for leftover in folder.rglob(PARTIAL_GLOB):
            leftover.unlink(missing_ok=True)

    remove()
    try:
        yield
    finally:
        remove()


def _speak(render: Render, profile: Profile, scripts: list[ChapterScript]
           ) -> dict[int, ChapterSpeech]:
    """Speak the chapters asked for and those never spoken at this rate; by chapter number."""
    folder, options = render.folder, render.options
    targets = {script.number: folder.chapter_speech(profile.rate_scale, script.number)
               for script in scripts}
    selected = [
        script for script in scripts
        if not options.chapters or script.number in options.chapters
        or not targets[script.number].audio.is_file()
    ]
    advance: list[Advance] = []
    spoken = speak(
        selected, [targets[script.number] for script in selected], folder.cache, render.jobs,
        profile.rate_scale, options.device, options.force, advance=lambda: advance[0](),
        on_plan=lambda total: advance.append(
            render.progress.step(_("Synthesizing utterances"), total)),
    )
    return dict(zip([script.number for script in selected], spoken, strict=True))


def _measure(render: Render, profile: Profile, scripts: list[ChapterScript]
             ) -> list[Mastering]:
    """Each chapter's mastering in this profile, measured or kept from its stamp."""
    folder = render.folder
    return measure_chapters(
        [folder.chapter_speech(profile.rate_scale, script.number) for script in scripts],
        [folder.measurement(profile, script.number) for script in scripts],
        profile, render.jobs, render.progress.step(_("Measuring chapters"), len(scripts)),
    )


def _package(render: Render, profile: Profile, scripts: list[ChapterScript],
             masterings: list[Mastering]) -> list[Path]:
    """The profile's deliverables from the chapters' masterings; their paths."""
    folder, options, progress = render.folder, render.options, render.progress
    chapters = [
        ChapterAudio(script.title, mastering, folder.master(profile, script.number),
                     ChapterTimings.read(
                         folder.chapter_speech(profile.rate_scale, script.number).timings))
        for script, mastering in zip(scripts, masterings, strict=True)
    ]
    return package(
        render.book, folder, chapters, profile, render.jobs, options.mp3_single,
        progress.step(_("Mastering and encoding ({profile})").format(profile=profile.name),
                      deliverable_count(profile, len(scripts), options.mp3_single)),
        lambda message: progress.note(f"{folder.name}: {message}"),
    )


def _chapter_reports(render: Render, profile: Profile, scripts: list[ChapterScript],
                     speech: dict[int, ChapterSpeech]) -> list[ChapterReport]:
    """What each chapter took: utterances synthesized now and from the cache, its seconds."""
    reports = []
    for script in scripts:
        source = render.folder.chapter_speech(profile.rate_scale, script.number).audio
        spoken = speech.get(script.number)
        reports.append(ChapterReport(
            number=script.number, title=script.title,
            utterances_synthesized=spoken.synthesized if spoken else 0,
            utterances_cached=spoken.cached if spoken else 0,
            duration_seconds=round(soundfile.info(str(source)).duration, 3),
        ))
    return reports


def render_fingerprint(folder: BookFolder, book: Book, options: RenderOptions,
                       effective: Effective) -> str:
    """What a complete render was made from: the book's files, the voices, the settings
    (`effective`: the render's, resolved once)."""
    digest = hashlib.sha256(__version__.encode())
    paths = [folder.book_file, folder.lexicon, *(folder.file(c.file) for c in book.chapters)]
    paths += [voice.path for voice in all_voices().values() if voice.path]
    for path in paths:
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes() if path.is_file() else b"-")
    settings = {**recorded(effective),
                "mp3_single": options.mp3_single, "chapters": options.chapters}
    digest.update(json.dumps(settings, sort_keys=True).encode())
    return digest.hexdigest()


def is_rendered(folder: BookFolder, book: Book, options: RenderOptions) -> bool:
    """Whether the last complete render of this folder used exactly these inputs and settings."""
    try:
        fingerprint = render_fingerprint(folder, book, options,
                                         _effective(book, folder, options))
        return is_fresh(folder.report, folder.complete, fingerprint)
    except OSError:
        return False


def cache_usage(out: Path) -> tuple[int, int, int]:
    """Entries, bytes, and entries still used by a book under `out`."""
    entries = UtteranceCache(cache_folder(out)).entries()
    used = _referenced_keys(out)
    return (len(entries), sum(path.stat().st_size for path in entries),
            sum(1 for path in entries if path.stem in used))


def prune_cache(out: Path) -> tuple[int, int]:
    """Remove cached utterances that no book under `out` uses any more."""
    return UtteranceCache(cache_folder(out)).prune(_referenced_keys(out))


def _referenced_keys(out: Path) -> set[str]:
    keys: set[str] = set()
    for timings in speech_timings(out):
        keys.update(cue.key for cue in ChapterTimings.read(timings).utterances)
    return keys


def say(text: str, target: Path, voice_name: str | None = None, device: str = "cpu",
        settings: Settings | None = None) -> float:
    """Speak a text through the same reading and voice path into a WAV (or MP3), mastered like the
    phone profile; return its seconds."""
    given = settings or Settings()
    given = replace(given, voice=voice_name or given.voice)
    engine = load_engine(checked_voice(resolve(given=given)), device=device)
    parts = []
    reading, lexicon = reading_rules(None, given)
    for utterance in read_chapter("", [text], reading, lexicon):
        parts += [engine.synthesize(utterance.spoken),
                  np.zeros(round(utterance.pause_after * engine.sample_rate), np.float32)]
    audio = np.concatenate(parts) if parts else np.zeros(0, np.float32)
    with tempfile.TemporaryDirectory() as work:
        raw = Path(work) / "say.flac"
        write_audio(raw, audio, engine.sample_rate)
        master_file(raw, target, PROFILES["phone"])
    return len(audio) / engine.sample_rate


@dataclass
class BatchResult:
    source: str
    book: str
    status: str  # rendered | unchanged | failed | planned
    chapters: int = 0
    duration_seconds: float = 0.0
    message: str = ""


def batch_sources(folder: Path) -> list[Path]:
    """Every supported document under `folder`, recursively, in a stable order."""
    return sorted(
        path for path in folder.rglob("*")
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def plan(source: Path, options: RenderOptions | None = None, password: str | None = None
         ) -> BatchResult:
    """What converting `source` would produce, without writing anything; the duration of its
    first profile's audio from its text as read and its voices' measured timing."""
    options = options or RenderOptions()
    extracted = extract(source, password)[0]
    effective = _effective(extracted, None, options)
    book = settled(extracted, effective)
    words = sum(len(text.split()) for c in book.chapters for text in [c.title, *c.paragraphs])
    profile = _profiles(effective.profiles)[0]
    scripts = chapter_scripts(book, reading_rules(None, options.given(), book), profile,
                              options.given().voice)
    seconds = estimated_seconds(scripts, profile.rate_scale, options.device)
    megabytes = seconds * DELIVERED_BYTES_PER_SECOND / 1e6
    return BatchResult(
        str(source), slugify(source.stem, 64), "planned", len(book.chapters), round(seconds, 1),
        _("{words} words, about {size} MB of M4B and MP3").format(
            words=words, size=decimal(megabytes)),
    )


DELIVERED_BYTES_PER_SECOND = 2 * 64_000 / 8  # M4B and MP3, 64 kbps each


def batch(
    folder: Path, out: Path, options: RenderOptions, password: str | None = None,
    dry_run: bool = False, progress: Progress | None = None,
    on_error: Callable[[Path, Exception], str] = lambda source, error: str(error),
) -> list[BatchResult]:
    """Convert every document under `folder`; one failure never stops the others."""
    progress = progress or Progress()
    sources = batch_sources(folder)
    advance = progress.step(_("Books"), len(sources))
    results = []
    for source in sources:
        try:
            if dry_run:
                results.append(plan(source, options, password))
                continue
            results.append(_batch_book(source, out, options, password, progress))
        except Exception as error:  # one bad book must not stop the batch
            results.append(BatchResult(str(source), slugify(source.stem, 64), "failed",
                                       message=on_error(source, error)))
        advance()
    if not dry_run:
        out.mkdir(parents=True, exist_ok=True)
        write_atomically(out / BATCH_REPORT_FILE, json.dumps(
            [asdict(result) for result in results], ensure_ascii=False, indent=2))
    return results


def _batch_book(source: Path, out: Path, options: RenderOptions, password: str | None,
                progress: Progress) -> BatchResult:
    """One document of a batch: extracted unless kept, rendered unless unchanged."""
    folder, book = _prepared(source, out, False, password, progress, False, options.jobs)
    if is_rendered(folder, book, options):
        progress.note(_("{file}: unchanged since its last render, skipped").format(
            file=source.name))
        status, reports = "unchanged", []
    else:
        status, reports = "rendered", _render(folder, book, options, progress)
    report = read_reports(folder.report)[0]
    return BatchResult(
        str(source), folder.name, status, len(report.chapters), round(report.duration, 1),
        _("{count} utterances synthesized").format(count=sum(r.synthesized for r in reports)),
    )
