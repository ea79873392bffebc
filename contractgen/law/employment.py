"""Employee transfer as data: which law moves employees when services start or end, by place of work.

The law that decides whether an employee's contract passes to a new provider is the law of the
place where the employee works, not the contract's governing law. A jurisdiction record may carry
an ``employee_transfer`` block (law/jurisdictions/*.yaml: ``automatic``, ``law``, ``informing``,
``objection``, ``sources``); an EU Member State with no such rule follows the national law implementing
the Acquired Rights Directive (law/treaties/acquired-rights-directive.yaml); any other place with no
rule has no automatic transfer the library knows of, and the clauses draft the offer-based variant for it.

A record may also carry a ``labour_supply`` block: the law of the place of work on a supplier whose own
workers perform services for a client (Mexico's register of specialised-services providers and the
client's joint liability); the staff clauses read it for each Delivery Centre's country (``staff.labour``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from contractgen.law.library import LawLibrary, active
from contractgen.law.seats import country_code
from contractgen.values.countries import country_in_sentence


@dataclass(frozen=True)
class Place:
    """A place of work as the staff clauses see it."""

    country: str  # ISO 3166-1 alpha-2
    automatic: bool  # employment passes by law when an activity moves to a new provider
    law: str = ""  # the rule, as cited in the contract ("section 613a of the German Civil Code …")
    informing: str = ""  # who must inform or consult whom before the transfer, where the rule says
    objection: str = ""  # the employee's right to object or resign, where the rule gives one
    objector_stays: bool = False  # an employee who objects stays employed by the previous employer
    key: str = ""  # the jurisdiction record's key ("" when no record has a rule for the country)
    labour: dict[str, str] | None = field(
        default=None, hash=False
    )  # the record's labour_supply rule (law, applies_to, registration …), if any


@dataclass(frozen=True)
class StaffTransfer:
    """Where employees concerned by the start and the end of the Services work (``staff``)."""

    entry: Place  # the client's staff, who work where the contract's law is
    exit: tuple[Place, ...]  # the supplier's staff, at each Delivery Centre's country
    automatic_exit: tuple[Place, ...]  # the exit places with an automatic transfer
    offer_exit: tuple[Place, ...]  # the exit places without one
    premises: tuple[Place, ...] = ()  # where the deal lists no Delivery Centre: the supplier's own country

    @property
    def labour(self) -> tuple[Place, ...]:
        """Return the places of work whose law regulates a supplier's own workers serving a client: each Delivery
        Centre's, else (the supplier's premises being the only Delivery Centre) the supplier's country's."""
        return tuple(p for p in self.exit or self.premises if p.labour)

    @property
    def laws(self) -> tuple[str, ...]:
        """Return every automatic-transfer rule that applies, entry first, without repeats."""
        seen: list[str] = []
        for place in (self.entry, *self.exit):
            if place.automatic and place.law and place.law not in seen:
                seen.append(place.law)
        return tuple(seen)


@lru_cache(maxsize=8)
def _rules(law: LawLibrary) -> dict[str, Place]:
    rules: dict[str, Place] = {}
    for key, record in sorted(law.records("jurisdictions").items()):
        block = record.data.get("employee_transfer") or {}
        labour = record.data.get("labour_supply")
        country = str(record.data.get("country") or "")
        if not (block or labour) or not country or country in rules:
            continue
        rules[country] = Place(
            country=country,
            labour={k: str(v) for k, v in labour.items() if k not in ("sources", "as_of")} if labour else None,
            automatic=bool(block.get("automatic")),
            law=str(block.get("law") or ""),
            informing=str(block.get("informing") or ""),
            objection=str(block.get("objection") or ""),
            objector_stays=bool(block.get("objector_stays")),
            key=key,
        )
    return rules


def place_of(country: str, law: LawLibrary | None = None) -> Place:
    """Return the transfer rule for a country of work: its record's, else the Acquired Rights Directive's in the EU.

    A country with neither has no automatic transfer the library knows of (the offer-based variant).
    """
    code = country.upper()
    library = law or active()
    found = _rules(library).get(code)
    if found is not None and (found.automatic or found.law):
        return found
    directive = _directive(library, code)
    if directive is not None:
        return replace(directive, labour=found.labour, key=found.key) if found is not None else directive
    return found or Place(country=code, automatic=False)


@lru_cache(maxsize=64)
def _directive(law: LawLibrary, country: str) -> Place | None:
    """The rule of an EU directive every Member State implements (law/treaties/acquired-rights-directive.yaml)."""
    record = law.records("treaties").get("acquired-rights-directive")
    if record is None or country not in (record.data.get("states") or {}):
        return None
    block = record.data.get("employee_transfer") or {}
    name = country_in_sentence(country)
    return Place(
        country=country,
        automatic=bool(block.get("automatic")),
        law=str(block.get("law") or "").replace("{country}", name),
        informing=str(block.get("informing") or ""),
        objection=str(block.get("objection") or ""),
    )


def staff_transfer_of(deal: Any, law_country: str) -> StaffTransfer:
    """Return the places of work of a deal: the client's (the governing law's country) and each Delivery Centre's."""
    countries: list[str] = []
    for centre in deal.sourcing.delivery_centres if deal.sourcing else []:
        if centre.country and centre.country.upper() not in countries:
            countries.append(centre.country.upper())
    exit_places = tuple(place_of(c) for c in countries)
    entry = place_of(law_country) if law_country else Place(country="", automatic=False)
    supplier = country_code(getattr(deal.parties.supplier, "incorporated_in", None)) if not countries else ""
    return StaffTransfer(
        entry=entry,
        exit=exit_places,
        automatic_exit=tuple(p for p in exit_places if p.automatic),
        offer_exit=tuple(p for p in exit_places if not p.automatic),
        premises=(place_of(supplier),) if supplier else (),
    )
