"""Values as people write them: percentages, money, number words, fixed phrases."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic_core import PydanticCustomError

from contractgen.values import phrases as values


@pytest.mark.parametrize("text, expected", [
    ("99.5%", "99.5"), ("99.95 %", "99.95"), ("99.5", "99.5"), ("5 percent", "5"), ("five per cent", "5"),
])
def test_percent(text, expected):
    assert values.percent(text) == Decimal(expected)


@pytest.mark.parametrize("text, currency, expected", [
    ("185000", "GBP", "185000"), ("185,000", "GBP", "185000"), ("£185,000", "GBP", "185000"),
    ("GBP 185,000", "GBP", "185000"), ("CHF 3180000.00", "CHF", "3180000.00"), ("CHF10000000", "CHF", "10000000"),
    ("CHF 1'150", "CHF", "1150"), ("€1.5m", "EUR", "1500000"), ("A$6.40", "AUD", "6.40"), ("$148,000", "USD", "148000"),
])
def test_money(text, currency, expected):
    assert values.money(text, currency) == Decimal(expected)


def test_a_symbol_that_is_not_the_deals_currency_is_an_error():
    with pytest.raises(ValueError, match=r"'£650' is in GBP, but the deal's currency \(commercials.currency\) is EUR"):
        values.money("£650", "EUR")


def test_statutory_insurance_amount():
    assert values.money_or_statutory("statutory") == values.STATUTORY
    assert values.money_or_statutory("as required by law") == values.STATUTORY


@pytest.mark.parametrize("text, expected", [("3", 3), ("three", 3), ("twenty-one", 21), ("ninety-nine", 99), (4, 4)])
def test_whole_numbers_in_digits_or_words(text, expected):
    assert values.whole_number(text) == expected


@pytest.mark.parametrize("text", ["T&M", "time and materials", "Time & Materials", "time-and-materials", "T and M"])
def test_pricing_synonyms(text):
    assert values.choice(values.PRICING_MODELS, "pricing model", "'fixed monthly'")(text) == "time and materials"


def test_an_unknown_phrase_lists_what_is_accepted_with_an_example():
    with pytest.raises(PydanticCustomError) as info:
        values.choice(values.PRICING_MODELS, "pricing model", "'fixed monthly'")("cost plus")
    message = str(info.value)
    assert "'cost plus' is not a pricing model" in message and "'time and materials'" in message and "e.g." in message
