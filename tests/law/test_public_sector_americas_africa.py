"""Which recorded public-sector law reaches which public body under the laws of the Americas, Africa and the Gulf:
a state's laws and its auditor for the state's bodies, a federal auditor for federal bodies only, and nothing the
record does not know for a body of another level."""

from __future__ import annotations

import pytest

from contractgen.law.public_sector import public_sector_of


@pytest.mark.parametrize("state", ["texas", "illinois", "massachusetts", "delaware", "alberta", "quebec"])
def test_a_local_body_keeps_the_state_access_law_but_not_the_state_auditor(state):
    agency, city = (public_sector_of(state, kind, True) for kind in ("agency", "local_authority"))
    assert agency.information_laws and agency.audit_office and agency.level == "regional"
    assert city.information_laws == agency.information_laws and city.audit_office == ""


def test_a_washington_county_keeps_the_state_auditor_who_examines_local_governments():
    assert public_sector_of("washington", "local_authority", True).audit_office == "the Washington State Auditor"


def test_a_federal_body_under_a_state_law_gets_none_of_the_state_law():
    federal = public_sector_of("texas", "agency", True, "national")
    assert federal.unrecorded and not federal.information_laws and not federal.audit_office


@pytest.mark.parametrize(("law", "statute"), [("brazil", "Law No. 12,527"), ("mexico", "General Law on Transparency")])
def test_a_brazilian_or_mexican_state_body_gets_the_national_access_law_but_not_the_federal_auditor(law, statute):
    state = public_sector_of(law, "agency", True, "regional")
    assert statute in state.information_laws[0] and state.audit_office == "" and state.unrecorded  # auditor asked for


def test_an_argentine_province_gets_the_note_not_the_national_law():
    province = public_sector_of("argentina", "government_department", True, "regional")
    assert province.unrecorded and not province.information_laws and not province.audit_office


@pytest.mark.parametrize("kind", ["statutory_body", "agency"])
def test_a_nigerian_federal_statutory_body_is_not_audited_by_the_auditor_general(kind):
    body = public_sector_of("nigeria", kind, True)
    assert body.information_laws == ("the Freedom of Information Act, 2011",) and body.audit_office == ""
    assert public_sector_of("nigeria", "government_department", True).audit_office


def test_a_moroccan_commune_is_examined_by_a_regional_court_of_accounts():
    assert "regional court of accounts" in public_sector_of("morocco", "local_authority", True).audit_office


def test_procurement_termination_grounds_where_the_record_has_them():
    assert (
        public_sector_of("brazil", "agency", True).termination_grounds
        == "Article 137 of Law No. 14,133 of 1 April 2021"
    )
    assert (
        public_sector_of("colombia", "government_department", True).termination_grounds
        == "Article 17 of Law 80 of 1993"
    )


def test_saudi_arabia_gives_access_under_an_administrative_policy_not_a_statute():
    saudi = public_sector_of("saudi-arabia", "government_department", True)
    assert saudi.information_code and not saudi.information_laws and not saudi.no_information_statute
