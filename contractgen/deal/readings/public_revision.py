"""A procurement law's compulsory price revision by index (Poland's Article 439 Pzp, Brazil's Law No. 14,133) requires
the contract to state terms a deal may not give: the index, the date from which the change is measured, the level of
change that entitles a revision and the largest total change. The clause prints a bracketed blank for each, and the
draft asks for them in a note (a final contract in a build warning)."""

from __future__ import annotations

from typing import Any

from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.deal.readings.sector import assume
from contractgen.law.jurisdictions import find_law
from contractgen.law.public_sector import public_sector_of_party


def apply_public_revision(deal: Any) -> tuple[Any, list[Finding]]:
    """A note (a build warning in a final contract) for each term of a compulsory revision the deal leaves blank."""
    client = deal.parties.client
    if not client.public_body:
        return deal, []
    record, _ = find_law(deal.contract.governing_law)
    revision = public_sector_of_party(record.key, client).price_revision if record is not None else None
    if record is None or revision is None or not revision.by_index:
        return deal, []
    blanks = []
    if not deal.commercials.indexation and not revision.index:
        blanks.append("the price or cost index (commercials.indexation.index)")
    if not revision.base_date:
        blanks.append("the date from which the change is measured")
    if revision.threshold_required:
        blanks.append("the level of change in the index that entitles a Party to a revision")
    if revision.cap_required:
        blanks.append("the largest total change the revisions may make")
    if not blanks:
        return deal, []
    finding = Finding(
        ("commercials", "indexation"),
        "public-price-revision",
        record.key,
        f"{revision.law} requires {client.name}'s contract to state " + "; ".join(blanks),
        "the price revision clause prints [●] for each of them",
        "each of them, as the tender documents fix them",
        "public-sector",
    )
    if prints_as_draft(deal):
        return deal, [finding]
    return assume(deal, f"commercials.indexation: {finding.unrecognised}; {finding.drafted}; check {finding.check}"), []
