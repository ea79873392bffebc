"""A drafting note as the deal package finds it: what it is about, where the deal says it, and whether it prints."""

from __future__ import annotations


import re
import unicodedata
from dataclasses import dataclass
from typing import Any


Path = tuple[Any, ...]


@dataclass(frozen=True)
class Finding:
    """One note before it is located: the field, what kind of note, the words it is about and its three parts."""

    path: Path
    kind: str
    about: str
    unrecognised: str
    drafted: str
    check: str
    clause: str = ""


def note_id(kind: str, about: str) -> str:
    """Return the stable id of a note: its kind and a slug of the words it is about."""
    ascii_text = unicodedata.normalize("NFKD", about).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:48].strip("-")
    return f"{kind}:{slug}" if slug else kind


def prints_as_draft(deal: Any) -> bool:
    """Whether the contract prints as a draft: never once signed; else as the deal's status or draft flag says."""
    if deal.status == "signed":
        return False
    if "status" in deal.model_fields_set:
        return True  # draft or negotiating, said explicitly
    return bool(deal.contract.draft)
