"""Encoding with ffmpeg: each chapter's master and files in one run, and the single MP3 of
the whole book. Every file is written under a temporary name and renamed when complete."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..book import Book, temporary_path, write_atomically
from ..stamp import file_state, is_fresh, write_stamp
from .chapter import ChapterAudio, Timeline
from .ffmpeg import MP3_ENCODER, encode_measured, run_ffmpeg
from .id3 import add_comment
from .tags import book_tags, ffmetadata, written_by_ffmpeg

AAC_FRAME = 1024
PODCAST_RATE = 44100
AAC_ENCODER = ["-c:a", "aac", "-aac_coder", "fast", "-b:a", "64k", "-f", "adts"]
FLAC_ENCODER = ["-c:a", "flac", "-sample_fmt", "s16"]
ENCODER_LOSS_DB = {".mp3": 0.4}  # 64 kbps MP3 reads 0.4-0.5 LU under its master
CORRECTIONS = 2  # extra runs when the limiter takes a master below the profile's target
PCM = ["-c:a", "pcm_s16le"]
TAGGED = (".mp3", ".flac")  # the AAC streams are tagged once joined into the M4B


def encoder_loss(target: Path) -> str:
    """The gain that makes up for the level this kind of file loses in its encoder."""
    return f"volume={ENCODER_LOSS_DB.get(target.suffix, 0.0):.2f}dB"


def cover_arguments(cover: Path | None, input_index: int) -> tuple[list[str], list[str]]:
    """The cover as an input and as the attached picture of the output."""
    if cover is None or not cover.is_file():
        return [], []
    return ["-i", str(cover)], [
        "-map", f"{input_index}:v", "-c:v", "copy", "-disposition:v:0", "attached_pic",
    ]


def finish(target: Path, tags: dict[str, str]) -> None:
    """Add what ffmpeg could not write, then move the finished file into place."""
    if target.suffix == ".mp3" and tags.get("comment"):
        add_comment(temporary_path(target), tags["comment"])
    os.replace(temporary_path(target), target)


@dataclass(frozen=True)
class ChapterEncoding:
    """What one chapter's files are made with besides its audio: tags and cover."""

    tags: dict[str, str]
    cover: Path | None
    cover_size: int = field(init=False)  # 0 when there is no cover; part of every stamp

    def __post_init__(self) -> None:
        size = self.cover.stat().st_size if self.cover and self.cover.is_file() else 0
        object.__setattr__(self, "cover_size", size)

    def inputs(self, audio: Path) -> list[str]:
        return ["-i", str(audio), *(["-i", str(self.cover)] if self.cover_size else [])]

    def output(self, target: Path, codec: list[str]) -> tuple[str, list[str]]:
        """(filter, arguments) of one file in an `encode_measured` run."""
        pictured = target.suffix == ".mp3" and bool(self.cover_size)
        tags = written_by_ffmpeg(self.tags, target.suffix) if target.suffix in TAGGED else {}
        return encoder_loss(target), [
            *(["-map", "1:v", "-c:v", "copy", "-disposition:v:0", "attached_pic",
               "-metadata:s:v", "comment=Cover (front)"] if pictured else []),
            "-map_metadata", "-1",
            *[item for key, value in tags.items() for item in ("-metadata", f"{key}={value}")],
            "-ac", "1", *codec, str(temporary_path(target)),
        ]

    def stamp(self, target: Path, codec: list[str], master: list[int]) -> dict:
        """What a file is made from: when it changes, the file is encoded again."""
        return {"master": master, "codec": codec,
                "tags": self.tags if target.suffix in TAGGED else {}, "cover": self.cover_size}


def _stamp_path(chapter: ChapterAudio, target: Path) -> Path:
    return chapter.master.with_name(f"{target.name}.json")


def _master_stamp(chapter: ChapterAudio) -> dict:
    return {"source": file_state(chapter.mastering.source), "chain": chapter.mastering.chain()}


def _master_and_encode(chapter: ChapterAudio, encoding: ChapterEncoding,
                       targets: list[tuple[Path, list[str]]]) -> None:
    """The raw speech through its mastering chain into the master and every file at once;
    again with more gain while the limiter leaves the master short of the target."""
    outputs = [("", [*PCM, str(temporary_path(chapter.master))])] + [
        encoding.output(target, codec) for target, codec in targets]
    correction = 0.0
    for _ in range(CORRECTIONS + 1):
        measured = encode_measured(encoding.inputs(chapter.mastering.source),
                                   chapter.mastering.chain(correction), outputs)
        missing = chapter.mastering.shortfall(measured)
        if missing is None:
            break
        correction += missing
    os.replace(temporary_path(chapter.master), chapter.master)
    write_stamp(_stamp_path(chapter, chapter.master), _master_stamp(chapter))


def encode_chapter(chapter: ChapterAudio, encoding: ChapterEncoding,
                   targets: list[tuple[Path, list[str]]]) -> None:
    """Every file of one chapter in one ffmpeg run, from the raw speech through the mastering
    chain, with a meter on the master. A file is kept while nothing it is made from changed
    (its stamp lies beside the master); a stale file of a kept master is encoded from it."""
    if is_fresh(chapter.master, _stamp_path(chapter, chapter.master), _master_stamp(chapter)):
        master = file_state(chapter.master)
        stale = [(target, codec) for target, codec in targets
                 if not is_fresh(target, _stamp_path(chapter, target),
                                 encoding.stamp(target, codec, master))]
        if not stale:
            return
        encode_measured(encoding.inputs(chapter.master), "",
                        [encoding.output(target, codec) for target, codec in stale])
    else:
        stale = targets
        _master_and_encode(chapter, encoding, stale)
    master = file_state(chapter.master)
    for target, codec in stale:
        finish(target, encoding.tags)
        write_stamp(_stamp_path(chapter, target), encoding.stamp(target, codec, master))


def single_mp3(book: Book, chapters: list[ChapterAudio], timeline: Timeline, build: Path,
               target: Path, cover: Path | None, bitrate: str) -> None:
    """The whole book as one MP3 with ID3 chapters (CHAP + CTOC, in time order), on the M4B's
    timeline: each chapter's master after the AAC stream's priming and padded to its stream's
    length, so the chapter marks and the subtitles fall on the same speech in both files.

    It is the podcast episode, at the 44.1 kHz podcast apps ask for; at that rate LAME's
    encoder delay (1105 samples) is 25 ms, so chapter marks stay on their speech both for
    readers that count the delay in CHAP times (ffmpeg, mpv) and for those that don't."""
    metadata = build / "mp3.ffmeta"
    write_atomically(metadata, ffmetadata(
        written_by_ffmpeg(book_tags(book), target.suffix),
        timeline.bounds([chapter.title for chapter in chapters]), timeline.rate))
    inputs = [item for chapter in chapters for item in ("-i", str(chapter.master))]
    graph = ";".join(f"[{index}:a]adelay={AAC_FRAME}S:all=1,apad=whole_len={length}[c{index}]"
                     for index, length in enumerate(timeline.lengths))
    graph += ";" + "".join(f"[c{index}]" for index in range(len(chapters)))
    graph += f"concat=n={len(chapters)}:v=0:a=1,aresample={PODCAST_RATE},"
    graph += f"{encoder_loss(target)}[book]"
    cover_input, cover_output = cover_arguments(cover, len(chapters) + 1)
    run_ffmpeg([
        *inputs, "-i", str(metadata), *cover_input, "-filter_complex", graph,
        "-map", "[book]", *cover_output, "-map_metadata", str(len(chapters)),
        "-map_chapters", str(len(chapters)), "-ac", "1", *MP3_ENCODER,
        "-b:a", bitrate, "-f", "mp3", str(temporary_path(target)),
    ])
    finish(target, book_tags(book))
