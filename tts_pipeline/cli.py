"""The `tts-pipeline` command line: thin wrappers around pipeline.py with rich progress."""

from __future__ import annotations

import difflib
import shlex
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
from typer.core import TyperGroup
from typer.exceptions import TyperException

from . import pipeline
from .audio.ffmpeg import FfmpegError
from .book import read_book
from .errors import UserError
from .reading import explain, normalize, unknown_tokens
from .voices.voice import VoiceError

console = Console(stderr=True, soft_wrap=True)
USER_ERRORS = (UserError, FfmpegError, OSError)
STOPPED = "stopped: run the same command again to continue; nothing finished is lost"
state = {"debug": False}


def _message(error: Exception) -> str:
    """The first line of a user error's message; anything else is an internal error."""
    first = (str(error).strip().splitlines() or [type(error).__name__])[0]
    if isinstance(error, USER_ERRORS):
        return first
    return f"internal error ({type(error).__name__}: {first}); rerun with --debug and report it"


def _fail(error: Exception) -> int:
    """Say in one line what failed (with --debug, raise it instead); return the exit status."""
    if state["debug"]:
        raise error
    console.print(f"[red]error:[/] {rich_escape(_message(error))}", highlight=False)
    if isinstance(error, USER_ERRORS):
        for line in str(error).strip().splitlines()[1:]:
            console.print(f"  {rich_escape(line)}", highlight=False)
    return 2 if isinstance(error, pipeline.UsageError) else 1


class OneLineErrors(TyperGroup):
    """The one place where a command's failure becomes a line and an exit status, and Ctrl-C
    (or ffmpeg stopped by it) becomes the line STOPPED and status 130."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        typed = bool(args)  # parsing empties the list
        try:
            return super().parse_args(ctx, args)
        except TyperException as error:
            if not typed:  # no command at all: the help is shown
                raise
            raise _mistyped(error, ctx) from None

    def invoke(self, ctx: typer.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            console.print(f"[yellow]{STOPPED}[/]")
            raise typer.Exit(130) from None
        except TyperException as error:
            raise _mistyped(error, ctx) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as error:
            raise typer.Exit(_fail(error)) from None


def _mistyped(error: TyperException, ctx: typer.Context) -> typer.Exit:
    """Say in one line what is wrong with the command typed; the exit that follows."""
    where = getattr(error, "ctx", None) or ctx
    console.print(f"[red]error:[/] {rich_escape(error.format_message())} (see "
                  f"`{where.command_path} --help`)", highlight=False)
    return typer.Exit(error.exit_code)


app = typer.Typer(
    cls=OneLineErrors, help="Turn Vietnamese bulletins (PDF) into chaptered audiobooks.",
    no_args_is_help=True, add_completion=False,
)

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


def _each(items: list[Path], work: Callable[[Path, RichProgress], None]) -> None:
    """Run `work` on every item; a failure is one line and does not stop the others."""
    status = 0
    with _progress() as progress:
        for item in items:
            try:
                work(item, progress)
            except Exception as error:  # one bad file must not stop the others
                status = max(status, _fail(error))
    raise typer.Exit(status)


def _summary(reports: list[pipeline.RenderReport], folder: Path) -> None:
    for report in reports:
        minutes, seconds = divmod(round(report.duration), 60)
        console.print(
            f"[green]done:[/] {rich_escape(str(folder))} ({report.profile}) — "
            f"{len(report.chapters)} chapters, "
            f"{minutes} min {seconds} s; utterances synthesized {report.synthesized}, "
            f"from cache {report.cached}"
        )
        if report.unknown_words:
            console.print(
                f"[yellow]note:[/] {len(report.unknown_words)} words will be spelled letter by "
                f"letter ({', '.join(report.unknown_words[:8])}…): add them to lexicon.tsv, "
                f"see `tts-pipeline read {rich_escape(shlex.quote(str(folder)))} --unknown`"
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
        console.print(f"[green]extracted:[/] {rich_escape(f'{file} → {folder}')} "
                      f"({len(book.chapters)} chapters by {book.chapters_found})")

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
        folder, reports = pipeline.convert(file, out, options, force, password, progress, ocr)
        _summary(reports, folder)

    _each(files, work)


def _batch_error(source: Path, error: Exception) -> str:
    """One line for a failed book; the traceback too with --debug."""
    if state["debug"]:
        console.print_exception()
    return _message(error)


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
        raise OSError(f"{folder} is not a folder: give the folder that holds the bulletins")
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
        book = read_book(path)
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
    text, folder = _read_source(source)
    reading, lexicon = pipeline.reading_rules(folder)
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
    """List every voice, whether it is usable here (its engine is built), and why not."""
    from .voices.voice import all_voices, load_engine

    table = Table("name", "engine", "usable", "description", "defined in")
    problems = []
    for voice in all_voices().values():
        usable = "yes"
        try:
            load_engine(voice)
        except VoiceError as error:
            usable = "no (below)"
            problems.append(str(error))
        table.add_row(voice.name, voice.engine, usable, voice.description,
                      str(voice.path or "built in"))
    Console(width=160).print(table)
    for problem in problems:
        console.print(f"[red]not usable:[/] {rich_escape(problem)}", highlight=False)


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
    seconds = pipeline.say(text, output, voice, device)
    console.print(f"[green]wrote:[/] {rich_escape(str(output))} ({seconds:.1f} s)")


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


@app.command("publish")
def publish_command(
    output: Annotated[Path, typer.Argument(help="Output folder with rendered books.")] = Path(
        "output"),
    site: Annotated[str | None, typer.Option("--site", help="Folder that receives the site.")
                    ] = None,
    base_url: Annotated[str | None, typer.Option(
        "--base-url", help="Where the site is served: https://…")] = None,
    title: Annotated[str | None, typer.Option("--title", help="The podcast's name.")] = None,
    author: Annotated[str | None, typer.Option("--author", help="The podcast's author.")] = None,
) -> None:
    """Publish rendered books as a site: index, a page per issue, podcast feed, QR codes.

    Books must be rendered with --mp3-single. The options are remembered in
    OUTPUT/publish.toml, so the next run needs none."""
    from .publish import book_folders, publish
    from .publish.settings import SETTINGS_FILE, merged_settings

    settings, saved = merged_settings(output, site=site, base_url=base_url, title=title,
                                      author=author)
    if saved:
        console.print(rich_escape(f"saved the settings to {output / SETTINGS_FILE}: next time "
                                  f"`tts-pipeline publish {shlex.quote(str(output))}` is enough"))
    with _progress() as progress:
        report = publish(output, settings,
                         progress.step("Publishing", len(book_folders(output))))
    for folder, message in report.failed:
        console.print(f"[red]not published:[/] {rich_escape(f'{folder}: {message}')}")
    console.print(f"[green]site:[/] {rich_escape(str(report.site))} — {len(report.published)} "
                  f"published, {len(report.unchanged)} unchanged; feed "
                  f"{settings.url('feed.xml')}")
    raise typer.Exit(1 if report.failed else 0)


@app.command("serve")
def serve_command(
    site: Annotated[Path, typer.Argument(help="Site folder written by `publish`.")],
    port: Annotated[int, typer.Option("--port", help="Port on this computer.")] = 8000,
) -> None:
    """Show the published site on this computer (http://127.0.0.1:PORT/) until Ctrl-C."""
    from .publish.serve import site_server

    if not (site / "index.html").is_file():
        raise OSError(f"{site} has no index.html: run `tts-pipeline publish` first")
    try:
        server = site_server(site, port=port)
    except OSError as error:
        raise OSError(f"cannot listen on port {port} ({error.strerror}): try --port 8080"
                      ) from None
    console.print(f"[green]serving[/] {rich_escape(str(site))} at "
                  f"http://127.0.0.1:{server.server_port}/ (Ctrl-C stops)")
    with server:
        server.serve_forever()


def run() -> None:
    app()
