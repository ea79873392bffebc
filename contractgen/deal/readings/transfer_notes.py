"""The note on transfers drafted on a privacy law's usual mechanism because the deal names none of that law's own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.law.regimes import deal_regulations, load_registry
from contractgen.law.transfers import decide, transfer_terms


def note_transfer_default(deal: Any, data: Any) -> Iterator[Finding]:
    """A draft whose personal data leaves a law's territory on none of that law's mechanisms gets the law's usual
    one (its record's ``transfers.default``), with a note naming the others the deal could choose."""
    dp = deal.data_protection
    if dp is None or not dp.regulations or not prints_as_draft(deal):
        return
    applied, _ = deal_regulations(deal)
    regimes, mechanisms = load_registry()
    for group in transfer_terms(decide(deal, applied), applied):
        if not group.defaulted:
            continue
        regime = regimes[group.regime]
        others = [mechanisms[k] for k in regime.mechanisms if k != group.mechanism.key and k in mechanisms]
        choices = "; or name " + " or ".join(repr((m.aliases or (m.name,))[0]) for m in others) if others else ""
        why = group.mechanism.facts.get("note") or ""
        yield Finding(
            ("data_protection", "regulations"),
            "transfer-default",
            f"{group.regime} {' '.join(group.countries)}",
            f"personal data under {group.regime_name} is processed in {', '.join(group.names)}, and the deal names "
            f"none of that law's transfer mechanisms: {regime.transfer_rule}",
            f"the draft makes those transfers on {group.mechanism.name}, with the terms that mechanism needs"
            + (f" ({why})" if why else ""),
            f"that this is the basis the Parties want (data_protection.international_transfers.mechanism: "
            f"{(group.mechanism.aliases or (group.mechanism.name,))[0]!r}){choices}",
            "international-transfers",
        )
