"""The unit a per-unit price counts, read from its name: its kind (a claim, a contact, a user …) decides how the
Charges schedule counts it and which bracketed definition a contract prints when the deal gives none."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from contractgen import yamlload
from contractgen.deal.readings.finding import Finding

UNIT_WORDS = Path(__file__).resolve().parent.parent / "data" / "unit_words.yaml"
# How the drafting note describes the bracketed definition of each kind (the words themselves are the clause's).
DESCRIBED = {
    "claim": "a claim first registered in the client's claims system in the month, counted once however long it "
    "stays open",
    "contact": "a call answered, a chat session or an email thread closed by an agent in the month, from the "
    "contact-centre system, with abandoned calls and internal transfers left out",
    "ticket": "a ticket logged and closed in the month in the service management system, duplicates and reopened "
    "tickets left out",
    "transaction": "a transaction completed in the month in the client's system, failed, duplicate and test "
    "transactions left out",
    "account": "a unique named account enabled in the client's identity system, service, test and disabled "
    "accounts left out",
    "device": "a device enrolled in the management tool, spare and retired devices left out",
    "site": "a site at which the Services are provided in the month",
}


@lru_cache(maxsize=1)
def _kinds() -> list[tuple[str, str, re.Pattern[str]]]:
    """(kind, counting, pattern) for each kind of unit, in the order the data file lists them."""
    data: dict[str, Any] = yamlload.safe_load(UNIT_WORDS.read_text("utf-8"))
    out = []
    for kind, entry in data["kinds"].items():
        words = sorted((str(w) for w in entry["words"]), key=len, reverse=True)
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
        out.append((kind, str(entry["counting"]), pattern))
    return out


def unit_kind(name: str | None) -> tuple[str, str]:
    """(kind, counting) of a pricing unit by its name: ("claim", "event"), ("account", "population"); ("", "")."""
    for kind, counting, pattern in _kinds():
        if name and pattern.search(str(name)):
            return kind, counting
    return "", ""


def unit_findings(deal: Any) -> Iterator[Finding]:
    """A deal priced per unit names the unit but does not define it: the contract prints a definition to complete."""
    c = deal.commercials
    if c is None or c.pricing_model != "per unit" or not c.unit_name or c.unit_definition:
        return
    unit = str(c.unit_name)
    kind, counting = unit_kind(unit)
    if kind:
        drafted = (
            f"the Charges schedule prints a definition of one {unit} in square brackets for the Parties to complete "
            f"({DESCRIBED[kind]})"
        )
    else:
        drafted = f"the Charges schedule prints [●] for what one {unit} is and when it is counted"
    yield Finding(
        ("commercials", "unit_name"), "unit-count", unit,
        f"the Charges are priced per {unit}, but the deal does not define one {unit}",
        drafted,
        f"what one {unit} is, from which system it is counted and when, and that commercials.invoicing says the "
        f"same; then write it in commercials.unit_definition", "ch-pricing",
    )  # fmt: skip
