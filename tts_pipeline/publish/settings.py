"""Publishing settings, kept in `<output>/publish.toml` so the monthly run is one command."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from urllib.parse import urlsplit

import tomli_w

from ..book import write_atomically
from ..i18n import _
from .episode import PublishError

SETTINGS_FILE = "publish.toml"


@dataclass(frozen=True)
class PublishSettings:
    site: str = ""  # folder that receives the site
    base_url: str = ""  # where the site is served: https://…
    title: str = ""  # the podcast's name; default: the newest issue's publisher
    author: str = ""
    description: str = ""
    category: str = "Government"  # an Apple Podcasts category

    def url(self, *parts: str) -> str:
        """An absolute address inside the site."""
        return "/".join([self.base_url.rstrip("/"), *parts])


def load_settings(output: Path) -> PublishSettings:
    path = output / SETTINGS_FILE
    if not path.is_file():
        return PublishSettings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise PublishError(_("{file} is not valid TOML ({error}): fix it or delete it").format(
            file=path, error=error)) from None
    known = {field.name for field in fields(PublishSettings)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise PublishError(_("{file}: unknown setting {name!r}; known: {known}").format(
            file=path, name=unknown[0], known=", ".join(known)))
    return PublishSettings(**{key: str(value) for key, value in data.items()})


def merged_settings(output: Path, **given: str | None) -> tuple[PublishSettings, bool]:
    """The saved settings with what the command line gave; saved again when it gave any.
    Return them and whether they were saved."""
    saved = load_settings(output)
    changes = {key: value for key, value in given.items() if value}
    if changes.get("site"):
        changes["site"] = str(Path(changes["site"]).resolve())
    settings = replace(saved, **changes)
    if not settings.site:
        raise PublishError(_("say where the site goes: --site FOLDER (it is remembered in "
                             "{file})").format(file=output / SETTINGS_FILE))
    address = urlsplit(settings.base_url)
    if address.scheme not in ("http", "https") or not address.netloc:
        raise PublishError(_("say where the site will be served: --base-url https://… (podcast "
                             "apps and QR codes need the full address)"))
    if settings != saved:
        write_atomically(output / SETTINGS_FILE, tomli_w.dumps(
            {key: value for key, value in asdict(settings).items() if value}))
    return settings, settings != saved
