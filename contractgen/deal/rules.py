"""Cross-field rules of a deal: each ``check_*`` function yields (field path, message) pairs.

``load`` runs them after every field is individually valid, all of them, so a user sees
every broken rule in one go; with some sections invalid, ``check_rules_partially`` runs the
rules the valid sections still allow.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError

from contractgen.deal.derived import PERIOD_MINUTES, overlap_figures, term_end
from contractgen.values.durations import Duration
from contractgen.law.privacy import check_privacy
from contractgen.law.forums import check_disputes
from contractgen.law.jurisdictions import check_contract
from contractgen.deal.yamlsource import format_path
from contractgen.deal.model import Deal
from contractgen.deal.readings.finding import prints_as_draft
from contractgen.deal.readings.party_terms import extension_option
from contractgen.deal.readings.support_zone import client_zone

Path = tuple[Any, ...]
Found = Iterator[tuple[Path, str]]

SL = ("service_levels",)
DP = ("data_protection",)


def _pct(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return f"{text} %"


def _day(value: Any) -> str:
    return f"{value.day} {value:%B %Y}"


def _duplicates(items: list[Any], key: str, path: Path, what: str) -> Found:
    seen: dict[Any, int] = {}
    for i, item in enumerate(items):
        value = getattr(item, key)
        if value in seen:
            yield path + (i, key), f"duplicate {what} {value!r} (already used at {format_path(path + (seen[value],))})"
        else:
            seen[value] = i


def check_unique_ids(deal: Deal) -> Found:
    """Service ids, deliverable ids and incident priorities are unique."""
    yield from _duplicates(deal.scope.services, "id", ("scope", "services"), "service id")
    yield from _duplicates(deal.deliverables, "id", ("deliverables",), "deliverable id")
    if deal.service_levels:
        yield from _duplicates(
            deal.service_levels.incident_priorities, "priority", SL + ("incident_priorities",), "priority"
        )
        yield from _duplicates(
            deal.service_levels.availability, "service", SL + ("availability",), "availability target for"
        )
    if deal.governance:
        yield from _duplicates(deal.governance.escalation, "level", ("governance", "escalation"), "escalation level")


def check_service_references(deal: Deal) -> Found:
    """Every `service:` names a service in scope.services."""
    ids = [s.id for s in deal.scope.services]
    levels = deal.service_levels
    if levels is None:
        return
    refs: list[tuple[Path, str | None]] = [
        (SL + ("availability", i), a.service) for i, a in enumerate(levels.availability)
    ]
    refs += [(SL + ("kpis", i), k.service) for i, k in enumerate(levels.kpis)]
    if levels.service_credits:
        refs += [(SL + ("service_credits", "tiers", i), t.service) for i, t in enumerate(levels.service_credits.tiers)]
    for path, service in refs:
        if service is not None and service not in ids:
            yield path + ("service",), f"{service!r} is not a service in scope.services (known: {', '.join(ids)})"


def check_incident_priority_times(deal: Deal) -> Found:
    """Response ≤ resolution per priority; P1 at least as fast as P2, and so on."""
    if deal.service_levels is None:
        return
    base = SL + ("incident_priorities",)
    items = deal.service_levels.incident_priorities
    for i, p in enumerate(items):
        if isinstance(p.resolution, Duration) and p.resolution < p.response:
            yield (
                base + (i, "resolution"),
                (f"{p.priority} resolution ({p.resolution}) is faster than its response ({p.response})"),
            )
    # The deal lists its priorities most severe first: each at least as fast as the next.
    for i1, (p1, p2) in enumerate(zip(items, items[1:])):
        for what in ("response", "resolution"):
            fast, slow = getattr(p1, what), getattr(p2, what)
            if isinstance(fast, Duration) and isinstance(slow, Duration) and fast > slow:
                yield (
                    base + (i1, what),
                    (
                        f"{p1.priority} {what} ({fast}) is slower than {p2.priority} {what} ({slow}); "
                        f"{p1.priority} must be at least as fast as {p2.priority}"
                    ),
                )


def check_service_credits(deal: Deal) -> Found:
    """Per service, a lower threshold gives a higher credit; no credit above the amount at risk."""
    levels = deal.service_levels
    if levels is None or levels.service_credits is None:
        return
    credits = levels.service_credits
    base = SL + ("service_credits", "tiers")

    targets = {a.service: a.target for a in levels.availability}
    by_service: dict[str, list[tuple[int, Any]]] = {}
    for i, tier in enumerate(credits.tiers):
        by_service.setdefault(tier.service, []).append((i, tier))
        if tier.credit > credits.at_risk:
            yield (
                base + (i, "credit"),
                (f"the credit ({_pct(tier.credit)}) is more than the amount at risk ({_pct(credits.at_risk)})"),
            )
        target = targets.get(tier.service)
        if target is None:
            yield (
                base + (i, "service"),
                (f"{tier.service} has no availability target in service_levels.availability for this tier to apply to"),
            )
        elif tier.below > target:
            yield (
                base + (i, "below"),
                (
                    f"the threshold ({_pct(tier.below)}) is above {tier.service}'s availability target "
                    f"({_pct(target)}), so the credit would apply while the target is met"
                ),
            )
    for service, tiers in by_service.items():
        ordered = sorted(tiers, key=lambda t: t[1].below, reverse=True)
        for (_i1, higher), (i2, lower) in zip(ordered, ordered[1:]):
            if lower.below == higher.below:
                yield base + (i2, "below"), f"{service} has two tiers below {_pct(lower.below)}"
            elif lower.credit <= higher.credit:
                yield (
                    base + (i2, "credit"),
                    (
                        f"{service} below {_pct(lower.below)} gives a credit of {_pct(lower.credit)}, not more than the "
                        f"{_pct(higher.credit)} below {_pct(higher.below)}; a lower threshold must give a higher credit"
                    ),
                )


def check_data_protection(deal: Deal) -> Found:
    """Privacy regimes, roles, breach notice, transfers and data residency (see law.privacy)."""
    yield from check_privacy(deal)


def check_core_overlap(deal: Deal) -> Found:
    """The client's and each delivery centre's business hours overlap at least core_overlap_hours."""
    sourcing = deal.sourcing
    if sourcing is None or sourcing.core_overlap_hours is None:
        return
    base = ("sourcing",)
    client = deal.parties.client
    if client.timezone is None or client.business_hours is None:
        yield (
            base + ("core_overlap_hours",),
            ("needs parties.client.timezone and parties.client.business_hours to be checked"),
        )
        return
    if not sourcing.delivery_centres:
        yield base + ("core_overlap_hours",), "needs at least one entry in sourcing.delivery_centres to be checked"
    required = float(sourcing.core_overlap_hours)
    year = deal.contract.effective_date.year
    for i, centre in enumerate(sourcing.delivery_centres):
        hours = centre.business_hours or deal.parties.supplier.business_hours
        if hours is None:
            yield (
                base + ("delivery_centres", i, "business_hours"),
                ("is required to check core_overlap_hours (or set parties.supplier.business_hours)"),
            )
            continue
        winter, summer, worst = overlap_figures(year, client.timezone, client.business_hours, centre.timezone, hours)
        if worst < required:
            yield (
                base + ("delivery_centres", i),
                (
                    f"{centre.city} ({hours} {centre.timezone}) overlaps the client's business hours "
                    f"({client.business_hours} {client.timezone}) by only {_hours(worst)} a day at worst in {year} "
                    f"(winter {_hours(winter)}, summer {_hours(summer)}); core_overlap_hours requires {_hours(required)}"
                ),
            )


def _hours(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text} hour" if text == "1" else f"{text} hours"


def check_dates_and_notices(deal: Deal) -> Found:
    """Deliverables fall due within the initial term; notices are shorter than what they end."""
    start, end, initial = deal.contract.effective_date, term_end(deal), deal.term.initial_term
    for i, d in enumerate(deal.deliverables):
        if d.due < start:
            yield (
                ("deliverables", i, "due"),
                f"{d.id} falls due ({_day(d.due)}) before the effective date ({_day(start)})",
            )
        elif d.due > end:
            yield (
                ("deliverables", i, "due"),
                (f"{d.id} falls due ({_day(d.due)}) after the initial term ends ({_day(end)})"),
            )
    term = deal.term
    checks: list[tuple[Path, Duration | None, Duration, str]] = []
    if term.renewal and term.renewal.notice is None and not extension_option(deal):
        yield (
            ("term", "renewal", "notice"),
            "automatic renewal needs the notice of non-renewal that stops it (e.g. '3 months'); if the renewal is the "
            "client's option to extend instead, write term.renewal.extensions (the most periods it may extend by)",
        )
    if term.renewal:
        checks.append((("term", "renewal", "notice"), term.renewal.notice, term.renewal.period, "the renewal period"))
        checks.append((("term", "renewal", "notice"), term.renewal.notice, initial, "the initial term"))
    if term.termination_for_convenience:
        checks.append(
            (
                ("term", "termination_for_convenience", "notice"),
                term.termination_for_convenience.notice,
                initial,
                "the initial term",
            )
        )
    if term.exit:
        checks.append((("term", "exit", "exit_plan_within"), term.exit.exit_plan_within, initial, "the initial term"))
    reported = set()
    for path, notice, period, what in checks:
        if notice is not None and notice >= period and path not in reported:
            reported.add(path)
            yield path, f"{notice} is not shorter than {what} ({period})"
    yield from _chronic_failure(deal, initial)


def _chronic_failure(deal: Deal, initial: Duration) -> Found:
    levels = deal.service_levels
    if levels is None or levels.chronic_failure is None:
        return
    chronic = levels.chronic_failure
    path = SL + ("chronic_failure",)
    period = PERIOD_MINUTES[levels.measurement_period]
    periods = chronic.within.minutes // period
    if chronic.within > initial:
        yield path + ("within",), f"{chronic.within} is longer than the initial term ({initial})"
    elif periods < 1:
        yield (
            path + ("within",),
            f"{chronic.within} is shorter than one measurement period ({levels.measurement_period})",
        )
    elif chronic.breaches > periods:
        yield (
            path + ("breaches",),
            (
                f"{chronic.breaches} breaches cannot happen within {chronic.within}: "
                f"there are only {periods} measurement periods ({levels.measurement_period}) in it"
            ),
        )


def check_transition(deal: Deal) -> Found:
    """A transition charge needs a transition; a stated start date only stands in for one."""
    if not deal.scope.transition and deal.commercials.transition_charges is not None:
        yield ("commercials", "transition_charges"), "needs a transition: leave it out, or leave scope.transition true"
    if deal.scope.transition and deal.scope.service_commencement is not None:
        yield (
            ("scope", "service_commencement"),
            (
                "applies only without a transition (scope.transition: false); with one, each Service starts when "
                "responsibility for it passes to the supplier"
            ),
        )


def check_pricing_figures(deal: Deal) -> Found:
    """The pricing model has the figures it needs."""
    c = deal.commercials
    model = c.pricing_model.value
    needs = {
        "fixed monthly": ["monthly_charges"],
        "per unit": ["unit_name", "unit_price"],
        "time and materials": ["rate_card"],
    }[model]
    for name in needs:
        if not getattr(c, name):
            yield ("commercials", name), f"is required when pricing_model is {model!r}"


def check_escalation_and_remediation_order(deal: Deal) -> Found:
    """Escalation deadlines grow with the level; vulnerability deadlines grow as severity falls."""
    if deal.governance and deal.governance.escalation:
        levels = sorted(enumerate(deal.governance.escalation), key=lambda t: t[1].level)
        for (_i1, lower), (i2, higher) in zip(levels, levels[1:]):
            if higher.within < lower.within:
                yield (
                    ("governance", "escalation", i2, "within"),
                    (f"level {higher.level} ({higher.within}) is quicker than level {lower.level} ({lower.within})"),
                )
    vr = deal.security.vulnerability_remediation if deal.security else None
    if vr is not None:
        given = [(n, getattr(vr, n)) for n in ("critical", "high", "medium", "low") if getattr(vr, n) is not None]
        for (n1, d1), (n2, d2) in zip(given, given[1:]):
            if d2 < d1:
                yield (
                    ("security", "vulnerability_remediation", n2),
                    (f"{n2} ({d2}) is quicker than {n1} ({d1}); more severe vulnerabilities are fixed first"),
                )


def check_law_and_forum(deal: Deal) -> Found:
    """The governing law and the forum are known jurisdictions, or their wording is spelt out."""
    c = deal.contract
    yield from check_contract(c.governing_law, c.jurisdiction, c.law_wording, c.forum_wording)
    yield from check_disputes(deal, draft=prints_as_draft(deal))


def check_party_kinds(deal: Deal) -> Found:
    """A party is described as its kind of person is: no company details for a public body or a person;
    a consortium names its members; a branch names its company's home state."""
    for role in ("client", "supplier"):
        party = getattr(deal.parties, role)
        path = ("parties", role)
        kind = party.kind.replace("_", " ")
        if party.public_body or party.kind in ("individual", "sole_trader", "trust"):
            for name in ("company_number", "incorporated_in"):
                if getattr(party, name):
                    yield (
                        path + (name,),
                        (
                            f"a {kind} has no {name.replace('_', ' ')}: leave it out (for a public body, "
                            "`established_under` names the law that constitutes it); a government-owned company is "
                            "kind: company"
                        ),
                    )
        if party.state_owned and party.kind != "company":
            yield (
                path + ("state_owned",),
                f"only a company is state-owned in this sense (this party is a {kind}); a public body is written by "
                "its own kind (agency, statutory body …)",
            )
        if party.kind == "consortium" and len(party.members) < 2:
            yield path + ("members",), "a consortium names at least two members, each jointly and severally liable"
        if party.kind != "consortium" and party.members:
            yield path + ("members",), f"only a consortium has members (this party is a {kind})"
        if sum(m.lead for m in party.members) > 1:
            yield path + ("members",), "mark one member `lead: true`, not several"
        if party.kind == "branch" and not party.incorporated_in:
            yield (
                path + ("incorporated_in",),
                "a branch acts for a company: name the state the company is incorporated in",
            )


def check_liability_caps(deal: Deal) -> Found:
    """The data-protection cap is not below the general cap."""
    caps = deal.liability
    if caps and caps.general_cap and caps.data_protection_cap and caps.data_protection_cap < caps.general_cap:
        yield (
            ("liability", "data_protection_cap"),
            (
                f"data_protection_cap ({caps.data_protection_cap}) is below general_cap ({caps.general_cap}): "
                "a data-protection cap lower than the general cap would reduce the client's protection; "
                "raise it or leave it out"
            ),
        )


CLOCK_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


def check_support_hours(deal: Deal) -> Found:
    """Support hours given as clock times are read in a known time zone: the deal's, else the client's place's."""
    if deal.parties.client.timezone or deal.parties.supplier.timezone or client_zone(deal):
        return
    for i, service in enumerate(deal.scope.services):
        if service.support_hours and not service.support_timezone and CLOCK_TIME.search(service.support_hours):
            yield (
                ("scope", "services", i, "support_timezone"),
                (
                    f"the support hours {service.support_hours!r} need a time zone, and the client's place does "
                    "not settle one (its country has several time zones and its address names none of their "
                    "cities): give support_timezone (e.g. 'Europe/London') or the client's timezone"
                ),
            )


def check_clause_choices(deal: Deal) -> Found:
    """A clause cannot be both pinned and excluded."""
    for i, clause in enumerate(deal.clauses.exclude):
        if clause in deal.clauses.pin:
            yield ("clauses", "exclude", i), f"{clause!r} is both pinned (clauses.pin) and excluded"


RULES = (
    check_unique_ids, check_service_references, check_incident_priority_times, check_service_credits,
    check_data_protection, check_core_overlap, check_dates_and_notices, check_pricing_figures,
    check_escalation_and_remediation_order, check_law_and_forum, check_party_kinds, check_liability_caps,
    check_support_hours, check_clause_choices, check_transition,
)  # fmt: skip


def check_rules(deal: Deal) -> list[tuple[Path, str]]:
    """Run every cross-field rule and return all (path, message) problems found."""
    return [found for rule in RULES for found in rule(deal)]


def check_rules_partially(data: dict[str, Any], root: type[Deal] = Deal) -> list[tuple[Path, str]]:
    """Run the rules a deal with some invalid sections still allows (those sections left out).

    So that one run reports a broken rule in service levels alongside, say, a bad currency:
    each top-level section is validated alone, the invalid ones become None, and a rule that
    needs a missing section is skipped.
    """
    values = {}
    for name, info in root.model_fields.items():
        if name in data:
            try:
                values[name] = _section_adapter(root, name).validate_python(data[name])
            except ValidationError:
                values[name] = None
    partial = root.model_construct(**values)
    found: list[tuple[Path, str]] = []
    for rule in RULES:
        try:
            found.extend(rule(partial))
        except (AttributeError, TypeError, KeyError, ValueError):
            continue  # the rule needs a section that is missing or invalid
    return found


_ADAPTERS: dict[tuple[type, str], TypeAdapter[Any]] = {}


def _section_adapter(root: type[Deal], name: str) -> TypeAdapter[Any]:
    key = (root, name)
    if key not in _ADAPTERS:
        info = root.model_fields[name]
        annotation: Any = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        _ADAPTERS[key] = TypeAdapter(annotation)
    return _ADAPTERS[key]
