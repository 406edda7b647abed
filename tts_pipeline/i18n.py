"""The interface's language: every message a user sees goes through `_` (or `N_` where it is
only marked, to be translated when shown), looked up in the gettext catalogs of `locale/`.

English is the language of the source (the msgids); Vietnamese is the default wherever the
environment names no language (C/POSIX, as on servers and in CI).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "tts_pipeline"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def language_from(environ: Mapping[str, str]) -> str:
    """The language the environment asks for, as gettext reads it: the first of LANGUAGE,
    LC_ALL, LC_MESSAGES, LANG that is set; C/POSIX or nothing means Vietnamese, a language
    we have no catalog for means English."""
    for variable in LANGUAGE_VARIABLES:
        value = environ.get(variable, "")
        if not value:
            continue
        names = [part.split(".")[0].split("@")[0] for part in value.split(":") if part]
        if all(name in ("C", "POSIX") for name in names):
            return DEFAULT_LANGUAGE
        for name in names:
            code = name.split("_")[0].lower()
            if code in LANGUAGES:
                return code
        return "en"
    return DEFAULT_LANGUAGE


def use(language: str | None = None) -> str:
    """Speak `language` from now on (None: what the environment asks for); return it."""
    global _translations, _language
    _language = language or language_from(os.environ)
    _translations = gettext.translation(
        DOMAIN, LOCALE_DIR, languages=[_language], fallback=True
    )
    return _language


def current_language() -> str:
    return _language


def _(message: str) -> str:
    """The message in the interface's language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translations.ngettext(singular, plural, count)


def decimal(value: float, digits: int = 1) -> str:
    """A number with `digits` decimals as the interface's language writes it (1,5 in
    Vietnamese, 1.5 in English)."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if _language == "vi" else text


def N_(message: str) -> str:
    """Mark a message for the catalogs without translating it yet (help texts defined at
    import time are translated when the command line is built)."""
    return message
