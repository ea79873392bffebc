"""Privacy regimes as data: match what a deal lists under data_protection.regulations to records.

The records are ``law/privacy/<id>.yaml`` (each privacy law with its national supplements and its
adequacy list) and ``law/mechanisms/<id>.yaml`` (the transfer mechanisms), dated, with sources.
Sector regulation (DORA, NIS2, PCI DSS …) is not a privacy regime: a deal lists it under
``regulatory`` (``law/sector.py``).
Nothing here decides legal content by ``if gdpr``: clauses read the matched records.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from contractgen.law.families import country_in
from contractgen.law.library import LawLibrary, active
from contractgen.law.privacy_names import Named, deal_countries, is_generic, named, title_of
from contractgen.law.privacy_names import match as match_name
from contractgen.law.sector import find_sector_regime


def _key(text: str) -> str:
    text = unicodedata.normalize("NFC", str(text)).replace("\u2019", "'").replace("–", "-").replace("\u00a0", " ")
    return " ".join(re.sub(r"[.,;]+$", "", text).casefold().split())


@dataclass(frozen=True)
class Supplement:
    """A national law accepted as a supplement of a regime (BDSG of the EU GDPR, DPA 2018 of the UK GDPR)."""

    key: str
    name: str
    regime: str
    country: str
    aliases: tuple[str, ...] = ()
    authority: str = ""  # the national supervisory authority, where the record names it
    region: str = ""  # a region's law (ISO 3166-2, "DE-BY"): never a country's general supplement

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class AdequacyList:
    """A regime's adequacy list: its own territory, adequate countries and partly adequate ones."""

    key: str
    name: str
    source: str
    inside: frozenset[str]
    adequate: frozenset[str]
    partial: dict[str, dict[str, Any]]


@dataclass(frozen=True)
class Regime:
    """One privacy regime (a law/privacy record)."""

    key: str
    name: str
    citation: str
    family: str
    territory: str | None
    roles: dict[str, tuple[str, ...]] = field(hash=False)
    roles_required: bool
    terms: dict[str, str] = field(hash=False)
    provisions: dict[str, str] = field(hash=False)
    breach_limit: str | None
    breach_source: str
    transfers_restricted: bool
    adequacy: AdequacyList | None
    mechanisms: tuple[str, ...]
    transfer_rule: str
    clauses: tuple[str, ...]
    schedule: str
    supplements: dict[str, Supplement] = field(hash=False)
    aliases: tuple[str, ...] = ()
    default: str = ""  # the mechanism a transfer is drafted on where the deal names none (laws without adequacy lists)
    inside: tuple[str, ...] = ()  # countries read as inside a free zone's law (AE for the DIFC)
    region: str = ""  # the public bodies of one region's law (ISO 3166-2, "CH-ZH"): never a country's general law
    processor_notice: str = ""  # how soon a processor notifies the controller, as the law words it
    processor_within: str | None = None  # the period the law gives a processor for that notice, where it gives one
    processor_source: str = ""

    def role(self, text: str) -> str | None:
        """The canonical role a deal's wording names under this regime ("data processor" → "processor")."""
        wanted = _key(text)
        for canonical, ways in self.roles.items():
            if wanted == _key(canonical) or wanted in {_key(w) for w in ways}:
                return canonical
        return None

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Mechanism:
    """A transfer mechanism (SCCs, IDTA, UK Addendum …) and whether it needs a transfer risk assessment."""

    key: str
    name: str
    assessment: bool
    aliases: tuple[str, ...] = ()
    law: str = ""  # the privacy law whose mechanism it is, where only one
    kind: str = ""  # standard_contract, contract, equivalent_measures, consent … (schema.MechanismKind)
    facts: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)  # the record's drafting facts

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class AppliedRegime:
    """A regime the deal lists, with the supplements it names: what clause templates see."""

    regime: Regime
    supplements: tuple[Supplement, ...]
    written: tuple[str, ...]  # the deal's own words for it and its supplements

    @property
    def key(self) -> str:
        """The registry key ("eu-gdpr", "uk-gdpr", "hipaa" …)."""
        return self.regime.key

    @property
    def family(self) -> str:
        """The vocabulary family (gdpr, hipaa, ccpa, pipeda, app, fadp)."""
        return self.regime.family

    @property
    def name(self) -> str:
        """How the contract names the regime ("the EU GDPR")."""
        return self.regime.name

    @property
    def cited(self) -> str:
        """The regime with its supplements: "the EU GDPR, as supplemented by the BDSG"."""
        if not self.supplements:
            return self.regime.name
        names = [s.name for s in self.supplements]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return f"{self.regime.name}, as supplemented by {joined}"

    @property
    def citation(self) -> str:
        """The regime's full citation."""
        return self.regime.citation

    @property
    def terms(self) -> dict[str, str]:
        """The regime's own words (personal_data, data_subject, authority, breach)."""
        return self.regime.terms

    @property
    def provisions(self) -> dict[str, str]:
        """The provisions clauses cite (processor_terms, security, breach, transfers …)."""
        return self.regime.provisions

    @property
    def role_names(self) -> tuple[str, ...]:
        """The regime's own names for the parties' roles, controller side first ("controller", "operator")."""
        return tuple(self.regime.roles)

    def __str__(self) -> str:
        return self.cited


def _adequacy(key: str, item: dict[str, Any] | None) -> AdequacyList | None:
    if not item:
        return None
    return AdequacyList(
        key=key,
        name=item["name"],
        source=item["source"],
        inside=frozenset(item["inside"]),
        adequate=frozenset(item["adequate"]),
        partial=dict(item.get("partial") or {}),
    )


def load_registry(law: LawLibrary | None = None) -> tuple[dict[str, Regime], dict[str, Mechanism]]:
    """Return the privacy regimes and the transfer mechanisms by key (of the library in force by default)."""
    return _registry(law or active())


@lru_cache(maxsize=8)
def _registry(law: LawLibrary) -> tuple[dict[str, Regime], dict[str, Mechanism]]:
    regimes: dict[str, Regime] = {}
    for key, record in law.records("privacy").items():
        item = record.data
        transfers = item.get("transfers") or {}
        brings = item.get("brings") or {}
        breach = item.get("breach") or {}
        supplements = {
            k: Supplement(
                key=k,
                name=s["name"],
                regime=key,
                country=s.get("country") or "",
                aliases=tuple(s.get("aliases") or ()),
                authority=s.get("authority") or "",
                region=s.get("region") or "",
            )
            for k, s in (item.get("supplements") or {}).items()
        }
        regimes[key] = Regime(
            key=key, name=item["name"], citation=item["citation"], family=item["family"], territory=item.get("territory"),
            roles={k: tuple(v or ()) for k, v in (item.get("roles") or {}).items()},
            roles_required=bool(item.get("roles_required")), terms=dict(item.get("terms") or {}),
            provisions={k: str(v) for k, v in (item.get("provisions") or {}).items()},
            breach_limit=breach.get("limit"), breach_source=breach.get("source", ""),
            transfers_restricted=bool(transfers.get("restricted")), adequacy=_adequacy(key, transfers.get("adequacy")),
            mechanisms=tuple(transfers.get("mechanisms") or ()), transfer_rule=transfers.get("rule", ""),
            clauses=tuple(brings.get("clauses") or ()), schedule=brings.get("schedule", ""),
            supplements=supplements, aliases=tuple(item.get("aliases") or ()),
            default=transfers.get("default") or "", inside=tuple(transfers.get("inside") or ()),
            region=item.get("region") or "", processor_notice=breach.get("processor") or "",
            processor_within=breach.get("processor_within"), processor_source=breach.get("processor_source") or "",
        )  # fmt: skip
    mechanisms = {
        k: Mechanism(
            key=k,
            name=m.data["name"],
            assessment=bool(m.data.get("assessment")),
            aliases=tuple(m.data.get("aliases") or ()),
            law=m.data.get("law") or "",
            kind=m.data.get("kind") or "",
            facts={f: m.data.get(f) for f in DRAFTING_FACTS},
        )
        for k, m in law.records("mechanisms").items()
    }
    return regimes, mechanisms


# what a mechanism record says for the clause that drafts it (law/mechanisms schema)
DRAFTING_FACTS = (
    "provision", "standard", "document", "unchanged", "filing", "consent", "periodic_check", "on_request",
    "impact_assessment", "recommended", "not_in_force", "note",
)  # fmt: skip


def _index(records: dict[str, Any]) -> dict[str, str]:
    index: dict[str, str] = {}
    for key, record in records.items():
        name = re.sub(r"^the ", "", record.name)
        for phrase in (key, record.name, name, *record.aliases):
            index.setdefault(_key(phrase), key)
    return index


def _indexes() -> tuple[dict[str, str], dict[str, tuple[str, str]], dict[str, str]]:
    return _indexes_of(active())


@lru_cache(maxsize=8)
def _indexes_of(law: LawLibrary) -> tuple[dict[str, str], dict[str, tuple[str, str]], dict[str, str]]:
    regimes, mechanisms = load_registry(law)
    supplements: dict[str, tuple[str, str]] = {}
    for regime in regimes.values():
        for s in regime.supplements.values():
            for phrase in (s.key, s.name, re.sub(r"^the ", "", s.name), *s.aliases):
                supplements.setdefault(_key(phrase), (regime.key, s.key))
    return _index(regimes), supplements, _index(mechanisms)


def known_regimes() -> str:
    """The regimes and supplements a deal may list, for error messages."""
    regimes, _ = load_registry()
    main = [r.aliases[0] if r.aliases else r.name for r in regimes.values()]
    extra = [s.aliases[0] for r in regimes.values() for s in r.supplements.values() if s.aliases]
    return f"{', '.join(main)} (supplements: {', '.join(extra)})"


def sector_name(text: str) -> str | None:
    """The sector regime a name stands for (DORA, "SS2/21", "PCI DSS"), if the sector registry knows it."""
    try:
        return str(find_sector_regime(text))
    except ValueError:
        return None


def find_mechanism(text: str) -> Mechanism | None:
    """The transfer mechanism a deal's words name ("IDTA", "EU SCCs", "UK Addendum"), or None."""
    key = _indexes()[2].get(_key(text))
    if key is None:
        # Free text such as "UK International Data Transfer Agreement" or "EU SCCs (Module 2)". A generic
        # phrase ("standard contractual clauses") inside other words may be another law's clauses (the ANPD's,
        # the ASEAN model clauses): only a phrase that names one mechanism is read inside free text.
        words = _key(text)
        for phrase, candidate in sorted(_indexes()[2].items(), key=lambda kv: -len(kv[0])):
            if len(phrase) > 3 and phrase in words and phrase not in GENERIC_MECHANISM_WORDS:
                key = candidate
                break
    return load_registry()[1][key] if key else None


def known_mechanisms() -> str:
    """The mechanisms a deal may name, for error messages."""
    return ", ".join(m.aliases[0] for m in load_registry()[1].values())


GENERIC_MECHANISM_WORDS = {
    "scccs",
    "sccs",
    "standard contractual clauses",
    "model clauses",
    "model contractual clauses",
    "contractual clauses",
    "binding corporate rules",
    "bcrs",
}
_BRACKETS = re.compile(r"\s*\(([^()]*)\)\s*$")
UNKNOWN = "other"  # the family of a privacy law the library has no record of: neutral words, no articles


def unknown_regime(name: str) -> Regime:
    """A privacy law the library has no record of, cited by its name as written, in neutral words."""
    slug = re.sub(r"[^a-z0-9]+", "-", _key(name)).strip("-")
    return Regime(
        key=f"{UNKNOWN}:{slug}", name=name, citation=name, family=UNKNOWN, territory=None, roles={},
        roles_required=False, terms={"personal_data": "personal data", "data_subjects": "individuals",
                                     "authority": "the competent authority", "breach": "breach of security",
                                     "special": "sensitive personal data"},
        provisions={}, breach_limit=None, breach_source="", transfers_restricted=False, adequacy=None, mechanisms=(),
        transfer_rule="", clauses=("data-protection",), schedule="schedule-data-processing", supplements={},
    )  # fmt: skip


def regime_countries(regime: Regime) -> frozenset[str]:
    """The countries whose law a regime is (its own territory), for suggestions that stay in one country."""
    inside = set(regime.adequacy.inside) if regime.adequacy else set()
    if regime.territory and len(regime.territory) == 2:
        inside.add(regime.territory)
    return frozenset(inside | {s.country for s in regime.supplements.values() if s.country})


def _lookup(name: str, countries: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """Match a name as a deal writes it (``privacy_names.match``): ("regime", key) or ("supplement", its index key).

    A gloss that names another country than the match's ("Data Protection Act 2018 (Ireland)") keeps the name
    unmatched: a law of one country is never read as another's.
    """
    records = _named(active())
    gloss = _BRACKETS.search(name)
    country = country_in(gloss.group(1))[0] if gloss else ""
    found = match_name(name, records, countries, country)
    if found is None and gloss is not None:  # "개인정보 보호법 (Personal Information Protection Act)"
        found = match_name(name[: gloss.start()], records, countries, country) or match_name(
            gloss.group(1), records, countries, country
        )
    if found is None:
        return None
    if found[0] == "supplement":
        return ("supplement", _supplement_key(found[1]))
    return found


def _supplement_key(key: str) -> str:
    return next(k for k, (_, s) in _indexes()[1].items() if s == key)


@lru_cache(maxsize=8)
def _named(law: LawLibrary) -> list[Named]:
    regimes, _ = load_registry(law)
    records: list[Named] = []
    for regime in regimes.values():
        countries = regime_countries(regime)
        records.append(
            named(("regime", regime.key), [regime.key, regime.name, *regime.aliases], regime.citation, countries)
        )
        for s in regime.supplements.values():
            where = frozenset({s.country}) if s.country else countries
            records.append(named(("supplement", s.key), [s.key, s.name, *s.aliases], "", where))
    return records


def is_privacy_law(name: str, countries: tuple[str, ...] = ()) -> bool:
    """Whether a name is a privacy law or supplement the library knows ("GDPR", "UAVG")."""
    return _lookup(name, countries) is not None


def close_regime(name: str, countries: set[str]) -> str | None:
    """A known regime or supplement close to a name, only among those of the given countries ("did you mean")."""
    regimes, _ = load_registry()
    by_name, supplements, _ = _indexes()
    same = [k for k, r in by_name.items() if regime_countries(regimes[r]) & countries]
    same += [k for k, (r, s) in supplements.items() if regimes[r].supplements[s].country in countries]
    close = difflib.get_close_matches(_key(name), same, n=1, cutoff=0.85)
    return close[0] if close else None


def resolve_regulations(
    names: list[str], countries: tuple[str, ...] = ()
) -> tuple[list[AppliedRegime], list[tuple[int, str]]]:
    """Match a deal's regulations to regimes (supplements joined to their base): (regimes, problems by index).

    A name no record matches is a privacy law the library does not know: listed beside the EU GDPR it
    is read as a national law supplementing it; otherwise it applies as a law of its own, cited as
    written in neutral words (``unknown_regime``). Sector regulation here is a problem (the loader
    moves it to `regulatory` first). ``countries`` are the deal's (``privacy_names.deal_countries``): a title
    several countries share matches only a law of theirs.
    """
    regimes, _ = load_registry()
    supplements = _indexes()[1]
    found: dict[str, tuple[list[Supplement], list[str]]] = {}
    unknown: dict[str, Regime] = {}
    problems: list[tuple[int, str]] = []
    matched = [_lookup(name, countries) for name in names]

    def home(m: tuple[str, str]) -> list[str]:
        return sorted(regime_countries(regimes[m[1] if m[0] == "regime" else supplements[m[1]][0]]))

    # a shared title beside a law only one country has is read in that law's country first ("UK GDPR" and "Data
    # Protection Act 2018" in a deal under Irish law: the UK's Act, not Ireland's); one beside nothing, by the deal's
    distinct = [m is not None and not is_generic(title_of(n)) for n, m in zip(names, matched)]
    for index, name in enumerate(names):
        beside = tuple(
            c for j, m in enumerate(matched) if j != index and distinct[j] and m is not None for c in home(m)
        )
        if beside and not distinct[index]:
            matched[index] = _lookup(name, (*beside, *countries)) or matched[index]
    beside_all = tuple(c for m in matched if m is not None for c in home(m))
    if beside_all:
        matched = [m or _lookup(name, (*countries, *beside_all)) for name, m in zip(names, matched)]
    gdpr_listed = any(
        m is not None and (m[1] if m[0] == "regime" else supplements[m[1]][0]) == "eu-gdpr" for m in matched
    )
    for index, name in enumerate(names):
        match = matched[index]
        key = match[1] if match else _key(name)
        if match and match[0] == "regime":
            entry = found.setdefault(key, ([], []))
            entry[1].append(name)
            continue
        if match:
            regime_key, supplement_key = supplements[key]
            entry = found.setdefault(regime_key, ([], []))
            entry[0].append(regimes[regime_key].supplements[supplement_key])
            entry[1].append(name)
        elif sector_name(name):
            problems.append(
                (
                    index,
                    f"{name!r} is sector regulation ({sector_name(name)}), not a data protection "
                    f"law: list it under regulatory",
                )
            )
        elif gdpr_listed:
            entry = found.setdefault("eu-gdpr", ([], []))
            entry[0].append(Supplement(key=f"{UNKNOWN}:{key}", name=name, regime="eu-gdpr", country=""))
            entry[1].append(name)
        else:
            unknown.setdefault(key, unknown_regime(name))
    applied = [AppliedRegime(regimes[k], tuple(dict.fromkeys(s)), tuple(w)) for k, (s, w) in found.items()]
    applied += [AppliedRegime(regime, (), (regime.name,)) for regime in unknown.values()]
    return applied, problems


def deal_regulations(deal: Any) -> tuple[list[AppliedRegime], list[tuple[int, str]]]:
    """A deal's data_protection.regulations resolved by its countries (``resolve_regulations``)."""
    dp = getattr(deal, "data_protection", None)
    return resolve_regulations(list(dp.regulations) if dp is not None else [], deal_countries(deal))
