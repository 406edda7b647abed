"""The voices `tts-pipeline voices install` can fetch: where each file lies, pinned to a
revision, with the size and MD5 digest its publisher lists (None where none is published)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..i18n import N_

MIRROR_ENV = "TTS_PIPELINE_VOICE_MIRROR"  # another server with the same paths (tests, mirrors)
HUB = "https://huggingface.co"
PIPER_REPOSITORY = "rhasspy/piper-voices"
# A commit of rhasspy/piper-voices; the Vietnamese files have not changed since v1.0.0 (the
# voices.json of rhasspy/wyoming-piper lists the same sizes and digests from 2023 to 2026).
PIPER_REVISION = "c10ece1aade47bb51c153c893d14e5bf8e5b7117"


@dataclass(frozen=True)
class RemoteFile:
    path: str  # inside the repository, e.g. vi/vi_VN/vivos/x_low/vi_VN-vivos-x_low.onnx
    size: int | None  # bytes, as published; None: not published
    md5: str | None  # hex digest, as published; None: not published

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name


@dataclass(frozen=True)
class CatalogueVoice:
    """One installable voice; installed as <voices>/<name>.toml and the folder <name>/."""

    name: str
    engine: str
    description: str
    repository: str  # owner/name on the hub
    revision: str  # a commit (40 hex digits), or a branch where none is published
    files: tuple[RemoteFile, ...]
    model: str  # options.model, relative to the voice's folder ("" for the folder itself)
    licence: str
    licence_note: str  # English, marked for translation
    licence_url: str
    options: dict[str, object] = field(default_factory=dict)  # besides options.model

    @property
    def size(self) -> int | None:
        """The bytes to download; None when some file's size is not published."""
        sizes = [file.size for file in self.files]
        return None if None in sizes else sum(size for size in sizes if size is not None)

    @property
    def pinned(self) -> bool:
        return len(self.revision) == 40 and all(c in "0123456789abcdef" for c in self.revision)

    def url(self, file: RemoteFile, base: str | None = None) -> str:
        """Where `file` is downloaded from: the hub, or the server named by MIRROR_ENV."""
        root = (base or os.environ.get(MIRROR_ENV) or HUB).rstrip("/")
        return f"{root}/{self.repository}/resolve/{self.revision}/{file.path}"

    def source_url(self) -> str:
        return f"{HUB}/{self.repository}/tree/{self.revision}"


def _piper(name: str, description: str, files: tuple[tuple[str, int, str], ...],
           licence: str, licence_note: str, licence_url: str) -> CatalogueVoice:
    """A Piper voice of rhasspy/piper-voices: its .onnx, .onnx.json and MODEL_CARD."""
    _, speaker, quality = name.split("-")
    folder = f"vi/vi_VN/{speaker}/{quality}"
    return CatalogueVoice(
        name=name, engine="piper", description=description, repository=PIPER_REPOSITORY,
        revision=PIPER_REVISION,
        files=tuple(RemoteFile(f"{folder}/{file}", size, md5) for file, size, md5 in files),
        model=f"{name}.onnx", licence=licence, licence_note=licence_note,
        licence_url=licence_url,
    )


# Sizes and MD5 digests: rhasspy/piper-voices' voices.json, as vendored in
# rhasspy/wyoming-piper (wyoming_piper/voices.json). Licences: each voice's MODEL_CARD (the
# vais1000 and vivos cards, as quoted elsewhere, have exactly the size and MD5 listed below;
# the 25hours_single card's "License: Unknown" is known only from a quotation).
CATALOGUE: dict[str, CatalogueVoice] = {voice.name: voice for voice in (
    _piper(
        "vi_VN-vais1000-medium", "Piper VAIS-1000, female, 22.05 kHz",
        (("vi_VN-vais1000-medium.onnx", 63201294, "5e42428c4f6131f75557cf156c9c1526"),
         ("vi_VN-vais1000-medium.onnx.json", 4860, "5ec9669253541d64ba97f60e422f1ad0"),
         ("MODEL_CARD", 361, "1beeecba9042e5925b0c5fbd138c779d")),
        "CC BY 4.0",
        N_("dataset VAIS-1000 under CC BY 4.0 (credit it); Piper's weights under MIT"),
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    _piper(
        "vi_VN-25hours_single-low", "Piper InfoRe 25 hours, one speaker, 16 kHz",
        (("vi_VN-25hours_single-low.onnx", 63104526, "54ff8fb35b0084336377ddd10717e1fa"),
         ("vi_VN-25hours_single-low.onnx.json", 4176, "d626bc458e9eb1a12650709bfc89d4a2"),
         ("MODEL_CARD", 343, "25eb4744418cd7b8da0a9096dcfa6e61")),
        N_("unknown"),
        N_("the model card gives the licence of its dataset (InfoRe Technology 1) as "
           "unknown: ask before publishing what it reads"),
        f"{HUB}/{PIPER_REPOSITORY}/blob/{PIPER_REVISION}/vi/vi_VN/25hours_single/low/MODEL_CARD",
    ),
    _piper(
        "vi_VN-vivos-x_low", "Piper VIVOS, 65 speakers, 16 kHz",
        (("vi_VN-vivos-x_low.onnx", 27789413, "d5880d32e340f57489dcb9d4f1f7aa04"),
         ("vi_VN-vivos-x_low.onnx.json", 5592, "708356072a75e33cff652f1b5d455795"),
         ("MODEL_CARD", 272, "6bd1265a94a8f6bcce74a5b1145a7f95")),
        "CC BY-NC-SA 4.0",
        N_("dataset VIVOS under CC BY-NC-SA 4.0: non-commercial use only"),
        "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    ),
    # The fairseq form that coqui.py's MMS loader reads (G_<step>.pth, vocab.txt, config.json);
    # facebook/mms-tts-vie holds the transformers form, which coqui-tts cannot load. Meta
    # publishes no sizes or digests for these files, and no tagged revision.
    CatalogueVoice(
        name="mms-tts-vie", engine="coqui", description="Meta MMS Vietnamese VITS, 16 kHz",
        repository="facebook/mms-tts", revision="main",
        files=tuple(RemoteFile(f"models/vie/{name}", None, None)
                    for name in ("G_100000.pth", "config.json", "vocab.txt")),
        model="", licence="CC BY-NC 4.0",
        licence_note=N_("Meta's MMS models are under CC BY-NC 4.0: non-commercial use only"),
        licence_url="https://creativecommons.org/licenses/by-nc/4.0/",
        options={"seed": 0},
    ),
)}
