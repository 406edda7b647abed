"""A chapter's raw speech and its timings: where each utterance lies in the audio, written by
the speak stage beside it and read by the master and package stages."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from .stamp import write_stamp


@dataclass(frozen=True)
class SpeechFiles:
    """One chapter's raw speech and its timings (which stamp it)."""

    audio: Path
    timings: Path


@dataclass(frozen=True)
class Cue:
    """One utterance: its text as written and as spoken, its cache key, its seconds."""

    written: str
    spoken: str
    key: str
    start: float
    end: float


@dataclass(frozen=True)
class ChapterTimings:
    title: str
    sample_rate: int
    frames: int
    level: float  # the speech's estimated loudness, dB
    manifest: str  # a digest of what the audio was assembled from
    utterances: list[Cue]

    def write(self, path: Path) -> None:
        write_stamp(path, asdict(self), indent=1)

    @classmethod
    def read(cls, path: Path) -> ChapterTimings:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(**{**data, "utterances": [Cue(**cue) for cue in data["utterances"]]})


def read_timings(path: Path) -> ChapterTimings | None:
    """A chapter's timings; None when absent, unreadable or written by an older version."""
    try:
        return ChapterTimings.read(path)
    except (OSError, ValueError, TypeError, KeyError):
        return None
