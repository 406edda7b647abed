"""The render report: what each profile's render made, written beside the book as JSON and
read back as the same dataclasses."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .book import write_atomically


@dataclass
class ChapterReport:
    number: int
    title: str
    utterances_synthesized: int
    utterances_cached: int
    duration_seconds: float


@dataclass
class RenderReport:
    book: str
    profile: str
    chapters: list[ChapterReport]
    outputs: list[str]
    stage_seconds: dict[str, float] = field(default_factory=dict)
    unknown_words: list[str] = field(default_factory=list)

    @property
    def synthesized(self) -> int:
        return sum(chapter.utterances_synthesized for chapter in self.chapters)

    @property
    def cached(self) -> int:
        return sum(chapter.utterances_cached for chapter in self.chapters)

    @property
    def duration(self) -> float:
        return sum(chapter.duration_seconds for chapter in self.chapters)


def write_reports(path: Path, reports: list[RenderReport]) -> None:
    """One report per profile, as a JSON list."""
    write_atomically(path, json.dumps([asdict(report) for report in reports],
                                      ensure_ascii=False, indent=2))


def read_reports(path: Path) -> list[RenderReport]:
    """The reports `write_reports` wrote."""
    return [
        RenderReport(**{**entry, "chapters": [ChapterReport(**c) for c in entry["chapters"]]})
        for entry in json.loads(path.read_text(encoding="utf-8"))
    ]
