"""Personal data a deal's own facts imply but its data categories leave out: recordings of calls and transcripts of
chats and emails in front-line customer contact, and payment card data under PCI DSS; each added to the processing
details with a drafting note (a build warning for a final contract), so the data schedule names what is handled."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from contractgen import yamlload
from contractgen.deal.derived import _kind_words
from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.deal.readings.sector import assume

IMPLIED = Path(__file__).parent.parent / "data" / "implied_data_categories.yaml"


@lru_cache(maxsize=1)
def _implied() -> dict[str, Any]:
    data: dict[str, Any] = yamlload.safe_load(IMPLIED.read_text("utf-8"))
    return data


def _says(text: str, words: list[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE) for w in words)


def implied_categories(deal: Any) -> list[tuple[str, str]]:
    """The categories the deal's facts imply that no category of it names, each with why."""
    protection = deal.data_protection
    if protection is None or not protection.personal_data:
        return []
    written = " ".join(protection.data_categories)
    data, found = _implied(), []
    front_line = [s for s in deal.scope.services if _kind_words("front-line contact").search(f"{s.id} {s.name}")]
    for item in data["front_line"]:
        hits = [s.name for s in front_line if _says(str(s.description or ""), item["words"])]
        if hits and not _says(written, item["named_by"]):
            found.append((item["category"], f"{' and '.join(map(str, hits))} handles them"))
    for regime, item in data["regimes"].items():
        if regime in (deal.regulatory or []) and not _says(written, item["named_by"]):
            found.append((item["category"], f"the deal is under {regime}"))
    return found


def apply_implied_data(deal: Any) -> tuple[Any, list[Finding]]:
    """Return the deal with the implied categories added to its data categories, and a note for each."""
    found = implied_categories(deal)
    if not found:
        return deal, []
    protection = deal.data_protection
    notes = [Finding(("data_protection", "data_categories"), "implied-data-category", category,
                     f"the data categories do not name {category}, but {why}",
                     "the draft adds it to the types of personal data in the processing details",
                     "that it is processed, and how long it is kept (data_protection.data_categories)",
                     "dp-processing-details") for category, why in found]  # fmt: skip
    categories = [*protection.data_categories, *(category for category, _ in found)]
    deal = deal.model_copy(update={"data_protection": protection.model_copy(update={"data_categories": categories})})
    if prints_as_draft(deal):
        return deal, notes
    return assume(deal, "; ".join(f"data_protection.data_categories: {n.unrecognised}; {n.drafted}; check {n.check}"
                                  for n in notes)), []  # fmt: skip
