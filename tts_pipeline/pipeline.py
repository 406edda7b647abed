"""Orchestration: extract a document into a book folder, render a book folder into audio."""

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
from .audio.master import (
    PROFILES,
    Profile,
    master_file,
    measure_chapters,
    unknown_profile_message,
)
from .audio.package import ChapterAudio, deliverable_count, package
from .book import (
    BOOK_FILE,
    PARTIAL_GLOB,
    Book,
    BookError,
    assign_chapter_files,
    book_lock,
    file_sha256,
    read_book,
    slugify,
    temporary_path,
    write_atomically,
    write_book,
)
from .config import Effective, Settings, checked_voice, recorded, resolve, settled
from .extract import SUPPORTED_SUFFIXES, ExtractError, extract
from .extract.pdf import render_page
from .i18n import _, decimal
from .reading import Lexicon, Pauses, ReadingProfile, read_chapter, unknown_tokens
from .voices.synthesis import (
    ChapterScript,
    UtteranceCache,
    estimated_seconds,
    speak,
    write_audio,
)
from .voices.voice import all_voices, find_voice, load_engine, voice_folders

COVER_FILE = "cover.jpg"
COVER_MAX_PIXELS = 1400
LEXICON_FILE = "lexicon.tsv"
CACHE_FOLDER = ".cache"
COMPLETE_FILE = "build/complete.sha256"

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
class ChapterReport:
    number: int
    title: str
    utterances_synthesized: int
    utterances_cached: int
    duration_seconds: float


@dataclass
class RenderReport:
    book: str
    profile: str
    chapters: list[ChapterReport]
    outputs: list[str]
    stage_seconds: dict[str, float] = field(default_factory=dict)
    unknown_words: list[str] = field(default_factory=list)

    @property
    def synthesized(self) -> int:
        return sum(chapter.utterances_synthesized for chapter in self.chapters)

    @property
    def cached(self) -> int:
        return sum(chapter.utterances_cached for chapter in self.chapters)

    @property
    def duration(self) -> float:
        return sum(chapter.duration_seconds for chapter in self.chapters)


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
    folder = out / slugify(source.stem, 64)
    assign_chapter_files(book)
    if (folder / BOOK_FILE).is_file() and not force:
        edited = _edited_chapters(folder, book)
        if edited:
            raise ExtractError(_(
                "{folder} already has chapter files that differ from a fresh extraction "
                "({files}): keep your edits and run `render`, or pass --force").format(
                folder=folder, files=", ".join(edited)))
    folder.mkdir(parents=True, exist_ok=True)
    if source.suffix.lower() == ".pdf":
        _save_cover(source, folder / COVER_FILE, password)
        book.cover = COVER_FILE
    write_book(book, folder)
    return folder


def prepare_book(
    source: Path, out: Path, force: bool = False, password: str | None = None,
    progress: Progress | None = None, ocr: bool = False, jobs: int | None = None,
) -> Path:
    """The book folder of a document: extracted now, or kept as it is (with any edits) when it
    was extracted from this very file before."""
    folder = out / slugify(source.stem, 64)
    if not force and source.is_file() and (folder / BOOK_FILE).is_file():
        try:
            if read_book(folder).source_sha256 == file_sha256(source):
                return folder
        except BookError:
            pass
    return extract_to_folder(source, out, force, password, progress, ocr, jobs)


def _edited_chapters(folder: Path, book: Book) -> list[str]:
    edited = []
    for chapter in book.chapters:
        path = folder / chapter.file
        if path.is_file() and path.read_text(encoding="utf-8") != chapter.markdown():
            edited.append(chapter.file)
    return edited


def render_folder(
    folder: Path, options: RenderOptions | None = None, progress: Progress | None = None
) -> list[RenderReport]:
    """Render a book folder with each profile; return one report per profile."""
    options = options or RenderOptions()
    progress = progress or Progress()
    book = read_book(folder)
    effective = _effective(book, folder, options)
    book = settled(book, effective)
    profiles = _profiles(effective.profiles)
    checked_voice(effective)
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
    with book_lock(folder), _partial_files_removed(folder):
        reports = [
            _render_profile(book, folder, profile, options, progress) for profile in profiles
        ]
        write_atomically(
            folder / "render-report.json",
            json.dumps([asdict(report) for report in reports], ensure_ascii=False, indent=2),
        )
        write_atomically(folder / COMPLETE_FILE, render_fingerprint(folder, options))
    return reports


def _effective(book: Book, folder: Path | None, options: RenderOptions) -> Effective:
    return resolve(book, folder / BOOK_FILE if folder else None, options.given())


def _profiles(names: tuple[str, ...]) -> list[Profile]:
    """The profiles to render, by name (the effective setting)."""
    for name in names:
        if name not in PROFILES:
            raise BookError(unknown_profile_message(name))
    return [PROFILES[name] for name in names]


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


def render_fingerprint(folder: Path, options: RenderOptions) -> str:
    """What a complete render was made from: the book's files, the voices, the settings."""
    digest = hashlib.sha256(__version__.encode())
    book = read_book(folder)
    paths = [folder / BOOK_FILE, folder / LEXICON_FILE, *(folder / c.file for c in book.chapters)]
    paths += [voice.path for voice in all_voices().values() if voice.path]
    for path in paths:
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes() if path.is_file() else b"-")
    settings = {**recorded(_effective(book, folder, options)),
                "mp3_single": options.mp3_single, "chapters": options.chapters}
    digest.update(json.dumps(settings, sort_keys=True).encode())
    return digest.hexdigest()


def is_rendered(folder: Path, options: RenderOptions) -> bool:
    """Whether the last complete render of this folder used exactly these inputs and settings."""
    stamp = folder / COMPLETE_FILE
    try:
        return stamp.is_file() and stamp.read_text() == render_fingerprint(folder, options)
    except (BookError, OSError):
        return False


def reading_rules(folder: Path | None = None, given: Settings | None = None
                  ) -> tuple[ReadingProfile, Lexicon]:
    """The reading choices (the command line's, book.toml's [reading], the user's settings)
    and the lexicon: built-in entries, then voices/lexicon.tsv, then the book's lexicon.tsv,
    each overriding the one before."""
    files = [voices / LEXICON_FILE for voices in reversed(voice_folders())]
    if folder is None:
        return resolve(given=given).reading, Lexicon.load(*files)
    reading = resolve(read_book(folder), folder / BOOK_FILE, given).reading
    return reading, Lexicon.load(*files, folder / LEXICON_FILE)


def _scripts(book: Book, rules: tuple[ReadingProfile, Lexicon], profile: Profile,
             voice_name: str | None) -> list[ChapterScript]:
    """What each spoken chapter will say, with which voice; numbered as its chapter file."""
    reading, lexicon = rules
    pauses = Pauses().scaled(profile.pause_scale)

    def script(number: int, title: str, paragraphs: list[str], voice: str) -> ChapterScript:
        utterances = read_chapter(title, paragraphs, reading, lexicon, pauses)
        return ChapterScript(number, title or paragraphs[0], utterances, find_voice(voice))

    scripts = [
        script(number, chapter.title, chapter.paragraphs,
               voice_name or chapter.voice or book.voice)
        for number, chapter in enumerate(book.chapters, start=1) if not chapter.skip
    ]
    if profile.announcements:
        opening, closing = announcements(book)
        scripts.insert(0, script(0, "", [opening], voice_name or book.voice))
        scripts.append(script(len(book.chapters) + 1, "", [closing], voice_name or book.voice))
        scripts[0].title, scripts[-1].title = "Lời giới thiệu", "Lời kết"
    return scripts


def unknown_words(folder: Path) -> list[str]:
    """Tokens of the book's text that fell through to letter-by-letter spelling."""
    book = read_book(folder)
    _, lexicon = reading_rules(folder)
    found: dict[str, None] = {}
    for chapter in book.spoken_chapters():
        for text in [chapter.title, *chapter.paragraphs]:
            found.update(dict.fromkeys(unknown_tokens(text, lexicon)))
    return list(found)


def announcements(book: Book) -> tuple[str, str]:
    """Opening and closing lines for public loudspeakers, from the book's metadata; the
    ward's listeners are greeted by its name when it is known."""
    edition = f", {book.edition()}" if book.edition() else ""
    listeners = f"bà con nhân dân {book.ward}" if book.ward else "bà con"
    greeting = f"Kính thưa {listeners}. " if book.ward else ""
    publisher = f"{book.publisher} xin giới thiệu" if book.publisher else "Xin giới thiệu"
    opening = f"{greeting}{publisher} bản tin {book.title}{edition}."
    closing = f"Bản tin {book.title} đến đây là kết thúc. Cảm ơn {listeners} đã lắng nghe."
    return opening, closing


def _render_profile(
    book: Book, folder: Path, profile: Profile, options: RenderOptions, progress: Progress
) -> RenderReport:
    seconds: dict[str, float] = {}
    jobs = options.jobs or default_jobs()
    clock = time.perf_counter()
    scripts = _scripts(book, reading_rules(folder, options.given()), profile,
                       options.given().voice)
    seconds["read"] = time.perf_counter() - clock

    clock = time.perf_counter()
    build = folder / "build" / f"speech-{profile.rate_scale:g}"
    selected = [
        script for script in scripts
        if not options.chapters or script.number in options.chapters
        or not (build / f"{script.number:02d}.flac").is_file()
    ]
    advance: list[Advance] = []
    speech = dict(zip(
        [script.number for script in selected],
        speak(
            selected, build, folder.parent / CACHE_FOLDER, jobs, profile.rate_scale,
            options.device, options.force, advance=lambda: advance[0](),
            on_plan=lambda total: advance.append(
                progress.step(_("Synthesizing utterances"), total)),
        ),
        strict=True,
    ))
    seconds["speak"] = time.perf_counter() - clock

    clock = time.perf_counter()
    sources = [build / f"{script.number:02d}.flac" for script in scripts]
    masters = folder / "build" / profile.name
    masterings = measure_chapters(
        sources, masters, profile, jobs, progress.step(_("Measuring chapters"), len(scripts)),
    )
    seconds["master"] = time.perf_counter() - clock

    clock = time.perf_counter()
    chapter_audio = [
        ChapterAudio(script.title, mastering, masters / f"{script.number:02d}.wav",
                     build / f"{script.number:02d}.timings.json")
        for script, mastering in zip(scripts, masterings, strict=True)
    ]
    cover = folder / book.cover if book.cover else None
    outputs = package(
        book, chapter_audio, folder, profile, cover, jobs, options.mp3_single,
        progress.step(_("Mastering and encoding ({profile})").format(profile=profile.name),
                      deliverable_count(profile, len(scripts), options.mp3_single)),
        lambda message: progress.note(f"{folder.name}: {message}"),
    )
    seconds["package"] = time.perf_counter() - clock
    chapters = []
    for script, source in zip(scripts, sources, strict=True):
        spoken = speech.get(script.number)
        chapters.append(ChapterReport(
            number=script.number, title=script.title,
            utterances_synthesized=spoken.synthesized if spoken else 0,
            utterances_cached=spoken.cached if spoken else 0,
            duration_seconds=round(soundfile.info(str(source)).duration, 3),
        ))
    return RenderReport(
        book=book.title, profile=profile.name, chapters=chapters,
        outputs=[str(path.relative_to(folder)) for path in outputs],
        stage_seconds={name: round(value, 3) for name, value in seconds.items()},
        unknown_words=unknown_words(folder),
    )


def cache_usage(out: Path) -> tuple[int, int, int]:
    """Entries, bytes, and entries still used by a book under `out`."""
    entries = UtteranceCache(out / CACHE_FOLDER).entries()
    used = _referenced_keys(out)
    return (len(entries), sum(path.stat().st_size for path in entries),
            sum(1 for path in entries if path.stem in used))


def prune_cache(out: Path) -> tuple[int, int]:
    """Remove cached utterances that no book under `out` uses any more."""
    return UtteranceCache(out / CACHE_FOLDER).prune(_referenced_keys(out))


def _referenced_keys(out: Path) -> set[str]:
    keys: set[str] = set()
    for timings in out.glob("*/build/speech-*/*.timings.json"):
        cues = json.loads(timings.read_text(encoding="utf-8"))["utterances"]
        keys.update(cue["key"] for cue in cues)
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
    scripts = _scripts(book, reading_rules(None, options.given()), profile,
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
            book = prepare_book(source, out, password=password, progress=progress,
                                jobs=options.jobs)
            if is_rendered(book, options):
                progress.note(_("{file}: unchanged since its last render, skipped").format(
                    file=source.name))
                status, reports = "unchanged", []
            else:
                status, reports = "rendered", render_folder(book, options, progress)
            report = json.loads((book / "render-report.json").read_text(encoding="utf-8"))[0]
            results.append(BatchResult(
                str(source), book.name, status, len(report["chapters"]),
                round(sum(c["duration_seconds"] for c in report["chapters"]), 1),
                _("{count} utterances synthesized").format(
                    count=sum(r.synthesized for r in reports)),
            ))
        except Exception as error:  # one bad book must not stop the batch
            results.append(BatchResult(str(source), slugify(source.stem, 64), "failed",
                                       message=on_error(source, error)))
        advance()
    if not dry_run:
        out.mkdir(parents=True, exist_ok=True)
        write_atomically(out / "batch-report.json", json.dumps(
            [asdict(result) for result in results], ensure_ascii=False, indent=2))
    return results
