"""Master stage: listening profiles, and each chapter's loudness chain, measured with ffmpeg."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import soundfile

from ..book import temporary_path
from ..i18n import _
from ..stamp import file_state, holds, read_stamp, write_stamp
from ..timings import SpeechFiles, read_timings
from .ffmpeg import MP3_ENCODER, Loudness, measure_loudness, run_ffmpeg

PRE_LEVEL_LUFS = -23.0  # voices differ in level: bring each chapter here before compressing
OVERSAMPLING = 4  # the limiter works on 4x upsampled audio, so it also catches true peaks
SPEECH_COMPRESSOR = (
    "acompressor=threshold=-32dB:ratio=6:attack=1:release=80:detection=peak:knee=4"
)


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
    return _("unknown profile {name!r}: choose one of {profiles}").format(
        name=name, profiles=", ".join(PROFILES))


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


def _level(speech: SpeechFiles) -> float:
    """The raw chapter's level: estimated when its audio was assembled, else measured."""
    timings = read_timings(speech.timings)
    if timings is not None:
        return float(timings.level)
    return measure_loudness(speech.audio, peak="none").integrated


@dataclass(frozen=True)
class Mastering:
    """How one chapter's raw speech becomes its master: the gains its measurement gave."""

    source: Path
    profile: Profile
    rate: int
    level_db: float  # brings the raw speech to PRE_LEVEL_LUFS, before the profile's filters
    gain_db: float  # brings the filtered speech to the profile's target, before the limiter

    def chain(self, correction_db: float = 0.0) -> str:
        """The ffmpeg filters from the raw speech to the master."""
        parts = (f"volume={self.level_db:.2f}dB", self.profile.filters,
                 _limiting(self.profile, self.gain_db + correction_db, self.rate))
        return ",".join(part for part in parts if part)

    def shortfall(self, measured: Loudness) -> float | None:
        """The gain still missing when the limiter took the master below the target; None
        when it is within 0.2 LU (or the profile has no limiter)."""
        missing = self.profile.target_lufs - measured.integrated
        return None if self.profile.true_peak_db is None or abs(missing) < 0.2 else missing


def _measured(speech: SpeechFiles, profile: Profile, rate: int, stamp_path: Path
              ) -> Mastering:
    """Measure the chapter through the profile's filters (one ffmpeg run) and find its gains;
    kept in a stamp beside the master while the source and the profile do not change."""
    source = speech.audio
    inputs = {"source": file_state(source), "rate": rate, "profile": asdict(profile)}
    kept = read_stamp(stamp_path)
    if isinstance(kept, dict) and holds(kept, inputs, "stamp"):
        return Mastering(source, profile, rate, kept["level_db"], kept["gain_db"])
    unlimited = profile.true_peak_db is None
    level = PRE_LEVEL_LUFS - _level(speech)
    chain = ",".join(part for part in (f"volume={level:.2f}dB", profile.filters) if part)
    measured = measure_loudness(source, "true" if unlimited else "none", chain)
    gain = profile.target_lufs - measured.integrated
    if unlimited:  # never let the gain clip
        gain = min(gain, -0.1 - measured.peak)
    mastering = Mastering(source, profile, rate, round(level, 2), round(gain, 2))
    write_stamp(stamp_path, {"stamp": inputs, "level_db": mastering.level_db,
                             "gain_db": mastering.gain_db})
    return mastering


def largest_first(paths: list[Path]) -> list[int]:
    """Indexes of these files, largest first: parallel work that ends together."""
    return sorted(range(len(paths)), key=lambda index: -paths[index].stat().st_size)


def measure_chapters(
    speech: list[SpeechFiles],
    stamps: list[Path],
    profile: Profile,
    jobs: int,
    advance: Callable[[], None] = lambda: None,
) -> list[Mastering]:
    """Measure every chapter and decide its mastering: a common level through the profile's
    filters, then the gain to the profile's loudness under its peak ceiling, at the profile's
    rate (or the first chapter's); each kept in its stamp. The package stage writes the
    masters through these chains."""
    rate = profile.sample_rate or soundfile.info(str(speech[0].audio)).samplerate
    found: dict[int, Mastering] = {}

    def work(index: int) -> None:
        found[index] = _measured(speech[index], profile, rate, stamps[index])
        advance()

    with ThreadPoolExecutor(max(1, jobs)) as pool:
        list(pool.map(work, largest_first([files.audio for files in speech])))
    return [found[index] for index in range(len(speech))]


def master_file(source: Path, target: Path, profile: Profile) -> None:
    """Master one file on its own, as a chapter of a book in this profile is, into a WAV (or
    an MP3, when `target` ends in .mp3)."""
    rate = profile.sample_rate or soundfile.info(str(source)).samplerate
    with tempfile.TemporaryDirectory() as work:
        files = SpeechFiles(source, Path(work) / "timings.json")
        chain = _measured(files, profile, rate, Path(work) / "stamp.json").chain()
    temporary = temporary_path(target)
    codec = ([*MP3_ENCODER, "-b:a", profile.mp3_bitrate, "-f", "mp3"]
             if target.suffix.lower() == ".mp3" else ["-c:a", "pcm_s16le", "-f", "wav"])
    run_ffmpeg(["-i", str(source), "-af", chain, *codec, str(temporary)])
    os.replace(temporary, target)
