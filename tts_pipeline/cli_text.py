"""Typer's own words (help panels, usage line, usage errors) and the command tree's help in
the interface's language.

Typer 0.29 carries its own copy of Click whose words are plain English literals: the help
option, "Usage: " and the usage errors are put into the catalog here, the rest of Typer's
words go through the gettext function of typer.core and the constants of typer.rich_utils,
both routed to our catalog by `speak_typer`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import typer.core
import typer.rich_utils
from typer import _click

from .i18n import LANGUAGES, N_, _

# typer.rich_utils translates these once, at import: they are set again in each language.
RICH_UTILS_WORDS = {
    "DEPRECATED_STRING": N_("(deprecated) "),
    "DEFAULT_STRING": N_("[default: {}]"),
    "ENVVAR_STRING": N_("[env var: {}]"),
    "REQUIRED_LONG_STRING": N_("[required]"),
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"),
    "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"),
    "ERRORS_PANEL_TITLE": N_("Error"),
    "ABORTED_TEXT": N_("Aborted."),
    "RICH_HELP": N_("Try [blue]'{command_path} {help_option}'[/] for help."),
}
# typer.core asks gettext for these when it runs; listed so that the catalog has them.
TYPER_CORE_WORDS = (
    N_("(dynamic)"), N_("Aborted!"), N_("default: {default}"), N_("required"),
    N_("env var: {var}"), N_("Arguments"), N_("Options"), N_("Commands"),
    N_("Missing command."), N_("No such command {name!r}."),
)
HELP_OPTION = N_("Show this message and exit.")
USAGE_PREFIX = N_("Usage: ")
_original_write_usage = _click.formatting.HelpFormatter.write_usage


def _write_usage(formatter: _click.HelpFormatter, prog: str, args: str = "",
                 prefix: str | None = None) -> None:
    _original_write_usage(formatter, prog, args, _(USAGE_PREFIX) if prefix is None else prefix)


def speak_typer() -> None:
    """Route Typer's own words to our catalog, in the language chosen now."""
    typer.core._ = _  # type: ignore[attr-defined]
    for name, message in RICH_UTILS_WORDS.items():
        setattr(typer.rich_utils, name, _(message))
    _click.formatting.HelpFormatter.write_usage = _write_usage  # type: ignore[method-assign]


# The usage line's words (Typer's defaults of options_metavar and subcommand_metavar), and the
# types the help shows beside each parameter.
METAVARS = (N_("[OPTIONS]"), N_("COMMAND [ARGS]..."))
TYPES = {
    "<path>": N_("<path>"), "<list[Path]>": N_("<paths>"), "<str>": N_("<text>"),
    "<list[str]>": N_("<texts>"), "<int>": N_("<number>"), "<list[int]>": N_("<numbers>"),
    "<bool>": N_("<yes/no>"),
}


def _msgid(thing: object, attribute: str) -> str | None:
    """The msgid of a text of the command tree: kept aside the first time it is translated."""
    kept = f"_msgid_{attribute}"
    if not hasattr(thing, kept):
        setattr(thing, kept, getattr(thing, attribute, None))
    return getattr(thing, kept)


def _translate(thing: object, attribute: str) -> None:
    message = _msgid(thing, attribute)
    if message:
        setattr(thing, attribute, _(message))


def _type_shown(param: _click.Parameter) -> Callable[[_click.Context], str | None]:
    shown = type(param).display_type_rich  # type: ignore[attr-defined]

    def display(ctx: _click.Context) -> str | None:
        label = shown(param, ctx)
        return _(TYPES[label]) if label in TYPES else label

    return display


def translate_tree(command: _click.Command, name: str = "") -> None:
    """Translate the help and metavars of `command`, its parameters and its subcommands,
    whose texts are msgids marked with N_ (kept, so that the tree can be translated again);
    the parameters' types are shown in the same language."""
    for attribute in ("help", "options_metavar", "subcommand_metavar"):
        _translate(command, attribute)
    for param in command.params:
        _translate(param, "help")
        _translate(param, "metavar")
        param.display_type_rich = _type_shown(param)  # type: ignore[method-assign]
    help_option = command.get_help_option(_click.Context(command, info_name=name))
    if help_option is not None:
        help_option.help = _(HELP_OPTION)
        help_option.display_type_rich = _type_shown(help_option)  # type: ignore[method-assign]
    for child_name, child in getattr(command, "commands", {}).items():
        translate_tree(child, child_name)


class LanguageError(ValueError):
    """--lang named a language we have no messages for."""


def language_in(args: Sequence[str]) -> tuple[str | None, list[str]]:
    """The language --lang names anywhere on the command line before a `--` (None: not
    given), and the arguments without it."""
    language, rest = None, []
    items = iter(args)
    for item in items:
        if item == "--":
            rest += [item, *items]
        elif item == "--lang":
            language = next(items, "")
        elif item.startswith("--lang="):
            language = item.partition("=")[2]
        else:
            rest.append(item)
            continue
        if language not in LANGUAGES:
            raise LanguageError(_("--lang takes one of {choices}, not {value!r}").format(
                choices=", ".join(LANGUAGES), value=language))
    return language, rest


# The messages of Typer's copy of Click, as regular expressions of their English text, and
# as msgids with the same words.
_USAGE_ERRORS = (
    (re.compile(r"(?P<head>.*)\. Did you mean (?P<names>.*)\?", re.S),
     N_("{head}. Did you mean {names}?")),
    (re.compile(r"Got unexpected extra argument\(s\) \((?P<arguments>.*)\)", re.S),
     N_("Got unexpected extra argument(s) ({arguments})")),
    (re.compile(r"Option (?P<option>'.*') requires an argument\."),
     N_("Option {option} requires an argument.")),
    (re.compile(r"Option (?P<option>'.*') requires (?P<count>\d+) arguments\."),
     N_("Option {option} requires {count} arguments.")),
    (re.compile(r"Option (?P<option>'.*') does not take a value\."),
     N_("Option {option} does not take a value.")),
    (re.compile(r"Argument (?P<name>'.*') takes (?P<count>\d+) values\."),
     N_("Argument {name} takes {count} values.")),
)
# Pydantic's reasons why a value does not convert, by their error type, for the languages
# other than English.
_INVALID_VALUES = {
    "int_parsing": N_("a whole number is expected"),
    "int_from_float": N_("a whole number is expected"),
    "float_parsing": N_("a number is expected"),
    "bool_parsing": N_("yes or no is expected (true/false)"),
}


def _translated(message: str) -> str:
    for pattern, template in _USAGE_ERRORS:
        match = pattern.fullmatch(message)
        if match:
            parts = {key: _translated(value) if key == "head" else value
                     for key, value in match.groupdict().items()}
            return _(template).format(**parts)
    return message


def _invalid_value(error: _click.exceptions.BadParameter) -> str:
    cause = error.__cause__
    kinds = [item.get("type") for item in getattr(cause, "errors", list)()] if cause else []
    reason = _INVALID_VALUES.get(kinds[0]) if kinds else None
    if reason and _(reason) != reason:
        return _(reason)
    return error.message  # English keeps Pydantic's words


def usage_message(error: Exception) -> str:
    """A usage error of Typer in the interface's language."""
    exceptions = _click.exceptions
    if isinstance(error, exceptions.MissingParameter) and error.param is not None:
        hint = error.param.get_error_hint()
        if error.param.param_type_name == "argument":
            return _("Missing argument {name}.").format(name=hint)
        return _("Missing option {name}.").format(name=hint)
    if isinstance(error, exceptions.BadParameter) and error.param is not None:
        return _("Invalid value for {name}: {reason}").format(
            name=error.param.get_error_hint(), reason=_invalid_value(error))
    if isinstance(error, exceptions.NoSuchOption):
        message = _("No such option: {option}").format(option=error.option_name)
        if error.possibilities:
            message += " " + _("(Possible options: {options})").format(
                options=", ".join(sorted(error.possibilities)))
        return message
    if isinstance(error, exceptions.ClickException):
        return _translated(error.format_message())
    return str(error)
