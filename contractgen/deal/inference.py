"""Sector regulation inferred from what the client is and where: the regimes a silent deal would miss.

A bank, insurer, payment or e-money institution or investment firm is under sector rules that set
contract terms (DORA, the EBA guidelines, PRA SS2/21, FCA SYSC 8, Solvency II Art. 274, FINMA, OSFI)
whether or not the deal lists them. Each regime's record says which kinds of client in which
countries it applies to (``applies_to`` in law/sector/*.yaml). Where the deal lists no regime, the
draft follows the inferred ones; anything assumed is a drafting note (``notes.Finding``) for a
lawyer to check, never a silent change.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from contractgen import yamlload
from contractgen.deal.notes import Finding, prints_as_draft
from contractgen.law.jurisdictions import find as find_jurisdiction
from contractgen.law.sector import load_sector_regimes

WORDS = Path(__file__).with_name("data") / "sector_words.yaml"
# Regimes whose fuller terms turn on whether the services support a critical or important function
# (DORA Art. 30(3)) or are a material outsourcing (PRA SS2/21, FINMA, OSFI B-10).
NEEDS_CRITICALITY = ("DORA", "PRA SS2/21", "FINMA Circular 2018/3", "OSFI B-10")


@lru_cache(maxsize=1)
def _words() -> dict[str, re.Pattern]:
    data = yamlload.safe_load(WORDS.read_text("utf-8"))
    return {
        sector: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
        for sector, words in data.items()
        if sector != "as_of"
    }


def guessed_sector(name: str) -> str | None:
    """Return the sector a client's name suggests ('Northwind Bank plc' → bank), or None."""
    for sector, pattern in _words().items():
        if pattern.search(name or ""):
            return sector
    return None


def client_country(deal: Any) -> str:
    """Return the client's country: where it is incorporated, else the governing law's country."""
    for text in (deal.parties.client.incorporated_in, deal.contract.governing_law):
        record = find_jurisdiction(text) if text else None
        if record is not None:
            return record.country
    return ""


def inferred_regimes(sector: str | None, country: str) -> list:
    """Return the regimes whose records apply to this kind of client in this country, in record order."""
    if not sector or not country:
        return []
    return [r for r in load_sector_regimes().values() if sector in r.sectors and country in r.places]


def apply_sector_regulation(deal: Any) -> tuple[Any, list[Finding]]:
    """Return the deal with the regulation its client's sector and place bring, and the notes that say so.

    Only a draft is changed: a final document is what the lawyers settled, and a note would block it.
    """
    if not prints_as_draft(deal):
        return deal, []
    client = deal.parties.client
    stated = client.sector
    sector = stated or guessed_sector(client.name)
    country = client_country(deal)
    found: list[Finding] = []
    regimes = list(deal.regulatory)
    inferred = inferred_regimes(sector, country)
    names = ", ".join(str(r) for r in inferred)
    where = f"{sector}" + (f" in {country}" if country else "")
    if inferred and not regimes:
        regimes = inferred
        if stated:
            found.append(
                Finding(
                    ("parties", "client", "sector"),
                    "regulatory-inferred",
                    f"{sector} {country}",
                    f"the deal lists no sector regulation for a {where}",
                    f"the draft follows {names}, which apply to a {where}",
                    "that these are the regimes the client is under, and list them under regulatory",
                    "regulatory-requirements",
                )
            )
        else:
            found.append(
                Finding(
                    ("parties", "client", "name"),
                    "sector-from-name",
                    f"{sector} {country}",
                    f"the client's name suggests a {sector}, but the deal states neither "
                    "parties.client.sector nor regulatory",
                    f"the draft follows {names}, which apply to a {where}",
                    "what the client is licensed as (parties.client.sector) and the regimes it is under (regulatory)",
                    "regulatory-requirements",
                )
            )
    elif inferred and stated:
        missing = [r for r in inferred if r not in regimes]
        if missing:
            found.append(
                Finding(
                    ("regulatory",),
                    "regulatory-missing",
                    " ".join(str(r) for r in missing),
                    f"a {where} is usually also under {', '.join(str(r) for r in missing)}, which "
                    "regulatory does not list",
                    "the draft follows only the regimes listed",
                    "whether those regimes apply, and list them under regulatory if they do",
                    "regulatory-requirements",
                )
            )
    for regime in list(regimes):
        for displaced in regime.lex_specialis_over:
            if displaced in regimes:
                regimes.remove(displaced)
                found.append(
                    Finding(
                        ("regulatory",),
                        "lex-specialis",
                        f"{regime} {displaced}",
                        f"the deal lists both {regime} and {displaced}",
                        f"the draft follows {regime} only: for a financial entity it displaces "
                        f"{displaced}'s security and incident-reporting duties (lex specialis)",
                        f"that the client is a financial entity under {regime}",
                        "regulatory-requirements",
                    )
                )
    update: dict[str, Any] = {}
    if regimes != list(deal.regulatory):
        update["regulatory"] = regimes
    needing = [str(r) for r in regimes if r in NEEDS_CRITICALITY]
    if needing and "critical_or_important" not in deal.model_fields_set:
        update["critical_or_important"] = True
        found.append(
            Finding(
                ("regulatory",),
                "critical-or-important",
                " ".join(needing),
                f"critical_or_important is not stated, and {', '.join(needing)} set fuller terms for "
                "services that support a critical or important function or are a material outsourcing",
                "the draft treats the Services as supporting a critical or important function (the fuller terms)",
                "whether they do; state critical_or_important: true or false",
                "regulatory-requirements",
            )
        )
    return (deal.model_copy(update=update) if update else deal), found


def default_findings(deal: Any) -> list[Finding]:
    """Notes for the terms a draft includes by default because the deal does not mention them."""
    if not prints_as_draft(deal):
        return []
    found = []
    if "security" not in deal.model_fields_set:
        found.append(
            Finding(
                ("security",),
                "default-security",
                "security",
                "the deal has no security section",
                "the draft includes baseline information security, incident notice and business "
                "continuity terms (Good Industry Practice, monthly vulnerability scanning, a continuity "
                "plan)",
                "the security and continuity the client needs (certifications, encryption, "
                "testing), or write security: false to leave them out",
                "information-security",
            )
        )
    if deal.governance is None:
        found.append(
            Finding(
                ("governance",),
                "default-governance",
                "governance",
                "the deal has no governance section",
                "the draft provides for relationship managers, a review meeting every 3 months with a "
                "written report before it, and unresolved issues escalated under the dispute resolution clause",
                "the reporting, meetings and escalation the parties want (governance: reporting, meetings, escalation)",
                "governance",
            )
        )
    if deal.liability is None or not deal.liability.insurance:
        found.append(
            Finding(
                ("liability", "insurance") if deal.liability else ("liability",),
                "default-insurance",
                "insurance",
                "the deal states no insurance",
                "the draft requires professional indemnity, public and products liability and cyber "
                "insurance in the amounts a prudent supplier would carry (professional indemnity at "
                "least the general liability cap, where there is one)",
                "the types and minimum amounts of insurance (liability.insurance)",
                "insurance",
            )
        )
    return found


def rejoin_split_names(data: Any) -> tuple[Any, list[Finding]]:
    """'[Digital Personal Data Protection Act, 2023]': a YAML flow list splits a name at its comma; a year
    alone after a name is read back as part of it, with a note."""
    found: list[Finding] = []

    def rejoin(items: Any, path: tuple[Any, ...]) -> Any:
        if not isinstance(items, list):
            return items
        out: list[Any] = []
        for i, item in enumerate(items):
            if (
                isinstance(item, str)
                and re.fullmatch(r"\s*(?:19|20)\d\d\s*", item)
                and out
                and isinstance(out[-1], str)
            ):
                joined = f"{out[-1]}, {item.strip()}"
                found.append(
                    Finding(
                        path + (i,),
                        "rejoined-name",
                        joined,
                        f"{out[-1]!r} and {item.strip()!r} are two entries (the comma in a YAML list ends an entry)",
                        f"the draft reads them as one name, {joined!r}",
                        "that this is one law; write it in quotes to silence this note",
                    )
                )
                out[-1] = joined
            else:
                out.append(item)
        return out

    if not isinstance(data, dict):
        return data, found
    dp = data.get("data_protection")
    if isinstance(dp, dict) and "regulations" in dp:
        data = {
            **data,
            "data_protection": {**dp, "regulations": rejoin(dp["regulations"], ("data_protection", "regulations"))},
        }
    if "regulatory" in data:
        data = {**data, "regulatory": rejoin(data["regulatory"], ("regulatory",))}
    return data, found


def move_sector_regulation(data: Any) -> tuple[Any, list[Finding]]:
    """Sector regulation listed among the privacy laws (DORA, PCI DSS) moves to `regulatory`, with a note."""
    from contractgen.law.regimes import sector_name

    dp = data.get("data_protection") if isinstance(data, dict) else None
    names = dp.get("regulations") if isinstance(dp, dict) else None
    if not isinstance(names, list):
        return data, []
    moving = [(i, n) for i, n in enumerate(names) if isinstance(n, str) and sector_name(n)]
    if not moving:
        return data, []
    regulatory = data.get("regulatory")
    regulatory = list(regulatory) if isinstance(regulatory, list) else ([regulatory] if regulatory else [])
    known = {sector_name(r) for r in regulatory if isinstance(r, str)}
    found = []
    for i, name in moving:
        if sector_name(name) not in known:
            regulatory.append(name)
            known.add(sector_name(name))
        found.append(
            Finding(
                ("data_protection", "regulations", i),
                "moved-to-regulatory",
                name,
                f"{name!r} is sector regulation ({sector_name(name)}), not a privacy law",
                "the draft applies it as sector regulation (as if listed under regulatory)",
                "nothing more if that is meant; list it under regulatory to silence this note",
                "regulatory-requirements",
            )
        )
    moved = [n for i, n in enumerate(names) if i not in {j for j, _ in moving}]
    return {**data, "data_protection": {**dp, "regulations": moved}, "regulatory": regulatory}, found


def move_privacy_laws(data: Any) -> tuple[Any, list[Finding]]:
    """A privacy law listed as sector regulation (GDPR under `regulatory`) moves to the privacy laws, with a note."""
    from contractgen.law.regimes import is_privacy_law

    regulatory = data.get("regulatory") if isinstance(data, dict) else None
    dp = data.get("data_protection") if isinstance(data, dict) else None
    if not isinstance(regulatory, list) or not isinstance(dp, dict):
        return data, []
    moving = [(i, n) for i, n in enumerate(regulatory) if isinstance(n, str) and is_privacy_law(n)]
    if not moving:
        return data, []
    names = list(dp.get("regulations") or []) if isinstance(dp.get("regulations") or [], list) else []
    found = []
    for i, name in moving:
        if name not in names:
            names.append(name)
        found.append(
            Finding(
                ("regulatory", i),
                "moved-to-privacy",
                name,
                f"{name!r} is a privacy law, not sector regulation",
                "the draft applies it as a privacy law (as if listed under data_protection.regulations)",
                "nothing more if that is meant; list it there to silence this note",
                "data-protection",
            )
        )
    kept = [n for i, n in enumerate(regulatory) if i not in {j for j, _ in moving}]
    return {**data, "regulatory": kept, "data_protection": {**dp, "regulations": names}}, found
