"""The `tts-pipeline` command line: thin wrappers around pipeline.py with rich progress."""

from __future__ import annotations

import difflib
import errno
import shlex
import sys
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

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
from .cli_text import LanguageError, language_in, speak_typer, translate_tree, usage_message
from .errors import UserError
from .extract.chapters import METHODS
from .i18n import N_, _, decimal, ngettext, use
from .reading import explain, normalize, unknown_tokens
from .voices.voice import VoiceError

console = Console(stderr=True, soft_wrap=True)
USER_ERRORS = (UserError, FfmpegError, OSError)
STOPPED = N_("stopped: run the same command again to continue; nothing finished is lost")
state = {"debug": False}


def _said(style: str, label: str, text: str) -> str:
    """A line for the console: a label (translated) in colour, then the text, escaped."""
    return f"[{style}]{rich_escape(label)}[/] {rich_escape(text)}"


# What the system's errors mean, by errno, and what to do (their own text is the C library's
# English).
SYSTEM_ERRORS = {
    errno.ENOENT: N_("does not exist: check the path"),
    errno.EACCES: N_("permission denied: ask for access, or choose another folder"),
    errno.EPERM: N_("permission denied: ask for access, or choose another folder"),
    errno.ENOSPC: N_("the disk is full: free some space and run the same command again"),
    errno.EDQUOT: N_("the disk is full: free some space and run the same command again"),
    errno.EFBIG: N_("the file is too large for this disk: choose another folder"),
    errno.ENOTDIR: N_("a part of this path is a file, not a folder: choose another path"),
    errno.EISDIR: N_("is a folder, not a file: give a file"),
    errno.EROFS: N_("the disk is read-only: choose another folder"),
}


def _message(error: Exception) -> str:
    """The first line of a user error's message; anything else is an internal error."""
    if isinstance(error, OSError) and error.errno in SYSTEM_ERRORS:
        reason = _(SYSTEM_ERRORS[error.errno])
        return _("{path}: {reason}").format(path=error.filename, reason=reason) if (
            error.filename) else reason
    first = (str(error).strip().splitlines() or [type(error).__name__])[0]
    if isinstance(error, USER_ERRORS):
        return first
    return _("internal error ({kind}: {message}); rerun with --debug and report it").format(
        kind=type(error).__name__, message=first)


def _fail(error: Exception) -> int:
    """Say in one line what failed (with --debug, raise it instead); return the exit status."""
    if state["debug"]:
        raise error
    console.print(_said("red", _("error:"), _message(error)), highlight=False)
    if isinstance(error, USER_ERRORS):
        for line in str(error).strip().splitlines()[1:]:
            console.print(f"  {rich_escape(line)}", highlight=False)
    return 2 if isinstance(error, pipeline.UsageError) else 1


class OneLineErrors(TyperGroup):
    """The one place where a command's failure becomes a line and an exit status, and Ctrl-C
    (or ffmpeg stopped by it) becomes the line STOPPED and status 130; the language is chosen
    (--lang, else the environment) before anything is parsed or shown."""

    def main(self, args: Sequence[str] | None = None, *more: Any, **options: Any) -> Any:
        use()  # the environment's language, until --lang is read
        try:
            language, rest = language_in(sys.argv[1:] if args is None else args)
        except LanguageError as error:
            speak_typer()
            console.print(_said("red", _("error:"), str(error)), highlight=False)
            raise SystemExit(2) from None
        if language:
            use(language)
        speak_typer()
        translate_tree(self)
        return super().main(rest, *more, **options)

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
            console.print("[yellow]" + rich_escape(_(STOPPED)) + "[/]")
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
    console.print(_said("red", _("error:"), _("{message} (see `{help}`)").format(
        message=usage_message(error), help=f"{where.command_path} --help")), highlight=False)
    return typer.Exit(error.exit_code)


app = typer.Typer(
    cls=OneLineErrors, help=N_("Turn Vietnamese bulletins (PDF) into chaptered audiobooks."),
    no_args_is_help=True, add_completion=False,
)

FilesArgument = Annotated[list[Path], typer.Argument(
    metavar=N_("FILES"), help=N_("Documents: PDF, DOCX, TXT or Markdown."))]
OutOption = Annotated[Path, typer.Option("--out", "-o", help=N_("Folder that receives the books."))]
JobsOption = Annotated[
    int | None, typer.Option("--jobs", "-j", help=N_("Parallel workers (default: CPU cores)."))
]
ProfileOption = Annotated[
    list[str] | None, typer.Option("--profile", "-p", help=N_("Listening profile (repeatable)."))
]
VoiceOption = Annotated[str | None, typer.Option("--voice", help=N_("Voice name from voices/."))]
PasswordOption = Annotated[str | None, typer.Option("--password", help=N_("PDF password."))]
OcrOption = Annotated[
    bool, typer.Option("--ocr", help=N_("Read every PDF page by OCR, good text layer or not."))
]
Mp3SingleOption = Annotated[
    bool, typer.Option("--mp3-single", help=N_("Also one chaptered MP3 of the whole book."))
]
DeviceOption = Annotated[str, typer.Option("--device", help=N_("cpu or cuda (neural voices)."))]


class RichProgress(pipeline.Progress):
    def __init__(self, progress: Progress) -> None:
        self.progress = progress

    def step(self, description: str, total: int) -> pipeline.Advance:
        task = self.progress.add_task(description, total=total)
        return lambda: self.progress.advance(task)

    def note(self, message: str) -> None:
        self.progress.console.print(_said("yellow", _("warning:"), message))


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
        chapters = ngettext("{count} chapter", "{count} chapters", len(report.chapters))
        console.print(_said("green", _("done:"), _(
            "{folder} ({profile}) — {chapters}, {minutes} min {seconds} s; utterances "
            "synthesized {synthesized}, from cache {cached}").format(
            folder=folder, profile=report.profile,
            chapters=chapters.format(count=len(report.chapters)), minutes=minutes,
            seconds=seconds, synthesized=report.synthesized, cached=report.cached)))
        if report.unknown_words:
            count = len(report.unknown_words)
            console.print(_said("yellow", _("note:"), ngettext(
                "{count} word will be spelled letter by letter ({words}…): add it to "
                "lexicon.tsv, see `{command}`",
                "{count} words will be spelled letter by letter ({words}…): add them to "
                "lexicon.tsv, see `{command}`", count).format(
                count=count, words=", ".join(report.unknown_words[:8]),
                command=f"tts-pipeline read {shlex.quote(str(folder))} --unknown")))


def _chapters_found(found: str) -> str:
    """How extraction found the chapters ("outline, confidence 0.93"), in the user's words."""
    method, _comma, confidence = found.partition(", confidence ")
    if method not in METHODS or not confidence:
        return found
    try:
        value = decimal(float(confidence), 2)
    except ValueError:
        return found
    return _("{method}, confidence {confidence}").format(method=_(METHODS[method]),
                                                         confidence=value)


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help=N_("Show tracebacks."))] = False,
    lang: Annotated[str | None, typer.Option(
        "--lang", metavar="vi|en",
        help=N_("Language of the messages: vi or en (default: from LANGUAGE, LC_ALL, "
                "LC_MESSAGES or LANG; Vietnamese when they name none)."))] = None,
) -> None:
    # --lang is taken off the command line before parsing (OneLineErrors.main); it is declared
    # here so that --help shows it.
    state["debug"] = debug


@app.command("extract", help=N_(
    "Write an editable book folder (book.toml + chapters/*.md) for each file."))
def extract_command(
    files: FilesArgument,
    out: OutOption = Path("output"),
    force: Annotated[bool, typer.Option(help=N_("Overwrite edited chapter files."))] = False,
    password: PasswordOption = None,
    ocr: OcrOption = False,
    jobs: JobsOption = None,
) -> None:
    def work(file: Path, progress: RichProgress) -> None:
        folder = pipeline.extract_to_folder(file, out, force, password, progress, ocr, jobs)
        book = read_book(folder)
        chapters = ngettext("{count} chapter", "{count} chapters", len(book.chapters))
        console.print(_said("green", _("extracted:"), _(
            "{file} → {folder} ({chapters} by {method})").format(
            file=file, folder=folder, chapters=chapters.format(count=len(book.chapters)),
            method=_chapters_found(book.chapters_found))))

    _each(files, work)


@app.command("render", help=N_(
    "Render book folders into audio, re-synthesizing only what changed."))
def render_command(
    folders: Annotated[list[Path], typer.Argument(
        metavar=N_("FOLDERS"), help=N_("Book folders made by `extract`."))],
    profile: ProfileOption = None,
    voice: VoiceOption = None,
    jobs: JobsOption = None,
    chapter: Annotated[
        list[int] | None,
        typer.Option("--chapter", "-c", help=N_("Only these chapters (repeatable).")),
    ] = None,
    force: Annotated[
        bool, typer.Option(help=N_("Ignore the cache: synthesize everything."))
    ] = False,
    device: DeviceOption = "cpu",
    mp3_single: Mp3SingleOption = False,
) -> None:
    options = pipeline.RenderOptions(profile, voice, jobs, chapter, force, device, mp3_single)
    _each(folders, lambda folder, progress: _summary(
        pipeline.render_folder(folder, options, progress), folder))


@app.command("convert", help=N_("Extract and render: PDF in, audiobook out."))
def convert_command(
    files: FilesArgument,
    out: OutOption = Path("output"),
    profile: ProfileOption = None,
    voice: VoiceOption = None,
    jobs: JobsOption = None,
    force: Annotated[bool, typer.Option(help=N_("Overwrite edited chapter files."))] = False,
    password: PasswordOption = None,
    device: DeviceOption = "cpu",
    mp3_single: Mp3SingleOption = False,
    ocr: OcrOption = False,
) -> None:
    options = pipeline.RenderOptions(profile, voice, jobs, device=device, mp3_single=mp3_single)

    def work(file: Path, progress: RichProgress) -> None:
        folder = pipeline.prepare_book(file, out, force, password, progress, ocr, jobs)
        _summary(pipeline.render_folder(folder, options, progress), folder)

    _each(files, work)


def _batch_error(source: Path, error: Exception) -> str:
    """One line for a failed book; the traceback too with --debug."""
    if state["debug"]:
        console.print_exception()
    return _message(error)


BATCH_STATUSES = {
    "failed": ("red", N_("failed")), "unchanged": ("cyan", N_("unchanged")),
    "rendered": ("green", N_("rendered")), "planned": ("yellow", N_("planned")),
}


@app.command("batch", help=N_(
    "Convert every bulletin in a folder; books that did not change are skipped.\n\n"
    "Exit status: 0 when every book succeeded (or was unchanged), 1 when any failed, "
    "2 for a usage error."))
def batch_command(
    folder: Annotated[Path, typer.Argument(
        metavar=N_("FOLDER"), help=N_("Folder of bulletins (searched recursively)."))],
    out: OutOption = Path("output"),
    profile: ProfileOption = None,
    voice: VoiceOption = None,
    jobs: JobsOption = None,
    password: PasswordOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=N_("Only say what would be done."))
    ] = False,
    mp3_single: Mp3SingleOption = False,
) -> None:
    if not folder.is_dir():
        raise OSError(_("{folder} is not a folder: give the folder that holds the bulletins"
                        ).format(folder=folder))
    options = pipeline.RenderOptions(profile, voice, jobs, mp3_single=mp3_single)
    with _progress() as progress:
        results = pipeline.batch(folder, out, options, password, dry_run, progress, _batch_error)
    table = Table(_("book"), _("chapters"), _("audio"), _("status"), _("message"),
                  title=_("Batch"))
    for result in results:
        minutes, seconds = divmod(round(result.duration_seconds), 60)
        colour, status = BATCH_STATUSES[result.status]
        table.add_row(result.book, str(result.chapters), f"{minutes}:{seconds:02d}",
                      f"[{colour}]" + rich_escape(_(status)) + "[/]", result.message)
    Console(width=140).print(table)
    if not results:
        console.print(_said("yellow", _("warning:"), _(
            "no PDF, DOCX, TXT or Markdown file under {folder}").format(folder=folder)))
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
    for tag, _start, _end, start, end in matcher.get_opcodes():
        chunk = rich_escape(" ".join(words[start:end]))
        marked.append(chunk if tag == "equal" else f"[bold yellow]{chunk}[/]")
    return " ".join(part for part in marked if part)


@app.command("read", help=N_(
    "Show what the voice will say: each sentence as written and as spoken."))
def read_command(
    source: Annotated[
        str | None, typer.Argument(metavar=N_("SOURCE"), help=N_(
            "Text, a text file, or a book folder (default: stdin)."))
    ] = None,
    plain: Annotated[
        bool, typer.Option("--plain", help=N_("One spoken line per input line, nothing else."))
    ] = False,
    unknown: Annotated[
        bool, typer.Option("--unknown", help=N_("List the words that would be spelled out."))
    ] = False,
) -> None:
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


@app.command("voices", help=N_(
    "List every voice, whether it is usable here (its engine is built), and why not."))
def voices_command() -> None:
    from .voices.voice import all_voices, load_engine

    table = Table(_("name"), _("engine"), _("usable"), _("description"), _("defined in"))
    problems = []
    for voice in all_voices().values():
        usable = _("yes")
        try:
            load_engine(voice)
        except VoiceError as error:
            usable = _("no (below)")
            problems.append(str(error))
        table.add_row(voice.name, voice.engine, usable, voice.description,
                      str(voice.path or _("built in")))
    Console(width=160).print(table)
    for problem in problems:
        console.print(_said("red", _("not usable:"), problem), highlight=False)


@app.command("say", help=N_("Speak a sentence into a WAV file for a quick listen."))
def say_command(
    text: Annotated[str, typer.Argument(metavar=N_("TEXT"), help=N_("Vietnamese text to speak."))],
    voice: VoiceOption = None,
    output: Annotated[Path, typer.Option("--output", "-o", help=N_("WAV file to write."))] = Path(
        "say.wav"
    ),
    device: DeviceOption = "cpu",
) -> None:
    seconds = pipeline.say(text, output, voice, device)
    console.print(_said("green", _("wrote:"), _("{file} ({seconds} s)").format(
        file=output, seconds=decimal(seconds))))


cache_app = typer.Typer(help=N_("Inspect or prune the utterance cache (<out>/.cache)."))
app.add_typer(cache_app, name="cache")


@cache_app.command("stats", help=N_(
    "How many utterances are cached, their size, and how many books still use."))
def cache_stats(out: OutOption = Path("output")) -> None:
    entries, size, used = pipeline.cache_usage(out)
    Console().print(rich_escape(_("{entries} utterances, {size} MB; {used} used by books in "
                                  "{folder}").format(entries=entries, size=decimal(size / 1e6),
                                                     used=used, folder=out)))


@cache_app.command("prune", help=N_(
    "Delete cached utterances that no book under the output folder uses any more."))
def cache_prune(out: OutOption = Path("output")) -> None:
    files, size = pipeline.prune_cache(out)
    Console().print(_("removed {files} utterances, {size} MB").format(
        files=files, size=decimal(size / 1e6)))


@app.command("publish", help=N_(
    "Publish rendered books as a site: index, a page per issue, podcast feed, QR codes.\n\n"
    "Books must be rendered with --mp3-single. The options are remembered in "
    "OUTPUT/publish.toml, so the next run needs none."))
def publish_command(
    output: Annotated[Path, typer.Argument(
        metavar=N_("OUTPUT"), help=N_("Output folder with rendered books."))] = Path(
        "output"),
    site: Annotated[str | None, typer.Option("--site", help=N_("Folder that receives the site."))
                    ] = None,
    base_url: Annotated[str | None, typer.Option(
        "--base-url", help=N_("Where the site is served: https://…"))] = None,
    title: Annotated[str | None, typer.Option("--title", help=N_("The podcast's name."))] = None,
    author: Annotated[
        str | None, typer.Option("--author", help=N_("The podcast's author."))
    ] = None,
) -> None:
    from .publish import book_folders, publish
    from .publish.settings import SETTINGS_FILE, merged_settings

    settings, saved = merged_settings(output, site=site, base_url=base_url, title=title,
                                      author=author)
    if saved:
        console.print(rich_escape(_("saved the settings to {file}: next time `{command}` is "
                                    "enough").format(
            file=output / SETTINGS_FILE,
            command=f"tts-pipeline publish {shlex.quote(str(output))}")))
    with _progress() as progress:
        report = publish(output, settings,
                         progress.step(_("Publishing"), len(book_folders(output))))
    for folder, message in report.failed:
        console.print(_said("red", _("not published:"), f'{folder}: {message}'))
    console.print(_said("green", _("site:"), _(
        "{site} — {published} published, {unchanged} unchanged; feed {feed}").format(
        site=report.site, published=len(report.published), unchanged=len(report.unchanged),
        feed=settings.url("feed.xml"))))
    raise typer.Exit(1 if report.failed else 0)


@app.command("serve", help=N_(
    "Show the published site on this computer (http://127.0.0.1:PORT/) until Ctrl-C."))
def serve_command(
    site: Annotated[Path, typer.Argument(
        metavar=N_("SITE"), help=N_("Site folder written by `publish`."))],
    port: Annotated[int, typer.Option("--port", help=N_("Port on this computer."))] = 8000,
) -> None:
    from .publish.serve import site_server

    if not (site / "index.html").is_file():
        raise OSError(_("{folder} has no index.html: run `tts-pipeline publish` first"
                        ).format(folder=site))
    try:
        server = site_server(site, port=port)
    except OSError as error:
        raise OSError(_("cannot listen on port {port} ({reason}): try --port 8080").format(
            port=port, reason=error.strerror)) from None
    console.print(_said("green", _("serving"), _(
        "{folder} at {address} (Ctrl-C stops)").format(
        folder=site, address=f"http://127.0.0.1:{server.server_port}/")))
    with server:
        server.serve_forever()


def run() -> None:
    app()
