"""The client's own third-party software: who licenses it, without pointing at a list no schedule gives.

On every sample and practitioner deal: the client keeps licensed, makes available and obtains its licensors'
consent for the software and services it licenses itself and the Services support (an EHR platform, interfaces,
single sign-on), and the supplier's duty to obtain third-party licences excepts exactly those, by reference.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from contractgen.deal.load import load_deal
from contractgen.document.model import inline_text, iter_inline_runs
from contractgen.pipeline import build_document
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import squash

DEALS = sorted([*SAMPLES.glob("*.yaml"), *(FIXTURES / "openworld" / "deals").glob("*.yaml")])
IP_CLAUSES = ("intellectual-property", "ip-us", "ip-civil")


@lru_cache(maxsize=None)
def clauses(path: Path) -> dict[str, tuple[str, str]]:
    """Each clause id: (its number, its words)."""
    document = build_document(load_deal(path)).document
    return {
        c.id: (c.number, squash(" ".join(inline_text(run) for run in iter_inline_runs(c.blocks))))
        for part, c in document.iter_clauses()
        if not part.number
    }


@pytest.mark.parametrize("path", DEALS, ids=lambda p: p.stem)
def test_the_client_licenses_its_own_software_and_the_supplier_the_rest(path):
    found = clauses(path)
    number, dependencies = found["client-dependencies"]
    assert "keep licensed for" in dependencies and "obtain any consent of their licensors" in dependencies
    assert "that the Services support, operate or host" in dependencies
    ip = [words for clause_id, (_, words) in found.items() if clause_id in IP_CLAUSES]
    assert len(ip) == 1
    assert f"makes available under clause {number}.1(" in ip[0]
    assert "Schedule 1 states" not in ip[0] and "Schedule 1 states" not in dependencies
