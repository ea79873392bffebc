"""The provisions a lawyer adds to every first draft: present by default,
driven by the deal's commercial options, and each a `coverage` item."""

from __future__ import annotations

import pytest

from tests.helpers import FIXTURES, REFERENCE, SAMPLES
from tests.terms import contract_text, coverage_status, overlaid

ALL_OPTIONS = FIXTURES / "deals" / "overlays" / "all-options.yaml"


@pytest.fixture(scope="module")
def reference_text():
    return contract_text(REFERENCE)


@pytest.fixture(scope="module")
def options(tmp_path_factory):
    path = overlaid(REFERENCE, ALL_OPTIONS, tmp_path_factory.mktemp("options"))
    return {"text": contract_text(path), "coverage": coverage_status(path)}


def test_every_first_draft_has_the_boilerplate_a_lawyer_expects(reference_text):
    for heading in (
        "Non-Solicitation",
        "Conflicts of Interest",
        "Test Data and Non-Production Environments",
        "Step-In Rights",
        "Publicity",
        "Language",
        "Rights and Remedies",
        "Further Assurance",
        "Costs",
    ):
        assert heading in reference_text, heading
    assert "for 12 months after it ends, neither Party will" in reference_text
    assert "no later than 3 months after it started" in reference_text
    assert (
        "This Agreement is made in English. If it is translated into another language, the English text prevails"
        in reference_text
    )


def test_options_that_are_off_by_default_leave_no_trace(reference_text):
    for absent in ("Benchmark", "Escrow", "Guarantor"):
        assert absent not in reference_text, absent
    # the process agent is not an option: the Indian supplier before the English courts needs one, left blank
    assert "irrevocably appoints [●], of [●] (an address in the United Kingdom)" in reference_text


def test_each_commercial_option_reaches_the_contract(options):
    text = options["text"]
    assert "for 9 months after it ends, neither Party will" in text
    assert "no later than 2 months after it started" in text
    assert "no earlier than 18 months after the Effective Date and then no more often than every two years" in text
    assert "more than 7.5% above the average charges for Comparable Services" in text
    assert (
        "Escrow Agent means Ledgerhold Escrow Limited" in text
        or "Escrow Agent: Ledgerhold Escrow Limited" in text
        or "Ledgerhold Escrow Limited, or any other escrow agent" in text
    )
    assert "update the deposit twice a year" in text
    assert (
        "irrevocably appoints Apex Digital (UK) Limited, of 40 Bank Street, London E14 5NR, United Kingdom, as its agent"
        in text
    )
    assert (
        "It has been translated into Hindi and Polish. If the English text and a translation differ, the English text prevails."
        in text
    )


def test_the_new_items_are_covered_when_the_deal_needs_them(options):
    status = options["coverage"]
    for item in (
        "non-solicitation",
        "conflicts-of-interest",
        "benchmarking",
        "step-in",
        "escrow",
        "publicity",
        "prevailing-language",
        "cumulative-remedies",
        "further-assurance",
        "costs",
        "process-agent",
        "test-data",
        "parent-company-guarantee",
        "employees-entry",
        "employees-exit",
        "anti-corruption",
        "modern-slavery",
        "tax-evasion-facilitation",
        "sanctions",
        "third-party-rights",
        "data-breach-indemnity",
    ):
        assert status[item] == "covered", item


def test_step_in_can_be_switched_off(tmp_path):
    overlay = tmp_path / "no-step-in.yaml"
    overlay.write_text("step_in: false\nemployees: {non_solicitation: null}\n", encoding="utf-8")
    path = overlaid(REFERENCE, overlay, tmp_path)
    text = contract_text(path)
    assert "Step-In" not in text and "Non-Solicitation" not in text
    status = coverage_status(path)
    assert status["step-in"] == "not needed" and status["non-solicitation"] == "not needed"


def test_a_guarantor_gets_a_clause_and_the_form_of_guarantee(options):
    text = options["text"]
    assert (
        "Guarantor means Apex Digital Holdings Limited (company number L72200MH1995PLC091234), of 7 Nariman Point"
        in text
        or "Apex Digital Holdings Limited, a company incorporated in India (company number L72200MH1995PLC091234), of 7 Nariman Point, Mumbai 400021, India"
        in text
    )
    assert "Form of Parent Company Guarantee" in text
    assert "The Guarantor irrevocably appoints Apex Digital (UK) Limited" in text


@pytest.fixture(scope="module")
def us_text():
    return contract_text(SAMPLES / "onshore-us-hipaa.yaml")


@pytest.fixture(scope="module")
def irish_text():
    return contract_text(SAMPLES / "nearshore-eur.yaml")


def test_employees_on_entry_and_exit_under_tupe_in_the_uk_bank_deal(reference_text):
    # the law of each place of work: TUPE for the client's staff in Great Britain, Polish law for the Kraków centre
    assert (
        "“Employment Regulations” means the laws of the places where the employees concerned work under which "
        "employment passes to a new employer when an activity moves or a service provider changes, namely the "
        "Transfer of Undertakings (Protection of Employment) Regulations 2006 (SI 2006/246) and Article 23¹ of the "
        "Polish Labour Code"
    ) in reference_text
    assert "The Parties do not expect the start of the Services to transfer the employment" in reference_text
    assert "will indemnify the Client and each Successor against all Employee Liabilities" in reference_text


def test_a_transfer_on_entry_allocates_liabilities_before_and_after_the_transfer_date(options):
    text = options["text"]
    assert "The Parties agree that the start of the Services will transfer to the Supplier" in text
    assert "apportioned on a time basis" in text


def test_the_irish_deal_names_the_irish_transfer_regulations(irish_text):
    assert "S.I. No. 131 of 2003" in irish_text
    assert (
        "TUPE" not in irish_text
        and "Transfer of Undertakings (Protection of Employment) Regulations 2006" not in irish_text
    )
    assert "Criminal Justice (Corruption Offences) Act 2018" in irish_text
    assert "Bribery Act" not in irish_text and "Contracts (Rights of Third Parties) Act" not in irish_text


def test_the_us_deal_hires_rather_than_transfers_and_names_the_fcpa(us_text):
    assert "Employment Regulations" not in us_text
    assert "may offer employment to any employee of the Provider" in us_text
    assert "Foreign Corrupt Practices Act of 1977" in us_text
    assert "anything of value to a government official" in us_text
    assert "for the sole benefit of the Parties and their permitted successors and assigns" in us_text
    for english in (
        "Bribery Act",
        "Modern Slavery Act",
        "Criminal Finances Act",
        "Contracts (Rights of Third Parties) Act",
    ):
        assert english not in us_text, english


def test_uk_compliance_covenants_name_the_uk_acts(reference_text):
    assert "adequate procedures, within the meaning of section 7(2) of the Bribery Act 2010" in reference_text
    assert "as those terms are used in the Modern Slavery Act 2015" in reference_text
    assert "an offence under section 45 or 46 of the Criminal Finances Act 2017" in reference_text
    assert "no right under the Contracts (Rights of Third Parties) Act 1999" in reference_text


def test_data_breach_and_business_associate_indemnities(reference_text, us_text):
    assert (
        "Data Protection Indemnity" in reference_text
        and "including any Personal Data Breach caused by such a breach" in reference_text
    )
    assert (
        "of the Business Associate Agreement" in us_text
        and "breach of unsecured Protected Health Information" in us_text
    )
