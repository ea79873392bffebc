"""How a party that is not a company is named by the law of its place (the ``party_kinds`` list of a jurisdiction
record): a Kenyan county is "a county government" constituted under Article 176 of the Constitution, a Swedish region
"a region" under the Local Government Act, an English charity is registered with the Charity Commission for England
and Wales. Where no record says, the clause keeps its general words ("a local authority", "a charity").

A partnership whose general partner is a company (a GmbH & Co. KG, a Ltd & Co KG, a limited partnership whose deal
names a corporate general partner) acts by that partner, which signs through its own officers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from contractgen.law.jurisdictions import find
from contractgen.law.library import active
from contractgen.law.seats import country_code


@dataclass(frozen=True)
class KindView:
    """The law's words for a party's kind ("" where the clause's general words apply)."""

    words: str = ""  # "a county government"
    under: str = ""  # the law that constitutes such a body, where the deal names none
    register: str = ""  # "the Charity Commission for England and Wales"
    limited: bool = False  # a limited partnership (KG, LP, société en commandite)
    general_partner: str = ""  # the company that is its general partner, where the deal or the name says one is
    corporate_partner: bool = False  # its general partner is a company: it acts by that partner's officers


# A firm's name that shows a company as its general partner: "Isar IT Services GmbH & Co. KG", "Acme Ltd & Co KG".
_CORPORATE_KG = re.compile(
    r"(?i)\b(GmbH|UG|AG|SE|Ltd\.?|Limited|B\.?V\.?|S\.?à\s?r\.?l\.?|S\.?A\.?R\.?L\.?|Inc\.?|LLC|Stiftung)\s*"
    r"(&|und|\+)\s*Co\.?\s*(KG|KGaA|OHG|LP|L\.P\.)\s*$"
)
_LIMITED = re.compile(
    r"(?i)(\bKG|\bKGaA|\bL\.?P\.?|Limited Partnership|\bS\.?C\.?S\.?|\bS\.?C\.?A\.?|société en commandite.*|"
    r"Kommanditgesellschaft)\s*$"
)


def _record_data(party: Any, governing_law: str) -> dict[str, Any]:
    """The record of the party's place: where it is incorporated, else the country its address names, else the
    governing law's where the address is in that law's country."""
    address = str(getattr(party, "address", "") or "")
    candidates = [str(getattr(party, "incorporated_in", None) or "")]
    parts = [part.strip() for part in reversed(address.split(","))][:2]
    for candidate in candidates + parts:
        found = find(candidate) if candidate else None
        if found is not None:
            break
    else:
        law = find(governing_law) if governing_law else None
        in_law = law is not None and law.country and any(country_code(part) == law.country for part in parts)
        found = law if in_law else None
    if found is None:
        return {}
    record = active().records("jurisdictions").get(found.key)
    return record.data if record is not None else {}


def kind_view(party: Any, governing_law: str = "") -> KindView:
    """How the law of a party's place names its kind, and whether a company is its general partner."""
    kind = getattr(party, "kind", "company")
    name = " ".join(str(party.name).split())
    partner = str(getattr(party, "general_partner", None) or "")
    corporate = kind == "partnership" and bool(partner or _CORPORATE_KG.search(name))
    limited = kind == "partnership" and (corporate or bool(_LIMITED.search(name)))
    key = "limited_partnership" if limited else kind
    level = str(getattr(party, "level", None) or "")
    data = _record_data(party, governing_law) if kind != "company" else {}
    entry: dict[str, Any] = next(
        (
            e
            for e in data.get("party_kinds") or ()
            if e.get("kind") == key and (not e.get("level") or e.get("level") == level)
        ),
        {},
    )
    return KindView(
        words=str(entry.get("words") or ""),
        under=str(entry.get("under") or ""),
        register=str(entry.get("charity_register") or ""),
        limited=limited,
        general_partner=partner,
        corporate_partner=corporate,
    )


def kind_views(deal: Any) -> dict[str, KindView]:
    """The view of each party, by role."""
    law = str(deal.contract.governing_law or "")
    return {role: kind_view(getattr(deal.parties, role), law) for role in ("client", "supplier")}
