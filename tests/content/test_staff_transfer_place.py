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


def _eu_member_states() -> list[str]:
    from contractgen.law.library import active

    return sorted(active().records("treaties")["acquired-rights-directive"].data["states"])


def test_the_directive_record_lists_every_eu_member_state():
    from contractgen.law.sector import load_sector_regimes

    assert set(_eu_member_states()) == set(load_sector_regimes()["Solvency II Art. 274"].places)  # the EU-27


@pytest.mark.parametrize("country", _eu_member_states())
def test_no_eu_country_is_drafted_without_an_automatic_transfer(country):
    """Every Member State implements Directive 2001/23/EC: its own rule where recorded, else the Directive's."""
    place = place_of(country)
    assert place.automatic is True and place.law
    if not place.key:  # no national record: the implementing law, named by its country
        assert place.law.startswith("the law of ") and "Council Directive 2001/23/EC" in place.law
        assert "Article 7 of the Directive" in place.informing


@pytest.mark.parametrize(
    ("country", "law"),
    [
        ("RO", "Law No. 67/2006"),
        ("SE", "section 6 b of the Swedish Employment Protection Act"),
        ("BE", "Collective Labour Agreement No. 32bis"),
        ("CZ", "section 338 and the following sections of the Czech Labour Code"),
        ("DK", "Consolidated Act No. 710 of 20 August 2002"),
        ("LU", "articles L. 127-1 and the following articles of the Luxembourg Labour Code"),
        ("BG", "the law of Bulgaria that implements Council Directive 2001/23/EC"),
    ],
)
def test_more_eu_countries_name_their_transfer_law(country, law):
    assert law in place_of(country).law


def test_a_romanian_centre_under_irish_law_may_transfer_by_law_instead_of_offers():
    text = exit_part(contract_text(FIXTURES / "openworld" / "deals" / "ie-telecoms.yaml"))
    assert "Law No. 67/2006" in text and "for those working in Romania" in text
    assert "no law transfers the employment" not in text
