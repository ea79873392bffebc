"""Every amount, quantity, rate and date of a deal is read by the one reader, in the deal's locale."""

from __future__ import annotations

from datetime import date

import pytest
from decimal import Decimal

from contractgen.deal import validate_data
from contractgen.values.amounts import Rate
from contractgen.values.durations import Duration
from contractgen.values.payment import PaymentTerm
from tests.deal.test_model import problems, reference_data


def german_deal() -> dict:
    data = reference_data()
    data["contract"].update(locale="de_DE", effective_date="01.02.2027")
    commercials = data["commercials"]
    commercials.update(
        currency="EUR",
        monthly_charges="185.000,00 €",
        payment_terms="within 30 days of receipt of a valid invoice",
        late_payment_interest="1,5 % per month",
        indexation={"index": "HVPI", "cap": "3,5 %"},
    )
    commercials["rate_card"][0]["day_rate"] = "210,50 €"
    data["liability"].update(general_cap="1,5", insurance=[{"type": "Professional indemnity", "amount": "10 Mio. €"}])
    data["sourcing"]["core_overlap_hours"] = "2,5"
    return data


def test_a_german_deal_is_read_as_a_german_lawyer_writes_it():
    deal = validate_data(german_deal())
    commercials = deal.commercials
    assert deal.contract.effective_date == date(2027, 2, 1)
    assert commercials.monthly_charges == Decimal(185000)
    assert commercials.rate_card[0].day_rate == Decimal("210.50")
    assert commercials.indexation.cap == Decimal("3.5")
    assert commercials.late_payment_interest == Rate(Decimal("1.5"), "month")
    assert str(commercials.payment_terms) == "30 days"
    assert deal.liability.general_cap == Decimal("1.5")
    assert deal.liability.insurance[0].amount == Decimal(10_000_000)
    assert deal.sourcing.core_overlap_hours == Decimal("2.5")


def test_an_amount_an_english_reader_would_read_otherwise_is_refused_where_it_is():
    data = reference_data()
    data["commercials"].update(currency="EUR", monthly_charges="€185.000")
    found = [p for p in problems(data) if p.path == "commercials.monthly_charges"]
    assert found and "EUR 185000" in found[0].message and "EUR 185" in found[0].message, found


def test_payment_terms_and_interest_as_markets_write_them():
    data = reference_data()
    data["commercials"].update(payment_terms="20th of the month following invoice", late_payment_interest="14,6 % p.a.")
    data["contract"]["locale"] = "de_DE"
    commercials = validate_data(data).commercials
    assert commercials.payment_terms == PaymentTerm("day_of_following_month", day=20)
    assert commercials.late_payment_interest == Rate(Decimal("14.6"), "year")
    data["commercials"]["payment_terms"] = "Net 45"
    assert validate_data(data).commercials.payment_terms == PaymentTerm("days", Duration(45, "day"))


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("payment_terms", "end of month", "which month's day the invoice falls due on is not clear"),
        ("payment_terms", "30 days EOM", "is read two ways"),
        ("payment_terms", "31st of the month following invoice", "not every month has a 31st day"),
        ("late_payment_interest", "150% per annum", "at most 100%"),
    ],
)
def test_an_unclear_term_or_rate_is_refused_where_it_is(field, value, words):
    data = reference_data()
    data["commercials"][field] = value
    found = [p for p in problems(data) if p.path == f"commercials.{field}"]
    assert found and words in found[0].message, found
