"""Voices: small TOML files in voices/ naming an engine and its options, found by name, and
the table of engines that speak them."""

from __future__ import annotations

import importlib
import importlib.util
import os
import shlex
import sys
import tomllib
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, requires, version
from pathlib import Path

import platformdirs

from ..i18n import _
from .base import Engine, Voice, VoiceError, model_path

__all__ = ["ENGINES", "Engine", "Voice", "VoiceError", "find_voice", "load_engine",
           "model_path"]

APP = "tts-pipeline"
VOICES_ENV = "TTS_PIPELINE_VOICES"
DEFAULT_VOICE = "vi-north"


BUILTIN = Voice(DEFAULT_VOICE, "espeak", "vi", "espeak-ng Vietnamese (northern)",
                {"voice": "vi", "rate": 165, "pitch": 50, "word_gap": 0})


def user_voices_folder() -> Path:
    """Where `voices install` puts voices: the platform's data folder (XDG_DATA_HOME on
    Linux)."""
    return Path(platformdirs.user_data_dir(APP)) / "voices"


def voice_folders() -> list[Path]:
    """Where voices are looked for: $TTS_PIPELINE_VOICES, ./voices, the installed voices,
    the project's voices/."""
    folders = [Path(part) for part in os.environ.get(VOICES_ENV, "").split(os.pathsep) if part]
    folders += [Path.cwd() / "voices", user_voices_folder(),
                Path(__file__).resolve().parents[2] / "voices"]
    unique: list[Path] = []
    for folder in folders:
        if folder.is_dir() and folder.resolve() not in [known.resolve() for known in unique]:
            unique.append(folder)
    return unique


def _read_voice(path: Path) -> Voice:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise VoiceError(_("{file} is not valid TOML ({error}): fix the file").format(
            file=path, error=error)) from None
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
        raise VoiceError(_(
            "no voice named {name!r}: choose one of {voices} or add a voices/<name>.toml"
        ).format(name=name, voices=", ".join(sorted(voices))))
    return voices[name]


@dataclass(frozen=True)
class EngineSpec:
    """One engine: where its class lives, what must be installed for it, which package's
    version goes into every cache key, and the options a voice file may give it."""

    module: str  # tts_pipeline.voices.<module>
    class_name: str
    probe: str  # a module that is importable when the engine is installed
    distribution: str
    extra: str  # the pip extra that installs it; "" when it always is
    options: tuple[str, ...]


ENGINES = {
    "espeak": EngineSpec("espeak", "EspeakEngine", "espeakng_loader", "espeakng-loader", "",
                         ("voice", "rate", "pitch", "word_gap")),
    "piper": EngineSpec("piper", "PiperEngine", "piper", "piper-tts", "piper",
                        ("model", "config", "speaker", "length_scale", "noise_scale",
                         "noise_w")),
    "coqui": EngineSpec("coqui", "CoquiEngine", "TTS", "coqui-tts", "coqui",
                        ("model", "config", "seed", "speaker", "language", "length_scale",
                         "noise_scale", "noise_scale_dp")),
}


def engine_installed(engine: str) -> bool:
    """Whether the engine's package can be imported here."""
    return importlib.util.find_spec(ENGINES[engine].probe) is not None


def extra_requirements(extra: str) -> list[str]:
    """What the pip extra `extra` of this package requires (its pinned engine packages), from
    the installed package's metadata: installable from the index, checkout or not."""
    requirements = []
    for requirement in requires(APP) or []:
        name, _, marker = requirement.partition(";")
        if marker.replace("'", '"').replace(" ", "") == f'extra=="{extra}"':
            requirements.append(name.strip())
    return requirements


def pip_install_command(extra: str) -> list[str]:
    """The command that installs an engine's extra into this Python."""
    return [sys.executable, "-m", "pip", "install", *extra_requirements(extra)]


def why_unusable(voice: Voice) -> str | None:
    """None when the voice can speak here, else what is missing and how to get it."""
    spec = ENGINES.get(voice.engine)
    if spec is None:
        return _("unknown engine {engine!r}: use one of {engines}").format(
            engine=voice.engine, engines=", ".join(ENGINES))
    unknown = [name for name in voice.options if name not in spec.options]
    if unknown:
        return _("unknown option {names} in [options]: the {engine} engine takes {options}"
                 ).format(names=", ".join(map(repr, unknown)), engine=voice.engine,
                          options=", ".join(spec.options))
    if not engine_installed(voice.engine):
        return _("the {engine} engine is not installed: {command}").format(
            engine=voice.engine, command=shlex.join(pip_install_command(spec.extra)))
    for key in ("model", "config"):
        path = model_path(voice, key)
        if path is not None and not path.exists():
            return _("model file missing: {file}").format(file=path)
    if "model" in spec.options and model_path(voice) is None:
        return _("the voice names no model file (options.model): give its path")
    return None


def load_engine(voice: Voice, rate_scale: float = 1.0, device: str = "cpu") -> Engine:
    """Build the voice's engine (its module, and what it imports, load only here); a
    VoiceError names the voice file and what is wrong with it."""
    try:
        problem = why_unusable(voice)
        if problem:
            raise VoiceError(problem)
        spec = ENGINES[voice.engine]
        module = importlib.import_module(f".{spec.module}", __package__)
        return getattr(module, spec.class_name)(voice, rate_scale, device)
    except VoiceError as error:
        where = voice.path or _("voice {name!r}").format(name=voice.name)
        raise VoiceError(f"{where}: {error}") from None


def engine_version(voice: Voice) -> str:
    """The installed version of the engine's package, part of every cache key."""
    spec = ENGINES.get(voice.engine)
    try:
        return version(spec.distribution if spec else voice.engine)
    except PackageNotFoundError:
        return "unknown"
