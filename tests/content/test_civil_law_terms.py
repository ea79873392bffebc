"""Dutch, French, German and Swiss contracts in their own law's terms, with no common-law residue:
stated on the rendered text of the samples and of a French-law overlay, as a lawyer would check them."""

from __future__ import annotations

import pytest

from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid

OVERLAYS = FIXTURES / "deals" / "overlays"
COMMON_LAW_RESIDUE = (
    "material breach of this Agreement that cannot be remedied",
    "not a penalty",
    "inconvenient forum",
)


@pytest.fixture(scope="module")
def dutch():
    return contract_text(SAMPLES / "nl-fintech-uk-soc.yaml")


@pytest.fixture(scope="module")
def german():
    return contract_text(SAMPLES / "de-manufacturer-poland.yaml")


@pytest.fixture(scope="module")
def swiss():
    return contract_text(SAMPLES / "ch-bank-portugal.yaml")


@pytest.fixture(scope="module")
def french(tmp_path_factory):
    return contract_text(
        overlaid(SAMPLES / "nearshore-eur.yaml", OVERLAYS / "french-law.yaml", tmp_path_factory.mktemp("fr"))
    )


@pytest.mark.parametrize("name", ["dutch", "german", "swiss", "french"])
def test_no_common_law_residue_in_a_civil_law_contract(request, name):
    text = request.getfixturevalue(name)
    assert [phrase for phrase in COMMON_LAW_RESIDUE if phrase in text] == []


def test_the_common_law_keeps_its_own_terms():
    text = contract_text(SAMPLES / "deal-example.yaml")
    assert "material breach of this Agreement that cannot be remedied" in text and "inconvenient forum" in text


def test_dutch_liability_and_termination_are_dutch_not_german(dutch):
    assert "opzet of bewuste roekeloosheid" in dutch and "leidinggevenden" in dutch
    assert "Article 6:248(2) of the Dutch Civil Code" in dutch
    assert "fraudulently concealed" not in dutch
    assert "whose performance is essential to the proper performance" not in dutch  # the German Kardinalpflicht
    assert "cannot be excluded or restricted" not in dutch  # section 314 BGB
    assert "ontbinden" in dutch and "Article 6:265 of the Dutch Civil Code" in dutch
    assert "notice of default (ingebrekestelling) that sets a reasonable period" in dutch
    assert "without a notice of default (ingebrekestelling) being required" in dutch  # the Chronic Failure
    assert "penalty clause (boetebeding) within the meaning of Article 6:91" in dutch
    assert "departing from Article 6:92(2)" in dutch


def test_french_contract_cites_the_civil_and_commercial_codes(french):
    for article in (
        "Article 1231-3 of the French Civil Code",
        "Article 1170 of the French Civil Code",
        "Article 1224 of the French Civil Code",
        "Article 1225 of the French Civil Code",
        "Article 1226 of the French Civil Code",
        "Article 1195 of the French Civil Code",
        "Article L. 442-1 II of the French Commercial Code",
    ):
        assert article in french, article
    assert "mise en demeure" in french and "clause résolutoire" in french
    assert "fraudulently concealed" not in french and "section 314" not in french


def test_german_contract_keeps_german_doctrine(german):
    assert "section 314 of the German Civil Code" in german and "cannot be excluded or restricted" in german
    assert "fraudulently concealed (arglistig verschwiegen)" in german
    assert "Vertragsstrafe" in german


def test_swiss_contract_states_the_mandatory_right_to_terminate_a_mandate(swiss):
    assert "Article 404 of the Swiss Code of Obligations lets either Party terminate it at any time" in swiss
    assert "Article 404(2) of the Swiss Code of Obligations" in swiss
    assert "Konventionalstrafe" in swiss and "Article 161(2) of the Swiss Code of Obligations" in swiss


def test_one_time_limit_for_terminating_for_a_chronic_failure():
    text = contract_text(SAMPLES / "deal-example.yaml")
    assert "within 3 months after it becomes aware of the Chronic Failure" in text
    assert "right to terminate for a Chronic Failure must be exercised within a reasonable time" not in text
    assert "within the time stated in, clause" in text


def test_french_ip_assignment_and_late_payment_follow_the_codes(french):
    assert "Article L131-3 of the French Intellectual Property Code" in french
    assert "Article L131-6 of the French Intellectual Property Code" in french
    assert "known or unknown when this Agreement is made" not in french and "for any purpose" not in french
    assert "Article L441-10 of the French Commercial Code" in french and "40 euros" in french
    assert "Article D441-5 of the French Commercial Code" in french


def test_a_missing_guarantee_is_good_cause_under_german_law(tmp_path):
    text = contract_text(overlaid(SAMPLES / "de-manufacturer-poland.yaml", OVERLAYS / "all-options.yaml", tmp_path))
    assert (
        "or a replacement guarantee when required by this clause, is good cause for the Customer to terminate" in text
    )
    assert [phrase for phrase in COMMON_LAW_RESIDUE if phrase in text] == []
