"""Support hours against the hours the client's people work: gaps a draft covers by on-call work, each warned."""

from __future__ import annotations


from collections.abc import Iterator
from typing import Any


from contractgen.deal.derived import staffed_at_centre, support_gaps
from contractgen.deal.readings.finding import Finding


def hours_findings(deal: Any) -> Iterator[Finding]:
    """A finding for each service whose support hours (else the client's business hours) the Delivery Centres'
    hours do not cover."""
    for index, service, gaps in support_gaps(deal):
        hours = service.support_hours or f"in the client's business hours ({deal.parties.client.business_hours})"
        why = (
            "payment card data is handled (PCI DSS)"
            if "PCI DSS" in (deal.regulatory or [])
            else "it is scheduled front-line customer contact"
        )
        drafted = (
            f"the draft requires a Delivery Centre to be staffed for those hours, in shifts beyond its business "
            f"hours, and no remote working, because {why} (delivery-locations)"
            if staffed_at_centre(deal, service)
            else "the draft has those hours covered by on-call personnel working remotely from the Delivery "
            "Centres' countries (delivery-locations)"
        )
        yield Finding(
            ("scope", "services", index, "support_hours" if service.support_hours else "name"), "support-hours",
            str(service.id),
            f"{service.name} is supported {hours}, but no Delivery Centre works {'; '.join(gaps)} (local time of the "
            "support hours)",
            drafted,
            "how those hours are staffed: longer Delivery Centre hours (sourcing.delivery_centres.business_hours), "
            "a shift or on-call model, or remote working the client approves",
            "delivery-locations",
        )  # fmt: skip


def support_hours_warnings(deal: Any) -> list[str]:
    """The findings as build warnings, for a draft and a final contract alike (the document itself is unchanged)."""
    return [
        f"{'.'.join(map(str, f.path))}: {f.unrecognised}; {f.drafted}; check {f.check}" for f in hours_findings(deal)
    ]
