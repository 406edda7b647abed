"""What the package stage knows of each chapter, and where chapters lie in a book's files."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

from ..timings import ChapterTimings
from .master import Mastering


@dataclass
class ChapterAudio:
    """One chapter to package: how it is mastered, where its master goes, its timings."""

    title: str
    mastering: Mastering
    master: Path
    timings: ChapterTimings


@dataclass(frozen=True)
class Timeline:
    """The book's timeline: each chapter's length in samples at `rate`, and the codec's
    priming before each chapter's speech (seconds)."""

    lengths: list[int]
    rate: int
    delay: float = 0.0

    def bounds(self, titles: list[str]) -> list[tuple[str, int, int]]:
        """(title, first sample, end sample) of each chapter."""
        ends = list(itertools.accumulate(self.lengths))
        return [(title, end - length, end)
                for title, length, end in zip(titles, self.lengths, ends, strict=True)]

    def starts(self) -> list[float]:
        """Each chapter's start in seconds."""
        return [(end - length) / self.rate
                for length, end in zip(self.lengths, itertools.accumulate(self.lengths),
                                       strict=True)]
