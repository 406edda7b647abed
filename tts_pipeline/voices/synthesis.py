"""Speak stage: utterances become chapter audio, each utterance synthesized once and cached."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile

from ..book import write_atomically
from ..reading import Utterance
from .voice import Engine, Voice, engine_version, load_engine

LEAD_SECONDS = 0.7
TAIL_SECONDS = 1.0


@dataclass
class ChapterScript:
    number: int
    title: str
    utterances: list[Utterance]


@dataclass
class SpeakResult:
    audio: list[tuple[Path, Path]]  # (chapter FLAC, timings JSON) per chapter
    synthesized: int
    cached: int
    sample_rate: int


class UtteranceCache:
    """One FLAC file per utterance under <root>/<key[:2]>/<key>.flac."""

    def __init__(self, root: Path, voice: Voice, rate_scale: float) -> None:
        self.root = root
        self.salt = f"{voice.fingerprint(rate_scale)}|{voice.engine}|{engine_version(voice)}"

    def key(self, spoken: str) -> str:
        return hashlib.sha256(f"{self.salt}|{spoken}".encode()).hexdigest()

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.flac"

    def load(self, key: str) -> np.ndarray:
        audio, _ = soundfile.read(str(self.path(key)), dtype="float32")
        return audio

    def store(self, key: str, audio: np.ndarray, sample_rate: int) -> None:
        target = self.path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{key}.{os.getpid()}.part.flac")
        soundfile.write(str(temporary), np.clip(audio, -1, 1), sample_rate, subtype="PCM_16")
        os.replace(temporary, target)


_worker: tuple[Engine, UtteranceCache] | None = None


def _start_worker(voice: Voice, rate_scale: float, cache_root: Path) -> None:
    global _worker
    _worker = (load_engine(voice, rate_scale), UtteranceCache(cache_root, voice, rate_scale))


def _synthesize(item: tuple[str, str]) -> int:
    """Synthesize one utterance into the cache (in a worker); return its sample rate."""
    assert _worker is not None
    engine, cache = _worker
    key, text = item
    cache.store(key, engine.synthesize(text), engine.sample_rate)
    return engine.sample_rate


def _fill_cache(
    missing: list[tuple[str, str]], voice: Voice, rate_scale: float, cache_root: Path,
    jobs: int, advance: Callable[[], None],
) -> None:
    if jobs <= 1 or len(missing) < 2:
        _start_worker(voice, rate_scale, cache_root)
        for item in missing:
            _synthesize(item)
            advance()
        return
    with ProcessPoolExecutor(
        jobs, initializer=_start_worker, initargs=(voice, rate_scale, cache_root)
    ) as pool:
        for _ in pool.map(_synthesize, missing, chunksize=4):
            advance()


def _assemble(script: ChapterScript, keys: list[str], cache: UtteranceCache, rate: int,
              flac: Path, timings: Path) -> None:
    """Chapter audio: lead-in silence, each utterance and its pause, a tail; with timings."""
    manifest = hashlib.sha256(
        json.dumps([[key, u.pause_after] for key, u in zip(keys, script.utterances, strict=True)])
        .encode()
    ).hexdigest()
    if flac.is_file() and timings.is_file():
        previous = json.loads(timings.read_text(encoding="utf-8"))
        if previous.get("manifest") == manifest and previous.get("title") == script.title:
            return
    parts = [np.zeros(round(LEAD_SECONDS * rate), np.float32)]
    position = len(parts[0])
    cues = []
    for key, utterance in zip(keys, script.utterances, strict=True):
        audio = cache.load(key)
        cues.append({"written": utterance.written, "spoken": utterance.spoken,
                     "start": position / rate, "end": (position + len(audio)) / rate})
        pause = np.zeros(round(utterance.pause_after * rate), np.float32)
        parts += [audio, pause]
        position += len(audio) + len(pause)
    parts.append(np.zeros(round(TAIL_SECONDS * rate), np.float32))
    audio = np.concatenate(parts)
    temporary = flac.with_name(f".{flac.stem}.part.flac")
    soundfile.write(str(temporary), audio, rate, subtype="PCM_16")
    os.replace(temporary, flac)
    write_atomically(timings, json.dumps(
        {"title": script.title, "sample_rate": rate, "frames": len(audio),
         "manifest": manifest, "utterances": cues}, ensure_ascii=False, indent=1))


def speak(
    scripts: Sequence[ChapterScript],
    voice: Voice,
    build: Path,
    cache_root: Path,
    jobs: int = 1,
    rate_scale: float = 1.0,
    advance: Callable[[], None] = lambda: None,
    on_plan: Callable[[int], None] = lambda total: None,
) -> SpeakResult:
    """Synthesize what the cache lacks, then assemble build/NN.flac + NN.timings.json."""
    cache = UtteranceCache(cache_root, voice, rate_scale)
    keys = [[cache.key(u.spoken) for u in script.utterances] for script in scripts]
    missing: dict[str, str] = {}
    total = 0
    for script, chapter_keys in zip(scripts, keys, strict=True):
        for key, utterance in zip(chapter_keys, script.utterances, strict=True):
            total += 1
            if key not in missing and not cache.path(key).is_file():
                missing[key] = utterance.spoken
    on_plan(len(missing))
    _fill_cache(sorted(missing.items()), voice, rate_scale, cache_root, jobs, advance)
    rate = _sample_rate(cache, next((k for ks in keys for k in ks), None))
    build.mkdir(parents=True, exist_ok=True)
    audio = []
    for script, chapter_keys in zip(scripts, keys, strict=True):
        flac = build / f"{script.number:02d}.flac"
        timings = build / f"{script.number:02d}.timings.json"
        _assemble(script, chapter_keys, cache, rate, flac, timings)
        audio.append((flac, timings))
    return SpeakResult(audio, len(missing), total - len(missing), rate)


def _sample_rate(cache: UtteranceCache, key: str | None) -> int:
    return soundfile.info(str(cache.path(key))).samplerate if key else 22050
