"""The one reader of amounts, quantities and percentages as every market writes them.

An amount is read by the conventions of the deal's locale and of the currency's own markets
(CLDR through Babel): "R$ 385.000,00", "1 250 000,00 zł", "Fr. 250'000.–", "₹10 crore",
"$1,250,000.00 M.N.". The figure is split into runs of digits and separators; a separator that
can only be one thing (a space groups, a comma after a point is the decimal mark) settles the
reading. When one "." or "," followed by three digits could either group thousands or mark
decimals, each reading is kept only if a convention the deal uses writes it so (the deal's
locale; and, when the locale is not one of the currency's own markets, those markets' too),
and, for an amount of money, if it gives the currency no more decimals than it has. Two readings left: a
refusal naming both and how to write each. Never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from contractgen.values import currencies
from contractgen.values.currencies import Convention, convention
from contractgen.values.phrases import number_from_words
from contractgen.values.text import plain

# Words for "times a power of ten" written after a figure: "€1.5m", "₹10 crore", "2,5 Mio. €".
MULTIPLIERS: dict[str, int] = {
    "k": 3, "thousand": 3, "tsd.": 3, "tsd": 3, "m": 6, "mn": 6, "mln": 6, "million": 6, "millions": 6, "mio.": 6,
    "mio": 6, "bn": 9, "billion": 9, "billions": 9, "mrd.": 9, "mrd": 9, "lakh": 5, "lakhs": 5, "lac": 5, "lacs": 5,
    "crore": 7, "crores": 7, "cr": 7, "cr.": 7,
}  # fmt: skip
_MULTIPLIER_RE = re.compile(
    r"^(" + "|".join(re.escape(w) for w in sorted(MULTIPLIERS, key=len, reverse=True)) + r")(?![^\W\d_])", re.IGNORECASE
)
_GROUP_ONLY = {" ", "'", "\u2e41", "\u060c", "\u066c"}  # never a decimal mark
_DECIMAL_ONLY = {"\u066b"}  # the Arabic decimal separator is never a group
_CORE = re.compile(r"\d(?:[\d.,' \u2e41\u060c\u066c\u066b]*\d)?")
_NO_CENTS = re.compile(r"^(?:[.,]\s?|/)[-\u2013\u2014]+")  # "250'000.–", "1.250,-", India's "18,50,000/-"


class Ambiguous(ValueError):
    """A figure that two conventions read as two different values."""


@dataclass(frozen=True)
class Reading:
    """One way to read a figure: its value and the role it gives each separator."""

    value: Decimal
    decimal: str | None  # the decimal mark it reads, if any
    group: str | None  # the group separator it reads, if any
    places: int  # decimals of the figure as written (before any multiplier)


def _grouped(runs: list[str], groupings: frozenset[tuple[int, int]]) -> bool:
    """Whether runs of digits split by a group separator are grouped as a locale groups them.

    (3, 3) groups thousands (1,000,000), (3, 2) lakhs and crores (1,00,00,000); a locale may add its own.
    """
    if len(runs) == 1:
        return True
    head, rest = runs[0], runs[1:]
    if head.startswith("0"):
        return False
    for primary, secondary in groupings:
        if (
            len(rest[-1]) == primary
            and all(len(r) == secondary for r in rest[:-1])
            and 1 <= len(head) <= (secondary if len(rest) > 0 else primary)
        ):
            return True
    return False


GROUPINGS = frozenset({(3, 3), (3, 2)})


def readings(figure: str, groupings: frozenset[tuple[int, int]] = GROUPINGS) -> list[Reading]:
    """Every structurally possible reading of a figure such as "1.250.000,00" or "265.000" (one or two)."""
    parts = re.split(r"(\D)", figure)
    runs, seps = parts[0::2], parts[1::2]
    if any(not run for run in runs):
        return []
    if not seps:
        return [Reading(Decimal(figure), None, None, 0)]
    found = []
    last = seps[-1]
    if last not in _GROUP_ONLY:  # the last separator as the decimal mark
        groups = set(seps[:-1])
        if len(groups) <= 1 and last not in groups and _grouped(runs[:-1], groupings):
            found.append(
                Reading(Decimal("".join(runs[:-1]) + "." + runs[-1]), last, next(iter(groups), None), len(runs[-1]))
            )
    if len(set(seps)) == 1 and last not in _DECIMAL_ONLY and _grouped(runs, groupings):  # every separator groups
        found.append(Reading(Decimal("".join(runs)), None, last, 0))
    return found


def _agrees(reading: Reading, sep: str, way: Convention) -> bool:
    """Whether a locale writes the separator `sep` in the role this reading gives it."""
    return way.decimal == sep if reading.decimal == sep else way.group == sep


@dataclass(frozen=True)
class Figure:
    """A written value taken apart: the figure, its multiplier and the signs before and after it."""

    text: str
    figure: str
    power: int
    before: str
    after: str
    word: str = ""  # the multiplier as written


def take_apart(text: str) -> Figure:
    """Split "€ 1,5 Mio." into its sign, figure and multiplier; ValueError if there is no figure."""
    written = plain(text)
    match = _CORE.search(written)
    if match is None:
        raise ValueError(f"{text!r} has no figure in it")
    before, figure, after = written[: match.start()].strip(), match.group(0), written[match.end() :].strip()
    after = _NO_CENTS.sub("", after).strip()
    power, word = 0, ""
    words = _MULTIPLIER_RE.match(after)
    if words and words.group(1) != "M":  # a capital M alone can mean a thousand (MM a million)
        power, word = MULTIPLIERS[words.group(1).lower()], words.group(1)
        after = after[words.end() :].strip()
    return Figure(str(text), figure, power, before, after, word)


def _scaled(reading: Reading, power: int) -> Decimal:
    value = reading.value.scaleb(power) if power else reading.value
    exponent = value.as_tuple().exponent  # an int for a finite number, which a figure always is
    return value.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else value


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _unambiguous(value: Decimal, sign: str = "", places: int | None = None) -> str:
    """The value written so that no convention reads it otherwise: no grouping, "." as the decimal mark."""
    value = value.normalize() if value == value.to_integral_value() or places is None else value
    if places and _places(value) <= places and value != value.to_integral_value():
        value = value.quantize(Decimal(1).scaleb(-places))
    elif places and value == value.to_integral_value() and sign:
        value = value.quantize(Decimal(1))
    text = format(value, "f")
    if "." in text and len(text.split(".")[1]) == 3:
        text += "0"
    return f"{sign}{text}"


def choose(
    fig: Figure, locale: str, markets: tuple[str, ...], places: int | None, what: str, sign: str = ""
) -> Decimal:
    """The one plausible value of a figure; Ambiguous naming both readings, or ValueError if none."""
    found = readings(fig.figure, GROUPINGS | {convention(locale).grouping})
    if not found:
        raise ValueError(
            f"{fig.text!r} is not {what}: the digits are not grouped in threes (or in lakhs and crores) "
            f"and no decimal mark ends it; write e.g. {_unambiguous(Decimal('1250000.5'), sign)}"
        )

    def fits(reading: Reading) -> bool:
        return places is None or _places(_scaled(reading, fig.power)) <= places

    if len(found) == 1:
        reading = found[0]
        # Only one reading: zeros beyond the currency's decimals change nothing ("¥1,500.00").
        if not fits(reading) and _places(_scaled(reading, fig.power).normalize()) > (places or 0):
            rounded = _scaled(reading, fig.power).quantize(Decimal(1).scaleb(-(places or 0)))
            raise ValueError(
                f"{fig.text!r} has {reading.places} decimal{'s' * (reading.places != 1)}, but the currency "
                f"has {places}; "
                f"write the amount meant, e.g. {_unambiguous(rounded, sign, places)}"
            )
        return _scaled(reading, fig.power)
    own = convention(locale)
    # A deal written in one of the currency's own markets is read the way that market writes.
    home = own.locale.rsplit("_", 1)[-1] in {m.rsplit("_", 1)[-1] for m in markets}
    ways = [] if home else [convention(m) for m in markets]
    sep = fig.figure[len(fig.figure) - 4]  # one separator followed by three digits: decimal mark or group
    plausible = [r for r in found if _agrees(r, sep, own) or (fits(r) and any(_agrees(r, sep, way) for way in ways))]
    if len(plausible) == 1 and fits(plausible[0]):
        return _scaled(plausible[0], fig.power)
    decimal, group = sorted(found, key=lambda r: r.decimal is None)

    def who(reading: Reading) -> str:
        names = sorted({w.locale for w in (own, *ways) if _agrees(reading, sep, w)})
        role = f"{sep!r} as the decimal mark" if reading.decimal else f"{sep!r} grouping thousands"
        return f"{role}{', as in ' + ', '.join(names[:4]) if names else ''}"

    first, second = (_unambiguous(_scaled(r, fig.power), sign, places) for r in (group, decimal))
    second_how = who(decimal)
    if places is not None and not fits(decimal):
        second = _unambiguous(_scaled(decimal, fig.power).normalize(), sign, places)
        second_how += f"; {sign.strip() or 'the currency'} has {places or 'no'} decimal{'s' * (places != 1)}"
    advice = f"write {first} for the first or {second} for the second"
    if places is not None and _places(_scaled(decimal, fig.power).normalize()) > places:
        advice = f"the second cannot be an amount in {sign.strip()}: write {first} if that is the amount meant"
    raise Ambiguous(f"{fig.text!r} can be read two ways: {first} ({who(group)}) or {second} ({second_how}); {advice}")


def _given_as_number(value: object, what: str) -> Decimal | None:
    """A figure YAML already read as a number: that number; text: None (to be read); anything else: ValueError."""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not {what}")
    return None


def read_number(text: object, locale: str = "en_GB", markets: tuple[str, ...] = (), what: str = "a number") -> Decimal:
    """A quantity as written in the deal's locale or its currency's markets: "9.600" (tr) → 9600, "38,000" → 38000."""
    given = _given_as_number(text, what)
    if given is not None:
        return given
    fig = take_apart(str(text))
    if fig.before or fig.after:
        extra = fig.before or fig.after
        raise ValueError(f"{text!r} is not {what}: remove {extra!r} (write only the figure, e.g. 9600)")
    return choose(fig, locale, markets, None, what)


def read_money(text: object, currency: str | None, locale: str = "en_GB") -> Decimal:
    """An amount as its market writes it: "R$ 385.000,00", "1 250 000,00 zł", "₹10 crore", "GBP 185,000" → Decimal.

    A sign or code that names another currency than the deal's is an error; one that may name
    the deal's currency among others ("$", "kr", "¥") is not.
    """
    given = _given_as_number(text, "an amount of money")
    if given is not None:
        return given
    fig = take_apart(str(text))
    code = (currency or "").upper() or None
    if code and fig.word and not fig.after and fig.word in currencies.signs_of(code, locale):
        # "1,234,568 K" in a kyat deal: K is the currency's own sign, not a thousand
        fig = Figure(fig.text, fig.figure, 0, fig.before, fig.word)
    named: list[tuple[str, tuple[str, ...]]] = []
    for sign in (fig.before, fig.after):
        if not sign:
            continue
        found = (
            currencies.currencies_of(sign, code, locale)
            if code
            else (currencies.SIGNS.get(sign) or ((sign.upper(),) if sign.upper() in currencies.iso_codes() else None))
        )
        if found is None:
            hint = " ('M' can mean a thousand: write 'm' or 'million')" if sign in ("M", "MM") else ""
            raise ValueError(
                f"{text!r} is not an amount of money; write e.g. 185000, '185,000' or "
                f"'{code or 'EUR'} 185,000' ({sign!r} is not a currency sign or code we know{hint})"
            )
        named.append((sign, found))
    if code:
        for sign, found in named:
            if code not in found:
                raise ValueError(
                    f"{text!r} is in {'/'.join(found)}, but the deal's currency (commercials.currency) "
                    f"is {code}; write the amount in {code} or without a sign"
                )
    if len(named) == 2 and not set(named[0][1]) & set(named[1][1]):
        raise ValueError(f"{text!r} names two currencies ({named[0][0]!r} and {named[1][0]!r}); write one")
    places = currencies.digits(code) if code else None
    sign = f"{code} " if code else ""
    markets = currencies.markets(code) if code else ()
    return choose(fig, locale, markets, places, "an amount of money", sign)


STATUTORY = "statutory"
STATUTORY_PHRASES = {
    "statutory",
    "statutory minimum",
    "statutory limit",
    "statutory limits",
    "as required by law",
    "as required by statute",
    "as required by applicable law",
    "statutory requirement",
}


def read_money_or_statutory(text: object, currency: str | None, locale: str = "en_GB") -> Decimal | str:
    """An insurance amount, or "statutory" where a statute sets it (workers' compensation)."""
    if isinstance(text, str) and plain(text).lower().rstrip(".") in STATUTORY_PHRASES:
        return STATUTORY
    return read_money(text, currency, locale)


# How often a rate runs, as written after it: "14.6% per annum", "1.5% per month".
PERIODS = {
    "per annum": "year", "p.a.": "year", "p.a": "year", "pa": "year", "a year": "year", "per year": "year",
    "annually": "year", "yearly": "year", "per month": "month", "a month": "month", "p.m.": "month",
    "monthly": "month", "per calendar month": "month",
}  # fmt: skip
_RATE_RE = re.compile(
    r"^(?P<figure>.*?)\s*(?:(?P<pct>%|per\s?cent|percent|pct)|(?P<bp>bps|bp|basis\s+points?))"
    r"\s*(?P<period>" + "|".join(re.escape(p) for p in sorted(PERIODS, key=len, reverse=True)) + r")?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Rate:
    """A percentage, and the period it runs for when one is written ("1.5% per month")."""

    percent: Decimal
    per: str | None = None  # "year" or "month"


def read_rate(text: object, locale: str = "en_GB", markets: tuple[str, ...] = ()) -> Rate:
    """A percentage or rate as written: "99.5%", "99,5 %" (de), "150 bps", "14.6% per annum", "five per cent"."""
    if not isinstance(text, str):
        return Rate(read_number(text, locale, markets, "a percentage"))
    written = plain(text)
    match = _RATE_RE.match(written)
    figure, per, bps = written, None, False
    if match:
        figure, bps = match.group("figure"), bool(match.group("bp"))
        per = PERIODS[match.group("period").lower()] if match.group("period") else None
    words = number_from_words(figure)
    if words is not None:
        value = Decimal(words)
    else:
        try:
            value = read_number(figure, locale, markets, "a percentage")
        except Ambiguous:
            raise
        except ValueError:
            raise ValueError(f"{text!r} is not a percentage; write e.g. 99.5%, '150 bps' or '1.5% per month'") from None
    return Rate(value / 100 if bps else value, per)


def read_percent(text: object, locale: str = "en_GB", markets: tuple[str, ...] = ()) -> Decimal:
    """A percentage with no period: "99.5%", "99,5 %", "99.5", "five per cent" → Decimal("99.5")."""
    rate = read_rate(text, locale, markets)
    if rate.per:
        raise ValueError(
            f"{text!r} is a rate per {rate.per}; this is a plain percentage: write e.g. {_unambiguous(rate.percent)}%"
        )
    return rate.percent


def read_monthly_rate(text: object, locale: str = "en_GB", markets: tuple[str, ...] = ()) -> Decimal:
    """A rate per month: "1.5% per month", "1.5%"; a yearly rate is refused with the monthly one it would mean."""
    rate = read_rate(text, locale, markets)
    if rate.per == "year":
        monthly = (rate.percent / 12).quantize(Decimal("0.0001")).normalize()
        raise ValueError(
            f"{text!r} is a yearly rate, and this one is a rate per month: {rate.percent}% a year is "
            f"{'about ' if monthly * 12 != rate.percent else ''}{monthly}% a month in simple interest; "
            f"write the monthly rate the parties agree, e.g. '{monthly}% per month'"
        )
    return rate.percent


def read_interest_rate(text: object, locale: str = "en_GB", markets: tuple[str, ...] = ()) -> Rate:
    """Interest as written: "1.5% per month", "1.5" (a month, as before), "14.6% per annum" → Rate(14.6, "year")."""
    if isinstance(text, Rate):
        return text
    rate = read_rate(text, locale, markets)
    if not 0 < rate.percent <= 100:
        raise ValueError(f"{text!r}: an interest rate is more than 0% and at most 100%")
    return Rate(rate.percent, rate.per or "month")
