"""Second-round review of the Scottish charity's short deal (uk-charity-minimal): each finding fixed is held by
rendered text, against a sample under English law that must keep its own wording."""

from __future__ import annotations

from functools import lru_cache

from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


def test_scots_law_takes_the_slavery_terms_from_the_scottish_act():
    text = sample("uk-charity-minimal")
    assert "as those terms are used in the Human Trafficking and Exploitation (Scotland) Act 2015" in text
    assert "Modern Slavery Act" not in text  # its offences (Part 1) extend to England and Wales only


def test_english_law_keeps_the_modern_slavery_act():
    text = sample("deal-example")
    assert "as those terms are used in the Modern Slavery Act 2015" in text
    assert "Human Trafficking and Exploitation (Scotland) Act" not in text


def test_scots_law_speaks_of_prescription_not_a_limitation_period():
    text = sample("uk-charity-minimal")
    assert "to protect its rights before any right is extinguished by prescription or limitation" in text
    assert "limitation period" not in text
    assert "to protect its rights before a limitation period expires" in sample("deal-example")


def test_processing_locations_name_the_delivery_centre_not_an_empty_schedule():
    text = sample("uk-charity-minimal")
    assert (
        "Locations of processing Kelvin's premises at the address stated in clause 1, the only Delivery Centre "
        "under clause 9, and the Trust's premises for work done there; no other location without the Trust's "
        "prior written consent under that clause." in text
    )
    assert "as set out in Schedule 1" not in text


def test_one_delivery_centre_has_no_other_to_fall_back_on():
    for name in ("uk-charity-minimal", "ch-bank-portugal", "us-saas-mexico"):
        text = sample(name)
        assert "will provide them from another Delivery Cent" not in text, name
        assert "Personnel so that the Services continue without interruption" in text, name


def test_two_listed_centres_are_the_processing_locations_and_cover_each_other(tmp_path):
    text = contract_text(
        overlaid(SAMPLES / "uk-charity-minimal.yaml", FIXTURES / "deals/overlays/two-glasgow-centres.yaml", tmp_path)
    )
    assert (
        "Locations of processing The Delivery Centres listed in clause 9, with their countries, and the Trust's premises"
        in text
    )
    assert "will provide them from another Delivery Centre or with other Kelvin Personnel" in text


def test_incidents_are_capitalised_only_where_the_deal_defines_them():
    assert "does not vary with the number of incidents, requests or hours worked" in sample("uk-charity-minimal")
    assert "“Incident” means" not in sample("uk-charity-minimal")
    text = sample("deal-example")  # incident priorities define Incident
    assert "does not vary with the number of Incidents, requests or hours worked" in text and "“Incident” means" in text


def test_special_data_brings_encryption_and_multi_factor_authentication_by_default():
    text = sample("uk-charity-minimal")  # health information in referral notes; the deal has no security section
    assert "multi-factor authentication for remote, privileged and administrative access" in text
    # at rest, the security defaults (AES-256 for all of the client's information) cover the special data too
    assert "Encryption at rest AES-256 or stronger for all of the Trust's information" in text
    assert "Encryption in transit Encryption by a current industry-standard protocol" in text


def test_a_deal_without_special_data_gets_no_unstated_encryption_row(tmp_path):
    text = contract_text(
        overlaid(SAMPLES / "uk-charity-minimal.yaml", FIXTURES / "deals/overlays/no-special.yaml", tmp_path)
    )
    assert "Encryption by a current industry-standard" not in text
    assert "multi-factor authentication" not in text


def test_the_exit_indemnity_points_at_no_list_that_no_clause_requires():
    text = sample("uk-charity-minimal")  # no transfer expected on exit, so no list of employees is given
    assert "final list" not in text
    assert "and from the employment or dismissal of any person whose employment transfers, or is claimed to" in text
    assert "who is not on the final list of employees the Supplier provided" in sample("deal-example")


def test_a_civil_law_contract_expecting_no_transfer_points_at_no_list(tmp_path):
    text = contract_text(
        overlaid(SAMPLES / "uk-charity-minimal.yaml", FIXTURES / "deals/overlays/charity-german-law.yaml", tmp_path)
    )
    assert "Employee Liabilities" in text and "final list" not in text
