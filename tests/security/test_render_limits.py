"""Every render is bounded from outside Python: CPU, memory and wall-clock limits on a worker process,
and the error names the clause file the worker was rendering."""

from __future__ import annotations

import mmap
import shutil
import time

import pytest

from contractgen.errors import TemplateError
from contractgen.templating.worker import Limits, rendering, run_bounded
from tests.helpers import MINI_ROOT, run_contractgen
from tests.security.conftest import HOSTILE

CLAUSE = "clauses/hostile/spin/v1.md"


def _spin() -> None:
    with rendering(CLAUSE):
        while True:
            pass


def _allocate() -> bytes:
    with rendering(CLAUSE):
        return bytes(3 * 1024**3)


def _allocate_a_little() -> int:
    return len(bytes(100 * 1024**2))


def _sleep() -> None:
    with rendering(CLAUSE):
        time.sleep(120)


def test_a_render_past_its_cpu_limit_is_stopped_and_names_the_clause():
    with pytest.raises(TemplateError) as caught:
        run_bounded(_spin, limits=Limits(cpu_seconds=1, memory_mb=2048, wall_seconds=60))
    assert str(caught.value) == f"{CLAUSE}: rendering was stopped: it used more than 1 seconds of processor time"


def test_a_render_past_its_memory_limit_is_stopped_and_names_the_clause():
    with pytest.raises(TemplateError) as caught:
        run_bounded(_allocate, limits=Limits(cpu_seconds=30, memory_mb=1024, wall_seconds=60))
    assert str(caught.value) == f"{CLAUSE}: rendering was stopped: it needs more than 1024 MB of memory"


def test_a_render_past_its_wall_clock_limit_is_stopped_and_names_the_clause():
    with pytest.raises(TemplateError) as caught:
        run_bounded(_sleep, limits=Limits(cpu_seconds=30, memory_mb=2048, wall_seconds=1))
    assert str(caught.value) == f"{CLAUSE}: rendering was stopped: it took longer than 1 seconds"


def test_the_memory_limit_counts_what_the_render_adds_not_what_the_caller_already_maps():
    # A long-lived caller (a whole test run, the web workspace) may map more than the limit before it forks.
    reserved = mmap.mmap(-1, 1536 * 1024**2)  # address space only: the pages are never touched
    try:
        little = Limits(cpu_seconds=30, memory_mb=1024, wall_seconds=60)
        assert run_bounded(_allocate_a_little, limits=little) == 100 * 1024**2
        with pytest.raises(TemplateError) as caught:
            run_bounded(_allocate, limits=Limits(cpu_seconds=30, memory_mb=1024, wall_seconds=60))
        assert "it needs more than 1024 MB of memory" in str(caught.value)
    finally:
        reserved.close()


def test_results_and_errors_come_back_from_the_worker():
    assert run_bounded(sorted, [3, 1, 2]) == [1, 2, 3]
    with pytest.raises(ZeroDivisionError):
        run_bounded(divmod, 1, 0)


def test_the_cli_refuses_a_hostile_clause_naming_its_file(tmp_path):
    root = shutil.copytree(MINI_ROOT, tmp_path / "library")
    hostile = (HOSTILE / "parse-raw-pickle.md").read_text(encoding="utf-8")
    for clause in (root / "clauses").rglob("*.md"):  # whichever the deal includes
        clause.write_text(clause.read_text(encoding="utf-8") + "\n" + hostile, encoding="utf-8")
    done = run_contractgen("validate", "-C", str(root), str(root / "deals" / "mini.yaml"), cwd=tmp_path)
    assert done.returncode != 0
    said = done.stdout + done.stderr
    assert "/v1.md:" in said and "not allowed in a clause template" in said and "parse_raw" in said
    assert not (tmp_path / "pwned-by-pickle").exists()
