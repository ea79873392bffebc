"""The most severe Priority is measured on every Incident, and Exit Assistance beyond the plan has a price basis.

Checked on the rendered contract of every sample and practitioner deal it applies to: the first Priority of the
table has a target of 100% (or the one the deal gives that Priority) and is outside the rule that forgives one miss
among fewer than 20 Incidents; a deal with no rate card charges extra Exit Assistance at exit day rates capped by
the supplier's standard rates and approved as part of the Charges, never at "reasonable rates agreed".
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from contractgen.deal.load import load_deal
from contractgen.document.model import Table, inline_text, iter_blocks, iter_inline_runs
from contractgen.pipeline import build_document
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import squash

DEALS = sorted(
    [*SAMPLES.glob("*.yaml"), *(FIXTURES / "openworld" / "deals").glob("*.yaml"),
     *(FIXTURES / "deals" / "disputes").glob("*.yaml")],
)  # fmt: skip
DEALS = [p for p in DEALS if p.name != "expect.yaml"]  # the disputes folder's expectations, not a deal


@lru_cache(maxsize=None)
def built(path: Path):
    """The deal and its document model, built once per test run."""
    result = build_document(load_deal(path))
    return result.source.deal, result.document


def clause(document, clause_id: str):
    """The clause with that id, or None."""
    return next((c for _, c in document.iter_clauses() if c.id == clause_id), None)


def text_of(found) -> str:
    """A clause's words, whitespace squashed."""
    return squash(" ".join(inline_text(run) for run in iter_inline_runs(found.blocks)))


def with_priorities() -> list[Path]:
    """The deals whose contract has an incident priority table."""
    return [p for p in DEALS if "incident_priorities" in p.read_text(encoding="utf-8")]


def test_most_samples_and_practitioner_deals_have_priorities():
    assert len(with_priorities()) >= 15


@pytest.mark.parametrize("path", with_priorities(), ids=lambda p: p.stem)
def test_the_most_severe_priority_is_met_only_when_every_incident_is(path):
    deal, document = built(path)
    found = clause(document, "sl-priorities")
    assert found is not None
    top = deal.service_levels.incident_priorities[0]
    table = next(b for b in iter_blocks(found.blocks) if isinstance(b, Table))
    first_row = [inline_text(cell) for cell in table.rows[0]]
    assert first_row[0] == str(top.priority)
    expected = "100%" if top.target is None else f"{top.target.normalize():f}%"
    assert first_row[-1].startswith(expected), first_row
    words = text_of(found)
    assert f"that rule never applies to Priority {top.priority}" in words
    assert "Where the target of its Priority is below 100%, a single" in words
    if len(deal.service_levels.incident_priorities) > 1 and deal.service_levels.incident_priorities[1].target is None:
        second = [inline_text(cell) for cell in table.rows[1]]
        target = f"{deal.service_levels.incident_target.normalize():f}%"
        assert second[-1].startswith(target), second  # the deal's general target stays for the others


def exit_without_rate_card() -> list[Path]:
    """Deals with exit terms, priced other than by time and materials and with no rate card."""
    out = []
    for path in DEALS:
        deal = load_deal(path).deal
        c = deal.commercials
        if deal.term.exit and c is not None and str(c.pricing_model) != "time and materials" and not c.rate_card:
            out.append(path)
    return out


def test_several_deals_have_exit_terms_and_no_rate_card():
    names = {p.stem for p in exit_without_rate_card()}
    assert {"ca-insurer-us-cloud", "au-retailer-philippines"} <= names


@pytest.mark.parametrize("path", exit_without_rate_card(), ids=lambda p: p.stem)
def test_extra_exit_assistance_is_charged_at_approved_rates_capped_by_standard_ones(path):
    _, document = built(path)
    management = text_of(clause(document, "exit-management"))
    assert "reasonable rates" not in management
    assert "Any other Exit Assistance will be charged at the exit day rates" in management
    assert "standard day rates for comparable work at the Effective Date" in management
    assert "they form part of Schedule" in management
    assert "Until they are approved, no additional Exit Assistance is charged." in management
    schedule = clause(document, "exit-assistance")
    if schedule is not None:
        words = text_of(schedule)
        assert "reasonable rates" not in words
        assert "charged at the exit day rates under clause" in words
