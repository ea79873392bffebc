"""Words as people write them: number words ("three", "twenty-one") and fixed phrases ("T&M", "notice").

Each function here takes what a deal file holds and returns the canonical value, or raises
ValueError with a plain message that says what is accepted, with an example. The deal model
uses them as pydantic before-validators, so the canonical value is what clauses and rules see.
Amounts, quantities and percentages are read by ``amounts``.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from pydantic_core import PydanticCustomError

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {word: n for n, word in enumerate(_UNITS)}
for _t, _tens in enumerate(_TENS):
    if _tens:
        NUMBER_WORDS[_tens] = _t * 10
        for _u in range(1, 10):
            NUMBER_WORDS[f"{_tens}-{_UNITS[_u]}"] = _t * 10 + _u
            NUMBER_WORDS[f"{_tens} {_UNITS[_u]}"] = _t * 10 + _u
NUMBER_WORDS.update({"a": 1, "an": 1, "a hundred": 100, "one hundred": 100})


def _plain(text: Any) -> str:
    return " ".join(str(text).replace("\u00a0", " ").split())


def _error(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, "{message}", {"message": message})


def in_words(number: int) -> str:
    """Write a small whole number in words, as contracts do (zero to twelve); a larger one in digits."""
    return _UNITS[number] if 0 <= number <= 12 else str(number)


def number_from_words(text: str) -> int | None:
    """Return the whole number a word or phrase names ("three", "twenty-one"), or None."""
    return NUMBER_WORDS.get(_plain(text).lower())


def whole_number(value: Any) -> Any:
    """A whole number given in digits or in words up to ninety-nine ("3", "three")."""
    if isinstance(value, str):
        words = number_from_words(value)
        if words is not None:
            return words
        digits = _plain(value)
        # "1,000" groups thousands; "1,5" is a decimal in half the world's locales, never fifteen
        if re.fullmatch(r"\d+|\d{1,3}(?:,\d{3})+", digits):
            return int(digits.replace(",", ""))
        raise ValueError(f"{value!r} is not a whole number; write digits or words, e.g. 3 or 'three'")
    return value


def choice(synonyms: dict[str, str], field: str, example: str) -> Callable[[Any], Any]:
    """A before-validator mapping the usual ways of writing a fixed phrase to its canonical form."""
    table = {_key(k): v for k, v in synonyms.items()}
    accepted = sorted(set(synonyms.values()))

    def validate(value: Any) -> Any:
        if not isinstance(value, str):
            return getattr(value, "value", value)
        found = table.get(_key(value))
        if found is None:
            others = sorted(k for k in synonyms if synonyms[k] not in (k,))
            raise _error(
                field,
                f"{value!r} is not a {field}; accepted: {', '.join(repr(a) for a in accepted)} "
                f"(also written {', '.join(repr(o) for o in others[:8])}…), e.g. {example}",
            )
        return found

    return validate


def _key(text: str) -> str:
    text = _plain(text).lower().replace("&", " and ").replace("-", " ").replace("_", " ").replace("/", " ")
    return " ".join(text.split())


PRICING_MODELS = {
    "fixed monthly": "fixed monthly",
    "fixed monthly fee": "fixed monthly",
    "fixed monthly charge": "fixed monthly",
    "monthly fixed fee": "fixed monthly",
    "fixed fee": "fixed monthly",
    "fixed price": "fixed monthly",
    "fixed": "fixed monthly",
    "managed service fee": "fixed monthly",
    "monthly service charge": "fixed monthly",
    "time and materials": "time and materials",
    "time & materials": "time and materials",
    "T&M": "time and materials",
    "T and M": "time and materials",
    "time and material": "time and materials",
    "TM": "time and materials",
    "per unit": "per unit",
    "unit price": "per unit",
    "unit based": "per unit",
    "unit pricing": "per unit",
    "consumption based": "per unit",
    "consumption": "per unit",
    "per user": "per unit",
    "volume based": "per unit",
}
SUBPROCESSOR_APPROVALS = {
    "prior written consent": "prior written consent",
    "prior consent": "prior written consent",
    "consent": "prior written consent",
    "written consent": "prior written consent",
    "prior specific written authorisation": "prior written consent",
    "specific authorisation": "prior written consent",
    "specific": "prior written consent",
    "prior approval": "prior written consent",
    "prior written approval": "prior written consent",
    "general authorisation": "general authorisation",
    "general written authorisation": "general authorisation",
    "general": "general authorisation",
    "prior written notice": "general authorisation",
    "notice": "general authorisation",
    "notice and objection": "general authorisation",
    "notice and right to object": "general authorisation",
    "general authorization": "general authorisation",
    "general written authorization": "general authorisation",
}
SOURCING_MODELS = {
    "onshore": "onshore",
    "on shore": "onshore",
    "domestic": "onshore",
    "local": "onshore",
    "nearshore": "nearshore",
    "near shore": "nearshore",
    "nearshoring": "nearshore",
    "offshore": "offshore",
    "off shore": "offshore",
    "offshoring": "offshore",
}
MEASUREMENT_PERIODS = {
    "calendar month": "calendar month",
    "month": "calendar month",
    "monthly": "calendar month",
    "calendar quarter": "calendar quarter",
    "quarter": "calendar quarter",
    "quarterly": "calendar quarter",
}
# A priority with no resolution time, and the events that stand for one ("fixed in the next release").
NO_RESOLUTION = {
    "none",
    "no target",
    "n/a",
    "na",
    "not applicable",
    "no resolution target",
    "no resolution time",
    "-",
    "tbd",
}
RESOLUTION_EVENTS = {
    "next release": "next release",
    "next scheduled release": "next release",
    "next planned release": "next release",
    "next maintenance release": "next maintenance release",
    "next patch": "next patch release",
    "next patch release": "next patch release",
    "next sprint": "next sprint",
    "following sprint": "next sprint",
    "next service pack": "next service pack",
    "next support package": "next support package",
    "as prioritised in the backlog": "as prioritised in the backlog",
    "as prioritized in the backlog": "as prioritised in the backlog",
    "as prioritised in the product backlog": "as prioritised in the backlog",
    "as prioritized in the product backlog": "as prioritised in the backlog",
    "per backlog priority": "as prioritised in the backlog",
}
