"""The `tts-pipeline` command line: thin wrappers around pipeline.py with rich progress."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
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
from .book import BookError
from .extract import ExtractError
from .voices.voice import VoiceError

app = typer.Typer(
    help="Turn Vietnamese bulletins (PDF) into chaptered audiobooks.",
    no_args_is_help=True, add_completion=False,
)
console = Console(stderr=True)
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


def _summary(reports: list[pipeline.RenderReport], folder: Path) -> None:
    for report in reports:
        minutes, seconds = divmod(round(report.duration_seconds), 60)
        console.print(
            f"[green]done:[/] {folder} — {report.chapters} chapters, {minutes} min {seconds} s; "
            f"utterances synthesized {report.utterances_synthesized}, "
            f"from cache {report.utterances_cached}"
        )


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    state["debug"] = debug


@app.command("extract")
def extract_command(
    files: Annotated[list[Path], typer.Argument(help="PDF files.")],
    out: OutOption = Path("output"),
    force: Annotated[bool, typer.Option(help="Overwrite edited chapter files.")] = False,
    password: PasswordOption = None,
) -> None:
    """Write an editable book folder (book.toml + chapters/*.md) for each file."""
    failed = 0
    with _progress() as progress:
        for file in files:
            try:
                folder = pipeline.extract_to_folder(file, out, force, password, progress)
                console.print(f"[green]extracted:[/] {file} → {folder}")
            except USER_ERRORS as error:
                failed += 1
                _fail(error)
    raise typer.Exit(1 if failed else 0)


@app.command("render")
def render_command(
    folders: Annotated[list[Path], typer.Argument(help="Book folders made by `extract`.")],
    profile: ProfileOption = None,
    voice: VoiceOption = None,
    jobs: JobsOption = None,
) -> None:
    """Render book folders into audio, re-synthesizing only what changed."""
    failed = 0
    with _progress() as progress:
        for folder in folders:
            try:
                _summary(pipeline.render_folder(folder, profile, voice, jobs, progress), folder)
            except USER_ERRORS as error:
                failed += 1
                _fail(error)
    raise typer.Exit(1 if failed else 0)


@app.command("convert")
def convert_command(
    files: Annotated[list[Path], typer.Argument(help="PDF files.")],
    out: OutOption = Path("output"),
    profile: ProfileOption = None,
    voice: VoiceOption = None,
    jobs: JobsOption = None,
    force: Annotated[bool, typer.Option(help="Overwrite edited chapter files.")] = False,
    password: PasswordOption = None,
) -> None:
    """Extract and render: PDF in, audiobook out."""
    failed = 0
    with _progress() as progress:
        for file in files:
            try:
                folder = pipeline.extract_to_folder(file, out, force, password, progress)
                _summary(pipeline.render_folder(folder, profile, voice, jobs, progress), folder)
            except USER_ERRORS as error:
                failed += 1
                _fail(error)
    raise typer.Exit(1 if failed else 0)


@app.command("voices")
def voices_command() -> None:
    """List the voices this machine can use."""
    from .voices.voice import all_voices

    table = Table("name", "engine", "description", "defined in")
    for voice in all_voices().values():
        table.add_row(voice.name, voice.engine, voice.description, str(voice.path or "built in"))
    Console().print(table)


def run() -> None:
    try:
        app()
    except KeyboardInterrupt:
        console.print("[red]interrupted[/]")
        sys.exit(130)
