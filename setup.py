"""The build compiles the interface's message catalogs (tts_pipeline/locale/*/LC_MESSAGES/*.po)
into .mo files with Babel: into the wheel's build folder, or, for an editable install
(`pip install -e .`), next to the .po in the source tree, where the package is imported from."""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
from messages import LOCALE, compile_catalogs  # noqa: E402


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            compile_catalogs()
        else:
            compile_catalogs(Path(self.build_lib) / LOCALE.relative_to(LOCALE.parents[1]))


setup(cmdclass={"build_py": BuildWithCatalogs})
