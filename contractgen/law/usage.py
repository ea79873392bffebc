"""Which law records a deal uses: the jurisdictions of its law and forum and their families, the
privacy laws it lists, the transfer mechanisms it names and the sector regulation it names.

The lock records them by path with their content hashes (``used_hashes``), so a changed record
makes the contracts that read it stale.
"""

from __future__ import annotations

from typing import Any

from contractgen.law.jurisdictions import find
from contractgen.law.library import LawLibrary, Record, active
from contractgen.law.regimes import deal_regulations
from contractgen.law.transfers import chosen_mechanisms


def records_used(deal: Any, law: LawLibrary | None = None) -> list[Record]:
    """The law records a validated deal reads, each once, in kind order."""
    law = law or active()
    refs: list[tuple[str, str]] = []
    contract = deal.contract
    for text in (contract.governing_law, contract.jurisdiction):
        record = find(text) if text else None
        if record is not None:
            refs += [("jurisdictions", record.key), ("families", record.family)]
    dp = deal.data_protection
    if dp is not None and dp.regulations:
        applied, _ = deal_regulations(deal)
        refs += [("privacy", regime.key) for regime in applied]
        refs += [("mechanisms", mechanism.key) for mechanism in chosen_mechanisms(deal)]
    refs += [("sector", regime.id) for regime in getattr(deal, "regulatory", ()) if getattr(regime, "id", "")]
    found: dict[str, Record] = {}
    for kind, ident in refs:
        entry = law.records(kind).get(ident)
        if entry is not None:
            found.setdefault(entry.rel, entry)
    return sorted(found.values(), key=lambda r: r.rel)


def used_hashes(deal: Any, law: LawLibrary | None = None) -> dict[str, str]:
    """{law/<kind>/<id>.yaml: sha256} of the records a deal reads, for the lock."""
    return {record.rel: record.sha256 for record in records_used(deal, law)}
