"""Which clauses use a law record: those whose newest version tests for it (or its family) by name, and
those a privacy law brings. Read by `contractgen law show` and the web workspace's law page."""

from __future__ import annotations

import re
from typing import Any

_LITERAL = re.compile(r"""["']([^"'\n]{1,80})["']""")


def record_row(record) -> dict[str, Any]:
    """One record as `law list --json` prints it."""
    data = record.data
    return {
        "id": record.ref,
        "kind": record.kind,
        "name": str(data.get("name") or data.get("key") or record.id),
        "as_of": str(data.get("as_of") or ""),
        "reviewed_on": str(data.get("reviewed_on") or ""),
        "origin": record.origin,
        "path": record.rel,
        "sha256": record.sha256,
    }


def clause_tokens(record) -> set[str]:
    """The strings a clause template names the record by ("scots", "uk-gdpr", "DORA")."""
    data = record.data
    tokens = {record.id}
    if record.kind in ("jurisdictions", "privacy") and data.get("family"):
        tokens.add(str(data["family"]))
    if record.kind == "sector" and data.get("key"):
        tokens.add(str(data["key"]))
    return tokens


def clauses_using(record, library) -> list[str]:
    """The clauses whose newest version tests for the record (or its family) or that it brings."""
    tokens = clause_tokens(record)
    brought = set((record.data.get("brings") or {}).get("clauses") or ()) if record.kind == "privacy" else set()
    found = []
    for clause in library.clauses.values():
        newest = clause.versions[max(clause.versions)]
        text = "\n".join([newest.body, newest.when or ""])
        if clause.id in brought or tokens & set(_LITERAL.findall(text)):
            found.append(f"{clause.id} v{newest.version}")
    return found
