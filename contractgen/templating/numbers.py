"""Filters that print amounts and numbers in the deal's locale (money, money0, number)."""

from __future__ import annotations

import re
from decimal import Decimal

from babel import Locale
from jinja2 import pass_context

from contractgen.values.currencies import local_sign


def _locale(ctx) -> str:
    return ctx.get("locale_") or "en_GB"


@pass_context
def money(ctx, amount, decimals: bool = True) -> str:
    """Format an amount in the deal's currency for its locale: £185,000.00, CHF 3’180’000.00."""
    from babel.numbers import parse_pattern

    if amount is None:
        raise ValueError("money: the amount is missing")
    currency = ctx.get("currency_") or "GBP"
    locale = Locale.parse(_locale(ctx))
    pattern = parse_pattern(locale.currency_formats["standard"].pattern)
    if not decimals:
        pattern.frac_prec = (0, 0)
    text = pattern.apply(
        Decimal(str(amount)), locale, currency=currency, currency_digits=decimals, group_separator=False
    )
    text = _regroup(text, pattern.grouping, locale)
    text = _signed(text, local_sign(currency, str(locale)), ctx.get("currency_sign_"))
    # CLDR's Japanese yen is the full-width "￥", which the contract fonts lack; "¥" is the same sign.
    text = text.replace("\uffe5", "¥")
    # A currency written as letters (CHF, CA$, GBP) stands apart from the figure: "CHF 3,180,000.00".
    return re.sub(r"^([A-Za-z]{2,})(?=[\d-])", "\\1\u00a0", text)


def _signed(text: str, local: str, wanted: str | None) -> str:
    """Print the sign that names the deal's currency alone where the locale's own would not ("S$" for "$")."""
    if not wanted or wanted == local or local not in text:
        return text
    if text.startswith(local):
        return wanted + text[len(local) :]
    at = text.rindex(local)
    return text[:at] + wanted + text[at + len(local) :]


def _regroup(text: str, grouping: tuple[int, int], locale) -> str:
    """Group the integer digits of a formatted number with the locale's separator.

    (Babel drops a "'" group separator, as Swiss locales use, when it unquotes pattern
    literals; grouping here keeps 3'180'000 whole, written with the typographic apostrophe.)
    """
    from babel.numbers import get_group_symbol

    symbol = get_group_symbol(locale)
    symbol = "\u2019" if symbol == "'" else symbol

    def group(match: re.Match) -> str:
        digits, out, size = match.group(0), "", grouping[0]
        while len(digits) > size:
            out = symbol + digits[-size:] + out
            digits, size = digits[:-size], grouping[1]
        return digits + out

    return re.sub(r"\d+", group, text, count=1)


@pass_context
def money0(ctx, amount) -> str:
    """Format an amount in whole currency units: £185,000."""
    return money(ctx, amount, decimals=False)


@pass_context
def number(ctx, value, decimals: int | None = None) -> str:
    """Format a number with the locale's grouping: 4,500."""
    from babel.numbers import format_decimal, parse_pattern

    locale = Locale.parse(_locale(ctx))
    pattern = (
        parse_pattern("#,##0." + "0" * decimals if decimals else "#,##0")
        if decimals is not None
        else parse_pattern(locale.decimal_formats[None].pattern)
    )
    text = format_decimal(value, format=pattern, locale=locale, group_separator=False)
    return _regroup(text, pattern.grouping, locale)
