"""What every engine shares: the voice definition, the error a user can fix, and the shape
of an engine — built from a voice, a speaking-rate scale and a device, it turns text into
audio."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from ..book import file_sha256
from ..errors import UserError


class Engine(Protocol):
    """Every engine's constructor is `(voice: Voice, rate_scale: float, device: str)` and
    raises VoiceError for every mistake in the voice file."""

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


def model_path(voice: Voice, key: str = "model") -> Path | None:
    """A model file named in the voice's options, relative to the voice file."""
    value = voice.options.get(key)
    if not value:
        return None
    path = Path(value)
    return path if path.is_absolute() or voice.path is None else voice.path.parent / path


THREADS_VARIABLE = "TTS_PIPELINE_THREADS"


def thread_share() -> int | None:
    """The threads an engine may compute with in this process, when it is one of several
    synthesis workers (None: as many as the engine likes)."""
    value = os.environ.get(THREADS_VARIABLE, "")
    return int(value) if value.isdigit() and int(value) > 0 else None
