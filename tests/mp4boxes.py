"""A small MP4 box reader for the tests, written apart from the code that writes M4Bs: it reads
each chapter structure on its own — the QuickTime chapter track that `tref/chap` points to
(what Apple's players read) and the Nero `chpl` list (what mutagen and VLC prefer)."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"udta", b"tref", b"edts", b"dinf"}


@dataclass(frozen=True)
class Box:
    kind: bytes
    start: int  # of the payload, after the header
    end: int
    children: tuple[Box, ...]

    def find(self, *path: bytes) -> Box | None:
        """The first descendant along this path of box kinds."""
        node: Box | None = self
        for kind in path:
            node = next((child for child in node.children if child.kind == kind), None)
            if node is None:
                return None
        return node

    def all(self, kind: bytes) -> list[Box]:
        return [child for child in self.children if child.kind == kind]


def _boxes(data: bytes, start: int, end: int) -> tuple[Box, ...]:
    found = []
    while start + 8 <= end:
        size, kind = struct.unpack(">I4s", data[start:start + 8])
        header = 8
        if size == 1:
            size, header = struct.unpack(">Q", data[start + 8:start + 16])[0], 16
        elif size == 0:
            size = end - start
        assert size >= header and start + size <= end, f"box {kind!r} overruns its parent"
        payload = start + header
        children = _boxes(data, payload, start + size) if kind in CONTAINERS else ()
        found.append(Box(kind, payload, start + size, children))
        start += size
    return tuple(found)


def read_boxes(path: Path) -> tuple[bytes, Box]:
    data = path.read_bytes()
    return data, Box(b"file", 0, len(data), _boxes(data, 0, len(data)))


@dataclass(frozen=True)
class Mark:
    start: float  # seconds
    title: str


def _full_box_entries(data: bytes, box: Box) -> tuple[int, int]:
    """(version, entry count) of a full box whose payload starts with a count."""
    version = data[box.start]
    return version, struct.unpack(">I", data[box.start + 4:box.start + 8])[0]


def _track_id(data: bytes, trak: Box) -> int:
    tkhd = trak.find(b"tkhd")
    offset = tkhd.start + (20 if data[tkhd.start] == 1 else 12)
    return struct.unpack(">I", data[offset:offset + 4])[0]


def _timescale(data: bytes, trak: Box) -> int:
    mdhd = trak.find(b"mdia", b"mdhd")
    offset = mdhd.start + (20 if data[mdhd.start] == 1 else 12)
    return struct.unpack(">I", data[offset:offset + 4])[0]


def _sample_offsets(data: bytes, stbl: Box, count: int) -> list[int]:
    """Each sample's file offset, from the chunk offsets, samples-per-chunk and sizes."""
    chunk_box = stbl.find(b"stco") or stbl.find(b"co64")
    _, chunks = _full_box_entries(data, chunk_box)
    width = 4 if chunk_box.kind == b"stco" else 8
    chunk_offsets = [int.from_bytes(data[chunk_box.start + 8 + i * width:
                                         chunk_box.start + 8 + (i + 1) * width], "big")
                     for i in range(chunks)]
    stsc = stbl.find(b"stsc")
    _, runs = _full_box_entries(data, stsc)
    per_chunk = [struct.unpack(">III", data[stsc.start + 8 + i * 12:stsc.start + 20 + i * 12])
                 for i in range(runs)]
    stsz = stbl.find(b"stsz")
    fixed, _ = struct.unpack(">II", data[stsz.start + 4:stsz.start + 12])
    sizes = [fixed] * count if fixed else list(
        struct.unpack(f">{count}I", data[stsz.start + 12:stsz.start + 12 + 4 * count]))
    offsets, sample = [], 0
    for chunk in range(chunks):
        first = [run for run in per_chunk if run[0] <= chunk + 1][-1]
        position = chunk_offsets[chunk]
        for _ in range(first[1]):
            if sample < count:
                offsets.append(position)
                position += sizes[sample]
                sample += 1
    return offsets


def quicktime_chapters(path: Path) -> list[Mark]:
    """The samples of the text track that the audio track's `tref/chap` points to."""
    data, root = read_boxes(path)
    moov = root.find(b"moov")
    tracks = moov.all(b"trak")
    chap = next((t.find(b"tref", b"chap") for t in tracks if t.find(b"tref", b"chap")), None)
    assert chap is not None, "no tref/chap: Apple players see no chapters"
    referenced = struct.unpack(">I", data[chap.start:chap.start + 4])[0]
    track = next((t for t in tracks if _track_id(data, t) == referenced), None)
    assert track is not None, f"tref/chap points to track {referenced}, which is not there"
    stbl = track.find(b"mdia", b"minf", b"stbl")
    stts = stbl.find(b"stts")
    _, runs = _full_box_entries(data, stts)
    durations = []
    for index in range(runs):
        count, delta = struct.unpack(">II", data[stts.start + 8 + index * 8:
                                                 stts.start + 16 + index * 8])
        durations += [delta] * count
    scale = _timescale(data, track)
    marks, elapsed = [], 0
    for offset, duration in zip(_sample_offsets(data, stbl, len(durations)), durations,
                                strict=True):
        length = struct.unpack(">H", data[offset:offset + 2])[0]
        marks.append(Mark(elapsed / scale, data[offset + 2:offset + 2 + length].decode()))
        elapsed += duration
    return marks


def nero_chapters(path: Path) -> list[Mark]:
    """The Nero chapter list, moov/udta/chpl: 100 ns start times and byte-counted titles."""
    data, root = read_boxes(path)
    chpl = root.find(b"moov", b"udta", b"chpl")
    assert chpl is not None, "no Nero chapter list"
    count, position, marks = data[chpl.start + 8], chpl.start + 9, []
    for _ in range(count):
        start = struct.unpack(">Q", data[position:position + 8])[0]
        length = data[position + 8]
        marks.append(Mark(start / 10_000_000,
                          data[position + 9:position + 9 + length].decode().rstrip()))
        position += 9 + length
    return marks


def track_duration(path: Path, handler: bytes = b"soun") -> float:
    """Seconds of the first track with this handler, from its media header."""
    data, root = read_boxes(path)
    for trak in root.find(b"moov").all(b"trak"):
        hdlr = trak.find(b"mdia", b"hdlr")
        if data[hdlr.start + 8:hdlr.start + 12] == handler:
            mdhd = trak.find(b"mdia", b"mdhd")
            version = data[mdhd.start]
            if version == 1:
                scale, duration = struct.unpack(">IQ", data[mdhd.start + 20:mdhd.start + 32])
            else:
                scale, duration = struct.unpack(">II", data[mdhd.start + 12:mdhd.start + 20])
            return duration / scale
    raise AssertionError(f"no {handler!r} track")
