"""Amounts, quantities and percentages as every market writes them: the value meant, or a refusal naming both readings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contractgen.values import amounts
from contractgen.values.amounts import Ambiguous, read_money, read_number, read_percent, read_rate
from contractgen.values.currencies import markets


@pytest.mark.parametrize(
    "text, currency, expected",
    [
        ("185000", "GBP", "185000"),
        ("185,000", "GBP", "185000"),
        ("£185,000", "GBP", "185000"),
        ("GBP 185,000", "GBP", "185000"),
        ("CHF 3180000.00", "CHF", "3180000.00"),
        ("CHF10000000", "CHF", "10000000"),
        ("CHF 1'150", "CHF", "1150"),
        ("€1.5m", "EUR", "1500000"),
        ("A$6.40", "AUD", "6.40"),
        ("$148,000", "USD", "148000"),
    ],
)
def test_money_as_english_deals_write_it(text, currency, expected):
    assert read_money(text, currency, "en_GB") == Decimal(expected)


def test_a_sign_of_another_currency_is_an_error():
    with pytest.raises(
        ValueError, match=r"'£650' is in GBP/GIP/FKP/SHP, but the deal's currency \(commercials.currency\) is EUR"
    ):
        read_money("£650", "EUR", "en_GB")


@pytest.mark.parametrize(
    "text, currency",
    [
        ("RMB 1,280,000", "CNY"),
        ("CN¥1,280,000", "CNY"),
        ("NIS 1,450,000", "ILS"),
        ("SR 1,450,000", "SAR"),
        ("1.150.000 TL", "TRY"),
        ("$1,250,000.00 M.N.", "MXN"),
    ],
)
def test_signs_that_are_the_deals_currency_are_not_an_error(text, currency):
    assert read_money(text, currency, "en_GB") in (
        Decimal(1280000),
        Decimal(1450000),
        Decimal(1150000),
        Decimal(1250000),
    )


def test_two_readings_are_refused_naming_both_and_how_to_write_each():
    with pytest.raises(Ambiguous) as info:
        read_money("€265.000", "EUR", "en_IE")
    message = str(info.value)
    assert "EUR 265000" in message and "EUR 265" in message and "two ways" in message


def test_a_reading_with_more_decimals_than_the_currency_has_is_not_plausible():
    # Spanish and Italian deals group with "."; EUR has two decimals, so 265.000 cannot be 265 euros.
    assert read_money("€265.000", "EUR", "it_IT") == Decimal(265000)
    assert read_money("KWD 1.250", "KWD", "en_GB") == Decimal("1.250")  # three decimals: the dinar has them


def test_an_english_reader_of_a_deal_in_another_currency_sees_both_readings():
    with pytest.raises(Ambiguous, match=r"9600 .*tr_TR.* or 9.6 .*en_GB"):
        read_number("9.600", "en_GB", markets("TRY"))
    assert read_number("9.600", "tr_TR", markets("TRY")) == Decimal(9600)
    assert read_number("38,000", "en_CA", markets("CAD")) == Decimal(38000)  # fr_CA writes 38,000 as 38 …


@pytest.mark.parametrize(
    "text, expected, per",
    [
        ("99.5%", "99.5", None),
        ("99.95 %", "99.95", None),
        ("99.5", "99.5", None),
        ("5 percent", "5", None),
        ("five per cent", "5", None),
        ("150 bps", "1.5", None),
        ("14.6% per annum", "14.6", "year"),
        ("1.5% per month", "1.5", "month"),
        ("2 % p.a.", "2", "year"),
    ],
)
def test_percentages_and_rates(text, expected, per):
    assert read_rate(text) == amounts.Rate(Decimal(expected), per)


def test_a_comma_decimal_percentage_in_a_comma_locale():
    assert read_percent("99,5 %", "de_DE") == Decimal("99.5")


def test_a_yearly_rate_where_a_monthly_one_is_asked_is_refused_with_the_monthly_figure():
    with pytest.raises(ValueError, match=r"14.6% a year is about 1.2167% a month"):
        amounts.read_monthly_rate("14.6% per annum")


def test_statutory_insurance_amount():
    assert amounts.read_money_or_statutory("statutory", "GBP") == amounts.STATUTORY
    assert amounts.read_money_or_statutory("as required by law", "GBP") == amounts.STATUTORY


def test_a_capital_m_is_not_read_as_a_million():
    with pytest.raises(ValueError, match="'M' can mean a thousand"):
        read_money("1,5 M", "EUR", "de_DE")


@pytest.mark.parametrize(
    "currency, locale, expected",
    [
        ("SGD", "en_SG", "SGD"),
        ("NZD", "en_NZ", "NZ$"),
        ("USD", "en_AE", "US$"),
        ("USD", "en_US", "US$"),
        ("SEK", "sv_SE", "SEK"),
        ("JPY", "ja_JP", "JP¥"),
        ("ZAR", "en_ZA", "ZAR"),
        ("GBP", "en_GB", "£"),
        ("CHF", "de_CH", "CHF"),
        ("EUR", "fr_FR", "€"),
    ],
)
def test_a_shared_sign_is_never_printed_even_in_a_deal_of_one_country(currency, locale, expected):
    # "$" in a US deal: a sign several currencies share never prints (updated deliberately: it used to print where
    # every place of the deal used the currency); "£" is sterling's in every market's contracts (OWN_SIGNS)
    from contractgen.values.currencies import printed_sign

    assert printed_sign(currency, locale) == expected


@pytest.mark.parametrize(
    "locale, currency, sign, expected",
    [
        ("en_SG", "SGD", "S$", "S$1,250,000.00"),
        ("sv_SE", "SEK", "SEK", "1\u00a0250\u00a0000,00\u00a0SEK"),
        ("en_ZA", "ZAR", "ZAR", "ZAR\u00a01\u00a0250\u00a0000,00"),
        ("pl_PL", "PLN", "zł", "1\u00a0250\u00a0000,00\u00a0zł"),
        ("ja_JP", "JPY", "￥", "¥1,250,000"),  # CLDR's full-width yen, which the contract fonts lack
    ],
)
def test_the_money_filter_prints_the_distinguishing_sign_with_no_break_spaces(locale, currency, sign, expected):
    from contractgen.templating.numbers import money

    assert money({"locale_": locale, "currency_": currency, "currency_sign_": sign}, Decimal(1250000)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("14.6% per annum", amounts.Rate(Decimal("14.6"), "year")),
        ("8 % p.a.", amounts.Rate(Decimal(8), "year")),
        ("1.5% per month", amounts.Rate(Decimal("1.5"), "month")),
        ("1.5", amounts.Rate(Decimal("1.5"), "month")),
    ],
)
def test_interest_per_annum_or_per_month(text, expected):
    assert amounts.read_interest_rate(text) == expected


def test_interest_above_100_percent_is_refused():
    with pytest.raises(ValueError, match="at most 100%"):
        amounts.read_interest_rate("120% per annum")
