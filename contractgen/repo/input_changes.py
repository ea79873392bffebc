"""How two lock entries' inputs differ, and how the current library maps onto a lock entry's slots."""

from __future__ import annotations

from typing import Any

from contractgen.library.clauses import default_version
from contractgen.repo.lockfile import VersionInfo, entry_inputs


def compare_inputs(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Return, in words, how two lock entries' inputs differ (clause by clause)."""
    reasons: list[str] = []
    if old.get("deal_sha256") != new.get("deal_sha256"):
        reasons.append("deal file changed")
    if old.get("contractgen") != new.get("contractgen"):
        reasons.append(f"contractgen version changed ({old.get('contractgen')} → {new.get('contractgen')})")
    if old.get("template") != new.get("template"):
        reasons.append(f"template changed ({old.get('template')} → {new.get('template')})")
    else:
        reasons.extend(template_changes(old.get("template_files") or {}, new.get("template_files") or {}))
    reasons.extend(_law_changes(old.get("law"), new.get("law") or {}))
    reasons.extend(_deal_text_changes(old.get("deal_text") or {}, new.get("deal_text") or {}))
    before, after = old.get("clauses") or {}, new.get("clauses") or {}
    for cid in sorted(set(before) | set(after)):
        a, b = before.get(cid), after.get(cid)
        if a == b or (a and b and a.get("version") == b.get("version") and a.get("sha256") == b.get("sha256")):
            continue
        if a is None:
            assert b is not None  # both absent is a == b, skipped above
            reasons.append(f"clause {cid} v{b['version']} now included")
        elif b is None:
            why = (new.get("left_out") or {}).get(cid, "not in the template")
            reasons.append(f"clause {cid} v{a['version']} now left out ({why})")
        elif a["version"] != b["version"]:
            reasons.append(f"clause {cid} v{a['version']} → v{b['version']}")
        else:
            reasons.append(f"clause {cid} v{a['version']} text changed")
    if not reasons and entry_inputs(old) != entry_inputs(new):
        reasons.append("resolution changed")
    return reasons


def _deal_text_changes(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> list[str]:
    """How the deal's own words (riders, overrides) differ between two lock entries."""

    def name(path: str, record: dict[str, Any]) -> str:
        return f"{path} ({record.get('kind', 'deal text')} of {record.get('clause', '?')})"

    reasons = [f"{name(p, after[p])} changed" for p in sorted(set(before) & set(after)) if before[p] != after[p]]
    reasons += [f"{name(p, after[p])} added" for p in sorted(set(after) - set(before))]
    reasons += [f"{name(p, before[p])} removed" for p in sorted(set(before) - set(after))]
    return reasons


def _law_changes(before: dict[str, str] | None, after: dict[str, str]) -> list[str]:
    """How the law records a deal reads differ between two lock entries (none when the old one kept no record)."""
    if before is None:
        return []
    reasons = [f"{rel} changed" for rel in sorted(set(before) & set(after)) if before[rel] != after[rel]]
    reasons += [f"{rel} now used" for rel in sorted(set(after) - set(before))]
    reasons += [f"{rel} no longer used" for rel in sorted(set(before) - set(after))]
    return reasons


def template_changes(before: dict[str, str], after: dict[str, str]) -> list[str]:
    reasons = []
    for rel in sorted(set(before) | set(after)):
        if rel not in after:
            reasons.append(f"template file removed: {rel}")
        elif rel not in before:
            reasons.append(f"template file added: {rel}")
        elif before[rel] != after[rel]:
            reasons.append(f"template file changed: {rel}")
    return reasons


def predict_clauses(
    entry: dict[str, Any],
    view: dict[str, dict[int, VersionInfo]],
    defaults: dict[str, VersionInfo | None] | None = None,
) -> tuple[list[str], bool]:
    """Map the current library onto a lock entry's slots: (reasons it changed, whether we cannot tell)."""
    if defaults is None:
        defaults = {cid: default_version(versions) for cid, versions in view.items()}
    reasons: list[str] = []
    undecided = False
    pins = entry.get("pins") or {}
    for cid, locked in (entry.get("clauses") or {}).items():
        if cid in pins:
            now = (view.get(cid) or {}).get(int(pins[cid]))
        else:
            now = defaults.get(cid)
        if now is not None and now.sha256 == locked.get("sha256") and now.version == locked.get("version"):
            continue
        if now is None or now.status == "invalid" or now.when != locked.get("when", ""):
            undecided = True  # inclusion may have changed: only resolving the deal can tell
        elif now.version == locked.get("version"):
            reasons.append(f"clause {cid} v{now.version} text changed")
        else:
            reasons.append(f"clause {cid} v{locked.get('version')} → v{now.version}")
    for cid, why in (entry.get("left_out") or {}).items():
        if why.startswith("condition false: "):
            now = (view.get(cid) or {}).get(int(pins[cid])) if cid in pins else defaults.get(cid)
            if now is None and cid not in pins:
                undecided = True  # the clause lost its approved versions: now "no approved version"
            elif now is None or now.status == "invalid" or now.when != why[len("condition false: ") :]:
                undecided = True
        elif why == "no approved version":
            if cid in pins or defaults.get(cid) is not None:
                undecided = True
        elif cid not in view:
            undecided = True  # the clause left the library: the outline no longer resolves
    return sorted(reasons), undecided
