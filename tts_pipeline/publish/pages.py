"""The site's text files from templates: the index, a page per issue, the podcast feed and
each issue's Podcasting 2.0 chapters. Jinja2 escapes everything that goes into HTML and XML."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .episode import Episode
from .settings import PublishSettings

MONTHS = "tháng {month} năm {year}"


@dataclass(frozen=True)
class IssueRecord:
    """What the index and the feed need of a published issue, kept in the site's manifest
    so issues published earlier stay listed when their book folder is gone."""

    slug: str
    title: str
    edition: str
    publisher: str
    date: str
    published: str  # ISO time of the first publication; the feed's pubDate
    duration: float
    chapters: int
    mp3_bytes: int
    has_cover: bool

    def sort_key(self) -> tuple[str, str]:
        return (self.date, self.published)


def clock(seconds: float) -> str:
    """1:02:03 or 2:03."""
    minutes, second = divmod(round(seconds), 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours}:{minute:02d}:{second:02d}" if hours else f"{minute}:{second:02d}"


def spoken_duration(seconds: float) -> str:
    """"1 giờ 5 phút", "20 phút": a duration as a Vietnamese reader says it."""
    minutes = max(1, round(seconds / 60))
    hours, minute = divmod(minutes, 60)
    parts = ([f"{hours} giờ"] if hours else []) + ([f"{minute} phút"] if minute else [])
    return " ".join(parts)


def megabytes(size: int) -> str:
    return f"{size / 1e6:.1f}".replace(".", ",") + " MB"


def vietnamese_date(date: str) -> str:
    parts = date.split("-")
    if len(parts) >= 2:
        return MONTHS.format(month=int(parts[1]), year=parts[0])
    return f"năm {date}" if date else ""


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("tts_pipeline.publish", "templates"),
        autoescape=select_autoescape(["html", "xml"]), undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    environment.filters.update(clock=clock, spoken_duration=spoken_duration,
                               megabytes=megabytes, vietnamese_date=vietnamese_date)
    return environment


ENVIRONMENT = _environment()


def issue_page(episode: Episode, settings: PublishSettings, files: dict[str, str],
               sizes: dict[str, int]) -> str:
    """The issue's page; `files` maps roles (mp3, m4b, subtitles, cover, chapter N) to the
    names of the published files, `sizes` their sizes."""
    return ENVIRONMENT.get_template("issue.html").render(
        episode=episode, settings=settings, files=files, sizes=sizes,
        page_url=settings.url(episode.slug, ""),
    )


def index_page(records: list[IssueRecord], settings: PublishSettings, title: str) -> str:
    return ENVIRONMENT.get_template("index.html").render(
        records=records, settings=settings, title=title)


def feed(records: list[IssueRecord], settings: PublishSettings, title: str,
         author: str) -> str:
    """RSS 2.0 with the iTunes and Podcasting 2.0 namespaces, newest episode first."""
    return ENVIRONMENT.get_template("feed.xml").render(
        records=records, settings=settings, title=title, author=author,
        built=format_datetime(datetime.fromisoformat(records[0].published)) if records else "",
        rfc2822=lambda iso: format_datetime(datetime.fromisoformat(iso)),
    )


def chapters_json(episode: Episode) -> str:
    """Podcasting 2.0 JSON chapters (version 1.2.0)."""
    return json.dumps({
        "version": "1.2.0",
        "chapters": [{"startTime": round(chapter.start, 3), "title": chapter.title}
                     for chapter in episode.chapters],
    }, ensure_ascii=False, indent=1) + "\n"
