"""Master stage: listening profiles, and per-chapter loudness correction with ffmpeg."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import soundfile

from ..book import read_stamp, write_atomically
from .ffmpeg import filter_measured, measure_loudness

CORRECTIONS = 2  # extra passes when the limiter takes the level below the target
PRE_LEVEL_LUFS = -23.0  # voices differ in level: bring each chapter here before compressing
OVERSAMPLING = 4  # the limiter works on 4x upsampled audio, so it also catches true peaks
SPEECH_COMPRESSOR = (
    "acompressor=threshold=-32dB:ratio=6:attack=1:release=80:detection=peak:knee=4"
)
SPEECH_BAND = "highpass=f=180,highpass=f=180,lowpass=f=6500"


@dataclass(frozen=True)
class Profile:
    name: str
    target_lufs: float
    true_peak_db: float | None  # None: no limiter
    filters: str = ""  # applied at PRE_LEVEL_LUFS, before the gain and the limiter
    rate_scale: float = 1.0
    pause_scale: float = 1.0
    sample_rate: int | None = None  # None: the voice's own rate
    deliverables: tuple[str, ...] = ("m4b", "mp3")  # m4b, mp3, flac, playlist
    mp3_bitrate: str = "64k"
    folder: str = ""  # where its files go inside the book folder
    announcements: bool = False
    limiter_margin_db: float = 1.5  # room under the true-peak limit for the codec's overshoot


PROFILES = {
    "phone": Profile(  # MP3 at the voice's 22.05 kHz overshoots by up to about 2 dB
        "phone", target_lufs=-16.0, true_peak_db=-1.5, filters=SPEECH_COMPRESSOR,
        limiter_margin_db=2.5,
    ),
    "loudspeaker": Profile(
        "loudspeaker", target_lufs=-14.0, true_peak_db=-1.0,
        filters="highpass=f=180:poles=2,highpass=f=180:poles=2,lowpass=f=6500,"
        "acompressor=threshold=-24dB:ratio=4:attack=5:release=150",
        rate_scale=0.85, pause_scale=1.5, sample_rate=44100, deliverables=("mp3", "playlist"),
        mp3_bitrate="96k", folder="loudspeaker", announcements=True,
    ),
    "archive": Profile(
        "archive", target_lufs=-20.0, true_peak_db=None, deliverables=("flac",),
        folder="archive",
    ),
}


def unknown_profile_message(name: str) -> str:
    return f"unknown profile {name!r}: choose one of {', '.join(PROFILES)}"


def _limiting(profile: Profile, gain: float, rate: int) -> str:
    """Gain, then a limiter on oversampled audio (it catches true peaks), back at `rate`."""
    parts = [f"volume={gain:.2f}dB"]
    if profile.true_peak_db is not None:
        ceiling = 10 ** ((profile.true_peak_db - profile.limiter_margin_db) / 20)
        parts += [
            f"aresample={rate * OVERSAMPLING}",
            f"alimiter=limit={ceiling:.4f}:attack=5:release=50:level=disabled:latency=1",
        ]
    return ",".join([*parts, f"aresample={rate}"])


PCM = ["-c:a", "pcm_s16le"]


def _level(source: Path) -> float:
    """The raw chapter's level: estimated when its audio was assembled, else measured."""
    timings = read_stamp(source.with_name(f"{source.stem}.timings.json"))
    if isinstance(timings, dict) and "level" in timings:
        return float(timings["level"])
    return measure_loudness(source, peak="none").integrated


def _master_one(source: Path, target: Path, profile: Profile, rate: int) -> None:
    """Two ffmpeg runs: bring the chapter to a common level through the profile's filters
    (measured as written); gain and limit it (measured as written, and gained again while the
    limiter leaves it short of the target)."""
    stamp_path = target.with_suffix(".json")
    source_stat = source.stat()
    stamp = json.loads(json.dumps({  # as it reads back: tuples become lists
        "source": [source_stat.st_size, source_stat.st_mtime_ns], "rate": rate,
        "profile": asdict(profile),
    }))
    if target.is_file() and read_stamp(stamp_path) == stamp:
        return
    unlimited = profile.true_peak_db is None
    level = PRE_LEVEL_LUFS - _level(source)
    shaped = target.with_name(f".{target.stem}.shaped.part.wav")
    chain = ",".join(part for part in (f"volume={level:.2f}dB", profile.filters) if part)
    measured = filter_measured(source, chain, shaped, PCM, "true" if unlimited else "none")
    if unlimited:  # never let the gain clip
        gain = min(profile.target_lufs - measured.integrated, -0.1 - measured.peak)
    else:
        gain = profile.target_lufs - measured.integrated
    temporary = target.with_name(f".{target.stem}.part{target.suffix}")
    for _ in range(CORRECTIONS + 1):
        result = filter_measured(shaped, _limiting(profile, gain, rate), temporary, PCM)
        shortfall = profile.target_lufs - result.integrated
        if unlimited or abs(shortfall) < 0.2:
            break
        gain += shortfall  # the limiter ate some loudness: push again
    os.replace(temporary, target)
    shaped.unlink()
    write_atomically(stamp_path, json.dumps(stamp))


def master(
    sources: list[Path],
    folder: Path,
    profile: Profile,
    jobs: int,
    advance: Callable[[], None] = lambda: None,
) -> list[Path]:
    """Bring every chapter to the profile's loudness under its peak ceiling: WAV masters at the
    profile's rate (or the first chapter's). A master whose source did not change is kept."""
    folder.mkdir(parents=True, exist_ok=True)
    targets = [folder / f"{source.stem}.wav" for source in sources]
    rate = profile.sample_rate or soundfile.info(str(sources[0])).samplerate

    def work(pair: tuple[Path, Path]) -> None:
        _master_one(*pair, profile, rate)
        advance()

    with ThreadPoolExecutor(max(1, jobs)) as pool:
        list(pool.map(work, zip(sources, targets, strict=True)))
    return targets
