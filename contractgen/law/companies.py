"""How a company is described and signs, by the law of the place it is incorporated in and the form its
name shows (the ``companies`` block of a jurisdiction record).

A Delaware corporation is incorporated, a Delaware limited liability company is formed, and either gives
its principal place of business (its registered office is its registered agent's); an Australian company
is registered under the Corporations Act with an ACN; a Mexican sociedad acts through a legal representative
whose powers are granted by public deed. Where a common-law or mixed place's record has no block, a company keeps the general wording ("a company incorporated
in …, with company number …, whose registered office is at …"); elsewhere (a civil-law place without a block,
a place no record names, or a name that shows no form the block knows) the description is neutral ("a company
organised under the laws of …, with registration number …") and a drafting note says what to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from contractgen.law.commercial import TaxName
from contractgen.law.seats import country_code
from contractgen.law.jurisdictions import find
from contractgen.law.library import active
from contractgen.law.party_kinds import kind_view
from contractgen.values.countries import in_english


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
    # Where no record describes the form and the place is not a common-law one (whose "incorporated … with company
    # number … registered office" the general wording is), the description stays neutral: "organised under the laws
    # of …, with registration number …"; `unknown` then says what is missing, for the drafting note.
    neutral: bool = False
    unknown: str = ""  # "the law of Uruguay" (no record) or "the forms of Chile's record" (a form it does not list)
    label: str = ""  # the record's name for the company's identifier ("RUT"), for the note that asks for it
    place: str = ""  # a neutral description's place as its record names it ("the People's Republic of China")
    capacities: tuple[str, ...] = ()  # the capacity of each person who signs for its form, where the record says
    signing_rule: str = ""  # how the statute has a company of its form represented, with its section


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


def _jurisdiction(place: str) -> Any:
    """The jurisdiction record a place of incorporation names ("New South Wales, Australia"), or None."""
    for candidate in (place, *(p.strip() for p in place.split(","))):
        found = find(candidate) if candidate else None
        if found is not None:
            return found
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


def _llp_view(place: str) -> CompanyView:
    """How a limited liability partnership of a place signs, where its record says (``llp``): its signature block
    is the cover.yaml execution kind ``llp_<signatory>`` ("llp_designated_partner"); else the general LLP block."""
    for candidate in (place, *(p.strip() for p in place.split(","))):
        found = find(candidate) if candidate else None
        record = active().records("jurisdictions").get(found.key) if found is not None else None
        if record is not None:
            signatory = str((record.data.get("llp") or {}).get("signatory") or "")
            return CompanyView(signs_as="llp_" + re.sub(r"\W+", "_", signatory.casefold()) if signatory else "")
    return CompanyView()


def company_view(party: Any) -> CompanyView:
    """How the contract describes a company party and how it signs, from its place's record and its name."""
    view = _described(party)
    form = _signing_form(party) if getattr(party, "kind", "company") == "company" and party.incorporated_in else None
    if form is None:
        return view
    joint = len(form["capacities"]) > 1
    return replace(
        view,
        capacities=tuple(form["capacities"]),
        signing_rule=str(form["rule"]),
        signs_as=view.signs_as or ("two_signatories" if joint else "one_signatory"),
    )


def _signing_form(party: Any) -> dict[str, Any] | None:
    """The ``signing`` form of the record of a company's place that its name shows ("… AG"), or None."""
    record = _jurisdiction(str(party.incorporated_in))
    data = active().records("jurisdictions").get(record.key) if record is not None else None
    forms = ((data.data.get("signing") or {}).get("forms") or []) if data is not None else []
    name = _ending(party.name)
    return next(
        (f for f in forms if any(f" {name}".endswith(f" {_ending(n)}") for n in f["names"] if _ending(n))), None
    )


def _described(party: Any) -> CompanyView:
    if getattr(party, "kind", "company") == "llp" and party.incorporated_in:
        return _llp_view(str(party.incorporated_in))
    if getattr(party, "kind", "company") == "partnership" and kind_view(party).corporate_partner:
        return CompanyView(signs_as="partnership_general_partner")  # it acts by its corporate general partner
    if getattr(party, "kind", "company") != "company" or not party.incorporated_in:
        return CompanyView()
    place = str(party.incorporated_in)
    block = _record(place)
    if block is None:
        record = _jurisdiction(place)
        if record is not None and record.tradition != "civil":  # common law, or mixed (Scotland, South Africa)
            return CompanyView()
        where = in_english(place) if record is None else record.name  # "Uruguai" reads "Uruguay"
        return CompanyView(neutral=True, unknown=f"the law of {where}", place=where)
    name = _ending(party.name)
    form = next(
        (f for f in block["forms"] if any(name.endswith(_ending(n)) for n in f["names"] if _ending(n))),
        None,
    )
    label = str(block.get("number") or "")
    if form is None:
        record = _jurisdiction(place)
        names = ", ".join(n for f in block["forms"] for n in f["names"][:1])
        where = record.name if record is not None else place
        return CompanyView(
            neutral=True,
            unknown=f"the forms the library records for {where} ({names})",
            label=label,
            number=_number(label, str(party.company_number or party.registered_number or "")),
            place=where,
        )
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
        label=label,
    )


def company_views(deal: Any) -> dict[str, CompanyView]:
    """The view of each party, by role."""
    return {role: company_view(getattr(deal.parties, role)) for role in ("client", "supplier")}


def supplier_tax(deal: Any) -> TaxName:
    """The indirect tax of the supplier's place of incorporation where it is in another country than the client's
    (its own invoices charge it: Mexican IVA on services to a US client), as that place's record names it, with the
    invoice it issues to a buyer abroad where the record gives one (`invoice_abroad`); else none."""
    supplier, client = deal.parties.supplier, deal.parties.client
    place = str(getattr(supplier, "incorporated_in", None) or "")
    if not place or country_code(place) == country_code(getattr(client, "incorporated_in", None)):
        return TaxName()
    for candidate in (place, *(p.strip() for p in place.split(","))):
        found = find(candidate) if candidate else None
        if found is not None:
            tax = found.commercial.tax
            if not (tax.short and tax.invoice):
                return TaxName()
            return replace(tax, invoice=tax.invoice_abroad) if tax.invoice_abroad else tax
    return TaxName()
