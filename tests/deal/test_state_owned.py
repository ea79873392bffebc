"""A state-owned company: the words lawyers write for it read as a company with `state_owned`, and the public-sector
law that reaches it is only what each jurisdiction record says of such a company (`by_kind: state_owned_company`)."""

from __future__ import annotations

import pytest

from contractgen.deal.model import ClientParty
from contractgen.deal.parties import STATE_OWNED
from contractgen.deal.rules import check_party_kinds
from contractgen.law.library import active
from contractgen.law.public_sector import PublicSector, public_sector_of_party


@pytest.mark.parametrize("word", STATE_OWNED + ("State-Owned Enterprise", "SOE", "Public Sector Undertaking"))
def test_each_word_for_a_state_owned_company_is_a_state_owned_company(word):
    party = ClientParty.model_validate({"name": "X", "kind": word, "address": "1 Road"})
    assert party.kind == "company" and party.state_owned and not party.public_body


def test_a_company_is_not_state_owned_unless_said():
    party = ClientParty.model_validate({"name": "X", "kind": "company", "address": "1 Road"})
    assert not party.state_owned


def test_only_a_company_is_state_owned():
    from types import SimpleNamespace

    client = ClientParty.model_validate({"name": "X", "kind": "agency", "address": "1 Road", "state_owned": True})
    supplier = ClientParty.model_validate({"name": "Y", "address": "2 Road"})
    found = list(check_party_kinds(SimpleNamespace(parties=SimpleNamespace(client=client, supplier=supplier))))
    assert [m for p, m in found if p == ("parties", "client", "state_owned")]


RECORDS = {k: r.data for k, r in active().records("jurisdictions").items() if r.data.get("public_sector")}


@pytest.mark.parametrize("key", sorted(RECORDS))
def test_a_state_owned_company_gets_only_what_its_record_says_of_such_a_company(key):
    client = ClientParty.model_validate({"name": "X", "kind": "state-owned company", "address": "1 Road"})
    found = public_sector_of_party(key, client)
    own = (RECORDS[key]["public_sector"].get("by_kind") or {}).get("state_owned_company")
    if own is None:
        assert found == PublicSector()  # no statute, auditor or procurement ground of a public body
        assert not found.applies
    else:
        assert found.information_laws == tuple(own.get("information_laws") or ())
        assert found.audit_office == (own.get("audit_office") or "")
        assert found.termination_grounds == (own.get("termination_grounds") or "")
        assert found.traceability is None and found.withdrawal is None and found.guarantee is None


def test_india_and_brazil_record_what_reaches_their_state_owned_companies():
    client = ClientParty.model_validate({"name": "X", "kind": "government company", "address": "1 Road"})
    india = public_sector_of_party("india", client)
    assert india.information_laws == ("the Right to Information Act, 2005",)
    assert india.audit_office == "the Comptroller and Auditor General of India"
    brazil = public_sector_of_party("brazil", client)
    assert brazil.information_laws == ("Law No. 12,527 of 18 November 2011 (the Access to Information Law)",)
    assert "Article 85 of Law No. 13,303" in brazil.audit_office and brazil.audit_office_plural
    assert brazil.termination_grounds == ""  # its contracts are private-law contracts: no Article 137 of Law 14,133


def _indian(kind: str, number: str) -> dict:
    from tests.helpers import FIXTURES

    from contractgen.deal import load_deal

    path = FIXTURES / "deals" / "state-owned" / "in-psu-government-company.yaml"
    data = load_deal(path).deal.model_dump(mode="json", exclude_none=True)
    data["parties"]["client"].update(kind=kind, company_number=number)
    data["parties"]["client"].pop("state_owned", None)
    return data


def test_a_private_company_whose_cin_says_government_owned_is_asked_about():
    from contractgen.deal.load import deal_findings

    _, problems, notes = deal_findings(_indian("company", "L74899DL1993GOI054155"), "in.yaml")
    assert not problems
    assert "state-owned-number:l74899dl1993goi054155" in [n.id for n in notes]
    _, _, notes = deal_findings(_indian("company", "U72900TG2010SGC067890"), "in.yaml")
    assert [n for n in notes if n.id.startswith("state-owned-number:")]


def test_no_note_for_a_private_cin_or_a_company_written_as_state_owned():
    from contractgen.deal.load import deal_findings

    for kind, number in (("company", "L72200MH1995PLC084781"), ("government company", "L74899DL1993GOI054155")):
        _, _, notes = deal_findings(_indian(kind, number), "in.yaml")
        assert not [n for n in notes if n.id.startswith("state-owned-number:")]
