"""Payment terms and late-payment interest print as the deal writes them: days, a day of the following month, a yearly rate."""

from __future__ import annotations

import pytest

from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid

OVERLAYS = FIXTURES / "deals" / "overlays"


def test_days_after_receipt_print_as_before():
    text = contract_text(SAMPLES / "deal-example.yaml")
    assert "will pay each valid and undisputed invoice within 30 days of receiving it, by bank transfer" in text
    assert "will pay each correct and undisputed invoice within 30 days after receiving it." in text


@pytest.mark.parametrize(
    "overlay, invoicing, credits",
    [
        (
            "payment-end-of-following-month",
            "will pay each valid and undisputed invoice by the last day of the month following the month in which it receives the invoice, by bank transfer",
            "by the last day of the month following the month in which this Agreement ends.",
        ),
        (
            "payment-20th-of-following-month",
            "will pay each valid and undisputed invoice by the 20th day of the month following the month in which it receives the invoice, by bank transfer",
            "by the 20th day of the month following the month in which this Agreement ends.",
        ),
        (
            "payment-days-end-of-month",
            "will pay each valid and undisputed invoice by the last day of the month in which the period of 30 days after it receives the invoice ends, by bank transfer",
            "by the last day of the month in which the period of 30 days after the end of this Agreement ends.",
        ),
        (
            "payment-current-plus-days",
            "will pay each valid and undisputed invoice within 30 days after the end of the month in which it receives the invoice, by bank transfer",
            "within 30 days after the end of the month in which this Agreement ends.",
        ),
    ],
)
def test_a_day_of_the_following_month_prints_as_that_day(overlay, invoicing, credits, tmp_path):
    text = contract_text(overlaid(SAMPLES / "deal-example.yaml", OVERLAYS / f"{overlay}.yaml", tmp_path))
    assert invoicing in text
    schedule = invoicing.replace("valid and undisputed", "correct and undisputed").replace(", by bank transfer", ".")
    assert schedule in text  # the Charges schedule
    assert "Any Service Credit outstanding when this Agreement ends will be paid to" in text
    assert credits in text
    assert "within end of" not in text and "within 20th" not in text and "within 30 days end" not in text
    assert "within 30 days of receiving it" not in text


def test_a_yearly_interest_rate_prints_as_a_yearly_rate(tmp_path):
    text = contract_text(overlaid(SAMPLES / "onshore-us-hipaa.yaml", OVERLAYS / "interest-per-annum.yaml", tmp_path))
    assert "at 14.6% per year or, if lower, the highest rate that Applicable Law permits" in text
    assert "per month (equivalent to" not in text


def test_a_monthly_rate_stays_monthly():
    text = contract_text(SAMPLES / "onshore-us-hipaa.yaml")
    assert (
        "at 1% per month (equivalent to 12% per year) or, if lower, the highest rate that Applicable Law permits"
        in text
    )


def test_a_version_that_prints_a_monthly_rate_refuses_a_yearly_one(tmp_path):
    pinned = overlaid(SAMPLES / "onshore-us-hipaa.yaml", OVERLAYS / "interest-per-annum.yaml", tmp_path)
    (tmp_path / "pin.yaml").write_text("clauses: {pin: {invoicing: 5}}\n", encoding="utf-8")
    with pytest.raises(Exception, match="yearly rate and this clause version prints a rate per month"):
        contract_text(overlaid(pinned, tmp_path / "pin.yaml", tmp_path))


def test_a_version_that_does_not_print_a_term_from_the_months_end_refuses_it(tmp_path):
    deal = overlaid(SAMPLES / "deal-example.yaml", OVERLAYS / "payment-current-plus-days.yaml", tmp_path)
    (tmp_path / "pin.yaml").write_text("clauses: {pin: {invoicing: 6}}\n", encoding="utf-8")
    with pytest.raises(Exception, match="which this clause version does not print"):
        contract_text(overlaid(deal, tmp_path / "pin.yaml", tmp_path))


def test_a_version_that_prints_days_only_keeps_business_days_and_refuses_a_month_term(tmp_path):
    (tmp_path / "pin.yaml").write_text(
        "clauses: {pin: {invoicing: 5}}\ncommercials: {payment_terms: 20 working days}\n", encoding="utf-8"
    )
    text = contract_text(overlaid(SAMPLES / "deal-example.yaml", tmp_path / "pin.yaml", tmp_path))
    assert "will pay each valid and undisputed invoice within 20 Business Days of receiving it" in text
    (tmp_path / "pin-only.yaml").write_text("clauses: {pin: {invoicing: 5}}\n", encoding="utf-8")
    deal = overlaid(SAMPLES / "deal-example.yaml", OVERLAYS / "payment-end-of-following-month.yaml", tmp_path)
    with pytest.raises(Exception, match="are not a number of days, which is all this clause version prints"):
        contract_text(overlaid(deal, tmp_path / "pin-only.yaml", tmp_path))


def test_days_from_the_invoice_date_in_spanish_print_as_days_from_the_invoice_date(tmp_path):
    text = contract_text(
        overlaid(SAMPLES / "deal-example.yaml", OVERLAYS / "payment-dias-fecha-factura.yaml", tmp_path)
    )
    assert "will pay each valid and undisputed invoice within 30 days after the date of the invoice, by bank" in text
    assert "will pay each correct and undisputed invoice within 30 days after the date of the invoice." in text
    assert "will be paid to the Client within 30 days after the end of this Agreement." in text


def test_days_in_german_print_as_days(tmp_path):
    text = contract_text(overlaid(SAMPLES / "deal-example.yaml", OVERLAYS / "payment-tage-netto.yaml", tmp_path))
    assert "will pay each valid and undisputed invoice within 45 days of receiving it, by bank transfer" in text


def test_words_the_library_does_not_read_print_a_placeholder_with_a_note(tmp_path):
    from contractgen.deal import load_deal

    deal = overlaid(SAMPLES / "deal-example.yaml", OVERLAYS / "payment-unread.yaml", tmp_path)
    note = next(n for n in load_deal(deal).notes if n.id == "payment-terms:a-la-vista")
    assert note.path == "commercials.payment_terms" and "not a form the library reads" in note.unrecognised
    text = contract_text(deal)
    assert "will pay each valid and undisputed invoice within [●] of receiving it, by bank transfer" in text
    assert "a la vista" not in text


def test_a_final_contract_with_unread_payment_terms_needs_the_note_acknowledged(tmp_path):
    from contractgen.deal import load_deal
    from contractgen.errors import DealError

    deal = overlaid(SAMPLES / "deal-example.yaml", OVERLAYS / "payment-unread-final.yaml", tmp_path)
    with pytest.raises(DealError, match="open drafting note 'payment-terms:a-la-vista' in a final document"):
        load_deal(deal)


def test_a_version_before_the_invoice_date_terms_refuses_them(tmp_path):
    deal = overlaid(SAMPLES / "deal-example.yaml", OVERLAYS / "payment-dias-fecha-factura.yaml", tmp_path)
    (tmp_path / "pin.yaml").write_text("clauses: {pin: {invoicing: 11}}\n", encoding="utf-8")
    with pytest.raises(Exception, match="counted from the invoice date, which this clause version does not print"):
        contract_text(overlaid(deal, tmp_path / "pin.yaml", tmp_path))
