"""Arbitration as practitioners write it in ``contract.jurisdiction``: institution, seat, hearing venue, number of
arbitrators and language."""

from __future__ import annotations

import re
from typing import Any

from contractgen.law.forum_words import (
    CITY,
    acronym_named,
    by_law_written,
    institution_words,
    chosen,
    in_city_patterns,
    institution_named,
    language_written,
    seat_patterns,
    tribunal_sizes,
    venue_patterns,
)
from contractgen.law.institutions import institutions_in, load_institutions, other_named
from contractgen.law.seat_records import record_of
from contractgen.law.seats import country_code, seat_place, trim_city
from contractgen.values.duration_words import fold


_CITY = CITY
_SEAT = re.compile(
    r"\b(?:seated|seat(?:\s+of\s+(?:the\s+)?arbitration)?(?:\s+(?:is|shall\s+be|will\s+be|being))?:?)\s+"
    r"(?:in|at)?\s*(?:the\s+)?" + _CITY
)
_IN_CITY = re.compile(r"\b(?:in|at)\s+(?:the\s+)?" + _CITY)
_VENUE = re.compile(
    r"\b(?:hearings?\s+(?:held\s+|to\s+be\s+held\s+|taking\s+place\s+)?(?:in|at)|venue(?:\s+of\s+(?:the\s+)?hearings?)?"
    r"(?:\s+(?:is|shall\s+be|will\s+be))?:?(?:\s+in)?)\s+(?:the\s+)?" + _CITY
)
_SEAT_AND_VENUE = re.compile(
    r"\b(?:seat\s+and\s+venue|venue\s+and\s+seat)(?:\s+of\s+(?:the\s+)?arbitration)?(?:\s+(?:is|shall\s+be|will\s+be))?:?"
    r"\s+(?:(?:in|at)\s+)?(?:the\s+)?" + _CITY
)
_LANGUAGE = re.compile(
    r"\b(?:language(?:\s+of\s+the\s+arbitration)?(?:\s+(?:is|shall\s+be|will\s+be))?:?\s+|conducted\s+in\s+"
    r"(?:the\s+)?|in\s+the\s+)([A-Z][a-z]+)(?:\s+language)?|\bin\s+([A-Z][a-z]+)\b"
)
LANGUAGES = {
    "English",
    "French",
    "German",
    "Spanish",
    "Portuguese",
    "Italian",
    "Dutch",
    "Swedish",
    "Japanese",
    "Korean",
    "Chinese",
    "Mandarin",
    "Arabic",
    "Indonesian",
    "Russian",
    "Polish",
    "Hindi",
    "Danish",
    "Norwegian",
    "Finnish",
    "Czech",
    "Turkish",
    "Romanian",
    "Vietnamese",
    "Greek",
    "Hungarian",
    "Thai",
}


BLANK_SEAT = "[●]"  # a draft's seat not yet agreed
SEAT_WANTED = "name the seat of the arbitration (e.g. '…, seated in Singapore')"


def _institution(text: str, seat: str) -> tuple[dict[str, Any], str]:
    """The institution fields (its record's id, or its name as written when the library has none) and the problem
    when the text names none."""
    found = institutions_in(text)
    statute = next((i for i in found if i.statute), None)
    if statute is not None and "uncitral" not in fold(text):
        found = [i for i in found if not i.ad_hoc or i.statute]  # "ad hoc under the Act": the Act, not UNCITRAL
    uncitral = next((i for i in found if i.ad_hoc), None)
    administering = [i for i in found if not i.ad_hoc]
    if administering:
        return {"institution": administering[0].key, **({"rules": uncitral.rules} if uncitral else {})}, ""
    if uncitral is not None:
        return {"institution": uncitral.key}, ""
    name = other_named(text) or institution_named(text, seat) or acronym_named(text, seat)
    if name:
        return {"institution": name}, ""
    known = ", ".join(sorted(i.short or i.key for i in load_institutions().values()))
    return {}, (
        f"{text!r}: which institution administers the arbitration? name it in full (e.g. 'the Foo Arbitration "
        f"Centre'; the library has records of {known}), or write 'ad hoc under the UNCITRAL Arbitration Rules'"
    )


def parse_arbitration(text: str) -> tuple[dict[str, Any], list[str]]:
    """Read an arbitration written as practitioners write it, in English or a language of the forum words (Spanish,
    Portuguese, French, Italian, German, Dutch), into Arbitration fields; return (fields, problems)."""
    problems: list[str] = []
    fields: dict[str, Any] = {}
    both = _SEAT_AND_VENUE.search(text)  # "seat and venue Chennai": the one city is both
    venue = both or _first([_VENUE, *venue_patterns()], text)
    searched = text[: venue.start()] + text[venue.end() :] if venue else text
    seat = both or _first([_SEAT, *seat_patterns()], searched)
    seat = seat or _first_known_city([_IN_CITY, *in_city_patterns()], searched)
    bare = _bare_seat(searched) if seat is None else ""
    if seat is not None:
        fields["seat"] = trim_city(seat.group(1)) + _country_beside(searched[seat.end() :])
    elif bare:
        fields["seat"] = bare
    else:
        problems.append(f"{text!r}: {SEAT_WANTED}")
    institution, problem = _institution(text, fields.get("seat", ""))
    fields.update(institution)
    problems[:0] = [problem] if problem else []
    if venue is not None and venue is not both:
        fields["venue"] = trim_city(venue.group(1))
    language = next((g for m in _LANGUAGE.finditer(text) for g in m.groups() if g in LANGUAGES), None)
    if language or language_written(text):
        fields["language"] = _both(text, language) if language else language_written(text)
    sizes = tribunal_sizes(text)
    if len(sizes) == 1:
        fields["arbitrators"] = sizes.pop()
    elif sizes:
        problems.append(
            f"{text!r} names both a sole arbitrator and three arbitrators: choose one "
            "(or write disputes.arbitration with arbitrators: 1 or 3)"
        )
    if by_law_written(text):
        fields["by_law"] = True
    for kind, name in (("emergency", "emergency_arbitrator"), ("expedited", "expedited")):
        keep = chosen(text, kind)
        if keep is not None:
            fields[name] = keep
    return fields, problems


def _both(text: str, language: str) -> str:
    """Two languages written together ("Arabic and English") both, else the one language."""
    other = re.search(rf"\b{language}\s+(?:and|&)\s+(?:the\s+)?([A-Z][a-z]+)\b", text)
    return f"{language} and {other.group(1)}" if other and other.group(1) in LANGUAGES else language


def _first(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    """The earliest match of any of the patterns in the text."""
    found = [m for p in patterns if (m := p.search(text))]
    return min(found, key=lambda m: m.start()) if found else None


def _bare_seat(text: str) -> str:
    """A seat the library knows written alone after the institution, with no word for "seat" or "in" ("CIETAC
    Beijing", "HKIAC, Hong Kong", "中国国际经济贸易仲裁委员会 北京"): the last words of a part of the text between
    commas, unless a joining word puts them inside a name ("Cámara de Comercio de Bogotá"), else ""."""
    _, _, joiners, _ = institution_words()
    for part in re.split(r"[,;、，；]", text):
        words = part.split()
        for start in range(len(words)):
            city = " ".join(words[start:])
            if (start == 0 or fold(words[start - 1]) not in joiners) and record_of(city) is not None:
                return trim_city(city)
    return ""


def _first_known_city(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    """The earliest "in <city>" whose city is a seat the library knows ("en Lima", "à Genève")."""
    found = [m for p in patterns for m in p.finditer(text) if seat_place(m.group(1)) is not None]
    return min(found, key=lambda m: m.start()) if found else None


_BESIDE = re.compile(
    r"\s*,\s*((?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|and)\s+(?:the\s+)?)?(?:d['’])?[A-Z][\w'’.-]*)*)"
)  # a country's name may hold "of", "and" or a d' ("Côte d'Ivoire", "Bosnia and Herzegovina")


def _country_beside(rest: str) -> str:
    """ ", Nigeria" where a seat's city is followed by the country or territory it is in, else "" (the longest run of
    capitalised words that names one: "Abuja, Nigeria and hearings …" gives ", Nigeria")."""
    match = _BESIDE.match(rest)
    words = match.group(1).split() if match else []
    for end in range(len(words), 0, -1):
        if country_code(" ".join(words[:end])) and re.sub(r"^d['’]", "", words[end - 1])[:1].isupper():
            return ", " + " ".join(words[:end])
    return ""
