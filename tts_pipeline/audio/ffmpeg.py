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
    peak: float  # dBTP, or dBFS when only the sample peak was measured


def _loudness(log: str, what: str) -> Loudness:
    """The integrated loudness and the (true or sample) peak from an ebur128 summary."""
    summary = log[log.rfind("Summary:"):]
    integrated = re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", summary)
    peak = re.search(r"(?:True|Sample) peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS", summary)
    if not integrated:
        raise FfmpegError(f"could not read the loudness of {what} from ffmpeg's ebur128 summary")
    return Loudness(float(integrated.group(1)), float(peak.group(1)) if peak else float("nan"))


def measure_loudness(path: Path, peak: str = "true") -> Loudness:
    """Integrated loudness (LUFS) and the peak ('true', 'sample' or 'none') by ffmpeg's
    EBU R128 meter; the true peak costs a 4x oversampled pass."""
    meter = f"ebur128=peak={peak}"
    log = run_ffmpeg(["-nostats", "-i", str(path), "-af", meter, "-f", "null", "-"])
    return _loudness(log, path.name)


def filter_measured(
    source: Path, chain: str, target: Path, output: list[str], peak: str = "none"
) -> Loudness:
    """Filter `source` into `target` and measure what was written, in one ffmpeg run."""
    meter = f"ebur128=peak={peak}"
    log = run_ffmpeg([
        "-nostats", "-i", str(source),
        "-filter_complex", f"[0:a]{chain},asplit=2[out][meter];[meter]{meter}[measured]",
        "-map", "[out]", *output, str(target), "-map", "[measured]", "-f", "null", "-",
    ])
    return _loudness(log, target.name)


def measure_many(paths: list[Path], peak: str = "sample") -> list[Loudness]:
    """The loudness of several files, in one ffmpeg run."""
    if not paths:
        return []
    inputs = [item for path in paths for item in ("-i", str(path))]
    graph = ";".join(f"[{index}:a]ebur128=peak={peak}[m{index}]" for index in range(len(paths)))
    outputs = [item for index in range(len(paths))
               for item in ("-map", f"[m{index}]", "-f", "null", "-")]
    log = run_ffmpeg(["-nostats", *inputs, "-filter_complex", graph, *outputs])
    summaries = {
        int(match[1]): log[match.start():]
        for match in re.finditer(r"Parsed_ebur128_(\d+) @ \w+\] Summary:", log)
    }
    return [
        _loudness(summaries.get(index, "").split("[Parsed_ebur128_")[0], path.name)
        for index, path in enumerate(paths)
    ]
