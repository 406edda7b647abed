"""Speak stage: utterances become chapter audio, each utterance synthesized once and cached."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.context import BaseContext
from pathlib import Path

import numpy as np
import soundfile

from ..book import PARTIAL_GLOB, temporary_path
from ..i18n import _
from ..reading import Utterance
from ..stamp import is_fresh
from ..timings import ChapterTimings, Cue, SpeechFiles
from .base import THREADS_VARIABLE
from .voice import Engine, Voice, VoiceError, engine_version, load_engine

LEAD_SECONDS = 0.7
TAIL_SECONDS = 1.0


@dataclass
class ChapterScript:
    number: int
    title: str
    utterances: list[Utterance]
    voice: Voice


@dataclass
class ChapterSpeech:
    """Where a chapter's audio and timings are, and how much of it was synthesized now."""

    files: SpeechFiles
    synthesized: int
    cached: int


class UtteranceCache:
    """One FLAC file per utterance under <root>/<key[:2]>/<key>.flac."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @staticmethod
    def salt(voice: Voice, rate_scale: float) -> str:
        """The part of every key that comes from the voice, computed once per voice."""
        return f"{voice.fingerprint(rate_scale)}|{voice.engine}|{engine_version(voice)}"

    @staticmethod
    def key(spoken: str, salt: str) -> str:
        return hashlib.sha256(f"{salt}|{spoken}".encode()).hexdigest()

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.flac"

    def load(self, key: str) -> tuple[np.ndarray, int]:
        audio, rate = soundfile.read(str(self.path(key)), dtype="float32")
        return audio, rate

    def entries(self) -> list[Path]:
        """Cached utterances (not the hidden files a killed run left half-written)."""
        return list(self.root.glob("??/[!.]*.flac"))

    def prune(self, keep: set[str]) -> tuple[int, int]:
        """Delete entries whose key is not in `keep`, and files left half-written by killed
        runs; return (files, bytes) removed."""
        files = size = 0
        for path in [*self.entries(), *self.root.glob(f"??/{PARTIAL_GLOB}")]:
            if path.stem not in keep:
                size += path.stat().st_size
                path.unlink()
                files += 1
        return files, size

    def store(self, key: str, audio: np.ndarray, sample_rate: int) -> None:
        target = self.path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_audio(target, np.clip(audio, -1, 1), sample_rate, f".{os.getpid()}")


@contextmanager
def audio_writer(target: Path, rate: int, tag: str = "") -> Iterator[soundfile.SoundFile]:
    """A 16-bit mono audio file (format from the suffix) written under a temporary name and
    renamed into place when complete."""
    temporary = temporary_path(target, tag)
    try:
        with soundfile.SoundFile(str(temporary), "w", rate, 1, "PCM_16") as handle:
            yield handle
    except BaseException as error:  # a full disk, or Ctrl-C: no half-written file stays
        temporary.unlink(missing_ok=True)
        if isinstance(error, soundfile.LibsndfileError):
            raise OSError(_("could not write {file} ({error}): is the disk full?").format(
                file=target, error=error)) from None
        raise
    os.replace(temporary, target)


def write_audio(target: Path, audio: np.ndarray, rate: int, tag: str = "") -> None:
    with audio_writer(target, rate, tag) as handle:
        handle.write(audio)


_worker: dict[str, object] = {}


def _start_worker(voice: Voice, rate_scale: float, device: str, cache_root: Path) -> None:
    try:
        _worker["engine"] = load_engine(voice, rate_scale, device)
    except VoiceError as error:  # raised by each task: a pool reports it, not a dead worker
        _worker["engine"] = error
    _worker["cache"] = UtteranceCache(cache_root)


def _synthesize(item: tuple[str, str]) -> str:
    """Synthesize one utterance into the cache (in a worker); return its key."""
    engine: Engine | VoiceError = _worker["engine"]  # type: ignore[assignment]
    if isinstance(engine, VoiceError):
        raise engine
    cache: UtteranceCache = _worker["cache"]  # type: ignore[assignment]
    key, text = item
    cache.store(key, engine.synthesize(text), engine.sample_rate)
    return key


def _fill_cache(
    missing: list[tuple[str, str]], voice: Voice, rate_scale: float, device: str,
    cache_root: Path, jobs: int, advance: Callable[[], None],
) -> None:
    """Synthesize every missing utterance of one voice, in `jobs` processes."""
    if not missing:
        return
    if jobs <= 1 or len(missing) < 2:
        _start_worker(voice, rate_scale, device, cache_root)
        for item in missing:
            _synthesize(item)
            advance()
        return
    workers = min(jobs, len(missing))
    pool = ProcessPoolExecutor(workers, mp_context=_pool_context(), initializer=_start_pool_worker,
                               initargs=(workers, voice, rate_scale, device, cache_root))
    try:
        with _ctrl_c_held():  # never inside the pool's bookkeeping, which would hang it
            done = pool.map(_synthesize, missing, chunksize=2)
        for _ in done:
            advance()
    finally:  # on Ctrl-C or a failure, what has not started never will
        pool.shutdown(cancel_futures=True)


_LIBRARY_THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


def _pool_context() -> BaseContext | None:
    """How worker processes start: forked (quick), unless this process has used PyTorch, whose
    OpenMP threads do not survive a fork: a forked worker then hangs on its first computation.
    Workers then come from a fork server, a clean process started for that."""
    return get_context("forkserver") if "torch" in sys.modules else None


def share_cores(workers: int) -> None:
    """Give this worker process its share of the cores for computing: `workers` processes that
    each run PyTorch's, onnxruntime's or an OpenMP library's threads on every core are slower
    than one."""
    threads = max(1, (os.cpu_count() or 1) // workers)
    for variable in (THREADS_VARIABLE, *_LIBRARY_THREAD_VARIABLES):
        os.environ[variable] = str(threads)
    if (torch := sys.modules.get("torch")) is not None:
        torch.set_num_threads(threads)


def _start_pool_worker(workers: int, *arguments: object) -> None:
    """A pool process leaves Ctrl-C to the main process, which stops the pool, and computes
    with its share of the cores."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    share_cores(workers)  # before the engine imports its libraries…
    _start_worker(*arguments)  # type: ignore[arg-type]
    share_cores(workers)  # …and after, for PyTorch imported before the fork


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Ctrl-C pressed in the block is raised when it ends (processes forked in it ignore it)."""
    pressed: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: pressed.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed:
        raise KeyboardInterrupt


def _assemble(script: ChapterScript, keys: list[str], cache: UtteranceCache,
              files: SpeechFiles) -> None:
    """Chapter audio: lead-in silence, each utterance and its pause, a tail; with timings."""
    manifest = hashlib.sha256(json.dumps(
        [script.title, [[key, u.pause_after] for key, u in zip(keys, script.utterances,
                                                                 strict=True)]]
    ).encode()).hexdigest()
    if is_fresh(files.audio, files.timings, manifest, "manifest"):
        return
    rate = cache.load(keys[0])[1] if keys else 22050
    position = round(LEAD_SECONDS * rate)
    cues, powers = [], []
    with audio_writer(files.audio, rate) as output:  # one utterance in memory at a time
        output.write(np.zeros(position, np.float32))
        for key, utterance in zip(keys, script.utterances, strict=True):
            audio, _ = cache.load(key)
            cues.append(Cue(utterance.written, utterance.spoken, key, position / rate,
                            (position + len(audio)) / rate))
            pause = round(utterance.pause_after * rate)
            output.write(audio)
            output.write(np.zeros(pause, np.float32))
            powers.append(block_powers(audio, rate))
            position += len(audio) + pause
        tail = round(TAIL_SECONDS * rate)
        output.write(np.zeros(tail, np.float32))
    ChapterTimings(script.title, rate, position + tail,
                   speech_level(np.concatenate(powers) if powers else np.zeros(0)),
                   manifest, cues).write(files.timings)


def block_powers(audio: np.ndarray, rate: int) -> np.ndarray:
    """Mean square of each whole 400 ms block of the audio."""
    block = int(0.4 * rate)
    count = len(audio) // block
    return np.square(audio[: count * block], dtype=np.float64).reshape(count, block).mean(1)


def speech_level(powers: np.ndarray) -> float:
    """Gated mean level of 400 ms blocks in dB, like EBU R128's integrated loudness but
    without the K-weighting: within a dB or two of it on speech, and free to compute here."""
    powers = powers[powers > 10 ** (-70 / 10)]
    if not len(powers):
        return -70.0
    powers = powers[powers > powers.mean() * 0.1]
    return round(float(10 * np.log10(powers.mean())) - 0.691, 2)


# Spoken sentences of several lengths in a bulletin's style (numbers spelled out, as the
# reading stage hands them to a voice): a voice's timing is measured on them.
CALIBRATION = (
    "Xin kính chào bà con.",
    "Sáng ngày mười hai tháng ba, ủy ban nhân dân phường họp bàn kế hoạch năm tới.",
    "Các tổ dân phố rà soát danh sách hai trăm ba mươi lăm hộ nghèo và gửi về phường trước "
    "ngày mười lăm tháng sau.",
    "Hội nghị thống nhất ba giải pháp chính là giữ gìn vệ sinh đường phố, chăm lo gia đình "
    "chính sách và vận động thanh niên tham gia hoạt động tình nguyện trong dịp hè năm hai "
    "nghìn không trăm hai mươi sáu.",
    "Trong năm qua, nhờ sự chung tay của người dân, phường đã làm mới hai tuyến đường dài một "
    "nghìn tám trăm mét, xây thêm một sân chơi cho trẻ em, lắp bốn mươi đèn chiếu sáng ở các "
    "ngõ nhỏ và tổ chức mười hai lớp học kỹ năng số cho người cao tuổi trên địa bàn.",
)
_timings: dict[str, tuple[float, float]] = {}


def speech_timing(voice: Voice, rate_scale: float = 1.0, device: str = "cpu"
                  ) -> tuple[float, float]:
    """Seconds of audio per utterance and per spoken word, fitted on the voice's own audio of
    the CALIBRATION sentences; measured once per voice and rate in a process."""
    key = UtteranceCache.salt(voice, rate_scale)
    if key not in _timings:
        engine = load_engine(voice, rate_scale, device)
        words = [len(sentence.split()) for sentence in CALIBRATION]
        seconds = [len(engine.synthesize(sentence)) / engine.sample_rate
                   for sentence in CALIBRATION]
        per_word, per_utterance = np.polyfit(words, seconds, 1)
        _timings[key] = (float(per_utterance), float(per_word))
    return _timings[key]


def estimated_seconds(scripts: Sequence[ChapterScript], rate_scale: float = 1.0,
                      device: str = "cpu") -> float:
    """How long the chapters' audio will be, as _assemble lays it out, each utterance timed
    by its voice's measured speech_timing."""
    total = 0.0
    for script in scripts:
        per_utterance, per_word = speech_timing(script.voice, rate_scale, device)
        total += LEAD_SECONDS + TAIL_SECONDS + sum(
            per_utterance + per_word * len(utterance.spoken.split()) + utterance.pause_after
            for utterance in script.utterances)
    return total


def speak(
    scripts: Sequence[ChapterScript],
    targets: Sequence[SpeechFiles],
    cache_root: Path,
    jobs: int = 1,
    rate_scale: float = 1.0,
    device: str = "cpu",
    force: bool = False,
    advance: Callable[[], None] = lambda: None,
    on_plan: Callable[[int], None] = lambda total: None,
) -> list[ChapterSpeech]:
    """Synthesize what the cache lacks (all, if `force`), then write each chapter's audio and
    timings into its target."""
    cache = UtteranceCache(cache_root)
    salts = {s.voice.name: cache.salt(s.voice, rate_scale) for s in scripts}
    keys = [[cache.key(u.spoken, salts[s.voice.name]) for u in s.utterances] for s in scripts]
    missing: dict[str, dict[str, str]] = {}
    owner: dict[str, int] = {}
    for index, (script, chapter_keys) in enumerate(zip(scripts, keys, strict=True)):
        for key, utterance in zip(chapter_keys, script.utterances, strict=True):
            if key in owner or (not force and cache.path(key).is_file()):
                continue
            owner[key] = index
            missing.setdefault(script.voice.name, {})[key] = utterance.spoken
    on_plan(len(owner))
    voices = {script.voice.name: script.voice for script in scripts}
    for name, items in missing.items():
        _fill_cache(sorted(items.items()), voices[name], rate_scale, device, cache_root, jobs,
                    advance)
    results = []
    for index, (target, chapter_keys) in enumerate(zip(targets, keys, strict=True)):
        target.audio.parent.mkdir(parents=True, exist_ok=True)
        if force:
            target.audio.unlink(missing_ok=True)
        synthesized = sum(1 for key in set(chapter_keys) if owner.get(key) == index)
        results.append(ChapterSpeech(target, synthesized, len(chapter_keys) - synthesized))
    with ThreadPoolExecutor(max(1, jobs)) as pool:  # numpy and libsndfile release the GIL
        list(pool.map(lambda item: _assemble(item[0], item[1], cache, item[2]),
                      zip(scripts, keys, targets, strict=True)))
    return results
