"""What goes into the files besides audio: tags, ffmpeg's metadata documents, file names."""

from __future__ import annotations

import re
import unicodedata

from ..book import Book


def escape_ffmetadata(value: str) -> str:
    """Escape '=', ';', '#', '\\' and newlines as ffmpeg's metadata format requires."""
    return re.sub(r"([=;#\\\n])", r"\\\1", value)


def safe_file_name(title: str, max_length: int = 80) -> str:
    """A title as a file name: no path separators, control characters or reserved symbols."""
    text = "".join(ch for ch in title if unicodedata.category(ch)[0] != "C")
    text = re.sub(r'[\\/:*?"<>|]+', " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    if len(text.encode("utf-8")) > max_length:  # cut after a whole word, if there is one
        cut = text.encode("utf-8")[:max_length].decode("utf-8", "ignore")
        at_boundary = text[len(cut)] == " " or " " not in cut
        text = (cut if at_boundary else cut.rsplit(" ", 1)[0]).rstrip(" ,;:–-")
    return text.strip(" .") or "chapter"


def book_tags(book: Book) -> dict[str, str]:
    """The whole book's tags; the ward, when known, is the album artist, so that a player
    files every issue under it."""
    return {
        "title": book.title,
        "album": book.title,
        "artist": book.publisher,
        "album_artist": book.ward or book.publisher,
        "genre": "Audiobook",
        "date": book.date[:4],
        "comment": book.edition(),
        "language": "vie",
    }


def written_by_ffmpeg(tags: dict[str, str], suffix: str) -> dict[str, str]:
    """The tags ffmpeg writes well into this kind of file: an MP3's comment is added after
    (ffmpeg would file it as TXXX)."""
    return {key: value for key, value in tags.items()
            if value and not (key == "comment" and suffix == ".mp3")}


def ffmetadata(tags: dict[str, str], chapters: list[tuple[str, int, int]], rate: int) -> str:
    """An ffmetadata document; chapter bounds in samples (TIMEBASE 1/rate), exact to the sample."""
    lines = [";FFMETADATA1"]
    lines += [f"{key}={escape_ffmetadata(value)}" for key, value in tags.items() if value]
    for title, start, end in chapters:
        lines += ["[CHAPTER]", f"TIMEBASE=1/{rate}", f"START={start}", f"END={end}",
                  f"title={escape_ffmetadata(title)}"]
    return "\n".join(lines) + "\n"
