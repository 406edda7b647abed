"""Coqui engine: a local VITS model run by coqui-tts, from a coqui checkpoint or an MMS folder."""

from __future__ import annotations

import json
import re
import unicodedata
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
import torch
from TTS.config import load_config
from TTS.config.shared_configs import BaseAudioConfig
from TTS.tts.configs.vits_config import VitsArgs, VitsConfig
from TTS.tts.models.vits import Vits

from ..i18n import _
from .base import Voice, VoiceError, model_path


class CoquiEngine:
    """A VITS voice: options.model is a coqui .pth (+ options.config) or an MMS folder."""

    name = "coqui"

    def __init__(self, voice: Voice, rate_scale: float = 1.0, device: str = "cpu") -> None:
        if rate_scale <= 0:
            raise VoiceError(_("rate_scale must be positive, not {value}").format(
                value=rate_scale))
        if device == "cuda" and not torch.cuda.is_available():
            raise VoiceError(_("device 'cuda' was asked for, but torch sees no CUDA GPU: use "
                               "--device cpu"))
        checkpoint = model_path(voice)
        if checkpoint is None:
            raise VoiceError(_("voice {name!r} names no coqui model (options.model): "
                               "give the model file's path").format(name=voice.name))
        mms = _mms_checkpoint(checkpoint)
        self.model = (
            _load_mms(mms, voice.language) if mms else _load_coqui(voice, checkpoint)
        )
        self.model.to(device)
        options = voice.options
        self.model.length_scale = float(options.get("length_scale", self.model.length_scale))
        self.model.length_scale /= rate_scale
        self.model.inference_noise_scale = float(
            options.get("noise_scale", self.model.inference_noise_scale)
        )
        self.model.inference_noise_scale_dp = float(
            options.get("noise_scale_dp", self.model.inference_noise_scale_dp)
        )
        self.speaker: str | None = options.get("speaker")
        self.language: str | None = options.get("language")
        self.seed = int(options.get("seed", 0))
        audio = self.model.config.audio
        self.sample_rate = int(audio.get("output_sample_rate") or audio["sample_rate"])
        self.version = version("coqui-tts")

    def synthesize(self, text: str) -> np.ndarray:
        """Each call starts from the same seed, so an utterance's audio depends only on its text."""
        torch.manual_seed(self.seed)
        # The model is called directly: coqui's Synthesizer would cut each sentence at its first
        # pause (silence trimming), split sentences the English way and pad them with silence.
        with torch.inference_mode():
            outputs = self.model.synthesize(
                unicodedata.normalize("NFC", text),
                speaker=self.speaker,
                language=self.language,
                do_trim_silence=False,
            )
        return np.clip(np.asarray(outputs["wav"], dtype=np.float32).reshape(-1), -1.0, 1.0)


def _load_coqui(voice: Voice, checkpoint: Path) -> Vits:
    config_path = model_path(voice, "config") or checkpoint.with_name("config.json")
    if not config_path.is_file():
        raise VoiceError(_("voice {name!r}: coqui config missing: {file}").format(
            name=voice.name, file=config_path))
    config = load_config(str(config_path))
    if config.model != "vits":
        raise VoiceError(_(
            "voice {name!r}: {file} describes a {model!r} model; the coqui engine runs VITS "
            "models").format(name=voice.name, file=config_path, model=config.model))
    model = Vits(config)
    model.load_checkpoint(config, str(checkpoint), eval=True)
    model.disc = None  # the discriminator only serves training
    return model


def _mms_checkpoint(path: Path) -> Path | None:
    """The generator checkpoint when `path` is an MMS folder (or its G_*.pth), else None."""
    folder = path if path.is_dir() else path.parent
    if not (folder / "vocab.txt").is_file():
        if path.is_dir():
            raise VoiceError(_("{folder} is a folder but not an MMS model: it has no vocab.txt"
                               ).format(folder=path))
        return None
    if not path.is_dir():
        return path
    steps = {
        int(match[1]): found
        for found in folder.glob("G_*.pth")
        if (match := re.fullmatch(r"G_(\d+)\.pth", found.name))
    }
    if not steps:
        raise VoiceError(_("MMS folder {folder} has no G_<step>.pth checkpoint").format(
            folder=folder))
    return steps[max(steps)]


def _load_mms(checkpoint: Path, language: str) -> Vits:
    """Meta's MMS (fairseq VITS) layout: G_<step>.pth, vocab.txt, config.json in one folder."""
    config_file = checkpoint.parent / "config.json"
    if not config_file.is_file():
        raise VoiceError(_("MMS folder {folder} has no config.json").format(
            folder=checkpoint.parent))
    settings = json.loads(config_file.read_text(encoding="utf-8"))
    model = Vits(_mms_config(settings, language))
    model.load_fairseq_checkpoint(model.config, checkpoint, eval=True)
    return model


def _mms_config(settings: dict[str, Any], language: str) -> VitsConfig:
    """Coqui's VITS config with the architecture that an MMS config.json describes."""
    data, layers = settings["data"], settings["model"]
    audio = BaseAudioConfig(
        sample_rate=data["sampling_rate"],
        fft_size=data["filter_length"],
        win_length=data["win_length"],
        hop_length=data["hop_length"],
        num_mels=data["n_mel_channels"],
    )
    args = VitsArgs(
        out_channels=data["filter_length"] // 2 + 1,
        hidden_channels=layers["hidden_channels"],
        hidden_channels_ffn_text_encoder=layers["filter_channels"],
        num_heads_text_encoder=layers["n_heads"],
        num_layers_text_encoder=layers["n_layers"],
        kernel_size_text_encoder=layers["kernel_size"],
        resblock_type_decoder=layers["resblock"],
        resblock_kernel_sizes_decoder=layers["resblock_kernel_sizes"],
        resblock_dilation_sizes_decoder=layers["resblock_dilation_sizes"],
        upsample_rates_decoder=layers["upsample_rates"],
        upsample_initial_channel_decoder=layers["upsample_initial_channel"],
        upsample_kernel_sizes_decoder=layers["upsample_kernel_sizes"],
        use_sdp=layers.get("use_sdp", True),
        init_discriminator=False,
    )
    return VitsConfig(audio=audio, model_args=args, languages=[language])
