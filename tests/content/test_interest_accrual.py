"""Late-payment interest accrues as the governing law's statute says, never 'simple' against it.

A deal generated from tests/fixtures/deals/late-interest/base.yaml (no contractual rate) for every jurisdiction
record with a statutory late-payment rate: where the record says the statute makes the interest simple, the clause
says simple interest; where it compounds (the Netherlands, Article 6:119a(3) BW), the clause says how and under which
provision, and never 'simple'; where the record does not say, the clause does not call it simple either.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache

import pytest
import yaml

from contractgen.deal import load_deal
from contractgen.law.jurisdictions import law_of, load_jurisdictions
from contractgen.pipeline import Workspace, build_document
from tests.content.test_empty_references import units
from tests.helpers import FIXTURES

BASE = yaml.safe_load((FIXTURES / "deals" / "late-interest" / "base.yaml").read_text(encoding="utf-8"))
WORKSPACE = Workspace()
STATUTORY = sorted(
    key
    for key, record in load_jurisdictions().items()
    if (lp := law_of(record.name).late_payment).rate and lp.law and lp.statutory
)


def test_the_recorded_rates_include_both_kinds():
    accruals = {law_of(load_jurisdictions()[key].name).late_payment.accrual for key in STATUTORY}
    assert {"simple", "compound"} <= accruals


@lru_cache(maxsize=None)
def late_payment_sentence(key: str) -> str:
    """The sentence of the invoicing clause on an undisputed amount paid late, for a deal under this law."""
    record = load_jurisdictions()[key]
    data = copy.deepcopy(BASE)
    data["contract"]["governing_law"] = record.name
    for party in ("client", "supplier"):
        data["parties"][party]["incorporated_in"] = record.country
    raw = yaml.safe_dump(data, allow_unicode=True).encode("utf-8")
    document = build_document(load_deal(f"{key}.yaml", raw), WORKSPACE).document
    text = " ".join(t for t, _ in units(document).values())
    found = re.search(r"fails to pay an undisputed amount by its due date, [^.]*?\bmay charge .*?\.(?= [A-Z]|$)", text)
    assert found, key
    return found.group(0)


@pytest.mark.parametrize("key", STATUTORY)
def test_the_interest_accrues_as_the_statute_says(key: str):
    lp = law_of(load_jurisdictions()[key].name).late_payment
    sentence = late_payment_sentence(key)
    assert lp.rate in sentence
    if lp.accrual == "simple":
        assert "may charge simple interest" in sentence
    else:
        assert "simple" not in sentence
    if lp.accrual == "compound":
        assert lp.compounding and lp.accrual_law
        assert f"compounded {lp.compounding} as {lp.accrual_law} provides" in sentence


def test_dutch_commercial_interest_compounds_each_year():
    assert "compounded each year as Article 6:119a(3) of the Dutch Civil Code provides" in late_payment_sentence(
        "netherlands"
    )
