"""The insolvency procedures of each party's place of incorporation (the ``insolvency.events`` of its record).

A company is wound up, put into administration or restructured under the law of the place it is incorporated in,
not under the law that governs the contract: an English supplier under a Dutch contract enters an English
administration or a Part 26A restructuring plan. The insolvency clause lists those procedures for each party
whose place's record names them, and keeps its general events for every party.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from contractgen.law.jurisdictions import find


@dataclass(frozen=True)
class PartyInsolvency:
    """The procedures a party may enter under the law of its place of incorporation (none where not recorded)."""

    place: str = ""  # the name of the place's record ("England and Wales"); "" where no record is found
    law: str = ""  # the insolvency statute as cited
    events: tuple[str, ...] = ()


def party_insolvency(party: Any) -> PartyInsolvency:
    """The procedures of the record of the place a company party is incorporated in ("Manchester, England")."""
    place = str(getattr(party, "incorporated_in", "") or "")
    if getattr(party, "kind", "company") != "company" or getattr(party, "public_body", False) or not place:
        return PartyInsolvency()
    for candidate in (place, *(p.strip() for p in place.split(","))):
        record = find(candidate) if candidate else None
        if record is not None:
            terms = record.commercial.insolvency
            return PartyInsolvency(record.name, terms.law, terms.events) if terms.events else PartyInsolvency()
    return PartyInsolvency()


def insolvency_views(deal: Any) -> dict[str, PartyInsolvency]:
    """Each party's procedures, by role."""
    return {role: party_insolvency(getattr(deal.parties, role)) for role in ("client", "supplier")}
