"""Every locale CLDR has, every currency: an amount written the way the locale writes it reads back as itself.

Babel formats the amount (with the locale's sign, with the ISO code, without grouping, as a bare
figure); the reader, told the deal's locale and currency, must return the same value or refuse
it as ambiguous (naming both readings). Another value is never acceptable.
"""

from __future__ import annotations

from decimal import Decimal

from babel import Locale
from babel.localedata import locale_identifiers
from babel.numbers import format_currency, format_decimal, get_territory_currencies
from hypothesis import given
from hypothesis import strategies as st

from contractgen.templating.numbers import _regroup
from contractgen.values.amounts import Ambiguous, read_money, read_number
from contractgen.values.currencies import digits, markets

LOCALES = sorted(locale_identifiers())

STYLES = ("sign", "code", "ungrouped", "figure")


def _currencies_in_use() -> list[str]:
    from babel.core import get_global

    found = set()
    for spans in get_global("territory_currencies").values():
        found.update(code for code, _start, end, tender in spans if end is None and tender)
    return sorted(found)


IN_USE = _currencies_in_use()


def written(amount: Decimal, currency: str, locale: str, style: str) -> str:
    """The amount as the locale writes it, in one of the styles."""
    if style == "figure":
        places = digits(currency)
        text = format_decimal(amount, format="#,##0" + ("." + "0" * places if places else ""), locale=locale)
    else:
        pattern = Locale.parse(locale).currency_formats["standard"].pattern.split(";")[0]
        if style == "code":
            pattern = pattern.replace("¤", "¤¤")
        text = format_currency(amount, currency, format=pattern, locale=locale, group_separator=style != "ungrouped")
    # Babel leaves most digits ungrouped where a locale groups with "'" (gsw: 1000000'000); group them as we print
    return text if style == "ungrouped" else _regroup(text, (3, 3), Locale.parse(locale))


def check(amount: Decimal, currency: str, locale: str, style: str) -> None:
    """Read back an amount as written: the same value, or a refusal as ambiguous."""
    text = written(amount, currency, locale, style)
    try:
        value = read_money(text, currency, locale)
    except Ambiguous:
        return
    except ValueError as exc:
        raise AssertionError(f"{locale} {currency} {text!r}: refused but not as ambiguous: {exc}") from None
    assert value == amount, f"{locale} {currency} {text!r} read as {value}, not {amount}"


def _home_currency(locale: str) -> str:
    territory = Locale.parse(locale).territory
    found = get_territory_currencies(territory) if territory else []
    return found[0] if found else "EUR"


def test_every_locale_and_every_currency_reads_back():
    # Each locale with its own currency and one more, in turn, so that every currency in use is met.
    shapes = (Decimal("1234567.891"), Decimal("265000"), Decimal("9.6"))
    for index, locale in enumerate(LOCALES):
        for currency in (_home_currency(locale), IN_USE[index % len(IN_USE)]):
            places = Decimal(1).scaleb(-digits(currency))
            for shape in shapes:
                for style in STYLES:
                    check(shape.quantize(places), currency, locale, style)


@given(
    locale=st.sampled_from(LOCALES),
    currency=st.sampled_from(IN_USE),
    style=st.sampled_from(STYLES),
    amount=st.decimals(min_value=0, max_value=Decimal(10) ** 12, places=3, allow_nan=False, allow_infinity=False),
)
def test_any_amount_in_any_locale_reads_back(locale, currency, style, amount):
    check(amount.quantize(Decimal(1).scaleb(-digits(currency))), currency, locale, style)


@given(
    locale=st.sampled_from(LOCALES),
    currency=st.sampled_from(IN_USE),
    amount=st.decimals(min_value=0, max_value=Decimal(10) ** 9, places=3, allow_nan=False, allow_infinity=False),
)
def test_any_quantity_in_any_locale_reads_back(locale, currency, amount):
    text = _regroup(format_decimal(amount, locale=locale), (3, 3), Locale.parse(locale))
    try:
        value = read_number(text, locale, markets(currency))
    except Ambiguous:
        return
    assert value == Decimal(format_decimal(amount, locale="en", group_separator=False)), (locale, currency, text)
