"""Drafting notes: what a deal says that the library does not know, and how the draft handled it.

A rule (``rules``) refuses a deal that cannot mean anything or contradicts itself; everything
else is drafted, and each thing drafted without the library's knowledge becomes a note: a
located message with a stable id (the kind of note and the words it is about), which the
writers print in a draft and which a final document needs acknowledged (``acknowledged_notes``).
Each ``note_*`` function reads the validated deal (and the data as written, for what the model
normalises away) and yields ``Finding``s.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from contractgen.deal.messages import format_path, line_for
from contractgen.values.phrases import RESOLUTION_EVENTS
from contractgen.errors import DraftingNote, Problem

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


def _get(data: Any, *path: Any) -> Any:
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def note_resolutions(deal: Any, data: Any) -> Iterator[Finding]:
    """A resolution that is neither a duration nor a known event is printed as written."""
    levels = deal.service_levels
    if levels is None:
        return
    known = set(RESOLUTION_EVENTS.values())
    for i, priority in enumerate(levels.incident_priorities):
        value = priority.resolution
        if isinstance(value, str) and value not in known:
            yield Finding(
                ("service_levels", "incident_priorities", i, "resolution"), "resolution", value,
                f"the resolution {value!r} of {priority.priority} is neither a duration nor a release event the "
                "library knows",
                "the draft prints it as written and measures no resolution time for that priority",
                "that the words say when resolution is due, and that no service level or credit needs a time",
                "sl-priorities")


def note_service_credits(deal: Any, data: Any) -> Iterator[Finding]:
    """Service credits with no tiers mean no credits: the draft has none."""
    written = _get(data, "service_levels", "service_credits")
    if isinstance(written, dict) and not written.get("tiers"):
        yield Finding(
            ("service_levels", "service_credits", "tiers"), "no-service-credits", "tiers",
            "service_credits has no credit tiers",
            "the draft has no Service Credits (no credit is payable for a missed Service Level)",
            "that no credits are intended; otherwise list the tiers (service, below, credit)",
            "sl-general")


NOTES = (note_resolutions, note_service_credits)


def find_notes(deal: Any, data: Any) -> list[Finding]:
    """Run every note finder on a valid deal and return what they found, without duplicates."""
    found = [finding for finder in NOTES for finding in finder(deal, data)]
    return list(dict.fromkeys(found))


def located_notes(found: list[Finding], filename: str, lines: dict[Path, int],
                  acknowledged: list[str] | tuple[str, ...] = ()) -> list[DraftingNote]:
    """Turn findings into located drafting notes in file order, each marked acknowledged if the deal says so."""
    notes = [
        DraftingNote(note_id(f.kind, f.about), filename, line_for(f.path, lines), format_path(f.path),
                     f.unrecognised, f.drafted, f.check, f.clause, note_id(f.kind, f.about) in acknowledged)
        for f in found
    ]
    unique = {note.id: note for note in reversed(notes)}  # one note per id: the first in the file
    return sorted(unique.values(), key=lambda n: (n.line or 0, n.id))


def final_without_acknowledgement(deal: Any, notes: list[DraftingNote]) -> list[Problem]:
    """A final document with open notes is refused: each must be acknowledged by id, so nothing is signed unseen."""
    if prints_as_draft(deal):
        return []
    return [
        Problem(note.file, note.line, note.path,
                f"open drafting note {note.id!r} in a final document ({note.unrecognised}; {note.drafted}): "
                f"print it as a draft (contract.draft: true) until a lawyer has checked {note.check}, "
                f"then add {note.id!r} to acknowledged_notes")
        for note in notes if not note.acknowledged
    ]
