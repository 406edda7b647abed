"""Real-time factor of the catalogue's neural Vietnamese voices on this machine.

No model is downloaded: each voice is rebuilt with random weights in its published architecture
and size (Piper's own VITS class for the Piper voices, exported to ONNX as Piper exports them;
coqui's VITS in Meta's MMS layout for MMS), then run through the project's engines exactly as
`convert` runs them. Random weights sound like noise but cost the same arithmetic; their random
durations are scaled (the voice's `length_scale`) so the audio lasts as long as a reading at
--syllables-per-second would.

Run with `make bench-neural` (or `python bench/neural_rtf.py`; needs the piper and coqui extras).
Prints a Markdown table ready for docs/neural-voices.md; --record appends it, dated, to
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import onnx
import torch
from piper.phoneme_ids import DEFAULT_PHONEME_ID_MAP
from piper.train.vits.models import SynthesizerTrn
from run import ROOT, SAMPLE, machine, table
from TTS.tts.models.vits import Vits

from tts_pipeline.extract import extract
from tts_pipeline.reading import read_chapter
from tts_pipeline.voices.base import Engine, Voice
from tts_pipeline.voices.coqui import _mms_config
from tts_pipeline.voices.synthesis import share_cores
from tts_pipeline.voices.voice import load_engine

sys.path.insert(0, str(ROOT / "tests"))
from test_coqui import fairseq_name  # noqa: E402

BULLETIN_MINUTES = 40

# Piper's decoder for its x_low, low and medium voices (piper_train/vits/config.py,
# ModelAudioConfig.low_quality; the training defaults in vits/lightning.py); "high" differs.
PIPER_DECODER: dict[str, Any] = {
    "resblock": "2",
    "resblock_kernel_sizes": (3, 5, 7),
    "resblock_dilation_sizes": ((1, 2), (2, 6), (3, 12)),
    "upsample_rates": (8, 8, 4),
    "upsample_initial_channel": 256,
    "upsample_kernel_sizes": (16, 16, 8),
}
# Width by quality: piper_train/__main__.py narrows x-low; low and medium keep the defaults.
PIPER_WIDTH = {
    "x_low": {"hidden_channels": 96, "inter_channels": 96, "filter_channels": 384},
    "low": {"hidden_channels": 192, "inter_channels": 192, "filter_channels": 768},
    "medium": {"hidden_channels": 192, "inter_channels": 192, "filter_channels": 768},
}
PIPER_SPEAKER_CHANNELS = 512  # gin_channels of a multi-speaker Piper voice
# Piper's onnx.json carries no training-only module: the posterior encoder, the duration
# predictor's posterior flows and the flow its reverse pass skips are not in the graph.
PIPER_TRAINING_ONLY = ("enc_q.", "dp.post_", "dp.flows.1.")

# facebook/mms-tts-vie (transformers VitsConfig defaults, which the MMS checkpoints use), in the
# fairseq config.json layout that coqui-tts reads.
MMS_SETTINGS: dict[str, Any] = {
    "data": {
        "training_files": "data/train.ltr",
        "sampling_rate": 16000,
        "filter_length": 1024,
        "win_length": 1024,
        "hop_length": 256,
        "n_mel_channels": 80,
        "add_blank": True,
        "n_speakers": 0,
    },
    "model": {
        "inter_channels": 192,
        "hidden_channels": 192,
        "filter_channels": 768,
        "n_heads": 2,
        "n_layers": 6,
        "kernel_size": 3,
        "resblock": "1",
        "resblock_kernel_sizes": [3, 7, 11],
        "resblock_dilation_sizes": [[1, 3, 5], [1, 3, 5], [1, 3, 5]],
        "upsample_rates": [8, 8, 2, 2],
        "upsample_initial_channel": 512,
        "upsample_kernel_sizes": [16, 16, 4, 4],
        "use_sdp": True,
    },
}


@dataclass(frozen=True)
class NeuralVoice:
    """A catalogue voice: what is published about it and the architecture to rebuild."""

    name: str
    engine: str
    quality: str  # Piper's quality; "mms" for Meta's
    sample_rate: int
    speakers: int
    symbols: int  # input symbols (the embedding's rows)
    licence: str
    published_bytes: int  # the model file's size as published (float32 weights)
    published_file: str


VOICES = [
    NeuralVoice("vi_VN-vais1000-medium", "piper", "medium", 22050, 1, 256,
                "weights MIT; data VAIS-1000, CC BY 4.0", 63_201_294, "voices.json"),
    NeuralVoice("vi_VN-25hours_single-low", "piper", "low", 16000, 1, 130,
                "weights MIT; data licence unknown", 63_104_526, "voices.json"),
    NeuralVoice("vi_VN-vivos-x_low", "piper", "x_low", 16000, 65, 130,
                "weights MIT; data VIVOS, CC BY-NC-SA 4.0", 27_789_413, "voices.json"),
    NeuralVoice("mms-tts-vie", "coqui", "mms", 16000, 1, 0,
                "CC BY-NC 4.0", 145_000_000, "model.safetensors, about 145 MB"),
]


def published_parameters(voice: NeuralVoice) -> int:
    """Parameters implied by the published file: four bytes per float32 weight."""
    return voice.published_bytes // 4


# --- building the models -------------------------------------------------------------------


def piper_model(voice: NeuralVoice) -> SynthesizerTrn:
    """Piper's VITS generator at the voice's quality, random weights, ready for export."""
    torch.manual_seed(0)
    model = SynthesizerTrn(
        n_vocab=voice.symbols,
        spec_channels=1024 // 2 + 1,  # Piper's 1024-point FFT; only the posterior encoder
        segment_size=32,
        n_heads=2,
        n_layers=6,
        kernel_size=3,
        p_dropout=0.1,
        n_speakers=voice.speakers,
        gin_channels=PIPER_SPEAKER_CHANNELS if voice.speakers > 1 else 0,
        use_sdp=True,
        **PIPER_WIDTH[voice.quality],
        **PIPER_DECODER,
    )
    model.eval()
    with torch.no_grad():
        model.dec.remove_weight_norm()
    return model


def mms_model(vocabulary: list[str]) -> Vits:
    """The MMS architecture as coqui-tts builds it from an MMS config.json, random weights."""
    torch.manual_seed(0)
    model = Vits(_mms_config(MMS_SETTINGS, "vi"))
    model.text_encoder.emb = torch.nn.Embedding(
        len(vocabulary), MMS_SETTINGS["model"]["hidden_channels"])
    return model


def parameters(voice: NeuralVoice, model: torch.nn.Module) -> int:
    """Weights the published file holds: Piper's ONNX only those inference runs; MMS's
    checkpoint the whole generator."""
    skipped = PIPER_TRAINING_ONLY if voice.engine == "piper" else ()
    return sum(
        weights.numel() for name, weights in model.named_parameters()
        if not name.startswith(skipped)
    )


def export_piper(voice: NeuralVoice, model: SynthesizerTrn, folder: Path) -> Path:
    """`<name>.onnx` with Piper's inputs (input, input_lengths, scales[, sid]) and its
    `.onnx.json`, the phoneme map cut to the model's symbols as the real voice's is."""

    def speak(text, text_lengths, scales, sid=None):
        audio = model.infer(text, text_lengths, sid=sid, noise_scale=scales[0],
                            length_scale=scales[1], noise_scale_w=scales[2])[0]
        return audio.unsqueeze(1)

    model.forward = speak  # type: ignore[method-assign]
    inputs = (torch.randint(0, voice.symbols, (1, 50)), torch.LongTensor([50]),
              torch.FloatTensor([0.667, 1.0, 0.8]),
              torch.LongTensor([0]) if voice.speakers > 1 else None)
    path = folder / f"{voice.name}.onnx"
    torch.onnx.export(
        model, inputs, str(path), opset_version=15, dynamo=False,
        input_names=["input", "input_lengths", "scales", "sid"], output_names=["output"],
        dynamic_axes={"input": {0: "batch", 1: "phonemes"}, "input_lengths": {0: "batch"},
                      "output": {0: "batch", 2: "time"}},
    )
    config = {
        "audio": {"sample_rate": voice.sample_rate, "quality": voice.quality},
        "espeak": {"voice": "vi"},
        "phoneme_type": "espeak",
        "num_symbols": voice.symbols,
        "num_speakers": voice.speakers,
        "phoneme_id_map": {
            phoneme: ids for phoneme, ids in DEFAULT_PHONEME_ID_MAP.items()
            if max(ids) < voice.symbols
        },
        "inference": {"noise_scale": 0.667, "length_scale": 1.0, "noise_w": 0.8},
    }
    path.with_name(path.name + ".json").write_text(json.dumps(config, ensure_ascii=False))
    return path


def save_mms(model: Vits, vocabulary: list[str], folder: Path) -> Path:
    """An MMS folder as Meta publishes it (config.json, vocab.txt, G_<step>.pth)."""
    folder.mkdir()
    (folder / "config.json").write_text(json.dumps(MMS_SETTINGS), "utf-8")
    (folder / "vocab.txt").write_text("".join(f"{symbol}\n" for symbol in vocabulary), "utf-8")
    weights = {fairseq_name(name): value for name, value in model.state_dict().items()}
    torch.save({"model": weights, "iteration": 0}, folder / "G_0.pth")
    return folder


def mms_vocabulary(texts: list[str]) -> list[str]:
    """Pad, space and every character of the texts, lower-cased as the MMS reader sees them."""
    letters = sorted({character for text in texts for character in text.lower()} - {" "})
    return ["_", " ", *letters]


@dataclass
class Built:
    """A rebuilt voice, ready for the project's engines."""

    spec: NeuralVoice
    voice: Voice
    parameters: int
    file_bytes: int
    note: str


def random_model(spec: NeuralVoice, texts: list[str]) -> torch.nn.Module:
    """The voice's architecture with random weights (MMS reads the characters of `texts`)."""
    return piper_model(spec) if spec.engine == "piper" else mms_model(mms_vocabulary(texts))


def build(spec: NeuralVoice, folder: Path, texts: list[str]) -> Built:
    """The voice rebuilt in `folder` in its published file format."""
    model = random_model(spec, texts)
    count = parameters(spec, model)
    if isinstance(model, SynthesizerTrn):
        path = export_piper(spec, model, folder)
        graph = onnx.load(str(path))
        in_graph = sum(math.prod(tensor.dims) for tensor in graph.graph.initializer)
        size, note = path.stat().st_size, f"{in_graph:,} weights in the exported graph"
    else:
        path = save_mms(model, mms_vocabulary(texts), folder / spec.name)
        size, note = count * 4, f"checkpoint {(path / 'G_0.pth').stat().st_size / 1e6:.1f} MB"
    voice = Voice(spec.name, spec.engine, options={"model": str(path)})
    return Built(spec, voice, count, size, note)


# --- measuring -----------------------------------------------------------------------------


def bulletin_utterances(count: int) -> list[str]:
    """The first `count` utterances of the sample bulletin, as `convert` hands them to a voice."""
    book, _ = extract(SAMPLE)
    spoken = [
        utterance.spoken
        for chapter in book.spoken_chapters()
        for utterance in read_chapter(chapter.title, chapter.paragraphs)
    ]
    return spoken[:count]


def syllables(texts: list[str]) -> int:
    """Vietnamese is written a syllable a word: the spoken text's words."""
    return sum(len(text.split()) for text in texts)


def seconds_of(engine: Engine, texts: list[str]) -> float:
    return sum(len(engine.synthesize(text)) for text in texts) / engine.sample_rate


def calibrated(voice: Voice, texts: list[str], target_seconds: float) -> Voice:
    """The voice with the length_scale that makes `texts` last `target_seconds` (±3 %)."""
    scale = 1.0
    for _ in range(4):
        voice = replace(voice, options={**voice.options, "length_scale": round(scale, 4)})
        seconds = seconds_of(load_engine(voice), texts)
        if abs(seconds / target_seconds - 1) < 0.03:
            break
        scale *= target_seconds / seconds
    return voice


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


@dataclass
class Measurement:
    rtf: float
    audio_seconds: float
    load_before: str
    load_after: str


def one_process(voice: Voice, texts: list[str], repetitions: int) -> Measurement:
    """Best of `repetitions`: synthesis seconds per audio second, one engine in this process
    (as `say` and `convert --jobs 1` run), after a warm-up utterance."""
    engine = load_engine(voice)
    engine.synthesize(texts[0])
    before, runs = load_average(), []
    for _ in range(repetitions):
        start = time.perf_counter()
        audio = seconds_of(engine, texts)
        runs.append((time.perf_counter() - start) / audio)
    return Measurement(min(runs), audio, before, load_average())


_pool_engine: list[Engine] = []


def _start_worker(voice: Voice, warm_up: str, jobs: int) -> None:
    share_cores(jobs)
    _pool_engine.append(load_engine(voice))
    _pool_engine[0].synthesize(warm_up)


def _seconds(text: str) -> float:
    return seconds_of(_pool_engine[0], [text])


def worker_pool(voice: Voice, texts: list[str], repetitions: int, jobs: int) -> Measurement:
    """Best of `repetitions`: wall seconds per audio second with `jobs` worker processes, one
    engine each with its own thread pool, as `convert` runs (start-up excluded)."""
    before, runs, audio = load_average(), [], 0.0
    with ProcessPoolExecutor(jobs, mp_context=get_context("spawn"), initializer=_start_worker,
                             initargs=(voice, texts[0], jobs)) as pool:
        list(pool.map(_seconds, texts[:jobs]))  # every worker started and warm
        for _ in range(repetitions):
            start = time.perf_counter()
            audio = sum(pool.map(_seconds, texts))
            runs.append((time.perf_counter() - start) / audio)
    return Measurement(min(runs), audio, before, load_average())


def duration(minutes: float) -> str:
    return f"{int(minutes)} min {round(minutes % 1 * 60):02d} s" if minutes < 60 else \
        f"{int(minutes // 60)} h {round(minutes % 60):02d} min"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repetitions", type=int, default=3, help="the best one counts")
    parser.add_argument("--utterances", type=int, default=8,
                        help="how many of the sample bulletin's utterances each run speaks")
    parser.add_argument("--syllables-per-second", type=float, default=4.5,
                        help="speaking rate the random durations are scaled to")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes for the convert-like run (default: cores)")
    parser.add_argument("--voices", nargs="*", help="only these voices (names as in the table)")
    parser.add_argument("--record", action="store_true", help="append to docs/benchmarks.md")
    arguments = parser.parse_args()
    logging.getLogger("piper").setLevel(logging.ERROR)  # phonemes the cut map drops
    started = time.perf_counter()
    texts = bulletin_utterances(arguments.utterances)
    target = syllables(texts) / arguments.syllables_per_second
    rows, details = [], []
    with tempfile.TemporaryDirectory() as temporary:
        for spec in VOICES:
            if arguments.voices and spec.name not in arguments.voices:
                continue
            built = build(spec, Path(temporary), texts)
            voice = calibrated(built.voice, texts[:3], target * syllables(texts[:3])
                               / syllables(texts))
            single = one_process(voice, texts, arguments.repetitions)
            pooled = worker_pool(voice, texts, arguments.repetitions, arguments.jobs)
            cost = min(single.rtf, pooled.rtf) * BULLETIN_MINUTES
            rows.append([
                f"`{spec.name}`", spec.engine, f"{spec.sample_rate} Hz",
                str(spec.speakers), spec.licence, f"{spec.published_bytes / 1e6:.0f}",
                f"{published_parameters(spec) / 1e6:.1f} M / {built.parameters / 1e6:.1f} M",
                f"{single.rtf:.3f}", f"{pooled.rtf:.3f}", duration(cost),
            ])
            details.append([
                spec.name, f"{built.file_bytes / 1e6:.1f} MB; {built.note}",
                str(voice.options["length_scale"]), f"{single.audio_seconds:.1f} s",
                f"{single.load_before} → {single.load_after}",
                f"{pooled.load_before} → {pooled.load_after}",
            ])
    threads = torch.get_num_threads()
    columns = ["voice", "engine", "rate", "speakers", "licence", "size (MB)",
               "parameters (published / built)", "RTF, 1 process",
               f"RTF, {arguments.jobs} workers", f"{BULLETIN_MINUTES}-min bulletin"]
    sections = [
        table(f"Neural voices on {machine()}", columns, rows),
        table("How each was measured", ["voice", "built model", "length_scale", "audio a run",
                                        "load avg, 1 process", f"load avg, {arguments.jobs} "
                                        "workers"], details),
    ]
    total = time.perf_counter() - started
    command = "make bench-neural  # python bench/neural_rtf.py " + " ".join(sys.argv[1:])
    entry = (
        f"\n## {datetime.now():%Y-%m-%d %H:%M} — neural voices, {machine()}\n\n"
        f"Command: `{command.strip()}`; the whole run took {total / 60:.1f} min. "
        f"{len(texts)} utterances of the sample bulletin ({syllables(texts)} syllables, "
        f"{arguments.syllables_per_second:g} syllables/s), best of {arguments.repetitions}; "
        f"torch threads {threads}, onnxruntime threads: its default (one per core). "
        f"The {BULLETIN_MINUTES}-min column is the better RTF × {BULLETIN_MINUTES} min.\n\n"
        + "\n".join(sections)
    )
    print(entry)
    if arguments.record:
        with (ROOT / "docs" / "benchmarks.md").open("a", encoding="utf-8") as handle:
            handle.write(entry)


if __name__ == "__main__":
    main()
