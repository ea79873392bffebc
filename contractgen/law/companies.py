"""How a company is described and signs, by the law of the place it is incorporated in and the form its
name shows (the ``companies`` block of a jurisdiction record).

A Delaware corporation is incorporated, a Delaware limited liability company is formed, and either gives
its principal place of business (its registered office is its registered agent's); an Australian company
is registered under the Corporations Act with an ACN; a Mexican sociedad acts through a legal representative
whose powers are granted by public deed. Where the record has no block, or the name shows no form it
knows, a company keeps the general wording ("a company incorporated in …, whose registered office is at …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from contractgen.law.commercial import TaxName
from contractgen.law.seats import country_code
from contractgen.law.jurisdictions import find
from contractgen.law.library import active


@dataclass(frozen=True)
class CompanyView:
    """How a contract describes one company party and how it signs ("" where the law gives no wording)."""

    described: str = ""  # "a Delaware corporation"; "" for the general wording
    organised: str = "incorporated"
    office: str = "registered office"
    number: str = ""  # the company's number with what the register calls it: "file number 6620914"
    representative: str = ""  # how it acts through a legal representative, where it does
    signs_as: str = ""  # the cover.yaml execution kind for its signature block ("legal_representative")
    register_number: bool = True  # false where the number given is not its number in the companies register
    particulars: str = ""  # what its law requires its contracts to state ("… (Article 2250 of the Civil Code)")


def _ending(text: str) -> str:
    return re.sub(r"[\s,.]+", " ", text.casefold()).strip()


def _record(place: str) -> dict[str, Any] | None:
    """The ``companies`` block of the record of the place a party is incorporated in ("New South Wales, Australia")."""
    parts = [p.strip() for p in place.split(",")]
    for candidate in (place, *parts):
        found = find(candidate) if candidate else None
        if found is not None:
            record = active().records("jurisdictions").get(found.key)
            return (record.data.get("companies") if record is not None else None) or None
    return None


def _number(label: str, number: str) -> str:
    """The number with its register's name before it, unless it is written with one ("ACN 612 345 678",
    "SEC Reg. No. CS201512345"); a state code alone ("DE 6620914") is not a register's name."""
    if not number:
        return ""
    prefix = re.split(r"\d", number, maxsplit=1)[0]
    if not label or re.search(r"[A-Za-z]{3}|No\.", prefix):
        return number
    return f"{label} {number}"


def company_view(party: Any) -> CompanyView:
    """How the contract describes a company party and how it signs, from its place's record and its name."""
    if getattr(party, "kind", "company") != "company" or not party.incorporated_in:
        return CompanyView()
    block = _record(str(party.incorporated_in))
    if block is None:
        return CompanyView()
    name = _ending(party.name)
    form = next(
        (f for f in block["forms"] if any(name.endswith(_ending(n)) for n in f["names"] if _ending(n))),
        None,
    )
    if form is None:
        return CompanyView()
    representative = str(block.get("representative") or "")
    given = str(party.company_number or party.registered_number or "")
    kind = next((n for n in block.get("numbers") or () if given and re.fullmatch(n["pattern"], given.strip())), None)
    label = str(kind["label"] if kind else block.get("number") or "")
    return CompanyView(
        described=str(form["described"]),
        organised=str(form.get("organised") or "incorporated"),
        office=str(block.get("office") or "registered office"),
        number=_number(label, given),
        representative=representative,
        signs_as="legal_representative" if representative else "",
        register_number=bool(kind.get("in_register", True)) if kind else True,
        particulars=str(block.get("particulars") or ""),
    )


def company_views(deal: Any) -> dict[str, CompanyView]:
    """The view of each party, by role."""
    return {role: company_view(getattr(deal.parties, role)) for role in ("client", "supplier")}


def supplier_tax(deal: Any) -> TaxName:
    """The indirect tax of the supplier's place of incorporation where it is in another country than the client's
    (its own invoices charge it: Mexican IVA on services to a US client), as that place's record names it; else none."""
    supplier, client = deal.parties.supplier, deal.parties.client
    place = str(getattr(supplier, "incorporated_in", None) or "")
    if not place or country_code(place) == country_code(getattr(client, "incorporated_in", None)):
        return TaxName()
    for candidate in (place, *(p.strip() for p in place.split(","))):
        found = find(candidate) if candidate else None
        if found is not None:
            return found.commercial.tax if found.commercial.tax.short and found.commercial.tax.invoice else TaxName()
    return TaxName()
