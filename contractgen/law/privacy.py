"""What the deal's privacy regimes mean for the contract: the clause context variable `privacy`.

Computed from the regime registry (``regimes``) and the transfer decisions (``transfers``):
which regimes apply, the words the contract uses for them, and where personal data goes on
what basis. Clause templates read it as ``privacy``; nothing here is contract wording.

The rules a deal's data protection section must meet under those regimes (``check_privacy``): roles
are required only where a listed regime defines them, and must be that regime's words; the
breach-notice period must fit each regime's limit; a transfer mechanism is demanded only for
restricted transfers (``transfers``); a place of processing outside the stated data residency is an
error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from contractgen.law.seats import country_code
from contractgen.law.regimes import AppliedRegime, Regime, known_regimes, load_registry, regime_countries
from contractgen.law.regimes import deal_regulations, resolve_regulations
from contractgen.law.transfers import AgreedBasis, Transfer, TransferTerms, agreed_bases, decide, transfer_terms
from contractgen.values.countries import country_in_sentence, country_name
from contractgen.values.durations import Duration

PROCESSOR_FAMILIES = ("gdpr", "fadp")  # regimes whose law prescribes the processor contract's terms
# People who belong to the client's own customers ("employees of PeoplePulse's customers", "customers'
# patients"): the client holds their data for those customers, so under the CCPA it is their service
# provider for that data and the supplier a sub-service provider (Cal. Civ. Code § 1798.140(ag)(2)).
CUSTOMERS_PEOPLE = re.compile(
    r"\b(?:customers|clients)['’]\s+\w+|\b\w+\s+of\s+(?:(?:the|its|their)\s+|\S+['’]s\s+)(?:customers|clients)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Words:
    """The contract's words for the regimes that apply ("data subjects" or "individuals" …)."""

    term: str = "Personal Data"  # the defined term the clauses print (``PD``)
    personal_data: str = "personal data"
    personal_data_terms: list[str] = field(default_factory=lambda: ["personal data"])  # each regime's own term
    data_subjects: str = "data subjects"
    authorities: str = "the competent supervisory authority"
    special: str = "special categories of Personal Data"
    breach: str = "personal data breach"
    breach_authorities: str = "the competent supervisory authority"  # whom a breach is notified to, where it differs
    breach_notice: str = ""  # how soon a supplier holding the data notifies the client, where the law says so


@dataclass(frozen=True)
class BreachRule:
    """How soon a supplier processing the data notifies the client of a breach, by the listed laws' processor rule:
    their words ("without undue delay") and period where they give them; a period proposed in brackets where none
    of them gives a rule and the deal states none."""

    words: str = ""  # the law's words, "" where no listed law records them
    within: Duration | None = None  # the shortest period a listed law gives a processor
    law: str = ""  # the law whose rule the words are
    source: str = ""  # its provision, as the record states it
    proposed: Duration | None = None  # a period proposed in brackets (no rule recorded and none in the deal)


def breach_rule(applied: list[AppliedRegime], stated: Duration | None = None) -> BreachRule:
    """The processor's breach-notice rule of the listed laws (``BreachRule``); ``stated`` is the deal's own period."""
    from contractgen.law.privacy_names import words as privacy_words

    ruled = [r for r in applied if r.regime.processor_notice or r.regime.processor_within]
    if not ruled:
        told = any(r.terms.get("breach_notice") for r in applied)  # a law that words the notice in its terms
        proposed = None if stated or told else Duration.parse(privacy_words()["proposed_breach_notice"])
        return BreachRule(proposed=proposed)
    periods = sorted(
        ((Duration.parse(r.regime.processor_within or ""), r) for r in ruled if r.regime.processor_within),
        key=lambda pair: pair[0].upper_minutes,
    )
    first = periods[0][1] if periods else ruled[0]
    return BreachRule(
        words=first.regime.processor_notice,
        within=periods[0][0] if periods else None,
        law=first.name,
        source=first.regime.processor_source,
    )


@dataclass(frozen=True)
class Privacy:
    """The deal's privacy regimes and transfers, as clause templates see them (``privacy``)."""

    all: list[AppliedRegime] = field(default_factory=list)  # every regime listed, HIPAA included
    keys: list[str] = field(default_factory=list)  # their registry keys: "eu-gdpr", "uk-gdpr", "hipaa" …
    families: list[str] = field(default_factory=list)  # gdpr, fadp, hipaa, ccpa, pipeda, app
    regimes: list[AppliedRegime] = field(default_factory=list)  # those the Data Protection clause covers (not HIPAA)
    processor_regimes: list[AppliedRegime] = field(default_factory=list)  # GDPR and FADP: statutory processor terms
    words: Words = field(default_factory=Words)
    security_provisions: list[str] = field(default_factory=list)  # "Article 32 of the UK GDPR" …
    assistance_provisions: list[str] = field(default_factory=list)
    transfers: list[Transfer] = field(default_factory=list)  # every destination under a regime with a transfer rule
    cross_border: list[Transfer] = field(default_factory=list)  # those outside the regime's own territory
    restricted: list[Transfer] = field(default_factory=list)  # those needing a mechanism
    adequate: list[Transfer] = field(default_factory=list)  # those covered by adequacy
    assessment: bool = False  # whether any transfer needs a transfer risk assessment
    agreed: list[AgreedBasis] = field(default_factory=list)  # the bases the deal names for transfers approved later
    customers_people: list[str] = field(
        default_factory=list
    )  # CCPA: data subjects who are the client's customers' people
    # processor laws the deal does not list that reach the supplier where it is established (a Portuguese
    # processor of a Swiss bank is subject to the EU GDPR as a processor: its Article 3(1))
    establishment: list[AppliedRegime] = field(default_factory=list)
    supplier_country: str = ""  # the country the supplier is incorporated in, by name ("" when not known)
    # transfers under laws without an adequacy list, by law and the mechanism drafted for them (APPI, PDPA, PIPL …)
    terms: list[TransferTerms] = field(default_factory=list)
    breach: BreachRule = field(default_factory=BreachRule)  # the supplier's breach notice where the law words it
    special_proposed: bool = False  # the special categories are the draft's proposal: the deal does not state them


def _either(items: list[str]) -> str:
    items = list(dict.fromkeys(items))
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _authority(regime: AppliedRegime) -> str:
    # a national supplement names the country's own authority (the Garante under the Italian Code); a regime
    # with a supplement whose record names none keeps the regime's generic words
    named = [s.authority for s in regime.supplements]
    if named and all(named):
        return _either(named)
    return regime.regime.terms.get("authority", "the competent authority")


def privacy_of(deal: Any) -> Privacy:
    """The `privacy` context of a validated deal (empty when it lists no regime)."""
    dp = deal.data_protection
    if dp is None or not dp.regulations:
        return Privacy()
    applied, _ = deal_regulations(deal)
    regimes = [r for r in applied if r.family != "hipaa"]
    processor = [r for r in regimes if r.family in PROCESSOR_FAMILIES]
    words = Words()
    if regimes:
        if processor:
            subjects = "data subjects"
        elif all(r.family == "ccpa" for r in regimes):
            subjects = "consumers"
        else:
            subjects = "individuals"
        statutory = {r.terms.get("personal_data", "personal information") for r in regimes}
        words = Words(
            term="Personal Data" if processor or statutory != {"personal information"} else "Personal Information",
            personal_data_terms=list(dict.fromkeys(r.terms.get("personal_data", "personal information") for r in regimes)),
            personal_data="personal data" if processor else regimes[0].terms.get("personal_data", "personal information"),
            data_subjects=subjects,
            authorities=_either([_authority(r) for r in regimes]),
            special=(processor or regimes)[0].terms.get("special", "sensitive personal information"),
            breach=(processor or regimes)[0].terms.get("breach", "personal data breach"),
            breach_authorities=_either([r.terms.get("breach_authority") or _authority(r) for r in regimes]),
            breach_notice=next((r.terms["breach_notice"] for r in regimes if r.terms.get("breach_notice")), ""),
        )  # fmt: skip
    transfers = decide(deal, applied)
    cross = [t for t in transfers if t.basis != "inside"]
    return Privacy(
        all=applied, keys=[r.key for r in applied], families=list(dict.fromkeys(r.family for r in applied)),
        regimes=regimes, processor_regimes=processor, words=words,
        security_provisions=[r.provisions["security"] for r in processor if "security" in r.provisions],
        assistance_provisions=[r.provisions["assistance"] for r in processor if "assistance" in r.provisions],
        transfers=transfers, cross_border=cross, restricted=[t for t in cross if t.restricted],
        adequate=[t for t in cross if t.basis == "adequacy"], assessment=any(t.assessment for t in cross),
        customers_people=customers_people(deal, applied), agreed=agreed_bases(deal),
        establishment=establishment_regimes(deal, applied), supplier_country=_supplier_country(deal),
        terms=transfer_terms(transfers, applied), special_proposed=bool(getattr(deal, "_proposed_special", False) and dp.special_categories),
        breach=breach_rule(regimes or applied, dp.breach_notification),
    )  # fmt: skip


def _supplier_code(deal: Any) -> str:
    return country_code(getattr(getattr(getattr(deal, "parties", None), "supplier", None), "incorporated_in", None))


def _supplier_country(deal: Any) -> str:
    code = _supplier_code(deal)
    return country_in_sentence(code) if code else ""


def establishment_regimes(deal: Any, applied: list[AppliedRegime]) -> list[AppliedRegime]:
    """Processor laws not listed that apply to a processor supplier where it is incorporated (their record cites
    the establishment rule under ``provisions.establishment``)."""
    dp = deal.data_protection
    code = _supplier_code(deal)
    if not code or not dp.roles or "processor" not in str(dp.roles.supplier).lower():
        return []
    listed = {r.key for r in applied}
    regimes, _ = load_registry()
    return [
        AppliedRegime(regime=r, supplements=(), written=())
        for key, r in sorted(regimes.items())
        if key not in listed and "establishment" in r.provisions and code in regime_countries(r)
    ]


def customers_people(deal: Any, applied: list[AppliedRegime]) -> list[str]:
    """Under the CCPA, with the client a business, the data subjects who are its own customers' people."""
    dp = deal.data_protection
    client_role = dp.roles.client if dp.roles else "business"
    if client_role != "business" or not any(r.family == "ccpa" for r in applied):
        return []
    return [str(s) for s in dp.data_subjects if CUSTOMERS_PEOPLE.search(str(s))]


# ------------------------------------------------------------ the rules of the data protection section

Path = tuple[Any, ...]
Found = Iterator[tuple[Path, str]]
DP = ("data_protection",)


def _names(regimes: list[Any]) -> str:
    names = [str(r.name) for r in regimes]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def check_privacy(deal: Any) -> Found:
    """Regulations are known regimes; roles, breach notice and transfers fit them; residency holds."""
    dp = deal.data_protection
    if dp is None:
        return
    applied, problems = deal_regulations(deal)
    for index, message in problems:
        yield DP + ("regulations", index), message
    if dp.personal_data:
        if not dp.regulations:
            yield (
                DP + ("regulations",),
                f"is required when personal_data is true: name the privacy laws that apply (known: {known_regimes()})",
            )
        # a breach-notice period the deal does not state is the law's processor rule, or proposed in brackets
        for name in ("data_subjects", "data_categories"):
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


# ------------------------------------------------------------ the section a deal's facts call for when it has none


def privacy_law_of(country: str) -> tuple[Regime, list[str]] | None:
    """The general privacy law of a country (not a sectoral or state law) and the names that list it with its
    national supplement ("EU GDPR", "BDSG"), or None."""
    for regime in load_registry()[0].values():
        if regime.family in ("hipaa", "ccpa") or regime.region or country not in regime_countries(regime):
            continue
        names = [regime.aliases[0] if regime.aliases else regime.name]
        return regime, names + [s.name for s in regime.supplements.values() if s.country == country and not s.region]
    return None


def privacy_law_named(names: tuple[str, ...] | list[str]) -> tuple[Regime, list[str]] | None:
    """The privacy law that names as a deal lists them ("EU GDPR", "BayDSG") resolve to, with those names (None where
    they name none the library knows)."""
    regimes, problems = resolve_regulations(list(names))
    return (regimes[0].regime, list(names)) if regimes and not problems else None


def processing_countries(deal: Any) -> tuple[str, ...]:
    """The countries where the supplier would process a deal's personal data: where it is established and each of its
    Delivery Centres."""
    centres = deal.sourcing.delivery_centres if deal.sourcing else []
    return (country_code(getattr(deal.parties.supplier, "incorporated_in", None)), *(c.country for c in centres))


def assumed_section(
    profiles: list[dict[str, Any]], country: str, supplier: tuple[str, ...], names: tuple[str, ...] = ()
) -> dict[str, Any] | None:
    """A data protection section for personal data of the kinds in `profiles` (data subjects, categories, special
    categories) under the privacy law of the client's `country`: the client controller and the supplier processor
    in that law's words, and its first transfer mechanism where a country of `supplier` (processing_countries) is outside its
    territory and not adequate (for a law without an adequacy list, its default mechanism); under the laws `names` where given (a public body's own). None where no general privacy
    law of that country is recorded."""
    law = privacy_law_named(names) if names else privacy_law_of(country)
    if law is None:
        return None
    regime, listed = law
    section: dict[str, Any] = {"personal_data": True, "regulations": listed}
    for name in ("data_subjects", "data_categories", "special_categories"):
        section[name] = list(dict.fromkeys(w for kind in profiles for w in kind.get(name, ())))
    if not section["special_categories"]:
        del section["special_categories"]  # silent, not none: the sector and services may still imply some
    if len(regime.roles) >= 2:
        controller, processor = list(regime.roles)[:2]
        section["roles"] = {"client": controller, "supplier": processor}
    adequacy = regime.adequacy
    outside = adequacy is not None and any(c and c not in adequacy.inside | adequacy.adequate for c in supplier)
    own = {*regime.inside, *([regime.territory] if regime.territory and len(regime.territory) == 2 else [])}
    key = ""
    if regime.transfers_restricted and outside and regime.mechanisms:
        key = regime.mechanisms[0]
    elif adequacy is None and regime.default and any(c and c not in own for c in supplier):
        key = regime.default  # a law drafted by its own mechanism (a Colombian transmission contract)
    if key:
        mechanism = load_registry()[1][key]
        section["international_transfers"] = {"mechanism": (mechanism.aliases or (mechanism.name,))[0]}
    return section
