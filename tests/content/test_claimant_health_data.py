"""An insurer's claimants: their claim files hold health, injury and disability information, recorded as sensitive.

On every sample and practitioner deal that names claimants among its data subjects and states no special
categories: the processing details record that information as sensitive, with a note in a draft and a warning in a
final contract; a deal that states its special categories keeps its own words.
"""

from __future__ import annotations

import pytest

from contractgen.deal.load import load_deal
from contractgen.document.model import inline_text, iter_inline_runs
from contractgen.pipeline import build_document
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import squash

DEALS = sorted([*SAMPLES.glob("*.yaml"), *(FIXTURES / "openworld" / "deals").glob("*.yaml")])
CLAIMANTS = [p for p in DEALS if "claimant" in p.read_text(encoding="utf-8")]
CATEGORY = "health, injury and disability information in claim records"


def test_the_deals_with_claimants_are_these():
    assert {p.stem for p in CLAIMANTS} == {"ca-insurer-us-cloud", "nearshore-eur", "il-insurer", "es-insurer-madrid"}


@pytest.mark.parametrize("path", CLAIMANTS, ids=lambda p: p.stem)
def test_claimants_records_are_recorded_as_sensitive_unless_the_deal_says_otherwise(path):
    result = build_document(load_deal(path))
    details = next(c for _, c in result.document.iter_clauses() if c.id == "dp-processing-details")
    text = squash(" ".join(inline_text(run) for run in iter_inline_runs(details.blocks)))
    stated = "special_categories" in path.read_text(encoding="utf-8")
    assert (CATEGORY in text.lower()) is not stated  # a table cell may start with it, capitalised
    told = [str(w) for w in result.warnings] + [n.text for n in result.document.notes]
    assert any("'claimants' usually hold " + CATEGORY in t for t in told) is not stated


def test_the_ontario_insurer_records_banking_and_claim_health_data_as_sensitive():
    result = build_document(load_deal(SAMPLES / "ca-insurer-us-cloud.yaml"))
    special = result.source.deal.data_protection.special_categories
    assert [str(s) for s in special] == ["banking details for claim payments", CATEGORY]
