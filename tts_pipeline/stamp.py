"""Freshness: an output is kept while the stamp beside it says it was made from exactly the
inputs it would be made from now (a JSON record of sizes, times, settings, digests)."""

from __future__ import annotations

import json
from pathlib import Path

from .book import write_atomically


def file_state(path: Path) -> list[int]:
    """What a stamp records of an input file: its size and modification time."""
    status = path.stat()
    return [status.st_size, status.st_mtime_ns]


def read_stamp(path: Path) -> object:
    """The JSON record of what an output was made from; None when absent or unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_stamp(path: Path, record: object, indent: int | None = None) -> None:
    write_atomically(path, json.dumps(record, ensure_ascii=False, indent=indent))


def holds(stamp: object, inputs: object, field: str | None = None) -> bool:
    """Whether a stamp as read (its `field`, when it records more) is the record of `inputs`;
    `inputs` is compared as it reads back from JSON, where tuples become lists."""
    if field is not None:
        stamp = stamp.get(field) if isinstance(stamp, dict) else None
    return stamp is not None and stamp == json.loads(json.dumps(inputs))


def is_fresh(output: Path, stamp: Path, inputs: object, field: str | None = None) -> bool:
    """Whether `output` exists and `stamp` says it was made from exactly `inputs`."""
    return output.is_file() and holds(read_stamp(stamp), inputs, field)
