"""A company whose own identifier marks it as state-owned (an Indian CIN with the ownership code GOI or SGC), written
as a private company: a note asks whether it is a government company, whose public-sector law the draft leaves out
until the deal says `kind: government company` (or `state_owned: true`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from contractgen import yamlload
from contractgen.deal.readings.finding import Finding

WORDS = Path(__file__).parent.parent / "data" / "state_owned_words.yaml"


@lru_cache(maxsize=1)
def _cin() -> tuple[re.Pattern[str], dict[str, str]]:
    data = yamlload.safe_load(WORDS.read_text("utf-8"))["cin"]
    return re.compile(data["pattern"]), dict(data["owners"])


def note_state_owned_number(deal: Any, data: Any) -> Iterator[Finding]:
    """A note for each company party not written as state-owned whose company number marks it as state-owned."""
    pattern, owners = _cin()
    for role in ("client", "supplier"):
        party = getattr(deal.parties, role)
        number = "".join(str(party.company_number or "").split()).upper()
        found = pattern.match(number) if party.kind == "company" and not party.state_owned else None
        if not found or found["owner"] not in owners:
            continue
        yield Finding(
            ("parties", role, "company_number"),
            "state-owned-number",
            number,
            f"the company number of {party.name} ({number}) has the ownership code {found['owner']}, which marks a "
            f"company {owners[found['owner']]}, but the deal writes it as a private company",
            "the draft treats it as a private company: no right-to-information or public-audit terms, and a "
            "'competitor' test on a change of control of the supplier",
            f"whether {party.name} is a government company; if so write kind: government company (or state_owned: "
            f"true) in parties.{role}",
            "parties",
        )
