"""The interface speaks Vietnamese where the environment names no language, English where it
asks for it, and `--lang` wins over both; every message of the source has its Vietnamese."""

from __future__ import annotations

import ast
import gettext
import os
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bulletin import Bulletin, sample_articles
from rich.errors import StyleSyntaxError
from rich.style import Style
from typer.main import get_command
from typer.testing import CliRunner

from tts_pipeline import i18n
from tts_pipeline.cli import app
from tts_pipeline.cli_text import language_in

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import messages  # noqa: E402

PO_FILE = ROOT / "tts_pipeline" / "locale" / "vi" / "LC_MESSAGES" / "tts_pipeline.po"
NO_LANGUAGE = {variable: None for variable in i18n.LANGUAGE_VARIABLES}
# The environments where no language is named: Vietnamese.
UNNAMED = [{}, {"LANG": "C"}, {"LC_ALL": "C"}, {"LANG": "POSIX", "LC_MESSAGES": "C.UTF-8"}]
VIETNAMESE_LETTERS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE)
# Words that give an English line away (whole words, outside paths and commands).
ENGLISH_WORDS = {
    "the", "file", "files", "folder", "not", "and", "or", "is", "no", "has", "of", "to",
    "usage", "options", "option", "commands", "command", "error", "missing", "show", "this",
    "message", "exit", "default", "required", "arguments", "argument", "warning", "done",
    "chapters", "chapter", "invalid", "value", "such", "does", "exist", "empty", "check",
    "try", "help", "see", "status", "book", "failed", "planned", "words", "utterances",
}
# What is not prose: paths, file names, options, commands in backticks, quoted names, markup.
NOT_PROSE = re.compile(r"`[^`]*`|'[^']*'|\[/?[a-z ]*\]|\S*[/._\\-]\S*|\S+\.\.\.|[{<]\S*[}>]")


def catalog_texts() -> set[str]:
    """The Vietnamese of every message, cut at its placeholders."""
    with PO_FILE.open("rb") as handle:
        catalog = read_po(handle)
    texts = set()
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            texts.update(part.strip() for part in re.split(r"\{[^}]*\}", string or "")
                         if part.strip())
    return texts


def english_lines(output: str) -> list[str]:
    """The lines of `output` that are not Vietnamese: prose without a Vietnamese letter or
    with an English word in it."""
    found = []
    command_names = {path[-1] for path in command_paths() if path}
    for line in output.splitlines():
        prose = line.strip("│╭╮╰╯─ \t")
        first, _, rest = prose.partition(" ")
        if first in command_names:  # a command's own name, in a list of commands
            prose = rest
        if first in ("Usage:", "Cách"):  # the usage line names the command typed
            prose = " ".join(word for word in prose.split() if word not in command_names)
        prose = NOT_PROSE.sub(" ", prose)
        words = re.findall(r"[^\W\d_]+", prose)
        if not words:
            continue
        english = {word.lower() for word in words} & ENGLISH_WORDS
        if english or not (VIETNAMESE_LETTERS.search(prose) or prose.strip() in CATALOG):
            found.append(line)
    return found


CATALOG = catalog_texts()


def invoke(arguments: list[str], **language: str):
    """The command line in this process, in an environment that names only `language`."""
    return CliRunner().invoke(app, arguments, env={**NO_LANGUAGE, "COLUMNS": "100", **language})


def run(arguments: list[object], cwd: Path | None = None, **language: str):
    """The command line as staff run it, with only `language` among the language variables."""
    environment = {key: value for key, value in os.environ.items()
                   if key not in i18n.LANGUAGE_VARIABLES}
    environment.update(PYTHONPATH=str(ROOT), COLUMNS="100", **language)
    return subprocess.run([sys.executable, "-m", "tts_pipeline", *map(str, arguments)],
                          capture_output=True, text=True, env=environment, cwd=cwd)


def command_paths() -> list[list[str]]:
    """Every command and group of the command line, as the words that reach it."""
    paths = []

    def walk(command, path):
        paths.append(path)
        for name, child in getattr(command, "commands", {}).items():
            walk(child, [*path, name])

    walk(get_command(app), [])
    return paths


# The language chosen


@pytest.mark.parametrize(("environment", "language"), [
    ({}, "vi"), ({"LANG": "C"}, "vi"), ({"LC_ALL": "POSIX"}, "vi"), ({"LANG": "C.UTF-8"}, "vi"),
    ({"LANG": "vi_VN.UTF-8"}, "vi"), ({"LANG": "en_US.UTF-8"}, "en"), ({"LANG": "fr_FR"}, "en"),
    ({"LANG": "en_US.UTF-8", "LC_ALL": "vi_VN"}, "vi"),
    ({"LANG": "vi_VN", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
    ({"LANGUAGE": "fr:vi", "LANG": "en_US"}, "vi"), ({"LANGUAGE": "", "LANG": "en_US"}, "en"),
])
def test_the_language_follows_the_environment_as_gettext_reads_it(environment, language):
    assert i18n.language_from(environment) == language


# Help


@pytest.mark.parametrize("environment", UNNAMED)
def test_help_of_every_command_is_vietnamese_where_no_language_is_named(environment):
    for path in command_paths():
        result = invoke([*path, "--help"], **environment)
        assert result.exit_code == 0, result.output
        assert "Cách dùng:" in result.output and "Tùy chọn" in result.output
        assert "Hiện hướng dẫn này rồi thoát." in result.output
        assert english_lines(result.output) == [], (path, result.output)


def test_help_is_english_where_english_is_asked_for():
    for path in command_paths():
        result = invoke([*path, "--help"], LANG="en_US.UTF-8")
        assert result.exit_code == 0, result.output
        assert "Usage:" in result.output and "Show this message and exit." in result.output
        assert not VIETNAMESE_LETTERS.search(result.output.replace("Vietnamese", "")), path
    assert "Turn Vietnamese bulletins" in invoke(["--help"], LANG="en_US.UTF-8").output


def test_defaults_and_required_marks_are_translated():
    output = invoke(["convert", "--help"]).output
    assert "[mặc định: cpu]" in output and "[bắt buộc]" in output
    assert "[default" not in output and "[required]" not in output


def test_lang_option_wins_over_the_environment_wherever_it_is_typed():
    english = invoke(["--lang", "en", "convert", "--help"], LANG="vi_VN.UTF-8").output
    assert "Usage:" in english and "Documents: PDF, DOCX, TXT or Markdown." in english
    assert "Usage:" in invoke(["convert", "--help", "--lang=en"], LC_ALL="vi_VN").output
    vietnamese = invoke(["--lang", "vi", "--help"], LANG="en_US.UTF-8").output
    assert "Cách dùng:" in vietnamese and english_lines(vietnamese) == []


def test_lang_is_read_only_before_a_double_dash():
    assert language_in(["say", "--lang", "en", "--", "--lang", "fr"]) == (
        "en", ["say", "--", "--lang", "fr"])
    assert language_in(["convert", "--lang=vi", "a.pdf"]) == ("vi", ["convert", "a.pdf"])


def test_an_unknown_lang_is_a_usage_error_in_the_environments_language():
    result = invoke(["--lang", "fr", "--help"])
    assert result.exit_code == 2
    assert "--lang chỉ nhận một trong vi, en, không nhận 'fr'" in result.output
    assert "--lang takes one of vi, en, not 'fr'" in invoke(["--lang=fr"], LANG="en_US").output


@pytest.mark.slow
def test_help_through_the_real_command_line_is_vietnamese_without_lang():
    for arguments in (["--help"], ["convert", "--help"], ["batch", "--help"]):
        result = run(arguments)
        assert result.returncode == 0, result.stderr
        assert "Cách dùng:" in result.stdout
        assert english_lines(result.stdout + result.stderr) == [], result.stdout


# Errors


@pytest.mark.parametrize(("arguments", "expected"), [
    (["convert"], "lỗi: Thiếu tham số 'TỆP'. (xem `"),
    (["convert", "a.pdf", "--bogus"], "lỗi: Không có tùy chọn --bogus"),
    (["convert", "a.pdf", "--jobs", "many"],
     "Giá trị không hợp lệ cho '--jobs' / '-j': cần một số"),
    (["conv"], "lỗi: Không có lệnh 'conv'. Có phải ý bạn là 'convert', 'config'?"),
    (["say", "a", "b"], "lỗi: Thừa tham số: b"),
    (["convert", "a.pdf", "--out"], "lỗi: Tùy chọn '--out' cần có giá trị đi kèm."),
])
def test_usage_errors_are_vietnamese(arguments, expected):
    result = invoke(arguments)
    assert result.exit_code == 2
    assert expected in result.output
    assert english_lines(result.output) == [], result.output


def test_usage_errors_are_english_in_english():
    result = invoke(["convert"], LANG="en_US.UTF-8")
    assert "error: Missing argument 'FILES'. (see `" in result.output
    assert "No such option: --bogus" in invoke(["convert", "--bogus"], LANG="en_US").output


def test_a_failing_convert_in_this_process_is_vietnamese(tmp_path):
    (tmp_path / "rong.txt").write_bytes(b"")
    result = invoke(["convert", str(tmp_path / "khong-co.pdf"), str(tmp_path / "rong.txt"),
                     "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "không tồn tại: hãy kiểm tra lại đường dẫn" in result.output
    assert "rong.txt là tệp rỗng (0 byte): hãy sao chép hoặc xuất lại tệp" in result.output
    assert english_lines(result.output) == [], result.output


def test_system_errors_say_what_they_mean_in_vietnamese(tmp_path):
    (tmp_path / "thu.txt").write_text("Xin chào bà con trong phường.", encoding="utf-8")
    (tmp_path / "la-tep").write_text("")
    result = invoke(["extract", str(tmp_path / "thu.txt"), "--out", str(tmp_path / "la-tep")])
    assert result.exit_code == 1
    assert ("la-tep/thu: một phần của đường dẫn này là tệp, không phải thư mục: hãy chọn "
            "đường dẫn khác") in result.output
    assert "Errno" not in result.output and english_lines(result.output) == []


@pytest.mark.slow
@pytest.mark.parametrize("environment", UNNAMED)
def test_a_failing_convert_says_in_vietnamese_what_is_wrong_and_what_to_do(tmp_path, environment):
    (tmp_path / "rong.pdf").write_bytes(b"")
    (tmp_path / "hong.pdf").write_bytes(b"%PDF-1.7 not really a PDF")
    (tmp_path / "cu.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    result = run(["convert", "khong-co.pdf", "rong.pdf", "hong.pdf", "cu.doc",
                  "--out", tmp_path / "out"], cwd=tmp_path, **environment)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines[0] == "lỗi: khong-co.pdf không tồn tại: hãy kiểm tra lại đường dẫn"
    assert lines[1] == "lỗi: rong.pdf là tệp rỗng (0 byte): hãy sao chép hoặc xuất lại tệp"
    assert lines[2] == ("lỗi: hong.pdf là tệp PDF không đọc được (tệp bị hỏng hoặc không đầy đủ): "
                        "hãy kiểm tra hoặc xuất lại tệp")
    assert lines[3].startswith("lỗi: cu.doc là tệp Word hoặc Office kiểu cũ (.doc)")
    assert "Traceback" not in result.stderr
    assert english_lines(result.stdout + result.stderr) == [], result.stderr


@pytest.mark.slow
def test_a_failing_convert_is_english_in_english(tmp_path):
    result = run(["convert", "khong-co.pdf"], cwd=tmp_path, LANG="en_US.UTF-8")
    assert result.returncode == 1
    assert "error: khong-co.pdf does not exist: check the path" in result.stderr
    overridden = run(["--lang", "en", "convert", "khong-co.pdf"], cwd=tmp_path,
                     LANG="vi_VN.UTF-8")
    assert "error: khong-co.pdf does not exist: check the path" in overridden.stderr


@pytest.mark.slow
def test_batch_reports_in_vietnamese(tmp_path, make_pdf):
    bulletins = tmp_path / "ban-tin"
    bulletins.mkdir()
    make_pdf(Bulletin("Bản tin thử", sample_articles(2), cover=False, contents=False),
             "ban-tin/thang-11.pdf")
    (bulletins / "hong.pdf").write_bytes(b"%PDF-1.7 broken")
    result = run(["batch", bulletins, "--dry-run", "--out", tmp_path / "out"])
    assert result.returncode == 1, result.stderr
    output = result.stdout + result.stderr
    assert "Chuyển hàng loạt" in output and "sách nói" in output and "trạng thái" in output
    assert "dự kiến" in output and "lỗi" in output and "Sách nói" in output
    assert english_lines(output) == [], output
    missing = run(["batch", tmp_path / "khong-co"])
    assert missing.returncode == 1
    assert "không phải là thư mục: hãy chỉ ra thư mục chứa các bản tin" in missing.stderr


@pytest.mark.slow
def test_converting_a_real_bulletin_shows_vietnamese_progress_and_summary(tmp_path, make_pdf):
    source = make_pdf(Bulletin("Bản tin thử", sample_articles(2), cover=False, contents=False))
    result = run(["convert", source, "--out", tmp_path / "out", "--profile", "phone"])
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "Đang tổng hợp câu đọc" in output and "Đang đo âm lượng các chương" in output
    assert "Đang chỉnh âm lượng và ghi tệp (phone)" in output
    assert re.search(r"xong: \S+ \(phone\) — \d+ chương, \d+ phút \d+ giây; câu đọc mới "
                     r"tổng hợp: \d+, lấy từ bộ nhớ đệm: \d+", output), output
    assert english_lines(output) == [], output


# The catalogs


def test_every_message_of_the_source_has_its_vietnamese():
    assert messages.problems() == []


def test_the_template_and_the_po_file_are_up_to_date_with_the_source():
    source = {message.id for message in messages.extract() if message.id}
    template = {message.id for message in messages.read(messages.TEMPLATE) if message.id}
    translated = messages.read(PO_FILE)
    assert template == source, "run `make messages` and translate what it adds"
    assert {message.id for message in translated if message.id} == source
    assert not translated.obsolete


def test_translations_keep_the_placeholders_of_their_message():
    def fields(text: str) -> set[str]:
        return set(re.findall(r"\{[^}]*\}", text))

    for message in messages.read(PO_FILE):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            assert fields(string) == fields(ids[-1]), message.id


def test_compiling_writes_a_catalog_that_gettext_reads(tmp_path):
    assert messages.compile_catalogs(tmp_path) == [
        tmp_path / "vi" / "LC_MESSAGES" / "tts_pipeline.mo"]
    translation = gettext.translation("tts_pipeline", tmp_path, languages=["vi"])
    assert translation.gettext("Show this message and exit.") == "Hiện hướng dẫn này rồi thoát."
    assert translation.ngettext("{count} chapter", "{count} chapters", 1) == "{count} chương"


def _source_tree(target: Path) -> Path:
    """The checkout's tracked files (no compiled catalog among them), copied to `target`."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                            check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    assert not list(target.rglob("*.mo"))
    return target


@pytest.mark.slow
def test_a_wheel_carries_the_compiled_catalog_and_an_editable_install_writes_it(tmp_path):
    source = _source_tree(tmp_path / "src")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", tmp_path / "dist", source], check=True,
                   capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "tts_pipeline/locale/vi/LC_MESSAGES/tts_pipeline.mo" in names
        catalog = archive.read("tts_pipeline/locale/vi/LC_MESSAGES/tts_pipeline.mo")
    assert "Cách dùng: ".encode() in catalog
    assert not list((source / "tts_pipeline").rglob("*.mo"))  # the package is left alone
    # Into an environment of its own: pip would uninstall this one's tts-pipeline first.
    other = tmp_path / "venv"
    venv.create(other, with_pip=False)
    subprocess.run([*pip, "--python", other / "bin" / "python", "install", "--no-deps", "-e",
                    source], check=True, capture_output=True)
    assert (source / "tts_pipeline/locale/vi/LC_MESSAGES/tts_pipeline.mo").is_file()


def test_the_compiled_catalog_is_what_the_interface_reads():
    i18n.use("vi")
    assert i18n._("Usage: ") == "Cách dùng: "
    assert i18n.ngettext("{count} chapter", "{count} chapters", 5) == "{count} chương"
    i18n.use("en")
    assert i18n._("Usage: ") == "Usage: "


# Messages are marked for translation

CHECKED_CALLS = {"print", "echo", "note", "step", "warn", "fail", "BadParameter", "Table",
                 "add_column"}
TRANSLATING = {"_", "N_", "ngettext"}
HELP_CALLS = {"Option", "Argument", "Typer", "command", "callback"}


def _error_classes(trees: list[ast.Module]) -> set[str]:
    """UserError, the errors the command line shows as they are, and their subclasses."""
    names = {"UserError", "OSError", "FfmpegError"}
    classes = [node for tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    grown = True
    while grown:
        before = len(names)
        names |= {node.name for node in classes
                  if any(getattr(base, "id", getattr(base, "attr", "")) in names
                         for base in node.bases)}
        grown = len(names) > before
    return names


def _is_style(text: str) -> bool:
    try:
        Style.parse(text)
    except StyleSyntaxError:
        return False
    return True


def _untranslated(node: ast.AST) -> list[str]:
    """Literal prose in an expression shown to the user, outside `_()`."""
    if isinstance(node, ast.Call):
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        if name in TRANSLATING:
            return []
        if name == "format":  # "…".format(…): the template is the message, the values are not
            return _untranslated(node.func.value)  # type: ignore[attr-defined]
        return [text for part in [*node.args, *(k.value for k in node.keywords)]
                for text in _untranslated(part)]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        # Rich markup, paths and file names, options: not prose.
        prose = re.sub(r"\S*[/.]\S+|(?<!\S)--?\w[\w-]*", "",
                       re.sub(r"\[/?[^\]]*\]", " ", node.value))
        return [node.value] if re.search(r"[A-Za-z]{2}", prose) and not _is_style(prose) else []
    if isinstance(node, ast.JoinedStr | ast.BinOp | ast.IfExp | ast.FormattedValue):
        return [text for child in ast.iter_child_nodes(node) for text in _untranslated(child)]
    return []


def unmarked_messages(source: str, errors: set[str]) -> list[str]:
    """Literal prose given to an error a user sees, to the console or a progress, or as a
    command's help, without `_()` or `N_()`; and `_()` inside an f-string, which Babel
    does not find."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):
            found += [f"_() in an f-string: {ast.unparse(node)}" for call in ast.walk(node)
                      if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "_"]
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        for keyword in node.keywords if name in HELP_CALLS else ():
            if keyword.arg == "help" and not (
                    isinstance(keyword.value, ast.Call)
                    and getattr(keyword.value.func, "id", "") in TRANSLATING):
                found.append(f"help not marked: {ast.unparse(keyword.value)}")
        if name in errors or name in CHECKED_CALLS:
            found += [f"{name}: {text!r}"
                      for argument in [*node.args, *(k.value for k in node.keywords)]
                      for text in _untranslated(argument)]
    return found


def test_every_user_facing_message_of_the_package_is_marked():
    files = sorted((ROOT / "tts_pipeline").rglob("*.py"))
    sources = {path: path.read_text(encoding="utf-8") for path in files}
    errors = _error_classes([ast.parse(source) for source in sources.values()])
    assert {"BookError", "ExtractError", "VoiceError", "PublishError", "UsageError"} <= errors
    found = {str(path.relative_to(ROOT)): problems for path, source in sources.items()
             if (problems := unmarked_messages(source, errors))}
    assert found == {}


def test_the_marking_check_finds_unmarked_messages():
    errors = {"BookError", "OSError"}
    bad = '''
raise BookError(f"{folder} has no chapters: extract it again")
raise OSError("cannot write " + str(path))
console.print(f"[red]error:[/] {message}")
progress.note("{file}: skipped".format(file=name))
typer.Option("--out", help="Folder that receives the books.")
console.print(f"[red]{_('error:')}[/]")
Table(_("book"), title="Batch")
'''
    assert len(unmarked_messages(bad, errors)) == 7
    good = '''
raise BookError(_("{folder} has no chapters: extract it again").format(folder=folder))
raise OSError(_("cannot write {file}").format(file=path))
console.print(_said("red", _("error:"), message))
console.print(f"[dim]{rich_escape(written)}[/]")
progress.note(f"{source.name}: {warning}")
typer.Option("--out", help=N_("Folder that receives the books."))
'''
    assert unmarked_messages(good, errors) == []


def test_numbers_are_written_as_the_language_writes_them():
    i18n.use("vi")
    assert i18n.decimal(1.25) == "1,2" and i18n.decimal(0.934, 2) == "0,93"
    i18n.use("en")
    assert i18n.decimal(1.25) == "1.2" and i18n.decimal(0.934, 2) == "0.93"


def test_extract_says_in_vietnamese_how_it_found_the_chapters(tmp_path, make_pdf):
    source = make_pdf(Bulletin("Bản tin thử", sample_articles(3), cover=False, contents=False))
    result = invoke(["extract", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert re.search(r"đã trích xuất: \S+ → \S+ \(3 chương, tìm theo (tiêu đề bài|mục lục của "
                     r"tệp PDF), độ tin cậy \d,\d\d\)", result.output), result.output
    assert english_lines(result.output) == [], result.output
    english = invoke(["extract", str(source), "--out", str(tmp_path / "en")], LANG="en_US")
    assert re.search(r"\(3 chapters by (headings|outline), confidence \d\.\d\d\)", english.output)
