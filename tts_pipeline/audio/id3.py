"""The ID3 comment frame ffmpeg cannot write: it files `comment` as a TXXX frame, which players
show as a custom field, not as the comment. The frame is inserted into the tag ffmpeg wrote,
in front of its frames, so the chapter frames keep their time order (mutagen would re-sort
them on saving)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..book import temporary_path

HEADER = 10


def _syncsafe(value: int) -> bytes:
    return bytes((value >> shift) & 0x7F for shift in (21, 14, 7, 0))


def _unsyncsafe(data: bytes) -> int:
    return sum(byte << shift for byte, shift in zip(data, (21, 14, 7, 0), strict=True))


def comment_frame(text: str, language: str = "vie") -> bytes:
    """An ID3v2.3 COMM frame: UTF-16 with a byte-order mark, an empty description."""
    body = b"\x01" + language.encode("ascii") + "".encode("utf-16") + b"\x00\x00"
    body += text.encode("utf-16")
    return b"COMM" + len(body).to_bytes(4, "big") + b"\x00\x00" + body


def add_comment(mp3: Path, text: str) -> None:
    """Put `text` into the MP3's ID3v2.3 tag as its comment (COMM), rewriting the file."""
    with mp3.open("rb") as source:
        header = source.read(HEADER)
        if header[:3] != b"ID3" or header[3] != 3 or header[5] & 0xC0:
            raise ValueError(f"{mp3.name}: no plain ID3v2.3 tag to add a comment to")
        frame = comment_frame(text)
        size = _unsyncsafe(header[6:10]) + len(frame)
        rewritten = temporary_path(mp3, ".comment")
        with rewritten.open("wb") as target:
            target.write(header[:6] + _syncsafe(size) + frame)
            shutil.copyfileobj(source, target)
    os.replace(rewritten, mp3)
