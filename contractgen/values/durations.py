"""Plain-English durations, frequencies and clock ranges, usable as pydantic field types.

Durations and frequencies written in Spanish, Portuguese, French, German, Italian, Dutch or Polish
("24 horas", "5 dias úteis", "mensual") are read by `duration_words` from its table of words, and printed
in English.

Grammar (case-insensitive, single spaces or more between words):

    duration  := NUMBER ["business" | "working"] UNIT
    NUMBER    := digits | one … twelve | "a" | "an"
    UNIT      := minute(s) | min(s) | hour(s) | day(s) | week(s) | month(s) | year(s)
                 ("business"/"working" only before hours and days)

Ordering: durations of different units are compared by an approximate *calendar-equivalent*
length in minutes — 1 business day = 1 day = 24 hours, 1 business hour = 1 hour,
1 week = 7 days, 1 month = 30 days, 1 year = 365 days. That is what "P1 response is no slower
than its resolution" needs. Equality (``==``) is exact (same value, unit and business flag);
"24 hours" and "1 day" compare neither less nor greater but are not ``==``.
For legal deadlines (e.g. GDPR's 72 hours) use ``upper_minutes``, the longest calendar time a
duration can take (business days spanning weekends, 31-day months, 366-day years).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, ClassVar, Literal

from pydantic_core import PydanticCustomError, core_schema

from contractgen.values import duration_words
from contractgen.values.phrases import NUMBER_WORDS as _ALL_NUMBER_WORDS

Unit = Literal["minute", "hour", "day", "week", "month", "year"]

_NUMBER_WORDS = {k: v for k, v in _ALL_NUMBER_WORDS.items() if " " not in k and v > 0}  # "a", "one" … "ninety-nine"
_WORDS_FOR = {v: k for k, v in _NUMBER_WORDS.items() if k not in ("a", "an") and v <= 12}
_UNITS: dict[str, Unit] = {
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour",
    "day": "day", "days": "day", "week": "week", "weeks": "week",
    "month": "month", "months": "month", "year": "year", "years": "year",
}  # fmt: skip
_MINUTES: dict[Unit, int] = {
    "minute": 1, "hour": 60, "day": 1440, "week": 7 * 1440, "month": 30 * 1440, "year": 365 * 1440,
}  # fmt: skip
_MAX_VALUE = 100_000
_NUM = r"(?:\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNIT_RE = "|".join(sorted(_UNITS, key=len, reverse=True))
_DURATION_RE = re.compile(
    rf"^\s*({_NUM})\s+(?:(business|working)\s+|calendar\s+)?({_UNIT_RE})\s*$", re.IGNORECASE | re.ASCII
)
# Payment terms as invoices say them: "Net 30", "net 45 days", "30 days net" mean that many days.
_NET_RE = re.compile(r"^\s*(?:net\s*(\d{1,3})(?:\s*days?)?|(\d{1,3})\s*days?\s+net)\s*$", re.IGNORECASE)
DURATION_PATTERN = (  # for the JSON Schema
    rf"^\s*(({_NUM})\s+((business|working|calendar)\s+)?({_UNIT_RE})|[Nn][Ee][Tt]\s*\d{{1,3}}(\s*days?)?|\d{{1,3}}\s*days?\s+net)\s*$"
)


def _number(text: str) -> int:
    text = text.lower()
    return _NUMBER_WORDS[text] if text in _NUMBER_WORDS else int(text)


def _plain_error(kind: str, message: str) -> PydanticCustomError:
    # The message goes through the context so that braces in user input are not a format string.
    return PydanticCustomError(kind, "{message}", {"message": message})


def _show(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


class _PlainEnglish:
    """A value written as plain English in a deal: a pydantic field type that is a string in JSON.

    A subclass has `parse(text)` (ValueError with a plain message) and the class variables below;
    it validates from its own type or a string and serialises with str().
    """

    _KIND: ClassVar[str]  # the pydantic error type
    _PATTERN: ClassVar[str]  # the JSON Schema pattern
    _DESCRIPTION: ClassVar[str]
    _SCHEMA_EXAMPLES: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def _validate(cls, value: Any) -> Any:
        if isinstance(value, cls):
            return value
        try:
            return cls.parse(value)  # type: ignore[attr-defined]
        except ValueError as exc:
            raise _plain_error(cls._KIND, str(exc)) from None

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._validate, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "pattern": cls._PATTERN, "description": cls._DESCRIPTION}
        if cls._SCHEMA_EXAMPLES:
            out["examples"] = list(cls._SCHEMA_EXAMPLES)
        return out


@dataclass(frozen=True, eq=True)
class Duration(_PlainEnglish):
    """A length of time in contract words: "15 minutes", "3 business days", "6 months"."""

    value: int
    unit: Unit
    business: bool = False

    EXAMPLES: ClassVar[str] = "'15 minutes', '4 hours', '3 business days', '6 months'"
    _KIND: ClassVar[str] = "duration"
    _PATTERN: ClassVar[str] = DURATION_PATTERN
    _DESCRIPTION: ClassVar[str] = f"A duration in plain English, e.g. {EXAMPLES}."
    _SCHEMA_EXAMPLES: ClassVar[tuple[str, ...]] = ("15 minutes", "4 hours", "3 business days", "6 months")

    def __post_init__(self) -> None:
        if self.unit not in _MINUTES:
            raise ValueError(f"unknown unit {self.unit!r}")
        if not isinstance(self.value, int) or isinstance(self.value, bool) or not 0 < self.value <= _MAX_VALUE:
            raise ValueError(f"a duration needs a whole number from 1 to {_MAX_VALUE:,}")
        if self.business and self.unit not in ("hour", "day"):
            raise ValueError("only hours and days can be business hours or business days")

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Parse plain English such as "15 minutes", "1 business day" or "Net 30"; ValueError if not."""
        net = _NET_RE.match(text) if isinstance(text, str) else None
        if net:
            text = f"{net.group(1) or net.group(2)} days"
        match = _DURATION_RE.match(text) if isinstance(text, str) else None
        if not match:
            other = duration_words.read_duration(text) if isinstance(text, str) else None
            if other is not None:
                return cls(*other)  # type: ignore[arg-type]
            raise ValueError(
                f"{_show(text)} is not a duration; write e.g. {cls.EXAMPLES} (or in "
                f"{duration_words.languages()}: '24 horas', '5 dias úteis', '72 Stunden')"
            )
        value = _number(match.group(1))
        if not 0 < value <= _MAX_VALUE:
            raise ValueError(f"{_show(text)}: the number must be from 1 to {_MAX_VALUE:,}")
        return cls(value, _UNITS[match.group(3).lower()], match.group(2) is not None)

    @property
    def minutes(self) -> int:
        """Approximate calendar-equivalent length in minutes (see module docstring)."""
        return self.value * _MINUTES[self.unit]

    @property
    def upper_minutes(self) -> int:
        """Longest calendar time this can take, in minutes (for statutory deadlines)."""
        if self.business and self.unit == "day":
            # n business days starting late on a Friday span n days plus 2 per weekend crossed.
            return (self.value + 2 * -(-self.value // 5)) * 1440
        if self.business and self.unit == "hour":
            # Counted as whole 8-hour business days, which is longer than the hours themselves.
            return Duration(-(-self.value // 8), "day", True).upper_minutes
        if self.unit == "month":
            return self.value * 31 * 1440
        if self.unit == "year":
            return self.value * 366 * 1440
        return self.minutes

    @property
    def unit_words(self) -> str:
        """The unit as printed, singular or plural: "business days", "hour"."""
        word = self.unit + ("" if self.value == 1 else "s")
        return f"business {word}" if self.business else word

    def __str__(self) -> str:
        return f"{self.value} {self.unit_words}"

    def __repr__(self) -> str:
        return f"Duration({str(self)!r})"

    def __lt__(self, other: Duration) -> bool:
        return self.minutes < _as_duration(other).minutes

    def __le__(self, other: Duration) -> bool:
        return self.minutes <= _as_duration(other).minutes

    def __gt__(self, other: Duration) -> bool:
        return self.minutes > _as_duration(other).minutes

    def __ge__(self, other: Duration) -> bool:
        return self.minutes >= _as_duration(other).minutes

    def add_to(self, start: date) -> date:
        """The date this long after `start` (months clamp to the month's end; weekends skipped)."""
        if self.unit in ("month", "year"):
            months = self.value * (12 if self.unit == "year" else 1)
            year, month = divmod(start.month - 1 + months, 12)
            year += start.year
            day = min(start.day, calendar.monthrange(year, month + 1)[1])
            return date(year, month + 1, day)
        if self.business and self.unit == "day":
            current, left = start, self.value
            while left:
                current += timedelta(days=1)
                if current.weekday() < 5:
                    left -= 1
            return current
        return start + timedelta(minutes=self.minutes)


def _as_duration(other: Any) -> Duration:
    if isinstance(other, Duration):
        return other
    if isinstance(other, str):
        return Duration.parse(other)
    return NotImplemented


# ---------------------------------------------------------------- frequencies

FreqUnit = Literal["day", "week", "month", "year"]
_PER_YEAR: dict[FreqUnit, int] = {"day": 365, "week": 52, "month": 12, "year": 1}
_FREQ_NAMES: dict[tuple[int, FreqUnit], str] = {
    (1, "day"): "daily", (1, "week"): "weekly", (2, "week"): "fortnightly", (1, "month"): "monthly",
    (3, "month"): "quarterly", (6, "month"): "twice a year", (1, "year"): "annually",
}  # fmt: skip
_FREQ_SYNONYMS: dict[str, tuple[int, FreqUnit]] = {
    **{name: key for key, name in _FREQ_NAMES.items()},
    "every day": (1, "day"), "every week": (1, "week"), "every month": (1, "month"),
    "every year": (1, "year"), "every quarter": (3, "month"), "yearly": (1, "year"),
    "once a year": (1, "year"), "once a quarter": (3, "month"), "once a month": (1, "month"),
    "once a week": (1, "week"), "half-yearly": (6, "month"), "half yearly": (6, "month"),
    "semi-annually": (6, "month"), "semiannually": (6, "month"), "biennially": (2, "year"),
    "twice yearly": (6, "month"), "four times a year": (3, "month"),
    "bi-weekly": (2, "week"), "biweekly": (2, "week"), "every other week": (2, "week"), "bi weekly": (2, "week"),
    "semi-annual": (6, "month"), "semiannual": (6, "month"), "semi annually": (6, "month"), "every six months": (6, "month"),
    "annual": (1, "year"), "monthly": (1, "month"), "quarterly": (3, "month"), "weekly": (1, "week"),
    "every two weeks": (2, "week"), "every 2 weeks": (2, "week"), "once every two weeks": (2, "week"),
    "per month": (1, "month"), "per quarter": (3, "month"), "per year": (1, "year"), "each month": (1, "month"),
    "each quarter": (3, "month"), "each year": (1, "year"), "twice a year": (6, "month"),
}  # fmt: skip
_EVERY_RE = re.compile(rf"^every\s+({_NUM})\s+(day|week|month|year)s?$", re.IGNORECASE | re.ASCII)
FREQUENCY_PATTERN = r"^\s*([a-z -]+|every\s+(\d+|[a-z]+)\s+(day|week|month|year)s?)\s*$"


@dataclass(frozen=True, eq=True)
class Frequency(_PlainEnglish):
    """How often something happens: "monthly", "quarterly", "every two years"."""

    every: int
    unit: FreqUnit

    EXAMPLES: ClassVar[str] = "'weekly', 'monthly', 'quarterly', 'twice a year', 'annually', 'every 18 months'"
    _KIND: ClassVar[str] = "frequency"
    _PATTERN: ClassVar[str] = FREQUENCY_PATTERN
    _DESCRIPTION: ClassVar[str] = f"How often, in plain English, e.g. {EXAMPLES}."
    _SCHEMA_EXAMPLES: ClassVar[tuple[str, ...]] = ("weekly", "monthly", "quarterly", "annually")

    def __post_init__(self) -> None:
        if self.unit not in _PER_YEAR:
            raise ValueError(f"unknown unit {self.unit!r}")
        if not isinstance(self.every, int) or not 0 < self.every <= 1000:
            raise ValueError("a frequency needs a whole number from 1 to 1,000")
        if self.unit == "month" and self.every % 12 == 0:
            # Normalise so that "every 24 months" == "every two years".
            object.__setattr__(self, "every", self.every // 12)
            object.__setattr__(self, "unit", "year")

    @classmethod
    def parse(cls, text: str) -> Frequency:
        """Parse "monthly", "twice a year", "every 18 months" …; ValueError if not a frequency."""
        if not isinstance(text, str):
            raise ValueError(f"{_show(text)} is not a frequency; write e.g. {cls.EXAMPLES}")
        words = " ".join(text.lower().split())
        if words in _FREQ_SYNONYMS:
            return cls(*_FREQ_SYNONYMS[words])
        match = _EVERY_RE.match(words)
        if match:
            return cls(_number(match.group(1)), match.group(2).lower())  # type: ignore[arg-type]
        other = duration_words.read_frequency(text)
        if other is not None:
            return cls(*other)  # type: ignore[arg-type]
        raise ValueError(
            f"{_show(text)} is not a frequency; write e.g. {cls.EXAMPLES} (or in "
            f"{duration_words.languages()}: 'mensual', 'trimestriel', 'alle 2 Jahre')"
        )

    @property
    def per_year(self) -> float:
        """How many times a year (approximately: 365 days, 52 weeks)."""
        return _PER_YEAR[self.unit] / self.every

    def __str__(self) -> str:
        if (self.every, self.unit) in _FREQ_NAMES:
            return _FREQ_NAMES[(self.every, self.unit)]
        number = _WORDS_FOR.get(self.every, str(self.every)) if self.every < 10 else str(self.every)
        return f"every {number} {self.unit}s"

    def __repr__(self) -> str:
        return f"Frequency({str(self)!r})"


# ---------------------------------------------------------------- clock ranges

# One time of day as markets write it: "08:00", "8.00", "8h30", "8h", "8 am", "5:30 p.m.", "18".
_TIME = r"(\d{1,2})(?:[:.h](\d{2}))?\s*(h|[aApP]\.?\s?[mM]\.?)?"
_CLOCK_RE = re.compile(rf"^\s*{_TIME}\s*(?:[-\u2013\u2014]|to|until|till|bis|à)\s*{_TIME}\s*$", re.IGNORECASE)
CLOCK_RANGE_PATTERN = r"^\s*\d{1,2}([:.hH]\d{2})?\s*([hH]|[aApP]\.?\s?[mM]\.?)?\s*([-\u2013\u2014]|to|until|till|bis|\u00e0)\s*\d{1,2}([:.hH]\d{2})?\s*([hH]|[aApP]\.?\s?[mM]\.?)?\s*$"


def _clock_minute(hour: str, minute: str | None, suffix: str | None, text: str) -> int:
    """Minutes after midnight of one written time; a 12-hour time needs its am or pm."""
    h, m = int(hour), int(minute or 0)
    half = (suffix or "").lower().replace(".", "").replace(" ", "")
    if half in ("am", "pm"):
        if not 1 <= h <= 12:
            raise ValueError(f"{_show(text)}: {hour} {suffix} is not a time of day")
        h = h % 12 + (12 if half == "pm" else 0)
    if h > 24 or m > 59 or (h == 24 and m):
        raise ValueError(f"{_show(text)}: {h:02d}:{m:02d} is not a valid time of day")
    return h * 60 + m


@dataclass(frozen=True)
class ClockRange(_PlainEnglish):
    """Daily business hours "HH:MM-HH:MM" as minutes after midnight (end may be 24:00)."""

    start_minute: int
    end_minute: int

    _KIND: ClassVar[str] = "clock_range"
    _PATTERN: ClassVar[str] = CLOCK_RANGE_PATTERN
    _DESCRIPTION: ClassVar[str] = "Daily hours as 'HH:MM-HH:MM' in local time, e.g. '08:00-18:00'."

    def __post_init__(self) -> None:
        if not 0 <= self.start_minute < self.end_minute <= 1440:
            raise ValueError("the start must be before the end, within one day")

    @classmethod
    def parse(cls, text: str) -> ClockRange:
        """Parse "08:00-18:00", "8am-6pm", "08.00–18.00", "8h30-18h"; ValueError with a plain message if malformed."""
        match = _CLOCK_RE.match(text) if isinstance(text, str) else None
        if not match:
            raise ValueError(
                f"{_show(text)} is not a range of clock times; write e.g. '08:00-18:00', '8am-6pm' or '8h-18h'"
            )
        groups = match.groups()
        if not (groups[1] or groups[2]) or not (groups[4] or groups[5]):  # "8-18" could be days or a count
            raise ValueError(
                f"{_show(text)} is not a range of clock times; write e.g. '08:00-18:00', '8am-6pm' or '8h-18h'"
            )
        if not (groups[2] or "").strip(" h.").lower() and (groups[5] or "").strip(" h.").lower() in (
            "am",
            "pm",
            "a m",
            "p m",
        ):
            raise ValueError(
                f"{_show(text)}: write am or pm after both times, e.g. '8am-6pm', or use the 24-hour clock"
            )
        start = _clock_minute(groups[0], groups[1], groups[2], text)
        end = _clock_minute(groups[3], groups[4], groups[5], text)
        if start >= end:
            raise ValueError(f"{_show(text)}: the start must be earlier than the end")
        return cls(start, end)

    @property
    def hours(self) -> float:
        """Length in hours."""
        return (self.end_minute - self.start_minute) / 60

    @staticmethod
    def _clock(minute: int) -> str:
        return f"{minute // 60:02d}:{minute % 60:02d}"

    @property
    def start(self) -> str:
        """Start time "HH:MM"."""
        return self._clock(self.start_minute)

    @property
    def end(self) -> str:
        """End time "HH:MM" (possibly "24:00")."""
        return self._clock(self.end_minute)

    def __str__(self) -> str:
        return f"{self.start}-{self.end}"

    def __repr__(self) -> str:
        return f"ClockRange({str(self)!r})"


# ---------------------------------------------------------------- exact spans


@dataclass(frozen=True, order=True)
class TimeSpan:
    """An exact span in seconds, printed in words: "21 minutes 36 seconds"."""

    seconds: int

    @classmethod
    def from_minutes(cls, minutes: Decimal | float) -> TimeSpan:
        """Round a number of minutes to the nearest second."""
        return cls(int((Decimal(str(minutes)) * 60).to_integral_value()))

    @property
    def minutes(self) -> float:
        """Length in minutes."""
        return self.seconds / 60

    def __str__(self) -> str:
        if self.seconds == 0:
            return "0 minutes"
        parts = []
        rest = self.seconds
        for name, size in (("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1)):
            count, rest = divmod(rest, size)
            if count:
                parts.append(f"{count} {name}{'' if count == 1 else 's'}")
        return " ".join(parts)
