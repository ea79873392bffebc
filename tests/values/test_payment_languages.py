"""Payment terms as practitioners write them in seven languages: days from receipt, or from the invoice date.

Properties over the words file (contractgen/values/data/payment_words.yaml): every days word with any number,
spacing and case reads as that many days; with an invoice-date phrase as days from the invoice date, with a
receipt phrase as days from receipt; what a term prints reads back as the same term; and any other words are
kept for a placeholder, never refused as "not a payment term".
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from contractgen.values.durations import Duration
from contractgen.values.payment import WORDS, PaymentTerm, payment_terms

LISTS = yaml.safe_load(WORDS.read_text(encoding="utf-8"))


def _cased(draw, text: str) -> str:
    style = draw(st.sampled_from([str, str.lower, str.upper, str.title]))
    return style(text)


@st.composite
def written(draw, phrase_list: str | None):
    number = draw(st.integers(min_value=1, max_value=999))
    gap = draw(st.sampled_from([" ", "  "]))
    parts = []
    if draw(st.booleans()):
        parts.append(_cased(draw, draw(st.sampled_from(LISTS["lead"]))))
    parts.append(f"{number}{draw(st.sampled_from(['', ' ']))}{_cased(draw, draw(st.sampled_from(LISTS['days'])))}")
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(LISTS["net"])))
    if phrase_list:
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(LISTS["linking"])))
        parts.append(_cased(draw, draw(st.sampled_from(LISTS[phrase_list]))))
    return number, gap.join(parts)


@settings(max_examples=300, deadline=None)
@given(written(None))
def test_days_in_any_language_read_as_that_many_days(case):
    number, text = case
    assert payment_terms(text) == PaymentTerm("days", Duration(number, "day")), text


@settings(max_examples=300, deadline=None)
@given(written("invoice_date"))
def test_days_from_the_invoice_date_read_as_such(case):
    number, text = case
    term = payment_terms(text)
    assert term == PaymentTerm("days_from_invoice_date", Duration(number, "day")), text
    assert payment_terms(str(term)) == term  # what prints reads back


@settings(max_examples=300, deadline=None)
@given(written("receipt"))
def test_days_from_receipt_read_as_days(case):
    number, text = case
    assert payment_terms(text) == PaymentTerm("days", Duration(number, "day")), text


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40))
def test_words_are_read_or_kept_for_a_placeholder_never_refused_as_not_a_term(text):
    if not any(c.isalpha() for c in text):
        return
    try:
        term = payment_terms(text)
    except ValueError as exc:  # only the deliberate refusals: a month that is unclear or a day not every month has
        assert "is not a payment term" not in str(exc)
        assert "month" in str(exc)
        return
    if term.kind == "unread":
        assert term.written == " ".join(text.split())


@pytest.mark.parametrize(
    "text, kind, days",
    [
        ("30 días", "days", 30),
        ("30 dias", "days", 30),
        ("30 Tage", "days", 30),
        ("30 jours", "days", 30),
        ("30 giorni", "days", 30),
        ("30 dagen", "days", 30),
        ("30 días fecha factura", "days_from_invoice_date", 30),
        ("a 60 días fecha de factura", "days_from_invoice_date", 60),
        ("30 dias da data da fatura", "days_from_invoice_date", 30),
        ("45 jours date de facture", "days_from_invoice_date", 45),
        ("30 Tage netto ab Rechnungsdatum", "days_from_invoice_date", 30),
        ("60 gg d.f.", "days_from_invoice_date", 60),
        ("30 dagen na factuurdatum", "days_from_invoice_date", 30),
        ("30 days from the invoice date", "days_from_invoice_date", 30),
        ("within 30 days of invoice", "days_from_invoice_date", 30),
        ("Net 45 days from invoice", "days_from_invoice_date", 45),
        ("30 jours à compter de la réception de la facture", "days", 30),
        ("14 Tage nach Rechnungseingang", "days", 14),
        ("30 giorni dal ricevimento della fattura", "days", 30),
    ],
)
def test_the_forms_practitioners_write(text, kind, days):
    assert payment_terms(text) == PaymentTerm(kind, Duration(days, "day"))


def test_a_form_with_a_month_the_reader_does_not_know_is_kept_for_a_placeholder():
    assert payment_terms("30 giorni data fattura fine mese").kind == "unread"
