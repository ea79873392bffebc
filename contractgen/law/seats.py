"""Where an arbitration is seated: the state of a seat as a practitioner writes it.

A seat is a city. Its state decides which arbitration law and courts supervise the arbitration and whether the
New York Convention carries an award made there abroad. ``seat_place`` finds it, in this order: a seat the law
records know (``law/seats``: the state, the supervising courts, the usual mediation body), a city written with its
country or territory beside it ("Lagos, Nigeria", "London, Ontario"), or a city the CLDR names as the exemplar city
of a time zone (Babel's territory of that zone: "Kuala Lumpur" is in Malaysia). Anything else has no known state.
The governing law and the institution's country are not evidence of where a seat is (an ICC arbitration may sit
anywhere), so they are never used to guess it.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from babel.core import get_global
from babel.dates import get_timezone_location

from contractgen.law.jurisdictions import find as find_jurisdiction
from contractgen.law.jurisdictions import load_jurisdictions
from contractgen.law.library import active


# the seat records live in law/seat_records (the forum words read them too); imported here for the readers of seats
from contractgen.law.seat_records import _bare, record_of, seats
from contractgen.law.seat_records import mediation_of_record as mediation_of_record


def trim_city(text: str) -> str:
    """A seat as written, without the words that follow it in a sentence ("Paris under the ICC Rules" → "Paris")."""
    city, comma, beside = text.strip().rpartition(",")
    if comma and city.strip() and country_code(beside.strip().rstrip(".,;")):
        return text.strip().rstrip(".,;")  # "St. John's, Antigua and Barbuda": the country's own "and" stays
    text = re.sub(r"\s+(?:under|with|and|by|before|in|administered|seated|using)\b.*$", "", text.strip())
    return text.rstrip(".,;")


def seat_record(city: str) -> dict[str, str] | None:
    """The law/seats entry of a city as written in a sentence (or one of its aliases), or None."""
    return record_of(trim_city(city))


def country_code(place: str | None) -> str:
    """The ISO code of a country or jurisdiction written in a deal ("India", "England and Wales", "DE"), or ""."""
    if not place:
        return ""
    record = find_jurisdiction(place)
    if record is not None:
        return record.country
    for text in (place.strip(), _bare(place)):
        try:
            return str(pycountry.countries.lookup(text).alpha_2)
        except LookupError:
            continue
    return ""


def place_country(text: str) -> str:
    """The ISO code of the first usual seat city a phrase names ("the courts of Frankfurt am Main" → DE), or ""."""
    return (seat_in(text) or {}).get("country", "")


def seat_in(text: str) -> dict[str, str] | None:
    """The law/seats entry of the first usual seat city a phrase names (longest names first), or None."""
    words = f" {text.casefold()} "
    for city in sorted(seats(), key=len, reverse=True):
        if re.search(rf"(?<![\w]){re.escape(city)}(?![\w])", words):
            return seats()[city]
    return None


def exemplar_cities() -> dict[str, str]:
    """CLDR's exemplar cities of time zones in English, by lower-case name: the ISO code of the zone's territory.

    A name two territories share is left out (it does not say which state is meant)."""
    return dict(_exemplar_cities())


@lru_cache(maxsize=1)
def _exemplar_cities() -> tuple[tuple[str, str], ...]:
    found: dict[str, set[str]] = {}
    for zone, territory in get_global("zone_territories").items():
        if not re.fullmatch(r"[A-Z]{2}", territory or ""):
            continue
        try:
            city = get_timezone_location(zone, locale="en", return_city=True)
        except (LookupError, ValueError):
            continue
        if city and "," not in city:
            found.setdefault(city.casefold(), set()).add(territory)
    return tuple(sorted((city, codes.pop()) for city, codes in found.items() if len(codes) == 1))


def seat_place(written: str) -> dict[str, str] | None:
    """The seat as the contract names it, with its state: {'name', 'country', 'jurisdiction', 'courts',
    'mediation_body', 'mediation_rules', 'found'} ('found': record, beside or cldr), or None where its state is
    not known. The name is the recorded city's, or the words as written where a country stands beside them."""
    text = trim_city(written)
    record = seat_record(text)
    if record is not None:
        return record | {"found": "record"}
    city, comma, beside = text.rpartition(",")
    code = country_code(beside) if comma else ""
    if code and city.strip():
        return _beside(text, city, beside, code)
    cldr = exemplar_cities().get(_bare(text).casefold())
    if cldr:
        return _unrecorded(_bare(text), cldr, _only_jurisdiction(cldr), "cldr")
    return None


def _beside(text: str, city: str, beside: str, code: str) -> dict[str, str]:
    """A city written with its country or territory beside it ("Lagos, Nigeria", "Hong Kong, China")."""
    record = seat_record(city)
    if record is not None and code in (record["country"], _sovereign(record["country"])):
        return record | {"name": text, "found": "beside"}
    place = find_jurisdiction(beside)
    jurisdiction = place.key if place is not None and place.country == code else _only_jurisdiction(code)
    return _unrecorded(text, code, jurisdiction, "beside")


def _only_jurisdiction(code: str) -> str:
    """The jurisdiction record of a state with a single one (its courts supervise a seat anywhere in it), else ""
    (a state of several law districts, the United Kingdom or the United States, does not say which)."""
    keys = [key for key, record in load_jurisdictions().items() if record.country == code]
    return keys[0] if len(keys) == 1 else ""


def _sovereign(code: str) -> str:
    """The state that extended the New York Convention to a territory (Hong Kong → CN), else ""."""
    record = active().records("treaties").get("new-york-convention")
    states = (record.data.get("states") or {}) if record is not None else {}
    return str((states.get(code) or {}).get("territory_of") or "")


def _unrecorded(name: str, code: str, jurisdiction: str, found: str) -> dict[str, str]:
    empty = {"courts": "", "mediation_body": "", "mediation_rules": ""}
    return {"name": name, "country": code, "jurisdiction": jurisdiction, "found": found} | empty
