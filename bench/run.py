"""Benchmarks: where the time goes, against the bare engine-plus-encoder baseline.

Run with `make bench` (or `python bench/run.py`). Prints tables and appends a dated section
to docs/benchmarks.md with the machine and the command.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import numpy as np
import soundfile
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from bulletin import (  # noqa: E402
    Article,
    Bulletin,
    book_folder,
    build_bulletin,
    sample_articles,
)

from tts_pipeline import pipeline  # noqa: E402
from tts_pipeline.audio import ffmpeg  # noqa: E402
from tts_pipeline.audio.encode import AAC_ENCODER, MP3_ENCODER  # noqa: E402
from tts_pipeline.audio.ffmpeg import ffmpeg_executable  # noqa: E402
from tts_pipeline.book import read_book  # noqa: E402
from tts_pipeline.extract import extract  # noqa: E402
from tts_pipeline.folder import BookFolder  # noqa: E402
from tts_pipeline.reading import normalize, read_chapter  # noqa: E402
from tts_pipeline.report import RenderReport, read_reports  # noqa: E402
from tts_pipeline.voices.voice import find_voice, load_engine  # noqa: E402

SAMPLE = ROOT / "input" / "ban-tin-phuong-dong-ho-2025-11.pdf"
console = Console()
CLI = [sys.executable, "-m", "tts_pipeline"]


def machine() -> str:
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} cores, {model}, Python {platform.python_version()}"


# Linux carries a process's peak RSS across exec, so a command forked from this (large)
# process would report our peak; a small wrapper forks it and reports its own child's peak.
_MEASURE = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
_, status, usage = os.wait4(child.pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, status)
sys.stderr.write(child.stderr.read().decode(errors="replace")[-2000:] if status else "")
"""


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a command and everything it started."""
    result = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True,
                            text=True)
    elapsed, peak, status = result.stdout.split()
    if status != "0":
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr}")
    return float(elapsed), int(peak) / 1024


def synthetic_bulletin(pages: int, folder: Path) -> Path:
    """A bulletin of about `pages` pages: one short article per page after cover and contents."""
    articles = [
        Article(f"Bài {number}: {article.title}", article.lead, article.paragraphs[:2])
        for number, article in enumerate(sample_articles(pages - 2), start=1)
    ]
    return build_bulletin(Bulletin(f"Bản tin tổng hợp {pages} trang", articles),
                          folder / f"tong-hop-{pages}-trang.pdf")


def baseline(book: Path, work: Path) -> float:
    """The bare baseline: the book's spoken text, one espeak-ng call per chapter, one WAV,
    then one AAC and one MP3 encode of it, one after the other; no pauses, no mastering."""
    texts = [
        " ".join(u.spoken for u in read_chapter(c.title, c.paragraphs))
        for c in read_book(book).spoken_chapters()
    ]
    ffmpeg = ffmpeg_executable()
    start = time.perf_counter()
    engine = load_engine(find_voice("vi-north"))
    audio = np.concatenate([engine.synthesize(text) for text in texts])
    wav = work / "baseline.wav"
    soundfile.write(str(wav), audio, engine.sample_rate)
    codecs = ((AAC_ENCODER, "baseline.aac"), ([*MP3_ENCODER, "-b:a", "64k"], "baseline.mp3"))
    for codec, name in codecs:
        subprocess.run([ffmpeg, "-v", "error", "-y", "-i", str(wav), "-ac", "1", *codec,
                        str(work / name)], check=True)
    return time.perf_counter() - start


def report_of(book: Path) -> RenderReport:
    return read_reports(BookFolder(book).report)[0]


def baseline_ratio(pdf: Path, repetitions: int, rows: list[list[str]]) -> dict:
    """Median wall time of a cold `convert` against the bare baseline, measured in one run."""
    pipeline_times, baseline_times, rss = [], [], []
    report: RenderReport | None = None
    for _ in range(repetitions):
        with tempfile.TemporaryDirectory() as temporary:
            out = Path(temporary) / "out"
            elapsed, peak = timed([*CLI, "convert", str(pdf), "--out", str(out)])
            pipeline_times.append(elapsed)
            rss.append(peak)
            book = next(path for path in out.iterdir() if path.name != ".cache")
            report = report_of(book)
            baseline_times.append(baseline(book, Path(temporary)))
    ours, bare = statistics.median(pipeline_times), statistics.median(baseline_times)
    assert report is not None
    audio = report.duration
    rows.append([pdf.name, f"{len(report.chapters)}", f"{audio / 60:.1f} min",
                 f"{ours:.2f} s", f"{bare:.2f} s", f"{ours / bare:.2f}", f"{max(rss):.0f} MB"])
    return {"report": report, "audio": audio, "wall": ours, "rss": max(rss)}


def stage_breakdown(pdf: Path, measured: dict, rows: list[list[str]]) -> None:
    start = time.perf_counter()
    extract(pdf)
    extraction = time.perf_counter() - start
    stages = {"extraction": extraction, **measured["report"].stage_seconds}
    total = sum(stages.values())
    for name, seconds in stages.items():
        rows.append([name, f"{seconds:.2f} s", f"{seconds / total:.0%}"])
    synthesis = stages["speak"]
    rows.append(["real-time factor, synthesis", f"{synthesis / measured['audio']:.4f}", ""])
    rows.append(["real-time factor, whole convert", f"{measured['wall'] / measured['audio']:.4f}",
                 ""])


def extraction_speed(folder: Path, rows: list[list[str]]) -> None:
    """Pages per second on a 150-page text PDF (best of three)."""
    pdf = synthetic_bulletin(150, folder)
    import pypdfium2

    pages = len(pypdfium2.PdfDocument(str(pdf)))
    best = min(_seconds(lambda: extract(pdf)) for _ in range(3))
    rows.append([f"extraction, {pages}-page PDF", f"{best:.2f} s", f"{pages / best:.0f} pages/s"])


def reading_speed(rows: list[list[str]]) -> None:
    """Seconds to normalize 1 MB of bulletin text (best of three): the target is under 1 s."""
    sys.path.insert(0, str(ROOT / "tests" / "reading"))
    from test_one_megabyte import ONE_MB

    best = min(_seconds(lambda: normalize(ONE_MB)) for _ in range(3))
    megabytes = len(ONE_MB.encode()) / 1e6
    rows.append([f"reading, {megabytes:.2f} MB of text", f"{best:.2f} s",
                 f"{megabytes / best:.2f} MB/s"])


def _seconds(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def scaling(pdf: Path, folder: Path, rows: list[list[str]]) -> None:
    """Synthesis with --jobs 1 and 2 (cold cache); a warm re-render after one edit."""
    out = folder / "scaling"
    subprocess.run([*CLI, "extract", str(pdf), "--out", str(out)], check=True,
                   capture_output=True)
    book = next(path for path in out.iterdir() if path.name != ".cache")
    speak = {}
    for jobs in (1, 2):
        shutil.rmtree(out / ".cache", ignore_errors=True)
        shutil.rmtree(book / "build", ignore_errors=True)
        wall, _ = timed([*CLI, "render", str(book), "--jobs", str(jobs)])
        speak[jobs] = report_of(book).stage_seconds["speak"]
        rows.append([f"cold render, --jobs {jobs}", f"{wall:.2f} s",
                     f"synthesis {speak[jobs]:.2f} s"])
    rows.append(["synthesis speed-up, jobs 2 / jobs 1", f"{speak[1] / speak[2]:.2f}×", ""])
    cold = wall
    chapter = sorted((book / "chapters").glob("*.md"))[1]
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace(".", ". Câu này vừa được sửa lại.", 1), encoding="utf-8")
    warm, _ = timed([*CLI, "render", str(book), "--jobs", "2"])
    synthesized = report_of(book).synthesized
    rows.append(["warm re-render, one sentence edited", f"{warm:.2f} s",
                 f"{warm / cold:.0%} of cold; {synthesized} utterances synthesized"])


def _ffmpeg_kind(command: list[str]) -> str:
    if "ipod" in command:
        return "ffmpeg: join the M4B"
    if "asplit" in " ".join(command):
        return "ffmpeg: master and encode a chapter"
    if "ebur128" in " ".join(command):
        return "ffmpeg: measure a chapter"
    return "ffmpeg: other"


def cpu_profile(pdf: Path, folder: Path, rows: list[list[str]]) -> None:
    """Where the CPU goes in a cold --jobs 1 convert, in this process: each ffmpeg run's
    user + system seconds (its rusage), and the rest (Python, synthesis workers)."""
    spent: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
    run = subprocess.run

    def recorded(command: list[str], *args, **kwargs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = run(command, *args, **kwargs)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        entry = spent[_ffmpeg_kind(command)]
        entry[0] += 1
        entry[1] += after.ru_utime - before.ru_utime
        entry[2] += after.ru_stime - before.ru_stime
        return result

    def cpu() -> float:
        return sum(getattr(resource.getrusage(who), field) for who in (
            resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) for field in ("ru_utime", "ru_stime"))

    start = cpu()
    ffmpeg.subprocess.run = recorded
    try:
        book = pipeline.extract_to_folder(pdf, folder / "profiled")
        pipeline.render_folder(book, pipeline.RenderOptions(jobs=1))
    finally:
        ffmpeg.subprocess.run = run
    total = cpu() - start
    for kind, (count, user, system) in sorted(spent.items(), key=lambda item: -sum(item[1][1:])):
        rows.append([kind, f"{count:.0f}", f"{user:.2f} s", f"{system:.2f} s",
                     f"{(user + system) / total:.0%}"])
    rest = total - sum(user + system for _, user, system in spent.values())
    rows.append(["Python and synthesis", "", "", "", f"{rest / total:.0%} ({rest:.2f} s)"])
    rows.append(["total CPU", "", "", "", f"{total:.2f} s"])


def memory(folder: Path, rows: list[list[str]]) -> None:
    """Peak RSS of rendering a 1-hour and a 6-hour book: it must not grow with the book."""
    peaks = {}
    for hours in (1, 6):
        book = book_folder(folder / f"sach-{hours}-gio", [10.0] * hours * 6)
        wall, peaks[hours] = timed([*CLI, "render", str(book)])
        audio = report_of(book).duration
        rows.append([f"{hours}-hour book ({audio / 3600:.2f} h)", f"{wall:.1f} s",
                     f"{peaks[hours]:.0f} MB"])
    rows.append(["peak RSS ratio, 6 h / 1 h", f"{peaks[6] / peaks[1]:.2f}", ""])


def table(title: str, columns: list[str], rows: list[list[str]]) -> str:
    shown = Table(*columns, title=title)
    for row in rows:
        shown.add_row(*row)
    console.print(shown)
    lines = [f"| {' | '.join(columns)} |", f"|{'---|' * len(columns)}"]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    return f"**{title}**\n\n" + "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--pages", type=int, default=60, help="pages of the synthetic bulletin")
    arguments = parser.parse_args()
    started = time.perf_counter()
    sections = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        ratio_rows: list[list[str]] = []
        sample = baseline_ratio(SAMPLE, arguments.repetitions, ratio_rows)
        large = synthetic_bulletin(arguments.pages, folder)
        baseline_ratio(large, arguments.repetitions, ratio_rows)
        sections.append(table(
            f"Cold convert (phone profile) against the bare baseline, median of "
            f"{arguments.repetitions}",
            ["input", "chapters", "audio", "convert", "baseline", "ratio", "peak RSS"],
            ratio_rows))
        stage_rows: list[list[str]] = []
        stage_breakdown(SAMPLE, sample, stage_rows)
        extraction_speed(folder, stage_rows)
        reading_speed(stage_rows)
        sections.append(table("Stages of the sample's convert", ["stage", "time", "share"],
                              stage_rows))
        cpu_rows: list[list[str]] = []
        cpu_profile(SAMPLE, folder, cpu_rows)
        sections.append(table("Where the CPU goes: the sample's cold convert with --jobs 1",
                              ["work", "runs", "user", "system", "share"], cpu_rows))
        scaling_rows: list[list[str]] = []
        scaling(SAMPLE, folder, scaling_rows)
        sections.append(table("Scaling and re-rendering (sample bulletin)",
                              ["run", "wall", "detail"], scaling_rows))
        memory_rows: list[list[str]] = []
        memory(folder, memory_rows)
        sections.append(table("Memory: rendering long books (phone profile)",
                              ["book", "wall", "peak RSS"], memory_rows))
    total = time.perf_counter() - started
    command = "make bench  # python bench/run.py " + " ".join(sys.argv[1:])
    entry = (f"\n## {datetime.now():%Y-%m-%d %H:%M} — {machine()}\n\n"
             f"Command: `{command.strip()}`; the whole run took {total / 60:.1f} min.\n\n"
             + "\n".join(sections))
    with (ROOT / "docs" / "benchmarks.md").open("a", encoding="utf-8") as handle:
        handle.write(entry)
    console.print(f"appended to docs/benchmarks.md ({total / 60:.1f} min)")


if __name__ == "__main__":
    main()
