"""Dates as markets write them, read by the deal's locale: "01.04.2027", "April 1, 2027", "2027年4月1日".

A date is read by the locale's own CLDR patterns first (short, medium, long and full, through
Babel: month and weekday names, literals such as "г." or "de"), then by forms every market
reads alike: ISO 8601 (2027-04-01), a year first (2027/04/01), the month in words in the
locale's language or in English ("1 July 2027", "July 1st, 2027"). A figure-only date with the
year last (01/04/2027) takes its day/month order from the locale's short pattern; where that
pattern puts the year first it settles nothing, and a date that reads two ways is refused,
naming both. A two-digit year is refused too: the century is a guess.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from babel import Locale

from contractgen.values.amounts import Ambiguous
from contractgen.values.text import plain

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_YEAR_FIRST = re.compile(r"^(\d{4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})\.?$")
_YEAR_LAST = re.compile(r"^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{2}|\d{4})\.?$")
_CJK = re.compile(r"^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?$")
_ORDINAL = r"(?:st|nd|rd|th|er|e|º|°|\.)?"
_FILLER = {"de", "del", "of", "the", "on", "le", "den", "der", "dia"}
EXAMPLES = "'2027-04-01', '1 April 2027' or 'April 1, 2027'"


def _names(locale: str, kind: str) -> dict[str, set[int]]:
    """Month (or weekday) names of a locale, then of English, lower-cased, each with the numbers it can mean."""
    found: dict[str, set[int]] = {}
    for name in dict.fromkeys((locale, "en")):
        own: dict[str, set[int]] = {}
        data = getattr(Locale.parse(name), kind)
        for context in ("format", "stand-alone"):
            for width in ("abbreviated", "wide"):
                for number, word in data.get(context, {}).get(width, {}).items():
                    for form in {plain(word).lower(), plain(word).lower().rstrip(".")}:
                        if form:
                            own.setdefault(form, set()).add(number)
        for form, numbers in own.items():
            found.setdefault(form, numbers)  # the locale's own names first: "Jan" is June in Sesotho
    return found


@lru_cache(maxsize=256)
def _months(locale: str) -> dict[str, set[int]]:
    names = _names(locale, "months")
    for extra, number in (("sept", 9), ("sept.", 9)):
        names.setdefault(extra, {number})
    return names


@lru_cache(maxsize=256)
def _weekdays(locale: str) -> dict[str, set[int]]:
    return _names(locale, "days")


def _alternation(names: dict[str, set[int]]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@lru_cache(maxsize=256)
def _locale_patterns(locale: str) -> tuple[re.Pattern[str], ...]:
    """The locale's CLDR date patterns as regular expressions with named fields."""
    from babel.dates import parse_pattern

    data = Locale.parse(locale)
    months, weekdays = _alternation(_months(locale)), _alternation(_weekdays(locale))
    eras = "|".join(re.escape(plain(e)) for width in data.eras.values() for e in width.values())
    fields = {"d": r"(?P<d>\d{1,2})", "dd": r"(?P<d>\d{1,2})", "M": r"(?P<M>\d{1,2})", "MM": r"(?P<M>\d{1,2})",
              "L": r"(?P<M>\d{1,2})", "LL": r"(?P<M>\d{1,2})", "y": r"(?P<y>\d{4})", "yyyy": r"(?P<y>\d{4})",
              "yy": r"(?P<yy>\d{2})", "MMM": rf"(?P<N>{months})\.?", "MMMM": rf"(?P<N>{months})\.?",
              "LLL": rf"(?P<N>{months})\.?", "LLLL": rf"(?P<N>{months})\.?", "EEEE": rf"(?P<E>{weekdays})",
              "EEE": rf"(?P<E>{weekdays})", "E": rf"(?P<E>{weekdays})", "cccc": rf"(?P<E>{weekdays})",
              "G": rf"(?:{eras})", "GGGG": rf"(?:{eras})"}  # fmt: skip
    found = []
    for width in ("short", "medium", "long", "full"):
        # babel annotates a pattern's `format` as a DateTimeFormat; parse_pattern stores the %-format string
        template = str(parse_pattern(data.date_formats[width].pattern).format)
        parts = re.split(r"%\((\w+)\)s", template.replace("%%", "%"))
        regex, usable = "", True
        for index, part in enumerate(parts):
            if index % 2:
                if part not in fields:
                    usable = False
                    break
                regex += fields[part]
            else:
                literal = plain(part)
                regex += r"\s*" + r"\s*".join(re.escape(w) for w in literal.split()) + r"\s*" if literal else r"\s*"
        if usable:
            found.append(re.compile(rf"^{regex}$", re.IGNORECASE))
    return tuple(found)


@lru_cache(maxsize=256)
def day_first(locale: str) -> bool | None:
    """Whether the locale writes the day before the month in figures (True), after (False), or the year first (None)."""
    pattern = Locale.parse(locale).date_formats["short"].pattern
    order = [c for c in re.sub(r"'[^']*'", "", pattern) if c in "dMLy"]
    if not order or order[0] == "y":
        return None
    return order.index("d") < order.index("M") if "d" in order and ("M" in order or "L" in order) else None


def _made(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(
            f"{text!r} is not a date: there is no day {day} in month {month} of {year}; write e.g. {EXAMPLES}"
        ) from None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _two_digit_year(text: str, yy: str) -> Ambiguous:
    return Ambiguous(f"{text!r} has a two-digit year: 19{yy} or 20{yy}; write the year in full, e.g. {EXAMPLES}")


def _words(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _figures(text: str, first: int, second: int, year: int, locale: str) -> date:
    """A date written day and month in figures with the year last, by the locale's order."""
    order = day_first(locale)
    as_dm = (year, second, first) if _valid(year, second, first) else None
    as_md = (year, first, second) if _valid(year, first, second) else None
    if order is None:
        if as_dm and as_md and as_dm != as_md:
            a, b = date(*as_dm), date(*as_md)
            raise Ambiguous(
                f"{text!r} can be read two ways: {_words(a)} or {_words(b)} ({locale} writes the year "
                f"first, so it does not settle the order of day and month); write {a.isoformat()} or "
                f"'{_words(a)}' for the first, {b.isoformat()} or '{_words(b)}' for the second"
            )
        if as_dm or as_md:
            return date(*(as_dm or as_md))  # type: ignore[misc]
        raise ValueError(f"{text!r} is not a date; write e.g. {EXAMPLES}")
    meant, other = (as_dm, as_md) if order else (as_md, as_dm)
    if meant:
        return date(*meant)
    way = "day/month/year" if order else "month/day/year"
    hint = f"; if you mean {_words(date(*other))}, write {date(*other).isoformat()}" if other else ""
    raise ValueError(f"{text!r} is not a date in {locale}'s order ({way}){hint}; write e.g. {EXAMPLES}")


def _from_fields(text: str, fields: dict[str, str | None], locale: str) -> date:
    if fields.get("yy"):
        raise _two_digit_year(text, fields["yy"] or "")
    year, day = int(fields["y"] or 0), int(fields["d"] or 0)
    if fields.get("N"):
        name = (fields["N"] or "").lower()
        months = _months(locale).get(name) or _months(locale).get(name.rstrip("."), set())
        if len(months) != 1:
            raise ValueError(f"{text!r}: {fields['N']!r} names more than one month; write e.g. {EXAMPLES}")
        month = next(iter(months))
    else:
        month = int(fields["M"] or 0)
    found = _made(year, month, day, text)
    if fields.get("E"):
        weekdays = _weekdays(locale).get((fields["E"] or "").lower(), set())
        if weekdays and found.weekday() not in weekdays:
            raise ValueError(f"{text!r}: {found.isoformat()} is not a {fields['E']}; check the date")
    return found


def _in_words(text: str, locale: str) -> date | None:
    """A date with the month in words, in any order: "1 July 2027", "July 1st, 2027", "1er juillet 2027"."""
    months = _months(locale)
    lowered = text.lower()
    found = [
        (m.start(), m.end(), name)
        for name in sorted(months, key=len, reverse=True)
        for m in re.finditer(rf"(?<![^\W\d_]){re.escape(name)}\.?(?![^\W\d_])", lowered)
    ]
    if not found:
        return None
    start, end, name = min(found, key=lambda f: (f[0], -(f[1] - f[0])))
    rest = lowered[:start] + " " + lowered[end:]
    numbers = re.findall(r"\d+", rest)
    words = [w for w in re.findall(r"[^\W\d_]+", re.sub(rf"(\d){_ORDINAL}", r"\1", rest)) if w not in _FILLER]
    weekday = [w for w in words if w in _weekdays(locale)]
    if len(numbers) != 2 or len(words) != len(weekday) or len(months[name]) != 1:
        return None
    year = next((int(n) for n in numbers if len(n) == 4), None)
    day = next((int(n) for n in numbers if len(n) <= 2), None)
    if year is None or day is None:
        return None
    found_date = _made(year, next(iter(months[name])), day, text)
    if weekday and found_date.weekday() not in _weekdays(locale)[weekday[0]]:
        raise ValueError(f"{text!r}: {found_date.isoformat()} is not a {weekday[0]}; check the date")
    return found_date


def read_date(value: object, locale: str = "en_GB") -> date:
    """A date as the deal's locale (or any market, unambiguously) writes it; Ambiguous if it reads two ways."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a date; write e.g. {EXAMPLES}")
    text = plain(value).strip()
    iso = _ISO.match(text)
    if iso:
        if not _valid(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))):
            raise ValueError(f"must be a real date written YYYY-MM-DD (got {value!r})")
        return _made(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)), value)
    for pattern in _locale_patterns(locale):
        match = pattern.match(text)
        if match:
            return _from_fields(value, match.groupdict(), locale)
    first = _YEAR_FIRST.match(text) or _CJK.match(text)
    if first:
        groups = [g for g in first.groups() if g not in (".", "/", "-")]
        return _made(int(groups[0]), int(groups[1]), int(groups[2]), value)
    last = _YEAR_LAST.match(text)
    if last:
        if len(last.group(4)) == 2:
            raise _two_digit_year(value, last.group(4))
        return _figures(value, int(last.group(1)), int(last.group(3)), int(last.group(4)), locale)
    found = _in_words(text, locale)
    if found is not None:
        return found
    raise ValueError(f"{value!r} is not a date; write e.g. {EXAMPLES}")
