"""Read audio files back with ffmpeg and mutagen, independently of the code that wrote them."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import imageio_ffmpeg

FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()


def ffmpeg_log(*arguments: str) -> str:
    result = subprocess.run(
        [FFMPEG, "-hide_banner", "-nostdin", *arguments], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stderr


def _ffmetadata(path: Path) -> str:
    """ffmpeg's ffmetadata export of a file: its tags, then its chapters."""
    result = subprocess.run(
        [FFMPEG, "-hide_banner", "-nostdin", "-i", str(path), "-f", "ffmetadata", "-"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def tags(path: Path) -> dict[str, str]:
    """The file's tags as ffmpeg reads them (its own names: artist, album_artist…)."""
    head = _ffmetadata(path).split("[CHAPTER]")[0]
    return dict(line.split("=", 1) for line in head.splitlines()[1:] if "=" in line)


def chapters(path: Path) -> list[dict]:
    """Chapters as ffmpeg's ffmetadata export lists them: start, end (s), title."""
    found = []
    for block in _ffmetadata(path).split("[CHAPTER]")[1:]:
        fields = dict(line.split("=", 1) for line in block.strip().splitlines() if "=" in line)
        numerator, denominator = fields["TIMEBASE"].split("/")
        unit = int(numerator) / int(denominator)
        found.append({"start": int(fields["START"]) * unit, "end": int(fields["END"]) * unit,
                      "title": fields.get("title", "")})
    return found


def loudness(path: Path) -> tuple[float, float]:
    """Integrated loudness (LUFS) and true peak (dBTP) from ffmpeg's ebur128 filter."""
    log = ffmpeg_log("-nostats", "-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-")
    summary = log[log.rfind("Summary:"):]
    integrated = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))
    peak = float(re.search(r"Peak:\s+(-?[\d.]+) dBFS", summary).group(1))
    return integrated, peak


def duration(path: Path) -> float:
    """Decoded duration in seconds (ffmpeg's final time= of a null decode)."""
    log = ffmpeg_log("-i", str(path), "-map", "0:a", "-f", "null", "-")
    hours, minutes, seconds = re.findall(r"time=(\d+):(\d+):([\d.]+)", log)[-1]
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def silences(path: Path, minimum: float, noise_db: int = -50) -> list[tuple[float, float]]:
    """(start, end) of silences at least `minimum` seconds long, from ffmpeg's silencedetect."""
    log = ffmpeg_log("-i", str(path), "-af", f"silencedetect=n={noise_db}dB:d={minimum}",
                     "-f", "null", "-")
    starts = [float(value) for value in re.findall(r"silence_start: (-?[\d.]+)", log)]
    ends = [float(value) for value in re.findall(r"silence_end: ([\d.]+)", log)]
    return list(zip(starts, ends + [float("inf")] * (len(starts) - len(ends)), strict=True))
