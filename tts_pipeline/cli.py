"""The `tts-pipeline` command line: thin wrappers around pipeline.py with rich progress."""

from __future__ import annotations

import difflib
import errno
import shlex
import sys
import unicodedata
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape as rich_escape
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table
from typer.core import TyperGroup
from typer.exceptions import TyperException

from . import pipeline
from .audio.ffmpeg import FfmpegError
from .book import BOOK_FILE, Book, read_book
from .cli_text import LanguageError, language_in, speak_typer, translate_tree, usage_message
from .config import (
    KEYS,
    SettingError,
    command_line,
    file_settings,
    interface_language,
    resolve,
    set_setting,
    shown,
    unset_setting,
)
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
    return 2 if isinstance(error, pipeline.UsageError | SettingError) else 1


class OneLineErrors(TyperGroup):
    """The one place where a command's failure becomes a line and an exit status, and Ctrl-C
    (or ffmpeg stopped by it) becomes the line STOPPED and status 130; the language is chosen
    (--lang, else the environment) before anything is parsed or shown."""

    def main(self, args: Sequence[str] | None = None, *more: Any, **options: Any) -> Any:
        use(interface_language())  # the setting's or the environment's, until --lang is read
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
OutOption = Annotated[Path | None, typer.Option(
    "--out", "-o", help=N_("Folder that receives the books (default: the out setting, else "
                           "output)."))]
SetOption = Annotated[list[str] | None, typer.Option(
    "--set", metavar=N_("KEY=VALUE"), help=N_("A setting for this run only, such as "
                                          "publisher=\"…\" (repeatable; see `config`)."))]
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
    out: OutOption = None,
    force: Annotated[bool, typer.Option(help=N_("Overwrite edited chapter files."))] = False,
    password: PasswordOption = None,
    ocr: OcrOption = False,
    jobs: JobsOption = None,
) -> None:
    out = resolve(given=command_line(out=out)).out

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
    settings: SetOption = None,
) -> None:
    options = pipeline.RenderOptions(profile, voice, jobs, chapter, force, device, mp3_single,
                                     command_line(settings or []))
    _each(folders, lambda folder, progress: _summary(
        pipeline.render_folder(folder, options, progress), folder))


@app.command("convert", help=N_("Extract and render: PDF in, audiobook out."))
def convert_command(
    files: FilesArgument,
    out: OutOption = None,
    profile: ProfileOption = None,
    voice: VoiceOption = None,
    jobs: JobsOption = None,
    force: Annotated[bool, typer.Option(help=N_("Overwrite edited chapter files."))] = False,
    password: PasswordOption = None,
    device: DeviceOption = "cpu",
    mp3_single: Mp3SingleOption = False,
    ocr: OcrOption = False,
    settings: SetOption = None,
) -> None:
    given = command_line(settings or [], out=out)
    out = resolve(given=given).out
    options = pipeline.RenderOptions(profile, voice, jobs, device=device, mp3_single=mp3_single,
                                     settings=given)

    def work(file: Path, progress: RichProgress) -> None:
        folder, reports = pipeline.convert(file, out, options, force, password, progress, ocr)
        _summary(reports, folder)

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
    out: OutOption = None,
    profile: ProfileOption = None,
    voice: VoiceOption = None,
    jobs: JobsOption = None,
    password: PasswordOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=N_("Only say what would be done."))
    ] = False,
    mp3_single: Mp3SingleOption = False,
    settings: SetOption = None,
) -> None:
    if not folder.is_dir():
        raise OSError(_("{folder} is not a folder: give the folder that holds the bulletins"
                        ).format(folder=folder))
    given = command_line(settings or [], out=out)
    out = resolve(given=given).out
    options = pipeline.RenderOptions(profile, voice, jobs, mp3_single=mp3_single, settings=given)
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


def _read_source(source: str | None) -> tuple[str, Path | None, Book | None]:
    """The text to read, and the book folder whose rules apply with its book (None: the default
    rules)."""
    if source is None:
        return sys.stdin.read(), None, None
    path = Path(source)
    if path.is_dir():
        book = read_book(path)
        texts = [text for c in book.spoken_chapters() for text in [c.title, *c.paragraphs]]
        return "\n".join(texts), path, book
    if path.is_file():
        return path.read_text(encoding="utf-8"), None, None
    return source, None, None


def _highlight(written: str, spoken: str) -> str:
    """The spoken sentence with the words that differ from the written one in colour."""
    matcher = difflib.SequenceMatcher(None, written.split(), spoken.split(), autojunk=False)
    words = spoken.split()
    marked = []
    for tag, _written_start, _written_end, start, end in matcher.get_opcodes():
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
    text, folder, book = _read_source(source)
    reading, lexicon = pipeline.reading_rules(folder, book=book)
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


voices_app = typer.Typer(
    help=N_("List every voice, whether it is usable here (its engine is built), and why not; "
            "install a natural Vietnamese voice; try one."),
    invoke_without_command=True,
)
app.add_typer(voices_app, name="voices")


@voices_app.callback()
def voices_command(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is not None:
        return
    from .voices.catalogue import CATALOGUE
    from .voices.voice import all_voices, load_engine

    table = Table(_("name"), _("engine"), _("usable"), _("description"), _("defined in"))
    problems = []
    voices = all_voices()
    for voice in voices.values():
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
    installable = Table(_("voice"), _("engine"), _("size"), _("licence"), _("installed"),
                        title=_("Voices to install: tts-pipeline voices install NAME"))
    for entry in CATALOGUE.values():
        size = (_("{megabytes} MB").format(megabytes=round(entry.size / 1e6)) if entry.size
                else _("unknown"))
        installable.add_row(entry.name, entry.engine, size, _(entry.licence),
                            _("yes") if entry.name in voices else _("no"))
    Console(width=160).print(installable)


class RichTransfer:
    """Each download as a bar with bytes, speed and time left."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress

    def start(self, description: str, total: int | None, done: int) -> Callable[[int], None]:
        task = self.progress.add_task(description, total=total, completed=done)
        return lambda size: self.progress.advance(task, size)


def _offer_extra(engine: str, extra: str, agreed: bool) -> bool:
    """Install the engine's extra if the user agrees (--yes, or yes at the terminal); else
    say the command to run. True when it is installed now."""
    from .voices.install import install_extra
    from .voices.voice import pip_install_command

    command = shlex.join(pip_install_command(extra))
    if not agreed and sys.stdin.isatty():
        agreed = typer.confirm(_("The {engine} engine is not installed. Install it now "
                                 "({command})?").format(engine=engine, command=command))
    if not agreed:
        console.print(_("[yellow]The {engine} engine is not installed:[/] run {command}")
                      .format(engine=engine, command=rich_escape(command)), highlight=False)
        return False
    install_extra(extra)
    return True


@voices_app.command("install", help=N_(
    "Download a Vietnamese voice into your data folder, check it and set it up."))
def voices_install(
    name: Annotated[str, typer.Argument(
        metavar=N_("NAME"), help=N_("A voice listed by `tts-pipeline voices`."))],
    yes: Annotated[bool, typer.Option(
        "--yes", "-y", help=N_("Install the voice's engine too, without asking."))] = False,
    force: Annotated[bool, typer.Option(
        "--force", help=N_("Download the voice again even if it is installed."))] = False,
) -> None:
    from .voices.install import catalogue_voice, install, installed_file, missing_extra

    voice = catalogue_voice(name)
    already = installed_file(voice)
    if already and not force:
        console.print(_("{name} is already installed ({path}); --force downloads it again")
                      .format(name=voice.name, path=rich_escape(str(already))), highlight=False)
        return
    console.print(_("[bold]Licence:[/] {licence} — {note} ({url})").format(
        licence=voice.licence, note=_(voice.licence_note), url=voice.licence_url),
        highlight=False)
    extra = missing_extra(voice.engine)
    if extra:
        _offer_extra(voice.engine, extra, yes)
    with Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
                  TransferSpeedColumn(), TimeRemainingColumn(), console=console) as progress:
        installed = install(voice, RichTransfer(progress))
    for file in installed.unverified:
        console.print(_("[yellow]note:[/] {file} has no published checksum: only its length "
                        "was checked").format(file=file), highlight=False)
    console.print(_("[green]installed:[/] {name} → {path}").format(
        name=voice.name, path=rich_escape(str(installed.toml))), highlight=False)
    console.print(_("Try it: tts-pipeline voices try {name} \"Xin chào bà con.\"").format(
        name=voice.name), highlight=False)


@voices_app.command("try", help=N_(
    "Speak a sentence with a voice, write it to a file and play it."))
def voices_try(
    name: Annotated[str, typer.Argument(metavar=N_("NAME"), help=N_("An installed voice."))],
    text: Annotated[str, typer.Argument(metavar=N_("TEXT"), help=N_("Vietnamese text to speak."))],
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help=N_("WAV or MP3 file to write (default: NAME.wav)."))] = None,
    play: Annotated[bool, typer.Option(
        "--play/--no-play", help=N_("Play the file when a player is installed."))] = True,
    device: DeviceOption = "cpu",
) -> None:
    from .audio.play import play as play_file
    from .voices.catalogue import CATALOGUE
    from .voices.voice import all_voices

    if name in CATALOGUE and name not in all_voices():
        raise VoiceError(_("the voice {name} is not installed yet: run tts-pipeline voices "
                           "install {name}").format(name=name))
    target = out or Path(f"{name}.wav")
    if target.suffix.lower() not in (".wav", ".mp3"):
        raise pipeline.UsageError(_("{path}: --out must end in .wav or .mp3").format(
            path=target))
    seconds = pipeline.say(unicodedata.normalize("NFC", text), target, name, device)
    console.print(_("[green]wrote:[/] {path} ({seconds:.1f} s)").format(
        path=rich_escape(str(target)), seconds=seconds), highlight=False)
    if play and not play_file(target):
        console.print(_("no audio player found (ffplay, mpv, aplay…): open {path} to listen")
                      .format(path=rich_escape(str(target))), highlight=False)


@app.command("say", help=N_("Speak a sentence into a WAV file for a quick listen."))
def say_command(
    text: Annotated[str, typer.Argument(metavar=N_("TEXT"), help=N_("Vietnamese text to speak."))],
    voice: VoiceOption = None,
    output: Annotated[Path, typer.Option("--output", "-o", help=N_("WAV file to write."))] = Path(
        "say.wav"
    ),
    device: DeviceOption = "cpu",
    settings: SetOption = None,
) -> None:
    seconds = pipeline.say(text, output, voice, device, command_line(settings or []))
    console.print(_said("green", _("wrote:"), _("{file} ({seconds} s)").format(
        file=output, seconds=decimal(seconds))))


cache_app = typer.Typer(help=N_("Inspect or prune the utterance cache (<out>/.cache)."))
app.add_typer(cache_app, name="cache")


@cache_app.command("stats", help=N_(
    "How many utterances are cached, their size, and how many books still use."))
def cache_stats(out: OutOption = None) -> None:
    out = resolve(given=command_line(out=out)).out
    entries, size, used = pipeline.cache_usage(out)
    Console().print(rich_escape(_("{entries} utterances, {size} MB; {used} used by books in "
                                  "{folder}").format(entries=entries, size=decimal(size / 1e6),
                                                     used=used, folder=out)))


@cache_app.command("prune", help=N_(
    "Delete cached utterances that no book under the output folder uses any more."))
def cache_prune(out: OutOption = None) -> None:
    out = resolve(given=command_line(out=out)).out
    files, size = pipeline.prune_cache(out)
    Console().print(_("removed {files} utterances, {size} MB").format(
        files=files, size=decimal(size / 1e6)))


@app.command("publish", help=N_(
    "Publish rendered books as a site: index, a page per issue, podcast feed, QR codes.\n\n"
    "Books must be rendered with --mp3-single. The options are remembered in "
    "OUTPUT/publish.toml, so the next run needs none."))
def publish_command(
    output: Annotated[Path | None, typer.Argument(
        metavar=N_("OUTPUT"),
        help=N_("Output folder with rendered books (default: the out setting, else output)."),
        show_default=False)] = None,
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

    output = resolve(given=command_line(out=output)).out
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


CONFIG_USAGE = N_("config takes set KEY VALUE, unset KEY, or --explain [BOOK_FOLDER]: see "
                  "`tts-pipeline config --help`")


@app.command("config", help=N_(
    "Show your settings, what each is for and the file that keeps them; `set KEY VALUE` or "
    "`unset KEY` changes one; --explain shows each setting a run uses and where it comes "
    "from."))
def config_command(
    words: Annotated[list[str] | None, typer.Argument(
        metavar=N_("set KEY VALUE | unset KEY | BOOK_FOLDER"), show_default=False,
        help=N_("set KEY VALUE, unset KEY, or with --explain a book folder."))] = None,
    explain: Annotated[bool, typer.Option("--explain", help=N_(
        "Each setting's value and where it comes from: command line, book.toml, user config "
        "or built-in."))] = False,
) -> None:
    action, arguments = (words[0], words[1:]) if words else ("", [])
    if explain and len(words or []) <= 1:
        _explain(Path(action) if action else None)
    elif action == "set" and len(arguments) >= 2 and not explain:
        path, value = set_setting(arguments[0], " ".join(arguments[1:]))
        console.print(rich_escape(_("{key} = {value}, saved in {path}").format(
            key=arguments[0], value=shown(value), path=path)), highlight=False)
    elif action == "unset" and len(arguments) == 1 and not explain:
        path, removed = unset_setting(arguments[0])
        message = _("{key} removed from {path}") if removed else _("{key} was not set in {path}")
        console.print(rich_escape(message.format(key=arguments[0], path=path)), highlight=False)
    elif not words:
        _show_settings()
    else:
        raise SettingError(_(CONFIG_USAGE))


def _explain(folder: Path | None) -> None:
    """Each setting a run on `folder` (or on no book) uses, and the layer it comes from."""
    effective = resolve(read_book(folder), folder / BOOK_FILE) if folder else resolve()
    out = Console(highlight=False)
    for layer in dict.fromkeys(effective.sources.values()):
        if layer.path:
            out.print(rich_escape(_("{layer}: {path}").format(layer=_(layer.name),
                                                              path=layer.path)))
    table = Table(_("setting"), _("value"), _("from"))
    for key in KEYS:
        table.add_row(key, rich_escape(shown(effective.value(key))),
                      _(effective.sources[key].name))
    out.print(table)


def _show_settings() -> None:
    """Every setting with its value in the user's file, and what it is for."""
    path, values = file_settings()
    out = Console(highlight=False)
    out.print(rich_escape(_("settings file: {path}").format(path=path)
                          + ("" if path.is_file() else " " + _("(not written yet)"))))
    table = Table(_("setting"), _("value"), _("what it is"))
    for key, meaning in KEYS.items():
        table.add_row(key, rich_escape(shown(values[key])) if key in values else "", _(meaning))
    for key in [key for key in values if key not in KEYS]:
        table.add_row(key, rich_escape(shown(values[key])), _("not a setting: remove it"))
    out.print(table)
    out.print(_("Change one: tts-pipeline config set KEY VALUE; see where each comes from: "
                "tts-pipeline config --explain [BOOK_FOLDER]"))


def run() -> None:
    app()
