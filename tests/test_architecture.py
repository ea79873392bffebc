"""The shape of the package: imports run one way between the stages, no circles, small modules.

The imports are read from the source (ast), including the lazy ones inside functions, so a
dependency cannot hide from the check by moving into a function body.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers import ROOT

PACKAGE = ROOT / "contractgen"
MAX_LINES = 500
MAX_TOP_LEVEL_MODULES = 8

# The stages, lowest first: a module may import from its own package or from a lower rank only.
# Two packages of the same rank do not import each other.
RANKS = {
    "contractgen": 0,  # the package itself: __version__
    "errors": 0,
    "digest": 0,
    "yamlload": 0,  # foundations: errors, hashing, fast safe YAML,
    "values": 0,  # values as written (amounts, dates, durations), with no deal knowledge
    "safefs": 0.5,  # reading and writing repository files safely: above errors, below every stage
    "law": 1,  # the law records: the deal loader validates what a deal names against them
    "deal": 2,
    "document": 2,
    "templating": 3,
    "library": 4,
    "writers": 5,
    "redline": 6,
    "outputs": 7,
    "pipeline": 8,
    "checks": 9,
    "repo": 9,
    "web": 10,
    "annotations": 10,  # problems as GitHub annotations, for the CLI
    "commands": 11,  # the commands of the command line, by what they act on
    "cli": 12,
}

# Known exceptions, each with the reason and who removes it. Keep this short.
KNOWN_CIRCLES: dict[frozenset[str], str] = {}
KNOWN_LONG_MODULES: dict[str, str] = {}
KNOWN_UNDOCUMENTED: dict[str, str] = {}


def module_name(path: Path) -> str:
    """Return the dotted module name of a file under contractgen/."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def modules() -> dict[str, Path]:
    """Return every module of the package by dotted name."""
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported_modules(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Return the contractgen modules that `name` imports (top level or inside functions)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            # `from pkg import module` imports the module; `from module import name` the module
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
                break
    return found


def stage(name: str) -> str:
    """Return the stage a module belongs to: its package under contractgen, or its own name."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


GRAPH = {name: imported_modules(name, path, modules()) for name, path in modules().items()}


def test_every_stage_has_a_rank():
    assert {stage(name) for name in GRAPH} <= set(RANKS), "add the new package or module to RANKS"


def test_imports_run_one_way_between_stages():
    upward = []
    for name, targets in GRAPH.items():
        for target in targets:
            a, b = stage(name), stage(target)
            if a != b and not RANKS[b] < RANKS[a] and b != "contractgen":
                upward.append(f"{name} imports {target} ({a} may use only lower stages than rank {RANKS[a]})")
    assert not upward, "\n".join(upward)


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                group.append(item)
                if item == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_no_import_circles_between_modules():
    known = [group for group in KNOWN_CIRCLES]
    graph = {
        name: {t for t in targets if not any({name, t} <= group for group in known)} for name, targets in GRAPH.items()
    }
    circles = _circles(graph)
    assert not circles, "modules importing each other in a circle:\n" + "\n".join(" ↔ ".join(c) for c in circles)


def test_the_circle_check_finds_a_circle():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("name", sorted(GRAPH))
def test_no_module_over_500_lines(name):
    lines = len(modules()[name].read_text(encoding="utf-8").splitlines())
    if name in KNOWN_LONG_MODULES:
        pytest.skip(KNOWN_LONG_MODULES[name])
    assert lines <= MAX_LINES, f"{name} has {lines} lines: split it by responsibility"


def test_few_modules_beside_the_packages():
    top = sorted(p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py")
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top


def test_every_package_says_what_its_stage_does():
    for init in sorted(PACKAGE.rglob("__init__.py")):
        if init.relative_to(ROOT).as_posix() in KNOWN_UNDOCUMENTED:
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert len(doc.split()) >= 8 and "TODO" not in doc, f"{init.relative_to(ROOT)}: say what the stage does"


def test_the_writer_registry_imports_no_engine_until_asked():
    import subprocess
    import sys

    code = (
        "import sys, contractgen.writers, contractgen.pipeline, contractgen.cli; "
        "print(sorted(m for m in ('docx', 'weasyprint') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", "importing the registry, the pipeline or the CLI loaded a writer engine"


# ---------------------------------------------------------------- one of each rule
MAX_DEAL_MODULES = 11  # the deal as written: model, sections, parties, fields, load, rules, notes …
ENGINE_MODULES = {
    # a third-party engine whose internals we reach into: the one module allowed to import it
    "weasyprint": "contractgen.writers.pdf.engine",
    "pydyf": "contractgen.writers.pdf.engine",
    "docx.oxml": "contractgen.writers.docx.oxml",
    "docx.opc": "contractgen.writers.docx.oxml",
}
# exception classes allowed outside errors.py: value readers' signal (values sit at the rank of errors) and
# the template analysis' own control flow
OTHER_EXCEPTIONS = {"Ambiguous", "MissingAttribute", "ForbiddenAttribute", "_Refused"}


def _third_party_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def test_the_deal_package_stays_small():
    deal = sorted(p.name for p in (PACKAGE / "deal").glob("*.py"))
    assert len(deal) <= MAX_DEAL_MODULES, f"deal/ has {len(deal)} modules: {deal}"


@pytest.mark.parametrize("engine", sorted(ENGINE_MODULES))
def test_engine_internals_live_in_one_module(engine):
    users = sorted(
        name
        for name, path in modules().items()
        if any(m == engine or m.startswith(engine + ".") for m in _third_party_imports(path))
    )
    assert users == [ENGINE_MODULES[engine]], f"{engine} is imported by {users}: go through {ENGINE_MODULES[engine]}"


def test_exception_classes_live_in_errors():
    outside = []
    for name, path in modules().items():
        if name == "contractgen.errors":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name not in OTHER_EXCEPTIONS:
                bases = {ast.unparse(b).rpartition(".")[2] for b in node.bases}
                if any(b.endswith(("Error", "Exception")) or b in {"ValueError", "OSError"} for b in bases):
                    outside.append(f"{name}.{node.name}")
    assert not outside, f"exception classes outside contractgen/errors.py: {outside}"


def test_output_formats_are_listed_once():
    listed = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                values = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
                if len(values) == len(node.elts) and sorted(values) == ["docx", "pdf"]:
                    listed.append(f"{name}:{node.lineno}")
    assert not listed, f"lists of output formats beside writers.WRITERS: {listed}"
