"""Payment terms as markets write them, read into one typed value; a term that names no clear month is refused."""

from __future__ import annotations

import pytest

from contractgen.values.durations import Duration
from contractgen.values.payment import PaymentTerm, payment_terms


@pytest.mark.parametrize(
    "text",
    [
        "30 days net",
        "Net 30",
        "within 30 days of receipt of a valid invoice",
        "30 days after receipt of invoice",
        "30 days",
        "30 calendar days from receipt",
    ],
)
def test_days_after_receipt(text):
    assert payment_terms(text) == PaymentTerm("days", Duration(30, "day"))
    assert str(payment_terms(text)) == "30 days"  # printed as before by the clauses that print days


def test_working_days_stay_working_days():
    assert payment_terms("20 working days") == PaymentTerm("days", Duration(20, "day", True))


@pytest.mark.parametrize(
    "text",
    [
        "end of the month following the month of invoice",
        "End of month following invoice",
        "the last day of the following month",
        "end of the month following receipt of invoice",
        "by the end of the month following the month in which the invoice is received",
    ],
)
def test_end_of_the_following_month(text):
    assert payment_terms(text) == PaymentTerm("end_of_following_month")


@pytest.mark.parametrize(
    "text, day",
    [
        ("20th of the month following invoice", 20),
        ("the 20th day of the following month", 20),
        ("1st of the month following the month of invoice", 1),
        ("15 of the following month", 15),
    ],
)
def test_a_day_of_the_following_month(text, day):
    term = payment_terms(text)
    assert term == PaymentTerm("day_of_following_month", day=day)
    assert term.day_ordinal == {1: "1st", 15: "15th", 20: "20th"}[day]


def test_days_then_end_of_month():
    assert payment_terms("30 days then end of month") == PaymentTerm("days_end_of_month", Duration(30, "day"))
    assert payment_terms("45 days then EOM") == PaymentTerm("days_end_of_month", Duration(45, "day"))


@pytest.mark.parametrize(
    "text",
    [
        "current + 30",
        "Current month + 30 days",
        "EOM + 30",
        "30 days after the end of the month of invoice",
        "within 30 days from the end of the month",
        "30 days after month end",
    ],
)
def test_days_after_the_end_of_the_month(text):
    assert payment_terms(text) == PaymentTerm("days_after_end_of_month", Duration(30, "day"))


def test_a_clause_version_that_does_not_know_a_term_refuses_it_rather_than_print_another():
    with pytest.raises(ValueError, match="which this clause version does not print"):
        payment_terms("current + 30").days


@pytest.mark.parametrize("text", ["30 days end of month", "45 days EOM", "Net 30 EOM"])
def test_days_and_end_of_month_read_two_ways_is_refused_naming_both(text):
    with pytest.raises(
        ValueError,
        match=r"is read two ways: the last day of the month in which \d+ days after the invoice end "
        r"\(write '\d+ days then end of month'\), or \d+ days after the end of the invoice's month",
    ):
        payment_terms(text)


@pytest.mark.parametrize(
    "term",
    [
        "end of the month following the month of invoice",
        "20th of the month following invoice",
        "30 days then end of month",
        "current + 45",
        "Net 45",
    ],
)
def test_what_prints_reads_back_as_the_same_term(term):
    assert payment_terms(str(payment_terms(term))) == payment_terms(term)


@pytest.mark.parametrize("text", ["end of month", "current", "EOM", "the month following"])
def test_a_term_that_does_not_say_which_month_is_refused(text):
    with pytest.raises(ValueError, match="which month's day the invoice falls due on is not clear"):
        payment_terms(text)


def test_a_day_not_every_month_has_is_refused():
    with pytest.raises(ValueError, match="not every month has a 30th day"):
        payment_terms("30th of the month following invoice")


def test_words_the_library_does_not_read_are_kept_to_be_drafted_as_a_placeholder():
    term = payment_terms("  a la   vista ")
    assert term == PaymentTerm("unread", written="a la vista") and str(term) == "a la vista"
    with pytest.raises(ValueError, match="not a form the library reads, which this clause version does not print"):
        term.days


def test_a_figure_alone_is_not_a_payment_term():
    with pytest.raises(ValueError, match="is not a payment term"):
        payment_terms("30")
