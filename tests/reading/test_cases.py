"""Every line of cases.tsv: the exact spoken form of a written input."""

from pathlib import Path

import pytest

from tts_pipeline.reading import normalize

CASES_FILE = Path(__file__).with_name("cases.tsv")


def _cases() -> list[tuple[str, str]]:
    cases = []
    for line in CASES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            written, spoken = line.split("\t")
            cases.append((written, spoken))
    return cases


CASES = _cases()


def test_case_file_is_large_enough() -> None:
    assert len(CASES) >= 550
    assert len({written for written, _ in CASES}) == len(CASES), "duplicate inputs"


@pytest.mark.parametrize(("written", "spoken"), CASES, ids=[w[:60] for w, _ in CASES])
def test_case(written: str, spoken: str) -> None:
    assert normalize(written) == spoken
