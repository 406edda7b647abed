"""The small commands staff use around rendering: voices, say, cache."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import soundfile
from bulletin import Bulletin, build_bulletin, sample_articles
from readback import loudness


def cli(*arguments, **options):
    """The command run from any folder (cwd=…) on this checkout's code."""
    return subprocess.run([sys.executable, "-m", "tts_pipeline", *map(str, arguments)],
                          capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
                          **options)


def test_voices_lists_usable_and_unusable_voices_with_the_reason(tmp_path):
    voices = tmp_path / "voices"
    voices.mkdir()
    (voices / "thieu-mo-hinh.toml").write_text(
        'name = "thieu-mo-hinh"\nengine = "piper"\n[options]\nmodel = "khong-co.onnx"\n',
        encoding="utf-8")
    (voices / "la.toml").write_text('name = "la"\nengine = "whisper"\n', encoding="utf-8")
    result = cli("voices", cwd=tmp_path)
    assert result.returncode == 0
    lines = {line.split("│")[1].strip(): line for line in result.stdout.splitlines()
             if line.count("│") > 3}
    assert "yes" in lines["vi-north"] and "yes" in lines["vi-south"]
    assert "no" in lines["thieu-mo-hinh"] and "no" in lines["la"]
    problems = result.stderr.splitlines()
    missing = f"not usable: {voices / 'thieu-mo-hinh.toml'}: "
    assert any(line.startswith(missing) and ("model file missing" in line or "not installed"
                                             in line) for line in problems)
    assert f"not usable: {voices / 'la.toml'}: unknown engine 'whisper'" in result.stderr


def test_say_speaks_through_the_reading_rules(tmp_path):
    short = cli("say", "Năm 2025.", "-o", tmp_path / "ngan.wav")
    digits = cli("say", "Năm hai nghìn không trăm hai mươi lăm.", "-o", tmp_path / "chu.wav")
    assert short.returncode == digits.returncode == 0, short.stderr
    one, rate = soundfile.read(str(tmp_path / "ngan.wav"))
    two, _ = soundfile.read(str(tmp_path / "chu.wav"))
    assert rate == 22050 and len(one) == len(two) and (one == two).all()


def test_say_is_mastered_like_the_phone_profile(tmp_path):
    result = cli("say", "Ngày 5-8-2025, UBND phường họp bàn kế hoạch chuyển đổi số cho 1.250 "
                 "hộ dân.", "-o", tmp_path / "thu.wav")
    assert result.returncode == 0, result.stderr
    integrated, true_peak = loudness(tmp_path / "thu.wav")
    assert -17.0 <= integrated <= -15.0 and true_peak <= -1.5


def test_say_with_an_unknown_voice_fails_in_one_line(tmp_path):
    result = cli("say", "Xin chào", "--voice", "khong-co", "-o", tmp_path / "x.wav")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "no voice named 'khong-co'" in result.stderr


@pytest.fixture
def rendered(tmp_path):
    pdf = build_bulletin(Bulletin("Bản tin", sample_articles(2), cover=False, contents=False),
                         tmp_path / "ban-tin.pdf")
    out = tmp_path / "out"
    assert cli("convert", pdf, "--out", out, "--jobs", "1").returncode == 0
    return out


def test_cache_stats_and_prune_keep_what_books_use(rendered):
    stats = cli("cache", "stats", "--out", rendered).stdout
    entries = int(stats.split()[0])
    assert entries > 5 and f"{entries} used by books" in stats
    stray = rendered / ".cache" / "ab" / ("ab" + "0" * 62 + ".flac")
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"fLaC")
    assert cli("cache", "prune", "--out", rendered).stdout.startswith("removed 1 utterances")
    assert not stray.exists()
    assert int(cli("cache", "stats", "--out", rendered).stdout.split()[0]) == entries
