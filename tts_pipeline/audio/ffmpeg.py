"""Find and run the ffmpeg binary: imageio-ffmpeg's by default, the system's when asked."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

FFMPEG_ENV = "TTS_PIPELINE_FFMPEG"


class FfmpegError(RuntimeError):
    """ffmpeg failed; the message carries the end of its log."""


def ffmpeg_executable() -> str:
    """`TTS_PIPELINE_FFMPEG=system` (or a path) picks another ffmpeg than the bundled one."""
    choice = os.environ.get(FFMPEG_ENV, "").strip()
    if choice == "system":
        found = shutil.which("ffmpeg")
        if not found:
            raise FfmpegError(f"{FFMPEG_ENV}=system but no ffmpeg is on PATH: install it or unset")
        return found
    if choice:
        if not Path(choice).is_file():
            raise FfmpegError(f"{FFMPEG_ENV}={choice} does not exist")
        return choice
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def run_ffmpeg(arguments: list[str]) -> str:
    """Run ffmpeg with these arguments; return its log (stderr)."""
    command = [ffmpeg_executable(), "-hide_banner", "-nostdin", "-y", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, errors="replace")
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-6:])
        raise FfmpegError(f"ffmpeg failed ({result.returncode}):\n{tail}")
    return result.stderr


@dataclass(frozen=True)
class Loudness:
    integrated: float
    true_peak: float


def measure_loudness(path: Path, filters: str = "") -> Loudness:
    """Integrated loudness (LUFS) and true peak (dBTP) by ffmpeg's EBU R128 meter."""
    chain = f"{filters}," if filters else ""
    log = run_ffmpeg(
        ["-nostats", "-i", str(path), "-af", f"{chain}ebur128=peak=true", "-f", "null", "-"]
    )
    summary = log[log.rfind("Summary:"):]
    integrated = re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary)
    peak = re.search(r"True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS", summary)
    if not integrated or not peak:
        raise FfmpegError(f"could not read loudness of {path.name} from ffmpeg's ebur128 summary")
    return Loudness(float(integrated.group(1)), float(peak.group(1)))
