"""The field types of the deal specification: checked text, codes, ids, amounts and enums.

Each type checks one field on its own (characters, patterns, ISO codes, ranges) and says in
plain English what is wrong; rules across fields live in ``rules``.
"""

from __future__ import annotations

import difflib
import re
import typing
import zoneinfo
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any, Literal

import pycountry
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from contractgen.deal import accepted
from contractgen.values.amounts import (
    Rate,
    read_interest_rate,
    read_money,
    read_money_or_statutory,
    read_number,
    read_percent,
)
from contractgen.values.countries import country_name, country_zones, zone_of
from contractgen.values.currencies import markets
from contractgen.values.dates import read_date
from contractgen.values.durations import Duration
from contractgen.values.payment import PaymentTerm, payment_terms
from contractgen.values.wording_locale import cldr_locale
from contractgen.values.phrases import (
    MEASUREMENT_PERIODS,
    NO_RESOLUTION,
    PRICING_MODELS,
    RESOLUTION_EVENTS,
    SOURCING_MODELS,
    SUBPROCESSOR_APPROVALS,
    choice,
    whole_number,
)  # fmt: skip


def _error(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, "{message}", {"message": message})


def _check_characters(value: str) -> str:
    for position, char in enumerate(value):
        code = ord(char)
        if (code < 0x20 and char not in "\t\n") or code == 0x7F:
            raise _error(
                "control_character",
                f"contains a control character (U+{code:04X}) at position {position + 1}; remove it",
            )
        if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
            # Bidirectional overrides can make a clause display differently from what it says.
            raise _error(
                "bidi_control",
                f"contains an invisible text-direction control (U+{code:04X}) at position {position + 1}; remove it",
            )
        if 0xD800 <= code <= 0xDFFF:
            raise _error(
                "surrogate", f"contains an invalid character (lone surrogate U+{code:04X}) at position {position + 1}"
            )
    return value


def _single_line(value: str) -> str:
    if "\n" in value:
        raise _error("single_line", "must fit on one line")
    return value


Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_check_characters), AfterValidator(_single_line),
]  # fmt: skip
Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), AfterValidator(_check_characters)
]
LongText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10000), AfterValidator(_check_characters)
]


def _none_is_empty(value: Any) -> Any:
    return [] if value is None else value


_none_is_empty.accepted_forms = {"type": "null"}  # type: ignore[attr-defined]


T = typing.TypeVar("T")
List = Annotated[list[T], BeforeValidator(_none_is_empty)]


def _pattern(regex: str, what: str) -> Any:
    compiled = re.compile(regex)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise _error("pattern", f"{value!r} is not {what}")
        return value

    return AfterValidator(check)


ServiceId = Annotated[
    str, StringConstraints(strip_whitespace=True),
    _pattern(r"[A-Za-z][A-Za-z0-9_-]{0,19}", "a valid id (a letter, then up to 19 letters, digits, '-' or '_', e.g. 'SD')"),
]  # fmt: skip
ClauseId = Annotated[
    str, StringConstraints(strip_whitespace=True),
    _pattern(r"[a-z0-9][a-z0-9-]{0,79}", "a clause id (lower-case letters, digits and '-', e.g. 'service-credits')"),
]  # fmt: skip
TemplateName = Annotated[
    str, StringConstraints(strip_whitespace=True),
    _pattern(r"[a-z0-9][a-z0-9_-]{0,63}", "a template name (lower-case letters, digits, '-' and '_', e.g. 'it-outsourcing')"),
]  # fmt: skip
Email = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=254),
    _pattern(r"[^@\s]+@[^@\s]+\.[^@\s.]+", "an email address"),
]  # fmt: skip
Priority = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60),
    AfterValidator(_check_characters), AfterValidator(_single_line),
]  # any label the deal uses ("P1", "Severity 1", "Critical", "P1 - Urgent"), most severe first  # fmt: skip


def _lenient(parse: Any, kind: str, forms: dict[str, Any]) -> Any:
    """A before-validator from a contractgen.values parser: its ValueError becomes a plain field error.

    `forms`: the JSON Schema of the strings `parse` accepts (``accepted``), offered beside the
    field's own type in the deal schema.
    """

    def validate(value: Any) -> Any:
        try:
            return parse(value)
        except ValueError as exc:
            raise _error(kind, str(exc)) from None

    validate.accepted_forms = forms  # type: ignore[attr-defined]
    return BeforeValidator(validate)


def _choice(synonyms: dict[str, str], field: str, example: str) -> Any:
    """A before-validator mapping a phrase's synonyms to its canonical form, with their schema."""
    validate = choice(synonyms, field, example)
    validate.accepted_forms = accepted.choice_forms(synonyms)  # type: ignore[attr-defined]
    return BeforeValidator(validate)


def _written_in(info: ValidationInfo | None) -> tuple[str | None, str]:
    """The deal's currency and locale, which say how its amounts and numbers are written."""
    context = (info.context or {}) if info is not None else {}
    return context.get("currency"), context.get("locale") or "en_GB"


def _read(kind: str, reader: Any, forms: dict[str, Any]) -> Any:
    """A before-validator reading a value as the deal's locale and its currency's markets write it.

    `reader(value, currency, locale)`; `forms`: the JSON Schema of the strings it accepts
    (``accepted``), offered beside the field's own type in the deal schema.
    """

    def validate(value: Any, info: ValidationInfo) -> Any:
        currency, locale = _written_in(info)
        try:
            return reader(value, currency, locale)
        except ValueError as exc:
            raise _error(kind, str(exc)) from None

    validate.accepted_forms = forms  # type: ignore[attr-defined]
    return BeforeValidator(validate)


def _in_markets(read: Any) -> Any:
    """A number reader told the deal's locale and the markets of its currency."""

    def reader(value: Any, currency: str | None, locale: str) -> Any:
        return read(value, locale, markets(currency) if currency else ())

    return reader


Percent = Annotated[
    Decimal, _read("percent", _in_markets(read_percent), accepted.percent_forms()), Field(gt=0, le=100, allow_inf_nan=False),
]  # fmt: skip


def _interest(value: Any, info: ValidationInfo) -> Rate:
    currency, locale = _written_in(info)
    try:
        return read_interest_rate(value, locale, markets(currency) if currency else ())
    except ValueError as exc:
        raise _error("percent", str(exc)) from None


InterestRate = Annotated[
    Rate, PlainValidator(_interest), PlainSerializer(lambda rate: f"{rate.percent}% per {rate.per}"),
    WithJsonSchema({"anyOf": [{"type": "number", "exclusiveMinimum": 0, "maximum": 100}, accepted.percent_forms(per=True)]}),
]  # a rate per month ("1.5% per month", "1.5") or per year ("14.6% per annum")  # fmt: skip
Money = Annotated[
    Decimal, _read("money", read_money, accepted.money_forms()), Field(ge=0, le=Decimal(10) ** 15, allow_inf_nan=False),
]  # fmt: skip
InsuranceAmount = Annotated[
    Money | Literal["statutory"],
    _read("money", read_money_or_statutory, {"anyOf": [accepted.money_forms(), accepted.statutory_forms()]}),
]  # an amount, or "statutory" where a statute sets it (workers' compensation)  # fmt: skip
Quantity = Annotated[
    Decimal, _read("number", _in_markets(read_number), accepted.number_forms()), Field(ge=0, le=Decimal(10) ** 12, allow_inf_nan=False),
]  # a count as its market writes it: "9.600" (tr), "38,000"  # fmt: skip


def _resolution(value: Any) -> Any:
    if isinstance(value, str):
        words = " ".join(value.lower().split())
        if words in NO_RESOLUTION:
            return None
        if words in RESOLUTION_EVENTS:
            return RESOLUTION_EVENTS[words]
        try:
            return Duration.parse(value)
        except ValueError:
            if words and not words[0].isdigit():
                return " ".join(value.split())  # an event in the deal's words: drafted as written, with a note
            raise _error(
                "resolution",
                f"{value!r} is not a resolution time; write a duration (e.g. '4 hours', "
                f"'3 business days'), an event ({', '.join(repr(e) for e in sorted(set(RESOLUTION_EVENTS.values())))}) "
                f"or 'none' for no resolution time",
            ) from None
    return value


_resolution.accepted_forms = accepted.resolution_forms()  # type: ignore[attr-defined]

Resolution = Annotated[Duration | str | None, BeforeValidator(_resolution)]
PaymentTerms = Annotated[
    PaymentTerm, _read("payment_terms", lambda value, _currency, _locale: payment_terms(value), accepted.payment_terms_forms()),
]  # "30 days", "Net 30", "within 30 days of receipt …", "end of the month following the month of invoice"  # fmt: skip
Hours = Annotated[
    Decimal, _read("number", _in_markets(read_number), accepted.number_forms()), Field(ge=0, le=24, allow_inf_nan=False),
]  # a number of hours in a day: "7.5", "7,5" (de)  # fmt: skip
DealDate = Annotated[
    date, _read("date", lambda value, _currency, locale: read_date(value, locale), accepted.date_forms()),
]  # a date as the deal's locale writes it: "01.04.2027" (de), "April 1, 2027", "2027-04-01"  # fmt: skip
Multiple = Annotated[
    Decimal,
    _read("number", _in_markets(read_number), accepted.number_forms()),
    Field(gt=0, le=100, allow_inf_nan=False),
]


def _currency(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 3 or pycountry.currencies.get(alpha_3=code) is None:
        raise _error("currency", f"{value!r} is not an ISO 4217 currency code (e.g. 'GBP', 'EUR', 'USD')")
    return code


_COUNTRY_HINTS = {"UK": "GB", "EN": "GB", "EL": "GR"}


def _country(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        hint = f"; did you mean {_COUNTRY_HINTS[code]!r}?" if code in _COUNTRY_HINTS else " (e.g. 'GB', 'IN', 'US')"
        raise _error("country", f"{value!r} is not an ISO 3166-1 alpha-2 country code{hint}")
    return code


@lru_cache(maxsize=1)
def _timezones() -> frozenset[str]:

    return frozenset(zoneinfo.available_timezones())


def _timezone(value: str) -> str:
    name = value.strip()
    if name not in _timezones():
        close = difflib.get_close_matches(name, sorted(_timezones()), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else " (e.g. 'Europe/London')"
        raise _error("timezone", f"{value!r} is not an IANA time zone{hint}")
    return name


def centre_zone(country: str, city: str) -> str:
    """A place's time zone from the time-zone data where they settle it; an error naming the field where not."""
    zone = zone_of(country, city)
    if zone is None:
        zones = country_zones(country)
        listed = ", ".join(zones[:6]) + (" …" if len(zones) > 6 else "")
        where = f"{country_name(country)} has {len(zones)} time zones ({listed})" if zones else (
            f"the time-zone data list no zone for {country}")  # fmt: skip
        raise _error(
            "timezone",
            f"is required: {where}, and the time-zone database does not name {city!r}; give the IANA time zone "
            f"of {city} in timezone",
        )
    return zone


def _locale(value: str) -> str:
    known = cldr_locale(value.strip().replace("-", "_"))
    if known is None:
        raise _error("locale", f"{value!r} is not a known locale (e.g. 'en_GB', 'en_US', 'en_IE')")
    return known


def is_currency(code: str) -> bool:
    """Whether a text is an ISO 4217 currency code."""
    return len(code) == 3 and pycountry.currencies.get(alpha_3=code) is not None


def locale_name(value: str) -> str:
    """A locale name as Babel knows it ("en-GB" → "en_GB"); ValueError if unknown."""
    return _locale(value)


Currency = Annotated[str, AfterValidator(_currency)]
Country = Annotated[str, AfterValidator(_country)]
TimeZone = Annotated[str, AfterValidator(_timezone)]
LocaleName = Annotated[str, AfterValidator(_locale)]
PositiveInt = Annotated[
    int, _lenient(whole_number, "whole_number", accepted.whole_number_forms()), Field(ge=1, le=1000)
]
WholeNumber = Annotated[int, _lenient(whole_number, "whole_number", accepted.whole_number_forms())]


class SourcingModel(StrEnum):
    """Where the supplier delivers from, relative to the client."""

    onshore = "onshore"
    nearshore = "nearshore"
    offshore = "offshore"


class PricingModel(StrEnum):
    """How the charges are calculated."""

    fixed_monthly = "fixed monthly"
    time_and_materials = "time and materials"
    per_unit = "per unit"


# A party's role in the words of the deal's privacy regime (controller, business associate, service
# provider …); which words each regime accepts is checked against its law/privacy record.
Role = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60), AfterValidator(_single_line)
]
MeasurementPeriod = Annotated[
    Literal["calendar month", "calendar quarter"],
    _choice(MEASUREMENT_PERIODS, "measurement period", "'calendar month'"),
]  # fmt: skip
# one sub-processor approval model: consent to each one, or general authorisation with notice and objection
SubprocessorApproval = Annotated[
    Literal["prior written consent", "general authorisation"],
    _choice(SUBPROCESSOR_APPROVALS, "sub-processor approval", "'prior written consent'"),
]  # fmt: skip
SourcingChoice = Annotated[SourcingModel, _choice(SOURCING_MODELS, "sourcing model", "'offshore'")]
PricingChoice = Annotated[PricingModel, _choice(PRICING_MODELS, "pricing model", "'time and materials'")]


class Section(BaseModel):
    """Base of every deal section: frozen, and unknown fields are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False, defer_build=True)
