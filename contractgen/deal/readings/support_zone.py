"""The time zone support hours are read in where the deal names none: the client's, from its country where the
time-zone data give that country one zone, else from the city of its address where the data name it (Kuala Lumpur in
Malaysia, which has two); where neither settles it, the validation rule still asks for it (check_support_hours)."""

from __future__ import annotations

import re
from typing import Any

from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.deal.readings.sector import assume, client_country
from contractgen.law.seats import country_code
from contractgen.values.countries import country_zones, zone_of

CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


def place_zone(country: str, address: str) -> str | None:
    """The zone of a place: its country's only zone, else the zone of a city named in a part of its address."""
    zones = country_zones(country) if country else []
    if len(zones) <= 1:
        return zones[0] if zones else None
    names = [" ".join(re.sub(r"[\d\-–/]+", " ", part).split()) for part in reversed(str(address or "").split(","))]
    for local in (False, True):  # the English names first: the names in the country's languages take longer to load
        if zone := next((z for name in names if name and (z := zone_of(country, name, local))), None):
            return zone
    return None


def client_zone(deal: Any) -> str | None:
    """The client's time zone where the deal names none: from its place (its country, else the country its address
    or its governing law names), else the one zone of the deal's Delivery Centres where the client's country is not
    known; None where the data do not settle it."""
    client = deal.parties.client
    if client.timezone:
        return str(client.timezone)
    address = str(client.address or "")
    country = (
        country_code(client.incorporated_in) or country_code(address.rsplit(",", 1)[-1].strip()) or client_country(deal)
    )
    if country:
        return place_zone(country, address)
    centres = {str(c.timezone) for c in (deal.sourcing.delivery_centres if deal.sourcing else []) if c.timezone}
    return next(iter(centres)) if len(centres) == 1 else None


def needs_zone(deal: Any, service: Any) -> bool:
    """Whether a service's hours are read in a zone the deal does not name: clock times, or the client's business
    hours (its own or, where it gives none, the ones Schedule 1 proposes), with no zone for the service or a party."""
    if service.support_timezone or deal.parties.client.timezone or deal.parties.supplier.timezone:
        return False
    return not service.support_hours or bool(CLOCK_TIME.search(str(service.support_hours)))


def apply_support_zone(deal: Any) -> tuple[Any, list[Finding]]:
    """Return the deal with each service whose hours need a zone read in the client's, where the data settle it, and
    a note (a final contract: a build warning) for the services whose hours Schedule 1 proposes."""
    services = list(deal.scope.services)
    if any(needs_zone(deal, s) for s in services) and (zone := client_zone(deal)):
        read = [s.model_copy(update={"support_timezone": zone}) if needs_zone(deal, s) else s for s in services]
        deal = deal.model_copy(update={"scope": deal.scope.model_copy(update={"services": read})})
    if deal.parties.client.business_hours:
        return deal, []
    unset = [s for s in deal.scope.services if not s.support_hours]
    if not unset:
        return deal, []
    zone = unset[0].support_timezone or deal.parties.client.timezone or deal.parties.supplier.timezone
    names = " and ".join(str(s.name) for s in unset)
    notes = [Finding(("scope", "services"), "default-business-hours", "client",
                     f"the deal gives neither support hours for {names} nor the client's business hours",
                     "Schedule 1 states the client's normal business hours as [09:00] to [17:00] on Business Days"
                     + (f" ({zone}), in square brackets as a proposal" if zone else
                        ", in square brackets as a proposal, with no time zone (the deal names none and the client's "
                        "place does not settle one)"),
                     "the hours (scope.services.support_hours, or parties.client.business_hours)"
                     + ("" if zone else " and their time zone (parties.client.timezone)"),
                     "svc-descriptions")]  # fmt: skip
    if prints_as_draft(deal):
        return deal, notes
    return assume(deal, "; ".join(f"{'.'.join(map(str, n.path))}: {n.unrecognised}; {n.drafted}; check {n.check}"
                                  for n in notes)), []  # fmt: skip
