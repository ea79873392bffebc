"""Services the deal describes without listing their activities: Schedule 1 drafts a scope for each, and says so.

A service whose id or name gives its kind (``derived.service_kind``) gets the activities and exclusions a service of
that kind usually includes; any other gets "[●]" in a draft. Either way the parties must confirm the scope: a note
in a draft, a build warning in a final document (a note would block it).
"""

from __future__ import annotations

from typing import Any

from contractgen.deal.derived import service_kind
from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.deal.readings.sector import assume


def _finding(deal: Any, index: int, service: Any, draft: bool) -> Finding:
    kind = service_kind(service)
    timed = bool(deal.service_levels and deal.service_levels.incident_priorities)
    if kind:
        drafted = f"Schedule 1 lists the activities and exclusions that a service of its kind ({kind}) usually includes"
        if kind == "incident response":
            drafted += " (recovery support in scope; restoring the client's systems itself out of scope)"
        if kind == "end-user support" and not timed:
            drafted += ", with default response and fix times (urgent 1 hour and 1 Business Day, normal 4 hours and 3)"
    elif draft:
        drafted = "Schedule 1 prints [●] for its activities and its exclusions"
    else:
        drafted = "Schedule 1 says it includes the activities described in its description"
    return Finding(
        ("scope", "services", index), "default-scope", str(service.id),
        f"the deal lists no activities for {service.name} (in_scope)", drafted,
        f"the activities the parties agreed for {service.name}, what is excluded"
        + (", and the response times" if kind == "end-user support" and not timed else "")
        + f"; list them in scope.services[{index}].in_scope and out_of_scope",
        "svc-descriptions",
    )  # fmt: skip


def apply_service_scope(deal: Any) -> tuple[Any, list[Finding]]:
    """The deal unchanged, with a note (a draft) or a build warning (a final document) for each scope drafted."""
    draft = prints_as_draft(deal)
    found = [_finding(deal, i, s, draft) for i, s in enumerate(deal.scope.services) if not s.in_scope]
    if draft:
        return deal, found
    for f in found:
        deal = assume(deal, f"{'.'.join(map(str, f.path))}: {f.unrecognised}; {f.drafted}; check {f.check}")
    return deal, []
