"""`contractgen coverage`: which checklist items a deal needs, and which clauses cover them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from contractgen import safefs
from contractgen.deal.yamlsource import load_yaml
from contractgen.document.transforms import reference_text
from contractgen.errors import ContractgenError, LibraryError, Problem, UnsafePathError
from contractgen.pipeline import Workspace, build_deal
from contractgen.templating.render import evaluate_condition


@dataclass(frozen=True)
class ChecklistItem:
    """One thing a complete contract of a template must cover."""

    group: str
    id: str
    label: str
    when: str = ""
    line: int | None = None
    when_line: int | None = None


@dataclass
class Checklist:
    """A template's checklist.yaml: topic groups of items, in file order."""

    path: Path
    items: list[ChecklistItem]

    def ids(self) -> set[str]:
        """Return every item id."""
        return {item.id for item in self.items}


def _line_map(text: str, where: str) -> dict[tuple, int]:

    try:
        return load_yaml(text, where)[1]
    except ContractgenError:
        return {}


def load_checklist(template_dir: Path, root: Path | None = None) -> Checklist:
    """Read templates/<t>/checklist.yaml; raise LibraryError listing every malformed item."""
    path = Path(template_dir) / "checklist.yaml"
    where = path.relative_to(root).as_posix() if root else f"{Path(template_dir).name}/checklist.yaml"
    try:
        text = safefs.read_text(path, Path(template_dir).parent)  # a link out of the templates folder is refused
        data = yaml.safe_load(text)
    except FileNotFoundError:
        raise LibraryError(f"{where}: the template has no checklist.yaml") from None
    except (UnsafePathError, UnicodeDecodeError) as exc:
        raise LibraryError(f"{where}: cannot be read: {exc}") from None
    except yaml.YAMLError as exc:
        raise LibraryError(f"{where}: {str(exc).splitlines()[0]}") from None
    lines = _line_map(text, where)
    if not isinstance(data, dict):
        raise LibraryError(problems=[Problem(where, 1, "", "must map topic groups to lists of {id, label, when}")])
    problems: list[Problem] = []
    items: list[ChecklistItem] = []
    seen: dict[str, int | None] = {}
    for group, entries in data.items():
        if not isinstance(entries, list):
            problems.append(Problem(where, lines.get((group,)), str(group), "must be a list of {id, label, when}"))
            continue
        for index, entry in enumerate(entries):
            line = lines.get((group, index))
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not entry.get("label"):
                problems.append(Problem(where, line, f"{group}[{index}]", "needs an id and a label"))
                continue
            if entry["id"] in seen:
                problems.append(
                    Problem(
                        where,
                        line,
                        f"{group}[{index}]",
                        f"the id '{entry['id']}' is also used on line {seen[entry['id']]}",
                    )
                )
                continue
            seen[entry["id"]] = line
            items.append(
                ChecklistItem(
                    str(group),
                    entry["id"],
                    str(entry["label"]),
                    str(entry.get("when") or "").strip(),
                    line,
                    lines.get((group, index, "when")),
                )
            )
    if problems:
        raise LibraryError(problems=problems)
    return Checklist(path, items)


@dataclass
class CoverageRow:
    """One checklist item for one deal: needed or not, and the clauses that cover it."""

    item: ChecklistItem
    needed: bool
    covered_by: list[dict[str, Any]] = field(default_factory=list)

    @property
    def status(self) -> str:
        """Return 'covered', 'MISSING' or 'not needed'."""
        if not self.needed:
            return "not needed"
        return "covered" if self.covered_by else "MISSING"


def _clause_references(document) -> dict[str, tuple[str, str]]:
    """Map each clause id of the document to (its reference text, its title)."""
    return {clause.id: (reference_text(part, clause.number), clause.title) for part, clause in document.iter_clauses()}


def deal_coverage(deal_path: Path, workspace=None) -> tuple[Any, list[CoverageRow]]:
    """Build a deal's document and match the template's checklist against its clauses."""
    deal, rows, _notes = deal_coverage_with_notes(deal_path, workspace)
    return deal, rows


def deal_coverage_with_notes(deal_path: Path, workspace=None) -> tuple[Any, list[CoverageRow], list]:
    """Return the deal, its coverage rows and its drafting notes (what the draft covers without the library's knowledge)."""
    deal, rows, notes, _ = deal_coverage_report(deal_path, workspace)
    return deal, rows, notes


def deal_coverage_report(deal_path: Path, workspace=None) -> tuple[Any, list[CoverageRow], list, list[dict[str, Any]]]:
    """Return the deal, its coverage rows, its drafting notes and the deal's own words (riders and overrides)."""
    workspace = workspace or Workspace()
    result = build_deal(deal_path, workspace)
    deal = result.source.deal
    template_dir = workspace.template_dir(deal.template)
    checklist = load_checklist(template_dir, workspace.root)
    context = result.context
    references = _clause_references(result.document)
    where = (
        checklist.path.relative_to(workspace.root).as_posix()
        if checklist.path.is_relative_to(workspace.root)
        else str(checklist.path)
    )
    rows = []
    for item in checklist.items:
        needed = evaluate_condition(item.when, context, f"{where}:{item.line or ''}".rstrip(":"))
        row = CoverageRow(item, needed)
        for slot in (r for part in result.resolution.parts if part.included for r in part.rendered()):
            version = slot.version
            if version is not None and item.id in version.covers and slot.id in references:
                reference, title = references[slot.id]
                entry = {"clause": version.id, "version": version.version, "title": title, "reference": reference}
                if slot.overrides:  # the library clause covers the item; the deal's words may not: a lawyer checks
                    entry["deviates"] = ", ".join(text.path for text in slot.overrides)
                row.covered_by.append(entry)
        rows.append(row)
    deviations = [
        {
            "kind": text.kind,
            "field": text.path,
            "what": text.describe(),
            "reference": references.get(text.slot, ("", ""))[0],
        }
        for text in result.resolution.deal_texts()
    ]
    return deal, rows, list(result.source.notes), deviations


def deviations_as_text(deviations: list[dict[str, Any]]) -> list[str]:
    """Return the lines that list the deal's own words in the contract, each with where it prints."""
    return [
        f"DEVIATES from the library: {d['what']} ({d['field']}), {d['reference'] or 'not printed'}" for d in deviations
    ]


def rows_as_json(deal_path: Path, template: str, rows: list[CoverageRow], needed_only: bool = False) -> dict[str, Any]:
    """Return the coverage report as JSON-ready data."""
    shown = [r for r in rows if r.needed or not needed_only]
    return {
        "deal": str(deal_path),
        "template": template,
        "items": [
            {
                "group": r.item.group,
                "id": r.item.id,
                "label": r.item.label,
                "when": r.item.when or None,
                "needed": r.needed,
                "status": r.status,
                "covered_by": r.covered_by,
            }
            for r in shown
        ],
        "summary": summary_counts(rows),
    }


def summary_counts(rows: list[CoverageRow]) -> dict[str, int]:
    """Count needed, covered, missing and not-needed items."""
    needed = [r for r in rows if r.needed]
    return {
        "needed": len(needed),
        "covered": sum(1 for r in needed if r.covered_by),
        "missing": sum(1 for r in needed if not r.covered_by),
        "not_needed": len(rows) - len(needed),
    }


def rows_as_text(rows: list[CoverageRow], needed_only: bool = False) -> list[str]:
    """Return the coverage report as lines: group headings, then one line per item."""
    lines: list[str] = []
    group = None
    shown = [r for r in rows if r.needed or not needed_only]
    width = max((len(r.item.label) for r in shown), default=0)
    width = min(width, 72)
    for row in shown:
        if row.item.group != group:
            group = row.item.group
            lines.append(f"{group}:")
        if not row.needed:
            result = "not needed"
        elif not row.covered_by:
            result = "MISSING"
        else:
            result = ", ".join(
                f"{c['reference']} ({c['title']}"
                + ("; the deal's own words: review by hand)" if c.get("deviates") else ")")
                for c in row.covered_by
            )
        lines.append(f"  {row.item.label:<{width}}  {result}")
    counts = summary_counts(rows)
    lines.append(
        f"coverage: {counts['covered']} of {counts['needed']} needed items covered, "
        f"{counts['missing']} missing, {counts['not_needed']} not needed"
    )
    return lines
