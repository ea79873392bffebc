"""Service levels the deal leaves to the library: the most severe Priority, measured on every Incident."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from contractgen.deal.readings.finding import Finding, prints_as_draft


def note_top_priority_target(deal: Any, data: Any) -> Iterator[Finding]:
    """A draft whose most severe Priority has no target of its own: the draft sets 100%, and a note says so."""
    levels = deal.service_levels
    if not prints_as_draft(deal) or levels is None or not levels.incident_priorities:
        return
    top = levels.incident_priorities[0]
    if top.target is not None:
        return
    general = f"{levels.incident_target.normalize():f}%"
    yield Finding(
        ("service_levels", "incident_priorities", 0, "target"), "top-priority-target", str(top.priority),
        f"the deal gives its most severe Priority, {top.priority}, no target of its own",
        f"the draft requires every Incident of Priority {top.priority} to meet its times (a target of 100%) and "
        f"does not apply to it the rule that forgives one miss where fewer than 20 Incidents are logged; the other "
        f"Priorities keep the deal's target of {general}",
        f"that the client wants every Priority {top.priority} Incident to count; a lower target for it goes in "
        "service_levels.incident_priorities[0].target", "sl-priorities",
    )  # fmt: skip
