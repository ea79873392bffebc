"""The impact report people read: one section per library change, not one per contract.

"service-credits v2 → v3: 12 contracts", what the new version's `changes:` note says and who
approved it, the contracts it reaches (with their redlines), then the text diff once, as it reads
in the first of them. Cross-references read as the title they point to ("[Limitation of
Liability]"), not as raw ``[](#…)`` links. Plain text for a terminal, Markdown for a CI job summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Sequence
from typing import Any

from contractgen.repo.impact import ClauseChange, ContractChange

_LINK = re.compile(r"\[([^\]]*)\]\(#([A-Za-z0-9_-]+)\)")
_ANCHOR = re.compile(r"\s*\{#[A-Za-z0-9_-]+\}")
_HEADER = re.compile(r"^(---|\+\+\+) ")


@dataclass
class LibraryChange:
    """One change of the library (a clause moving between versions) and every contract it reaches."""

    clause_id: str
    before: str
    after: str
    heading: str
    contracts: list[ContractChange] = field(default_factory=list)
    diffs: dict[str, str] = field(default_factory=dict)  # deal → its diff of this clause

    @property
    def signed(self) -> bool:
        """Whether every contract it reaches is signed."""
        return all(c.signed for c in self.contracts)


def group_changes(changes: list[ContractChange]) -> tuple[list[LibraryChange], list[ContractChange]]:
    """Return the library changes (most contracts first) and the contracts that could not be resolved."""
    groups: dict[tuple[str, str, str, bool], LibraryChange] = {}
    errors = []
    for contract in changes:
        if contract.error:
            errors.append(contract)
            continue
        for clause in contract.clauses:
            key = (clause.clause_id, clause.before, clause.after, contract.signed)
            group = groups.setdefault(
                key, LibraryChange(clause.clause_id, clause.before, clause.after, _heading(clause))
            )
            group.contracts.append(contract)
            group.diffs[contract.deal] = clause.diff
    ordered = sorted(groups.values(), key=lambda g: (g.signed, -len(g.contracts), g.clause_id, g.before, g.after))
    return ordered, errors


def _heading(clause: ClauseChange) -> str:
    return clause.heading().removeprefix("clause ")


def readable(diff: str, titles: dict[str, str]) -> str:
    """Rewrite the clause text of a diff for people: links as "[Title]", paragraph anchors dropped."""

    def link(match: re.Match[str]) -> str:
        text, target = match.groups()
        return text or f"[{titles.get(target) or target.replace('-', ' ')}]"

    lines = []
    for line in diff.splitlines():
        lines.append(line if _HEADER.match(line) else _ANCHOR.sub("", _LINK.sub(link, line)))
    return "\n".join(lines)


def titles_of(library: Any, outlines: Sequence[Any] = ()) -> dict[str, str]:
    """Map clause ids (and the schedule ids of the outlines) to the titles a reader knows them by."""
    titles = {}
    for clause in library.clauses.values() if library is not None else ():
        version = clause.default() or clause.versions[max(clause.versions)]
        titles[clause.id] = version.plain_title
    for outline in outlines:
        for part in getattr(outline, "parts", ()) or ():
            if getattr(part, "kind", "") == "schedule":
                titles[part.id] = f"Schedule: {part.title}"
    return titles


def _note(library: Any, group: LibraryChange) -> str:
    clause = library.get(group.clause_id) if library is not None else None
    version = clause.versions.get(int(group.after[1:])) if clause is not None and group.after else None
    if version is None:
        return ""
    return (version.changes or "no `changes:` note") + (f" ({version.approval})" if version.approval else "")


def _contract_line(contract: ContractChange, clause_id: str = "") -> str:
    overridden = contract.overridden.get(clause_id)
    if overridden:  # the library's new words do not reach this contract by themselves
        return f"{contract.deal}: overridden: review by hand (the deal's {overridden})"
    if contract.redlines:
        return f"{contract.deal}: redline " + ", ".join(contract.redlines)
    if contract.redline_hint and not contract.signed:
        return f"{contract.deal}: {contract.redline_hint}"
    return contract.deal


def _shown(group: LibraryChange) -> tuple[str, str, list[str]]:
    """(the deal whose diff is shown, that diff, the other deals whose text changes differently)."""
    first = group.contracts[0].deal
    shown = group.diffs[first]
    body = [line for line in shown.splitlines() if not _HEADER.match(line)]
    differ = [
        c.deal
        for c in group.contracts[1:]
        if [line for line in group.diffs[c.deal].splitlines() if not _HEADER.match(line)] != body
    ]
    return first, shown, differ


def _count(group: LibraryChange) -> str:
    n = len(group.contracts)
    kind = "signed contract" if group.signed else "contract"
    return f"{n} {kind}{'' if n == 1 else 's'}"


def report_text(changes: list[ContractChange], library: Any, titles: dict[str, str]) -> str:
    """The impact report as plain text."""
    groups, errors = group_changes(changes)
    out: list[str] = []
    signed_header = False
    for group in groups:
        if group.signed and not signed_header:
            out.append("signed contracts (frozen: each needs an amendment, not a rebuild):")
            signed_header = True
        out.append(f"{group.heading}: {_count(group)}")
        note = _note(library, group)
        if note:
            out.append(f"  what changed: {note}")
        out.extend(f"  {_contract_line(c, group.clause_id)}" for c in group.contracts)
        first, diff, differ = _shown(group)
        if diff:
            out.append(readable(diff, titles))
            reads = f"  (the text as it reads in {first}"
            reads += f"; it reads differently in {', '.join(differ)})" if differ else ")"
            out.append(reads)
        out.append("")
    out.extend(f"{c.deal}: {c.error}" for c in errors)
    out.append(_total(groups, changes))
    return "\n".join(out)


def report_markdown(changes: list[ContractChange], library: Any, titles: dict[str, str]) -> str:
    """The impact report as Markdown (a pull request's job summary)."""
    groups, errors = group_changes(changes)
    out: list[str] = []
    for group in groups:
        mark = " (signed: each needs an amendment, not a rebuild)" if group.signed else ""
        out.append(f"### {group.heading}: {_count(group)}{mark}")
        note = _note(library, group)
        if note:
            out += ["", f"**What changed:** {note}"]
        out.append("")
        lines = {c.deal: _contract_line(c, group.clause_id) for c in group.contracts}
        out.extend(
            f"- `{c.deal}`" + (f": {lines[c.deal][len(c.deal) + 2 :]}" if lines[c.deal] != c.deal else "")
            for c in group.contracts
        )
        first, diff, differ = _shown(group)
        if diff:
            out += [
                "",
                f"The text as it reads in `{first}`"
                + (f" (it reads differently in {', '.join(f'`{d}`' for d in differ)})" if differ else "")
                + ":",
                "",
                "```diff",
                readable(diff, titles),
                "```",
            ]
        out.append("")
    out.extend(f"- `{c.deal}`: {c.error}" for c in errors)
    out.append(f"_{_total(groups, changes)}_")
    return "\n".join(out)


def _total(groups: list[LibraryChange], changes: list[ContractChange]) -> str:
    signed = sum(1 for c in changes if c.signed)
    open_groups = sum(1 for g in groups if not g.signed)
    return f"impact: {len(changes) - signed} contract(s) change through {open_groups} library change(s)" + (
        f"; {signed} signed contract(s) would need an amendment" if signed else ""
    )
