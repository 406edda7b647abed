"""`tts-pipeline read`: what the voice will say, checkable by staff and by scripts."""

import re
import subprocess
import sys
from pathlib import Path

from tts_pipeline.extract import extract
from tts_pipeline.reading import Lexicon, read_chapter

SAMPLE = Path(__file__).parents[1] / "input" / "ban-tin-phuong-dong-ho-2025-11.pdf"
ALLOWED = re.compile(r"(?:[^\W\d_]+|[\s.,;:?!]+)+")


def read(*arguments, stdin=None):
    return subprocess.run([sys.executable, "-m", "tts_pipeline", "read", *map(str, arguments)],
                          input=stdin, capture_output=True, text=True)


def test_plain_prints_exactly_one_spoken_line_per_input_line():
    lines = ["Ngày 5-8-2025, UBND phường họp.", "", "Đại hội XIII", "  ", "Giảm 15%"]
    result = read("--plain", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    spoken = result.stdout.split("\n")[:-1]
    assert len(spoken) == len(lines)
    assert spoken[0] == ("Ngày mùng năm tháng tám năm hai nghìn không trăm hai mươi lăm, "
                         "ủy ban nhân dân phường họp.")
    assert spoken[1] == "" and spoken[2] == "Đại hội mười ba"
    assert spoken[4] == "Giảm mười lăm phần trăm"


def test_read_text_shows_written_beside_spoken():
    result = read("Chỉ thị 50-CT/TƯ. Khóa XV.")
    assert result.returncode == 0
    assert result.stdout == (
        "Chỉ thị 50-CT/TƯ.\n  → Chỉ thị năm mươi.\nKhóa XV.\n  → Khóa mười lăm.\n"
    )


def test_unknown_lists_what_would_be_spelled_and_the_book_lexicon_fixes_it(tmp_path):
    book = tmp_path / "book"
    (book / "chapters").mkdir(parents=True)
    (book / "book.toml").write_text(
        'title = "Thử"\n[reading]\nthousand = "ngàn"\n[[chapters]]\nfile = "chapters/01-a.md"\n',
        encoding="utf-8")
    (book / "chapters" / "01-a.md").write_text(
        "# Tin ngắn\n\nTổ XYZQ nhận 2.000 suất quà từ ông Trần Văn Hùng.\n", encoding="utf-8")
    assert read(book, "--unknown").stdout.split() == ["XYZQ"]
    (book / "lexicon.tsv").write_text("XYZQ\ttổ công nghệ số\t\nHùng\tHừng\tthử\n",
                                      encoding="utf-8")
    assert read(book, "--unknown").stdout.strip() == ""
    shown = read(book).stdout
    assert "→ Tổ tổ công nghệ số nhận hai ngàn suất quà từ ông Trần Văn Hừng." in shown


def test_nothing_but_words_and_sentence_punctuation_reaches_the_engine():
    book, _ = extract(SAMPLE)
    lexicon = Lexicon.load()
    acronyms = {key for key in lexicon.entries if key.isupper() and key.isascii()}
    spoken = [u.spoken for c in book.chapters for u in read_chapter(c.title, c.paragraphs)]
    assert len(spoken) > 100
    for text in spoken:
        assert ALLOWED.fullmatch(text) or not text.strip(), text
        assert not set(text.split()) & acronyms, text


def test_reading_a_book_folder_loads_its_book_once_and_applies_its_reading_rules(
        tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import tts_pipeline.book
    import tts_pipeline.cli
    import tts_pipeline.folder

    book = tmp_path / "book"
    (book / "chapters").mkdir(parents=True)
    (book / "book.toml").write_text(
        'title = "Thử"\n[reading]\nthousand = "ngàn"\n[[chapters]]\nfile = "chapters/01-a.md"\n',
        encoding="utf-8")
    (book / "chapters" / "01-a.md").write_text("# Tin\n\nTrao 2.000 suất quà.\n", encoding="utf-8")
    loads = []

    def counted(path, *args, **kwargs):
        loads.append(path)
        return tts_pipeline.book.read_book(path, *args, **kwargs)

    monkeypatch.setattr(tts_pipeline.cli, "read_book", counted)
    monkeypatch.setattr(tts_pipeline.folder, "read_book", counted)
    result = CliRunner().invoke(tts_pipeline.cli.app, ["read", str(book)])
    assert result.exit_code == 0, result.output
    assert "→ Trao hai ngàn suất quà." in result.output
    assert len(loads) == 1
