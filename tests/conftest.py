import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from bulletin import FONT_FOLDER  # noqa: E402

from tts_pipeline import i18n  # noqa: E402

# The tests written before the interface spoke Vietnamese assert English messages: they run
# in English, the command lines they start too (LANGUAGE is the first variable read);
# test_interface_language sets the language variables itself.
for variable in i18n.LANGUAGE_VARIABLES:
    os.environ.pop(variable, None)
os.environ["LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def english():
    """Every test starts in English, whatever the test before it chose."""
    i18n.use("en")

# Modules that render audio, drive the command line in subprocesses, a browser or a server:
# `pytest -m "not slow"` leaves them out for a quick loop; `make test` runs everything.
SLOW_MODULES = {
    "test_bad_input", "test_batch", "test_chapter_structures", "test_commands", "test_coqui",
    "test_end_to_end", "test_nginx", "test_ocr", "test_piper", "test_profiles", "test_publish",
    "test_read_command", "test_render", "test_site_browser", "test_legacy", "test_admin_documents",
    "test_corpus_extraction", "test_other_inputs", "test_ocr_pages", "test_textquality",
    "test_real_scores", "test_guide", "test_config_render",
}


@pytest.fixture(scope="session", autouse=True)
def own_settings_folder(tmp_path_factory):
    """No test reads the settings of whoever runs it: XDG_CONFIG_HOME is an empty folder
    (tests that need settings point it at their own)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("settings")))
        yield


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.module.__name__.rsplit(".", 1)[-1] in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
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
