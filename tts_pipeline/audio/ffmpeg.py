"""Find and run the ffmpeg binary: imageio-ffmpeg's by default, the system's when asked."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..i18n import _

FFMPEG_ENV = "TTS_PIPELINE_FFMPEG"
# What ffmpeg prints when it writes something other than it was given (a dropped sample, an
# overflowed duration, a timestamp it had to invent): the output is invalid, so the run failed.
INVALID_OUTPUT = re.compile(
    r"^.*(?:Application provided duration.*is invalid|Packet duration.*is out of range"
    r"|pts has no value|Non-monoton|Timestamps are unset).*$", re.MULTILINE)

# LAME's quality 7 encodes speech twice as fast as its default 3 and overshoots the master's
# true peak less (measured: 0.33 s against 0.70 s for 273 s of speech; -3.4 against -2.3 dBTP).
MP3_ENCODER = ["-c:a", "libmp3lame", "-compression_level", "7", "-id3v2_version", "3"]


class FfmpegError(RuntimeError):
    """ffmpeg failed; the message carries the end of its log."""


def ffmpeg_executable() -> str:
    """`TTS_PIPELINE_FFMPEG=system` (or a path) picks another ffmpeg than the bundled one."""
    choice = os.environ.get(FFMPEG_ENV, "").strip()
    if choice == "system":
        found = shutil.which("ffmpeg")
        if not found:
            raise FfmpegError(_("{variable}=system but no ffmpeg is on PATH: install it or "
                                "unset {variable}").format(variable=FFMPEG_ENV))
        return found
    if choice:
        if not Path(choice).is_file():
            raise FfmpegError(_("{variable}={path} does not exist: give the path of an ffmpeg "
                                "program").format(variable=FFMPEG_ENV, path=choice))
        return choice
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


_STOPPED = re.compile(r"received signal 2\.|Received > 3 system signals")  # ffmpeg's words


def run_ffmpeg(arguments: list[str]) -> str:
    """Run ffmpeg with these arguments; return its log (stderr)."""
    command = [ffmpeg_executable(), "-hide_banner", "-nostdin", "-y", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, errors="replace")
    if result.returncode == -signal.SIGINT or _STOPPED.search(result.stderr):
        raise KeyboardInterrupt  # Ctrl-C reached ffmpeg: the run is stopped, not failed
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-6:])
        raise FfmpegError(_("ffmpeg failed ({status}):").format(status=result.returncode)
                          + f"\n{tail}")
    invalid = INVALID_OUTPUT.findall(result.stderr)
    if invalid:
        raise FfmpegError(_("ffmpeg wrote an invalid file:") + "\n" + "\n".join(invalid[:3]))
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
        raise FfmpegError(_("could not read the loudness of {what} from ffmpeg's ebur128 "
                            "summary").format(what=what))
    return Loudness(float(integrated.group(1)), float(peak.group(1)) if peak else float("nan"))


def _meter(peak: str) -> str:
    """ffmpeg's EBU R128 meter; its per-frame log goes below the log level, only the summary
    is printed."""
    return f"ebur128=peak={peak}:framelog=verbose"


def measure_loudness(path: Path, peak: str = "true", chain: str = "") -> Loudness:
    """Integrated loudness (LUFS) and the peak ('true', 'sample' or 'none') by ffmpeg's
    EBU R128 meter, of the file or of what the filter `chain` makes of it; the true peak
    costs a 4x oversampled pass."""
    filters = ",".join(part for part in (chain, _meter(peak)) if part)
    log = run_ffmpeg(["-nostats", "-i", str(path), "-af", filters, "-f", "null", "-"])
    return _loudness(log, path.name)


def encode_measured(inputs: list[str], chain: str, outputs: list[tuple[str, list[str]]]
                    ) -> Loudness:
    """One ffmpeg run: the first input's audio through `chain`, split into outputs (each a
    filter of its own and its output arguments) and into a loudness meter; return what the
    meter read of the chain's audio."""
    labels = "".join(f"[s{index}]" for index in range(len(outputs)))
    graph = [f"[0:a]{chain or 'anull'},asplit={len(outputs) + 1}{labels}[meter]",
             f"[meter]{_meter('none')}[measured]"]
    graph += [f"[s{index}]{branch or 'anull'}[o{index}]"
              for index, (branch, _) in enumerate(outputs)]
    mapped = [item for index, (_, arguments) in enumerate(outputs)
              for item in ("-map", f"[o{index}]", *arguments)]
    log = run_ffmpeg(["-nostats", *inputs, "-filter_complex", ";".join(graph), *mapped,
                      "-map", "[measured]", "-f", "null", "-"])
    return _loudness(log, "the master")
