"""What the law of a company's place of incorporation requires its contracts to state about it beyond its name,
number and office (Italy: the Companies Register office and number, the paid-up share capital, a sole shareholder
under Article 2250 of the Civil Code), which a deal has no field for: a draft asks for them in a note and a final
contract in a build warning, saying so where the number the deal gives is not the company's number in the
companies register (an Italian REA number).
"""

from __future__ import annotations

from typing import Any

from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.deal.readings.sector import assume
from contractgen.law.companies import company_view


def apply_company_particulars(deal: Any) -> tuple[Any, list[Finding]]:
    """A note (a build warning in a final contract) for each company party whose law requires particulars the deal
    cannot give."""
    found: list[Finding] = []
    for role in ("client", "supplier"):
        party = getattr(deal.parties, role)
        view = company_view(party)
        if not view.particulars:
            continue
        given = str(party.company_number or party.registered_number or "")
        label = view.number.removesuffix(given).strip()
        number = "" if view.register_number else f"; {given} is its {label}, not its number in the companies register"
        finding = Finding(
            ("parties", role, "company_number"),
            "company-particulars",
            party.name,
            f"the law of its place of incorporation requires a contract to state {view.particulars}{number}",
            "the contract describes the company by its form, its number as given and its address only",
            f"those particulars of {party.name} and add them to its description in the parties clause",
            "parties",
        )
        if prints_as_draft(deal):
            found.append(finding)
        else:
            deal = assume(deal, f"parties.{role}: {finding.unrecognised}; {finding.drafted}; check {finding.check}")
    return deal, found
