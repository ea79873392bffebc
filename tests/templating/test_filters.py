"""Durations print as the contract's defined terms: business days are "Business Days"."""

import pytest

from contractgen.values.durations import Duration
from contractgen.templating.render import render_text
from contractgen.templating.sandbox import clause_environment


def test_business_days_print_as_the_defined_term():
    context = {
        "wait": Duration.parse("3 business days"),
        "one": Duration.parse("1 business day"),
        "hours": Duration.parse("4 business hours"),
        "plain": Duration.parse("10 days"),
    }
    text = render_text("{{ wait }} / {{ one | duration }} / {{ hours }} / {{ plain }}", context, "t.md")
    assert text == "3 Business Days / 1 Business Day / 4 business hours / 10 days"
    assert clause_environment() is clause_environment()


@pytest.mark.parametrize(
    "locale, currency, expected",
    [
        ("en_GB", "GBP", "£3,180,000.00"),
        ("en_GB", "CHF", "CHF\u00a03,180,000.00"),
        ("en_CH", "CHF", "CHF\u00a03\u2019180\u2019000.00"),
        ("en_CA", "CAD", "$3,180,000.00"),
        ("en_GB", "CAD", "CA$3,180,000.00"),
        ("en_AU", "AUD", "$3,180,000.00"),
        ("en_AU", "EUR", "EUR\u00a03,180,000.00"),
        ("en_US", "USD", "$3,180,000.00"),
        ("en_IN", "INR", "₹31,80,000.00"),
    ],
)
def test_every_currency_is_formatted_for_every_locale(locale, currency, expected):
    from decimal import Decimal

    from contractgen.templating.numbers import money, money0

    context = {"locale_": locale, "currency_": currency}
    assert money(context, Decimal("3180000")) == expected
    assert money0(context, Decimal("3180000")) == expected[:-3]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("United Arab Emirates", "the United Arab Emirates"),
        ("Netherlands", "the Netherlands"),
        ("Hong Kong", "Hong Kong"),
        ("Lithuania", "Lithuania"),
        ("England and Wales", "England and Wales"),
        ("Delaware", "Delaware"),
        ("New South Wales, Australia", "New South Wales, Australia"),
    ],
)
def test_place_writes_a_country_as_it_reads_in_a_sentence(written, expected):
    from contractgen.templating.filters import place

    assert place(written) == expected
