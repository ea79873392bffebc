"""Termination for convenience: the cap applies to the supplier's unavoidable costs alone, never to the Charges it
has earned, and is measured on Charges already invoiced, which every pricing model knows (round-6 review: the cap
on "the total amount payable" swallowed the costs and could not be measured under time and materials)."""

from __future__ import annotations

import pytest

from tests.helpers import SAMPLES
from tests.terms import contract_text

# deal-example is fixed monthly, nearshore-eur and us-saas-mexico time and materials
DEALS = {"deal-example": "fixed", "nearshore-eur": "time", "us-saas-mexico": "time"}


@pytest.mark.parametrize("name", sorted(DEALS))
def test_only_the_costs_are_capped_by_charges_already_invoiced(name):
    from contractgen.deal import load_deal

    deal = load_deal(SAMPLES / f"{name}.yaml").deal
    assert deal.commercials.pricing_model.value.startswith(DEALS[name])
    notice = str(deal.term.termination_for_convenience.notice)
    text = " ".join(contract_text(SAMPLES / f"{name}.yaml").split())
    clause = text.rsplit("Termination for Convenience", 1)[1][:2000]
    costs = clause[clause.index("reasonable and unavoidable costs") :]
    costs = costs[: costs.index(". ")]
    assert (
        f"these costs will not exceed in total the Charges invoiced for the Services terminated in the {notice} "
        "before the date of the notice of termination" in costs
    )
    assert "total amount payable" not in clause and "would have been payable" not in clause
