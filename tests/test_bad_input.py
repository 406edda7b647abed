"""Mistakes staff make, through the real command line: each gets one line that says what is
wrong, the documented exit status and no traceback; Ctrl-C stops cleanly."""

import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import docx
import pypdf
import pytest
from bulletin import Article, Bulletin, build_bulletin, sample_articles

from tts_pipeline import pipeline
from tts_pipeline.cli import STOPPED
from tts_pipeline.extract import ExtractError, extract

ROOT = Path(__file__).resolve().parents[1]
# Made once by pypdf's PdfWriter.encrypt("matkhau", algorithm="AES-256") from a two-article
# small_bulletin(): writing AES needs the `cryptography` package, which the tests do without.
AES_256_PDF = ROOT / "tests" / "data" / "encrypted-aes-256.pdf"
PASSWORD = "matkhau"


def command(*arguments: object) -> list[str]:
    return [sys.executable, "-m", "tts_pipeline", *map(str, arguments)]


ENVIRONMENT = {**os.environ, "PYTHONPATH": str(ROOT)}


def cli(*arguments: object, **options) -> subprocess.CompletedProcess:
    """The console script as staff run it, on this checkout's code."""
    return subprocess.run(command(*arguments), capture_output=True, text=True,
                          env=ENVIRONMENT, **options)


def small_bulletin(name: str, articles: int = 2) -> Bulletin:
    return Bulletin(f"Bản tin {name}", sample_articles(articles), cover=False, contents=False)


def encrypted(folder: Path, algorithm: str) -> Path:
    """A two-article bulletin locked with PASSWORD by the named algorithm."""
    target = folder / f"khoa-{algorithm.lower()}.pdf"
    if algorithm == "AES-256":
        target.write_bytes(AES_256_PDF.read_bytes())
        return target
    plain = build_bulletin(small_bulletin("có khóa"), folder / "mo.pdf")
    writer = pypdf.PdfWriter(clone_from=str(plain))
    writer.encrypt(PASSWORD, algorithm=algorithm)
    writer.write(str(target))
    plain.unlink()
    return target


@pytest.mark.parametrize("algorithm", ["AES-256", "RC4-128"])
def test_encrypted_pdf_extracts_and_converts_with_its_password(tmp_path, algorithm):
    pdf = encrypted(tmp_path, algorithm)
    data = pdf.read_bytes()
    assert b"/Encrypt" in data and (b"/AESV3" in data) == (algorithm == "AES-256")
    out = tmp_path / "out"
    extracted = cli("extract", pdf, "--out", out, "--password", PASSWORD)
    assert extracted.returncode == 0, extracted.stderr
    book = out / pdf.stem
    assert (book / "cover.jpg").stat().st_size > 1000
    assert len(list((book / "chapters").glob("*.md"))) == 2
    converted = cli("convert", pdf, "--out", out, "--password", PASSWORD, "--jobs", "2")
    assert converted.returncode == 0, converted.stderr
    assert (book / f"{pdf.stem}.m4b").is_file()


def test_batch_converts_encrypted_pdfs_of_both_kinds(tmp_path):
    inbox = tmp_path / "input"
    inbox.mkdir()
    for algorithm in ("AES-256", "RC4-128"):
        encrypted(inbox, algorithm)
    out = tmp_path / "out"
    result = cli("batch", inbox, "--out", out, "--password", PASSWORD, "--jobs", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("khoa-aes-256", "khoa-rc4-128"):
        assert (out / name / f"{name}.m4b").is_file()
        assert (out / name / "cover.jpg").is_file()


def test_a_wrong_password_is_told_apart_from_a_missing_one(tmp_path):
    pdf = encrypted(tmp_path, "RC4-128")
    missing = cli("extract", pdf, "--out", tmp_path / "out")
    wrong = cli("extract", pdf, "--out", tmp_path / "out", "--password", "sai")
    assert missing.returncode == wrong.returncode == 1
    assert "password-protected: pass --password" in missing.stderr
    assert "wrong password" in wrong.stderr


def test_bytes_before_the_pdf_header_are_for_the_pdf_library_to_judge(tmp_path):
    clean = build_bulletin(small_bulletin("e-office"), tmp_path / "sach.pdf")
    prefixed = tmp_path / "e-office.pdf"
    prefixed.write_bytes(b"\r\n\x00Van ban dien tu - so 123\r\n" + clean.read_bytes())
    book, _ = extract(prefixed)
    reference, _ = extract(clean)
    assert [(c.title, c.paragraphs) for c in book.chapters] == [
        (c.title, c.paragraphs) for c in reference.chapters]
    assert len(book.chapters) == 2


def word_document(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Tin vắn", 1)
    document.add_paragraph("Phường tổ chức ngày hội đại đoàn kết.")
    document.save(str(path))
    return path


FOLDER, WORD = object(), object()  # contents: make a folder, write a Word document
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the first bytes of a .doc, .xls or .ppt


def bad_file(folder: Path, name: str, content: object) -> Path:
    path = folder / name
    if content is FOLDER:
        path.mkdir()
    elif content is WORD:
        word_document(path)
    else:
        path.write_bytes(content)
    return path


WRONG_KINDS = [
    ("thu-muc.pdf", FOLDER, "thu-muc.pdf is a folder, not a document"),
    ("ban-tin.pdf", WORD, "is a Word document (.docx) under another name: rename it to "
                          "ban-tin.docx"),
    ("trong.pdf", b"", "trong.pdf is empty"),
    ("trong.docx", b"", "trong.docx is empty"),
    ("cu.doc", OLE + bytes(504), "save it as Word Document (.docx)"),
    ("ghi-chu.pdf", "chỉ là chữ".encode(), "ghi-chu.pdf is not a PDF (no %PDF header)"),
]


@pytest.mark.parametrize("name, content, message", WRONG_KINDS)
def test_a_file_of_the_wrong_kind_is_named_for_what_it_is(tmp_path, name, content, message):
    with pytest.raises(ExtractError) as raised:
        extract(bad_file(tmp_path, name, content))
    assert message in str(raised.value)


def test_render_of_a_chapter_the_book_lacks_names_the_chapters_it_has(tmp_path):
    pdf = build_bulletin(small_bulletin("hai bài"), tmp_path / "hai.pdf")
    assert cli("extract", pdf, "--out", tmp_path / "out").returncode == 0
    result = cli("render", tmp_path / "out" / "hai", "--chapter", "9")
    assert result.returncode == 2
    assert "has no chapter 9 to render: its chapters are 1-2" in result.stderr
    assert "done" not in result.stderr
    assert not (tmp_path / "out" / "hai" / "build").exists()


def test_the_unknown_words_hint_is_a_command_that_can_be_pasted(tmp_path):
    articles = [Article("Tin ngắn", "Đoàn viên dùng ứng dụng QWXZ để báo tin.", [])] * 2
    pdf = build_bulletin(Bulletin("Bản tin", articles, cover=False, contents=False),
                         tmp_path / "Bản tin số 3.pdf")
    out = tmp_path / "thư mục [ra]"
    result = cli("convert", pdf, "--out", out, "--jobs", "2")
    assert result.returncode == 0, result.stderr
    hint = result.stderr.split("see `", 1)[1].split("`", 1)[0]
    arguments = shlex.split(hint)
    assert arguments[0] == "tts-pipeline"
    pasted = cli(*arguments[1:])
    assert pasted.returncode == 0, pasted.stderr
    assert "QWXZ" in pasted.stdout.split()


BAD_VOICES = {
    "sai-giong": ('voice = "vi-VN-x-khong"', "espeak-ng has no voice named 'vi-VN-x-khong'"),
    "go-nham": ('voice = "vi"\nrat = 160', "unknown option 'rat' in [options]"),
}


@pytest.fixture
def bad_voices(tmp_path) -> Path:
    """A working folder whose voices/ holds voice files with mistakes in them."""
    (tmp_path / "voices").mkdir()
    for name, (options, _) in BAD_VOICES.items():
        (tmp_path / "voices" / f"{name}.toml").write_text(
            f'name = "{name}"\nengine = "espeak"\n[options]\n{options}\n', encoding="utf-8")
    return tmp_path


def test_voices_builds_each_voice_and_names_the_file_of_a_bad_one(bad_voices):
    result = cli("voices", cwd=bad_voices)
    assert result.returncode == 0
    rows = {line.split("│")[1].strip(): line.split("│")[3].strip()
            for line in result.stdout.splitlines() if line.count("│") > 3}
    assert rows["vi-north"] == "yes"
    for name, (_, problem) in BAD_VOICES.items():
        assert rows[name].startswith("no")
        assert f"not usable: {bad_voices / 'voices' / name}.toml: {problem}" in result.stderr


@pytest.mark.parametrize("name", BAD_VOICES)
def test_speaking_with_a_bad_voice_file_is_one_line_naming_it(bad_voices, name):
    pdf = build_bulletin(small_bulletin("giọng"), bad_voices / "giong.pdf")
    for arguments in (["say", "Xin chào", "-o", "x.wav"], ["convert", pdf, "--jobs", "2"]):
        result = cli(*arguments, "--voice", name, cwd=bad_voices)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == 1
        assert errors[0].startswith(f"error: {bad_voices / 'voices' / name}.toml: "
                                    f"{BAD_VOICES[name][1]}")


def children(pid: int, marker: bytes) -> list[int]:
    """The processes `pid` runs now whose command line holds `marker`."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            pids = (task / "children").read_text().split()
        except OSError:
            continue
        for child in map(int, pids):
            try:
                if marker in Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0"):
                    found.append(child)
            except OSError:
                continue
    return found


# Whom Ctrl-C reaches, and when: the marker of the processes that must be running (ffmpeg's
# working runs, not imageio-ffmpeg's -version probe; or the synthesis pool's workers).
INTERRUPTIONS = {
    "process group, synthesizing": b"convert",
    "process group, encoding": b"-hide_banner",
    "ffmpeg alone, encoding": b"-hide_banner",
}


@pytest.mark.parametrize("when", INTERRUPTIONS)
def test_ctrl_c_stops_in_one_line_and_leaves_no_partial_files(tmp_path, when):
    pdf = build_bulletin(small_bulletin("dừng", 3), tmp_path / "dung.pdf")
    out = tmp_path / "out"
    run = subprocess.Popen(command("convert", pdf, "--out", out, "--jobs", "2"),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env=ENVIRONMENT, start_new_session=True)
    signalled: set[int] = set()  # each process once, as one Ctrl-C would
    group = when.startswith("process group")
    while run.poll() is None and not (signalled and group):
        time.sleep(0.002)
        if when.endswith("encoding") and not any((out / "dung").rglob(".*.part*")):
            continue  # until ffmpeg writes deliverables
        for child in set(children(run.pid, INTERRUPTIONS[when])) - signalled:
            try:
                os.killpg(run.pid, signal.SIGINT) if group else os.kill(child, signal.SIGINT)
                signalled.add(child)
            except ProcessLookupError:
                pass
    stdout, stderr = run.communicate(timeout=120)
    assert signalled
    assert run.returncode == 130, stderr
    assert stderr.strip().splitlines()[-1] == STOPPED
    assert "Traceback" not in stdout + stderr and "ffmpeg failed" not in stderr
    assert not [path for path in out.rglob("*") if ".part" in path.name]
    again = cli("convert", pdf, "--out", out, "--jobs", "2")
    assert again.returncode == 0, again.stderr
    assert (out / "dung" / "dung.m4b").is_file()


@pytest.fixture(scope="module")
def desk(tmp_path_factory) -> Path:
    """A working folder with an extracted two-chapter book and files of every wrong kind."""
    folder = tmp_path_factory.mktemp("desk")
    for name, content, _ in WRONG_KINDS:
        bad_file(folder, name, content)
    (folder / "ghi-chu.odt").write_bytes(b"PK\x03\x04")
    (folder / "hong.pdf").write_bytes(b"%PDF-1.7\n garbage, not really a PDF")
    good = build_bulletin(small_bulletin("tốt"), folder / "tot.pdf")
    pipeline.extract_to_folder(good, folder / "out")
    encrypted(folder, "RC4-128")
    (folder / "may-khac" / "voices").mkdir(parents=True)  # where `voices` runs
    (folder / "may-khac" / "voices" / "hong.toml").write_text('name = "hong\n', "utf-8")
    return folder


BAD_COMMANDS = [  # arguments, exit status, what the one line says
    (["bogus"], 2, "No such command 'bogus'"),
    (["--bogus", "voices"], 2, "No such option: --bogus"),
    (["convert"], 2, "Missing argument"),
    (["render", "out/tot", "--chapter", "x"], 2, "'--chapter' / '-c': Input should be a valid"),
    (["render", "out/tot", "--chapterr", "2"], 2, "No such option: --chapterr"),
    (["render", "out/tot", "--chapter", "9"], 2, "out/tot has no chapter 9 to render"),
    (["render", "."], 1, "has no book.toml"),
    (["render", "out/tot", "--profile", "xe"], 1, "xe"),
    (["extract", "khong-co.pdf"], 1, "khong-co.pdf does not exist"),
    (["extract", "thu-muc.pdf"], 1, "thu-muc.pdf is a folder"),
    (["convert", "ban-tin.pdf"], 1, "ban-tin.pdf is a Word document"),
    (["extract", "trong.pdf"], 1, "trong.pdf is empty"),
    (["extract", "trong.docx"], 1, "trong.docx is empty"),
    (["extract", "cu.doc"], 1, "cu.doc is an old Word or Office file"),
    (["extract", "ghi-chu.odt"], 1, ".odt files are not supported"),
    (["extract", "ghi-chu.pdf"], 1, "ghi-chu.pdf is not a PDF"),
    (["extract", "hong.pdf"], 1, "hong.pdf is not a readable PDF"),
    (["extract", "khoa-rc4-128.pdf"], 1, "password-protected: pass --password"),
    (["convert", "khoa-rc4-128.pdf", "--password", "sai"], 1, "wrong password"),
    (["say", "Xin chào", "--voice", "khong-co", "-o", "x.wav"], 1, "no voice named 'khong-co'"),
    (["batch", "tot.pdf"], 1, "tot.pdf is not a folder"),
    (["voices"], 1, "hong.toml is not valid TOML"),
]


@pytest.mark.parametrize("arguments, status, message", BAD_COMMANDS)
def test_each_mistake_gets_one_line_and_its_exit_status(desk, arguments, status, message):
    if arguments[0] in ("extract", "convert"):
        arguments = [*arguments, "--out", "out"]
    result = cli(*arguments, cwd=desk / "may-khac" if arguments == ["voices"] else desk)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == status, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and message in errors[0], result.stderr


@pytest.mark.parametrize("voice, profile", [
    ("vi-north", "phone"), ("cham", "phone"), ("vi-north", "loudspeaker")])
def test_dry_run_estimate_is_within_ten_percent_of_the_render(tmp_path, monkeypatch, voice,
                                                               profile):
    (tmp_path / "voices").mkdir()
    (tmp_path / "voices" / "cham.toml").write_text(
        'name = "cham"\nengine = "espeak"\n[options]\nvoice = "vi"\nrate = 110\n', "utf-8")
    monkeypatch.setenv("TTS_PIPELINE_VOICES", str(tmp_path / "voices"))
    pdf = build_bulletin(small_bulletin("ước lượng", 3), tmp_path / "uoc.pdf")
    options = pipeline.RenderOptions(profiles=[profile], voice=voice, jobs=2)
    estimate = pipeline.plan(pdf, options).duration_seconds
    folder = pipeline.prepare_book(pdf, tmp_path / "out")
    rendered = pipeline.render_folder(folder, options)[0].duration
    assert abs(estimate / rendered - 1) < 0.10, (estimate, rendered)


def test_batch_dry_run_estimates_with_the_chosen_voice(tmp_path, monkeypatch):
    inbox = tmp_path / "input"
    inbox.mkdir()
    pdf = build_bulletin(small_bulletin("ước lượng", 3), inbox / "uoc.pdf")
    (tmp_path / "voices").mkdir()
    (tmp_path / "voices" / "cham.toml").write_text(
        'name = "cham"\nengine = "espeak"\n[options]\nvoice = "vi"\nrate = 110\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    shown = {}
    for voice in ("vi-north", "cham"):
        result = cli("batch", inbox, "--dry-run", "--voice", voice)
        assert result.returncode == 0, result.stderr
        shown[voice] = [line.split("│")[3].strip() for line in result.stdout.splitlines()
                        if "planned" in line]
        minutes, seconds = divmod(round(pipeline.plan(
            pdf, pipeline.RenderOptions(voice=voice)).duration_seconds), 60)
        assert shown[voice] == [f"{minutes}:{seconds:02d}"]
    assert shown["vi-north"] != shown["cham"]
