"""Durations and frequencies in the languages of ``data/duration_words.yaml``: "24 horas", "5 dias úteis", "mensual".

The words are data: each language lists its number words, its unit phrases (hours, business days …), its
frequency words and its word for "every". A phrase is read ignoring case; a phrase written with accents is
read with or without them, character by character, exactly as the JSON Schema pattern built here reads it
(the reader matches with that same pattern, so `validate` and an editor agree). A number word is read only
with a unit of its own language ("dos días", not "dos Tage"). A phrase the table lists as ambiguous, or that two
languages read differently, is refused naming its readings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from contractgen.values.cldr_units import duration_units, language_name

WORDS = Path(__file__).with_name("data") / "duration_words.yaml"
UNITS = ("minute", "hour", "day", "week", "month", "year")
# (unit, business): what a unit phrase counts; ("day", True) is a business day.
Reading = tuple[str, bool]


def fold(text: str) -> str:
    """The key a phrase is looked up by: lower case, accents dropped, single spaces, no final full stop."""
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(plain.lower().split()).removesuffix(".").strip()


def _char(char: str) -> str:
    if char.isspace():
        return r"\s+"
    if not char.isalpha():
        return re.escape(char)
    forms = {char.lower(), char.upper()}
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    if base != char:
        forms |= {base.lower(), base.upper()}
    return "[" + "".join(sorted(f for f in forms if len(f) == 1)) + "]"


def phrase_pattern(phrase: str) -> str:
    """A regex reading `phrase` in any case, with or without its accents and with any run of spaces for a space."""
    out: list[str] = []
    for char in phrase:
        part = _char(char)
        if part == r"\s+" and out and out[-1] == r"\s+":
            continue
        out.append(part)
    return "".join(out)


def _alternatives(phrases: Iterable[str]) -> str:
    unique = {phrase.rstrip("."): None for phrase in phrases}
    return "(?:" + "|".join(phrase_pattern(p) for p in sorted(unique, key=lambda p: (-len(p), p))) + ")"


@dataclass(frozen=True)
class Language:
    """One language's words: numbers, unit phrases, frequency words and its word for "every"."""

    code: str
    name: str
    numbers: dict[str, int]  # folded word -> value
    units: dict[str, Reading]  # folded phrase -> what it counts
    frequencies: dict[str, tuple[int, str]]  # folded phrase -> (every, unit)
    every: tuple[str, ...]
    written_units: tuple[str, ...]  # the phrases as the table writes them (for the patterns)
    written_numbers: tuple[str, ...]
    written_frequencies: tuple[str, ...]


@dataclass(frozen=True)
class Ambiguity:
    """A word read more than one way, refused with its readings and what to write instead."""

    reads: str
    write: str


def _reading(key: str) -> Reading:
    business = key.startswith("business ")
    unit = key.removeprefix("business ")
    if unit not in UNITS or (business and unit not in ("hour", "day")):
        raise ValueError(f"{WORDS.name}: unknown unit {key!r}")
    return unit, business


@lru_cache(maxsize=1)
def table() -> tuple[dict[str, Language], dict[str, Ambiguity]]:
    """Every language of the words file, and every phrase refused as ambiguous (folded)."""
    data: dict[str, Any] = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    ambiguous: dict[str, Ambiguity] = {}
    for entry in data.get("ambiguous") or []:
        for word in entry["words"]:
            ambiguous[fold(word)] = Ambiguity(" ".join(entry["reads"].split()), entry["write"])
    languages: dict[str, Language] = {}
    for code, words in data["languages"].items():
        numbers = {fold(w): int(n) for n, ws in words["numbers"].items() for w in ws}
        units = {fold(p): _reading(k) for k, ps in words["units"].items() for p in ps}
        frequencies = {}
        for key, phrases in words["frequencies"].items():
            every, unit = key.split()
            frequencies.update({fold(p): (int(every), unit) for p in phrases})
        languages[code] = Language(
            code, words["name"], numbers, units, frequencies, tuple(words["every"]),
            tuple(p for ps in words["units"].values() for p in ps),
            tuple(w for ws in words["numbers"].values() for w in ws),
            tuple(p for ps in words["frequencies"].values() for p in ps),
        )  # fmt: skip
    _add_cldr_units(languages)
    # A phrase two languages read differently is ambiguous too.
    for kind in ("units", "frequencies"):
        seen: dict[str, tuple[Any, str]] = {}
        for language in languages.values():
            for phrase, reading in getattr(language, kind).items():
                if phrase in seen and seen[phrase][0] != reading:
                    ambiguous.setdefault(
                        phrase,
                        Ambiguity(f"is read differently in {seen[phrase][1]} and {language.name}", "the English form"),
                    )
                seen.setdefault(phrase, (reading, language.name))
    return languages, ambiguous


def _add_cldr_units(languages: dict[str, Language]) -> None:
    """Every CLDR language's unit names beside the table's own words: figures and a unit ("24 μήνες", "36 tháng")."""
    # The table's own words win: a CLDR abbreviation of one or two Latin letters ("j", "t", "hr") is not read, nor a
    # name the table reads otherwise; names two CLDR languages read differently are refused as ambiguous below.
    curated = {phrase: reading for language in languages.values() for phrase, reading in language.units.items()}
    for code, units in duration_units().items():
        own = languages.get(code.split("_")[0])
        phrases = {
            p: (unit, False)
            for unit, ps in units.items()
            for p in ps
            if not re.fullmatch(r"[A-Za-z]{1,2}\.?", p) and curated.get(fold(p), (unit, False)) == (unit, False)
        }
        new = {p: r for p, r in phrases.items() if fold(p) not in (own.units if own else {})}
        if own is not None:
            own.units.update({fold(p): r for p, r in new.items()})
            languages[own.code] = replace(own, written_units=own.written_units + tuple(new))
        elif code not in languages:
            languages[code] = Language(
                code, language_name(code), {}, {fold(p): r for p, r in phrases.items()}, {}, (), tuple(phrases), (), ()
            )


def _clear(phrases: Iterable[str]) -> list[str]:
    ambiguous = table()[1]
    return [p for p in phrases if fold(p) not in ambiguous]


@lru_cache(maxsize=1)
def duration_pattern() -> str:
    """A number and a unit phrase of one language ("24 horas", "dos días hábiles", "72h"), as one regex."""
    alternatives = []
    for language in table()[0].values():
        units = _alternatives(_clear(language.written_units))
        words = rf"|{_alternatives(language.written_numbers)}\s+" if language.written_numbers else ""
        alternatives.append(rf"(?:[0-9]+\s*{words}){units}")
    return r"^\s*(?:" + "|".join(alternatives) + r")\.?\s*$"


@lru_cache(maxsize=1)
def frequency_pattern() -> str:
    """A frequency word, or "every" N days/weeks/months/years, of one language ("mensual", "alle 2 Jahre")."""
    alternatives = []
    for language in table()[0].values():
        if not language.every:
            continue  # a language of CLDR's unit names alone: durations only
        plain = [p for p in language.written_units if language.units[fold(p)] in ((u, False) for u in UNITS[2:])]
        number = rf"(?:[0-9]+\s*|{_alternatives(language.written_numbers)}\s+)"
        alternatives.append(_alternatives(_clear(language.written_frequencies)))
        alternatives.append(rf"{_alternatives(language.every)}\s+{number}{_alternatives(_clear(plain))}")
    return r"^\s*(?:" + "|".join(alternatives) + r")\.?\s*$"


@lru_cache(maxsize=2)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _refuse_ambiguous(text: str, phrase: str) -> None:
    found = table()[1].get(fold(phrase))
    if found is not None:
        raise ValueError(f"{text.strip()!r} is ambiguous: it {found.reads}; write {found.write}")


def _split(text: str) -> tuple[str, str] | None:
    """(number, rest) of a duration: "24 horas" -> ("24", "horas"); "dos días" -> ("dos", "días")."""
    match = re.match(r"^\s*([0-9]+)\s*([^0-9].*?)\s*$", text) or re.match(r"^\s*(\S+)\s+(.+?)\s*$", text)
    return (match.group(1), match.group(2)) if match else None


def read_duration(text: str) -> tuple[int, str, bool] | None:
    """(value, unit, business) of a duration in another language, None if it is not one; ValueError if ambiguous."""
    parts = _split(text)
    if parts is None:
        return None
    number, rest = parts
    _refuse_ambiguous(text, rest)
    if not _compiled(duration_pattern()).match(text):
        return None
    key, word = fold(rest), fold(number)
    for language in table()[0].values():
        if key in language.units and (number.isdigit() or word in language.numbers):
            unit, business = language.units[key]
            return (int(number) if number.isdigit() else language.numbers[word]), unit, business
    return None


def read_frequency(text: str) -> tuple[int, str] | None:
    """(every, unit) of a frequency in another language, None if it is not one; ValueError if ambiguous."""
    _refuse_ambiguous(text, text)
    if not _compiled(frequency_pattern()).match(text):
        return None
    key = fold(text)
    for language in table()[0].values():
        if key in language.frequencies:
            return language.frequencies[key]
    for language in table()[0].values():
        for every in sorted(language.every, key=len, reverse=True):
            head = fold(every) + " "
            if not key.startswith(head):
                continue
            parts = _split(key[len(head) :])
            if parts is None:
                continue
            number, rest = parts
            if rest in language.units and (number.isdigit() or number in language.numbers):
                unit, business = language.units[rest]
                if unit in UNITS[2:] and not business:
                    return (int(number) if number.isdigit() else language.numbers[number]), unit
    return None


def languages() -> str:
    """The languages read, as a phrase: "Spanish, Portuguese, … and Polish, and in figures in every CLDR language"."""
    names = [language.name for language in table()[0].values() if language.every]
    return ", ".join(names[:-1]) + " and " + names[-1] + " (and in figures with a unit in every language CLDR names)"
