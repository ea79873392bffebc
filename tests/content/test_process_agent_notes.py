"""A party established outside the country of a common-law forum (its courts, or the seat of the arbitration), or
of civil-law courts whose law lets it appoint an agent there (German courts: section 171 ZPO), with no agent
there: a draft carries a drafting note asking for one, and a final contract is built with a warning saying so.
Stated across the disputes and parties fixture deals and the samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from contractgen.deal import load_deal
from contractgen.deal.readings.process_agent import process_agent_findings, process_agents, served_within_eu
from contractgen.pipeline import Workspace, build_document
from tests.helpers import FIXTURES, SAMPLES

DEALS = sorted(
    p
    for p in [
        *FIXTURES.joinpath("deals", "disputes").glob("*.yaml"),
        *FIXTURES.joinpath("deals", "parties").glob("*.yaml"),
    ]
    if p.stem != "expect"
) + sorted(SAMPLES.glob("*.yaml"))

# (party without an agent, where established, the forum's country), read from each deal by a lawyer
EXPECTED = {
    "en-asymmetric": ("supplier", "LT", "GB"),  # Lithuanian supplier, English courts
    "en-lcia-venue": ("supplier", "AE", "GB"),  # Dubai supplier, LCIA seated in London
    "hk-hkiac-written": ("supplier", "CN", "HK"),  # Mainland supplier, HKIAC seated in Hong Kong
    "hk-hkiac-shenzhen-client": ("client", "CN", "HK"),  # Shenzhen client, HKIAC seated in Hong Kong
    "hk-siac-shenzhen-supplier": ("supplier", "CN", "HK"),  # Shenzhen supplier, SIAC seated in Hong Kong
    "ng-lca-abuja": ("supplier", "GB", "NG"),  # English supplier, LCA rules, seated in Abuja, Nigeria
    "my-icc-kuala-lumpur": ("supplier", "IN", "MY"),  # Indian supplier, ICC seated in Kuala Lumpur (a CLDR city)
    "ny-icdr": ("supplier", "CA", "US"),  # Ontario supplier, ICDR seated in New York
    "nz-uncitral": ("supplier", "AU", "NZ"),  # New South Wales supplier, seat Auckland
    "deal-example": ("supplier", "IN", "GB"),  # Indian supplier, English courts
    "de-courts-india": ("supplier", "IN", "DE"),  # Indian supplier, Frankfurt courts (ZPO section 171 recipient)
    "au-retailer-philippines": ("supplier", "PH", "AU"),
    "ca-insurer-us-cloud": ("supplier", "US", "CA"),
    "us-saas-mexico": ("supplier", "MX", "US"),  # Mexican supplier, courts in San Francisco County, California
}


@pytest.mark.parametrize("path", DEALS, ids=lambda p: p.stem)
def test_a_foreign_party_without_an_agent_where_the_forum_knows_one_is_asked_for_one(path: Path):
    deal = load_deal(path).deal
    found = [f.about for f in process_agent_findings(deal)]
    expected = EXPECTED.get(path.stem)
    assert found == ([" ".join(expected)] if expected else []), (path.stem, found)


def test_no_note_where_the_supplier_has_an_agent_a_civil_law_forum_without_one_or_a_local_branch():
    # sg-siac-tiered names a Singapore agent for its Indian supplier; ch-swiss-rules goes to a civil-law seat, whose
    # record gives no agent for service; sg-branch-sole-trader's Indian client acts through its Singapore branch.
    for name in ("sg-siac-tiered", "ch-swiss-rules"):
        assert not list(process_agent_findings(load_deal(FIXTURES / "deals" / "disputes" / f"{name}.yaml").deal))
    assert not list(
        process_agent_findings(load_deal(FIXTURES / "deals" / "parties" / "sg-branch-sole-trader.yaml").deal)
    )


def test_a_draft_carries_the_note_and_a_final_contract_a_warning():
    draft = load_deal(SAMPLES / "deal-example.yaml")
    note = next(n.to_json() for n in draft.notes if n.id.startswith("process-agent:"))
    assert note["field"] == "parties.supplier.incorporated_in" and "courts of England and Wales" in note["unrecognised"]
    assert "process_agent" in note["check"]
    printed = build_document(draft, Workspace()).document.notes
    assert any("agent for service of process" in str(n) for n in printed), printed
    final = build_document(load_deal(FIXTURES / "deals" / "disputes" / "hk-hkiac-written.yaml"), Workspace())
    assert any(
        "seat of the arbitration (Hong Kong)" in w and "court proceedings in support of the arbitration" in w
        for w in final.warnings
    ), final.warnings


# Where a party needs an agent and the deal names none, the draft appoints one with its name and address left blank
# in the forum's country, so the clause is there to complete (round-4 review, template item 4).
PLACEHOLDER_COUNTRY = {"us-saas-mexico": "the United States", "au-retailer-philippines": "Australia",
                       "ca-insurer-us-cloud": "Canada", "deal-example": "the United Kingdom"}  # fmt: skip


@pytest.mark.parametrize("name", sorted(PLACEHOLDER_COUNTRY))
def test_a_party_without_an_agent_is_given_one_to_fill_in_in_the_forums_country(name: str):
    from tests.terms import contract_text

    deal = load_deal(SAMPLES / f"{name}.yaml").deal
    agents = process_agents(deal)
    assert [(a.role, a.name) for a in agents] == [("supplier", "[●]")]
    text = contract_text(SAMPLES / f"{name}.yaml")
    appointment = text[text.index("Agent for Service of Process Signatures") + 40 :]
    appointment = appointment[appointment.index("Agent for Service of Process") :][:600]
    assert f"irrevocably appoints [●], of [●] (an address in {PLACEHOLDER_COUNTRY[name]}), as its agent" in appointment
    assert "the Party that appointed it will promptly appoint another agent there" in appointment


def test_a_named_agent_is_appointed_as_named_and_no_deal_without_a_need_gets_one():
    sg = load_deal(FIXTURES / "deals" / "disputes" / "sg-siac-tiered.yaml").deal
    assert [(a.role, a.name) for a in process_agents(sg)] == [("supplier", sg.process_agent.name)]
    for name in ("onshore-us-hipaa", "ch-bank-portugal", "uk-charity-minimal"):
        assert process_agents(load_deal(SAMPLES / f"{name}.yaml").deal) == [], name


@pytest.mark.parametrize("path", DEALS, ids=lambda p: p.stem)
def test_every_party_the_notes_ask_an_agent_for_gets_one_in_the_contract(path: Path):
    deal = load_deal(path).deal
    needed = {f.about.split()[0] for f in process_agent_findings(deal)}
    appointed = {a.role for a in process_agents(deal) if a.name == "[●]"}
    assert needed == appointed


@pytest.mark.parametrize("name", sorted(PLACEHOLDER_COUNTRY))
def test_the_appointment_to_fill_in_survives_termination(name: str):
    from tests.terms import contract_text

    document = build_document(load_deal(SAMPLES / f"{name}.yaml"), Workspace()).document
    number = next(c.number for _, c in document.iter_clauses() if c.id.startswith("process-agent"))
    text = contract_text(SAMPLES / f"{name}.yaml")
    survival = text[text.index("continue in force after termination or expiry") :][:1500].split(". ")[0]
    assert f"clause {number}" in survival


EU = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()


@pytest.mark.parametrize("forum", EU)
def test_between_two_eu_member_states_no_agent_is_needed(forum: str):
    # Regulation (EU) 2020/1784 serves the claim in every other Member State, Denmark included by its agreement.
    assert all(served_within_eu(party, forum) for party in EU)
    assert not any(served_within_eu(party, forum) for party in ("GB", "CH", "NO", "US", "IN"))
    assert not served_within_eu(forum, "GB")


def test_a_polish_supplier_before_irish_courts_is_not_asked_for_an_agent():
    deal = load_deal(SAMPLES / "nearshore-eur.yaml").deal
    assert deal.parties.supplier.incorporated_in and not list(process_agent_findings(deal))
    assert process_agents(deal) == []
    from tests.terms import contract_text

    text = contract_text(SAMPLES / "nearshore-eur.yaml")
    assert "Agent for Service of Process" in contract_text(SAMPLES / "deal-example.yaml")
    assert "Agent for Service of Process" not in text and "service of process in any proceedings" not in text


def test_before_german_courts_the_agent_is_an_authorised_recipient_under_section_171_zpo():
    deal = load_deal(FIXTURES / "deals" / "disputes" / "de-courts-india.yaml").deal
    (agent,) = process_agents(deal)
    assert agent.role == "supplier" and agent.address == "[●] (an address in Germany)"
    assert agent.device == "authorised recipient for service (Zustellungsbevollmächtigter)"
    assert agent.law.startswith("section 171 of the German Code of Civil Procedure") and agent.written_authority
    (finding,) = process_agent_findings(deal)
    assert "served there under section 183 ZPO" in finding.drafted and "section 184 ZPO" in finding.drafted


def test_an_arbitration_seated_in_germany_appoints_no_recipient():
    deal = load_deal(FIXTURES / "deals" / "disputes" / "de-dis-india.yaml").deal
    assert process_agents(deal) == [] and not list(process_agent_findings(deal))
