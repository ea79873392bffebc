"""Services with no service levels that a contract must still give targets: Schedule 1 proposes them in brackets.

A service run round the clock (managed hosting, a platform's operation) without availability, response or recovery
targets is below market standard, and DORA requires service level descriptions for every ICT service (Art. 30(2)(e))
and precise quantitative targets for a critical or important function (Art. 30(3)(a)). Where the deal states no
service levels, Schedule 1 states targets for such a service with each figure in square brackets, a proposal a
lawyer can negotiate rather than nothing; a note in a draft, a build warning in a final document asks for the agreed
figures.
"""

from __future__ import annotations

from typing import Any

from contractgen.deal.derived import targets_proposed
from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.deal.readings.sector import assume


def apply_proposed_targets(deal: Any) -> tuple[Any, list[Finding]]:
    """The deal unchanged, with a note (a draft) or a build warning (a final document) naming the services whose
    performance targets Schedule 1 proposes in brackets."""
    proposed = targets_proposed(deal)
    if not proposed:
        return deal, []
    names = [str(s.name) for s in deal.scope.services if s.id in proposed]
    why = (
        "the deal is under DORA, which requires service level descriptions (Art. 30(2)(e))"
        if ("DORA" in (deal.regulatory or []))
        else "a service run round the clock is expected to have availability, response and recovery targets"
    )
    finding = Finding(
        ("service_levels",), "default-targets", " ".join(proposed),
        f"the deal states no service levels, and {why}",
        f"Schedule 1 proposes performance targets for {' and '.join(names)}, each figure in square brackets "
        "(availability [99.5]% a month where run round the clock, response [30 minutes] and restoration [4 hours] "
        "for a fault that stops it, recovery within [4 hours] losing no more than [1 hour] of data)",
        "the targets the parties agree and write them under service_levels", "svc-descriptions",
    )  # fmt: skip
    if prints_as_draft(deal):
        return deal, [finding]
    return assume(deal, f"service_levels: {finding.unrecognised}; {finding.drafted}; check {finding.check}"), []
