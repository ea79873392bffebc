"""An amount written with its tax treatment ("NZ$48,500 plus GST", "R1 850 000,00 (VAT inclusive)"): every qualifier
of values/data/tax_words.yaml after an amount in every locale format the deal reads gives back the amount exactly,
and the treatment; a qualifier never changes the figure, and what is not a qualifier is still refused."""

from __future__ import annotations

from decimal import Decimal

import babel.numbers
import pytest
import yaml

from contractgen.values.amounts import read_money
from contractgen.values.tax_words import WORDS, split_tax

TABLE = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
# (locale, currency) pairs whose markets write amounts differently: separators, sign before or after, no decimals
MARKETS = [
    ("en_NZ", "NZD"), ("en_AU", "AUD"), ("en_IE", "EUR"), ("it_IT", "EUR"), ("ja_JP", "JPY"), ("en_ZA", "ZAR"),
    ("de_DE", "EUR"), ("fr_FR", "EUR"), ("es_ES", "EUR"), ("pt_BR", "BRL"), ("sv_SE", "SEK"), ("en_IN", "INR"),
    ("de_CH", "CHF"), ("nl_NL", "EUR"), ("pl_PL", "PLN"), ("en_GB", "GBP"), ("en_US", "USD"),
]  # fmt: skip
AMOUNTS = [Decimal("48500"), Decimal("185000.00"), Decimal("1150000"), Decimal("12500000")]


def qualifiers(treatment: str) -> list[str]:
    """Every qualifier the table gives for a treatment, with one tax name per phrase and the phrase alone."""
    words = TABLE[treatment]
    taxes = [str(t) for t in TABLE["taxes"]]
    found = [f"{w} {taxes[i % len(taxes)]}" for i, w in enumerate(words["before"])]
    found += [f"{taxes[i % len(taxes)]} {w}" for i, w in enumerate(words["after"])]
    return found + [str(w) for w in words["alone"]]


@pytest.mark.parametrize("treatment", ["exclusive", "inclusive"])
@pytest.mark.parametrize(("locale", "currency"), MARKETS)
def test_every_qualifier_after_every_market_format_keeps_the_amount(treatment, locale, currency):
    for amount in AMOUNTS:
        written = babel.numbers.format_currency(amount, currency, locale=locale)
        expected = read_money(written, currency, locale)
        assert expected == amount
        for qualifier in qualifiers(treatment):
            for form in (f"{written} {qualifier}", f"{written} ({qualifier})", f"{written}（{qualifier}）"):
                text, found = split_tax(form)
                assert found == treatment, form
                assert read_money(text, currency, locale) == expected, form


@pytest.mark.parametrize(
    ("written", "currency", "locale", "amount", "treatment"),
    [
        ("NZ$48,500 plus GST", "NZD", "en_NZ", "48500", "exclusive"),
        ("A$185,000.00 (excl. GST)", "AUD", "en_AU", "185000", "exclusive"),
        ("€1,150,000 (exclusive of VAT)", "EUR", "en_IE", "1150000", "exclusive"),
        ("€ 148.500,00 oltre IVA", "EUR", "it_IT", "148500", "exclusive"),
        ("¥12,500,000（税別）", "JPY", "ja_JP", "12500000", "exclusive"),
        ("R1 850 000,00 (VAT inclusive)", "ZAR", "en_ZA", "1850000", "inclusive"),
        ("120 000 € HT", "EUR", "fr_FR", "120000", "exclusive"),
        ("€ 2.500.000,00 zzgl. MwSt.", "EUR", "de_DE", "2500000", "exclusive"),
        ("¥1,100,000（税込）", "JPY", "ja_JP", "1100000", "inclusive"),
    ],
)
def test_the_trial_forms_read_exactly(written, currency, locale, amount, treatment):
    text, found = split_tax(written)
    assert found == treatment and read_money(text, currency, locale) == Decimal(amount)


@pytest.mark.parametrize("written", ["NZ$48,500 GST", "NZ$48,500 plus", "£40,000 plus something", "plus GST"])
def test_what_is_not_a_qualifier_is_left_for_the_amount_reader(written):
    text, found = split_tax(written)
    assert found is None and text == written


def test_an_amount_without_a_qualifier_has_none():
    assert split_tax("£40,000") == ("£40,000", None)
