"""Publish stage: the rendered books of an output folder as a static site for listeners —
an index, a page per issue, a podcast feed, QR codes — written incrementally and safely."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from .. import __version__
from ..book import BOOK_FILE
from .episode import Episode, PublishError, load_episode
from .pages import IssueRecord, chapters_json, feed, index_page, issue_page
from .qr import write_qr_codes
from .settings import PublishSettings
from .site import (
    link_or_copy,
    manifest_entry,
    read_manifest,
    records,
    remove_leftovers,
    staging_folder,
    swap_in,
    write_if_changed,
    write_manifest,
)

__all__ = ["PublishError", "PublishReport", "PublishSettings", "publish"]
ASSETS = ("site.css", "player.js")


@dataclass
class PublishReport:
    site: Path
    published: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)


def _code_version() -> str:
    """Changes when the templates, the player or this package's version change."""
    digest = hashlib.sha256(__version__.encode())
    package = resources.files(__name__)
    for folder in ("templates", "static"):
        for item in sorted(package.joinpath(folder).iterdir(), key=lambda entry: entry.name):
            digest.update(item.name.encode() + item.read_bytes())
    return digest.hexdigest()


def _fingerprint(episode: Episode, settings: PublishSettings, code: str) -> str:
    sources = [[path.name, status.st_size, status.st_mtime_ns]
               for path, status in ((path, path.stat()) for path in episode.sources())]
    return hashlib.sha256(json.dumps([sources, asdict(settings), code]).encode()).hexdigest()


def _write_issue(episode: Episode, settings: PublishSettings, folder: Path) -> None:
    """Every file of one issue's folder: audio linked, page, chapters, QR codes."""
    files = {"mp3": f"{episode.slug}.mp3", "subtitles": f"{episode.slug}.vtt",
             "m4b": f"{episode.slug}.m4b" if episode.m4b else "",
             "cover": "cover.jpg" if episode.cover else ""}
    sources = {"mp3": episode.mp3, "subtitles": episode.subtitles, "m4b": episode.m4b,
               "cover": episode.cover}
    for number, chapter in enumerate(episode.chapters, start=1):
        role = f"chapter {number}"
        files[role] = f"bai/{number:02d}.mp3" if chapter.audio else ""
        sources[role] = chapter.audio
    (folder / "bai").mkdir()
    sizes = {}
    for role, name in files.items():
        if name:
            link_or_copy(sources[role], folder / name)
            sizes[role] = (folder / name).stat().st_size
    (folder / "index.html").write_text(issue_page(episode, settings, files, sizes), "utf-8")
    (folder / "chapters.json").write_text(chapters_json(episode), "utf-8")
    write_qr_codes(settings.url(episode.slug, ""), folder)


def _record(episode: Episode, published: str) -> IssueRecord:
    return IssueRecord(
        slug=episode.slug, title=episode.title, edition=episode.edition,
        publisher=episode.publisher, date=episode.date, published=published,
        duration=round(episode.duration, 3), chapters=len(episode.chapters),
        mp3_bytes=episode.mp3.stat().st_size, has_cover=episode.cover is not None,
    )


def book_folders(output: Path) -> list[Path]:
    return sorted(path.parent for path in output.glob(f"*/{BOOK_FILE}"))


def publish(output: Path, settings: PublishSettings,
            advance: Callable[[], None] = lambda: None) -> PublishReport:
    """Publish every rendered book under `output` into the settings' site folder; an issue
    whose files did not change is left as it is, a changed one is replaced whole."""
    site = Path(settings.site)
    site.mkdir(parents=True, exist_ok=True)
    remove_leftovers(site)
    report, manifest, code = PublishReport(site), read_manifest(site), _code_version()
    for folder in book_folders(output):
        try:
            episode = load_episode(folder)
        except PublishError as error:
            report.failed.append((folder, str(error)))
            advance()
            continue
        fingerprint = _fingerprint(episode, settings, code)
        known = manifest.get(episode.slug)
        if known and known["fingerprint"] == fingerprint and (site / episode.slug).is_dir():
            report.unchanged.append(episode.slug)
        else:
            staging = staging_folder(site, episode.slug)
            try:
                _write_issue(episode, settings, staging)
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            swap_in(staging, site / episode.slug)
            published = known["record"]["published"] if known else datetime.now(
                UTC).isoformat(timespec="seconds")
            manifest[episode.slug] = manifest_entry(fingerprint, _record(episode, published))
            report.published.append(episode.slug)
        advance()
    listed = records(manifest)
    title = settings.title or next((r.publisher for r in listed if r.publisher), "Bản tin")
    author = settings.author or title
    static = resources.files(__name__).joinpath("static")
    for name in ASSETS:
        write_if_changed(site / "assets" / name, static.joinpath(name).read_text("utf-8"))
    write_if_changed(site / "index.html", index_page(listed, settings, title))
    write_if_changed(site / "feed.xml", feed(listed, settings, title, author))
    write_manifest(site, manifest)
    return report
