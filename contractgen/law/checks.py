"""The checks of law records that `contractgen lint` runs: each record against its kind's schema,
the references between records (a jurisdiction's family, a privacy law's mechanisms), phrases two
records both claim, country codes (a country in two families), records not checked against their
sources for 18 months, and reviews (reviewed_by, reviewed_on) dated in the future or older than the
record's last change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pycountry

from contractgen.errors import LawError
from contractgen.law.library import KINDS, LawLibrary, Record
from contractgen.law.schema import check_record

STALE_MONTHS = 18


@dataclass(frozen=True)
class Finding:
    """One problem with a law record: where, what, and whether it only warns."""

    rel: str
    line: int
    message: str
    warning: bool = False


def key_line(record: Record, key: str) -> int:
    """The line of a top-level key in the record's file (1 when it is not there)."""
    lines = record.path.read_text(encoding="utf-8").splitlines()
    found = next((n for n, line in enumerate(lines, 1) if re.match(rf"{re.escape(key)}\s*:", line)), None)
    return found or 1


def _months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


def _country_codes() -> set[str]:

    return {c.alpha_2 for c in pycountry.countries}


def _phrases(record: Record) -> list[str]:
    data = record.data
    names = [*(data.get("aliases") or ()), *(data.get("local_names") or ())]
    words = [str(data.get("name") or ""), str(data.get("key") or ""), *(str(a) for a in names)]
    return [re.sub(r"^the\s+", "", w.strip(), flags=re.IGNORECASE).casefold() for w in words if w.strip()]


def _told_apart(law: LawLibrary, record: Record, other: str) -> bool:
    """True where two institutions share a name but not a country: the forum reader takes the one whose country the
    deal names ("VIAC": Vienna or Vietnam); two privacy laws likewise, read by the deal's countries ("Ley de
    Protección de Datos Personales": Peru or Uruguay; ``privacy_names``)."""
    field = {"forums": "country", "privacy": "territory"}.get(record.kind)
    if field is None:
        return False
    mine, theirs = record.data.get(field), law.records(record.kind)[other].data.get(field)
    return bool(mine and theirs and mine != theirs)


def _references(law: LawLibrary, record: Record) -> list[tuple[str, str]]:
    """(key, message) for each reference to a record that does not exist."""
    data, found = record.data, []
    if record.kind == "jurisdictions" and data.get("family") and data["family"] not in law.records("families"):
        found.append(
            (
                "family",
                f"family '{data['family']}' is not a law/families record (known: {', '.join(law.records('families'))})",
            )
        )
    if record.kind == "families":
        for other_id, other in law.records("families").items():
            if other_id != record.id:
                both = sorted(set(data.get("countries") or ()) & set(other.data.get("countries") or ()))
                found += [
                    ("countries", f"'{code}' is also in law/families/{other_id}.yaml: a country takes one family")
                    for code in both
                ]
    if record.kind == "privacy":
        transfers = data.get("transfers") or {}
        mechanisms = law.records("mechanisms")
        for key in transfers.get("mechanisms") or ():
            if key not in mechanisms:
                found.append(("transfers", f"mechanism '{key}' is not a law/mechanisms record"))
        for country, partial in ((transfers.get("adequacy") or {}).get("partial") or {}).items():
            if isinstance(partial, dict) and partial.get("mechanism") and partial["mechanism"] not in mechanisms:
                found.append(
                    (
                        "transfers",
                        f"adequacy.partial.{country}: mechanism '{partial['mechanism']}' is not a "
                        f"law/mechanisms record",
                    )
                )
    return found


def _countries(record: Record) -> list[str]:
    data = record.data
    codes = [data.get("country")] if record.kind == "jurisdictions" else []
    if record.kind == "privacy":
        adequacy = (data.get("transfers") or {}).get("adequacy") or {}
        codes += list(adequacy.get("inside") or ()) + list(adequacy.get("adequate") or ())
        codes += list((adequacy.get("partial") or {}).keys())
        codes += [s.get("country") for s in (data.get("supplements") or {}).values() if isinstance(s, dict)]
    if record.kind == "families":
        codes += list(data.get("countries") or ())
    known = _country_codes()
    return [str(c) for c in codes if isinstance(c, str) and c not in known]


def check_law(law: LawLibrary, folder: Path, today: date | None = None) -> list[Finding]:
    """Check the records read from `folder` (a law/ folder of `law`), against the whole library."""
    today = today or date.today()
    folder = Path(folder).resolve()
    findings: list[Finding] = []
    records: list[Record] = []
    for kind in KINDS:
        try:
            records += [r for r in law.records(kind).values() if r.path.resolve().is_relative_to(folder)]
        except LawError as exc:
            findings.append(Finding(f"law/{kind}", 0, str(exc)))
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and p.name not in KINDS) if folder.is_dir() else ():
        findings.append(Finding(f"law/{sub.name}", 0, f"unknown kind of law record (known: {', '.join(KINDS)})"))
    claimed: dict[tuple[str, str], str] = {}
    for record in law.all():
        for phrase in _phrases(record):
            claimed.setdefault((record.kind, phrase), record.id)
    for record in records:
        for problem in check_record(record.kind, record.data):
            key = problem.split(".", 1)[0].split(":", 1)[0]
            findings.append(Finding(record.rel, key_line(record, key), problem))
        for key, message in _references(law, record):
            findings.append(Finding(record.rel, key_line(record, key), message))
        for code in _countries(record):
            findings.append(Finding(record.rel, 1, f"'{code}' is not an ISO 3166-1 alpha-2 country code"))
        for phrase in _phrases(record):
            other = claimed.get((record.kind, phrase))
            if other and other != record.id and not _told_apart(law, record, other):
                findings.append(
                    Finding(
                        record.rel,
                        key_line(record, "aliases"),
                        f"'{phrase}' also names law/{record.kind}/{other}.yaml: a deal could mean either",
                    )
                )
        as_of = record.data.get("as_of")
        if isinstance(as_of, date) and _months_between(as_of, today) > STALE_MONTHS:
            findings.append(
                Finding(
                    record.rel,
                    key_line(record, "as_of"),
                    (
                        f"as_of {as_of.isoformat()} is more than {STALE_MONTHS} months old: check the record against its "
                        f"sources and update as_of"
                    ),
                    warning=True,
                )
            )
        findings += _review_findings(record, today)
    return findings


def _review_findings(record: Record, today: date) -> list[Finding]:
    """A review dated in the future is an error; a record changed (as_of) after its review only warns."""
    reviewed_on, as_of = record.data.get("reviewed_on"), record.data.get("as_of")
    if not isinstance(reviewed_on, date):
        return []
    line = key_line(record, "reviewed_on")
    if reviewed_on > today:
        return [Finding(record.rel, line, f"reviewed_on {reviewed_on.isoformat()} is in the future")]
    if isinstance(as_of, date) and as_of > reviewed_on:
        return [
            Finding(
                record.rel,
                line,
                f"as_of {as_of.isoformat()} is after reviewed_on {reviewed_on.isoformat()}: the record changed after "
                "its review; have it reviewed again, or remove reviewed_by and reviewed_on",
                warning=True,
            )
        ]
    return []


def describe(record: Record) -> dict[str, Any]:
    """What `law show` prints of a record: its fields without the provenance ones, and its provenance."""
    data = dict(record.data)
    provenance = {k: data.pop(k) for k in ("sources", "as_of", "reviewed_by", "reviewed_on") if k in data}
    return {"says": data, "provenance": provenance}
