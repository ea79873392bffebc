"""`contractgen explain` for people: a short summary of where a contract came from.

What a reader wants to know first: which deal, when the file was made, with which contractgen,
which clause versions are not the newest the library offers (and why: pinned, signed, an older
build), and what the deal overrides. The full record stays available with ``--json``.
"""

from __future__ import annotations

import json
import subprocess
from datetime import datetime, timezone
from pathlib import Path
from typing import Any


def _clauses(record: dict[str, Any]) -> dict[str, int]:
    found = {}
    for entry in str(record["properties"].get("clauses", "")).split():
        clause_id, _, version = entry.partition("@")
        if version.isdigit():
            found[clause_id] = int(version)
    return found


def lock_entry_of(record: dict[str, Any], config: Any | None) -> dict[str, Any] | None:
    """The lock entry of the contract: attached to a built PDF, else in its repository's contractgen.lock."""
    attached = record.get("attachments", {}).get("contractgen-lock-entry.json")
    if attached:
        try:
            entries = json.loads(attached)
            return next(iter(entries.values())) if entries else None
        except (json.JSONDecodeError, AttributeError):
            pass
    if config is None:
        return None
    from contractgen.repo.lockfile import read_lock

    try:
        lock = read_lock(config.lock_path)
    except Exception:  # an unreadable lock only means less to say
        return None
    return (lock.deals if lock else {}).get(record["properties"].get("deal_file", ""))


def when_made(path: Path) -> str:
    """When the file was made: the commit that last changed it, else the time it was written."""
    done = subprocess.run(
        ["git", "-C", str(path.parent), "log", "-1", "--format=%cI %h", "--", path.name],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode == 0 and done.stdout.strip():
        stamp, commit = done.stdout.split()
        moment = datetime.fromisoformat(stamp).astimezone(timezone.utc)
        return f"{moment:%Y-%m-%d %H:%M} UTC (committed in {commit})"
    moment = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
    return f"{moment:%Y-%m-%d %H:%M} UTC (file written; not committed)"


def _law_lines(locked: dict[str, str] | None, law: Any | None) -> list[str]:
    """The law records the contract was built with (one line), and those changed since (one line each)."""
    if locked is None:
        return []
    refs = [rel.removeprefix("law/").removesuffix(".yaml") for rel in sorted(locked)]
    lines = [f"  law:       {', '.join(refs) if refs else 'no law record'}"]
    changed = law.changed(locked) if law is not None else []
    lines += [f"    {rel} {what} since the build: rebuild to read it" for rel, what in changed]
    return lines


def _deviations(props: dict[str, Any], entry: dict[str, Any] | None) -> list[str]:
    """The deal's own words in the contract: from the file's provenance, else from its lock entry."""
    recorded = str(props.get("deviations") or "")
    if recorded:
        return [item.strip() for item in recorded.split("; ") if item.strip()]
    found = []
    for path, record in sorted(((entry or {}).get("deal_text") or {}).items()):
        what = record.get("kind", "deal text")
        found.append(
            f"{what} of {record.get('clause', '?')}"
            + (f" paragraph {record['paragraph']}" if record.get("paragraph") else "")
            + f" [{path}]"
        )
    return found


def summary(
    record: dict[str, Any], library: Any | None, entry: dict[str, Any] | None, when: str, law: Any | None = None
) -> str:
    """Return the few lines a person reads: deal, when, tool, clause versions not the newest, overrides, law records."""
    props = record["properties"]
    title = props.get("Title") or props.get("title") or ""
    reference = props.get("Reference")
    lines = [f"{record['file']}" + (f": {title}" if title else "") + (f" ({reference})" if reference else "")]
    deal = props.get("deal_file", "unknown")
    if entry and entry.get("status"):
        deal += f", {entry['status']}"
    lines.append(f"  deal:      {deal}")
    lines.append(f"  made:      {when}")
    lines.append(
        f"  by:        contractgen {props.get('contractgen_version', '?')}, template {props.get('template', '?')}"
    )
    clauses = _clauses(record)
    pins = {str(k): int(v) for k, v in ((entry or {}).get("pins") or {}).items()}
    behind = []
    for clause_id, version in sorted(clauses.items()):
        clause = library.get(clause_id) if library is not None else None
        newest = clause.default() if clause is not None else None
        if clause is None:
            behind.append(f"    {clause_id} v{version}: no longer in the library")
        elif newest is not None and newest.version != version:
            why = (
                "pinned by the deal"
                if pins.get(clause_id) == version
                else (
                    "kept from signing" if (entry or {}).get("status") == "signed" else "built before the newer version"
                )
            )
            note = f"; v{newest.version}: {newest.changes}" if newest.changes else ""
            behind.append(f"    {clause_id} v{version}, newest v{newest.version} ({why}{note})")
    if library is None:
        lines.append(f"  clauses:   {len(clauses)} (the library is not at hand to compare)")
    elif behind:
        lines.append(f"  clauses:   {len(clauses)}; {len(behind)} not the newest the library offers:")
        lines.extend(behind)
    else:
        lines.append(f"  clauses:   {len(clauses)}, each the newest the library offers")
    overrides = [f"pins {', '.join(f'{k} v{v}' for k, v in sorted(pins.items()))}"] if pins else []
    left_out = (entry or {}).get("left_out") or {}
    excluded = (
        sorted(k for k, reason in left_out.items() if "excluded" in str(reason)) if isinstance(left_out, dict) else []
    )
    if excluded:
        overrides.append("leaves out " + ", ".join(excluded))
    if entry is None:
        lines.append("  overrides: unknown (no lock entry for this file)")
    else:
        lines.append("  overrides: " + ("; ".join(overrides) if overrides else "none"))
    deviations = _deviations(props, entry)
    if deviations:
        lines.append(f"  deviates from the library ({len(deviations)}, review by hand):")
        lines.extend(f"    {item}" for item in deviations)
    if entry is not None:
        lines.extend(_law_lines(entry.get("law"), law))
    lines.append("  (contractgen explain --json prints the full record)")
    return "\n".join(lines)
