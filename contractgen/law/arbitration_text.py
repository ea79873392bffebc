"""Arbitration as practitioners write it in ``contract.jurisdiction``: institution, seat, hearing venue, number of
arbitrators and language."""

from __future__ import annotations

import re
from typing import Any

from contractgen.law.forum_words import institution_named
from contractgen.law.institutions import institutions_in, load_institutions
from contractgen.law.seats import country_code, seat_place, trim_city


_CITY = r"([A-Z][\w'’.-]*(?:[ -](?:[A-Z][\w'’.-]*|am|an|de|del|da|do|of|upon|on|la))*)"
_SEAT = re.compile(
    r"\b(?:seated|seat(?:\s+of\s+(?:the\s+)?arbitration)?(?:\s+(?:is|shall\s+be|will\s+be|being))?:?)\s+"
    r"(?:in|at)?\s*(?:the\s+)?" + _CITY
)
_IN_CITY = re.compile(r"\b(?:in|at)\s+(?:the\s+)?" + _CITY)
_VENUE = re.compile(
    r"\b(?:hearings?\s+(?:held\s+|to\s+be\s+held\s+|taking\s+place\s+)?(?:in|at)|venue(?:\s+of\s+(?:the\s+)?hearings?)?"
    r"(?:\s+(?:is|shall\s+be|will\s+be))?:?(?:\s+in)?)\s+(?:the\s+)?" + _CITY
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
}
_ARBITRATORS = re.compile(r"\b(sole|one|single|1|three|3)\s+arbitrators?\b", re.IGNORECASE)


BLANK_SEAT = "[●]"  # a draft's seat not yet agreed
SEAT_WANTED = "name the seat of the arbitration (e.g. '…, seated in Singapore')"


def _institution(text: str, seat: str) -> tuple[dict[str, Any], str]:
    """The institution fields (its record's id, or its name as written when the library has none) and the problem
    when the text names none."""
    found = institutions_in(text)
    uncitral = next((i for i in found if i.ad_hoc), None)
    administering = [i for i in found if not i.ad_hoc]
    if administering:
        return {"institution": administering[0].key, **({"rules": uncitral.rules} if uncitral else {})}, ""
    if uncitral is not None:
        return {"institution": uncitral.key}, ""
    name = institution_named(text, seat)
    if name:
        return {"institution": name}, ""
    known = ", ".join(sorted(i.short or i.key for i in load_institutions().values()))
    return {}, (
        f"{text!r}: which institution administers the arbitration? name it in full (e.g. 'the Foo Arbitration "
        f"Centre'; the library has records of {known}), or write 'ad hoc under the UNCITRAL Arbitration Rules'"
    )


def parse_arbitration(text: str) -> tuple[dict[str, Any], list[str]]:
    """Read an arbitration written as practitioners write it into Arbitration fields; return (fields, problems)."""
    problems: list[str] = []
    fields: dict[str, Any] = {}
    venue = _VENUE.search(text)
    searched = text[: venue.start()] + text[venue.end() :] if venue else text
    seat = _SEAT.search(searched) or next(
        (m for m in _IN_CITY.finditer(searched) if seat_place(m.group(1)) is not None), None
    )
    if seat is not None:
        fields["seat"] = trim_city(seat.group(1)) + _country_beside(searched[seat.end() :])
    else:
        problems.append(f"{text!r}: {SEAT_WANTED}")
    institution, problem = _institution(text, fields.get("seat", ""))
    fields.update(institution)
    problems[:0] = [problem] if problem else []
    if venue is not None:
        fields["venue"] = trim_city(venue.group(1))
    language = next((g for m in _LANGUAGE.finditer(text) for g in m.groups() if g in LANGUAGES), None)
    if language:
        fields["language"] = language
    number = _ARBITRATORS.search(text)
    if number:
        fields["arbitrators"] = 1 if number.group(1).lower() in ("sole", "one", "single", "1") else 3
    return fields, problems


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
