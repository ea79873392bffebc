"""A repository build reads each deal file once and resolves it once, reusing the result for every output."""

from __future__ import annotations

import builtins
import io
import os
from collections import Counter
from pathlib import Path

import pytest

from contractgen.deal import derived
from contractgen.library import resolve
from contractgen.repo.build import run_build
from contractgen.repo.config import load_config
from contractgen.templating import context
from tests.repo.conftest import add_service_credits_v3, make_repo


@pytest.fixture
def counted(monkeypatch):
    """Count, per file name, the opens of deal files and the resolutions and derived figures per deal."""
    counts = {"read": Counter(), "resolved": Counter(), "derived": 0}
    monkeypatch.setenv("CONTRACTGEN_RENDER_ISOLATION", "off")  # the counters live in this process, not a worker
    real_open = builtins.open

    def counting_open(file, *args, **kwargs):
        if isinstance(file, (str, Path)) and Path(file).parent.name == "deals" and str(file).endswith(".yaml"):
            counts["read"][Path(file).name] += 1
        return real_open(file, *args, **kwargs)

    real_resolve = resolve.resolve_contract

    def counting_resolve(outline, library, deal, context, deal_file="<deal>", *args, **kwargs):
        counts["resolved"][deal_file] += 1
        return real_resolve(outline, library, deal, context, deal_file, *args, **kwargs)

    real_derived = derived.compute_derived

    def counting_derived(deal):
        counts["derived"] += 1
        return real_derived(deal)

    real_os_open = os.open

    def counting_os_open(file, *args, **kwargs):  # contractgen.safefs opens repository files this way
        if isinstance(file, (str, Path)) and Path(file).parent.name == "deals" and str(file).endswith(".yaml"):
            counts["read"][Path(file).name] += 1
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(os, "open", counting_os_open)
    monkeypatch.setattr(io, "open", counting_open)  # pathlib's read_bytes and read_text open through io.open
    monkeypatch.setattr(resolve, "resolve_contract", counting_resolve)
    monkeypatch.setattr(derived, "compute_derived", counting_derived)
    # the clause context imports the function by name, so it is counted where it is called as well
    monkeypatch.setattr(context, "compute_derived", counting_derived)
    return counts


DEALS = ["acme.yaml", "beta.yaml", "gamma.yaml"]


@pytest.fixture
def fresh_repo(tmp_path) -> Path:
    """A repository that was never built."""
    return make_repo(tmp_path / "contracts")


def test_a_build_reads_and_resolves_each_deal_once(fresh_repo, counted):
    root = fresh_repo
    report = run_build(load_config(root), jobs=1, progress=False)
    assert report.exit_code == 0, report.messages
    assert sorted(report.rendered) == [f"deals/{name}" for name in DEALS]
    assert counted["read"] == Counter({name: 1 for name in DEALS})
    assert counted["resolved"] == Counter({name: 1 for name in DEALS})
    assert counted["derived"] == len(DEALS)


def test_a_redline_build_also_reads_each_rerendered_deal_once(repo, counted):
    add_service_credits_v3(repo)
    report = run_build(load_config(repo), jobs=1, progress=False, redline=True)
    assert report.exit_code == 0, report.messages
    rerendered = sorted(Path(rel).name for rel in report.rendered)
    assert rerendered == ["acme.yaml", "beta.yaml"] and sorted(report.redlines) == [
        "deals/acme.yaml",
        "deals/beta.yaml",
    ]
    # the assessment reads every deal once (to hash it); the build reuses those bytes
    assert counted["read"] == Counter({name: 1 for name in DEALS})
    assert counted["resolved"] == Counter({name: 1 for name in rerendered})
