"""Decide which clause versions a deal's contract contains, and why the others are left out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml

from contractgen.errors import LibraryError, Problem, UnsafePathError
from contractgen.library.bespoke import attach_deal_texts
from contractgen.library.clauses import CLAUSE_ID, ClauseVersion, Library
from contractgen import safefs, yamlload

# how a caller decides an inclusion condition: evaluate(condition, where) -> bool, where names the file for errors
Evaluator = Callable[[str, str], bool]


class ClauseSource(Protocol):
    """What resolving a deal needs of a workspace: the clause library and each template's outline."""

    @property
    def library(self) -> Library:
        """The parsed clause library."""
        ...

    def outline(self, name: str) -> Outline:
        """The parsed outline of the template `name`."""
        ...


PART_KINDS = ("agreement", "signatures", "schedule")


@dataclass(frozen=True)
class OutlineItem:
    """A clause slot in the outline."""

    id: str
    when: str = ""
    optional: bool = False
    mandatory_because: str = ""  # why a deal may not leave it out (the refusal of `clauses.exclude` says it)
    # Alternative clauses for the slot, tried in order: (clause id, condition). The first whose
    # condition holds renders instead of `id`, and answers to `id` in cross-references.
    variants: tuple[tuple[str, str], ...] = ()

    def clause_ids(self) -> tuple[str, ...]:
        """Return the slot's own clause id followed by its variants' ids."""
        return (self.id, *(clause_id for clause_id, _ in self.variants))


@dataclass(frozen=True)
class OutlinePart:
    """A part of the outline: the agreement, the signature page or a schedule."""

    kind: str
    id: str
    title: str
    when: str
    items: tuple[OutlineItem, ...]


@dataclass(frozen=True)
class Outline:
    """A document template's outline."""

    name: str
    path: Path
    parts: tuple[OutlinePart, ...]


@dataclass
class Resolution:
    """One outline slot after resolution: the chosen version, or why the clause is left out."""

    id: str
    version: ClauseVersion | None
    reason: str  # "included", "pinned", "condition false", "excluded by the deal", "rider of the deal" …
    rider: Any = None  # a DealText: this slot is the deal's own special condition (version is None)
    overrides: tuple = ()  # DealTexts: the deal's own words for this clause, or for paragraphs of it

    @property
    def printed(self) -> bool:
        """Whether the slot prints: a library clause that renders, or a rider."""
        return self.version is not None or self.rider is not None


@dataclass
class ResolvedPart:
    """A part of the contract with the resolutions of its clause slots."""

    outline: OutlinePart
    included: bool
    clauses: list[Resolution] = field(default_factory=list)

    def versions(self) -> list[ClauseVersion]:
        """Return the clause versions that render in this part, in order."""
        return [r.version for r in self.clauses if r.version is not None]

    def rendered(self) -> list[Resolution]:
        """Return the resolutions whose clause renders, in order (`id` is the slot's anchor)."""
        return [r for r in self.clauses if r.version is not None]

    def printed(self) -> list[Resolution]:
        """Return the resolutions that print, in order: library clauses and the deal's riders."""
        return [r for r in self.clauses if r.printed]


@dataclass
class ResolvedContract:
    """The outcome of resolution for one deal."""

    parts: list[ResolvedPart]
    warnings: list[str]

    def versions(self) -> list[ClauseVersion]:
        """Return every clause version that renders, in document order."""
        return [v for part in self.parts if part.included for v in part.versions()]

    def deal_texts(self) -> list[Any]:
        """Return the deal's own words in the contract (DealTexts: riders and overrides), in document order."""
        return [
            text
            for part in self.parts
            if part.included
            for r in part.clauses
            for text in ((r.rider,) if r.rider is not None else r.overrides)
        ]


def load_outline(template_dir: Path) -> Outline:
    """Read templates/<name>/outline.yaml, collecting every problem in it."""
    path = Path(template_dir) / "outline.yaml"
    where = f"{Path(template_dir).name}/outline.yaml"
    try:
        data = yamlload.safe_load(safefs.read_text(path, Path(template_dir).parent))
    except FileNotFoundError:
        raise LibraryError(f"{path}: the template has no outline.yaml") from None
    except (UnsafePathError, UnicodeDecodeError) as exc:
        raise LibraryError(f"{where}: cannot be read: {exc}") from None
    except yaml.YAMLError as exc:
        line, message = yamlload.describe_error(exc)
        raise LibraryError(
            f"{where}:{line}: invalid YAML: {message}" if line else f"{where}: invalid YAML: {message}"
        ) from None
    problems: list[Problem] = []
    parts: list[OutlinePart] = []
    raw_parts = (data or {}).get("parts") if isinstance(data, dict) else None
    if not isinstance(raw_parts, list) or not raw_parts:
        raise LibraryError(problems=[Problem(where, None, "parts", "must be a non-empty list")])
    for index, raw in enumerate(raw_parts):
        loc = f"parts[{index}]"
        if not isinstance(raw, dict) or raw.get("kind") not in PART_KINDS:
            problems.append(Problem(where, None, loc, f"kind must be one of {', '.join(PART_KINDS)}"))
            continue
        kind = raw["kind"]
        items: list[OutlineItem] = []
        for position, entry in enumerate(raw.get("clauses") or []):
            if isinstance(entry, str):
                entry = {"id": entry}
            if not isinstance(entry, dict) or not CLAUSE_ID.match(str(entry.get("id", ""))):
                problems.append(
                    Problem(
                        where,
                        None,
                        f"{loc}.clauses[{position}]",
                        "must be a clause id or {id, when, optional, mandatory_because, variants}",
                    )
                )
                continue
            because = str(entry.get("mandatory_because") or raw.get("mandatory_because") or "").strip()
            if entry.get("optional") and entry.get("mandatory_because"):
                problems.append(
                    Problem(
                        where,
                        None,
                        f"{loc}.clauses[{position}]",
                        f"'{entry['id']}' is marked both optional and mandatory_because",
                    )
                )
            variants = []
            for v_index, variant in enumerate(entry.get("variants") or []):
                if (
                    not isinstance(variant, dict)
                    or not CLAUSE_ID.match(str(variant.get("id", "")))
                    or not variant.get("when")
                ):
                    problems.append(
                        Problem(where, None, f"{loc}.clauses[{position}].variants[{v_index}]", "must be {id, when}")
                    )
                    continue
                variants.append((str(variant["id"]), str(variant["when"])))
            optional = bool(entry.get("optional"))
            items.append(
                OutlineItem(
                    str(entry["id"]),
                    str(entry.get("when") or ""),
                    optional,
                    "" if optional else because,
                    tuple(variants),
                )
            )
        part_id = str(raw.get("id") or kind)
        if kind == "schedule" and not raw.get("title"):
            problems.append(Problem(where, None, f"{loc}.title", "a schedule needs a title"))
        parts.append(
            OutlinePart(kind, part_id, str(raw.get("title") or kind.title()), str(raw.get("when") or ""), tuple(items))
        )
    if problems:
        raise LibraryError(problems=problems)
    return Outline(Path(template_dir).name, path, tuple(parts))


def check_outline(outline: Outline, library: Library) -> list[Problem]:
    """Return a problem for every outline slot that names no clause of the library."""
    where = f"{outline.name}/outline.yaml"
    problems = []
    seen: set[str] = set()
    for part in outline.parts:
        for item in part.items:
            for clause_id in item.clause_ids():
                if library.get(clause_id) is None:
                    problems.append(
                        Problem(where, None, part.id, f"unknown clause id '{clause_id}'{library.suggest(clause_id)}")
                    )
                if clause_id in seen:
                    problems.append(Problem(where, None, part.id, f"clause '{clause_id}' appears twice"))
                seen.add(clause_id)
    return problems


def resolve_contract(
    outline: Outline, library: Library, deal: Any, evaluate: Evaluator, deal_file: str = "deal"
) -> ResolvedContract:
    """Pick the version of every outline clause for this deal, applying pins, exclusions and conditions."""
    problems = check_outline(outline, library)
    warnings: list[str] = []
    choices = getattr(deal, "clauses", None)
    pins: dict[str, int] = dict(getattr(choices, "pin", None) or {})
    excludes: list[str] = list(getattr(choices, "exclude", None) or [])
    slots = {clause_id: item for part in outline.parts for item in part.items for clause_id in item.clause_ids()}
    for clause_id, version in pins.items():
        clause = library.get(clause_id)
        if clause is None:
            problems.append(
                Problem(
                    deal_file,
                    None,
                    f"clauses.pin.{clause_id}",
                    f"unknown clause id '{clause_id}'{library.suggest(clause_id)}",
                )
            )
        elif int(version) not in clause.versions:
            known = ", ".join(f"v{n}" for n in sorted(clause.versions))
            problems.append(
                Problem(
                    deal_file,
                    None,
                    f"clauses.pin.{clause_id}",
                    f"clause '{clause_id}' has no version {version} (it has {known})",
                )
            )
        elif clause_id not in slots:
            problems.append(
                Problem(
                    deal_file,
                    None,
                    f"clauses.pin.{clause_id}",
                    f"clause '{clause_id}' is not part of the {outline.name} template",
                )
            )
    for clause_id in excludes:
        if library.get(clause_id) is None:
            problems.append(
                Problem(
                    deal_file, None, "clauses.exclude", f"unknown clause id '{clause_id}'{library.suggest(clause_id)}"
                )
            )
        elif clause_id not in slots:
            problems.append(
                Problem(
                    deal_file,
                    None,
                    "clauses.exclude",
                    f"clause '{clause_id}' is not part of the {outline.name} template",
                )
            )
        elif not slots[clause_id].optional:
            because = slots[clause_id].mandatory_because
            problems.append(
                Problem(
                    deal_file,
                    None,
                    "clauses.exclude",
                    f"clause '{clause_id}' is required by the template "
                    "and cannot be excluded" + (f": {because}" if because else ""),
                )
            )
    if problems:
        raise LibraryError(problems=problems)

    where = f"{outline.name}/outline.yaml"
    parts: list[ResolvedPart] = []
    for part in outline.parts:
        included = evaluate(part.when, where)
        resolved = ResolvedPart(part, included)
        for item in part.items:
            resolved.clauses.append(_resolve_slot(item, library, pins, excludes, evaluate, where, warnings, included))
        if part.kind == "schedule" and not resolved.versions():
            resolved.included = False
        parts.append(resolved)
    contract = ResolvedContract(parts, warnings)
    attach_deal_texts(
        contract, deal, slots, deal_file, lambda text: Resolution(text.key, None, "rider of the deal", rider=text)
    )
    return contract


def _resolve_slot(
    item: OutlineItem,
    library: Library,
    pins: dict[str, int],
    excludes: list[str],
    evaluate: Evaluator,
    where: str,
    warnings: list[str],
    part_included: bool,
) -> Resolution:
    if not part_included:
        return Resolution(item.id, None, "its part is left out")
    if any(clause_id in excludes for clause_id in item.clause_ids()):
        return Resolution(item.id, None, "excluded by the deal")
    chosen = next((clause_id for clause_id, when in item.variants if evaluate(when, where)), item.id)
    clause = library.clauses[chosen]  # every slot's clause ids were checked against the library
    if chosen in pins:
        version = clause.versions[int(pins[chosen])]
        reason = "pinned"
    else:
        newest = clause.default()
        reason = "newest approved"
        if newest is None:
            return Resolution(item.id, None, "no approved version")
        version = newest
    if not evaluate(item.when, where):
        return Resolution(item.id, None, f"outline condition false: {item.when}")
    if not evaluate(version.when, version.path.name):
        return Resolution(item.id, None, f"condition false: {version.when}")
    if version.status == "deprecated":
        warnings.append(f"clause {version.label} is deprecated; consider a newer version")
    elif version.status in ("draft", "retired"):
        warnings.append(f"clause {version.label} is {version.status} and renders only because the deal pins it")
    return Resolution(item.id, version, reason)


@dataclass
class ResolvedDeal:
    """A loaded deal with its clause context (derived figures included) and its clause resolution."""

    source: Any  # the deal.DealSource
    context: dict[str, Any] = field(repr=False)
    resolution: ResolvedContract

    @property
    def deal(self) -> Any:
        """Return the validated deal."""
        return self.source.deal


def resolve_deal(source: Any, workspace: ClauseSource, context: dict[str, Any], evaluate: Evaluator) -> ResolvedDeal:
    """Resolve which clause versions the deal takes with its clause context built (nothing rendered).

    `workspace` needs only `outline(name)` and `library`, so a contracts repository can resolve
    without the Markdown reader or the writers; `pipeline.resolve_deal` builds the context.
    """
    deal = source.deal
    resolution = resolve_contract(workspace.outline(deal.template), workspace.library, deal, evaluate, source.file_name)
    return ResolvedDeal(source, context, resolution)
