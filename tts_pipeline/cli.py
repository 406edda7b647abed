"""The `tts-pipeline` command line: thin wrappers around pipeline.py with rich progress."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape as rich_escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from . import pipeline
from .audio.ffmpeg import FfmpegError
from .book import BookError, read_book
from .extract import ExtractError
from .reading import explain, normalize, unknown_tokens
from .voices.voice import VoiceError

app = typer.Typer(
    help="Turn Vietnamese bulletins (PDF) into chaptered audiobooks.",
    no_args_is_help=True, add_completion=False,
)
console = Console(stderr=True, soft_wrap=True)
USER_ERRORS = (ExtractError, BookError, VoiceError, FfmpegError, OSError)
state = {"debug": False}

OutOption = Annotated[Path, typer.Option("--out", "-o", help="Folder that receives the books.")]
JobsOption = Annotated[
    int | None, typer.Option("--jobs", "-j", help="Parallel workers (default: CPU cores).")
]
ProfileOption = Annotated[
    list[str] | None, typer.Option("--profile", "-p", help="Listening profile (repeatable).")
]
VoiceOption = Annotated[str | None, typer.Option("--voice", help="Voice name from voices/.")]
PasswordOption = Annotated[str | None, typer.Option("--password", help="PDF password.")]
OcrOption = Annotated[
    bool, typer.Option("--ocr", help="Read every PDF page by OCR, good text layer or not.")
]
Mp3SingleOption = Annotated[
    bool, typer.Option("--mp3-single", help="Also one chaptered MP3 of the whole book.")
]
DeviceOption = Annotated[str, typer.Option("--device", help="cpu or cuda (neural voices).")]


class RichProgress(pipeline.Progress):
    def __init__(self, progress: Progress) -> None:
        self.progress = progress

    def step(self, description: str, total: int) -> pipeline.Advance:
        task = self.progress.add_task(description, total=total)
        return lambda: self.progress.advance(task)

    def note(self, message: str) -> None:
        self.progress.console.print(f"[yellow]warning:[/] {message}")


@contextmanager
def _progress():
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), TimeRemainingColumn(), console=console, transient=False,
    ) as progress:
        yield RichProgress(progress)


def _fail(error: Exception) -> None:
    if state["debug"]:
        raise error
    message = str(error).strip().splitlines()
    console.print(f"[red]error:[/] {message[0] if message else type(error).__name__}")
    for line in message[1:]:
        console.print(f"  {line}", highlight=False)


def _each(items: list[Path], work: Callable[[Path, RichProgress], None]) -> None:
    """Run `work` on every item; a failure is one line and does not stop the others."""
    failed = 0
    with _progress() as progress:
        for item in items:
            try:
                work(item, progress)
            except USER_ERRORS as error:
                failed += 1
                _fail(error)
    raise typer.Exit(1 if failed else 0)


def _summary(reports: list[pipeline.RenderReport], folder: Path) -> None:
    for report in reports:
        minutes, seconds = divmod(round(report.duration), 60)
        console.print(
            f"[green]done:[/] {folder} ({report.profile}) — {len(report.chapters)} chapters, "
            f"{minutes} min {seconds} s; utterances synthesized {report.synthesized}, "
            f"from cache {report.cached}"
        )
        if report.unknown_words:
            console.print(
                f"[yellow]note:[/] {len(report.unknown_words)} words will be spelled letter by "
                f"letter ({', '.join(report.unknown_words[:8])}…): add them to lexicon.tsv, "
                f"see `tts-pipeline read {folder} --unknown`"
            )


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    state["debug"] = debug


@app.command("extract")
def extract_command(
    files: Annotated[list[Path], typer.Argument(help="Documents: PDF, DOCX, TXT or Markdown.")],
    out: OutOption = Path("output"),
    force: Annotated[bool, typer.Option(help="Overwrite edited chapter files.")] = False,
    password: PasswordOption = None,
    ocr: OcrOption = False,
    jobs: JobsOption = None,
) -> None:
    """Write an editable book folder (book.toml + chapters/*.md) for each file."""

    def work(file: Path, progress: RichProgress) -> None:
        folder = pipeline.extract_to_folder(file, out, force, password, progress, ocr, jobs)
        book = read_book(folder)
        console.print(f"[green]extracted:[/] {file} → {folder} ({len(book.chapters)} chapters "
                      f"by {book.chapters_found})")

    _each(files, work)


@app.command("render")
def render_command(
    folders: Annotated[list[Path], typer.Argument(help="Book folders made by `extract`.")],
    profile: ProfileOption = None,
    voice: VoiceOption = None,
    jobs: JobsOption = None,
    chapter: Annotated[
        list[int] | None, typer.Option("--chapter", "-c", help="Only these chapters (repeatable).")
    ] = None,
    force: Annotated[bool, typer.Option(help="Ignore the cache: synthesize everything.")] = False,
    device: DeviceOption = "cpu",
    mp3_single: Mp3SingleOption = False,
) -> None:
    """Render book folders into audio, re-synthesizing only what changed."""
    options = pipeline.RenderOptions(profile, voice, jobs, chapter, force, device, mp3_single)
    _each(folders, lambda folder, progress: _summary(
        pipeline.render_folder(folder, options, progress), folder))


@app.command("convert")
def convert_command(
    files: Annotated[list[Path], typer.Argument(help="Documents: PDF, DOCX, TXT or Markdown.")],
    out: OutOption = Path("output"),
    profile: ProfileOption = None,
    voice: VoiceOption = None,
    jobs: JobsOption = None,
    force: Annotated[bool, typer.Option(help="Overwrite edited chapter files.")] = False,
    password: PasswordOption = None,
    device: DeviceOption = "cpu",
    mp3_single: Mp3SingleOption = False,
    ocr: OcrOption = False,
) -> None:
    """Extract and render: PDF in, audiobook out."""
    options = pipeline.RenderOptions(profile, voice, jobs, device=device, mp3_single=mp3_single)

    def work(file: Path, progress: RichProgress) -> None:
        folder = pipeline.prepare_book(file, out, force, password, progress, ocr, jobs)
        _summary(pipeline.render_folder(folder, options, progress), folder)

    _each(files, work)


def _batch_error(source: Path, error: Exception) -> str:
    """One line for a failed book; the traceback too with --debug."""
    if state["debug"]:
        console.print_exception()
    first = (str(error).strip().splitlines() or [type(error).__name__])[0]
    if isinstance(error, USER_ERRORS):
        return first
    return f"internal error ({type(error).__name__}: {first}); rerun with --debug and report it"


@app.command("batch")
def batch_command(
    folder: Annotated[Path, typer.Argument(help="Folder of bulletins (searched recursively).")],
    out: OutOption = Path("output"),
    profile: ProfileOption = None,
    voice: VoiceOption = None,
    jobs: JobsOption = None,
    password: PasswordOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Only say what would be done.")
    ] = False,
    mp3_single: Mp3SingleOption = False,
) -> None:
    """Convert every bulletin in a folder; books that did not change are skipped.

    Exit status: 0 when every book succeeded (or was unchanged), 1 when any failed,
    2 for a usage error."""
    if not folder.is_dir():
        _fail(OSError(f"{folder} is not a folder: give the folder that holds the bulletins"))
        raise typer.Exit(1)
    options = pipeline.RenderOptions(profile, voice, jobs, mp3_single=mp3_single)
    with _progress() as progress:
        results = pipeline.batch(folder, out, options, password, dry_run, progress, _batch_error)
    table = Table("book", "chapters", "audio", "status", "message", title="Batch")
    colours = {"failed": "red", "unchanged": "cyan", "rendered": "green", "planned": "yellow"}
    for result in results:
        minutes, seconds = divmod(round(result.duration_seconds), 60)
        table.add_row(result.book, str(result.chapters), f"{minutes}:{seconds:02d}",
                      f"[{colours[result.status]}]{result.status}[/]", result.message)
    Console(width=140).print(table)
    if not results:
        console.print(f"[yellow]warning:[/] no PDF, DOCX, TXT or Markdown file under {folder}")
    raise typer.Exit(1 if any(result.status == "failed" for result in results) else 0)


def _read_source(source: str | None) -> tuple[str, Path | None]:
    """The text to read, and the book folder whose rules apply (None: the default rules)."""
    if source is None:
        return sys.stdin.read(), None
    path = Path(source)
    if path.is_dir():
        book = pipeline.read_book(path)
        texts = [text for c in book.spoken_chapters() for text in [c.title, *c.paragraphs]]
        return "\n".join(texts), path
    if path.is_file():
        return path.read_text(encoding="utf-8"), None
    return source, None


def _highlight(written: str, spoken: str) -> str:
    """The spoken sentence with the words that differ from the written one in colour."""
    matcher = difflib.SequenceMatcher(None, written.split(), spoken.split(), autojunk=False)
    words = spoken.split()
    marked = []
    for tag, _, _, start, end in matcher.get_opcodes():
        chunk = rich_escape(" ".join(words[start:end]))
        marked.append(chunk if tag == "equal" else f"[bold yellow]{chunk}[/]")
    return " ".join(part for part in marked if part)


@app.command("read")
def read_command(
    source: Annotated[
        str | None, typer.Argument(help="Text, a text file, or a book folder (default: stdin).")
    ] = None,
    plain: Annotated[
        bool, typer.Option("--plain", help="One spoken line per input line, nothing else.")
    ] = False,
    unknown: Annotated[
        bool, typer.Option("--unknown", help="List the words that would be spelled out.")
    ] = False,
) -> None:
    """Show what the voice will say: each sentence as written and as spoken."""
    try:
        text, folder = _read_source(source)
        reading, lexicon = pipeline.reading_rules(folder)
    except USER_ERRORS as error:
        _fail(error)
        raise typer.Exit(1) from None
    out = Console(highlight=False, soft_wrap=True)
    if plain:
        for line in text.splitlines():
            print(normalize(line, reading, lexicon))
    elif unknown:
        for token in dict.fromkeys(unknown_tokens(text, lexicon)):
            print(token)
    else:
        for written, spoken in explain(text, reading, lexicon):
            out.print(f"[dim]{rich_escape(written)}[/]\n  → {_highlight(written, spoken)}")


@app.command("voices")
def voices_command() -> None:
    """List every voice, whether it is usable here, and why not."""
    from .voices.voice import all_voices, why_unusable

    table = Table("name", "engine", "usable", "description", "defined in")
    for voice in all_voices().values():
        problem = why_unusable(voice)
        table.add_row(voice.name, voice.engine, "yes" if problem is None else f"no: {problem}",
                      voice.description, str(voice.path or "built in"))
    Console(width=160).print(table)


@app.command("say")
def say_command(
    text: Annotated[str, typer.Argument(help="Vietnamese text to speak.")],
    voice: VoiceOption = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="WAV file to write.")] = Path(
        "say.wav"
    ),
    device: DeviceOption = "cpu",
) -> None:
    """Speak a sentence into a WAV file for a quick listen."""
    try:
        seconds = pipeline.say(text, output, voice, device)
    except USER_ERRORS as error:
        _fail(error)
        raise typer.Exit(1) from None
    console.print(f"[green]wrote:[/] {output} ({seconds:.1f} s)")


cache_app = typer.Typer(help="Inspect or prune the utterance cache (<out>/.cache).")
app.add_typer(cache_app, name="cache")


@cache_app.command("stats")
def cache_stats(out: OutOption = Path("output")) -> None:
    """How many utterances are cached, their size, and how many books still use."""
    entries, size, used = pipeline.cache_usage(out)
    Console().print(f"{entries} utterances, {size / 1e6:.1f} MB; {used} used by books in {out}")


@cache_app.command("prune")
def cache_prune(out: OutOption = Path("output")) -> None:
    """Delete cached utterances that no book under the output folder uses any more."""
    files, size = pipeline.prune_cache(out)
    Console().print(f"removed {files} utterances, {size / 1e6:.1f} MB")


def run() -> None:
    try:
        app()
    except KeyboardInterrupt:
        console.print("[red]interrupted[/]")
        sys.exit(130)
