"""What a party's kind changes in the operative terms, read in the rendered contract: a public client's option to
extend with its limit, and the rest of the parties review's findings (tests/fixtures/deals/party-terms/). The
party matrix (test_party_matrix.py) asserts the same terms for every kind under eight laws."""

from __future__ import annotations

from functools import lru_cache

import pytest
import yaml

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.deal.load import deal_findings
from contractgen.pipeline import Workspace, build_document
from tests.e2e.test_hardening import docx_text
from tests.helpers import FIXTURES
from tests.party_matrix import FOLDER as MATRIX, case_id, deal_data

FOLDER = FIXTURES / "deals" / "party-terms"
PARTIES = FIXTURES / "deals" / "parties"
WORKSPACE = Workspace()


@lru_cache(maxsize=None)
def built(path: str):
    """The build result of one deal file, built once."""
    return build_document(load_deal(FOLDER.parent / path), WORKSPACE)


@lru_cache(maxsize=None)
def text(path: str) -> str:
    """The DOCX text of one deal file (relative to tests/fixtures/deals), whitespace collapsed."""
    result = built(path)
    data = writers.render(result.document, WORKSPACE.template_dir(result.source.deal.template), "docx")
    return " ".join(docx_text(data).split())


def test_an_extension_option_states_its_number_and_the_longest_term():
    t = text("party-terms/uk-extension-limit.yaml")
    assert "may extend it, at its option, for up to two further periods of 12 months each" in t
    assert "so that the Term does not exceed 60 months" in t
    assert "or extended under clause 7" in t and "together with any Extension Period" in t
    assert "Renewal Term" not in t and "[●]" not in t.split("Extension", 1)[1].split("Each Extension Period")[0]
    assert not [w for w in built("party-terms/uk-extension-limit.yaml").warnings if w.startswith("term.renewal")]


def test_an_extension_option_the_deal_does_not_limit_is_a_blank_with_a_warning():
    t = text("parties/uk-secretary-of-state.yaml")
    assert "for up to [●] further periods of 12 months each" in t and "does not exceed [●] in total" in t
    warnings = built("parties/uk-secretary-of-state.yaml").warnings
    assert [w for w in warnings if w.startswith("term.renewal:") and "term.renewal.extensions" in w]


def test_in_a_draft_the_open_extension_limit_is_a_note():
    data = load_deal(PARTIES / "uk-secretary-of-state.yaml").deal.model_dump(mode="json", exclude_none=True)
    data["status"] = "draft"
    _, problems, notes = deal_findings(data, "uk.yaml")
    assert not problems
    assert "default-extension-limit:extensions" in [n.id for n in notes]


def _between(t: str, start: str, end: str) -> str:
    """The text from the first `start` to the next `end` after it."""
    return t.split(start, 1)[1].split(end, 1)[0]


def test_a_public_client_indemnifies_within_the_cap_and_the_supplier_without():
    uk = text("parties/uk-secretary-of-state.yaml")
    unlimited = _between(uk, "Nothing in this Agreement limits or excludes either Party's liability for", "Subject to")
    assert "in the case of the Supplier, its obligations under clause" in unlimited
    assert "The Authority's liability under clause" in uk and "is subject to the limit in clause" in uk
    se = text("parties/se-municipality.yaml")
    unlimited = _between(se, "Each Party is liable without limitation", "In any other case")
    assert "and, in the case of the Supplier, under clause" in unlimited
    assert "The City's liability under clause" in se
    warnings = built("parties/uk-secretary-of-state.yaml").warnings
    assert [w for w in warnings if w.startswith("parties.client.kind:") and "within the general cap" in w]


def test_a_company_client_keeps_both_parties_indemnities_unlimited():
    t = text("parties/de-consortium.yaml")
    unlimited = _between(t, "Each Party is liable without limitation", "In any other case")
    assert "in the case of" not in unlimited and "under clause" in unlimited
    assert "is subject to the limit in clause" not in t


def test_a_civil_law_cap_has_a_floor_when_the_deal_states_no_liability():
    t = text("parties/de-consortium.yaml")
    assert "for all events occurring in a Contract Year, will not exceed the greater of €1,440,000" in t


def test_an_individual_supplier_performs_personally_and_may_die_or_fall_ill():
    t = text("parties/sg-branch-sole-trader.yaml")
    assert "The Designer will perform the Services personally." in t
    assert (
        "Narmada may terminate this Agreement with immediate effect by written notice to the Designer (or, after" in t
    )
    assert "the roles in the Designer's team" not in t and "account manager and the delivery lead" not in t


def test_an_individual_supplier_has_the_bankruptcy_events_of_a_person_under_its_law():
    t = text("parties/sg-branch-sole-trader.yaml")
    person = _between(t, "An Insolvency Event occurs in relation to the Designer, an individual, if:", "notify")
    assert (
        "a bankruptcy order is made against them, under the Insolvency, Restructuring and Dissolution Act 2018"
        in person
    )
    assert "a debt repayment scheme under Part 15 of the Insolvency, Restructuring and Dissolution Act 2018" in person
    assert "winding up" not in person and "liquidator" not in person
    # the company client keeps a company's events
    assert "An Insolvency Event occurs in relation to Narmada if:" in t


def test_each_consortium_member_signs_its_own_block():
    t = text("parties/de-consortium.yaml")
    signatures = t.split("Signatures", 2)[-1]
    for member in ("Bavaria Systems GmbH", "Alpen Data Services GmbH"):
        assert f"Signed, as a member of the consortium, for and on behalf of {member}" in signatures
    assert "This authority does not extend to signing this Agreement, which each member signs itself." in t


def test_a_member_with_a_power_of_attorney_signs_through_the_lead_member():
    t = text("party-terms/de-consortium-attorney.yaml")
    assert "under the powers of attorney annexed to this Agreement, for each other member of the consortium" in t
    assert "for and on behalf of Alpen Data Services GmbH" not in t
    assert "through the lead member under a written power of attorney annexed to this Agreement" in t


def test_a_consortium_is_one_party_and_each_members_insolvency_and_exit_count():
    t = text("parties/de-consortium.yaml")
    assert (
        "ARGE Isar Cloud, a consortium whose members, Bavaria Systems GmbH and Alpen Data Services GmbH, together" in t
    )
    assert "The members of the Consortium together form one Party" in t
    assert "An Insolvency Event occurs in relation to the Consortium whenever one occurs in relation to any of its" in t
    exit_ground = _between(t, "No member may leave the Consortium", "Publicity")
    assert (
        "approve the replacement member" in exit_ground and "the event being good cause for termination" in exit_ground
    )
    assert "treat the event as a change of control" not in t


def test_a_deal_naming_no_forum_goes_to_the_courts_of_the_clients_seat():
    se = text("parties/se-municipality.yaml")
    assert "the courts of Malmö have exclusive jurisdiction" in se and "Stockholm District Court" not in se
    it = text("parties/it-public-hospital.yaml")
    assert "the courts of Pavia have exclusive jurisdiction" in it and "courts of Milan" not in it
    warnings = built("parties/se-municipality.yaml").warnings
    assert [w for w in warnings if w.startswith("contract.governing_law:") and "the courts of Malmö" in w]


def test_a_named_forum_is_kept():
    t = text("parties/uk-secretary-of-state.yaml")
    assert "the courts of England and Wales have exclusive jurisdiction" in t


def test_an_indian_llp_signs_by_a_designated_partner_and_trustees_record_their_authority():
    t = text("parties/in-llp-charity.yaml")
    signatures = t.split("Signatures", 2)[-1]
    assert "Signed for and on behalf of Kaveri Tech Consulting LLP Signature of designated partner" in signatures
    assert "Signature of member" not in signatures
    assert "Authorised by the trust deed, clause [●], or by a resolution of the trustees dated [●]" in signatures


def test_a_successor_takes_the_exit_indemnity_on_trust_where_privity_applies():
    t = text("parties/in-llp-charity.yaml")
    assert "The Trust holds the benefit of clause" in t and "as trustee for each Successor other than itself" in t
    assert "A Successor may enforce" not in t


@pytest.mark.parametrize(
    ("law", "event"),
    [
        ("english", "a bankruptcy order is made against them (Part 9 of the Insolvency Act 1986)"),
        (
            "singapore",
            "a debt repayment scheme under Part 15 of the Insolvency, Restructuring and Dissolution Act 2018",
        ),
        ("new_zealand", "or are admitted to the no asset procedure"),
        ("hong_kong", "a bankruptcy petition or application is presented or made by or against them"),
    ],
)
def test_a_sole_trader_has_the_bankruptcy_events_its_law_records(law, event):
    case = (law, "courts", "charity", "sole_trader")
    raw = yaml.safe_dump(deal_data(*case), allow_unicode=True, sort_keys=False).encode("utf-8")
    result = build_document(load_deal(MATRIX / f"{case_id(case)}.yaml", raw=raw), WORKSPACE)
    data = writers.render(result.document, WORKSPACE.template_dir(result.source.deal.template), "docx")
    t = " ".join(docx_text(data).split())
    person = _between(t, "An Insolvency Event occurs in relation to the Contractor, an individual, if:", "notify")
    assert event in person and "liquidator" not in person
