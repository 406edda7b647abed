"""The shape of the house: no function in the render's orchestration or the audio stage runs
over a screen, and the package's import graph has no circle."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "tts_pipeline"
SHORT = [PACKAGE / "pipeline.py", *sorted((PACKAGE / "audio").glob("*.py"))]
MAX_LINES = 50


def _functions(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]


@pytest.mark.parametrize("path", SHORT, ids=lambda path: path.relative_to(PACKAGE).as_posix())
def test_no_function_over_fifty_lines(path):
    long = [(name, lines) for name, lines in _functions(path) if lines > MAX_LINES]
    assert not long, f"{path.name}: {long} run over {MAX_LINES} lines"


def test_the_length_check_sees_a_long_function(tmp_path):
    body = "".join(f"    x{line} = {line}\n" for line in range(MAX_LINES))
    (tmp_path / "long.py").write_text(f"def long():\n{body}", encoding="utf-8")
    assert _functions(tmp_path / "long.py") == [("long", MAX_LINES + 1)]


def _module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_nodes(node: ast.AST) -> list[ast.AST]:
    """Every node below `node` except those under `if TYPE_CHECKING:`, which never run."""
    nodes = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and ast.unparse(child.test).endswith("TYPE_CHECKING"):
            continue
        nodes += [child, *_runtime_nodes(child)]
    return nodes


def _imports(path: Path, root: Path, modules: set[str]) -> set[str]:
    """The package's modules this file imports when it runs (a name imported from a package
    counts as its submodule when there is one)."""
    name = _module_name(path, root)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            target = ".".join(part for part in (base, node.module or "") if part)
            for alias in node.names:
                found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in modules
                          else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found & modules - {name}


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    files = sorted(root.rglob("*.py"))
    modules = {_module_name(path, root) for path in files}
    return {_module_name(path, root): _imports(path, root, modules) for path in files}


def find_circle(graph: dict[str, set[str]]) -> list[str]:
    """One import circle as the modules along it, or [] when there is none."""
    state: dict[str, str] = {}
    trail: list[str] = []

    def visit(module: str) -> list[str]:
        state[module], trail[len(trail):] = "open", [module]
        for imported in sorted(graph[module]):
            if state.get(imported) == "open":
                return trail[trail.index(imported):] + [imported]
            if imported not in state and (circle := visit(imported)):
                return circle
        state[module] = "done"
        trail.pop()
        return []

    for module in sorted(graph):
        if module not in state and (circle := visit(module)):
            return circle
    return []


def test_the_import_graph_has_no_circle():
    graph = import_graph()
    assert "tts_pipeline.folder" in graph["tts_pipeline.pipeline"]
    assert not find_circle(graph), " -> ".join(find_circle(graph))


def test_the_circle_check_finds_a_circle(tmp_path):
    package = tmp_path / "tts_pipeline"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("from .sub import b\n")
    (package / "sub" / "b.py").write_text("from ..c import thing\n")
    (package / "c.py").write_text("import tts_pipeline.a\n")
    (package / "d.py").write_text("from typing import TYPE_CHECKING\n"
                                  "if TYPE_CHECKING:\n    from .e import Thing\n")
    (package / "e.py").write_text("from .d import Other\n")
    graph = import_graph(package)
    assert graph["tts_pipeline.d"] == set() and graph["tts_pipeline.e"] == {"tts_pipeline.d"}
    circle = find_circle(graph)
    assert circle == ["tts_pipeline.a", "tts_pipeline.sub.b", "tts_pipeline.c", "tts_pipeline.a"]
