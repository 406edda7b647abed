"""Batch production: many bulletins, bad files, interruptions and concurrent runs."""

import json
import os
import random
import resource
import signal
import subprocess
import sys
import time

import pypdf
import pytest
import soundfile
from bulletin import Article, Bulletin, build_bulletin, sample_articles


def cli(*arguments, **options):
    return subprocess.run([sys.executable, "-m", "tts_pipeline", *map(str, arguments)],
                          capture_output=True, text=True, **options)


def small_bulletin(name: str, articles: int = 2) -> Bulletin:
    return Bulletin(f"Bản tin {name}", sample_articles(articles), cover=False, contents=False)


@pytest.fixture
def inbox(tmp_path):
    """A folder of bulletins, good and bad, some in a sub-folder."""
    folder = tmp_path / "input"
    (folder / "2024").mkdir(parents=True)
    build_bulletin(small_bulletin("tháng 10"), folder / "ban-tin-10.pdf")
    build_bulletin(small_bulletin("tháng 9"), folder / "2024" / "ban-tin-09.pdf")
    (folder / "hong.pdf").write_bytes(b"%PDF-1.7\n garbage, not really a PDF")
    (folder / "ghi-chu.pdf").write_text("chỉ là văn bản", encoding="utf-8")
    blank = pypdf.PdfWriter()
    blank.add_blank_page(width=380, height=580)
    with (folder / "ban-scan.pdf").open("wb") as handle:
        blank.write(handle)
    locked = pypdf.PdfWriter(clone_from=str(folder / "ban-tin-10.pdf"))
    locked.encrypt("matkhau")
    with (folder / "co-mat-khau.pdf").open("wb") as handle:
        locked.write(handle)
    return folder


def test_batch_finishes_good_books_and_explains_bad_ones(inbox, tmp_path):
    out = tmp_path / "output"
    result = cli("batch", inbox, "--out", out, "--jobs", "2")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    report = {entry["book"]: entry for entry in json.loads((out / "batch-report.json").read_text())}
    assert report["ban-tin-10"]["status"] == report["ban-tin-09"]["status"] == "rendered"
    assert report["ban-tin-10"]["chapters"] == 2 and report["ban-tin-10"]["duration_seconds"] > 10
    assert (out / "ban-tin-10" / "ban-tin-10.m4b").is_file()
    assert (out / "ban-tin-09" / "ban-tin-09.m4b").is_file()
    assert "not a readable PDF" in report["hong"]["message"]
    assert "not a PDF" in report["ghi-chu"]["message"]
    assert "no text layer" in report["ban-scan"]["message"]
    assert "--password" in report["co-mat-khau"]["message"]
    assert list(report) == ["ban-tin-09", "ban-scan", "ban-tin-10", "co-mat-khau", "ghi-chu",
                            "hong"]


def test_second_batch_skips_unchanged_books(inbox, tmp_path):
    out = tmp_path / "output"
    for bad in ("hong.pdf", "ghi-chu.pdf", "ban-scan.pdf", "co-mat-khau.pdf"):
        (inbox / bad).unlink()
    assert cli("batch", inbox, "--out", out).returncode == 0
    m4b = out / "ban-tin-10" / "ban-tin-10.m4b"
    written = m4b.stat().st_mtime_ns
    again = cli("batch", inbox, "--out", out)
    assert again.returncode == 0
    report = json.loads((out / "batch-report.json").read_text())
    assert {entry["status"] for entry in report} == {"unchanged"}
    assert m4b.stat().st_mtime_ns == written
    chapter = sorted((out / "ban-tin-10" / "chapters").glob("01-*.md"))[0]
    chapter.write_text(chapter.read_text("utf-8") + "\nMột câu mới.\n", "utf-8")
    third = cli("batch", inbox, "--out", out)
    report = {e["book"]: e for e in json.loads((out / "batch-report.json").read_text())}
    assert third.returncode == 0 and report["ban-tin-10"]["status"] == "rendered"
    assert report["ban-tin-09"]["status"] == "unchanged"
    assert report["ban-tin-10"]["message"] == "1 utterances synthesized"


def test_dry_run_says_what_would_be_done_and_writes_nothing(inbox, tmp_path):
    out = tmp_path / "output"
    result = cli("batch", inbox, "--out", out, "--dry-run")
    assert "planned" in result.stdout and "words" in result.stdout
    assert not out.exists()


def test_titles_with_slashes_controls_and_great_length_make_safe_files(tmp_path):
    strange = "Chỉ thị 50-CT/TƯ: ../../etc/passwd ... " + "rất dài " * 40
    articles = sample_articles(2)
    articles[0] = Article(strange, articles[0].lead + " 😀\u200b", articles[0].paragraphs)
    pdf = build_bulletin(Bulletin("Bản tin", articles, cover=False, contents=False),
                         tmp_path / "la.pdf")
    result = cli("convert", pdf, "--out", tmp_path / "out", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    book = tmp_path / "out" / "la"
    names = [path.name for path in (book / "mp3").iterdir()] + [
        path.name for path in (book / "chapters").iterdir()]
    assert all("/" not in name and len(name.encode()) <= 100 for name in names)
    assert not (tmp_path / "etc").exists()
    assert all(path.resolve().is_relative_to(book.resolve()) for path in book.rglob("*"))


def test_a_full_disk_fails_cleanly_without_corrupt_outputs(tmp_path):
    pdf = build_bulletin(small_bulletin("đầy đĩa"), tmp_path / "day.pdf")
    out = tmp_path / "out"

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (400_000, 400_000))

    result = cli("convert", pdf, "--out", out, "--jobs", "1", preexec_fn=small_files)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "error:" in result.stderr
    assert not (out / "day" / "day.m4b").exists()
    retry = cli("convert", pdf, "--out", out, "--jobs", "1")
    assert retry.returncode == 0, retry.stderr
    assert (out / "day" / "day.m4b").is_file()


def test_two_runs_on_one_book_at_once(tmp_path):
    pdf = build_bulletin(small_bulletin("đồng thời", 3), tmp_path / "cung.pdf")
    out = tmp_path / "out"
    assert cli("extract", pdf, "--out", out).returncode == 0
    first = subprocess.Popen([sys.executable, "-m", "tts_pipeline", "render", str(out / "cung"),
                              "--jobs", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not (out / "cung" / ".lock").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    second = cli("render", out / "cung")
    assert first.wait(timeout=300) == 0
    assert second.returncode == 1
    assert f"another run (pid {first.pid})" in second.stderr


def outputs_of(book):
    """What a finished render delivered: chapter titles and sample counts per chapter."""
    report = json.loads((book / "render-report.json").read_text())[0]
    masters = sorted((book / "build" / "phone").glob("*.wav"))
    return ([c["title"] for c in report["chapters"]],
            [soundfile.info(str(path)).frames for path in masters],
            sorted(path.name for path in (book / "mp3").glob("*.mp3")))


def test_kill_9_at_random_moments_then_rerun_finishes_the_same(tmp_path):
    inbox = tmp_path / "input"
    inbox.mkdir()
    for month in (9, 10):
        build_bulletin(small_bulletin(f"tháng {month}", 3), inbox / f"so-{month}.pdf")
    reference = tmp_path / "reference"
    assert cli("batch", inbox, "--out", reference, "--jobs", "2").returncode == 0
    out = tmp_path / "output"
    rng = random.Random(7)
    for delay in sorted(rng.uniform(0.3, 6.0) for _ in range(4)):
        run = subprocess.Popen([sys.executable, "-m", "tts_pipeline", "batch", str(inbox),
                                "--out", str(out), "--jobs", "2"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
        time.sleep(delay)
        os.killpg(run.pid, signal.SIGKILL)
        run.wait()
    cached = {path.stem for path in (out / ".cache").glob("??/[!.]*.flac")}
    final = cli("batch", inbox, "--out", out, "--jobs", "2")
    assert final.returncode == 0, final.stderr
    every_key = {path.stem for path in (reference / ".cache").glob("??/[!.]*.flac")}
    assert {path.stem for path in (out / ".cache").glob("??/[!.]*.flac")} == every_key
    report = json.loads((out / "batch-report.json").read_text())
    synthesized = sum(int(entry["message"].split()[0]) for entry in report)
    assert synthesized == len(every_key - cached)  # nothing finished before a kill is redone
    for month in (9, 10):
        book = out / f"so-{month}"
        assert outputs_of(book) == outputs_of(reference / f"so-{month}")
        assert not list(book.rglob("*.part*"))
