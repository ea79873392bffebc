"""Services the deal describes without listing their activities or support hours: Schedule 1 drafts a scope for each,
and says so.

A service whose id or name gives one of the kinds the Service Descriptions clause drafts (``derived.service_kind``) gets
the activities and exclusions that clause gives that kind. A service of a kind in the table of kinds practitioners name
(``service_kinds.yaml``: payments processing, an e-commerce platform, core banking, a managed network, hosting …) gets
that kind's usual activities and exclusions written into the deal where it lists none, and 24x7 support where such a
service runs round the clock and the deal gives no hours; what the deal writes is never replaced. Any other service gets
"[●]" in a draft. Either way the parties must confirm the scope: a note in a draft, a build warning in a final document
(a note would block it).
"""

from __future__ import annotations

from typing import Any

from contractgen.deal.derived import service_kind
from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.deal.readings.sector import assume
from contractgen.deal.readings.service_kinds import service_kinds, table_kind


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


def _from_table(index: int, service: Any, kind: str, where: str) -> tuple[Any, Finding | None]:
    """The service with its kind's activities, exclusions and hours where it gives none, and the note that says so."""
    row, drafted, check = service_kinds()[kind], [], []
    update: dict[str, Any] = {}
    if not service.in_scope:
        update["in_scope"] = list(row["in_scope"])
        update["out_of_scope"] = list(service.out_of_scope or row["out_of_scope"])
        drafted.append("Schedule 1 lists the activities " + ("" if service.out_of_scope else "and exclusions ")
                       + f"that a {kind} service usually has")  # fmt: skip
        check.append(f"the activities the parties agreed for {service.name} and what is excluded (scope.services"
                     f"[{index}].in_scope and out_of_scope)")  # fmt: skip
    if not service.support_hours and row.get("support_hours"):
        update["support_hours"] = str(row["support_hours"])
        drafted.append(f"it is supported {row['support_hours']}, as a {kind} service is run round the clock")
        check.append(f"the hours it is supported in (scope.services[{index}].support_hours)")
    if not update:
        return service, None
    missing = " or ".join(name for key, name in (("in_scope", "activities"), ("support_hours", "support hours"))
                          if key in update)  # fmt: skip
    return service.model_copy(update=update), Finding(
        ("scope", "services", index), "default-scope" if "in_scope" in update else "default-support-hours",
        str(service.id), f"the deal gives no {missing} for {service.name}, which {where} makes a {kind} service",
        "; ".join(drafted) + " (the generator's defaults for such a service)", "; ".join(check), "svc-descriptions",
    )  # fmt: skip


def apply_service_scope(deal: Any) -> tuple[Any, list[Finding]]:
    """The deal with the table's scope and hours for the services of a kind it knows, and a note (a draft) or a build
    warning (a final document) for each scope drafted."""
    draft, found, services = prints_as_draft(deal), [], []
    for i, service in enumerate(deal.scope.services):
        kind, where = table_kind(deal, service)
        if kind:
            service, finding = _from_table(i, service, kind, where)
            found += [finding] if finding else []
        elif not service.in_scope:
            found.append(_finding(deal, i, service, draft))
        services.append(service)
    deal = deal.model_copy(update={"scope": deal.scope.model_copy(update={"services": services})})
    if draft:
        return deal, found
    for f in found:
        deal = assume(deal, f"{'.'.join(map(str, f.path))}: {f.unrecognised}; {f.drafted}; check {f.check}")
    return deal, []
