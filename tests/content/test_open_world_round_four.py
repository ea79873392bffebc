"""The open-world review of round four, fixed for the class: data held in one country and reached from a Delivery
Centre in another, the purpose of processing naming the Services once."""

from __future__ import annotations

from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid

OPENWORLD = FIXTURES / "openworld" / "deals"
OVERLAYS = FIXTURES / "deals" / "overlays"


def test_data_stored_in_one_country_may_be_reached_from_the_delivery_centre_abroad():
    text = contract_text(OPENWORLD / "mx-remote-access-us.yaml")
    assert "may be stored and accessed only in these countries" not in text
    assert (
        "United States. Personal Information may be stored only in that country. It may also be accessed, but not "
        "stored or copied, from the Delivery Center in Mexico listed in clause" in text
    )
    assert "by the secure remote access that the Company provides or approves; from nowhere else" in text


def test_data_kept_where_every_centre_is_stays_stored_and_accessed_only_there():
    text = contract_text(SAMPLES / "nearshore-eur.yaml")  # its centres are all inside its data residency
    assert "may be stored and accessed only in these countries" in text
    assert "may also be accessed, but not stored or copied" not in text


def test_phi_held_in_the_us_may_be_reached_from_a_centre_abroad(tmp_path):
    text = contract_text(overlaid(SAMPLES / "onshore-us-hipaa.yaml", OVERLAYS / "hipaa-centre-abroad.yaml", tmp_path))
    assert "Protected Health Information may be stored only there. It may also be accessed, but not stored or " in text
    assert "from the Delivery Center in Mexico listed in clause" in text
    assert "No Protected Health Information may be stored or accessed in any other country" not in text


def test_the_purpose_of_processing_names_the_services_once():
    text = contract_text(OPENWORLD / "ch-insurer-conflicts.yaml")
    assert "Services services" not in text
    assert "Providing the Services (Workplace Services), including" in text
