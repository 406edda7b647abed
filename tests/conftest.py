import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from bulletin import FONT_FOLDER  # noqa: E402


def pytest_collection_modifyitems(config, items):
    if not (FONT_FOLDER / "DejaVuSerif-Italic.ttf").is_file():
        skip = pytest.mark.skip(reason="DejaVu fonts missing: apt-get install fonts-dejavu")
        for item in items:
            if "make_pdf" in getattr(item, "fixturenames", ()):
                item.add_marker(skip)


@pytest.fixture
def make_pdf(tmp_path):
    """Build a bulletin PDF with reportlab in the test's folder."""
    from bulletin import build_bulletin

    def make(bulletin, name="ban-tin.pdf"):
        return build_bulletin(bulletin, tmp_path / name)

    return make
