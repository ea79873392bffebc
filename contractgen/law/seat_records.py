"""The usual arbitral seats as law records (``law/seats``): a city's recorded name, state, supervising courts and
mediation body, found by the city or one of its aliases as written."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from contractgen.law.library import LawLibrary, active


def mediation_of_record(item: dict[str, Any]) -> tuple[str, str]:
    """(who appoints a mediator, its rules) from a record's `mediation` block, or empty strings."""
    block = item.get("mediation") or {}
    return (block.get("body") or "", block.get("rules") or "")


def seats() -> dict[str, dict[str, str]]:
    """Usual seats by lower-case city name: {'name', 'country', 'jurisdiction'} (law/seats)."""
    return _seats(active())


@lru_cache(maxsize=8)
def _seats(law: LawLibrary) -> dict[str, dict[str, str]]:
    found = {}
    for record in law.records("seats").values():
        for name, item in (record.data.get("seats") or {}).items():
            body, rules = mediation_of_record(item)
            entry = {"name": name, "country": item["country"], "jurisdiction": item.get("jurisdiction") or ""}
            entry |= {"mediation_body": body, "mediation_rules": rules}
            entry["courts"] = (item.get("courts") or {}).get("courts") or ""
            for alias in (name, *(item.get("aliases") or ())):
                found[alias.casefold()] = entry
    return found


def record_of(city: str) -> dict[str, str] | None:
    """The law/seats entry of a city written alone (or one of its aliases), or None."""
    return seats().get(_bare(city.strip().rstrip(".,;")).casefold())


def _bare(text: str) -> str:
    return re.sub(r"^the\s+", "", text.strip(), flags=re.I)
