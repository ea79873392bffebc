"""Employee transfer follows the law of the place of work, not the contract's law (law/jurisdictions/*.yaml,
employee_transfer): stated on the rendered text of the samples and of a US deal delivered from Poland."""

from __future__ import annotations

import pytest

from contractgen.law.employment import place_of
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid


def exit_part(text: str) -> str:
    """Return the 'On exit' part of the employees clause."""
    return text.split("On exit", 1)[1].split("Non-Solicitation", 1)[0]


@pytest.mark.parametrize(
    ("country", "automatic", "law"),
    [
        ("GB", True, "Transfer of Undertakings (Protection of Employment) Regulations 2006"),
        ("DE", True, "section 613a of the German Civil Code"),
        ("PL", True, "Article 23¹ of the Polish Labour Code"),
        ("PT", True, "Articles 285 to 287 of the Portuguese Labour Code"),
        ("CH", True, "Articles 333 and 333a of the Swiss Code of Obligations"),
        ("NL", True, "Articles 7:662 to 7:666 of the Dutch Civil Code"),
        ("FR", True, "Articles L1224-1 to L1224-4 of the French Labour Code"),
        ("IN", False, ""),
        ("MA", False, ""),
        ("PH", False, ""),
        ("MX", False, ""),
        ("US", False, ""),
    ],
)
def test_the_law_library_knows_each_place_of_works_rule(country, automatic, law):
    place = place_of(country)
    assert place.automatic is automatic and law in place.law


def test_a_polish_centre_under_german_law_gets_the_polish_rule():
    text = exit_part(contract_text(SAMPLES / "de-manufacturer-poland.yaml"))
    assert "Article 23¹ of the Polish Labour Code (Kodeks pracy) for those working in Poland" in text
    assert "at least 30 days before the transfer" in text
    assert "613a" not in text  # German law governs the contract, not the Polish employees


def test_a_portuguese_centre_under_swiss_law_gets_the_portuguese_rule():
    text = exit_part(contract_text(SAMPLES / "ch-bank-portugal.yaml"))
    assert "Articles 285 to 287 of the Portuguese Labour Code" in text and "(Article 286-A)" in text
    assert "Article 333" not in text


def test_a_british_centre_under_dutch_law_gets_tupe():
    text = exit_part(contract_text(SAMPLES / "nl-fintech-uk-soc.yaml"))
    assert "SI 2006/246) for those working in the United Kingdom" in text
    assert "7:662" not in text


def test_an_indian_centre_gets_the_offer_based_variant_and_the_indemnities_stay():
    text = exit_part(contract_text(SAMPLES / "deal-example.yaml"))
    assert "In India, no law transfers the employment of the employees who work there" in text
    assert "may offer employment to any of those employees" in text
    assert "Article 23¹ of the Polish Labour Code (Kodeks pracy) for those working in Poland" in text
    assert "will indemnify the Client and each Successor against all Employee Liabilities" in text


def test_a_us_deal_delivered_from_poland_does_not_deny_the_polish_transfer(tmp_path):
    path = overlaid(
        SAMPLES / "us-saas-mexico.yaml", FIXTURES / "deals" / "overlays" / "us-law-polish-centre.yaml", tmp_path
    )
    text = exit_part(contract_text(path))
    assert "Article 23¹ of the Polish Labour Code" in text
    assert "do not intend that the employment of any person will pass" not in text
