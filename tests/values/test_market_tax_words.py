"""Amounts written with the market's own tax words and currency signs (the second trial's phrases as written) read
back exactly, with the treatment and the rate written with the tax kept apart; every CLDR display name of a
currency in its own markets reads back as that currency; a rate with no tax words is never read as an amount."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.core import get_global
from babel.numbers import format_decimal

from contractgen.values import currencies
from contractgen.values.amounts import read_money
from contractgen.values.tax_words import read_tax

TRIAL = [
    ("€ 98.500,00 HTVA", "EUR", "fr_BE", "98500", "exclusive", None),
    ("€ 42.500,00, acrescido de IVA à taxa legal em vigor", "EUR", "pt_PT", "42500", "exclusive", None),
    ("€ 85.000,00 πλέον ΦΠΑ 24%", "EUR", "el_GR", "85000", "exclusive", "24%"),
    ("185.000,00 lei fără TVA", "RON", "ro_RO", "185000", "exclusive", None),
    ("4 850 000,00 грн, у тому числі ПДВ", "UAH", "uk_UA", "4850000", "inclusive", None),
    ("₩3,850,000,000 (부가가치세 별도)", "KRW", "ko_KR", "3850000000", "exclusive", None),
    ("新臺幣3,750,000元（含稅）", "TWD", "zh_TW", "3750000", "inclusive", None),
    ("NT$3,750,000（含稅）", "TWD", "zh_TW", "3750000", "inclusive", None),
    ("1.250.000.000 VNĐ (chưa bao gồm thuế GTGT)", "VND", "vi_VN", "1250000000", "exclusive", None),
    ("1 250 000,00 DH HT", "MAD", "fr_MA", "1250000", "exclusive", None),
    ("GH₵ 450,000.00 (inclusive of all taxes and levies)", "GHS", "en_GH", "450000", "inclusive", None),
    ("Tk 25,00,000/- (inclusive of VAT and AIT)", "BDT", "bn_BD", "2500000", "inclusive", None),
]


@pytest.mark.parametrize(("written", "currency", "locale", "value", "treatment", "rate"), TRIAL)
def test_the_trials_amounts_read_exactly(written, currency, locale, value, treatment, rate):
    amount, found, found_rate = read_tax(written)
    assert (found, found_rate) == (treatment, rate)
    assert read_money(amount, currency, locale) == Decimal(value)


# a negation before an inclusive phrase is read as exclusive, never as inclusive
NEGATIONS = [
    ("1.250.000.000 VNĐ chưa bao gồm thuế GTGT", "VND", "vi_VN", "exclusive"),
    ("1.250.000.000 VNĐ (không bao gồm thuế GTGT)", "VND", "vi_VN", "exclusive"),
    ("1.250.000.000 VNĐ (đã bao gồm thuế GTGT)", "VND", "vi_VN", "inclusive"),
    ("4 850 000,00 грн без урахування ПДВ", "UAH", "uk_UA", "exclusive"),
    ("4 850 000,00 грн, не включаючи ПДВ", "UAH", "uk_UA", "exclusive"),
    ("4 850 000,00 грн з урахуванням ПДВ", "UAH", "uk_UA", "inclusive"),
    ("NT$3,750,000（不含稅）", "TWD", "zh_TW", "exclusive"),
    ("NT$3,750,000 未稅", "TWD", "zh_TW", "exclusive"),
    ("₩3,850,000,000 (부가가치세 포함)", "KRW", "ko_KR", "inclusive"),
    ("€ 85.000,00 μη συμπεριλαμβανομένου ΦΠΑ", "EUR", "el_GR", "exclusive"),
    ("€ 85.000,00 συμπεριλαμβανομένου ΦΠΑ 24%", "EUR", "el_GR", "inclusive"),
    ("185.000,00 lei cu TVA inclus", "RON", "ro_RO", "inclusive"),
]


@pytest.mark.parametrize(("written", "currency", "locale", "treatment"), NEGATIONS)
def test_a_negated_phrase_is_read_as_its_negation(written, currency, locale, treatment):
    amount, found, _rate = read_tax(written)
    assert found == treatment
    assert read_money(amount, currency, locale) > 0


@pytest.mark.parametrize("written", ["€ 85.000,00 24%", "85.000,00 24%", "185.000,00 lei 19%"])
def test_a_rate_without_tax_words_is_refused_not_read(written):
    amount, treatment, _rate = read_tax(written)
    assert treatment is None
    with pytest.raises(ValueError):
        read_money(amount, "EUR" if "€" in written or "lei" not in written else "RON", "el_GR")


def test_a_local_word_names_its_currency_only():
    with pytest.raises(ValueError, match="RON"):
        read_money("185.000,00 lei", "EUR", "ro_RO")


def test_the_currency_names_file_is_what_cldr_gives():
    """data/currency_names.tsv is CLDR's signs and names as the installed Babel gives them
    (scripts/cldr-currency-names.py)."""
    assert currencies.NAMES_DATA.read_text(encoding="utf-8") == currencies.cldr_currency_names()


CURRENT = sorted(
    {
        code
        for spans in get_global("territory_currencies").values()
        for code, _s, end, tender in spans
        if end is None and tender
    }
)


def _latin(figure: str) -> bool:
    return not any(not ch.isascii() and ch.isdigit() for ch in figure)


@pytest.mark.parametrize("currency", CURRENT)
def test_every_cldr_sign_and_name_of_a_currency_in_its_markets_reads_back(currency):
    for market in currencies.markets(currency):
        names = currencies.cldr_names(currency, market) | {currencies.local_sign(currency, market)}
        for name in sorted(names):
            for amount in (Decimal("1250000"), Decimal("48500")):
                figure = format_decimal(amount, locale=market, format="#,##0")
                if not _latin(figure):
                    continue  # written in the market's own digits; the reader reads Latin digits
                for written in (f"{figure} {name}", f"{name} {figure}"):
                    assert read_money(written, currency, market) == amount, (market, written)


@pytest.mark.parametrize("deal", ["EUR", "USD", "JPY", "GBP", "INR"])
def test_another_currencys_name_is_refused_never_read(deal):
    mine = currencies.signs_of(deal, "en_GB")
    for currency in CURRENT:
        for market in currencies.markets(currency)[:1]:
            # "K" after a figure is read as a thousand, as before, not as a kyat, kina or kwacha
            for name in sorted(currencies.cldr_names(currency, market) - mine - {"K"}):
                with pytest.raises(ValueError):
                    read_money(f"1,250,000 {name}", deal, "en_GB")
