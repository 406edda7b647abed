"""The real PDFs of ../shared/corpus/real-dev, for tests that must fail when they are missing."""

from pathlib import Path

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real-dev"
TEXT_FILE = "05_qd-ubnd-hanoi-2858-2025.pdf"  # a decision typed in Word: a good text layer
SCAN = "07_ct-ubnd-11-2025-scan.pdf"  # a colour scan, no text layer
GARBLED = "09_cv-stp-hcm-2021-scan.pdf"  # a scan with an English engine's OCR layer


def real(name: str) -> Path:
    """A real PDF from ../shared/corpus/real-dev (the test fails when it is missing)."""
    path = REAL / name
    assert path.is_file(), f"{path} is missing: the tests need ../shared/corpus/real-dev"
    return path
