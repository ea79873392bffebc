"""Support hours against the hours the client's people work: gaps a draft covers by on-call work, each warned."""

from __future__ import annotations


from collections.abc import Iterator
from typing import Any


from contractgen.deal.derived import support_gaps
from contractgen.deal.readings.finding import Finding


def hours_findings(deal: Any) -> Iterator[Finding]:
    """A finding for each service whose support hours the Delivery Centres' hours do not cover."""
    for index, service, gaps in support_gaps(deal):
        yield Finding(
            ("scope", "services", index, "support_hours"), "support-hours", str(service.id),
            f"{service.name} is supported {service.support_hours}, but no Delivery Centre works "
            f"{'; '.join(gaps)} (local time of the support hours)",
            "the draft has those hours covered by on-call personnel working remotely from the Delivery Centres' "
            "countries (delivery-locations)",
            "how those hours are staffed: longer Delivery Centre hours (sourcing.delivery_centres.business_hours), "
            "a shift or on-call model, or remote working the client approves",
            "delivery-locations",
        )  # fmt: skip


def support_hours_warnings(deal: Any) -> list[str]:
    """The findings as build warnings, for a draft and a final contract alike (the document itself is unchanged)."""
    return [
        f"{'.'.join(map(str, f.path))}: {f.unrecognised}; {f.drafted}; check {f.check}" for f in hours_findings(deal)
    ]
