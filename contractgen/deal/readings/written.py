"""The deal as written, before validation: names a YAML flow list split at a comma rejoined, and sector
regulation and privacy laws listed in each other's place moved, each with a drafting note."""

from __future__ import annotations

from typing import Any

from contractgen.deal.readings.finding import Finding
from contractgen.law.privacy_names import continues
from contractgen.law.regimes import is_privacy_law, sector_name


def rejoin_split_names(data: Any) -> tuple[Any, list[Finding]]:
    """'[Digital Personal Data Protection Act, 2023]': a YAML flow list splits a name at its comma; an entry that only
    continues the name before it (a year, '2012 (Act 843)', '5741-1981', a Czech statute's subject after its number:
    ``privacy_names.continues``) is read back as part of it, with a note."""
    found: list[Finding] = []

    def rejoin(items: Any, path: tuple[Any, ...]) -> Any:
        if not isinstance(items, list):
            return items
        out: list[Any] = []
        for i, item in enumerate(items):
            if isinstance(item, str) and out and isinstance(out[-1], str) and continues(item, out[-1]):
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
    dp = data.get("data_protection") if isinstance(data, dict) else None
    if not isinstance(dp, dict):
        return data, []
    names = dp.get("regulations")
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
                f"{name!r} is read as sector regulation ({sector_name(name)}) with terms of its own, not as a general privacy law",
                "the draft applies it as sector regulation (as if listed under regulatory)",
                "nothing more if that is meant; list it under regulatory to silence this note",
                "regulatory-requirements",
            )
        )
    moved = [n for i, n in enumerate(names) if i not in {j for j, _ in moving}]
    return {**data, "data_protection": {**dp, "regulations": moved}, "regulatory": regulatory}, found


def move_privacy_laws(data: Any) -> tuple[Any, list[Finding]]:
    """A privacy law listed as sector regulation (GDPR under `regulatory`) moves to the privacy laws, with a note."""
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


REGIONAL_KINDS = ("region",)  # a body the deal calls a region is regional (Sweden's regioner), not a municipality


def regional_by_kind(data: Any) -> Any:
    """A party written as a region ('kind: region') is a regional public body, unless the deal states its level."""
    parties = data.get("parties") if isinstance(data, dict) else None
    if not isinstance(parties, dict):
        return data
    changed = dict(parties)
    for role, party in parties.items():
        kind = party.get("kind") if isinstance(party, dict) else None
        if isinstance(kind, str) and kind.strip().casefold() in REGIONAL_KINDS and not party.get("level"):
            changed[role] = {**party, "level": "regional"}
    return {**data, "parties": changed} if changed != parties else data
