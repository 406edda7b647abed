"""Master stage: listening profiles, and per-chapter loudness correction with ffmpeg."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import soundfile

from .ffmpeg import measure_loudness, run_ffmpeg

ENCODER_LOSS_DB = 0.3  # AAC and MP3 read a little quieter than the master they came from


@dataclass(frozen=True)
class Profile:
    name: str
    target_lufs: float
    true_peak_db: float
    filters: str  # applied before the gain and the limiter
    rate_scale: float = 1.0
    pause_scale: float = 1.0
    m4b: bool = True
    mp3_bitrate: str = "64k"


PROFILES = {
    "phone": Profile(
        name="phone",
        target_lufs=-16.0,
        true_peak_db=-1.5,
        filters="acompressor=threshold=-20dB:ratio=3:attack=5:release=100",
    ),
}


def unknown_profile_message(name: str) -> str:
    return f"unknown profile {name!r}: choose one of {', '.join(PROFILES)}"


def _limiter(profile: Profile) -> str:
    ceiling = 10 ** ((profile.true_peak_db - 2.0) / 20)
    return f"alimiter=limit={ceiling:.4f}:attack=5:release=50:level=disabled:latency=1"


def _master_one(source: Path, target: Path, profile: Profile, rate: int) -> float:
    measured = measure_loudness(source, profile.filters).integrated
    gain = profile.target_lufs - measured + ENCODER_LOSS_DB
    chain = f"{profile.filters},volume={gain:.2f}dB,{_limiter(profile)}"
    temporary = target.with_name(f".{target.stem}.part{target.suffix}")
    run_ffmpeg(["-i", str(source), "-af", chain, "-ar", str(rate), "-c:a", "pcm_s16le",
                str(temporary)])
    os.replace(temporary, target)
    return gain


def master(
    sources: list[Path],
    folder: Path,
    profile: Profile,
    jobs: int,
    advance: Callable[[], None] = lambda: None,
) -> list[Path]:
    """Bring every chapter to the profile's loudness under its peak ceiling; WAV masters
    at the first chapter's sample rate."""
    folder.mkdir(parents=True, exist_ok=True)
    targets = [folder / f"{source.stem}.wav" for source in sources]
    rate = soundfile.info(str(sources[0])).samplerate

    def work(pair: tuple[Path, Path]) -> None:
        _master_one(*pair, profile, rate)
        advance()

    with ThreadPoolExecutor(max(1, jobs)) as pool:
        list(pool.map(work, zip(sources, targets, strict=True)))
    return targets
