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

from contractgen.deal.yamlsource import format_path, line_for
from contractgen.errors import DraftingNote, Problem
from contractgen.law.jurisdictions import find, find_law, forum_of, is_arbitration, names_a_court
from contractgen.law.library import active
from contractgen.law.regimes import UNKNOWN, close_regime, resolve_regulations
from contractgen.law.transfers import written_bases
from contractgen.values.phrases import RESOLUTION_EVENTS

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
    """Service credits with no tiers mean no credits: the draft has none."""
    written = _get(data, "service_levels", "service_credits")
    if isinstance(written, dict) and not written.get("tiers"):
        yield Finding(
            ("service_levels", "service_credits", "tiers"),
            "no-service-credits",
            "tiers",
            "service_credits has no credit tiers",
            "the draft has no Service Credits (no credit is payable for a missed Service Level)",
            "that no credits are intended; otherwise list the tiers (service, below, credit)",
            "sl-general",
        )


def note_governing_law(deal: Any, data: Any) -> Iterator[Finding]:
    """A governing law with no jurisdiction record is drafted by its legal family, with a note."""
    from contractgen.law.families import family_of, load_families, read_law

    written_law = deal.contract.governing_law
    record, qualifier = find_law(written_law)
    path = ("contract", "governing_law")
    family = load_families().get(record.family) if record is not None else None
    if record is not None and family is not None and not family.drafted:
        yield Finding(
            path,
            "family-not-drafted",
            family.key,
            f"the governing law ({record.name}) is of a legal family the library has no terms of ({family.name})",
            "the draft uses the clause variants that family record names, without English statutes",
            f"the liability, insolvency, employee and dispute clauses against the law of {record.name}",
            "governing-law",
        )
    if record is not None:
        if qualifier and not re.search(
            r"CISG|sale of goods|vienna|conflict|private international law|choice of law", qualifier, re.IGNORECASE
        ):
            yield Finding(
                path,
                "law-qualifier",
                qualifier,
                f"the qualifier {qualifier!r} of the governing law",
                f"the draft keeps it after the law's name ({record.law}, {qualifier})",
                "that the qualifier is what the parties mean",
                "governing-law",
            )
        return
    written = read_law(written_law)
    family = family_of(written.country, written.law)
    place = written.country_name or written.law
    check = (
        f"the governing-law, liability, insolvency, employee and third-party clauses against the law of {place}; "
        "then add a jurisdiction record under law/jurisdictions"
    )
    if family is None:
        yield Finding(
            path,
            "governing-law",
            written_law,
            f"the governing law {written_law!r} has no jurisdiction record and no legal family",
            "the draft uses its words and the generic civil-law terms (no English common-law terms)",
            check,
            "governing-law",
        )
    elif not family.drafted:
        yield Finding(
            path,
            "governing-law",
            written_law,
            f"the governing law {written_law!r} has no jurisdiction record, and its legal family "
            f"({family.name}) has no terms in the library",
            f"the draft uses its words and the {family.variants}-law clause variants its family record names, "
            "without English statutes",
            check,
            "governing-law",
        )
    else:
        yield Finding(
            path,
            "governing-law",
            written_law,
            f"the governing law {written_law!r} has no jurisdiction record",
            f"the draft uses its words and the terms of its legal family ({family.name})",
            check,
            "governing-law",
        )


def note_forum(deal: Any, data: Any) -> Iterator[Finding]:
    """A forum the records do not know is drafted as its courts (a place) or as written (a court), with a note."""
    c = deal.contract
    path = ("contract", "jurisdiction")
    if c.forum_wording:
        return
    if not c.jurisdiction:
        if find_law(c.governing_law)[0] is None:
            forum = forum_of(None, c.governing_law)
            yield Finding(
                ("contract", "governing_law"),
                "forum",
                forum.courts,
                "the deal names no forum, and the governing law has no jurisdiction record to take its courts from",
                f"the draft gives jurisdiction to {forum.courts}",
                "which courts (or arbitration) the parties agree on; name them in contract.jurisdiction",
                "governing-law",
            )
        return
    if find(c.jurisdiction) is not None:
        return
    if is_arbitration(c.jurisdiction):
        return  # read as arbitration (law/forums); one that cannot be read is refused by the deal rules
    forum = forum_of(c.jurisdiction, c.governing_law)
    if not names_a_court(c.jurisdiction):
        yield Finding(
            path,
            "forum",
            c.jurisdiction,
            f"the forum {c.jurisdiction!r} names a place, not a court the library knows",
            f"the draft gives jurisdiction to {forum.courts}",
            "that those are the courts the parties mean",
            "governing-law",
        )


CATEGORY_WORDS = {
    "financial": "financial-services outsourcing (regulator access and audit, notification, sub-outsourcing, "
    "termination on the regulator's direction, records)",
    "public": "public sector and official information (information requests, publication, records)",
    "procurement": "public procurement (modification and subcontracting only as that law allows, termination on "
    "its grounds, publication and reporting)",
    "health": "health (confidentiality of health information, inspection, records)",
    "telecoms": "telecoms (security of networks and services, incident notification, regulator access)",
    "life_sciences": "life sciences and GxP (validated systems, audit trails, inspection, records)",
    "payments": "payments (payment data security, evidence of compliance, notification)",
    "cybersecurity": "cybersecurity (incident reporting, logs, clocks, a point of contact)",
    "": "no category the library recognises (co-operation with the regulator and information only)",
}


def deal_countries(deal: Any) -> set[str]:
    """The countries a deal is about: its law's, its delivery centres' and its data-residency countries.

    Suggestions ("did you mean") are made only among the laws of these countries.
    """
    from contractgen.law.families import read_law

    record, _ = find_law(deal.contract.governing_law)
    found = {record.country if record else read_law(deal.contract.governing_law).country}
    if deal.sourcing:
        found |= {c.country for c in deal.sourcing.delivery_centres}
    if deal.data_protection:
        found |= set(deal.data_protection.data_residency)
    return {c for c in found if c}


def note_privacy_laws(deal: Any, data: Any) -> Iterator[Finding]:
    """A privacy law the library does not know is cited as written in neutral words, with a note."""
    dp = deal.data_protection
    if dp is None:
        return
    applied, _ = resolve_regulations(list(dp.regulations))
    index = {name: i for i, name in enumerate(dp.regulations)}
    countries = deal_countries(deal)
    for regime in applied:
        path = ("data_protection", "regulations", index.get(regime.written[0], 0))
        if regime.family == UNKNOWN:
            close = close_regime(regime.name, countries)
            hint = f" (did you mean {close!r}?)" if close else ""
            yield Finding(
                path,
                "privacy-law",
                regime.name,
                f"the privacy law {regime.name!r} has no record in the library{hint}",
                "the draft cites it by that name, with neutral words (personal data, individuals, the "
                "competent authority), the general processor obligations and no roles or articles of "
                "another law",
                "its roles, breach-notice rule, cross-border transfer rule and the provisions "
                "the contract should cite; then add a record under law/privacy",
                "data-protection",
            )
        for supplement in regime.supplements:
            if supplement.key.startswith(f"{UNKNOWN}:"):
                yield Finding(
                    ("data_protection", "regulations", index.get(supplement.name, 0)),
                    "privacy-law",
                    supplement.name,
                    f"the privacy law {supplement.name!r} has no record in the library",
                    f"the draft cites it as a national law supplementing {regime.name}",
                    f"that it supplements {regime.name} and what it adds",
                    "data-protection",
                )


def note_sector_regulation(deal: Any, data: Any) -> Iterator[Finding]:
    """Sector regulation the library does not know is drafted from its category, named as written."""
    for i, regime in enumerate(deal.regulatory):
        if regime.recognised:
            continue
        yield Finding(
            ("regulatory", i),
            "sector-regulation",
            str(regime),
            f"the sector regulation {str(regime)!r} has no record in the library",
            f"the draft names it as written and gives it the terms of {CATEGORY_WORDS[regime.category]}",
            "that the category is right and what the regulation requires of the contract; then add a "
            "record under law/sector",
            "regulatory-requirements",
        )


def note_remote_access(deal: Any, data: Any) -> Iterator[Finding]:
    """A delivery centre outside the data-residency countries is read as remote access to data held there."""
    dp, sourcing = deal.data_protection, deal.sourcing
    if dp is None or not dp.personal_data or not dp.data_residency or sourcing is None:
        return
    held = ", ".join(dp.data_residency)
    for i, centre in enumerate(sourcing.delivery_centres):
        if centre.country not in dp.data_residency:
            yield Finding(
                ("sourcing", "delivery_centres", i, "country"),
                "remote-access",
                f"{centre.city} {centre.country}",
                f"the delivery centre in {centre.city} ({centre.country}) is outside the data-residency "
                f"countries ({held})",
                f"the draft reads it as personnel in {centre.country} reaching data held in {held} by remote "
                "access, and treats that access as a transfer where a privacy law restricts transfers",
                f"that no personal data is stored in {centre.country}, and the data-location wording of the contract",
                "delivery-locations",
            )


def note_transfer_bases(deal: Any, data: Any) -> Iterator[Finding]:
    """A transfer basis written in words the library does not recognise stays the deal's text, with a note."""
    dp = deal.data_protection
    if dp is None or dp.international_transfers is None:
        return
    for text in written_bases(deal):
        yield Finding(
            ("data_protection", "international_transfers", "mechanism"),
            "transfer-basis",
            text,
            f"the transfer basis {text!r} is not a mechanism the library knows",
            "the draft names it as written as the basis of each restricted transfer, and does not check it "
            "against the privacy law (and never reads 'standard contractual clauses' in other words as the "
            "EU Commission's)",
            "that it is a valid basis under each privacy law the transfers fall under, and what documents it needs",
            "international-transfers",
        )


def note_unit(deal: Any, data: Any) -> Iterator[Finding]:
    """A draft priced per unit names the unit but no deal field says what counts as one, or when: a note asks."""
    yield from unit_findings(deal) if prints_as_draft(deal) else ()


def unit_findings(deal: Any) -> Iterator[Finding]:
    """A deal priced per unit names the unit but no deal field says what counts as one, or when."""
    if (c := deal.commercials) is None or c.pricing_model != "per unit" or not c.unit_name:
        return
    unit = str(c.unit_name)
    yield Finding(
        ("commercials", "unit_name"), "unit-count", unit,
        f"the Charges are priced per {unit}, but the deal does not define one {unit} or say when units are counted",
        f"the draft charges each {unit} for which the Services are provided in the month, counted from records "
        "the client can verify",
        f"what one {unit} is (e.g. an active named account, a closed item), whether it is counted at any time in "
        "the month or on its last day, from which system, and that commercials.invoicing says the same", "charges",
    )  # fmt: skip


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


def note_late_payment(deal: Any, data: Any) -> Iterator[Finding]:
    """Where the governing law gives no late-payment interest, or allows none, a draft says what it did instead."""
    record, _ = find_law(deal.contract.governing_law)
    rule = record.commercial.late_payment if record is not None else None
    stated = deal.commercials.late_payment_interest is not None
    # A library default, not an unknown: a note in a draft only. The clause states a contractual rate unless the
    # record names a statute or the family's code prints one (a US state's 1% a month is a default, not a gap).
    if record is None or rule is None or not prints_as_draft(deal) or rule.statutory is True or record.family in ("french", "swiss") or (rule.statutory is None and record.family == "us_state"):  # fmt: skip
        return
    note = (active().records("jurisdictions")[record.key].data.get("late_payment") or {}).get("note", "")
    path = ("commercials", "late_payment_interest") if stated else ("contract", "governing_law")
    if rule.no_interest:
        yield Finding(
            path, "no-interest", record.key,
            f"the law of {record.name} does not allow interest on a debt ({note})",
            "the draft charges no interest (late payment, overcharges found by audit) and lets the Supplier recover "
            "the costs it actually incurs in recovering an overdue amount" + (", not the rate the deal states" if stated else ""),
            "the late-payment remedy with a Sharia review, and whether a fixed late-payment charge is wanted",
            "invoicing",
        )  # fmt: skip
    elif not stated:
        known = rule.statutory is False
        yield Finding(
            path, "late-payment-rate", record.key,
            f"no statute of {record.name} gives interest on late commercial payments ({note})" if known else
            f"the library's record of {record.name} does not say whether a statute gives interest on late commercial payments",
            "the draft states a contractual rate of 1% per month (or, if lower, the highest lawful rate)",
            "the rate" + ("" if known else ", and any statutory late-payment rate that applies to the payment")
            + "; or state it in commercials.late_payment_interest",
            "invoicing",
        )  # fmt: skip


NOTES = (
    note_transfer_bases,
    note_remote_access,
    note_resolutions,
    note_service_credits,
    note_governing_law,
    note_forum,
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
