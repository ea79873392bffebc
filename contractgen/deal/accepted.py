"""The JSON Schema of every form a deal field accepts, built from the tables its validator reads.

`validate` takes "T&M", "Monthly", "three", "99.5%", "£185,000" and "Net 30"; the JSON Schema an
editor checks a deal against must take exactly the same, so each schema here is generated from
the validator's own table of synonyms, number words, symbols and units, never written by hand.
Patterns use only what ECMAScript and Python regular expressions share (editors run the former):
case is folded by character classes ("[tT]"), not by flags.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from contractgen.law import sector
from contractgen.values import amounts, currencies, duration_words, durations, payment
from contractgen.values import phrases as values

_SPECIAL = set(r"\.^$*+?()[]{}|/")
# How `values.choice` normalises: case folded, '&' read as 'and', '-', '_' and '/' read as spaces.
_SEPARATOR = r"[\s_/-]"

# Marks the alternative spellings offered beside a field's own type, so a form can show the type.
ALSO = "also accepted: the other ways of writing this value"

# The strings pydantic reads as booleans (lower-cased); deal files are read as text, so every
# boolean field meets these.
BOOLEAN_WORDS = ("true", "false", "yes", "no", "on", "off", "t", "f", "y", "n", "1", "0")


def also(forms: dict[str, Any]) -> dict[str, Any]:
    """Mark a schema as the other spellings of a value, beside its own type."""
    return {**forms, "$comment": ALSO}


def folded(text: str) -> str:
    """Return a regex matching `text` in any letter case, with any run of whitespace for a space."""
    out = []
    for char in text:
        if char.isalpha() and char.lower() != char.upper():
            out.append(f"[{char.lower()}{char.upper()}]")
        elif char.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif char in _SPECIAL:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def _anchored(alternatives: Iterable[str]) -> str:
    return r"^\s*(?:" + "|".join(sorted(set(alternatives), key=lambda a: (-len(a), a))) + r")\s*$"


def phrases(words: Iterable[str]) -> dict[str, Any]:
    """A string schema accepting any of `words` whatever the case and spacing."""
    return {"type": "string", "pattern": _anchored(folded(w) for w in words)}


def _choice_key(key: str) -> str:
    """The regex for one normalised synonym key of `values.choice` ("time and materials")."""
    parts, joined = [], True
    for token in key.split():
        if token == "and":  # '&' needs no spaces round it ("T&M"), the word does
            parts.append(rf"(?:{_SEPARATOR}+[aA][nN][dD]{_SEPARATOR}+|{_SEPARATOR}*&{_SEPARATOR}*)")
            joined = True
            continue
        parts.append(folded(token) if joined else f"{_SEPARATOR}+{folded(token)}")
        joined = False
    return "".join(parts)


def choice_forms(synonyms: dict[str, str]) -> dict[str, Any]:
    """The schema of a `values.choice` field: every synonym, written as the validator normalises it."""
    keys = {values._key(k) for k in synonyms}  # the validator looks synonyms up by this same key
    pattern = (
        r"^[\s_/-]*(?:" + "|".join(sorted((_choice_key(k) for k in keys), key=lambda a: (-len(a), a))) + r")[\s_/-]*$"
    )
    return {"type": "string", "pattern": pattern, "examples": sorted(set(synonyms.values()))}


def boolean_forms() -> dict[str, Any]:
    """The strings read as a boolean."""
    return {"type": "string", "pattern": r"^(?:" + "|".join(folded(w) for w in BOOLEAN_WORDS) + r")$"}


def switch_forms() -> dict[str, Any]:
    """An optional section switched on or off: true/yes/false/no."""
    return {"anyOf": [{"type": "boolean"}, phrases(("true", "yes", "false", "no"))]}


def _number_words() -> str:
    return "|".join(folded(w) for w in sorted(values.NUMBER_WORDS, key=lambda w: (-len(w), w)))


def whole_number_forms() -> dict[str, Any]:
    """A whole number in digits (thousands separated or not) or in words ("three")."""
    return {"type": "string", "pattern": rf"^\s*(?:\d+|\d{{1,3}}(?:,\d{{3}})+|{_number_words()})\s*$"}


_FIGURE = r"(?:\d[\d.,'\u2019\u00a0\u202f\u2009\u2007 \u066b\u066c\u060c\u2e41]*\d|\d)"


def number_forms() -> dict[str, Any]:
    """A quantity: digits grouped and with a decimal mark as a market writes them ("9.600", "38,000", "1 250,5")."""
    return {"type": "string", "pattern": rf"^\s*{_FIGURE}\s*$"}


def percent_forms(per: bool = False) -> dict[str, Any]:
    """A percentage: "99.5%", "99,5 %", "99.5", "5 per cent", "five percent", "150 bps" (and "per month" for a rate)."""
    suffix = r"(?:%|[pP][eE][rR]\s*[cC][eE][nN][tT]|[pP][eE][rR][cC][eE][nN][tT]|[pP][cC][tT])"
    points = r"(?:[bB][pP][sS]?|[bB][aA][sS][iI][sS]\s+[pP][oO][iI][nN][tT][sS]?)"
    number = rf"(?:{_FIGURE}|{_number_words()})"
    period = ""
    if per:
        words = "|".join(folded(p) for p in sorted(amounts.PERIODS, key=lambda p: (-len(p), p)))
        period = rf"(?:\s*(?:{words}))?"
    return {"type": "string", "pattern": rf"^\s*{number}\s*(?:{suffix}|{points})?{period}\s*$"}


def money_forms() -> dict[str, Any]:
    """An amount: a figure as its market writes it, an optional sign or ISO code before or after, a multiplier."""
    signs = "|".join(re.escape(s).replace("/", r"\/") for s in sorted(currencies.SIGNS, key=lambda s: (-len(s), s)))
    multipliers = "|".join(
        m if m == "m" else folded(m) for m in sorted(amounts.MULTIPLIERS, key=lambda m: (-len(m), m))
    )
    sign = rf"(?:[A-Z]{{3}}|{signs})"
    amount = rf"{_FIGURE}(?:[.,]\s?[-\u2013\u2014]+)?(?:\s*(?:{multipliers}))?"
    return {"type": "string", "pattern": rf"^\s*(?:{sign}\s*)?{amount}(?:\s*{sign})?\s*$"}


def payment_terms_forms() -> dict[str, Any]:
    """Payment terms: a duration, "Net 30", days from receipt or the invoice date in seven languages, a day of the
    following month ("20th of the month following"), or other words (drafted as [●] with a note)."""
    linking = "|".join(folded(w) for w in ("of", "after", "from", "following"))
    receipt = (
        rf"^\s*(?:{folded('within')}\s+)?\d{{1,3}}\s*(?:{folded('calendar')}\s+)?[dD][aA][yY][sS]?\s+(?:{linking})"
        rf"\s+(?:{folded('the')}\s+)?(?:{folded('receipt')}|{folded('receiving')})(?:\s+[^\n]*)?\s*$"
    )
    months = "|".join(f"(?:{_case_free(r.pattern)})" for r in payment.MONTH_FORMS)
    languages = _case_free(payment.languages_pattern())
    # any other words on one line are drafted as [●] with a note; words naming a month the forms above do not
    # read are refused (which month is meant is not for the reader to guess)
    unclear = _case_free(r"month|\beom\b|\bcurrent\b|\bfdm\b")
    words = rf"^(?![^\n]*(?:{unclear}))[^\n]*{payment.LETTER}[^\n]*$"
    return {
        "anyOf": [
            duration_forms(),
            {"type": "string", "pattern": receipt},
            {"type": "string", "pattern": months},
            {"type": "string", "pattern": languages},
            {"type": "string", "pattern": words},
        ]
    }


def _case_free(pattern: str) -> str:
    """A regex read case-insensitively, written without flags (a JSON Schema pattern has none)."""
    out, escaped = [], False
    for char in pattern:
        out.append(char if escaped or not char.isalpha() else f"[{char.lower()}{char.upper()}]")
        escaped = char == "\\" and not escaped
    return "".join(out)


def date_forms() -> dict[str, Any]:
    """A date in figures or with the month in words, as markets write it ("01.04.2027", "1 July 2027", "2027年4月1日")."""
    return {"type": "string", "pattern": r"^\s*\S(?:.*\S)?\s*$", "examples": ["2027-04-01", "1 April 2027"]}


def statutory_forms() -> dict[str, Any]:
    """The words for an amount a statute sets ("statutory", "as required by law")."""
    return {"type": "string", "pattern": _anchored(folded(p) + r"\.?" for p in amounts.STATUTORY_PHRASES)}


def resolution_forms() -> dict[str, Any]:
    """A resolution time: a duration, an event ("next release") or a word for none."""
    words = [*values.NO_RESOLUTION, *values.RESOLUTION_EVENTS]
    return {"anyOf": [duration_forms(), phrases(words)]}


@lru_cache(maxsize=1)
def duration_forms() -> dict[str, Any]:
    """A duration: NUMBER [business|working|calendar] UNIT, "Net 30", or another language's form ("24 horas")."""
    number = r"(?:\d+|" + "|".join(folded(w) for w in sorted(durations._NUMBER_WORDS, key=lambda w: (-len(w), w))) + ")"
    units = "|".join(folded(u) for u in sorted(durations._UNITS, key=lambda u: (-len(u), u)))
    qualifier = (
        r"(?:(?:[bB][uU][sS][iI][nN][eE][sS][sS]|[wW][oO][rR][kK][iI][nN][gG]|[cC][aA][lL][eE][nN][dD][aA][rR])\s+)?"
    )
    net = r"[nN][eE][tT]\s*\d{1,3}(?:\s*[dD][aA][yY][sS]?)?|\d{1,3}\s*[dD][aA][yY][sS]?\s+[nN][eE][tT]"
    return {
        "type": "string",
        # the other languages' forms, from the reader's own pattern ("24 horas", "5 dias úteis")
        "pattern": rf"^\s*(?:{number}\s+{qualifier}(?:{units})|{net})\s*$|{duration_words.duration_pattern()}",
        "description": durations.Duration._DESCRIPTION,
        "examples": list(durations.Duration._SCHEMA_EXAMPLES),
    }


def frequency_forms() -> dict[str, Any]:
    """A frequency: a known word ("monthly"), "every N units", or another language's form ("mensual")."""
    number = r"(?:\d+|" + "|".join(folded(w) for w in sorted(durations._NUMBER_WORDS, key=lambda w: (-len(w), w))) + ")"
    every = rf"[eE][vV][eE][rR][yY]\s+{number}\s+(?:[dD][aA][yY]|[wW][eE][eE][kK]|[mM][oO][nN][tT][hH]|[yY][eE][aA][rR])[sS]?"
    return {
        "type": "string",
        "pattern": _anchored([*(folded(w) for w in durations._FREQ_SYNONYMS), every])
        + f"|{duration_words.frequency_pattern()}",
        "description": durations.Frequency._DESCRIPTION,
        "examples": list(durations.Frequency._SCHEMA_EXAMPLES),
    }


def clock_range_forms() -> dict[str, Any]:
    """Daily hours "HH:MM-HH:MM"."""
    return {
        "type": "string",
        "pattern": durations.CLOCK_RANGE_PATTERN,
        "description": durations.ClockRange._DESCRIPTION,
    }


def loose_phrases(names: Iterable[str]) -> dict[str, Any]:
    """Names matched as the validator matches them: case folded, anything but letters and digits ignored."""
    skip = r"[^A-Za-z0-9]*"
    alternatives = []
    for name in names:
        chars = [c for c in name if c.isascii() and c.isalnum()]
        alternatives.append(skip.join(folded(c) for c in chars))
    return {
        "type": "string",
        "pattern": r"^"
        + skip
        + "(?:"
        + "|".join(sorted(set(alternatives), key=lambda a: (-len(a), a)))
        + ")"
        + skip
        + "$",
    }


def sector_regime_forms() -> dict[str, Any]:
    """A sector regime: its key (offered as a closed list) or any alias, as loosely as they are matched."""
    return {
        "anyOf": [
            {"type": "string", "enum": list(sector.load_sector_regimes())},
            loose_phrases(sector._index()),
        ],  # the index holds every key and alias, normalised
        "description": "a sector regime; aliases such as 'SS2/21' or 'Regulation (EU) 2022/2554' are accepted",
    }


# Value types that parse their own text, by class: the schema of what each one reads.
VALUE_TYPES: dict[type, Callable[[], dict[str, Any]]] = {
    durations.Duration: duration_forms,
    durations.Frequency: frequency_forms,
    durations.ClockRange: clock_range_forms,
    sector.SectorRegime: sector_regime_forms,
}
