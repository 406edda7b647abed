"""Settings that stay: the user's configuration file, and the one place where the command line,
book.toml, that file and the built-in defaults are weighed into the settings a run uses.

Precedence, highest first: command line > book.toml > user config > built-in (the interface
language: --lang > user config > environment > Vietnamese).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import platformdirs
import tomli_w

from .audio.master import PROFILES, unknown_profile_message
from .book import BOOK_FILE, Book, BookError, nfc, write_atomically
from .errors import UserError
from .i18n import DEFAULT_LANGUAGE, LANGUAGE_VARIABLES, LANGUAGES, N_, _, language_from
from .reading import READING_CHOICES, ReadingProfile
from .voices.voice import DEFAULT_VOICE, Voice, VoiceError, find_voice

APP_NAME = "tts-pipeline"
CONFIG_FILE = "config.toml"
READING = "reading"  # the table that holds the reading choices, here as in book.toml

KEYS = {  # every setting, as typed and as written in the file, with what it is for
    "voice": N_("the voice new renders use"),
    "profiles": N_("the listening profiles rendered: phone, loudspeaker, archive"),
    "out": N_("the folder that receives the books"),
    "publisher": N_("the publisher's name, in the tags and the loudspeaker announcement"),
    "ward": N_("the ward's name, in the tags and the loudspeaker announcement"),
    "reading.thousand": N_("how 1000 is read: nghìn or ngàn"),
    "reading.zero_tens": N_("how the zero of 101 is read: linh or lẻ"),
    "reading.day_prefix": N_("the word before days 1 to 10: mùng or mồng"),
    "lang": N_("the interface's language: vi or en"),
}
CHOICES = {f"{READING}.{option}": words for option, words in READING_CHOICES.items()}
CHOICES["lang"] = LANGUAGES

COMMAND_LINE = N_("command line")
BOOK_LAYER = N_("book.toml")
USER_LAYER = N_("user config")
ENVIRONMENT = N_("environment")
BUILT_IN = N_("built-in")


class SettingError(UserError):
    """A setting that does not exist, or a value it cannot take."""


@dataclass(frozen=True)
class Settings:
    """What one layer says; None where it says nothing."""

    voice: str | None = None
    profiles: tuple[str, ...] | None = None
    out: str | None = None
    publisher: str | None = None
    ward: str | None = None
    thousand: str | None = None
    zero_tens: str | None = None
    day_prefix: str | None = None
    lang: str | None = None


def _field(key: str) -> str:
    """The Settings field of a key: "reading.thousand" → "thousand"."""
    return key.removeprefix(f"{READING}.")


def _unknown(key: str) -> SettingError:
    return SettingError(_("no setting named {key}: the settings are {keys}").format(
        key=key, keys=", ".join(KEYS)))


def parse(key: str, value: object) -> str | tuple[str, ...]:
    """The value `key` takes from `value`, text as typed or a TOML value; SettingError says
    what it takes instead."""
    if key not in KEYS:
        raise _unknown(key)
    if key == "profiles":
        names = value.replace(",", " ").split() if isinstance(value, str) else value
        if not (isinstance(names, list | tuple) and names
                and all(isinstance(name, str) for name in names)):
            raise SettingError(_("profiles takes one or more of {profiles}").format(
                profiles=", ".join(PROFILES)))
        for name in names:
            if name not in PROFILES:
                raise SettingError(unknown_profile_message(name))
        return tuple(dict.fromkeys(names))
    text = nfc(value).strip() if isinstance(value, str) else ""
    if not text:
        raise SettingError(_("{key} takes a text; to remove it: tts-pipeline config unset "
                             "{key}").format(key=key))
    choices = CHOICES.get(key)
    if choices and text not in choices:
        raise SettingError(_("{key} takes one of {choices}, not {value}").format(
            key=key, choices=", ".join(choices), value=text))
    return text


def settings_from(values: Mapping[str, object]) -> Settings:
    """A layer from dotted keys and their values, each checked by `parse`."""
    return Settings(**{_field(key): parse(key, value) for key, value in values.items()})


def _dotted(data: Mapping[str, object]) -> dict[str, object]:
    """A TOML document's settings by dotted key: [reading] thousand → "reading.thousand"."""
    flat: dict[str, object] = {}
    for name, value in data.items():
        if name == READING and isinstance(value, dict):
            flat.update({f"{READING}.{option}": choice for option, choice in value.items()})
        else:
            flat[name] = value
    return flat


def command_line(pairs: Iterable[str] = (), voice: str | None = None,
                 profiles: Iterable[str] | None = None, out: Path | None = None) -> Settings:
    """The command line's layer: --set KEY=VALUE pairs, with --voice, --profile and --out
    over them (those three are checked where they are used, as before)."""
    values: dict[str, str] = {}
    for pair in pairs:
        key, sign, value = pair.partition("=")
        if not sign:
            raise SettingError(_("--set takes KEY=VALUE, such as reading.thousand=ngàn, "
                                 "not {pair}").format(pair=pair))
        values[key.strip()] = value
    given = settings_from(values)
    return replace(given, voice=voice or given.voice, out=str(out) if out else given.out,
                   profiles=tuple(profiles) if profiles else given.profiles)


def config_path() -> Path:
    """The user's settings file: on Linux $XDG_CONFIG_HOME/tts-pipeline/config.toml."""
    return Path(platformdirs.user_config_dir(APP_NAME)) / CONFIG_FILE


def _read(path: Path) -> dict[str, object]:
    """The file's TOML document; empty when there is no file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SettingError(_("{path} is not valid TOML ({error}): fix it, or delete it and "
                             "use tts-pipeline config set").format(path=path, error=error)
                           ) from None


def user_settings(path: Path) -> Settings:
    data = _read(path)
    try:
        return settings_from(_dotted(data))
    except SettingError as error:
        raise SettingError(f"{path}: {error}") from None


def configured_language() -> str | None:
    """The interface language the user's file names; None when it names none (or cannot be
    read: the command that follows says why)."""
    try:
        language = _read(config_path()).get("lang")
    except (SettingError, OSError):
        return None
    return language if language in LANGUAGES else None


def interface_language() -> str:
    """The language to speak before --lang is read: the user's `lang` setting, else what the
    environment asks for."""
    return configured_language() or language_from(os.environ)


def file_settings() -> tuple[Path, dict[str, object]]:
    """The user's file and the settings written in it, by dotted key, unchecked."""
    path = config_path()
    return path, _dotted(_read(path))


def set_setting(key: str, text: str) -> tuple[Path, str | tuple[str, ...]]:
    """Check `text` as the value of `key` and write it into the user's file; the file and the
    value written. Nothing is written when the value cannot be used."""
    value = parse(key, text)
    if key == "voice":
        try:
            find_voice(str(value))
        except VoiceError as error:
            raise SettingError(str(error)) from None
    if key == "out":
        value = str(Path(str(value)).expanduser().resolve())
    path = config_path()
    data = _read(path)
    if key.startswith(f"{READING}."):
        table = data.get(READING)
        data[READING] = {**(table if isinstance(table, dict) else {}), _field(key): value}
    else:
        data[key] = list(value) if isinstance(value, tuple) else value
    write_atomically(path, nfc(tomli_w.dumps(data)))
    return path, value


def unset_setting(key: str) -> tuple[Path, bool]:
    """Remove `key` from the user's file (a key that is no setting too, when the file has it);
    the file, and whether the key was set there."""
    path = config_path()
    data = _read(path)
    if key not in KEYS and key not in _dotted(data):
        raise _unknown(key)
    table = data.get(READING) if key.startswith(f"{READING}.") else data
    if not isinstance(table, dict) or _field(key) not in table:
        return path, False
    del table[_field(key)]
    if data.get(READING) == {}:
        del data[READING]
    write_atomically(path, nfc(tomli_w.dumps(data)))
    return path, True


@dataclass(frozen=True)
class Layer:
    name: str  # COMMAND_LINE, BOOK_LAYER, USER_LAYER, ENVIRONMENT or BUILT_IN
    settings: Settings
    path: Path | None = None  # the file it was read from


BUILT_IN_SETTINGS = Settings(
    voice=DEFAULT_VOICE, profiles=("phone",), out="output", publisher="", ward="",
    lang=DEFAULT_LANGUAGE, **asdict(ReadingProfile()),
)


@dataclass(frozen=True)
class Effective:
    """The settings a run uses, and the layer each came from (by key)."""

    voice: str
    profiles: tuple[str, ...]
    out: Path
    publisher: str
    ward: str
    reading: ReadingProfile
    lang: str
    sources: Mapping[str, Layer]

    def value(self, key: str) -> object:
        return getattr(self.reading if key.startswith(f"{READING}.") else self, _field(key))


def book_settings(book: Book, path: Path | None = None) -> Settings:
    """The book layer: what its book.toml sets ("" and [] set nothing); BookError when a value
    cannot be used."""
    given = {"voice": book.voice, "profiles": book.profiles, "publisher": book.publisher,
             "ward": book.ward}
    values = {key: value for key, value in given.items() if value}
    values.update({f"{READING}.{option}": word for option, word in book.reading.items()})
    try:
        return settings_from(values)
    except SettingError as error:
        raise BookError(f"{path or BOOK_FILE}: {error}") from None


def _environment(environ: Mapping[str, str]) -> Settings:
    named = any(environ.get(variable) for variable in LANGUAGE_VARIABLES)
    return Settings(lang=language_from(environ)) if named else Settings()


def layers(book: Book | None = None, book_path: Path | None = None,
           given: Settings | None = None) -> list[Layer]:
    """Every layer, highest first; the book's only when there is a book."""
    path = config_path()
    found = [Layer(COMMAND_LINE, given or Settings())]
    if book is not None:
        found.append(Layer(BOOK_LAYER, book_settings(book, book_path), book_path))
    return [*found, Layer(USER_LAYER, user_settings(path), path),
            Layer(ENVIRONMENT, _environment(os.environ)), Layer(BUILT_IN, BUILT_IN_SETTINGS)]


def resolve(book: Book | None = None, book_path: Path | None = None,
            given: Settings | None = None) -> Effective:
    """The settings a run uses: each from the highest layer that sets it."""
    stack = layers(book, book_path, given)
    chosen: dict[str, object] = {}
    sources: dict[str, Layer] = {}
    for key in KEYS:
        layer = next(layer for layer in stack if getattr(layer.settings, _field(key)) is not None)
        chosen[_field(key)] = getattr(layer.settings, _field(key))
        sources[key] = layer
    reading = ReadingProfile(**{option: chosen.pop(option) for option in READING_CHOICES})
    return Effective(**{**chosen, "out": Path(str(chosen["out"])).expanduser()},
                     reading=reading, sources=sources)


def settled(book: Book, effective: Effective) -> Book:
    """The book as a run sees it: the effective settings in place of what book.toml left out."""
    return replace(book, voice=effective.voice, profiles=list(effective.profiles),
                   publisher=effective.publisher, ward=effective.ward,
                   reading=asdict(effective.reading))


def checked_voice(effective: Effective) -> Voice:
    """The effective voice; VoiceError names the file that chose it when it is not there."""
    try:
        return find_voice(effective.voice)
    except VoiceError as error:
        layer = effective.sources["voice"]
        if layer.path is None:
            raise
        raise VoiceError(_("{problem} (the voice is set in {path})").format(
            problem=error, path=layer.path)) from None


def shown(value: object) -> str:
    """A setting's value as the user reads it."""
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value))
    return str(value) if value != "" else _("(none)")


def recorded(effective: Effective) -> dict[str, object]:
    """The settings that shape a render's audio and tags, for its fingerprint."""
    return {"voice": effective.voice, "profiles": list(effective.profiles),
            "publisher": effective.publisher, "ward": effective.ward,
            "reading": asdict(effective.reading)}
