"""A public debtor's statutory payment period and interest, as law records give them (`public_contracts.late_payment`):
every record that has one is sourced and complete, reaches the public bodies of its own country or state only, and
a public body whose country records none keeps the deal's terms with a note in a draft."""

from __future__ import annotations

import pytest
import yaml

from contractgen.deal import load_deal
from contractgen.law.library import active
from contractgen.law.public_contracts import public_contract_of
from tests.helpers import FIXTURES

RECORDS = sorted(
    (key, record.data)
    for key, record in active().records("jurisdictions").items()
    if (record.data.get("public_contracts") or {}).get("late_payment")
)


def test_texas_and_belgium_record_a_public_debtors_payment_rule():
    assert {"texas", "belgium", "italy"} <= {key for key, _ in RECORDS}


@pytest.mark.parametrize("key,record", RECORDS, ids=[key for key, _ in RECORDS])
def test_each_public_payment_rule_is_sourced_and_complete(key, record):
    block = record["public_contracts"]
    late = block["late_payment"]
    assert block["sources"] and block["as_of"], key
    assert late["law"] and late["rate"] and late["days"] > 0, key
    place = key if (record.get("public_sector") or {}).get("state_level") else ""
    read = public_contract_of(record["country"], "agency", True, None, place).late_payment
    assert (read.law, read.rate, read.days) == (late["law"], late["rate"], late["days"]), key


def test_a_states_rule_binds_that_states_bodies_only():
    """Texas's Prompt Payment Act reaches a Texas agency; not a New York agency, nor a federal body under Texas law."""
    assert "Chapter 2251" in public_contract_of("US", "agency", True, None, "TEXAS").late_payment.law
    assert public_contract_of("US", "local_authority", True, "local", "texas").late_payment.days == 30
    assert not public_contract_of("US", "agency", True, None, "new-york").late_payment.law
    assert not public_contract_of("US", "agency", True, None, "").late_payment.law
    assert not public_contract_of("US", "agency", True, "national", "texas").late_payment.law


def test_belgiums_rate_applies_whatever_the_contract_says():
    late = public_contract_of("BE", "local_authority", True).late_payment
    assert late.mandatory and late.debtor == "a contracting authority" and late.days == 30
    assert not public_contract_of("IT", "agency", True).late_payment.mandatory


def test_a_public_body_whose_country_records_no_rule_keeps_the_deals_terms_with_a_note(tmp_path):
    data = yaml.safe_load((FIXTURES / "deals" / "public-records" / "ke-county.yaml").read_text(encoding="utf-8"))
    data["contract"]["draft"] = True
    path = tmp_path / "ke-draft.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    notes = [n for n in load_deal(path).notes if n.id.startswith("public-payment-unrecorded:")]
    assert len(notes) == 1 and "a public body in Kenya" in notes[0].unrecognised
    data["contract"]["draft"] = False
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    assert not [n for n in load_deal(path).notes if n.id.startswith("public-payment-unrecorded:")]
