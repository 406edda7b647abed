"""The embedded espeak-ng Vietnamese voice, loaded in process."""

import numpy as np
import pytest

from tts_pipeline.voices.voice import VoiceError, find_voice, load_engine


def test_default_voice_speaks_vietnamese():
    engine = load_engine(find_voice("vi-north"))
    short = engine.synthesize("Xin chào.")
    longer = engine.synthesize("Xin chào bà con tổ dân phố số bảy, phường Đông Hồ.")
    assert engine.sample_rate == 22050
    assert short.dtype == np.float32 and np.isfinite(longer).all()
    assert len(longer) > 2 * len(short) > 0
    assert 0.05 < np.abs(longer).max() <= 1.0


def test_regional_voices_and_rate_differ():
    text = "Ủy ban nhân dân phường thông báo lịch tiếp công dân."
    north = load_engine(find_voice("vi-north")).synthesize(text)
    south = load_engine(find_voice("vi-south")).synthesize(text)
    slow = load_engine(find_voice("vi-north"), rate_scale=0.7).synthesize(text)
    assert not np.array_equal(north, south)
    assert len(slow) > 1.2 * len(north)


def test_unknown_voice_names_the_choices():
    with pytest.raises(VoiceError, match="vi-north"):
        find_voice("khong-co")
