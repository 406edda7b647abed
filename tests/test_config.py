"""Settings that stay: the user's file, `tts-pipeline config`, and the precedence command line >
book.toml > user config > built-in, checked on real files (renders: test_config_render.py)."""

import tomllib
from pathlib import Path

import pytest
from bulletin import book_folder
from typer.testing import CliRunner

from tts_pipeline import i18n, pipeline
from tts_pipeline.book import read_book
from tts_pipeline.cli import app
from tts_pipeline.config import (
    BOOK_LAYER,
    BUILT_IN,
    COMMAND_LINE,
    ENVIRONMENT,
    KEYS,
    USER_LAYER,
    SettingError,
    checked_voice,
    command_line,
    interface_language,
    resolve,
    set_setting,
    settled,
)
from tts_pipeline.reading import normalize
from tts_pipeline.script import announcements
from tts_pipeline.voices.voice import DEFAULT_VOICE, VoiceError


@pytest.fixture
def settings_file(tmp_path, monkeypatch):
    """Where the user's settings live for this test: $XDG_CONFIG_HOME/tts-pipeline/config.toml."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "tts-pipeline" / "config.toml"


def run(*arguments):
    """The command line in this process, wide enough that no table cell wraps."""
    return CliRunner().invoke(app, [str(argument) for argument in arguments],
                              env={"COLUMNS": "250"})


def run_in(language: str, *arguments):
    """The command line with LANGUAGE, LC_ALL, LC_MESSAGES and LANG all set to `language`."""
    names = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
    return CliRunner().invoke(app, [str(argument) for argument in arguments],
                              env={"COLUMNS": "250", **dict.fromkeys(names, language)})


def one_error(result) -> str:
    """The one `error:` line of a failed command (there must be exactly one)."""
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    return errors[0]


def table(output: str) -> dict[str, list[str]]:
    """A printed table's rows by their first cell."""
    rows = [[cell.strip() for cell in line.split("│")[1:-1]]
            for line in output.splitlines() if line.count("│") >= 3]
    return {row[0]: row[1:] for row in rows}


def book_with(folder: Path, top: str = "", reading: str = "") -> Path:
    """A one-chapter book folder whose book.toml also says `top` (keys) and `reading`."""
    book = book_folder(folder, [0.05])
    toml = book / "book.toml"
    text = top + toml.read_text("utf-8") + (f"[reading]\n{reading}" if reading else "")
    toml.write_text(text, "utf-8")
    return book


# key; the user's (text, value); book.toml's (top-level lines, [reading] lines, value); the
# command line's (text, value): each layer's value differs from the one below it
PRECEDENCE = [
    ("voice", ("vi-south", "vi-south"), ('voice = "vi-central"\n', "", "vi-central"),
     ("vi-north", "vi-north")),
    ("profiles", ("loudspeaker", ("loudspeaker",)), ('profiles = ["archive"]\n', "", ("archive",)),
     ("phone,archive", ("phone", "archive"))),
    ("publisher", ("Đảng ủy phường Đông Hồ",) * 2,
     ('publisher = "UBND phường Đông Hồ"\n', "", "UBND phường Đông Hồ"),
     ("Mặt trận Tổ quốc phường",) * 2),
    ("ward", ("phường Đông Hồ",) * 2, ('ward = "phường Tây Hồ"\n', "", "phường Tây Hồ"),
     (" phường  Bắc Hồ ", "phường  Bắc Hồ")),
    ("reading.thousand", ("ngàn",) * 2, ("", 'thousand = "nghìn"\n', "nghìn"), ("ngàn",) * 2),
    ("reading.zero_tens", ("lẻ",) * 2, ("", 'zero_tens = "linh"\n', "linh"), ("lẻ",) * 2),
    ("reading.day_prefix", ("mồng",) * 2, ("", 'day_prefix = "mùng"\n', "mùng"), ("mồng",) * 2),
]


@pytest.mark.parametrize("key, user, in_book, given", PRECEDENCE)
def test_each_layer_beats_the_ones_below_it(settings_file, tmp_path, key, user, in_book, given):
    book = book_with(tmp_path / "so-1", in_book[0], in_book[1])

    def effective(with_book: bool, cli: str | None = None):
        found = resolve(read_book(book) if with_book else None, book / "book.toml",
                        command_line([f"{key}={cli}"] if cli else []))
        return found.value(key), found.sources[key]

    value, source = effective(with_book=False)
    assert source.name == BUILT_IN and value != user[1]
    set_setting(key, user[0])
    value, source = effective(with_book=False)
    assert (value, source.name, source.path) == (user[1], USER_LAYER, settings_file)
    value, source = effective(with_book=True)
    assert (value, source.name, source.path) == (in_book[2], BOOK_LAYER, book / "book.toml")
    value, source = effective(with_book=True, cli=given[0])
    assert (value, source.name) == (given[1], COMMAND_LINE)


def test_the_reading_choices_reach_the_words_read(settings_file, tmp_path):
    book = book_with(tmp_path / "so-1", reading='day_prefix = "mồng"\n')
    set_setting("reading.thousand", "ngàn")
    set_setting("reading.day_prefix", "mùng")
    reading, lexicon = pipeline.reading_rules(book)
    spoken = normalize("Ngày 5/8 có 1.250 người, 101 hộ.", reading, lexicon)
    assert "mồng năm" in spoken and "một ngàn hai trăm" in spoken and "một trăm linh một" in spoken
    given = command_line(["reading.zero_tens=lẻ", "reading.thousand=nghìn"])
    reading, lexicon = pipeline.reading_rules(book, given)
    spoken = normalize("Ngày 5/8 có 1.250 người, 101 hộ.", reading, lexicon)
    assert "mồng năm" in spoken and "một nghìn hai trăm" in spoken and "một trăm lẻ một" in spoken


def test_the_output_folder_comes_from_the_option_then_the_setting(settings_file, tmp_path,
                                                                   monkeypatch):
    monkeypatch.chdir(tmp_path)
    for out in ("output", "chung", "rieng"):
        (tmp_path / out / ".cache").mkdir(parents=True)
    assert "used by books in output" in run("cache", "stats").stdout
    assert run("config", "set", "out", "chung").exit_code == 0
    assert tomllib.loads(settings_file.read_text("utf-8"))["out"] == str(tmp_path / "chung")
    assert f"used by books in {tmp_path / 'chung'}" in run("cache", "stats").stdout
    assert "used by books in rieng" in run("cache", "stats", "--out", "rieng").stdout
    assert resolve(given=command_line(out=Path("rieng"))).sources["out"].name == COMMAND_LINE


def test_extraction_leaves_voice_and_profiles_to_the_settings(settings_file, tmp_path):
    text = tmp_path / "ban-tin.txt"
    text.write_text("# Hội nghị\n\nĐảng ủy phường họp ngày 5/8.\n", "utf-8")
    book = pipeline.extract_to_folder(text, tmp_path / "out")
    written = tomllib.loads((book / "book.toml").read_text("utf-8"))
    assert "voice" not in written and "profiles" not in written and "ward" not in written
    set_setting("voice", "vi-south")
    set_setting("profiles", "loudspeaker")
    effective = resolve(read_book(book), book / "book.toml")
    assert (effective.voice, effective.profiles) == ("vi-south", ("loudspeaker",))
    # a book.toml written before keeps its own voice and profiles
    toml = book / "book.toml"
    toml.write_text('voice = "vi-north"\nprofiles = ["phone"]\n' + toml.read_text("utf-8"), "utf-8")
    effective = resolve(read_book(book), toml)
    assert (effective.voice, effective.profiles) == ("vi-north", ("phone",))
    assert effective.sources["voice"].name == effective.sources["profiles"].name == BOOK_LAYER


def test_the_announcement_names_the_ward_and_the_publisher(settings_file, tmp_path):
    book = book_with(tmp_path / "so-11")
    plain = announcements(settled(read_book(book), resolve(read_book(book))))
    assert plain[0].startswith("Xin giới thiệu bản tin so-11")
    set_setting("ward", "phường Đông Hồ")
    set_setting("publisher", "Đảng ủy phường Đông Hồ")
    opening, closing = announcements(settled(read_book(book), resolve(read_book(book))))
    assert opening == ("Kính thưa bà con nhân dân phường Đông Hồ. Đảng ủy phường Đông Hồ xin "
                       "giới thiệu bản tin so-11.")
    assert closing.endswith("Cảm ơn bà con nhân dân phường Đông Hồ đã lắng nghe.")


def test_the_interface_language_option_then_setting_then_environment(settings_file,
                                                                     monkeypatch):
    monkeypatch.setattr(i18n, "_translations", i18n._translations)  # restored afterwards
    monkeypatch.setattr(i18n, "_language", i18n._language)
    for variable in i18n.LANGUAGE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    assert i18n.use(interface_language()) == "vi" and resolve().sources["lang"].name == BUILT_IN
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert i18n.use(interface_language()) == "en" and resolve().sources["lang"].name == ENVIRONMENT
    set_setting("lang", "vi")
    assert i18n.use(interface_language()) == "vi" and resolve().sources["lang"].name == USER_LAYER
    assert i18n.use("en") == "en"  # --lang
    settings_file.write_text("lang = [", "utf-8")  # a broken file: the environment decides
    assert i18n.use(interface_language()) == "en"


def test_config_set_show_unset_through_the_command_line(settings_file):
    result = run("config")
    assert result.exit_code == 0 and str(settings_file) in result.stdout
    assert set(table(result.stdout)) >= set(KEYS)
    for arguments in (["publisher", "Đảng", "ủy", "phường", "Đông", "Hồ"],
                      ["profiles", "phone", "loudspeaker"], ["reading.thousand", "ngàn"],
                      ["voice", "vi-south"], ["lang", "en"]):
        result = run("config", "set", *arguments)
        assert result.exit_code == 0, result.output
        assert str(settings_file) in result.stderr
    assert sorted(path.name for path in settings_file.parent.iterdir()) == ["config.toml"]
    saved = tomllib.loads(settings_file.read_text("utf-8"))
    assert saved == {"publisher": "Đảng ủy phường Đông Hồ", "profiles": ["phone", "loudspeaker"],
                     "reading": {"thousand": "ngàn"}, "voice": "vi-south", "lang": "en"}
    shown = table(run("config").stdout)
    assert shown["publisher"][0] == "Đảng ủy phường Đông Hồ"
    assert shown["profiles"][0] == "phone, loudspeaker" and shown["ward"][0] == ""
    result = run("config", "unset", "reading.thousand")
    assert result.exit_code == 0 and "removed" in result.stderr
    assert "reading" not in tomllib.loads(settings_file.read_text("utf-8"))
    result = run("config", "unset", "reading.thousand")
    assert result.exit_code == 0 and "was not set" in result.stderr


def test_config_explain_says_where_each_setting_comes_from(settings_file, tmp_path):
    book = book_with(tmp_path / "so-1", 'publisher = "UBND phường Đông Hồ"\n',
                     'zero_tens = "lẻ"\n')
    for key, value in (("voice", "vi-south"), ("publisher", "Đảng ủy"), ("ward", "phường X")):
        set_setting(key, value)
    result = run("config", "--explain", book)
    assert result.exit_code == 0, result.output
    rows = table(result.stdout)
    assert rows["voice"] == ["vi-south", "user config"]
    assert rows["publisher"] == ["UBND phường Đông Hồ", "book.toml"]
    assert rows["ward"] == ["phường X", "user config"]
    assert rows["reading.zero_tens"] == ["lẻ", "book.toml"]
    assert rows["reading.thousand"] == ["nghìn", "built-in"]
    assert rows["profiles"] == ["phone", "built-in"]
    assert f"book.toml: {book / 'book.toml'}" in result.stdout
    assert f"user config: {settings_file}" in result.stdout
    without_book = table(run("config", "--explain").stdout)
    assert without_book["publisher"] == ["Đảng ủy", "user config"]


BAD_SETTINGS = [  # arguments of `config`, what the one line says
    (["set", "mau", "do"], "no setting named mau: the settings are voice, profiles"),
    (["set", "voice", "khong-co"], "no voice named 'khong-co'"),
    (["set", "profiles", "phone,xe"], "unknown profile 'xe'"),
    (["set", "reading.thousand", "ngan"], "reading.thousand takes one of nghìn, ngàn, not ngan"),
    (["set", "reading.day_prefix", "mồng", "một"], "takes one of mùng, mồng, not mồng một"),
    (["set", "lang", "fr"], "lang takes one of vi, en, not fr"),
    (["unset", "mau"], "no setting named mau"),
    (["set", "voice"], "config takes set KEY VALUE, unset KEY, or --explain"),
    (["doi", "voice", "vi-south"], "config takes set KEY VALUE"),
    (["--explain", "a", "b"], "config takes set KEY VALUE"),
]


@pytest.mark.parametrize("arguments, message", BAD_SETTINGS)
def test_a_bad_setting_is_one_line_exit_2_and_nothing_written(settings_file, arguments,
                                                               message):
    set_setting("voice", "vi-south")
    before = settings_file.read_bytes()
    result = run("config", *arguments)
    assert result.exit_code == 2
    assert message in one_error(result)
    assert settings_file.read_bytes() == before
    assert [path.name for path in settings_file.parent.iterdir()] == ["config.toml"]


@pytest.mark.parametrize("content, message", [
    ('voice = "vi-south"\nmau = "do"\n', "no setting named mau"),
    ("[reading]\nthousand = 1000\n", "reading.thousand takes a text"),
    ('profiles = "phone, xe"\n', "unknown profile 'xe'"),
    ('lang = "vi"\nvoice = [', "is not valid TOML"),
])
def test_a_hand_edited_file_that_cannot_be_used_names_itself(settings_file, tmp_path,
                                                             content, message):
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text(content, "utf-8")
    with pytest.raises(SettingError, match=message) as error:
        resolve()
    assert str(settings_file) in str(error.value)
    result = run("render", book_with(tmp_path / "so-1"))
    assert result.exit_code == 2
    line = one_error(result)
    assert str(settings_file) in line and message in line
    assert not (tmp_path / "so-1" / "build").exists()


def test_a_key_that_is_no_setting_is_shown_and_can_be_removed(settings_file):
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('voice = "vi-south"\nmau = "do"\n[reading]\ngiong = "bac"\n', "utf-8")
    rows = table(run("config").stdout)
    assert rows["mau"] == ["do", "not a setting: remove it"] and rows["voice"][0] == "vi-south"
    assert rows["reading.giong"] == ["bac", "not a setting: remove it"]
    for key in ("mau", "reading.giong"):
        assert run("config", "unset", key).exit_code == 0
    assert tomllib.loads(settings_file.read_text("utf-8")) == {"voice": "vi-south"}
    assert resolve().voice == "vi-south"


def test_a_voice_named_in_the_settings_but_gone_names_the_file(settings_file, tmp_path):
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('voice = "da-go"\n', "utf-8")
    with pytest.raises(VoiceError, match="no voice named 'da-go'") as error:
        checked_voice(resolve())
    assert str(settings_file) in str(error.value)
    result = run("say", "Xin chào", "-o", tmp_path / "x.wav")
    assert result.exit_code == 1 and str(settings_file) in one_error(result)
    assert checked_voice(resolve(given=command_line(voice="vi-north"))).name == DEFAULT_VOICE


def test_a_book_toml_value_that_cannot_be_used_names_the_book(settings_file, tmp_path):
    book = book_with(tmp_path / "so-1", reading='thousand = "ngan"\n')
    with pytest.raises(pipeline.BookError, match="book.toml: reading.thousand takes one of"):
        resolve(read_book(book), book / "book.toml")
    result = run("render", book)
    assert result.exit_code == 1 and "reading.thousand takes one of" in one_error(result)


@pytest.mark.parametrize("pair, message", [
    ("mau=do", "no setting named mau"),
    ("publisher", "--set takes KEY=VALUE"),
    ("reading.zero_tens=le", "reading.zero_tens takes one of linh, lẻ, not le"),
])
def test_a_bad_set_option_stops_the_run_before_it_starts(settings_file, tmp_path, pair,
                                                         message):
    book = book_with(tmp_path / "so-1")
    result = run("render", book, "--set", pair)
    assert result.exit_code == 2 and message in one_error(result)
    assert not (book / "build").exists()


def test_the_config_command_speaks_vietnamese(settings_file, tmp_path):
    """With no language named (LANG=C), config speaks Vietnamese from the built catalog."""
    result = run_in("C", "config", "unset", "voice")
    assert f"voice chưa được đặt trong {settings_file}" in result.stderr
    result = run_in("C", "config", "set", "reading.thousand", "ngan")
    assert result.exit_code == 2
    assert result.stderr.strip() == ("lỗi: reading.thousand chỉ nhận một trong các giá trị "
                                     "nghìn, ngàn, không nhận ngan")
    explained = run_in("C", "config", "--explain").stdout
    assert "cài đặt" in explained and "lấy từ" in explained
    assert table(explained)["voice"] == ["vi-north", "mặc định"]
