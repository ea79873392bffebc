"""Loading a deal: one read of the file, one pass of fields and rules, a DealSource that carries the bytes."""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

import pytest

from contractgen.deal import DealSource, load_deal, validate_data
from contractgen.deal import load as load_module
from contractgen.deal import model, rules
from contractgen.errors import DealError
from tests import helpers
from tests.helpers import REFERENCE, ROOT

BAD = helpers.FIXTURES / "deals" / "bad"


def test_load_returns_the_deal_with_its_path_bytes_and_hash():
    source = load_deal(REFERENCE)
    assert isinstance(source, DealSource) and isinstance(source.deal, model.Deal)
    assert source.path == Path(REFERENCE) and source.file_name == "deal-example.yaml"
    assert source.raw == REFERENCE.read_bytes()
    assert source.sha256 == hashlib.sha256(REFERENCE.read_bytes()).hexdigest()


def test_the_hash_ignores_line_endings_but_the_bytes_are_kept(tmp_path):
    crlf = tmp_path / "crlf.yaml"
    crlf.write_bytes(REFERENCE.read_bytes().replace(b"\n", b"\r\n"))
    source = load_deal(crlf)
    assert source.raw == crlf.read_bytes() and source.sha256 == load_deal(REFERENCE).sha256


def test_load_reads_the_file_exactly_once(monkeypatch):
    reads = []
    real = load_module.read_file_bytes

    def counting(path):
        reads.append(Path(path))
        return real(path)

    monkeypatch.setattr(load_module, "read_file_bytes", counting)
    load_deal(REFERENCE)
    assert reads == [Path(REFERENCE)]


def test_field_errors_and_broken_rules_come_in_one_list():
    with pytest.raises(DealError) as caught:
        load_deal(BAD / "three-rule-errors.yaml")
    rule_problems = caught.value.problems
    assert len(rule_problems) == 3
    assert [p.line for p in rule_problems] == sorted(p.line for p in rule_problems)
    # a field error beside a broken rule: both reported at once, in file order
    data, lines = load_module.load_yaml((BAD / "three-rule-errors.yaml").read_text(encoding="utf-8"), "d.yaml")
    data["commercials"]["currency"] = "GBX"
    with pytest.raises(DealError) as caught:
        validate_data(data, "d.yaml", lines)
    paths = [p.path for p in caught.value.problems]
    assert "commercials.currency" in paths and len(paths) >= 2
    assert [p.line for p in caught.value.problems] == sorted(p.line for p in caught.value.problems)


def test_the_model_is_data_only():
    deal = load_deal(REFERENCE).deal
    assert not hasattr(deal, "derived")
    assert not model.Deal.__pydantic_decorators__.model_validators
    # validating the model alone runs no cross-field rule: that is load's job
    bad = load_module.load_yaml((BAD / "three-rule-errors.yaml").read_text(encoding="utf-8"), "d.yaml")[0]
    assert isinstance(model.Deal.model_validate(bad), model.Deal)


def test_rule_functions_are_named_for_what_they_check():
    assert rules.RULES and all(rule.__name__.startswith("check_") for rule in rules.RULES)
    assert rules.check_service_credits in rules.RULES


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("contractgen.deal."):
            found.add(node.module.rsplit(".", 1)[1])
    return found


def test_imports_inside_the_deal_package_run_one_way():
    folder = ROOT / "contractgen" / "deal"
    graph = {p.stem: _imports(p) for p in folder.glob("*.py") if p.stem != "__init__"}
    # the model is data: it never reaches the rules, the loader, the messages or the derived figures
    above_the_model = {"rules", "load", "notes", "derived", "schema", "yamlsource"}
    for name in ("fields", "sections", "parties", "model"):
        assert not graph[name] & above_the_model, f"deal/{name}.py imports {graph[name] & above_the_model}"
    assert "model" in graph["rules"] and "rules" in graph["load"]

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, "import circle: " + " -> ".join(path + (name,))
        for imported in graph.get(name, ()):
            visit(imported, path + (name,))

    for name in graph:
        visit(name, ())


def test_bytes_already_read_are_not_read_again(monkeypatch, tmp_path):
    raw = REFERENCE.read_bytes()
    monkeypatch.setattr(load_module, "read_file_bytes", lambda path: pytest.fail("read again"))
    source = load_deal(tmp_path / "elsewhere.yaml", raw)
    assert source.raw == raw and source.file_name == "elsewhere.yaml"
    with pytest.raises(DealError, match="larger than"):
        load_deal(tmp_path / "big.yaml", b"a: b\n" * 300_000)
