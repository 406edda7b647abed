"""bench/neural_rtf.py rebuilds each catalogue voice at its published size, and the project's
engines speak the rebuilt files at the speaking rate the benchmark asks for."""

import sys
from pathlib import Path

import pytest

pytest.importorskip("piper", reason="piper extra not installed: pip install -e '.[piper]'")
pytest.importorskip("TTS", reason="coqui extra not installed: pip install -e '.[coqui]'")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import neural_rtf  # noqa: E402

from tts_pipeline.voices.voice import load_engine  # noqa: E402

SENTENCE = "ủy ban nhân dân phường thông báo lịch tiêm chủng mở rộng cho trẻ em dưới năm tuổi"
VOICES = {voice.name: voice for voice in neural_rtf.VOICES}


@pytest.mark.slow  # building the four models takes 5 to 30 s on two cores, with the load
@pytest.mark.parametrize("name", VOICES)
def test_rebuilt_voice_has_the_published_parameter_count(name):
    spec = VOICES[name]
    count = neural_rtf.parameters(spec, neural_rtf.random_model(spec, [SENTENCE]))
    assert count == pytest.approx(neural_rtf.published_parameters(spec), rel=0.15)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["vi_VN-vivos-x_low", "mms-tts-vie"])
def test_engine_speaks_the_rebuilt_voice_at_the_asked_rate(name, tmp_path):
    spec = VOICES[name]
    built = neural_rtf.build(spec, tmp_path, [SENTENCE])
    assert built.file_bytes == pytest.approx(spec.published_bytes, rel=0.15)
    target = neural_rtf.syllables([SENTENCE]) / 4.0
    voice = neural_rtf.calibrated(built.voice, [SENTENCE], target)
    engine = load_engine(voice)
    assert engine.sample_rate == spec.sample_rate
    # Piper draws each phoneme's duration with noise (noise_w) on every call: one sentence of
    # the rebuilt vivos voice lasted 0.90-1.13 times its mean over 30 calls, and the
    # calibration itself rests on such draws.
    assert neural_rtf.seconds_of(engine, [SENTENCE]) == pytest.approx(target, rel=0.25)
    measured = neural_rtf.one_process(voice, [SENTENCE], repetitions=1)
    assert measured.rtf > 0 and measured.audio_seconds == pytest.approx(target, rel=0.25)
