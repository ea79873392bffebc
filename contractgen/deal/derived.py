"""Figures derived from a deal: computed once here, never in templates.

``compute_derived(deal)`` returns a ``Derived``; the clause context (``templating.sandbox``)
computes it once per document and hands it to clauses as ``derived``. Clause authors use its
field names, so they are stable.

What the deal's own words imply, read when it is loaded, each with a drafting note: data categories that read as
special-category or sensitive data (``apply_special_data``), payment terms the library does not read."""

from __future__ import annotations
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo
from contractgen import yamlload
from contractgen.deal.readings.sector import client_country, guessed_sector, interest_free, party_countries
from contractgen.deal.readings.sector import premises_countries
from contractgen.deal.model import Deal, Service
from contractgen.deal.readings.finding import prints_as_draft
from contractgen.deal.readings.pricing_unit import unit_kind
from contractgen.law.seats import country_code
from contractgen.law.regimes import deal_regulations
from contractgen.values.clock import mid_month_wednesday, uncovered, utc_span
from contractgen.values.countries import country_name
from contractgen.values.currencies import printed_sign
from contractgen.values.durations import ClockRange, Duration, TimeSpan


# Length of a measurement period in minutes, for allowed downtime (a month counts as 30 days).
PERIOD_MINUTES = {"calendar month": 30 * 24 * 60, "calendar quarter": 90 * 24 * 60}


CENT = Decimal("0.01")


# Invoicing words that count per-unit Charges on the month's last day ("the active user count on the last day of the month").
MONTH_END = re.compile(
    r"\b(last|final) (calendar |business |working )?day of (the|each|every) (calendar )?month\b", re.I
)


@dataclass(frozen=True)
class Overlap:
    """Daily overlap of the client's business hours with one delivery centre's."""

    city: str
    country: str
    country_name: str
    timezone: str
    business_hours: ClockRange
    winter_hours: float  # mid-winter of the client's hemisphere: 15 January north, 15 July south
    summer_hours: float  # mid-summer of the client's hemisphere: 15 July north, 15 January south
    worst_hours: float  # least over every day of the effective year (catches DST mismatch weeks)


@dataclass(frozen=True)
class AvailabilityFigure:
    """An availability target with the downtime it allows per measurement period."""

    service: str
    service_name: str
    target: Decimal
    maintenance_window: str | None
    allowed_downtime: TimeSpan
    allowed_downtime_minutes: float
    round_the_clock: bool = True  # measured 24x7; False: over the service's support hours only
    hours: str = ""  # the service's support hours as the deal writes them ("" when round the clock)


SERVICE_KIND_WORDS = Path(__file__).with_name("data") / "service_kind_words.yaml"


@lru_cache(maxsize=None)
def _kind_words(kind: str) -> re.Pattern[str]:
    data = yamlload.safe_load(SERVICE_KIND_WORDS.read_text("utf-8"))
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in data[kind]) + r")\b")


def is_security_operations(service: Any) -> bool:
    """Tell whether a service's id or name makes it a security operations service ('SOC', 'Security Monitoring')."""
    pattern = _kind_words("security operations")
    return any(pattern.search(text or "") for text in (service.id, service.name))


def is_end_user_support(service: Any) -> bool:
    """Tell whether a service's name makes it support for end users only ('IT Support', 'Helpdesk')."""
    return bool(_kind_words("end-user support").search(service.name or ""))


# The kinds of service whose usual activities Schedule 1 lists where the deal lists none, first match first.
SERVICE_KINDS = ("security operations", "incident response", "end-user support", "application support",
                 "application development")  # fmt: skip


def staffed_at_centre(deal: Any, service: Any) -> bool:
    """Whether a service's hours beyond the Delivery Centres' are worked at a Delivery Centre, not on call from home:
    scheduled front-line customer contact ('Contact Centre'), or any service of a deal under PCI DSS (card data)."""
    return "PCI DSS" in (deal.regulatory or []) or bool(
        _kind_words("front-line contact").search(f"{service.id} {service.name}")
    )


SPRINT = re.compile(r"\b(one|two|three|four|[1-4])[- ]weeks?\b[\w -]{0,12}?\bsprints?\b", re.IGNORECASE)
WEEKS = {"one": 1, "two": 2, "three": 3, "four": 4}


def sprint_days(deal: Any) -> int:
    """The length in days of the sprints a service's description names ('two-week sprints': 14), else 0."""
    for service in deal.scope.services:
        if match := SPRINT.search(str(getattr(service, "description", "") or "")):
            word = match.group(1).lower()
            return 7 * (WEEKS[word] if word in WEEKS else int(word))
    return 0


def service_kind(service: Any) -> str:
    """Return the kind of a service as its id or name says ('security operations', 'incident response' …), else ''."""
    for kind in SERVICE_KINDS:
        if any(_kind_words(kind).search(text or "") for text in (service.id, service.name)):
            return kind
    return ""


@dataclass(frozen=True)
class Derived:
    """Everything computed from a deal."""

    annual_charges: Decimal | None
    general_cap_amount: Decimal | None
    data_protection_cap_amount: Decimal | None
    overlap_hours: float | None
    overlaps: list[Overlap]
    availability: list[AvailabilityFigure]
    services_by_id: dict[str, Service] = field(hash=False)
    gdpr: bool
    hipaa: bool
    delivery_countries: list[str]
    term_end: date
    service_countries: list[str] = field(default_factory=list)  # the Delivery Centres', else the supplier's premises'
    proposed_targets: dict[str, bool] = field(default_factory=dict)  # Schedule 1's targets: service id: round the clock
    incident_notice: Duration | None = None
    client_sector: str = ""  # what the client is licensed as: as stated, else as its name suggests ("bank")
    client_country: str = ""  # where the client is incorporated, else the governing law's country
    supplier_country: str = ""  # where the supplier is incorporated, where the deal says
    client_interest_free: bool = False  # the client's name says it works on interest-free (Islamic-finance) principles
    security_operations: bool = False  # a service is a security operations centre: SOC service levels apply
    end_user_support: bool = False  # every service supports end users: no software built, no data centre run
    one_country: bool = False  # both parties are incorporated in the same country: notices may go by its post
    step_in: bool = True  # as the deal states it; by default none for end-user support, with nothing to take over
    draft: bool = False  # the contract prints as a draft: open facts may print as "[●]" with a drafting note
    uncovered_support: list[str] = field(default_factory=list)  # services supported when no Delivery Centre works
    staffed_support: list[str] = field(default_factory=list)  # of those, the ones worked at a centre, not on call
    sprint_days: int = 0  # the length of the sprints a service's description names ('two-week sprints': 14), else 0
    service_kinds: dict[str, str] = field(default_factory=dict, hash=False)  # service id: its kind, where one is known
    units_at_month_end: bool = False  # per-unit Charges count the units on the month's last day (commercials.invoicing)
    unit_kind: str = ""  # what a per-unit price counts: "claim", "contact", "ticket", "account" … ("" unknown)
    units_counted_as_events: bool = False  # each unit counts in the month it happens (a claim), not while it exists
    remote_access: list[str] = field(default_factory=list)  # delivery countries outside the data residency, by name


def _interval(day: date, hours: ClockRange, zone: str) -> tuple[datetime, datetime]:
    tz = ZoneInfo(zone)
    midnight = datetime.combine(day, time(0), tz)
    # Wall-clock arithmetic on aware datetimes, then UTC: correct across DST changes at night.
    start = (midnight + timedelta(minutes=hours.start_minute)).astimezone(timezone.utc)
    end = (midnight + timedelta(minutes=hours.end_minute)).astimezone(timezone.utc)
    return start, end


def daily_overlap(day: date, client_tz: str, client_hours: ClockRange, other_tz: str, other_hours: ClockRange) -> float:
    """Hours the client's working day on `day` overlaps the other's (its previous, same or next day)."""
    c_start, c_end = _interval(day, client_hours, client_tz)
    total = timedelta(0)
    for shift in (-1, 0, 1):
        o_start, o_end = _interval(day + timedelta(days=shift), other_hours, other_tz)
        total += max(timedelta(0), min(c_end, o_end) - max(c_start, o_start))
    return total.total_seconds() / 3600


@lru_cache(maxsize=1)
def _zone_latitudes() -> dict[str, bool]:
    """Each IANA zone of the tz database's zone.tab mapped to whether its principal city lies south of the equator."""
    text = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[2]: row[1].startswith("-") for row in rows if len(row) >= 3}


@lru_cache(maxsize=64)
def southern_hemisphere(zone: str) -> bool:
    """Whether a time zone's seasons are the southern hemisphere's (winter in July)."""
    known = _zone_latitudes().get(zone)
    if known is not None:
        return known
    # A zone zone.tab does not list (a backward-compatible link): daylight saving in January means the south.
    tz = ZoneInfo(zone)
    january, july = (datetime(2001, month, 15, 12, tzinfo=tz).utcoffset() for month in (1, 7))
    return bool(january and july and january > july)


@lru_cache(maxsize=256)  # the rules and the derived figures both need them
def overlap_figures(
    year: int, client_tz: str, client_hours: ClockRange, other_tz: str, other_hours: ClockRange
) -> tuple[float, float, float]:
    """(winter, summer, worst) daily overlap in hours over the given year, seasons of the client's hemisphere."""
    winter_month, summer_month = (7, 1) if southern_hemisphere(client_tz) else (1, 7)
    winter = daily_overlap(date(year, winter_month, 15), client_tz, client_hours, other_tz, other_hours)
    summer = daily_overlap(date(year, summer_month, 15), client_tz, client_hours, other_tz, other_hours)
    worst = min(winter, summer)
    day = date(year, 1, 1)
    while day.year == year:
        worst = min(worst, daily_overlap(day, client_tz, client_hours, other_tz, other_hours))
        day += timedelta(days=1)
    return winter, summer, worst


def _overlaps(deal: Deal) -> list[Overlap]:
    client = deal.parties.client
    if deal.sourcing is None or client.timezone is None or client.business_hours is None:
        return []
    year = deal.contract.effective_date.year
    result = []
    for centre in deal.sourcing.delivery_centres:
        hours = centre.business_hours or deal.parties.supplier.business_hours
        if hours is None or centre.timezone is None:
            continue
        winter, summer, worst = overlap_figures(year, client.timezone, client.business_hours, centre.timezone, hours)
        result.append(
            Overlap(
                city=centre.city,
                country=centre.country,
                country_name=country_name(centre.country, deal.contract.locale),
                timezone=centre.timezone,
                business_hours=hours,
                winter_hours=winter,
                summer_hours=summer,
                worst_hours=worst,
            )  # fmt: skip
        )
    return result


def annual_charges(deal: Deal) -> Decimal | None:
    """Charges for a year: 12 × monthly (fixed), 12 × units × price (per unit), 12 × estimate (T&M)."""
    c = deal.commercials
    model = c.pricing_model.value
    monthly: Decimal | None = None
    if model == "fixed monthly":
        monthly = c.monthly_charges
    elif model == "per unit":
        if c.unit_price is not None and c.estimated_monthly_units is not None:
            monthly = c.unit_price * c.estimated_monthly_units
    else:
        monthly = c.estimated_monthly_charges
    return None if monthly is None else (monthly * 12).quantize(CENT)


def _cap(multiple: Decimal | None, annual: Decimal | None) -> Decimal | None:
    return None if multiple is None or annual is None else (multiple * annual).quantize(CENT)


ROUND_THE_CLOCK = re.compile(r"^\s*(24\s*[x×/*]\s*7|24\s*hours?\b.*|24/7/365|round the clock|around the clock)", re.I)


def _round_the_clock(service: Any) -> bool:
    """True when a service is supported around the clock: its support hours say 24x7 in any usual spelling.

    A service with no support hours is provided in the client's business hours (the services schedule says so),
    so its availability is measured within them too."""
    hours = getattr(service, "support_hours", None) if service is not None else "24x7"
    return bool(hours) and bool(ROUND_THE_CLOCK.match(str(hours)))


def targets_proposed(deal: Any) -> dict[str, bool]:
    """The services Schedule 1 proposes targets for where the deal has no service levels: 24x7 ones, or all under DORA."""
    if deal.service_levels:
        return {}
    dora = "DORA" in (deal.regulatory or [])
    own = [s.id for s in deal.scope.services if not s.in_scope and service_kind(s) == "end-user support"]  # own times
    return {s.id: _round_the_clock(s) for s in deal.scope.services if (dora or _round_the_clock(s)) and s.id not in own}


def _service_hours(deal: Deal, service: Any) -> str:
    """The hours a service's availability is measured in, as the deal writes them ("" when round the clock)."""
    if _round_the_clock(service):
        return ""
    if service.support_hours:
        return str(service.support_hours)
    written = deal.parties.client.business_hours
    return f"{written} on Business Days" if written else "normal business hours on Business Days"


def _availability(deal: Deal, services: dict[str, Any]) -> list[AvailabilityFigure]:
    levels = deal.service_levels
    if levels is None:
        return []
    period = PERIOD_MINUTES[levels.measurement_period]
    result = []
    for item in levels.availability:
        minutes = (Decimal(100) - item.target) / Decimal(100) * period
        service = services.get(item.service)
        result.append(
            AvailabilityFigure(
                service=item.service,
                service_name=service.name if service else item.service,
                target=item.target,
                maintenance_window=item.maintenance_window,
                allowed_downtime=TimeSpan.from_minutes(minutes),
                allowed_downtime_minutes=float(minutes),
                round_the_clock=_round_the_clock(service),
                hours=_service_hours(deal, service),
            )  # fmt: skip
        )
    return result


def compute_derived(deal: Deal) -> Derived:
    """Compute every derived figure of a (validated) deal."""
    annual = annual_charges(deal)
    liability = deal.liability
    overlaps = _overlaps(deal)
    services = {s.id: s for s in deal.scope.services}
    regimes, _ = deal_regulations(deal)
    countries: list[str] = []
    for centre in deal.sourcing.delivery_centres if deal.sourcing else []:
        name = country_name(centre.country, deal.contract.locale)
        if name not in countries:
            countries.append(name)
    return Derived(
        annual_charges=annual,
        general_cap_amount=_cap(liability.general_cap if liability else None, annual),
        data_protection_cap_amount=_cap(liability.data_protection_cap if liability else None, annual),
        overlap_hours=min((o.worst_hours for o in overlaps), default=None),
        overlaps=overlaps,
        availability=_availability(deal, services),
        services_by_id=services,
        gdpr=any(r.family == "gdpr" for r in regimes),
        hipaa=any(r.key == "hipaa" for r in regimes),
        delivery_countries=countries,
        service_countries=countries or [country_name(c, deal.contract.locale) for c in premises_countries(deal)],
        proposed_targets=targets_proposed(deal),
        term_end=term_end(deal),
        incident_notice=incident_notice(deal),
        client_sector=deal.parties.client.sector or guessed_sector(deal.parties.client.name) or "",
        client_country=client_country(deal),
        supplier_country=country_code(getattr(deal.parties.supplier, "incorporated_in", None)),
        client_interest_free=interest_free(deal.parties.client.name),
        security_operations=any(is_security_operations(s) for s in deal.scope.services),
        service_kinds={s.id: sk for s in deal.scope.services if (sk := service_kind(s))},
        end_user_support=(helpdesk := bool(deal.scope.services) and all(map(is_end_user_support, deal.scope.services))),
        one_country=len(codes := party_countries(deal)) == 2 and codes[0] == codes[1],
        step_in=deal.step_in is not None and ("step_in" in deal.model_fields_set or not helpdesk),
        draft=prints_as_draft(deal),
        uncovered_support=[str(s.name) for _, s, _ in support_gaps(deal) if not staffed_at_centre(deal, s)],
        staffed_support=[str(s.name) for _, s, _ in support_gaps(deal) if staffed_at_centre(deal, s)],
        sprint_days=sprint_days(deal),
        units_at_month_end=bool(MONTH_END.search(str(deal.commercials.invoicing or ""))) if deal.commercials else False,
        unit_kind=(unit := unit_kind(deal.commercials.unit_name if deal.commercials else None))[0],
        units_counted_as_events=unit[1] == "event",
        remote_access=remote_access_countries(deal),
    )


def remote_access_countries(deal: Deal) -> list[str]:
    """The countries the Services are delivered from that lie outside the data residency, by name, in order.

    Personnel there reach the data held in the residency countries by remote access; the supplier's own country
    counts where the deal names no delivery centre (its premises are then the only one).
    """
    dp = deal.data_protection
    if dp is None or not dp.personal_data or not dp.data_residency:
        return []
    centres = deal.sourcing.delivery_centres if deal.sourcing else []
    codes = [c.country for c in centres] or [country_code(getattr(deal.parties.supplier, "incorporated_in", None))]
    away = [code for code in dict.fromkeys(codes) if code and code not in dp.data_residency]
    return [country_name(code, deal.contract.locale) for code in away]


def currency_sign(deal: Deal) -> str:
    """The sign amounts are printed with: the locale's own where it names the currency alone ("€", "₹"), else one
    that does ("US$", "NZ$", "GBP", "SEK"): "$", "£", "kr" and "¥" each stand for several currencies."""
    return printed_sign(deal.commercials.currency, deal.contract.locale)


def incident_notice(deal: Deal) -> Duration | None:
    """The time the supplier has to notify a security incident: the shortest of the deal's breach
    notification period and the notice each sector regime with a short reporting deadline needs."""
    periods = [r.supplier_notice for r in deal.regulatory if r.supplier_notice is not None]
    if deal.data_protection and deal.data_protection.breach_notification:
        periods.append(deal.data_protection.breach_notification)
    return min(periods, key=lambda d: d.upper_minutes, default=None)


def term_end(deal: Deal) -> date:
    """Last day of the initial term: effective date + initial term − 1 day."""
    return deal.term.initial_term.add_to(deal.contract.effective_date) - timedelta(days=1)


def dates_before(deal: Any, today: date) -> list[tuple[str, str]]:
    """The (field, message) of each date of an unsigned deal that is already past on `today`: due dates, and a
    draft's Effective Date (a final contract may take effect on an earlier date; a Deliverable due before signature
    is late whatever the document's status)."""
    if deal.status == "signed":
        return []
    found = []
    if prints_as_draft(deal) and deal.contract.effective_date < today:
        found.append(
            (
                "contract.effective_date",
                f"the Effective Date {deal.contract.effective_date.isoformat()} is before today ({today.isoformat()}): "
                "agree a new date, or say in the draft that it applies to services provided since then",
            )
        )
    for i, item in enumerate(deal.deliverables):
        if item.due is not None and isinstance(item.due, date) and item.due < today:
            found.append(
                (
                    f"deliverables[{i}].due",
                    f"{item.id} is due on {item.due.isoformat()}, before today ({today.isoformat()}): the supplier "
                    "would be late on signature",
                )
            )
    return found


# ------------------------------------------------------------ support hours against the Delivery Centres' hours
# The part of a service's daily support window that no Delivery Centre works (in winter and summer) is a gap.
SUPPORT_HOURS = re.compile(r"(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})")


def _window(text: str) -> tuple[int, int] | None:
    """The daily support window in minutes after midnight: all day for round-the-clock support, else its times."""
    if ROUND_THE_CLOCK.search(text):  # "24x7 for P1 and P2, otherwise …" is supported all day
        return 0, 1440
    match = SUPPORT_HOURS.search(text)
    if not match:
        return None
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    return h1 * 60 + m1, h2 * 60 + m2


def support_gaps(deal: Any) -> Iterator[tuple[int, Any, list[str]]]:
    """Each service with support hours that no Delivery Centre covers, and its gaps by season in local time."""
    client, supplier = deal.parties.client, deal.parties.supplier
    centres = [
        (c.timezone or supplier.timezone, c.business_hours or supplier.business_hours)
        for c in (deal.sourcing.delivery_centres if deal.sourcing else [])
    ]
    if not centres or any(zone is None or hours is None for zone, hours in centres):
        return
    year = deal.contract.effective_date.year
    for index, service in enumerate(deal.scope.services):
        zone = service.support_timezone or client.timezone
        own = client.business_hours  # a service without its own hours is provided in the client's business hours
        window = _window(str(service.support_hours or "")) if service.support_hours or not own else (
            own.start_minute, own.end_minute)  # fmt: skip
        if window is None or zone is None or window[0] >= window[1]:
            continue
        months = (7, 1) if southern_hemisphere(str(zone)) else (1, 7)
        found = []
        for season, month in zip(("winter", "summer"), months):
            day = mid_month_wednesday(year, month)
            covered = [
                utc_span(day + timedelta(days=shift), hours.start_minute, hours.end_minute, str(centre_zone))
                for centre_zone, hours in centres
                for shift in (-1, 0, 1)
            ]
            tz = ZoneInfo(str(zone))
            gaps = uncovered(utc_span(day, window[0], window[1], str(zone)), covered)
            text = ", ".join(
                f"{a.astimezone(tz):%H:%M}-{b.astimezone(tz):%H:%M}".replace("-00:00", "-24:00") for a, b in gaps
            )
            if text:
                found.append(f"{text} in {season}")
        if found:
            yield index, service, found
