"""Which public-sector laws reach a public body, by its kind and its level (national, regional, local), as the
jurisdiction records say: a federal law's information act and auditor bind only the federation's bodies, a state's
records bind the state's bodies and not a federal one, and a law with no freedom-of-information statute says so."""

from __future__ import annotations

import pytest

from contractgen.law.public_sector import public_sector_of


def test_a_land_ministry_gets_no_federal_information_law_or_auditor_and_is_marked_unrecorded():
    land = public_sector_of("germany", "government_department", True, "regional")
    assert land.information_laws == () and land.audit_office == "" and land.unrecorded
    assert land.termination_grounds.startswith("section 133")  # the GWB binds every contracting authority
    federal = public_sector_of("germany", "government_department", True)
    assert "Informationsfreiheitsgesetz" in federal.information_laws[0] and not federal.unrecorded


@pytest.mark.parametrize("kind", ["local_authority", "government_department"])
def test_a_swiss_commune_or_canton_gets_no_federal_law(kind):
    level = None if kind == "local_authority" else "regional"
    public = public_sector_of("switzerland", kind, True, level)
    assert public.information_laws == () and public.audit_office == "" and public.unrecorded


def test_a_states_law_binds_its_own_and_local_bodies_but_not_a_federal_one():
    province = public_sector_of("ontario", "government_department", True)
    assert province.information_laws == ("the Freedom of Information and Protection of Privacy Act (Ontario)",)
    town = public_sector_of("ontario", "local_authority", True)
    assert town.information_laws == ("the Municipal Freedom of Information and Protection of Privacy Act (Ontario)",)
    federal = public_sector_of("ontario", "government_department", True, "national")
    assert federal.information_laws == () and federal.unrecorded
    assert public_sector_of("scotland", "government_department", True, "national").information_laws == ()
    assert "Scotland" in public_sector_of("scotland", "government_department", True).information_laws[0]


def test_singapore_has_no_information_statute_and_names_no_auditor_for_a_statutory_board():
    ministry = public_sector_of("singapore", "government_department", True)
    assert ministry.no_information_statute and ministry.information_laws == () and ministry.information_code == ""
    assert ministry.audit_office == "the Auditor-General"
    board = public_sector_of("singapore", "statutory_body", True)
    assert board.no_information_statute and board.audit_office == ""


def test_hong_kongs_access_code_binds_bureaux_not_statutory_bodies():
    bureau = public_sector_of("hong-kong", "government_department", True)
    assert bureau.no_information_statute and bureau.information_code == "the Code on Access to Information"
    assert public_sector_of("hong-kong", "statutory_body", True).information_code == ""
    assert public_sector_of("hong-kong", "health_body", True).information_code == ""


def test_a_unitary_laws_information_act_reaches_every_level():
    for level in (None, "regional", "local"):
        assert public_sector_of("netherlands", "government_department", True, level).information_laws
    assert public_sector_of("england-and-wales", "local_authority", True).audit_office.startswith("the local auditor")
