"""The site folder: issue folders replaced whole (staged, then swapped in), audio linked
rather than copied, text files rewritten only when they change, and a manifest of what was
published from what."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import asdict
from pathlib import Path

from ..book import write_atomically
from .pages import IssueRecord

MANIFEST = ".published.json"


def link_or_copy(source: Path, target: Path) -> None:
    """A hard link where the site is on the same disk (no copy, never re-encoded), else a
    copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def write_if_changed(path: Path, text: str) -> bool:
    """Write atomically unless the file already says exactly this; return whether written."""
    if path.is_file() and path.read_bytes() == text.encode("utf-8"):
        return False
    write_atomically(path, text)
    return True


def staging_folder(site: Path, slug: str) -> Path:
    staging = site / f".staging-{slug}-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    return staging


def swap_in(staging: Path, target: Path) -> None:
    """Put a fully written issue folder in place of the old one: two renames, so a reader
    sees the old issue or the new one, never a half-written folder."""
    old = target.with_name(f".old-{target.name}-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def read_manifest(site: Path) -> dict[str, dict]:
    """slug → {"fingerprint": …, "record": IssueRecord fields}."""
    try:
        return json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def records(manifest: dict[str, dict]) -> list[IssueRecord]:
    """Every published issue, newest first."""
    found = [IssueRecord(**entry["record"]) for entry in manifest.values()]
    return sorted(found, key=IssueRecord.sort_key, reverse=True)


def write_manifest(site: Path, manifest: dict[str, dict]) -> None:
    write_if_changed(site / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1,
                                                sort_keys=True) + "\n")


def manifest_entry(fingerprint: str, record: IssueRecord) -> dict:
    return {"fingerprint": fingerprint, "record": asdict(record)}


def remove_leftovers(site: Path) -> None:
    """Staging and old folders a stopped run left behind."""
    for leftover in [*site.glob(".staging-*"), *site.glob(".old-*")]:
        shutil.rmtree(leftover, ignore_errors=True)
