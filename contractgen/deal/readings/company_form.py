"""Drafting notes on a company party whose form no law record describes: the draft describes it neutrally."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.law.companies import company_view


def note_company_form(deal: Any, data: Any) -> Iterator[Finding]:
    """In a draft, a company whose place has no company record, or whose name shows no form its record lists."""
    if not prints_as_draft(deal):
        return
    for role in ("client", "supplier"):
        party = getattr(deal.parties, role)
        view = company_view(party)
        if not view.neutral:
            continue
        missing = (
            f"the name of {party.name} shows none of {view.unknown}"
            if view.label
            else f"the library has no record of how {view.unknown} describes a company, its register and its identifier"
        )
        given = str(party.company_number or party.registered_number or "")
        number = f"the number the deal gives ({given})" if given else "a registration number"
        ask = "" if given else f"; give the number in parties.{role}.company_number"
        yield Finding(
            ("parties", role, "incorporated_in"), "default-company-form", role, missing,
            f"the draft describes {party.name} neutrally, as a company organised under the laws of "
            f"{view.place or party.incorporated_in} with {number}, whose registered office is at its address",
            "its legal form as its register records it, the register it is entered in and the identifier a contract "
            "under that law gives (a registry or tax number), and whether the law speaks of a registered office or a "
            f"domicile{ask}",
            "parties",
        )  # fmt: skip


def note_signing(deal: Any, data: Any) -> Iterator[Finding]:
    """In a draft, a company whose form's law says who signs for it: the signature page's lines follow the statute,
    and whether the articles depart from it is for the register to show."""
    if not prints_as_draft(deal):
        return
    for role in ("client", "supplier"):
        party = getattr(deal.parties, role)
        view = company_view(party)
        if not view.signing_rule:
            continue
        lines = "two signature lines" if len(view.capacities) > 1 else "one signature line"
        yield Finding(
            ("parties", role, "signatory"), "default-signing", role,
            f"{view.signing_rule}",
            f"the signature page gives {party.name} {lines} ({' and '.join(view.capacities)})",
            f"who may sign for {party.name}, alone or together, as its articles and its entry in the commercial "
            f"register show, and name them in parties.{role}.signatory",
            "signatures",
        )  # fmt: skip
