"""Voice definitions: small TOML files in voices/ naming an engine and its options."""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from ..book import file_sha256
from ..errors import UserError

VOICES_ENV = "TTS_PIPELINE_VOICES"
DEFAULT_VOICE = "vi-north"


class Engine(Protocol):
    name: str
    version: str
    sample_rate: int

    def synthesize(self, text: str) -> np.ndarray: ...


class VoiceError(UserError):
    """A voice that cannot be found or used; the message says what to do."""


@dataclass(frozen=True)
class Voice:
    name: str
    engine: str = "espeak"
    language: str = "vi"
    description: str = ""
    options: dict = field(default_factory=dict)
    path: Path | None = None

    def fingerprint(self, rate_scale: float = 1.0) -> str:
        """What the audio of an utterance depends on, besides its text: engine, options, the
        model files' contents and the speaking rate."""
        digest = hashlib.sha256(json.dumps(
            {"engine": self.engine, "options": self.options, "rate_scale": rate_scale},
            sort_keys=True,
        ).encode())
        for key in ("model", "config"):
            path = model_path(self, key)
            files = sorted(path.iterdir()) if path and path.is_dir() else [path]
            for file in files:
                if file is not None and file.is_file():
                    digest.update(file_sha256(file).encode())
        return digest.hexdigest()[:16]


BUILTIN = Voice(DEFAULT_VOICE, "espeak", "vi", "espeak-ng Vietnamese (northern)",
                {"voice": "vi", "rate": 165, "pitch": 50, "word_gap": 0})


def voice_folders() -> list[Path]:
    """Where voices are looked for: $TTS_PIPELINE_VOICES, ./voices, the project's voices/."""
    folders = [Path(part) for part in os.environ.get(VOICES_ENV, "").split(os.pathsep) if part]
    folders += [Path.cwd() / "voices", Path(__file__).resolve().parents[2] / "voices"]
    unique: list[Path] = []
    for folder in folders:
        if folder.is_dir() and folder.resolve() not in [known.resolve() for known in unique]:
            unique.append(folder)
    return unique


def _read_voice(path: Path) -> Voice:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise VoiceError(f"{path} is not valid TOML ({error})") from None
    return Voice(
        name=data.get("name", path.stem),
        engine=data.get("engine", "espeak"),
        language=data.get("language", "vi"),
        description=data.get("description", ""),
        options=dict(data.get("options", {})),
        path=path,
    )


def all_voices() -> dict[str, Voice]:
    voices = {BUILTIN.name: BUILTIN}
    for folder in reversed(voice_folders()):
        for path in sorted(folder.glob("*.toml")):
            voice = _read_voice(path)
            voices[voice.name] = voice
    return voices


def find_voice(name: str) -> Voice:
    voices = all_voices()
    if name not in voices:
        raise VoiceError(
            f"no voice named {name!r}: choose one of {', '.join(sorted(voices))} "
            "or add a voices/<name>.toml"
        )
    return voices[name]


_ENGINE_MODULES = {"espeak": "espeakng_loader", "piper": "piper", "coqui": "TTS"}
_ENGINE_OPTIONS = {
    "espeak": ("voice", "rate", "pitch", "word_gap"),
    "piper": ("model", "config", "speaker", "length_scale", "noise_scale", "noise_w"),
    "coqui": ("model", "config", "seed", "speaker", "language", "length_scale", "noise_scale",
              "noise_scale_dp"),
}
_EXTRAS = {
    "piper": "pip install 'tts-pipeline[piper]'",
    "coqui": "pip install 'tts-pipeline[coqui]'",
}


def model_path(voice: Voice, key: str = "model") -> Path | None:
    """A model file named in the voice's options, relative to the voice file."""
    value = voice.options.get(key)
    if not value:
        return None
    path = Path(value)
    return path if path.is_absolute() or voice.path is None else voice.path.parent / path


def why_unusable(voice: Voice) -> str | None:
    """None when the voice can speak here, else what is missing and how to get it."""
    import importlib.util

    module = _ENGINE_MODULES.get(voice.engine)
    if module is None:
        return f"unknown engine {voice.engine!r} (espeak, piper or coqui)"
    unknown = [name for name in voice.options if name not in _ENGINE_OPTIONS[voice.engine]]
    if unknown:
        return (f"unknown option {', '.join(map(repr, unknown))} in [options]: the "
                f"{voice.engine} engine takes {', '.join(_ENGINE_OPTIONS[voice.engine])}")
    if importlib.util.find_spec(module) is None:
        return f"the {voice.engine} engine is not installed: {_EXTRAS.get(voice.engine, '')}"
    for key in ("model", "config"):
        path = model_path(voice, key)
        if path is not None and not path.exists():
            return f"model file missing: {path}"
    if voice.engine != "espeak" and model_path(voice) is None:
        return "the voice names no model file (options.model)"
    return None


def load_engine(voice: Voice, rate_scale: float = 1.0, device: str = "cpu") -> Engine:
    """Build the voice's engine (heavy imports happen only here); a VoiceError names the
    voice file and what is wrong with it."""
    try:
        problem = why_unusable(voice)
        if problem:
            raise VoiceError(problem)
        return _build_engine(voice, rate_scale, device)
    except VoiceError as error:
        raise VoiceError(f"{voice.path or f'voice {voice.name!r}'}: {error}") from None


def _build_engine(voice: Voice, rate_scale: float, device: str) -> Engine:
    if voice.engine == "piper":
        from .piper import PiperEngine

        return PiperEngine(voice, rate_scale, device)
    if voice.engine == "coqui":
        from .coqui import CoquiEngine

        return CoquiEngine(voice, rate_scale, device)
    from .espeak import EspeakEngine

    options = dict(voice.options)
    options["rate"] = round(options.get("rate", 165) * rate_scale)
    return EspeakEngine(**options)


_ENGINE_DISTRIBUTIONS = {"espeak": "espeakng-loader", "piper": "piper-tts", "coqui": "coqui-tts"}


def engine_version(voice: Voice) -> str:
    """The installed version of the engine's package, part of every cache key."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(_ENGINE_DISTRIBUTIONS.get(voice.engine, voice.engine))
    except PackageNotFoundError:
        return "unknown"
