"""Subtitles and the transcript, timed from the chapter audio actually rendered."""

from __future__ import annotations

from ..book import Book
from .chapter import ChapterAudio, Timeline


def _timestamp(seconds: float, separator: str) -> str:
    milliseconds = round(seconds * 1000)
    hours, rest = divmod(milliseconds, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}{separator}{rest % 1000:03d}"


def subtitles(chapters: list[ChapterAudio], timeline: Timeline) -> tuple[str, str]:
    """WebVTT and SRT cues per utterance: the chapter's start in the delivered file, the
    codec's delay, and the utterance's place in the chapter audio (from sample counts)."""
    vtt, srt = ["WEBVTT", ""], []
    for chapter, offset in zip(chapters, timeline.starts(), strict=True):
        for cue in chapter.timings.utterances:
            start = offset + timeline.delay + cue.start
            end = offset + timeline.delay + cue.end
            vtt += [f"{_timestamp(start, '.')} --> {_timestamp(end, '.')}", cue.written, ""]
            srt += [str(len(srt) // 4 + 1),
                    f"{_timestamp(start, ',')} --> {_timestamp(end, ',')}", cue.written, ""]
    return "\n".join(vtt), "\n".join(srt)


def transcript(book: Book, chapters: list[ChapterAudio]) -> str:
    """The written text of the book, chapter by chapter, as the listener hears it."""
    lines = [book.title, ""]
    for chapter in chapters:
        cues = chapter.timings.utterances
        lines += [chapter.title, "=" * len(chapter.title), ""]
        if cues and cues[0].written == chapter.title:
            cues = cues[1:]
        lines += [" ".join(cue.written for cue in cues), ""]
    return "\n".join(lines)
