"""The lane lists of tests/conftest.py name tests that exist, so a moved or renamed file cannot slip
back into `make test-fast` (or out of `make test`'s LibreOffice and browser lanes) unnoticed."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import LANES, SLOW
from tests.helpers import ROOT

PLACES = sorted({place for places in (*LANES.values(), SLOW) for place in places})


def _tests_in(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}


@pytest.mark.parametrize("place", PLACES)
def test_every_lane_entry_names_a_folder_file_or_test_that_exists(place):
    file, _, test = place.partition("::")
    path = ROOT / file
    if file.endswith("/"):
        assert path.is_dir() and any(path.glob("test_*.py")), f"{place}: no test files there"
        return
    assert path.is_file(), f"{place}: no such test file (moved or renamed? update tests/conftest.py)"
    if test:
        assert test.startswith("test_") and test in _tests_in(path), f"{place}: no such test in {file}"


def test_no_entry_is_listed_twice():
    listed = [place for places in (*LANES.values(), SLOW) for place in places]
    assert len(listed) == len(set(listed))
