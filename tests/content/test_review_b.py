"""Fixes from the independent legal review of the rendered samples, stated as text a lawyer checks."""

from __future__ import annotations

from functools import lru_cache

import pytest

from tests.helpers import SAMPLES
from tests.terms import contract_text


@lru_cache(maxsize=None)
def text(sample: str) -> str:
    return contract_text(SAMPLES / f"{sample}.yaml")


# Item 2: data location means every place of processing, not the Delivery Centres alone.
@pytest.mark.parametrize(
    "sample, heading",
    [
        ("deal-example", "Location and security of data (SS2/21 chapters 6 and 7)."),
        ("ca-insurer-us-cloud", "Security and location of data."),
        ("ch-bank-portugal", "Access to data from Switzerland."),
    ],
)
def test_regulatory_data_location_covers_every_place_of_processing(sample, heading):
    body = text(sample)
    paragraph = body[body.index(heading) :][:1200]
    assert "only in the locations listed in clause" not in paragraph
    assert "the Delivery Centres listed in clause" in paragraph
    assert "the locations of the Sub-processors engaged under clause" in paragraph
    assert "the locations of the Subcontractors engaged under clause" in paragraph
    assert "data residency countries listed in Schedule" in paragraph


# Item 1: one sub-processor approval model, chosen by subprocessors.approval, in both clauses.
def test_prior_written_consent_is_one_model_in_data_protection_and_subcontracting():
    body = text("deal-example")
    assert (
        "The Supplier will not engage a Sub-processor, or replace one, without the Client's prior consent to that "
        "Sub-processor, given in writing or by not objecting within the period this paragraph sets" in body
    )
    assert "without the Client's prior written consent to the proposed Subcontractor" in body
    assert "one consent serves both clauses" in body
    assert "general written authorisation" not in body
    assert "does not object within that period" not in body


def test_general_authorisation_is_one_model_in_data_protection_and_subcontracting():
    body = text("ca-insurer-us-cloud")
    assert "The Insurer gives the Provider general written authorisation to engage Sub-processors" in body
    assert "general written authorisation to subcontract the performance of parts of the Services" in body
    assert "If the Insurer does not object within that period, the Subcontractor is authorised." in body
    assert "prior written consent to the proposed Subcontractor" not in body


@pytest.mark.parametrize(
    "change, words",
    [
        ("approval: general authorisation\n", "is required when approval is 'general authorisation'"),
    ],
)
def test_an_approval_that_contradicts_the_objection_period_is_refused(tmp_path, change, words):
    from contractgen.deal import load_deal
    from contractgen.errors import DealError
    from tests.helpers import REFERENCE

    source = REFERENCE.read_text(encoding="utf-8")
    if "general" in change:
        source = source.replace("approval: prior written consent\n", change).replace(
            "    objection_period: 30 days\n", ""
        )
    else:
        source = source.replace("approval: prior written consent\n", change + "    objection_period: 30 days\n")
    deal = tmp_path / "deal.yaml"
    deal.write_text(source, encoding="utf-8")
    with pytest.raises(DealError, match="objection_period") as caught:
        load_deal(deal)
    assert words in str(caught.value)


# Item 6: the survival list names every clause with continuing effect, by cross-reference.
def clause_number(body: str, title: str) -> str:
    import re

    return re.search(r"(\d+) ?" + re.escape(title), body).group(1)


@pytest.mark.parametrize(
    "sample, titles",
    [
        (
            "deal-example",
            [
                "Employees on Entry and Exit",
                "Non-Solicitation",
                "Data Protection",
                "Personal Data Breaches",
                "Data Protection Indemnity",
                "Confidentiality",
                "Exit Management",
                "Notices",
                "Governing Law",
            ],
        ),
        (
            "onshore-us-hipaa",
            [
                "Employees on Entry and Exit",
                "Non-Solicitation",
                "Business Associate Terms",
                "Waiver of Jury Trial",
                "Governing Law",
            ],
        ),
    ],
)
def test_the_survival_list_names_every_clause_with_continuing_effect(sample, titles):
    body = text(sample)
    survival = body[body.index("The following clauses continue in force") :][:900]
    survival = survival[: survival.index(".", survival.index("this clause")) + 1]
    for title in titles:
        assert (
            f"clause {clause_number(body, title)}," in survival
            or f"clause {clause_number(body, title)} " in survival
            or f"clause {clause_number(body, title)}." in survival
        ), title


# Item 3: employees on exit, one allocation; civil-law information and objection instead of offer and dismissal.
def test_the_exit_schedule_leaves_employee_liabilities_to_the_employees_clause():
    body = text("deal-example")
    assert "Each Party will be responsible for its own employees' costs and liabilities" not in body
    assert "are allocated between the Parties by clause" in body
    assert "unfair or wrongful dismissal, redundancy" in body  # English law keeps the TUPE vocabulary


def test_german_law_informs_employees_and_lets_them_object_instead_of_dismissal():
    # The client's staff work in Germany (section 613a BGB on entry); the supplier's staff work in Wrocław, where
    # Polish law decides their transfer on exit (tests/content/test_staff_transfer_place.py).
    body = text("de-manufacturer-poland")
    assert "whether the person objects to the transfer under section 613a(6) of the German Civil Code" in body
    assert "which section 613a(4) of the German Civil Code does not permit" in body
    assert "Article 23¹ of the Polish Labour Code" in body
    assert "ends that employment within 20 Business Days" not in body
    assert "unfair or wrongful dismissal" not in body and "redundancy" not in body


def test_swiss_law_uses_the_code_of_obligations_transfer_rules():
    # The bank's staff work in Switzerland (Art. 333 OR on entry); the supplier's staff work in Lisbon, where
    # Portuguese law decides their transfer on exit, so no Swiss joint liability is claimed for them.
    body = text("ch-bank-portugal")
    assert "whether the person refuses the transfer under Article 333(1) of the Swiss Code of Obligations" in body
    assert "Articles 285 to 287 of the Portuguese Labour Code" in body
    assert "Article 333(3) of the Swiss Code of Obligations makes" not in body
    assert "ends that employment within 20 Business Days" not in body
    assert "unfair or wrongful dismissal" not in body


# Item 4: no English exclusion of implied terms under civil law; the client's statutory defect rights stay.
def test_civil_law_warranties_keep_the_statutory_defect_rights():
    german = text("de-manufacturer-poland")
    assert "implied by statute or common law are excluded" not in german
    assert (
        "This clause does not exclude or limit the rights that the law governing this Agreement gives the Customer"
        in german
    )
    assert "subsequent performance" in german
    assert "implied by statute or common law are excluded" not in text("ch-bank-portugal")
    assert "in addition to the terms implied by statute or common law in the Client's favour" in text("deal-example")


# Item 5: Swiss law's own liability model and banking secrecy for a FINMA-regulated bank.
def test_swiss_liability_follows_the_code_of_obligations_not_the_german_model():
    body = text("ch-bank-portugal")
    liability = body[body.index("Each Party is liable without limitation") :]
    liability = liability[: liability.index("contributory fault")]
    assert "Article 100(1) of the Swiss Code of Obligations does not allow to be excluded" in liability
    assert "(Article 101 of the Swiss Code of Obligations)" in liability
    assert "injury to life, body or health" not in liability
    assert "material obligation" not in liability and "typically foreseeable" not in liability


def test_a_finma_bank_deal_has_a_banking_secrecy_clause():
    from tests.terms import coverage_status

    body = text("ch-bank-portugal")
    assert "bound by banking secrecy under Article 47 of the Banking Act" in body
    assert "only through Swiss administrative or judicial assistance" in body
    assert coverage_status(SAMPLES / "ch-bank-portugal.yaml")["ch-banking-secrecy"] == "covered"
    assert "Banking Secrecy" not in text("deal-example")


# Item 7: the privacy regime's own words, and the defined term Regulator where the deal defines it.
def test_a_uk_gdpr_deal_uses_its_regime_words_and_the_defined_term_regulator():
    body = text("deal-example")
    assert "of notifying data subjects and the Information Commissioner" in body
    assert "supervisory authorities" not in body
    assert "“Client Data” means all data, including any Personal Data," in body
    assert "any Regulator (each an auditor)" in body
    assert "a Regulator requires the Client to terminate this Agreement" in body
    assert "any regulator with authority over the Client" not in body
    assert "the Client's regulators" not in body


def test_without_sector_regulation_regulator_stays_a_general_word():
    body = text("uk-charity-minimal")
    assert "Regulator" not in body.replace("Regulatory", "")


def test_regulatory_sub_outsourcing_follows_the_deals_approval_model():
    insurer = text("ca-insurer-us-cloud")
    assert "prior written approval. A material part of the Services is" in insurer
    assert "This is an exception to the notice and objection procedure in clause" in insurer
    bank = text("deal-example")
    assert "prior written approval under clause" in bank
    assert "may refuse its approval or, if the Supplier proceeds without it, terminate this Agreement" in bank
    assert "proceeds despite its objection" not in bank


def test_liability_clause_uses_personal_data_and_the_regimes_authority():
    body = text("deal-example")
    assert "personal information" not in body
    assert "obligations relating to Personal Data and information security" in body
    assert "notifying the Information Commissioner and notifying and compensating affected individuals" in body
