"""What the deal's privacy regimes mean for the contract: the clause context variable `privacy`.

Computed from the regime registry (``regimes``) and the transfer decisions (``transfers``):
which regimes apply, the words the contract uses for them, and where personal data goes on
what basis. Clause templates read it as ``privacy``; nothing here is contract wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from contractgen.law.regimes import AppliedRegime, resolve_regulations
from contractgen.law.transfers import Transfer, decide

PROCESSOR_FAMILIES = ("gdpr", "fadp")  # regimes whose law prescribes the processor contract's terms


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


def _either(items: list[str]) -> str:
    items = list(dict.fromkeys(items))
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def privacy_of(deal: Any) -> Privacy:
    """The `privacy` context of a validated deal (empty when it lists no regime)."""
    dp = deal.data_protection
    if dp is None or not dp.regulations:
        return Privacy()
    applied, _ = resolve_regulations(list(dp.regulations))
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
            authorities=_either([r.terms.get("authority", "the competent authority") for r in regimes]),
            special=(processor or regimes)[0].terms.get("special", "sensitive personal information"),
            breach=(processor or regimes)[0].terms.get("breach", "personal data breach"),
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
    )  # fmt: skip
