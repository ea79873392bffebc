"""What a jurisdiction's law record brings to a public customer, by the kind of public body it is."""

from __future__ import annotations

import pytest

from contractgen.law.public_sector import public_sector_of


def test_a_german_federal_body_is_under_the_federal_information_act_and_audit_court():
    terms = public_sector_of("germany", "government_department", True)
    assert terms.information_laws == ("the Freedom of Information Act (Informationsfreiheitsgesetz)",)
    assert "Bundesrechnungshof" in terms.audit_office


def test_a_german_municipality_is_not_under_federal_information_law_or_the_federal_audit_court():
    terms = public_sector_of("germany", "local_authority", True)
    assert terms.information_laws == () and terms.audit_office == ""
    assert "section 133" in terms.termination_grounds  # procurement law reaches it all the same
    assert terms.applies


@pytest.mark.parametrize(
    ("law", "laws"),
    [
        ("new-zealand", ("the Local Government Official Information and Meetings Act 1987",)),
        (
            "england-and-wales",
            ("the Freedom of Information Act 2000", "the Environmental Information Regulations 2004"),
        ),
    ],
)
def test_a_local_authority_takes_the_local_laws_where_the_record_has_them_else_the_national_ones(law, laws):
    assert public_sector_of(law, "local_authority", True).information_laws == laws


def test_a_body_that_is_not_public_gets_nothing():
    assert not public_sector_of("germany", "charity", False).applies


def test_an_italian_public_body_may_withdraw_on_20_days_notice_paying_a_tenth_of_what_is_not_performed():
    withdrawal = public_sector_of("italy", "public_body", True).withdrawal
    assert withdrawal is not None
    assert withdrawal.law == "Article 123 of Legislative Decree No. 36 of 31 March 2023"
    assert (withdrawal.notice_days, withdrawal.unperformed) == (20, 10)
    assert public_sector_of("germany", "public_body", True).withdrawal is None


def test_a_swiss_federal_body_is_under_the_federal_act_and_a_commune_is_not():
    federal = public_sector_of("switzerland", "government_department", True)
    assert federal.information_laws == ("the Federal Act on Freedom of Information in the Administration (SR 152.3)",)
    assert federal.audit_office == "the Swiss Federal Audit Office"
    commune = public_sector_of("switzerland", "local_authority", True)
    assert commune.information_laws == () and commune.audit_office == "" and not commune.applies
