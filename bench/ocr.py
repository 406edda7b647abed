"""OCR speed (issue 13): scanned pages per minute with --jobs 1 and 2, text-layer pages per second.

Run with `python bench/ocr.py` (needs ../shared/corpus/real-dev and Tesseract's Vietnamese
model). Reads the real colour scan 07 and the garbled-layer scan 09 without --ocr, so the
per-page decision is timed too; prints a table and appends a dated section to
docs/benchmarks.md with the machine and the command.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from run import ROOT, _seconds, extraction_speed, machine, table

sys.path.insert(0, str(ROOT / "tests"))

from realdev import GARBLED, SCAN, real  # noqa: E402

from tts_pipeline.extract import extract  # noqa: E402
from tts_pipeline.extract.pdf import read_pdf  # noqa: E402


def ocr_speed(jobs: int, rows: list[list[str]]) -> None:
    """Pages per minute reading the real scans, `jobs` pages at a time."""
    for name in (SCAN, GARBLED):
        path = real(name)
        pages = read_pdf(path).page_count
        read: list[int] = []
        before = _cpu_seconds()
        seconds = _seconds(lambda path=path, read=read: extract(
            path, jobs=jobs, steps=lambda total, read=read: read.append(total) or (lambda: None)))
        cpu = _cpu_seconds() - before
        assert read == [pages], f"{name}: OCR read {read} pages of {pages}"
        rows.append([f"{name}, --jobs {jobs}", str(pages), f"{seconds:.1f} s",
                     f"{pages / seconds * 60:.1f} pages/min", f"{cpu / pages:.1f} s"])


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the Tesseract runs)."""
    return sum(usage.ru_utime + usage.ru_stime for usage in (
        resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


def main() -> None:
    started = time.perf_counter()
    load = os.getloadavg()[0]  # the machine may be shared: say how busy it was
    rows: list[list[str]] = []
    for jobs in (1, 2):
        ocr_speed(jobs, rows)
    text_rows: list[list[str]] = []
    with tempfile.TemporaryDirectory() as folder:
        extraction_speed(Path(folder), text_rows)
    sections = [
        table("OCR of scanned pages (Tesseract 5, vie, 300 dpi, one thread per page)",
              ["file", "pages", "wall", "speed", "CPU per page"], rows),
        table("Text-layer extraction with the per-page check", ["run", "time", "speed"],
              text_rows),
    ]
    total = time.perf_counter() - started
    entry = (f"\n## {datetime.now():%Y-%m-%d %H:%M} — OCR speed — {machine()}\n\n"
             f"Command: `python bench/ocr.py`; the whole run took {total / 60:.1f} min; load "
             f"average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end.\n\n"
             + "\n".join(sections))
    with (ROOT / "docs" / "benchmarks.md").open("a", encoding="utf-8") as handle:
        handle.write(entry)


if __name__ == "__main__":
    main()
