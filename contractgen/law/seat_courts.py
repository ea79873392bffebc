"""The courts a client's draft chooses when the deal names none: those of the client's seat.

A jurisdiction record's `courts` are the courts a contract under its law goes to by default. Where they are the
courts of the whole jurisdiction ("the courts of England and Wales", "the state and federal courts located in the
State of New York", "the Scottish courts") the client's seat is among them. Where they are one city's ("the courts
of Milan", "the Stockholm District Court"), a client seated in another city of the same country would be sent to
the supplier's or the capital's courts by its own draft: it gets the courts of its own seat instead, read from its
address, and the draft says so in a note.
"""

from __future__ import annotations

import re
from dataclasses import replace

from contractgen.law.forums_courts import place_in_english
from contractgen.law.seats import country_code
from contractgen.law.jurisdictions import Forum, Jurisdiction, find_law

_POSTCODE = re.compile(r"\d")
_ADJECTIVE_COURTS = re.compile(r"^the \w+ courts$", re.IGNORECASE)  # "the Scottish courts": the whole jurisdiction


def seat_city(address: str) -> tuple[str, str]:
    """(city, ISO country code) of an address written "street, postcode city, country"; ("", "") if unread."""
    parts = [p.strip() for p in (address or "").split(",") if p.strip()]
    country = country_code(parts[-1]) if len(parts) > 1 else ""
    if country:
        parts = parts[:-1]
    if len(parts) < 2:
        return "", country
    words = [w for w in parts[-1].split() if not _POSTCODE.search(w)]
    city = " ".join(words)
    return (city, country) if city and city[0].isupper() else ("", country)


def whole_jurisdiction(record: Jurisdiction) -> bool:
    """True when the record's default courts are those of the whole jurisdiction, not of one city in it."""
    core = re.sub(r"^the\s+", "", record.name, flags=re.IGNORECASE)
    named = re.search(rf"\b(?:of|in)\s+(?:the\s+)?{re.escape(core)}\b", record.courts)
    return bool(named or _ADJECTIVE_COURTS.match(record.courts.strip()))


def client_seat_forum(governing_law: str, address: str) -> Forum | None:
    """The courts of the client's seat, where the deal names no forum and the governing law's default courts are
    another city's in the client's own country; else None (the record's default stands)."""
    record = find_law(governing_law)[0]
    if record is None or whole_jurisdiction(record):
        return None
    city, country = seat_city(address)
    if not city or country != record.country or city.casefold() in record.courts.casefold():
        return None
    courts = f"the courts of {city}"
    return Forum(key=record.key, name=record.name, courts=courts, plural=True, country=record.country)


def party_city(address: str) -> str:
    """The city of a party's address in English where its seat record has one ("Praha 1": Prague), skipping a county
    or district written after it ("Cluj-Napoca, județul Cluj"); "" when no part of the address is a city."""
    parts = [p.strip() for p in (address or "").split(",") if p.strip()]
    if len(parts) > 1 and country_code(parts[-1]):
        parts = parts[:-1]
    for part in reversed(parts[1:]):
        city = " ".join(w for w in part.split() if not _POSTCODE.search(w))
        if city[:1].isupper():
            return place_in_english(city)
    return ""


def party_seat_forum(forum: Forum, address: str) -> Forum:
    """The courts of the party's seat a forum refers to ("de la sediul autorității contractante"), read from that
    party's address; the forum as read where the address names no city."""
    city = party_city(address) if forum.seat_of else ""
    return replace(forum, courts=f"the courts of {city}", name=city) if city else forum
