"""The engine table: every engine in it has a test module of its own that builds the engine
through load_engine (as Datasette checks that each plugin hook has a test), and the house has
no import circle between the voice registry and the engines."""

import ast
from pathlib import Path

import pytest

from tts_pipeline.voices.voice import ENGINES

TESTS = Path(__file__).parent
PACKAGE = TESTS.parent / "tts_pipeline"


@pytest.mark.parametrize("name", sorted(ENGINES))
def test_every_engine_has_a_test_module_that_loads_it(name):
    module = TESTS / f"test_{name}.py"
    assert module.is_file(), f"engine {name!r} is in ENGINES but {module.name} is missing"
    source = module.read_text(encoding="utf-8")
    assert "load_engine(" in source and "def test_" in source


@pytest.mark.parametrize("name", sorted(ENGINES))
def test_engines_import_only_the_shared_types(name):
    """An engine module imports voices/base.py, never the registry that loads it."""
    tree = ast.parse((PACKAGE / "voices" / f"{ENGINES[name].module}.py").read_text("utf-8"))
    imported = {node.module for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.level == 1}
    assert "voice" not in imported and "base" in imported
