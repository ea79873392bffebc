"""A deal that writes no liability section: the draft caps the Data Protection Obligations and states insurance minimums
in proportion to the Charges (limitation-of-liability, insurance), and says so: a note in a draft, a build warning in a
final document (a note would block it)."""

from __future__ import annotations

from typing import Any

from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.deal.readings.sector import assume
from contractgen.law.jurisdictions import find_law


def apply_liability_default(deal: Any) -> tuple[Any, list[Finding]]:
    """The deal unchanged, with a note (a draft) or a warning (a final document) where the liability terms are defaults."""
    personal = bool(deal.data_protection and deal.data_protection.personal_data)
    record, _ = find_law(deal.contract.governing_law)
    # the common-law clause drafts the default; the civil-law, Swiss and US variants keep their own terms
    common = record is not None and record.tradition != "civil" and record.family not in ("us_state", "swiss")
    if deal.liability is not None or not personal or not common:
        return deal, []
    found = Finding(
        ("liability",), "default-liability", "data-protection-cap", "the deal has no liability section",
        "the draft limits each Party's liability to the greater of the annual Charges and the Charges of the Contract "
        "Year, caps the supplier's liability for the Data Protection Obligations at 10 times the annual Charges (a "
        "deliberate breach stays unlimited), and asks for professional indemnity insurance of at least the annual "
        "Charges and cyber insurance of at least 10 times them",
        "the limits and insurance amounts the parties agree (liability: general_cap, data_protection_cap, insurance)",
        "limitation-of-liability",
    )  # fmt: skip
    if prints_as_draft(deal):
        return deal, [found]
    return assume(deal, f"liability: {found.unrecognised}; {found.drafted}; check {found.check}"), []
