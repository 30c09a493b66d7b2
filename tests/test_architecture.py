"""The package's shape: no import cycles, layer packages with their contract, modules of a readable size."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from newsaudit.analyze import ALL_LAYERS, load_layer

SRC = Path(__file__).resolve().parents[1] / "src"
PKG = SRC / "newsaudit"
MAX_LINES = 500
WHOLE_MARK = "stays whole:"  # a module over MAX_LINES says why in a comment holding this


def _modules() -> dict[str, Path]:
    mods = {}
    for p in PKG.rglob("*.py"):
        parts = list(p.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods[".".join(parts)] = p
    return mods


def _resolve(mod: str, is_pkg: bool, level: int, target: str | None) -> str:
    if level == 0:
        return target or ""
    base = mod.split(".") if is_pkg else mod.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([target] if target else []))


def import_graph() -> dict[str, set[str]]:
    """Every import of a newsaudit module by another, function-level imports included."""
    mods = _modules()
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for mod, path in mods.items():
        is_pkg = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(mod, is_pkg, node.level, node.module)
                # a package is initialised before its children: importing from one's own ancestor adds no edge
                ancestor = mod.startswith(base + ".")
                targets = ([] if ancestor else [base]) + [f"{base}.{a.name}" for a in node.names]
            for t in targets:
                if t in mods and t != mod:
                    graph[mod].add(t)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in state and (c := visit(m)):
                return c
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state and (c := visit(n)):
            return c
    return None


def test_architecture_no_import_cycles():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


@pytest.mark.parametrize("graph,expected", [
    ({"a": {"b"}, "b": {"a"}}, True),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, True),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, False),
    ({"a": {"b", "c"}, "b": {"c"}, "c": set()}, False),
])
def test_architecture_cycle_finder(graph, expected):
    assert (find_cycle(graph) is not None) is expected


def test_architecture_graph_sees_function_level_imports():
    g = import_graph()
    # analyze.quotes.__init__ imports its worker module inside analyse(): the graph must see it
    assert "newsaudit.analyze.quotes.linking" in g["newsaudit.analyze.quotes"]


@pytest.mark.parametrize("layer", ALL_LAYERS)
def test_architecture_layer_is_a_package_with_its_contract(layer):
    pkg = PKG / "analyze" / layer
    assert (pkg / "__init__.py").is_file()
    mod = load_layer(layer)
    assert mod.NAME == layer and callable(mod.analyse)
    init = (pkg / "__init__.py").read_text(encoding="utf-8")
    tree = ast.parse(init)
    top_imports = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom)) and not (
        isinstance(n, ast.ImportFrom) and n.module == "__future__")]
    assert not top_imports, f"{layer}/__init__.py imports at the top: keep the contract light"


def test_architecture_no_flat_modules_left_in_analyze():
    flat = sorted(p.name for p in (PKG / "analyze").glob("*.py") if p.name not in {"__init__.py", "base.py"})
    assert flat == [], f"layer code outside a layer package: {flat}"


def test_architecture_module_size():
    big = []
    for p in PKG.rglob("*.py"):
        text = p.read_text(encoding="utf-8")
        if text.count("\n") > MAX_LINES and WHOLE_MARK not in text[:3000]:
            big.append(f"{p.relative_to(SRC)} ({text.count(chr(10))} lines)")
    assert not big, "modules over %d lines without a '%s' comment: %s" % (MAX_LINES, WHOLE_MARK, ", ".join(big))
