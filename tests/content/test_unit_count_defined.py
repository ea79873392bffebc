"""Per-unit Charges: the contract says how the unit is counted (one test, a period, the records, a check and a
dispute route), and a draft prints [●] for what one unit is. Checked on every sample priced per unit."""

from __future__ import annotations

from functools import lru_cache

import pytest

from tests.helpers import SAMPLES
from tests.terms import contract_text

PER_UNIT = {"onshore-us-hipaa": "supported user", "ca-insurer-us-cloud": "claim processed",
            "au-retailer-philippines": "handled contact"}  # fmt: skip


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


def test_the_samples_priced_per_unit_are_these():
    names = {p.stem for p in SAMPLES.glob("*.yaml") if "pricing_model: per unit" in p.read_text(encoding="utf-8")}
    assert names == set(PER_UNIT)


@pytest.mark.parametrize("name", sorted(PER_UNIT))
def test_the_count_has_records_an_extract_a_check_and_a_dispute_route(name):
    text = sample(name)
    assert "will count the units for each month from the system in which" in text
    assert (
        "and will include with each invoice an extract from that system or those records that shows the count" in text
    )
    assert "the Charges for the disputed units are a Disputed Amount under clause" in text
    assert "corrected on the next invoice" in text


def test_units_are_counted_one_way_where_the_invoicing_counts_on_the_last_day_of_the_month():
    text = sample("onshore-us-hipaa")  # invoicing: "based on the active user count on the last day of the month"
    assert "for each supported user counted on the last day of the month." in text
    assert "for which the Services are provided in the month" not in text


@pytest.mark.parametrize("name", ["ca-insurer-us-cloud", "au-retailer-philippines"])
def test_otherwise_each_unit_served_in_the_month_counts_once(name):
    unit = PER_UNIT[name]
    assert f"for each {unit} for which the Services are provided in the month, each counted once in that month" in (
        sample(name)
    )


def test_a_draft_prints_a_placeholder_for_what_one_unit_is_and_a_final_contract_none():
    assert "For the Charges, one supported user is [●]." in sample("onshore-us-hipaa")  # a draft
    assert "one claim processed is" not in sample("ca-insurer-us-cloud")
    assert "one handled contact is" not in sample("au-retailer-philippines")
