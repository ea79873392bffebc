"""Blockers of the independent legal review of the samples (docs/reviews), each held by its sample's text."""

from __future__ import annotations

import re

from contractgen.templating.spelling import WORDS, load_spelling, table_problems
from tests.helpers import REFERENCE, ROOT, SAMPLES, TEMPLATE, write_file
from tests.terms import contract_text, overlaid

SPELLING = load_spelling(TEMPLATE)


def library_words() -> list[str]:
    """Every word written in a clause of the library, lower case."""
    return [
        w.lower() for path in (ROOT / "clauses").rglob("v*.md") for w in WORDS.findall(path.read_text(encoding="utf-8"))
    ]


# 6. US spelling: a stem swaps only its British ending, and no respelt word comes out garbled


def test_modernise_is_respelt_modernize():
    assert SPELLING.us("modernise") == "modernize"
    assert SPELLING.us("modernisation") == "modernization"


def test_the_spelling_table_has_no_garbling_stem():
    assert table_problems(SPELLING, library_words()) == []


def test_a_stem_that_keeps_its_ending_is_reported():
    from contractgen.templating.spelling import Spelling

    bad = Spelling((("moderni", "moderniz"),), {}, frozenset())
    problems = table_problems(bad, ["modernise"])
    assert any("moderni: moderniz" in p for p in problems)
    assert any("'modernise' is respelt 'modernizse'" in p for p in problems)


# 1. The general cap reads right with and without a floor; data-protection liability is never ambiguous


def test_scots_charity_cap_has_a_floor_and_data_protection_has_its_own_express_cap():
    text = contract_text(SAMPLES / "uk-charity-minimal.yaml")
    assert "will not exceed the greater of £19,800.00 and the Charges paid and payable for that Contract Year" in text
    unlimited = text.split("Nothing in this Agreement limits or excludes either Party's liability for:")[1].split(
        "Subject to"
    )[0]
    # a deal with no liability section: a proportionate cap for the Data Protection Obligations, stated once
    assert "(the Data Protection Obligations)" not in unlimited
    assert (
        "Kelvin's total liability for breach of its obligations under this Agreement relating to Personal Data" in text
    )
    assert "This limit is separate from, and in addition to, the limit in clause" in text


def test_a_cap_with_no_floor_is_one_amount(tmp_path):
    overlay = write_file(
        tmp_path / "tm.yaml",
        "commercials: {pricing_model: time and materials, monthly_charges: null,\n"
        "  rate_card: [{role: Support Engineer, day_rate: £600}]}\n",
    )
    text = contract_text(overlaid(SAMPLES / "uk-charity-minimal.yaml", overlay, tmp_path))
    assert "will not exceed the Charges paid and payable for that Contract Year" in text
    assert not re.search(r"the greater of (of )?the Charges", text)


def test_a_data_protection_cap_takes_the_obligations_out_of_the_unlimited_list():
    text = contract_text(REFERENCE)
    unlimited = text.split("Nothing in this Agreement limits or excludes either Party's liability for:")[1].split(
        "Subject to"
    )[0]
    assert "except to the extent that the breach is also a breach of the Data Protection Obligations" in unlimited
    assert "relating to personal information" not in unlimited
    assert re.search(
        r"\(the Data Protection Obligations\), for all events in a Contract Year, will not exceed the greater of", text
    )


# 3. California: judicial reference instead of an unenforceable pre-dispute jury waiver


def test_california_refers_disputes_to_a_referee_instead_of_waiving_a_jury():
    text = contract_text(SAMPLES / "us-saas-mexico.yaml")
    assert "Judicial Reference" in text
    assert "referred to a referee under section 638 of the California Code of Civil Procedure" in text
    assert "judgment will be entered under section 644(a) of the California Code of Civil Procedure" in text
    assert "Waiver of Jury Trial" not in text and "waives any right it may have to a trial by jury" not in text


def test_the_choice_comes_from_the_jurisdiction_record():
    from contractgen.law.jurisdictions import law_of

    assert law_of("California").jury_trial == "judicial_reference"
    assert law_of("New York").jury_trial == ""
    outline = (TEMPLATE / "outline.yaml").read_text(encoding="utf-8")
    assert "{id: judicial-reference, when: 'law.jury_trial == \"judicial_reference\"'}" in outline


# 4. A sector rule's short deadline sets the notice period in the clauses themselves; US late-payment interest


def test_new_york_hospital_security_and_ba_notices_are_24_hours():
    text = contract_text(SAMPLES / "onshore-us-hipaa.yaml")
    assert (
        "notify the Health System of any Security Incident without undue delay and in any event within 24 hours" in text
    )
    assert "without unreasonable delay and in any event within 24 hours after discovery:" in text
    assert "within 10 Business Days after becoming aware" not in text
    assert "within 10 Business Days after discovery" not in text
    assert "| Reporting period | 10 Business Days" not in text


def test_without_a_short_sector_deadline_the_deals_own_period_stays(tmp_path):
    overlay = write_file(tmp_path / "noreg.yaml", "regulatory: []\n")
    text = contract_text(overlaid(SAMPLES / "onshore-us-hipaa.yaml", overlay, tmp_path))
    assert "within 10 Business Days after discovery:" in text


def test_us_late_payment_interest_states_a_rate():
    text = contract_text(SAMPLES / "onshore-us-hipaa.yaml")
    assert (
        "at 1% per month (equivalent to 12% per year) or, if lower, the highest rate that Applicable Law permits"
        in text
    )
    assert "late commercial payments under the law governing this Agreement" not in text


def test_a_deal_sets_its_own_late_payment_rate(tmp_path):
    overlay = write_file(tmp_path / "rate.yaml", "commercials: {late_payment_interest: 1.5}\n")
    text = contract_text(overlaid(SAMPLES / "us-saas-mexico.yaml", overlay, tmp_path))
    assert (
        "at 1.5% per month (equivalent to 18% per year) or, if lower, the highest rate that Applicable Law permits"
        in text
    )


# 5. Charges start also in a deal without a transition


def test_without_a_transition_charges_start_on_the_effective_date():
    text = contract_text(SAMPLES / "uk-charity-minimal.yaml")  # the charity's supplier has nothing to take over
    assert "“Service Commencement Date” means the Effective Date." in text
    assert (
        "No Charges for a Service accrue before its Service Commencement Date, and Kelvin will provide every Service from that date."
        in text
    )
    assert "readiness criteria" not in text and "the Transition" not in text


def test_without_a_transition_a_deal_may_state_the_start_date(tmp_path):
    overlay = write_file(tmp_path / "start.yaml", "scope: {transition: false, service_commencement: 2027-02-01}\n")
    text = contract_text(overlaid(SAMPLES / "uk-charity-minimal.yaml", overlay, tmp_path))
    assert "“Service Commencement Date” means 1 February 2027." in text


def test_with_a_transition_charges_start_when_responsibility_passes(tmp_path):
    overlay = write_file(tmp_path / "tr.yaml", "scope: {transition: true}\n")  # the sample itself has none
    text = contract_text(overlaid(SAMPLES / "uk-charity-minimal.yaml", overlay, tmp_path))
    assert (
        "“Service Commencement Date” means for each Service, the date on which responsibility for it passes to Kelvin under clause"
        in text
    )


def test_a_transition_charge_without_a_transition_is_refused(tmp_path):
    import pytest
    from contractgen.deal import load_deal
    from contractgen.errors import DealError

    overlay = write_file(tmp_path / "bad.yaml", "scope: {transition: false}\ncommercials: {transition_charges: 5000}\n")
    with pytest.raises(DealError, match="transition_charges"):
        load_deal(overlaid(SAMPLES / "uk-charity-minimal.yaml", overlay, tmp_path))


# 2. Scots execution: witnessed, self-proving signature blocks, dated by delivery, not by a printed date


def scots_document():
    from contractgen.deal import load_deal
    from contractgen.pipeline import Workspace, build_document

    return build_document(load_deal(SAMPLES / "uk-charity-minimal.yaml"), Workspace()).document


def test_scots_signature_page_has_witness_lines_and_a_testing_clause():
    text = contract_text(SAMPLES / "uk-charity-minimal.yaml")
    page = text.split("Counterparts and Execution")[-1]
    assert (
        "in the presence of the witness named below (or by a qualified electronic signature), in accordance with the Requirements of Writing (Scotland) Act 1995"
        in page
    )
    assert (
        "takes effect when it is delivered under the Legal Writings (Counterparts and Delivery) (Scotland) Act 2015"
        in page
    )
    for line in (
        "Place of signing",
        "Date of signing",
        "Signature of witness",
        "Full name of witness",
        "Address of witness",
    ):
        assert page.count(line) == 2, line  # one block per Party
    assert "entered into on the date stated at the beginning of it" not in text
    assert "Dated 1 January 2027" not in text and text.startswith("Effective Date: 1 January 2027")
    assert "by the qualified electronic signature of such a signatory" in text
    assert "advanced electronic signature" not in text
    assert "The date of delivery does not change the Effective Date" in text


def test_scots_pdf_layout_prints_the_same_execution_wording():
    from contractgen.writers.pdf.html import render_html

    html = render_html(scots_document(), TEMPLATE)
    assert '<p class="cover-kicker">Effective Date: 1 January 2027</p>' in html
    assert '<tr class="sign-here"><th>Signature of witness</th>' in html
    assert html.count("Address of witness") == 2
    assert "Requirements of Writing (Scotland) Act 1995" in html
    assert "entered into on the date stated" not in html


def test_other_laws_keep_the_ordinary_signature_page():
    text = contract_text(REFERENCE)
    assert "This Agreement has been entered into on the date stated at the beginning of it." in text
    assert "witness" not in text.split("Signed for and on behalf of")[-1].split("Schedule 1")[0].lower()


def test_every_short_reporting_deadline_gives_the_supplier_a_shorter_notice():
    from contractgen.law.sector import load_sector_regimes

    for key, regime in load_sector_regimes().items():
        if regime.report_within is not None:
            assert regime.supplier_notice is not None and regime.supplier_notice < regime.report_within, key


def test_without_a_data_protection_cap_the_indemnity_counts_towards_no_such_limit():
    text = contract_text(SAMPLES / "uk-charity-minimal.yaml")
    assert "counts towards the limit that applies to the Data Protection Obligations" not in text
    # the charity now has the default security terms, so a suspected Security Incident joins the list
    assert "the Trust reasonably suspects fraud, a material breach of this Agreement or a Security Incident." in text
