"""Second-round review findings on the samples, each held by rendered text across every sample it applies to."""

from __future__ import annotations

import re

from functools import lru_cache

import pytest
import yaml

from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid

ALL = sorted(p.stem for p in SAMPLES.glob("*.yaml"))
OVERLAYS = FIXTURES / "deals" / "overlays"


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


@lru_cache(maxsize=None)
def deal(name: str) -> dict:
    """The sample's deal as written."""
    return yaml.safe_load((SAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


def with_transition(name: str) -> bool:
    """Whether the sample has a Transition (the default)."""
    return (deal(name).get("scope") or {}).get("transition", True) is not False


# The Services run from each Service's Service Commencement Date when there is a Transition


@pytest.mark.parametrize("name", ALL)
def test_services_start_when_responsibility_passes(name):
    text = sample(name)
    if with_transition(name):
        assert "The Services From the Service Commencement Date of each Service and throughout the Term," in text
        assert (
            "Service Commencement Date, " in text
            and "obligation for that Service is to carry out its Transition" in text
        )
        assert "From the Effective Date and throughout the Term" not in text
    else:
        assert "From the Effective Date and throughout the Term" in text
        assert "carry out its Transition" not in text


def test_services_without_transition_start_on_the_named_commencement_date(tmp_path):
    text = contract_text(
        overlaid(SAMPLES / "uk-charity-minimal.yaml", OVERLAYS / "no-transition-later-start.yaml", tmp_path)
    )
    assert "From the Service Commencement Date and throughout the Term" in text
    assert "From the Effective Date and throughout the Term" not in text
    assert "carry out its Transition" not in text


# Late-payment interest is never the supplier's only remedy; Swiss law's rate is Article 104(1) CO's 5 %


@pytest.mark.parametrize("name", ALL)
def test_late_payment_interest_is_not_the_only_remedy(name):
    text = sample(name)
    # simple interest, or the statute's interest as it accrues (the Dutch commercial interest compounds each year)
    assert re.search(r"may charge (?:simple )?interest on it from the due date until payment", text)
    assert "only remedy for late payment" not in text


def test_swiss_late_payment_interest_is_the_code_of_obligations_rate():
    text = sample("ch-bank-portugal")
    assert (
        "at 5% a year, the rate of default interest that Article 104(1) of the Swiss Code of Obligations sets" in text
    )
    assert "(Article 102(2) of the Swiss Code of Obligations)" in text
    assert "late commercial payments under the law governing this Agreement" not in text


# One calendar for every Business Day count: the client's place, not the place of performance


@pytest.mark.parametrize("name", ALL)
def test_business_days_follow_the_clients_calendar(name):
    text = sample(name)
    assert "“Business Day” means a day other than a Saturday, a Sunday or a public holiday in the place of " in text
    assert (
        "'s address given in this Agreement, whoever performs the relevant obligation and wherever it is performed;"
        in text
    )
    assert (
        "for the receipt of a notice, a day other than a Saturday, a Sunday or a public holiday in the place where the notice is received"
        in text
    )
    assert "the place where the relevant obligation is to be performed" not in text


# Service credits and the At-Risk Amount on one base, so that the agreed amount at risk can be reached

CREDITED = [
    name for name in ALL if ((deal(name).get("service_levels") or {}).get("service_credits") or {}).get("tiers")
]


def percent(value) -> float:
    """A percentage as a deal writes it (12 or '12%')."""
    return float(str(value).rstrip("%"))


@pytest.mark.parametrize("name", CREDITED)
def test_service_credits_share_the_at_risk_amounts_base(name):
    text = sample(name)
    several = len(deal(name)["scope"]["services"]) > 1
    base = "the total Charges payable for all the Services for" if several else "the total Charges payable for"
    assert f"expressed as a percentage of {base} the calendar month in which that Measurement Period ends" in text
    assert "of the Charges payable for the calendar month in which the Measurement Period concerned ends" in text
    assert "Service Charges" not in text and "equal share" not in text
    assert "Only a Service whose Availability falls below a threshold in the table earns a Service Credit" in text
    at_risk = percent(deal(name)["service_levels"]["service_credits"]["at_risk"])
    assert f"The At-Risk Amount is {at_risk:g}% of the Charges payable" in text


# A Successor's exit indemnity where the law keeps privity of contract: the client enforces it for the Successor

PRIVITY = {
    "nearshore-eur": "the Customer",
    "ca-insurer-us-cloud": "the Insurer",
    "au-retailer-philippines": "the Retailer",
}


def held_for_successors(text: str, client: str) -> bool:
    """Whether the client holds the Successor's exit indemnity as trustee and enforces it (and no direct right)."""
    return (
        f"{client[0].upper() + client[1:]} holds the benefit of clause" in text
        and "as trustee for each Successor other than itself and may enforce it on that Successor's behalf" in text
        and "A Successor has no right of its own to enforce this Agreement" in text
        and f"{client[0].upper() + client[1:]} enforces the benefit of clause" in text
        and "A Successor may enforce clause" not in text
    )


@pytest.mark.parametrize("name", ALL)
def test_successors_enforce_through_the_client_only_where_privity_applies(name):
    text = sample(name)
    if name in PRIVITY:
        assert held_for_successors(text, PRIVITY[name])
        assert "This Agreement does not give any person who is not a Party a right to demand performance" in text
        assert "Except as clause" not in text.split("Third-Party Rights", 1)[1][:200]
    else:
        assert "A Successor may enforce clause" in text and "as trustee for each Successor" not in text


def test_a_victorian_contract_also_enforces_for_successors_through_the_client(tmp_path):
    text = contract_text(overlaid(SAMPLES / "au-retailer-philippines.yaml", OVERLAYS / "victoria-law.yaml", tmp_path))
    assert "governed by the laws of Victoria, Australia" in text
    assert held_for_successors(text, "the Retailer")


def test_every_privity_record_cites_its_source():
    from contractgen.law.jurisdictions import load_jurisdictions

    records = load_jurisdictions()
    through = {key for key, r in records.items() if r.commercial.third_party_rights.enforce == "through_party"}
    assert {"ireland", "ontario", "new-south-wales", "victoria"} <= through
    written = [yaml.safe_load((SAMPLES.parent / "law" / "jurisdictions" / f"{k}.yaml").read_text()) for k in through]
    assert all(r["third_party_rights"]["sources"] and r["third_party_rights"]["as_of"] for r in written)


# The authority a DORA financial entity reports to is named for the client's country where the record knows it


def test_an_irish_financial_entity_reports_to_the_central_bank_of_ireland():
    text = sample("nearshore-eur")
    assert (
        "The Customer must report major ICT-related incidents to the Central Bank of Ireland under Article 19 of DORA"
        in text
    )
    assert "its competent authority (Article 46 of DORA)" not in text


def test_a_dutch_financial_entity_keeps_the_general_words():
    assert "report major ICT-related incidents to its competent authority (Article 46 of DORA)" in sample(
        "nl-fintech-uk-soc"
    )


def test_an_irish_insurer_whose_regulation_is_inferred_also_names_the_central_bank(tmp_path):
    deal_file = overlaid(SAMPLES / "nearshore-eur.yaml", OVERLAYS / "irish-insurer-inferred.yaml", tmp_path)
    text = contract_text(deal_file)
    assert "major ICT-related incidents to the Central Bank of Ireland under Article 19 of DORA" in text


# DORA's Article 30(3) terms when the deal does not say whether the function is critical, in a final document too


@pytest.mark.parametrize("name", ["nl-fintech-uk-soc", "nearshore-eur"])
def test_dora_critical_function_terms_without_the_flag_or_with_it(name):
    text = sample(name)
    assert "Critical or Important Functions (DORA) The Services support a critical or important function of" in text
    assert "the additional terms that Article 30(3) of DORA requires" in text
    assert "threat-led penetration testing under Articles 26 and 27 of DORA" in text
    assert "The notice and frequency limits in clause" in text and "do not restrict these rights" in text


def test_a_stated_non_critical_function_gets_no_article_30_3_terms(tmp_path):
    text = contract_text(overlaid(SAMPLES / "nl-fintech-uk-soc.yaml", OVERLAYS / "not-critical.yaml", tmp_path))
    assert "the additional terms that Article 30(3) of DORA requires" not in text


# OSFI Guideline B-13 (technology and cyber risk) for federally regulated financial institutions


def test_a_canadian_insurer_gets_guideline_b13_beside_b10(tmp_path):
    deal_file = overlaid(SAMPLES / "ca-insurer-us-cloud.yaml", OVERLAYS / "canadian-insurer-inferred.yaml", tmp_path)
    text = contract_text(deal_file)
    assert "Third-Party Risk Management (OSFI Guideline B-10)" in text
    assert "Technology and Cyber Risk Management (OSFI Guideline B-13) This paragraph gives effect to" in text
    assert "detect, respond to and recover from cyber threats to the Services" in text
    assert "Guideline B-13, Technology and Cyber Risk Management" in text.split("Regulatory Requirements", 1)[1]
    # B-13 has its own paragraph, so it does not also bring the general financial-outsourcing terms
    assert "Financial-Services Outsourcing Requirements" not in text


def test_b13_is_inferred_only_for_a_canadian_bank_or_insurer():
    from contractgen.deal.readings.sector import inferred_regimes

    assert [str(r) for r in inferred_regimes("bank", "CA")] == ["OSFI B-10", "OSFI B-13"]
    assert "OSFI B-13" not in [str(r) for r in inferred_regimes("bank", "GB")]
    assert "OSFI B-13" not in [str(r) for r in inferred_regimes("payment institution", "CA")]


# A unit that prices the Services but that no field defines: a draft asks what one unit is and when it is counted


def test_a_per_unit_draft_asks_what_its_unit_is():
    from contractgen.deal.load import load_deal

    notes = {n.id: n for n in load_deal(SAMPLES / "onshore-us-hipaa.yaml").notes}
    note = notes["unit-count:supported-user"]
    assert note.path == "commercials.unit_name"
    assert "does not define one supported user" in note.unrecognised
    assert "from which system it is counted and when" in note.check and "commercials.unit_definition" in note.check


@pytest.mark.parametrize("name", ["ca-insurer-us-cloud", "au-retailer-philippines"])
def test_a_final_per_unit_document_is_not_blocked_by_the_question(name):
    from contractgen.deal.load import load_deal

    assert not [n for n in load_deal(SAMPLES / f"{name}.yaml").notes if n.id.startswith("unit-count")]


# The Regulator is named where the sector record names the authority


@pytest.mark.parametrize(
    "name, named",
    [
        ("nearshore-eur", "the Central Bank of Ireland"),
        ("deal-example", "the Financial Conduct Authority and the Prudential Regulation Authority"),
        ("ch-bank-portugal", "the Swiss Financial Market Supervisory Authority (FINMA)"),
        ("ca-insurer-us-cloud", "the Office of the Superintendent of Financial Institutions"),
        ("onshore-us-hipaa", "the New York State Department of Health"),
        ("nl-fintech-uk-soc", ""),  # DORA leaves the authority to each country; none recorded for NL
    ],
)
def test_the_regulator_definition_names_the_recorded_authorities(name, named):
    text = sample(name)
    head = "any authority that regulates or supervises"
    rest = text.split("“Regulator” means ", 1)[1]
    # the resolution power follows the authorities for a bank or an investment firm only
    definition = rest.split(", and any person appointed", 1)[0].split(", or has power to act", 1)[0]
    assert definition.startswith(head)
    assert definition.endswith(f"(including {named})") if named else "(including" not in definition
