"""QR codes that lead from the paper edition to an issue's page."""

from __future__ import annotations

from pathlib import Path

import segno

PRINT_DPI = 300
MODULE_PIXELS = 12  # at 300 dpi a module is 1 mm: a 2.5 to 4 cm code, easy for old phones


def write_qr_codes(url: str, folder: Path) -> list[Path]:
    """qr.png (for print, 300 dpi) and qr.svg, with the error correction a smudged print
    needs (level Q: a quarter of the code may be lost)."""
    code = segno.make(url, error="q", micro=False)
    png, svg = folder / "qr.png", folder / "qr.svg"
    code.save(str(png), scale=MODULE_PIXELS, dpi=PRINT_DPI, border=4)
    code.save(str(svg), scale=MODULE_PIXELS, border=4, title=url)
    return [png, svg]
