"""State-owned companies rendered (tests/fixtures/deals/state-owned/): described as companies, reached by the
public-sector law their record gives such a company, with no 'competitor' test on a change of control, insolvency
events for both parties (a company can be insolvent, unlike a public body), and the client's extension option."""

from __future__ import annotations


import pytest
import yaml

from contractgen.deal import load_deal
from contractgen.deal.load import deal_findings
from tests.e2e.expect_folder import rendered_text
from tests.helpers import FIXTURES

FOLDER = FIXTURES / "deals" / "state-owned"
INDIA, BRAZIL = "in-psu-government-company.yaml", "br-sociedade-economia-mista.yaml"


def rendered(name: str, fmt: str) -> str:
    """One deal's contract in one format, whitespace collapsed."""
    return rendered_text(FOLDER / name, fmt)


FORMATS = ["docx", "pdf"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_indian_government_company_is_a_company_under_the_rti_act_and_the_cag(fmt):
    t = rendered(INDIA, fmt)
    assert "Bharat Energy Corporation Limited, a company incorporated in India with company number" in t
    assert "whose registered office is at Scope Complex" in t
    assert "BECL is subject to the Right to Information Act, 2005" in t
    assert "The Comptroller and Auditor General of India may examine" in t


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_brazilian_mixed_company_is_under_the_access_law_and_its_control_bodies(fmt):
    t = rendered(BRAZIL, fmt)
    assert "a corporation (sociedade anônima) organised under the laws of the Federative Republic of Brazil" in t
    assert "PRODATA is subject to Law No. 12,527 of 18 November 2011 (the Access to Information Law)" in t
    assert "The external and internal control bodies of the government that controls the company (Article 85" in t
    assert "Article 137 of Law No. 14,133" not in t  # a public body's termination ground, not the company's


@pytest.mark.parametrize("name", [INDIA, BRAZIL])
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_state_owned_client_has_no_competitor_test_and_can_be_insolvent(name, fmt):
    t = rendered(name, fmt)
    assert "competitor" not in t
    assert "would be excluded from a public procurement" in t
    assert "An Insolvency Event occurs in relation to a Party if" in t


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_state_owned_client_extends_at_its_option(fmt):
    india, brazil = rendered(INDIA, fmt), rendered(BRAZIL, fmt)
    assert "BECL may extend it, at its option, for up to two further periods of 1 year each" in india
    assert "written notice at least 3 months before the end of the Initial Term" in india  # the default, noted
    assert "PRODATA may extend it, at its option, once, for a further period of 12 months" in brazil
    assert "written notice at least 90 days before the end of the Initial Term" in brazil
    assert "renews automatically for a further period" not in india + brazil


def test_a_state_owned_company_whose_record_says_nothing_of_it_gets_no_public_body_terms(tmp_path):
    data = load_deal(FOLDER / INDIA).deal.model_dump(mode="json", exclude_none=True)
    data["contract"].update(governing_law="the laws of the People's Republic of China", locale="en_GB")
    data["contract"].update(jurisdiction="the courts of Shanghai")
    data["parties"]["client"]["kind"] = "国有企业"
    data["parties"]["client"].pop("state_owned", None)
    _, problems, _ = deal_findings(data, "cn.yaml")
    assert not problems
    path = tmp_path / "cn-soe.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    t = rendered_text(path, "docx")
    assert "Public Sector Obligations" not in t  # China's record names no law for a state-owned company
    assert "competitor" not in t and "An Insolvency Event occurs in relation to a Party if" in t
