"""Cross-field rules of a deal's data protection section, from the regime registry.

Roles are required only where a listed regime defines them, and must be that regime's words;
the breach-notice period must fit each regime's limit; a transfer mechanism is demanded only for
restricted transfers (``law.transfers``); a place of processing outside the stated data residency is
an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from contractgen.deal.derived import country_name
from contractgen.law.regimes import AppliedRegime, known_regimes, load_registry, resolve_regulations
from contractgen.law.transfers import decide
from contractgen.values.durations import Duration

Path = tuple[Any, ...]
Found = Iterator[tuple[Path, str]]
DP = ("data_protection",)


def _names(regimes: list[Any]) -> str:
    names = [r.name for r in regimes]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def check_privacy(deal: Any) -> Found:
    """Regulations are known regimes; roles, breach notice and transfers fit them; residency holds."""
    dp = deal.data_protection
    if dp is None:
        return
    applied, problems = resolve_regulations(list(dp.regulations))
    for index, message in problems:
        yield DP + ("regulations", index), message
    if dp.personal_data:
        if not dp.regulations:
            yield (
                DP + ("regulations",),
                f"is required when personal_data is true: name the privacy laws that apply (known: {known_regimes()})",
            )
        for name in ("data_subjects", "data_categories", "breach_notification"):
            if not getattr(dp, name):
                yield DP + (name,), "is required when personal_data is true"
        needing = [r for r in applied if r.regime.roles_required]
        if needing and dp.roles is None:
            words = sorted({role for r in needing for role in r.regime.roles})
            yield (
                DP + ("roles",),
                (f"is required under {_names(needing)}: give each party's role ({', '.join(repr(w) for w in words)})"),
            )
        yield from transfer_problems(deal, applied)
        yield from _residency(deal)
    with_roles = [r for r in applied if r.regime.roles]
    if dp.roles is not None and with_roles:
        for who in ("client", "supplier"):
            role = getattr(dp.roles, who)
            if not any(r.regime.role(role) for r in with_roles):
                words = sorted({w for r in with_roles for w in r.regime.roles})
                yield (
                    DP + ("roles", who),
                    (
                        f"{role!r} is not a role under {_names(applied)}; use "
                        f"{' or '.join(repr(w) for w in words) or 'no roles (leave roles out)'}"
                    ),
                )
    yield from _subprocessor_model(dp.subprocessors)
    notice = dp.breach_notification
    if notice is not None:
        for r in applied:
            if r.regime.breach_limit:
                limit = Duration.parse(r.regime.breach_limit)
                if notice.upper_minutes > limit.minutes:
                    yield (
                        DP + ("breach_notification",),
                        (
                            f"must be at most {limit} under {r.name} (got {notice}"
                            f"{', which can span weekends' if notice.business else ''}): {r.regime.breach_source}"
                        ),
                    )


def _residency(deal: Any) -> Found:
    """A delivery centre or approved sub-processor outside the stated data residency."""
    dp = deal.data_protection
    if not dp.data_residency:
        return
    allowed = ", ".join(dp.data_residency)
    # A delivery centre outside it reaches the data held there remotely (a drafting note, deal/notes.py).
    for i, sub in enumerate(dp.subprocessors.approved if dp.subprocessors else []):
        if sub.country not in dp.data_residency:
            yield (
                DP + ("subprocessors", "approved", i, "country"),
                (
                    f"{sub.country} ({sub.name}) is outside data_protection.data_residency ({allowed}); "
                    f"add it there or choose another sub-processor"
                ),
            )


def _subprocessor_model(subs: Any) -> Found:
    """General authorisation needs an objection period; with consent, one is the client's window to answer."""
    if subs is None:
        return
    where = DP + ("subprocessors", "objection_period")
    if subs.approval == "general authorisation" and subs.objection_period is None:
        yield (
            where,
            (
                "is required when approval is 'general authorisation': say how long the client has to object "
                "to a new sub-processor (e.g. '30 days'), or set approval to 'prior written consent'"
            ),
        )


def transfer_problems(deal: Any, regimes: list[AppliedRegime]) -> list[tuple[tuple[Any, ...], str]]:
    """A restricted transfer with no usable mechanism, or a mechanism the deal names that no regime accepts."""
    problems: list[tuple[tuple[Any, ...], str]] = []
    dp = deal.data_protection
    if dp is None or not dp.personal_data:
        return problems
    _, mechanisms = load_registry()
    where = ("data_protection", "international_transfers")
    # A basis the library does not recognise is the deal's own words: printed, with a drafting note.
    missing: dict[str, list[str]] = {}
    for transfer in decide(deal, regimes):
        if transfer.restricted and not transfer.basis:
            missing.setdefault(transfer.regime, []).append(country_name(transfer.country))
    registry = load_registry()[0]
    for key, countries in missing.items():
        regime = registry[key]
        accepted = ", ".join(mechanisms[m].aliases[0] for m in regime.mechanisms)
        problems.append(
            (
                where if dp.international_transfers is None else where + ("mechanism",),
                f"personal data goes to {', '.join(countries)}, a restricted transfer under {regime.name} "
                f"(not adequate); name a transfer mechanism for it: {accepted}",
            )
        )
    return problems
