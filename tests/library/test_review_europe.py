"""Findings of the independent review of the European samples, each held by its sample's rendered text."""

from __future__ import annotations

from functools import lru_cache

import pytest

from tests.helpers import SAMPLES
from tests.library.terms import contract_text

CIVIL = ["de-manufacturer-poland", "nl-fintech-uk-soc", "ch-bank-portugal"]
SUPPLIER = {"de-manufacturer-poland": "Odra", "nl-fintech-uk-soc": "Pennine", "ch-bank-portugal": "Tejo"}


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


# Good cause cannot be excluded or restricted: the supplier's non-payment ground is an example, not the only one

@pytest.mark.parametrize("name", CIVIL)
def test_the_suppliers_good_cause_is_not_restricted_to_non_payment(name):
    text = sample(name)
    supplier = SUPPLIER[name]
    assert f"Good cause for {supplier} to terminate this Agreement exists in particular where" in text
    assert "exists only where" not in text
    assert f"{supplier} has no other right to terminate" not in text


# A warranty is not a guarantee, so the unlimited liability "under any guarantee" does not empty the cap

@pytest.mark.parametrize("name, words", [
    ("de-manufacturer-poland", "not guarantees (Garantien) within the meaning of section 276(1) of the German Civil Code"),
    ("nl-fintech-uk-soc", "not guarantees (garanties)"),
    ("ch-bank-portugal", "not guarantees (Garantien)"),
])
def test_civil_law_warranties_are_not_guarantees(name, words):
    text = sample(name)
    assert f"The warranties in this clause state contractual obligations and are {words}, unless this Agreement expressly describes a statement as a guarantee" in text
    assert "the unlimited liability under a guarantee in clause" in text
    assert "under any guarantee it has given" in text


def test_a_common_law_contract_has_no_guarantee_disclaimer():
    assert "are not guarantees" not in sample("deal-example")
