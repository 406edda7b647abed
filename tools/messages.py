#!/usr/bin/env python3
"""The interface's message catalogs, with Babel: extract the messages of tts_pipeline/ into
the template, merge it into each language's .po, and compile the .po files into .mo.

    python tools/messages.py update     # after changing messages: template and .po files
    python tools/messages.py compile    # .po -> .mo (the build does this too, see setup.py)
    python tools/messages.py check      # fail if a .po misses a message or a translation

setup.py imports this file to compile the catalogs when the package is built or installed.
"""

from __future__ import annotations

import io
import re
import sys
import tomllib
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tts_pipeline"
LOCALE = PACKAGE / "locale"
DOMAIN = "tts_pipeline"
TEMPLATE = LOCALE / f"{DOMAIN}.pot"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def po_files(locale: Path = LOCALE) -> list[Path]:
    return sorted(locale.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


HEADER = "# The messages of tts-pipeline's interface (`make messages` writes this file)."
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
    "version"]


def _describe(catalog: Catalog) -> None:
    catalog.project, catalog.version = "tts-pipeline", VERSION
    catalog.msgid_bugs_address = catalog.last_translator = catalog.language_team = "tts-pipeline"


def extract(package: Path = PACKAGE) -> Catalog:
    """Every message of the package's source, as a template catalog."""
    catalog = Catalog(fuzzy=False, header_comment=HEADER)
    _describe(catalog)
    for filename, line, message, comments, context in extract_from_dir(
        package, method_map=[("**.py", "python")], keywords=KEYWORDS,
        comment_tags=["TRANSLATORS:"], strip_comment_tags=True,
    ):
        catalog.add(message, None, [(f"{package.name}/{filename}", line)],
                    auto_comments=comments, context=context)
    return catalog


def read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


_DATES = re.compile(rb'^"(POT-Creation|PO-Revision)-Date: .*$', re.MULTILINE)


def write(catalog: Catalog, path: Path) -> None:
    """Write a catalog, unless only its header's dates would change."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, include_lineno=False, ignore_obsolete=True)
    text = buffer.getvalue()
    if path.is_file() and _DATES.sub(b"", path.read_bytes()) == _DATES.sub(b"", text):
        return
    temporary = path.with_name(path.name + ".partial")
    temporary.write_bytes(text)
    temporary.replace(path)


def update() -> None:
    """Write the template from the source and merge it into every .po."""
    template = extract()
    write(template, TEMPLATE)
    for path in po_files():
        catalog = read(path)
        catalog.update(template, no_fuzzy_matching=True)
        _describe(catalog)
        write(catalog, path)


def compile_catalogs(target: Path = LOCALE, source: Path = LOCALE) -> list[Path]:
    """Compile each .po under `source` into its .mo under `target`; return the .mo files."""
    written = []
    for path in po_files(source):
        mo = target / path.relative_to(source).with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        temporary = mo.with_name(mo.name + ".partial")
        with temporary.open("wb") as handle:
            write_mo(handle, read(path), use_fuzzy=False)
        temporary.replace(mo)
        written.append(mo)
    return written


def problems() -> list[str]:
    """What is missing: messages of the source absent from a .po, or untranslated there."""
    found = []
    source = extract()
    for path in po_files():
        catalog = read(path)
        for message in source:
            if not message.id:
                continue
            entry = catalog.get(message.id)
            strings = entry.string if entry else None
            texts = strings if isinstance(strings, tuple) else (strings,)
            if entry is None:
                found.append(f"{path.parent.parent.name}: missing {message.id!r}")
            elif entry.fuzzy or not all(texts):
                found.append(f"{path.parent.parent.name}: untranslated {message.id!r}")
    return found


def main(command: str) -> int:
    if command == "update":
        update()
    elif command == "compile":
        for mo in compile_catalogs():
            print(mo.relative_to(ROOT))
    elif command == "check":
        for problem in problems():
            print(problem)
        return 1 if problems() else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
