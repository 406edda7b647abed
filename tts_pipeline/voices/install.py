"""Installing a catalogue voice: each file downloaded into the user's cache (resumed with an
HTTP Range request after an interruption) and checked against its published size and MD5,
then moved into the user's voices folder in one rename, and its voice file written last."""

from __future__ import annotations

import hashlib
import http.client
import os
import shlex
import shutil
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Protocol

import platformdirs
import tomli_w

from ..book import temporary_path, write_atomically
from ..i18n import _
from .base import VoiceError
from .catalogue import CATALOGUE, CatalogueVoice, RemoteFile
from .voice import APP, ENGINES, engine_installed, pip_install_command, user_voices_folder

CHUNK = 1 << 16
TIMEOUT_SECONDS = 30


def downloads_folder() -> Path:
    """Where files wait until they are whole and checked: the platform's cache folder."""
    return Path(platformdirs.user_cache_dir(APP)) / "downloads"


class Transfer(Protocol):
    """How a download shows its progress: start(file, total bytes or None, bytes already
    there) returns the function told of each chunk's size."""

    def start(self, description: str, total: int | None, done: int) -> Callable[[int], None]:
        ...


@dataclass(frozen=True)
class Installed:
    voice: CatalogueVoice
    toml: Path
    unverified: tuple[str, ...]  # files whose publisher lists no checksum


def catalogue_voice(name: str) -> CatalogueVoice:
    if name not in CATALOGUE:
        raise VoiceError(_("no voice named {name} can be installed: choose one of {names}")
                         .format(name=repr(name), names=", ".join(CATALOGUE)))
    return CATALOGUE[name]


def installed_file(voice: CatalogueVoice) -> Path | None:
    """The voice file of `voice` in the user's voices folder, when it is installed there."""
    toml = user_voices_folder() / f"{voice.name}.toml"
    return toml if toml.is_file() and (toml.parent / voice.name).is_dir() else None


def missing_extra(engine: str) -> str | None:
    """The pip extra to install before `engine` can speak; None when it is installed."""
    return None if engine_installed(engine) else ENGINES[engine].extra


def install_extra(extra: str) -> None:
    command = pip_install_command(extra)
    status = subprocess.run(command, check=False).returncode
    if status != 0:
        raise VoiceError(_("pip could not install the {extra} engine (exit status {status}): "
                           "run {command} yourself").format(
                               extra=extra, status=status, command=shlex.join(command)))


def _request(url: str, start: int) -> http.client.HTTPResponse:
    headers = {"User-Agent": f"{APP}/{version(APP)}"}
    if start:
        headers["Range"] = f"bytes={start}-"
    try:
        return urllib.request.urlopen(urllib.request.Request(url, headers=headers),
                                      timeout=TIMEOUT_SECONDS)
    except urllib.error.HTTPError as error:
        error.close()
        if error.code == 416 and start:  # asked for bytes past the end: start again
            raise
        raise VoiceError(_("the server answered {status} {reason} for {url}").format(
            status=error.code, reason=error.reason, url=url)) from None
    except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
        reason = getattr(error, "reason", None) or error
        host = urllib.parse.urlsplit(url).netloc
        raise VoiceError(_("cannot reach {host} ({reason}): check the network connection, "
                           "then run the same command again").format(host=host, reason=reason)
                         ) from None


def _resumed_from(response: http.client.HTTPResponse, start: int) -> int:
    """Where the response's bytes begin: `start` when the server honoured the Range request,
    0 when it sends the whole file."""
    if response.status != 206:
        return 0
    content_range = response.headers.get("Content-Range", "")
    first = content_range.removeprefix("bytes ").split("-")[0]
    return start if first == str(start) else -1


def download(url: str, expected: RemoteFile, partial: Path, transfer: Transfer) -> None:
    """Bring `partial` to the whole file, going on from the bytes it already holds."""
    start = partial.stat().st_size if partial.is_file() else 0
    if expected.size is not None and start == expected.size:
        return  # whole already: the last run stopped before checking it
    if expected.size is not None and start > expected.size:
        start = 0
    try:
        response = _request(url, start)
    except urllib.error.HTTPError:
        partial.unlink()
        response = _request(url, 0)
    with response:
        begin = _resumed_from(response, start)
        if begin < 0:
            raise VoiceError(_("the server sent another part of {file} than the one asked for: "
                               "run the same command again").format(file=expected.name))
        length = response.headers.get("Content-Length")
        total = begin + int(length) if length and length.isdigit() else expected.size
        advance = transfer.start(expected.name, total, begin)
        with partial.open("ab" if begin else "wb") as out:
            while True:
                try:
                    chunk = response.read(CHUNK)
                except (http.client.HTTPException, OSError):
                    break  # the size check below says the transfer stopped
                if not chunk:
                    break
                out.write(chunk)
                advance(len(chunk))
    whole = expected.size if expected.size is not None else total
    got = partial.stat().st_size
    if whole is not None and got < whole:
        raise VoiceError(_("the download of {file} stopped after {got} of {whole} bytes: run "
                           "the same command again to resume it").format(
                               file=expected.name, got=got, whole=whole))
    if expected.size is not None and got > expected.size:
        partial.unlink()
        raise VoiceError(_("{file} is {got} bytes, not the {size} published: removed it")
                         .format(file=expected.name, got=got, size=expected.size))


def file_digest(path: Path, algorithm: str) -> str:
    digest = hashlib.new(algorithm, usedforsecurity=False)
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def verify(partial: Path, expected: RemoteFile) -> None:
    """Refuse, and remove, a file whose MD5 is not the published one."""
    if expected.md5 is None:
        return
    got = file_digest(partial, "md5")
    if got != expected.md5:
        partial.unlink()
        raise VoiceError(_("{file} does not match its published checksum (MD5 {expected}, "
                           "downloaded {got}): removed it; run the command again, and report "
                           "it if this repeats").format(
                               file=expected.name, expected=expected.md5, got=got))


def fetch_all(voice: CatalogueVoice, transfer: Transfer) -> Path:
    """Every file of the voice, whole and checked, in its download folder."""
    staging = downloads_folder() / voice.name / voice.revision
    staging.mkdir(parents=True, exist_ok=True)
    for file in voice.files:
        done = staging / file.name
        if done.is_file():  # whole and checked by an earlier run
            continue
        partial = temporary_path(done)
        download(voice.url(file), file, partial, transfer)
        verify(partial, file)
        os.replace(partial, done)
    return staging


def voice_file(voice: CatalogueVoice, folder: Path) -> dict[str, object]:
    """The TOML of an installed voice: engine, options, licence and where it came from."""
    model = f"{voice.name}/{voice.model}" if voice.model else voice.name
    return {
        "name": voice.name, "engine": voice.engine, "language": "vi",
        "description": voice.description,
        "licence": voice.licence, "licence_note": voice.licence_note,
        "licence_url": voice.licence_url,
        "options": {"model": model, **voice.options},
        "source": {
            "repository": voice.repository, "revision": voice.revision,
            "url": voice.source_url(),
            "installed": datetime.now(UTC).isoformat(timespec="seconds"),
            "files": {
                file.name: {
                    "url": voice.url(file),
                    "size": (folder / file.name).stat().st_size,
                    **({"md5": file.md5} if file.md5 else {}),
                    "sha256": file_digest(folder / file.name, "sha256"),
                }
                for file in voice.files
            },
        },
    }


def install(voice: CatalogueVoice, transfer: Transfer, folder: Path | None = None
            ) -> Installed:
    """Download, check and install `voice`; nothing appears in the voices folder before
    every file is whole, and its voice file is written last."""
    folder = folder or user_voices_folder()
    staging = fetch_all(voice, transfer)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / voice.name
    building = temporary_path(target, f".{os.getpid()}")
    try:
        shutil.move(staging, building)
        description = voice_file(voice, building)
        if target.exists():
            shutil.rmtree(target)
        os.replace(building, target)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    toml = folder / f"{voice.name}.toml"
    write_atomically(toml, tomli_w.dumps(description))
    unverified = tuple(file.name for file in voice.files if file.md5 is None)
    return Installed(voice, toml, unverified)
