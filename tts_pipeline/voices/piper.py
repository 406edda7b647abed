"""Piper engine: a VITS voice exported to ONNX (`x.onnx` + `x.onnx.json`), run by onnxruntime."""

from __future__ import annotations

import os

# onnxruntime otherwise writes a device id and telemetry under the user's cache on import.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

import json
from importlib.metadata import version
from pathlib import Path

import numpy as np
import onnxruntime
from piper import PiperConfig, PiperVoice, SynthesisConfig

from ..i18n import _
from .base import Voice, VoiceError, model_path, thread_share


class PiperEngine:
    """A Piper voice; options: model, config, speaker, length_scale, noise_scale, noise_w."""

    name = "piper"

    def __init__(self, voice: Voice, rate_scale: float = 1.0, device: str = "cpu") -> None:
        if rate_scale <= 0:
            raise VoiceError(_("rate_scale must be positive, not {value}").format(
                value=rate_scale))
        cuda_ready = "CUDAExecutionProvider" in onnxruntime.get_available_providers()
        if device == "cuda" and not cuda_ready:
            raise VoiceError(_(
                "device 'cuda' needs onnxruntime-gpu in place of onnxruntime: {command}"
            ).format(command="pip uninstall onnxruntime && pip install onnxruntime-gpu"))
        model = model_path(voice)
        if model is None:
            raise VoiceError(_("voice {name!r} names no Piper model (options.model): "
                               "give the model file's path").format(name=voice.name))
        config = model_path(voice, "config") or model.with_name(model.name + ".json")
        if not config.is_file():
            raise VoiceError(_("voice {name!r}: Piper config missing: {file}").format(
                name=voice.name, file=config))
        threads = thread_share()
        if threads is None or device == "cuda":
            self.voice = PiperVoice.load(model, config_path=config, use_cuda=device == "cuda")
        else:  # one of several workers: the model computes with this worker's share of cores
            self.voice = _shared_cores_voice(model, config, threads)
        settings = self.voice.config
        options = voice.options
        speaker = options.get("speaker")
        if speaker is not None and not 0 <= int(speaker) < settings.num_speakers:
            raise VoiceError(_(
                "voice {name!r}: speaker {speaker} is not one of the model's {count} speakers "
                "(0-{last})").format(name=voice.name, speaker=speaker,
                                      count=settings.num_speakers,
                                      last=settings.num_speakers - 1))
        self.synthesis = SynthesisConfig(
            speaker_id=None if speaker is None else int(speaker),
            length_scale=float(options.get("length_scale", settings.length_scale)) / rate_scale,
            noise_scale=float(options.get("noise_scale", settings.noise_scale)),
            noise_w_scale=float(options.get("noise_w", settings.noise_w_scale)),
        )
        self.sample_rate = settings.sample_rate
        self.version = version("piper-tts")

    def synthesize(self, text: str) -> np.ndarray:
        """Piper speaks sentence by sentence; the sentences are joined without a gap."""
        chunks = [
            chunk.audio_float_array for chunk in self.voice.synthesize(text, self.synthesis)
        ]
        if not chunks:
            return np.zeros(0, np.float32)
        return np.concatenate(chunks).astype(np.float32, copy=False)


def _shared_cores_voice(model: Path, config: Path, threads: int) -> PiperVoice:
    """The voice as PiperVoice.load builds it on the CPU, its session limited to `threads`."""
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads, options.inter_op_num_threads = threads, 1
    session = onnxruntime.InferenceSession(str(model), sess_options=options,
                                           providers=["CPUExecutionProvider"])
    settings = PiperConfig.from_dict(json.loads(config.read_text(encoding="utf-8")))
    return PiperVoice(session=session, config=settings)
