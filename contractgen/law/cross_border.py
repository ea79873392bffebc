"""Awards across borders: the New York Convention, the arrangements between parts of China, and Mainland interim
measures in aid of an arbitration seated in Hong Kong.

Where a party is and where its assets are decides whether an award can reach it. The records are treaties
(``law/treaties``): ``new-york-convention`` (its contracting states), the arrangements on awards between two places
of one State (``kind: awards``, ``between``: the Mainland and Hong Kong, Hong Kong and Macao), which apply there
instead of the Convention, and ``kind: interim_measures`` (the Arrangement under which a party to an arbitration
seated in Hong Kong and administered by a listed institution may ask the Mainland courts for interim measures).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pycountry

from contractgen.law.library import active
from contractgen.law.seats import country_code

_RECORD = "law/treaties/{}.yaml"


@dataclass(frozen=True)
class MainlandInterim:
    """Interim measures from the courts of another place in aid of the arbitration (``disputes.mainland_interim``)."""

    arrangement: str  # the Arrangement's full name
    provision: str  # "Article 2(1)"
    listed_as: str  # the institution as the list names it
    only_if: str  # "" or the condition of the listing: "its Asia Office administers the arbitration"


def _treaties(kind: str) -> list[tuple[str, dict[str, Any]]]:
    return [(key, r.data) for key, r in sorted(active().records("treaties").items()) if r.data.get("kind") == kind]


def award_arrangement(seat_country: str, party_country: str) -> tuple[str, dict[str, Any]] | None:
    """The arrangement (id, record) under which an award made in one place is enforced in the other, or None."""
    pair = {seat_country, party_country}
    if len(pair) != 2:
        return None
    return next(((key, data) for key, data in _treaties("awards") if pair == set(data.get("between") or ())), None)


def party_places(party: Any) -> tuple[str, ...]:
    """Where a party is: the ISO codes of its place of incorporation and of the country its address ends with."""
    address = str(getattr(party, "address", "") or "")
    found = (country_code(getattr(party, "incorporated_in", None)), country_code(address.rpartition(",")[2]))
    return tuple(dict.fromkeys(code for code in found if code))


def country_name(code: str) -> str:
    """A country's common English name from its ISO code ("KR" → "South Korea"); the code where none is known."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or getattr(country, "name", code))


def award_notes(deal: Any, arbitration: Any) -> list[tuple[str, str]]:
    """Drafting notes on whether an award can be enforced where each party is: (role, note)."""
    notes: list[tuple[str, str]] = []
    record = active().records("treaties").get("new-york-convention")
    states = (record.data.get("states") or {}) if record is not None else {}
    seat, where = arbitration.seat, arbitration.seat_country
    if not where:
        if seat != "[●]":  # a draft's blank seat has its own note (deal/readings/arbitration)
            notes.append(("", _unknown_seat(seat)))
    elif states and where not in states:
        notes.append(("", _seat_not_recorded(seat, where, record.data if record is not None else {})))
    for role, party in (("client", deal.parties.client), ("supplier", deal.parties.supplier)):
        code = country_code(getattr(party, "incorporated_in", None))
        if not code or code == where:
            continue
        arrangement = award_arrangement(where, code) if where else None
        if arrangement is not None:
            key, data = arrangement
            notes.append((role, _by_arrangement(role, party, seat, code, key, data)))
        elif states and code not in states:
            notes.append((role, _party_not_recorded(role, party, seat, code, record.data if record else {})))
        elif where and where not in states and (states.get(code) or {}).get("reciprocity"):
            notes.append((role, _reciprocity(role, party, seat, code)))
    return notes


def _unknown_seat(seat: str) -> str:
    return (
        f"disputes: the seat ({seat}) is not a seat the law records know (law/seats) and names no country, so its "
        f"state is unknown and no New York Convention check was made: write the country beside the city "
        f"('{seat}, <country>')"
    )


def convention_complete(record: dict[str, Any]) -> bool:
    """Whether the New York Convention record lists every party (its `complete` field), so that a state missing from
    it is not a party rather than not recorded."""
    return record.get("complete") is True


def _listed(record: dict[str, Any]) -> str:
    """How much of the status list the record holds, as a note cites it."""
    parties = record.get("parties") or "its"
    if convention_complete(record):
        return f"law/treaties/new-york-convention.yaml lists all {parties} parties as of {record.get('as_of')}"
    return f"law/treaties/new-york-convention.yaml records {len(record.get('states') or {})} of the {parties} parties"


def _territory_caveat(record: dict[str, Any]) -> str:
    if record.get("territories_complete") is True:
        return ""
    return (
        "; if it is a territory, check whether the state responsible for it extended the Convention to it "
        "(Article X; the record lists the extensions its sources give)"
    )


def _seat_not_recorded(seat: str, code: str, record: dict[str, Any]) -> str:
    place = seat if seat.endswith(f", {country_name(code)}") else f"{seat}, {country_name(code)}"  # "Kigali, Rwanda"
    if convention_complete(record):
        return (
            f"disputes: the seat ({place}) is not in a New York Convention Contracting State ({_listed(record)}): "
            f"an award made there may not be enforceable abroad under the Convention; choose a seat in a "
            f"contracting state{_territory_caveat(record)}"
        )
    return (
        f"disputes: the seat ({place}) is not recorded as a New York Convention state "
        f"({_listed(record)}): check the UNCITRAL status page; an award made outside a "
        f"contracting state may not be enforceable abroad under the Convention"
    )


def _reciprocity(role: str, party: Any, seat: str, code: str) -> str:
    return (
        f"parties.{role}: {country_name(code)}, where {party.name} is established, applies the New York Convention "
        f"only to awards made in another contracting state (its Article I(3) declaration): if the seat ({seat}) is "
        f"not a contracting state, an award may not be enforced there under the Convention"
    )


def _party_not_recorded(role: str, party: Any, seat: str, code: str, record: dict[str, Any]) -> str:
    if convention_complete(record):
        return (
            f"parties.{role}: {country_name(code)}, where {party.name} is established, is not a New York Convention "
            f"Contracting State ({_listed(record)}): an award seated in {seat} may not be enforceable there under "
            f"the Convention{_territory_caveat(record)}"
        )
    # the record lists some of the parties only: a state missing from it may well be a party
    return (
        f"parties.{role}: {country_name(code)}, where {party.name} is established, is not among the states the New "
        f"York Convention record lists ({_listed(record).replace('records', 'lists', 1)}): check the UNCITRAL status "
        f"page; if it is not a party, an award seated in {seat} may not be enforceable there"
    )


def _by_arrangement(role: str, party: Any, seat: str, code: str, key: str, data: dict[str, Any]) -> str:
    return (
        f"parties.{role}: an award seated in {seat} is recognised and enforced in {_place(code)}, where "
        f"{party.name} is established, under {data['name']} ({_RECORD.format(key)}), not the New York Convention"
    )


def _place(code: str) -> str:
    return {"CN": "the Mainland", "HK": "Hong Kong", "MO": "Macao"}.get(code, country_name(code))


def mainland_interim(deal: Any, arbitration: Any) -> tuple[MainlandInterim | None, list[str]]:
    """Where the seat is in Hong Kong and a party is in the Mainland (incorporated, addressed or, for the supplier,
    delivering there): the Interim Measures Arrangement as the clause states it when the institution is listed, else
    a note that it does not reach this arbitration; and the notes."""
    for key, data in _treaties("interim_measures"):
        reaches = set(data.get("reaches") or ())
        if arbitration.seat_country != data.get("seat_country"):
            continue
        parties = [p for role, p in _parties(deal) if reaches & _places(deal, role, p)]
        if not parties:
            continue
        listed = (data.get("institutions") or {}).get(arbitration.institution.key)
        if listed is None or not arbitration.administered:
            return None, [_not_listed(key, data, arbitration, parties[0])]
        view = MainlandInterim(
            arrangement=data["name"],
            provision=data.get("provision") or "",
            listed_as=listed["listed_as"],
            only_if=listed.get("only_if") or "",
        )
        return view, [_confirm_listing(key, data, view)]
    return None, []


def _parties(deal: Any) -> list[tuple[str, Any]]:
    return [("client", deal.parties.client), ("supplier", deal.parties.supplier)]


def _places(deal: Any, role: str, party: Any) -> set[str]:
    """Where a party is or has assets: its places, and for the supplier the countries it delivers from."""
    places = set(party_places(party))
    if role == "supplier":
        centres = getattr(getattr(deal, "sourcing", None), "delivery_centres", None) or []
        places |= {centre.country for centre in centres}
    return places


def _not_listed(key: str, data: dict[str, Any], arbitration: Any, party: Any) -> str:
    who = arbitration.institution.short or arbitration.institution.name
    listed = [v["listed_as"] for v in (data.get("institutions") or {}).values()] + list(data.get("others") or ())
    return (
        f"disputes: {party.name} is in the Mainland and the seat is {arbitration.seat}, but {who} is not among the "
        f"institutions listed under {data.get('provision') or 'the Arrangement'} of {data['name']} "
        f"({_RECORD.format(key)}): no party could ask a Mainland court for interim measures in aid of this "
        f"arbitration under it; an arbitration administered by a listed institution could ({'; '.join(listed)})"
    )


def _confirm_listing(key: str, data: dict[str, Any], view: MainlandInterim) -> str:
    condition = f", where {view.only_if}" if view.only_if else ""
    return (
        f"disputes: the arbitration clause relies on {view.listed_as} being listed under {view.provision} of "
        f"{data.get('short') or data['name']}{condition} ({_RECORD.format(key)}): each listing is valid for a "
        f"limited period, so confirm it on the Department of Justice's current list before signing"
    )
