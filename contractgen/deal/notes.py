"""Drafting notes: what a deal says that the library does not know, and how the draft handled it.

A rule (``rules``) refuses a deal that cannot mean anything or contradicts itself; everything
else is drafted, and each thing drafted without the library's knowledge becomes a note: a
located message with a stable id (the kind of note and the words it is about), which the
writers print in a draft and which a final document needs acknowledged (``acknowledged_notes``).
Each ``note_*`` function reads the validated deal (and the data as written, for what the model
normalises away) and yields ``Finding``s.
"""

from __future__ import annotations
from collections.abc import Iterator
from typing import Any
from contractgen.deal.parties import identity_warnings
from contractgen.deal.readings.finding import Finding, Path, note_id, prints_as_draft
from contractgen.deal.readings.law_notes import (
    note_contract_language,
    note_forum,
    note_governing_law,
    note_privacy_laws,
    note_remote_access,
    note_sector_regulation,
    note_transfer_bases,
)
from contractgen.deal.readings.payment_terms import note_late_payment
from contractgen.deal.readings.process_agent import process_agent_warnings
from contractgen.deal.readings.pricing_unit import unit_findings
from contractgen.deal.yamlsource import format_path, line_for
from contractgen.errors import DraftingNote, Problem
from contractgen.values.phrases import RESOLUTION_EVENTS


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
                ("service_levels", "incident_priorities", i, "resolution"),
                "resolution",
                value,
                f"the resolution {value!r} of {priority.priority} is neither a duration nor a release event the "
                "library knows",
                "the draft prints it as written and measures no resolution time for that priority",
                "that the words say when resolution is due, and that no service level or credit needs a time",
                "sl-priorities",
            )


def note_service_credits(deal: Any, data: Any) -> Iterator[Finding]:
    """Service credits with no tiers: the amount at risk shared among the Service Levels, or no credits at all."""
    written = _get(data, "service_levels", "service_credits")
    if isinstance(written, dict) and not written.get("tiers"):
        credits = deal.service_levels.service_credits if deal.service_levels else None
        drafted = (
            f"the draft shares the amount at risk ({credits.at_risk}% of the monthly Charges) equally among the "
            "Service Levels: each one missed in a Measurement Period earns its share as a Service Credit"
            if credits is not None
            else "the draft has no Service Credits (no credit is payable for a missed Service Level)"
        )
        yield Finding(
            ("service_levels", "service_credits", "tiers"),
            "no-service-credits",
            "tiers",
            "service_credits has no credit tiers",
            drafted,
            "the credit for each Service Level (tiers: service, below, credit), or service_credits: null for no "
            "Service Credits",
            "sl-general",
        )


def note_unit(deal: Any, data: Any) -> Iterator[Finding]:
    """A draft priced per unit names the unit but no deal field says what counts as one, or when: a note asks."""
    yield from unit_findings(deal) if prints_as_draft(deal) else ()


def note_defaults(deal: Any, data: Any) -> Iterator[Finding]:
    """Notes for the terms a draft includes by default because the deal does not mention them."""
    if not prints_as_draft(deal):
        return
    found = []
    if "security" not in deal.model_fields_set:
        found.append(
            Finding(
                ("security",),
                "default-security",
                "security",
                "the deal has no security section",
                "the draft includes baseline information security, incident notice and business "
                "continuity terms (Good Industry Practice, monthly vulnerability scanning, a continuity "
                "plan)",
                "the security and continuity the client needs (certifications, encryption, "
                "testing), or write security: false to leave them out",
                "information-security",
            )
        )
    if deal.governance is None:
        found.append(Finding(
            ("governance",), "default-governance", "governance", "the deal has no governance section",
            "the draft provides for relationship managers, a review meeting every 3 months with a "
            "written report before it, and unresolved issues escalated under the dispute resolution clause",
            "the reporting, meetings and escalation the parties want (governance: reporting, meetings, escalation)",
            "governance",
        ))  # fmt: skip
    if deal.liability is None or not deal.liability.insurance:
        found.append(Finding(
            ("liability", "insurance") if deal.liability else ("liability",), "default-insurance", "insurance",
            "the deal states no insurance",
            "the draft requires professional indemnity, public and products liability and cyber "
            "insurance in the amounts a prudent supplier would carry (professional indemnity at "
            "least the general liability cap, where there is one)",
            "the types and minimum amounts of insurance (liability.insurance)", "insurance",
        ))  # fmt: skip
    for role in ("client", "supplier"):
        party = getattr(deal.parties, role)
        if not party.notices_email:
            found.append(Finding(
                ("parties", role), "default-notices-email", role, f"the deal gives no notices email for {party.name}",
                "the notices clause prints [●] for that email address",
                f"the address for formal notices to {party.name} (parties.{role}.notices_email)", "notices",
            ))  # fmt: skip
    yield from found


NOTES = (
    note_transfer_bases,
    note_remote_access,
    note_resolutions,
    note_service_credits,
    note_governing_law,
    note_forum,
    note_contract_language,
    note_privacy_laws,
    note_sector_regulation,
    note_unit,
    note_defaults,
    note_late_payment,
)


def find_notes(deal: Any, data: Any) -> list[Finding]:
    """Run every note finder on a valid deal and return what they found, without duplicates."""
    found = [finding for finder in NOTES for finding in finder(deal, data)]
    return list(dict.fromkeys(found))


def located_notes(
    found: list[Finding], filename: str, lines: dict[Path, int], acknowledged: list[str] | tuple[str, ...] = ()
) -> list[DraftingNote]:
    """Turn findings into located drafting notes in file order, each marked acknowledged if the deal says so."""
    notes = [
        DraftingNote(
            note_id(f.kind, f.about),
            filename,
            line_for(f.path, lines),
            format_path(f.path),
            f.unrecognised,
            f.drafted,
            f.check,
            f.clause,
            note_id(f.kind, f.about) in acknowledged,
        )
        for f in found
    ]
    unique = {note.id: note for note in reversed(notes)}  # one note per id: the first in the file
    return sorted(unique.values(), key=lambda n: (n.line or 0, n.id))


def final_without_acknowledgement(deal: Any, notes: list[DraftingNote]) -> list[Problem]:
    """A final document with open notes is refused: each must be acknowledged by id, so nothing is signed unseen."""
    if prints_as_draft(deal):
        return []
    return [
        Problem(
            note.file,
            note.line,
            note.path,
            f"open drafting note {note.id!r} in a final document ({note.unrecognised}; {note.drafted}): "
            f"print it as a draft (contract.draft: true) until a lawyer has checked {note.check}, "
            f"then add {note.id!r} to acknowledged_notes",
        )
        for note in notes
        if not note.acknowledged
    ]


def final_warnings(deal: Any) -> list[str]:
    """A final contract's build warnings: what its text assumes that the deal does not say, and process agents."""
    # a final contract prints no notes, so an undefined pricing unit (a certain invoice dispute) is a warning
    units = [f"{'.'.join(f.path)}: {f.unrecognised}; {f.drafted}; check {f.check}" for f in unit_findings(deal)]
    final = [] if prints_as_draft(deal) else [*identity_warnings(deal), *units]
    return [*deal._assumed, *process_agent_warnings(deal), *final]
