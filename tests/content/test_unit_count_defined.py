"""Per-unit Charges: the contract says how the unit is counted (one test, a period, the records, a check and a
dispute route) and what one unit is: as the deal defines it, else a bracketed definition suited to the kind of
unit (a claim, a contact, a user …) for the Parties to complete. Checked on every sample priced per unit."""

from __future__ import annotations

from functools import lru_cache

import pytest

from contractgen.deal.load import load_deal
from contractgen.deal.notes import final_warnings
from contractgen.deal.readings.pricing_unit import unit_kind
from tests.helpers import FIXTURES, REFERENCE, SAMPLES
from tests.terms import contract_text, overlaid

OVERLAYS = FIXTURES / "deals" / "overlays"

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
def test_a_unit_that_happens_in_the_month_counts_once_in_the_month_the_definition_places_it(name):
    unit = PER_UNIT[name]  # a claim, a contact: not again in each month the Services touch it
    text = sample(name)
    assert f"for each {unit} that the definition below places in the month, each counted once only" in text
    assert "for which the Services are provided in the month" not in text


# what the bracketed definition says for each sample's unit
DEFINED = {
    "onshore-us-hipaa": "For the Charges, one supported user is [a unique named account enabled for [the systems the "
    "Services support] in [the Health System's identity management system] at [23:59] on the last day of the month, "
    "excluding service, test, shared and disabled accounts].",
    "ca-insurer-us-cloud": "For the Charges, one claim processed is [a claim first registered (first notice of loss) "
    "in [the Insurer's claims system] in the month, excluding claims registered in error and duplicates;",
    "au-retailer-philippines": "For the Charges, one handled contact is [an inbound call answered by an agent, a chat "
    "session handled by an agent or an email thread closed by an agent in the month, as recorded in [the Retailer's "
    "contact-centre (ACD) or CRM system], excluding calls abandoned within [10] seconds",
}


@pytest.mark.parametrize("name", sorted(PER_UNIT))
def test_every_contract_defines_its_unit_in_brackets_suited_to_it_draft_or_final(name):
    text = sample(name)
    assert DEFINED[name] in text
    assert "is [●]" not in text


def test_a_unit_the_deal_defines_is_printed_as_the_deal_says_with_no_note(tmp_path):
    deal = overlaid(SAMPLES / "ca-insurer-us-cloud.yaml", OVERLAYS / "unit-definition.yaml", tmp_path)
    text = contract_text(deal)
    assert (
        "For the Charges, one claim processed is a claim first registered in the Insurer's ClaimCenter system in "
        "the month, excluding claims opened in error. The Provider will count" in text
    )
    assert "[a claim first registered" not in text
    source = load_deal(deal)
    assert not [n for n in source.notes if n.id.startswith("unit-count")]
    assert not [w for w in final_warnings(source.deal) if w.startswith("commercials.unit_name")]


def test_a_unit_of_no_known_kind_gets_a_bare_placeholder_and_a_note(tmp_path):
    deal = overlaid(REFERENCE, OVERLAYS / "unit-unknown-kind.yaml", tmp_path)
    text = contract_text(deal)
    assert "For the Charges, one widget-month is [●: what one widget-month is, the system that records it and" in text
    assert "for each widget-month for which the Services are provided in the month, each counted once" in text
    notes = {n.id: n for n in load_deal(deal).notes}
    assert "prints [●] for what one widget-month is" in notes["unit-count:widget-month"].drafted


@pytest.mark.parametrize(
    ("name", "kind", "counting"),
    [("supported user", "account", "population"), ("claim processed", "claim", "event"),
     ("handled contact", "contact", "event"), ("resolved ticket", "ticket", "event"),
     ("managed device", "device", "population"), ("payslip", "transaction", "event"),
     ("store", "site", "population"), ("widget-month", "", "")],
)  # fmt: skip
def test_the_kind_of_a_unit_is_read_from_its_words(name, kind, counting):
    assert unit_kind(name) == (kind, counting)
