"""Helpers shared by the builders: placeholder photo, PDF metadata pinning."""

from __future__ import annotations

import hashlib
import io
import re


def placeholder_png(w: int = 160, h: int = 100) -> bytes:
    """A small grey PNG with a cross: the stand-in for a photo."""
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (w, h), (217, 217, 217))
    d = ImageDraw.Draw(im)
    d.line((0, 0, w - 1, h - 1), fill=(140, 140, 140), width=1)
    d.line((0, h - 1, w - 1, 0), fill=(140, 140, 140), width=1)
    d.rectangle((0, 0, w - 1, h - 1), outline=(140, 140, 140))
    buf = io.BytesIO()
    im.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def pin_metadata(path: str, name: str) -> None:
    """Overwrite creation/modification dates and the document /ID in place (same length,
    so the xref offsets stay valid) to make the producer's output reproducible."""
    with open(path, "rb") as f:
        data = f.read()
    data = re.sub(rb"D:\d{14}", b"D:20251001080000", data)
    digest = hashlib.md5(name.encode()).hexdigest().upper().encode()

    def fix_id(m: re.Match) -> bytes:
        return b"<" + (digest * 4)[: len(m.group(1))] + b">"

    data = re.sub(rb"(?<=/ID)\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>",
                  lambda m: b" [ " + fix_id(re.match(rb"<?([0-9A-Fa-f]+)", m.group(1)))
                  + b" " + fix_id(re.match(rb"<?([0-9A-Fa-f]+)", m.group(2))), data)
    # Chromium's tagged-PDF element ids come from a DOM node counter that drifts between
    # runs: renumber them in place, keeping their order (the /IDTree is sorted by them)
    ids = sorted(set(re.findall(rb"node(\d{8})", data)))
    rank = {old: b"%08d" % (i + 1) for i, old in enumerate(ids)}
    data = re.sub(rb"node(\d{8})", lambda m: b"node" + rank[m.group(1)], data)
    # LibreOffice's /DocChecksum covers the date: recompute it over the pinned bytes
    m = re.search(rb"/DocChecksum /([0-9A-F]{32})", data)
    if m:
        blank = data[: m.start(1)] + b"0" * 32 + data[m.end(1):]
        data = blank[: m.start(1)] + hashlib.md5(blank).hexdigest().upper().encode() \
            + blank[m.end(1):]
    with open(path, "wb") as f:
        f.write(data)
