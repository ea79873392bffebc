"""A forum worded as courts 'located in <county>, <state>' is placed by the jurisdiction its last place names, so
a foreign party before California's courts gets the process-agent warning like one before Ontario's."""

from __future__ import annotations

from tests.helpers import SAMPLES


def _deal(name: str):
    from contractgen.deal.load import load_deal

    return load_deal(SAMPLES / f"{name}.yaml").deal


def test_a_county_and_state_forum_is_placed_in_that_state():
    from contractgen.deal.readings.process_agent import forum_place

    country, tradition, where = forum_place(_deal("us-saas-mexico"))
    assert (country, tradition) == ("US", "common")
    assert where == "the state and federal courts located in San Francisco County, California"


def test_the_mexican_supplier_before_californian_courts_needs_a_process_agent():
    from contractgen.deal.readings.process_agent import process_agent_warnings

    warnings = process_agent_warnings(_deal("us-saas-mexico"))  # a final contract: build warnings
    assert len(warnings) == 1
    assert warnings[0].startswith("parties.supplier.incorporated_in: Jalisco Software Factory, S. de R.L. de C.V. is")
    assert "the deal names no agent there to receive service of proceedings" in warnings[0]


def test_a_us_supplier_before_new_york_courts_needs_none():
    from contractgen.deal.readings.process_agent import process_agent_findings

    assert list(process_agent_findings(_deal("onshore-us-hipaa"))) == []
