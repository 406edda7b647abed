"""Real PDFs nobody here made, scored by ../shared/corpus/real-dev/score.py against
hand-made ground truth through the real console script: floors under today's level for the
shared files (92.3, worst 81.2 on 2026-12-07; issue 13 asks 85 and 60) and for the held-out
files in tests/real (86.4, worst 60.7 on 2026-12-07 once lines that lost letters were read
again by OCR and two-line table captions read whole, against 83.3, 72.0 and 49.7 earlier that
day and 38.7 before issue 13's work)."""

import re
import subprocess
import sys
from pathlib import Path

from realdev import REAL

HELD_OUT = Path(__file__).parent / "real"
SCORE = REAL / "score.py"
TOOL = Path(sys.executable).with_name("tts-pipeline")
SHARED_MEAN, SHARED_WORST = 90.0, 78.0
HELD_OUT_MEAN, HELD_OUT_WORST = 85.0, 59.0


def _scores(files: list[Path]) -> tuple[dict[str, float], float, float]:
    """Each file's score, the mean and the worst."""
    assert SCORE.is_file(), f"{SCORE} is missing: the tests need ../shared/corpus/real-dev"
    result = subprocess.run([sys.executable, str(SCORE), "--timeout", "600", str(TOOL),
                             *map(str, files)], capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stderr[-2000:]
    per_file = {match[1]: float(match[2]) for match in
                re.finditer(r"^(\S+\.pdf)\s+([\d.]+)", result.stdout, re.MULTILINE)}
    mean, worst = re.search(r"^score: ([\d.]+) \(worst ([\d.]+)", result.stdout,
                            re.MULTILINE).groups()
    assert len(per_file) == len(files), result.stdout
    return per_file, float(mean), float(worst)


def test_shared_real_documents_reach_the_floor_issue_13_set():
    per_file, mean, worst = _scores(sorted(REAL.glob("[0-9][0-9]_*.pdf")))
    assert mean >= SHARED_MEAN and worst >= SHARED_WORST, per_file


def test_held_out_real_documents_do_not_fall_back():
    per_file, mean, worst = _scores(sorted(HELD_OUT.glob("[0-9][0-9]_*.pdf")))
    assert len(per_file) >= 10 and mean >= HELD_OUT_MEAN and worst >= HELD_OUT_WORST, per_file
