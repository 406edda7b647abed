"""The Piper engine, loaded through piper-tts's public API on a tiny random ONNX voice."""

import json
import logging
import os
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")  # before onnxruntime is first imported
pytest.importorskip("piper", reason="piper extra not installed: pip install -e '.[piper]'")

import onnx  # noqa: E402
import onnxruntime  # noqa: E402
from onnx import TensorProto, helper, numpy_helper  # noqa: E402
from piper.phoneme_ids import DEFAULT_PHONEME_ID_MAP  # noqa: E402
from voicefile import voice_beside  # noqa: E402

from tts_pipeline.voices.voice import Voice, VoiceError, load_engine  # noqa: E402

SAMPLES_PER_ID = 64
SHORT = "Xin chào."
LONG = "Xin chào bà con tổ dân phố số bảy, phường Đông Hồ. Ủy ban nhân dân phường thông báo!"


def build_model(folder: Path, sample_rate: int = 16000) -> Path:
    """A graph with Piper's inputs whose output has SAMPLES_PER_ID × length_scale samples per id."""
    num_symbols = max(max(ids) for ids in DEFAULT_PHONEME_ID_MAP.values()) + 1
    table = np.random.default_rng(7).uniform(-0.5, 0.5, (num_symbols, SAMPLES_PER_ID))
    nodes = [
        helper.make_node("Gather", ["table", "input"], ["embedded"]),  # [1, N, S]
        helper.make_node("Reshape", ["embedded", "flat_shape"], ["flat"]),  # [1, 1, N*S]
        helper.make_node("Slice", ["scales", "one", "two"], ["length_scale"]),
        helper.make_node("Concat", ["ones", "length_scale"], ["resize_scales"], axis=0),
        helper.make_node("Resize", ["flat", "", "resize_scales"], ["stretched"], mode="nearest"),
        helper.make_node("Tanh", ["stretched"], ["output"]),
    ]
    initializers = [
        numpy_helper.from_array(table.astype(np.float32), "table"),
        numpy_helper.from_array(np.array([1, 1, -1], np.int64), "flat_shape"),
        numpy_helper.from_array(np.array([1], np.int64), "one"),
        numpy_helper.from_array(np.array([2], np.int64), "two"),
        numpy_helper.from_array(np.array([1, 1], np.float32), "ones"),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny-piper",
        [
            helper.make_tensor_value_info("input", TensorProto.INT64, [1, "N"]),
            helper.make_tensor_value_info("input_lengths", TensorProto.INT64, [1]),
            helper.make_tensor_value_info("scales", TensorProto.FLOAT, [3]),
        ],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 1, "T"])],
        initializers,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.checker.check_model(model)
    path = folder / "tiny.onnx"
    onnx.save(model, path)
    config = {
        "num_symbols": num_symbols,
        "num_speakers": 1,
        "audio": {"sample_rate": sample_rate},
        "espeak": {"voice": "vi"},
        "phoneme_type": "espeak",
        "phoneme_id_map": DEFAULT_PHONEME_ID_MAP,
        "inference": {"noise_scale": 0.667, "length_scale": 1.0, "noise_w": 0.8},
    }
    path.with_name("tiny.onnx.json").write_text(json.dumps(config, ensure_ascii=False))
    return path


def voice_in(folder: Path, **options: object) -> Voice:
    return voice_beside(folder, "piper", "tiny.onnx", **options)


def test_tiny_voice_speaks_vietnamese(tmp_path, caplog):
    build_model(tmp_path)
    engine = load_engine(voice_in(tmp_path))
    with caplog.at_level(logging.WARNING, logger="piper"):
        short = engine.synthesize(SHORT)
        longer = engine.synthesize(LONG)
    assert not caplog.records, "every phoneme espeak-ng emits for Vietnamese has an id"
    assert engine.name == "piper" and engine.sample_rate == 16000
    assert engine.version[0].isdigit()
    assert short.dtype == np.float32 and longer.dtype == np.float32
    assert np.isfinite(longer).all() and np.abs(longer).max() <= 1.0
    assert len(longer) > 3 * len(short) > 0
    assert len(short) % SAMPLES_PER_ID == 0


def test_slower_rate_and_length_scale_lengthen(tmp_path):
    build_model(tmp_path)
    normal = load_engine(voice_in(tmp_path)).synthesize(LONG)
    slow = load_engine(voice_in(tmp_path), rate_scale=0.5).synthesize(LONG)
    drawn_out = load_engine(voice_in(tmp_path, length_scale=1.5)).synthesize(LONG)
    assert len(slow) == pytest.approx(2 * len(normal), rel=0.01)
    assert len(drawn_out) == pytest.approx(1.5 * len(normal), rel=0.01)


def test_config_option_and_missing_files(tmp_path):
    model = build_model(tmp_path, sample_rate=22050)
    model.with_name("tiny.onnx.json").rename(tmp_path / "settings.json")
    with pytest.raises(VoiceError, match="config missing"):
        load_engine(voice_in(tmp_path))
    assert load_engine(voice_in(tmp_path, config="settings.json")).sample_rate == 22050
    with pytest.raises(VoiceError, match="model file missing"):
        load_engine(voice_in(tmp_path, model="absent.onnx"))


def test_speaker_outside_the_model_is_refused(tmp_path):
    build_model(tmp_path)
    with pytest.raises(VoiceError, match="speaker 3"):
        load_engine(voice_in(tmp_path, speaker=3))


@pytest.mark.skipif(
    "CUDAExecutionProvider" in onnxruntime.get_available_providers(),
    reason="onnxruntime-gpu is installed",
)
def test_cuda_without_onnxruntime_gpu_is_refused(tmp_path):
    build_model(tmp_path)
    with pytest.raises(VoiceError, match="onnxruntime-gpu"):
        load_engine(voice_in(tmp_path), device="cuda")


def test_a_worker_runs_the_model_with_its_share_of_the_cores(tmp_path, monkeypatch):
    """Two workers each running onnxruntime's threads on every core were slower than one
    process (docs/benchmarks.md); a worker's session computes with its share."""
    build_model(tmp_path)
    monkeypatch.delenv("TTS_PIPELINE_THREADS", raising=False)
    alone = load_engine(voice_in(tmp_path))
    assert alone.voice.session.get_session_options().intra_op_num_threads == 0  # its default
    monkeypatch.setenv("TTS_PIPELINE_THREADS", "2")  # as synthesis.share_cores sets it
    worker = load_engine(voice_in(tmp_path))
    assert worker.voice.session.get_session_options().intra_op_num_threads == 2
    assert np.array_equal(worker.synthesize(SHORT), alone.synthesize(SHORT))
