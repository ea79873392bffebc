"""House style in the rendered samples, as a law firm's drafts write it: percentages as '75%', numerals with
'Business Days', defined terms with their capitals, a draft dated '[●]' with a legend."""

from __future__ import annotations

import re

import pytest

from tests.helpers import REFERENCE, SAMPLES, write_file
from tests.terms import contract_text, overlaid

LEGEND = "Draft for discussion only."


@pytest.fixture(scope="module")
def texts():
    return {
        name: contract_text(path)
        for name, path in (
            ("draft", REFERENCE),
            ("us", SAMPLES / "onshore-us-hipaa.yaml"),
            ("final", SAMPLES / "nearshore-eur.yaml"),
        )
    }


def test_a_draft_is_dated_blank_with_a_legend(texts):
    text = texts["draft"]  # deal-example.yaml: contract.draft: true
    assert text.startswith("DRAFT " + LEGEND)
    assert "Dated [●]" in text
    assert "Dated 1 February 2027" not in text
    assert "comes into force on 1 February 2027" in text  # the effective date is still a term of the deal


def test_a_final_contract_is_dated_and_has_no_legend(texts):
    text = texts["final"]  # nearshore-eur.yaml: contract.draft: false
    assert text.startswith("Dated 1 September 2026")
    # the only blanks are the process agent's name and address (the Polish supplier before the Irish courts names
    # none), which the final contract's build warning asks for
    blanks = "irrevocably appoints [●], of [●] (an address in Ireland)"
    assert LEGEND not in text and "[●]" not in text.replace(blanks, "")


def test_the_draft_flag_decides_the_date(tmp_path):
    overlay = write_file(tmp_path / "final.yaml", "contract: {draft: false}\n")
    text = contract_text(overlaid(REFERENCE, overlay, tmp_path))
    assert text.startswith("Dated 1 February 2027") and LEGEND not in text


def test_percentages_in_one_form(texts):
    for text in texts.values():
        assert not re.search(r"\d\s+%", text)
        assert not re.search(r"\b(?:per cent|percent)\b", text)
    assert "at least 75% of contacts" in texts["draft"]  # the deal wrote "75 %"


def test_numbers_of_days_in_numerals_with_the_defined_term(texts):
    for text in texts.values():
        assert not re.search(r"\b(?:two|three|five|ten|thirty) (?:business days|Business Days|days|months)\b", text)
        assert "business day" not in text
    assert "within 10 Business Days" in texts["draft"]


def test_defined_terms_keep_their_capitals(texts):
    for phrase in ("delivery centres", "exit assistance", "key personnel", "acceptance criteria"):
        assert phrase not in texts["draft"], phrase


def test_a_signed_deal_is_final_whatever_the_draft_flag(tmp_path):
    overlay = write_file(tmp_path / "signed.yaml", "status: signed\n")
    text = contract_text(overlaid(REFERENCE, overlay, tmp_path))  # deal-example.yaml says draft: true
    assert text.startswith("Dated 1 February 2027") and LEGEND not in text


def test_a_deal_under_negotiation_is_a_draft(tmp_path):
    overlay = write_file(tmp_path / "negotiating.yaml", "status: negotiating\ncontract: {draft: false}\n")
    text = contract_text(overlaid(SAMPLES / "nearshore-eur.yaml", overlay, tmp_path))
    assert "Dated [●]" in text and LEGEND in text
