"""The client's termination for convenience where a draft deal is silent on it: a market default, said in a note.

A customer-side outsourcing draft gives the client the right to end the contract without cause, on notice and
against the supplier's unavoidable costs; a public body needs it most. Where the deal writes nothing under
``term.termination_for_convenience``, a draft adds it with the notice period ``data/convenience_defaults.yaml``
gives for the client's kind, unless the governing law already lets the client end the contract at any time
(Art. 404 CO, Art. 7:408 BW) or the public-sector record gives a statutory withdrawal. A final deal is left as
written, and ``termination_for_convenience: null`` says there is none.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from contractgen import yamlload
from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.law.jurisdictions import law_of
from contractgen.law.public_sector import public_sector_of
from contractgen.values.durations import Duration

DEFAULTS = Path(__file__).parent.parent / "data" / "convenience_defaults.yaml"


@lru_cache(maxsize=1)
def _defaults() -> dict[str, Any]:
    return dict(yamlload.safe_load(DEFAULTS.read_text("utf-8")))


def apply_convenience_default(deal: Any) -> tuple[Any, list[Finding]]:
    """Return a silent draft with the client's termination for convenience added, and the note that says so."""
    term = deal.term
    if term is None or not prints_as_draft(deal) or "termination_for_convenience" in term.model_fields_set:
        return deal, []
    client = deal.parties.client
    law = law_of(deal.contract.governing_law, deal.contract.law_wording)
    statutory = _defaults()["statutory"].get(law.country)
    if statutory or public_sector_of(law.key, client.kind, client.public_body, client.level).withdrawal:
        return deal, []
    public = client.public_body
    notice = str(_defaults()["notice"]["public_body" if public else "other"])
    section = type(term).model_fields["termination_for_convenience"].annotation
    added = _section(section).model_validate({"notice": notice})
    deal = deal.model_copy(update={"term": term.model_copy(update={"termination_for_convenience": added})})
    who = "a public body" if public else "the client"
    return deal, [
        Finding(
            ("term",),
            "default-termination-for-convenience",
            "termination-for-convenience",
            "the deal does not say whether the client may end the contract without cause",
            f"the draft lets the client terminate for convenience by written notice of at least {Duration.parse(notice)}, "
            f"paying for the Services performed and the supplier's unavoidable costs (the market default for "
            f"{who})",
            "whether the client should have that right and on what notice (term.termination_for_convenience.notice), "
            "or write termination_for_convenience: null for none",
            "termination-for-convenience",
        )
    ]


def _section(annotation: Any) -> Any:
    """The section class inside an optional annotation (``TerminationForConvenience | None``)."""
    return next(a for a in getattr(annotation, "__args__", (annotation,)) if a is not type(None))
