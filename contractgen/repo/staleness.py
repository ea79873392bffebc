"""Which contracts of a repository are out of date, and why — decided from hashes, rendering nothing.

The fast path compares hashes only: the deal file, the template files, contractgen's version, the
outputs, and the clause library against what contractgen.lock recorded. A library change is
mapped onto each deal through the lock entry's record of how every outline slot resolved (which
version, pinned or not, under which `when` condition, or why it was left out), so a new version of
one clause marks exactly the deals that take it without loading a single deal. Only when that
record cannot decide (a changed `when` condition, a vanished version) is the deal loaded and
resolved again — still without Jinja rendering and without importing any writer.
"""

from __future__ import annotations

import dataclasses
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contractgen import __version__, safefs
from contractgen.deal.yamlsource import MAX_BYTES
from contractgen.digest import source_sha256
from contractgen.errors import ContractgenError, UnsafePathError
from contractgen.law.library import LawLibrary, use_law
from contractgen.law.library import library as law_library
from contractgen.library.clauses import Library, default_version
from contractgen.repo.config import RepoConfig
from contractgen.repo.input_changes import compare_inputs, predict_clauses, template_changes
from contractgen.repo.journal import journal_path, read_journal, written_files
from contractgen.repo.lockfile import (
    Lock,
    VersionInfo,
    clause_view,
    installed_tools,
    library_digest,
    read_lock,
    released_violations,
    scan_library,
    sha256_file,
    template_files,
    tool_differences,
)

if TYPE_CHECKING:
    from contractgen.library.resolve import ClauseSource, Outline, ResolvedContract, ResolvedDeal


class RepoLibrary:
    """The clause library and outlines of a repository, loaded on first use (no writers, no Markdown)."""

    def __init__(self, config: RepoConfig) -> None:
        self.config = config
        self._library: Library | None = None
        self._outlines: dict[str, Outline] = {}
        use_law(self.law_path)

    @property
    def law_path(self) -> Path | None:
        """Return the repository's own law folder, None when it has none."""
        return self.config.law_dir if self.config.law_dir.is_dir() else None

    @property
    def law(self) -> LawLibrary:
        """Return the law records the repository's deals read."""
        return law_library(self.law_path)

    @property
    def library(self) -> Library:
        """Return the parsed clause library."""
        if self._library is None:
            from contractgen.library.clauses import load_library

            self._library = load_library(self.config.clauses_dir)
        return self._library

    def outline(self, name: str) -> Outline:
        """Return a template's parsed outline."""
        if name not in self._outlines:
            from contractgen.errors import LibraryError
            from contractgen.library.resolve import load_outline

            folder = self.config.templates_dir / name
            if not name or "/" in name or name.startswith(".") or not (folder / "outline.yaml").is_file():
                raise LibraryError(f"unknown document template '{name}'")
            self._outlines[name] = load_outline(folder)
        return self._outlines[name]


@dataclass
class Resolved:
    """A deal loaded and resolved (not rendered), and the lock entry's input fields.

    `prepared` (a library.resolve.ResolvedDeal: the DealSource, the clause context, the resolution) is what a
    build renders, so a deal is read once and resolved once per build.
    """

    prepared: ResolvedDeal
    inputs: dict[str, Any]

    @property
    def source(self) -> Any:
        """Return the DealSource: the deal, its path, bytes and sha256."""
        return self.prepared.source

    @property
    def deal(self) -> Any:
        """Return the validated deal."""
        return self.prepared.source.deal

    @property
    def context(self) -> dict[str, Any]:
        """Return the clause context."""
        return self.prepared.context

    @property
    def resolution(self) -> ResolvedContract:
        """Return the clause resolution."""
        return self.prepared.resolution


def resolve_inputs(
    config: RepoConfig,
    deal_rel: str,
    workspace: ClauseSource,
    previous: dict[str, Any] | None = None,
    raw: bytes | None = None,
) -> Resolved:
    """Load, validate and resolve one deal; return its lock-entry inputs (no rendering).

    A deal marked signed keeps the clause versions of `previous` (its lock entry of the last build):
    signing renders the contract as negotiated, never with library versions that came later.
    `raw`: the deal file's bytes when the caller has read them already (the file is not read again).
    """
    from contractgen.deal import load_deal
    from contractgen.law.usage import used_hashes
    from contractgen.library.resolve import resolve_deal
    from contractgen.templating.context import build_context
    from contractgen.templating.render import condition_evaluator

    path = config.root / deal_rel
    if raw is None:  # a deal file linking out of the repository, or to a device, is refused
        from contractgen.deal.yamlsource import MAX_BYTES

        try:
            raw = safefs.read_head(path, config.root, MAX_BYTES + 1)
        except OSError:
            pass  # missing or unreadable: load_deal says so in its own words
    source = load_deal(path, raw)
    digest = source.sha256
    deal = source.deal
    own_pins = dict(getattr(getattr(deal, "clauses", None), "pin", None) or {})  # the lock records the deal's own
    if getattr(deal, "status", "draft") == "signed" and previous and previous.get("clauses"):
        kept = {cid: int(record["version"]) for cid, record in previous["clauses"].items()}
        pins = {**kept, **dict(deal.clauses.pin)}
        deal = deal.model_copy(update={"clauses": deal.clauses.model_copy(update={"pin": pins})})
        source = dataclasses.replace(source, deal=deal)  # built with the versions it was signed with
    context = build_context(deal)  # the derived figures are computed here, once
    prepared = resolve_deal(source, workspace, context, condition_evaluator(context))
    resolution = prepared.resolution
    clauses: dict[str, dict[str, Any]] = {}
    left_out: dict[str, str] = {}
    for part in resolution.parts:
        for slot in part.clauses:
            if slot.rider is not None:
                continue  # the deal's own words: recorded under deal_text
            if part.included and slot.version is not None:
                record: dict[str, Any] = {"version": slot.version.version, "sha256": slot.version.sha256}
                if slot.version.when:
                    record["when"] = slot.version.when
                clauses[slot.version.id] = record  # a variant is locked as itself, not as its slot
            else:
                left_out[slot.id] = slot.reason
    pins = own_pins
    inputs = {
        "contractgen": __version__,
        "deal_sha256": digest,
        "status": getattr(deal, "status", "draft"),
        "template": deal.template,
        "template_files": template_files(config.templates_dir, deal.template, config.root),
        "pins": {str(k): int(v) for k, v in sorted(pins.items())},
        "clauses": clauses,
        "left_out": left_out,
        "law": used_hashes(deal, getattr(workspace, "law", None)),
    }
    deal_text = {
        text.path: {
            "kind": text.kind,
            "clause": text.clause,
            "sha256": text.sha256,
            **({"paragraph": text.paragraph} if text.paragraph else {}),
        }
        for text in resolution.deal_texts()
    }
    if deal_text:  # only a deal with its own words has the key: older lock entries stay as they were
        inputs["deal_text"] = deal_text
    return Resolved(prepared, inputs)


@dataclass
class DealState:
    """How one deal of the repository compares with its lock entry."""

    path: str
    reasons: list[str] = field(default_factory=list)  # why it is out of date, in words
    undecided: bool = False  # the hashes cannot tell: the deal must be loaded and resolved
    edited: list[str] = field(default_factory=list)  # outputs whose bytes differ from the lock
    new: bool = False
    signed: bool = False  # built as signed: frozen, never rendered again
    raw: bytes | None = field(default=None, repr=False, compare=False)  # the deal file's bytes, read once
    frozen: list[str] = field(default_factory=list)  # what changed on a signed contract (errors)
    amendments: list[str] = field(default_factory=list)  # library changes a signed contract does not take

    @property
    def stale(self) -> bool:
        """Return whether the deal must be rendered again (or cannot be judged from hashes)."""
        return bool(self.reasons) or self.undecided or self.new


@dataclass
class Assessment:
    """The whole repository against contractgen.lock."""

    config: RepoConfig
    lock: Lock
    library: dict[str, VersionInfo]
    violations: list[tuple[str, str]]
    deals: dict[str, DealState]
    removed: list[str]  # lock entries whose deal file is gone
    errors: list[str] = field(default_factory=list)
    tool_notes: list[str] = field(default_factory=list)  # the lock's contractgen/WeasyPrint/font versions differ
    library_sha256: str = ""  # digest of the library as scanned now

    @property
    def up_to_date(self) -> bool:
        """Return whether every output is current and no released clause version was touched."""
        return not (
            self.violations
            or self.removed
            or self.errors
            or any(s.stale or s.edited or s.frozen for s in self.deals.values())
        )

    def to_json(self) -> dict[str, Any]:
        """Return the assessment as JSON-ready data."""
        return {
            "up_to_date": self.up_to_date,
            "released_versions_changed": [{"file": f, "message": m} for f, m in self.violations],
            "deals": {
                p: {"reasons": s.reasons + [f"output {o} was edited by hand" for o in s.edited], "new": s.new}
                for p, s in sorted(self.deals.items())
                if s.stale or s.edited
            },
            "deleted_deals": self.removed,
            "errors": self.errors,
            "tool_differences": self.tool_notes,
            "checked": len(self.deals),
        }


def assess(config: RepoConfig, selected: list[str] | None = None) -> Assessment:
    """Compare every deal (or the selected ones) with the lock using hashes alone."""
    lock = read_lock(config.lock_path) or Lock()
    interrupted, errors = _recover_journal(config, lock)
    library = scan_library(config.clauses_dir, config.root, lock.library)
    view = clause_view(library)
    defaults = {cid: default_version(versions) for cid, versions in view.items()}
    digest = library_digest(library)
    violations = released_violations(lock, library)
    on_disk = config.deal_paths()
    deal_paths = on_disk if selected is None else selected
    removed = [] if selected is not None else sorted(set(lock.deals) - set(on_disk))
    hashes = hash_files(
        config.root, [out for rel in deal_paths if rel in lock.deals for out in config.output_paths(rel).values()]
    )
    deal_bytes = {
        rel: _read_bytes(config.root / rel, config.root) for rel in deal_paths
    }  # the one read of each deal file
    hashes.update({rel: None if raw is None else source_sha256(raw) for rel, raw in deal_bytes.items()})
    template_cache: dict[str, dict[str, str]] = {}
    law = law_library(
        config.law_dir if config.law_dir.is_dir() else None
    )  # the records the lock's hashes are compared with
    states: dict[str, DealState] = {}
    for rel in deal_paths:
        state = DealState(rel, raw=deal_bytes[rel])
        states[rel] = state
        entry = lock.deals.get(rel)
        if entry is None:
            state.new = True
            state.reasons.append("new deal, not in the lock")
            continue
        if entry.get("status") == "signed":
            _assess_signed(config, rel, entry, state, hashes, view, defaults, digest)
            continue
        if hashes.get(rel) != entry.get("deal_sha256"):
            state.reasons.append("deal file changed")
        if entry.get("contractgen") != __version__:
            state.reasons.append(f"contractgen version changed ({entry.get('contractgen')} → {__version__})")
        name = str(entry.get("template") or "")
        if name not in template_cache:
            template_cache[name] = template_files(config.templates_dir, name, config.root)
        if entry.get("template_files") != template_cache[name]:
            state.reasons.extend(template_changes(entry.get("template_files") or {}, template_cache[name]))
        state.reasons.extend(f"{rel} {what}" for rel, what in law.changed(entry.get("law") or {}))
        if not state.reasons and entry.get("library_sha256") != digest:
            # inputs the deal controls are unchanged, the library is not: map the library onto it
            clause_reasons, state.undecided = predict_clauses(entry, view, defaults)
            state.reasons.extend(clause_reasons)
        _check_outputs(config, rel, entry, state, hashes, interrupted.get(rel))
    notes = (
        tool_differences(lock.tools, installed_tools(config.templates_dir, config.root, config.install))
        if lock.tools
        else []
    )
    return Assessment(
        config, lock, library, violations, states, removed, errors=errors, library_sha256=digest, tool_notes=notes
    )


def _recover_journal(config: RepoConfig, lock: Lock) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Take in what a killed build journalled (repo/journal.py): ({deal: entry} of deals it left half written, errors).

    An entry whose files on disk all match it replaces the deal's entry in `lock` (that deal was written completely).
    """
    path = journal_path(config.lock_path)
    journal = read_journal(path)
    if not journal:
        return {}, []
    interrupted = {}
    for rel, entry in journal.items():
        files = written_files(entry, config.model_path(rel))
        if files and all(sha256_file(config.root / out, config.root) == digest for out, digest in files.items()):
            lock.deals[rel] = entry
        else:
            interrupted[rel] = entry
    return interrupted, [
        f"{path.name}: a build was interrupted before it wrote contractgen.lock; run `contractgen build` to finish it"
    ]


SIGNED = "signed contract, frozen"


def _assess_signed(
    config: RepoConfig,
    rel: str,
    entry: dict[str, Any],
    state: DealState,
    hashes: dict[str, str | None],
    view: dict[str, dict[int, VersionInfo]],
    defaults: dict[str, VersionInfo | None],
    digest: str,
) -> None:
    """Judge a deal built as signed: changes to it are errors, library changes only amendments."""
    state.signed = True
    if hashes.get(rel) != entry.get("deal_sha256"):
        state.frozen.append(
            f"{SIGNED}: its deal file changed since it was signed (restore it; "
            "record a change as an amendment, a new deal)"
        )
    if entry.get("library_sha256") != digest:
        state.amendments, _undecided = predict_clauses(entry, view, defaults)
    _check_outputs(config, rel, entry, state, hashes)
    state.frozen.extend(
        f"{SIGNED}: {reason} (restore it from version control; signed contracts are never rendered again)"
        for reason in state.reasons
    )
    state.frozen.extend(f"{SIGNED}: output {out} was changed (restore it from version control)" for out in state.edited)
    state.reasons, state.edited = [], []


def _read_bytes(path: Path, root: Path) -> bytes | None:
    """Return a file's bytes, or None when it cannot be read (the deal is then reported when loaded)."""
    try:
        return safefs.read_head(path, root, MAX_BYTES + 1)
    except (OSError, UnsafePathError):
        return None


def hash_files(root: Path, rels: list[str]) -> dict[str, str | None]:
    """Hash many files on a few threads (hashlib releases the GIL on large buffers)."""
    if len(rels) < 64:
        return {rel: sha256_file(root / rel, root) for rel in rels}
    with ThreadPoolExecutor(max_workers=8) as pool:
        chunks = [rels[i::8] for i in range(8)]
        results: dict[str, str | None] = {}
        for part in pool.map(lambda chunk: {rel: sha256_file(root / rel, root) for rel in chunk}, chunks):
            results.update(part)
        return results


def _check_outputs(
    config: RepoConfig,
    rel: str,
    entry: dict[str, Any],
    state: DealState,
    hashes: dict[str, str | None],
    journalled: dict[str, Any] | None = None,
) -> None:
    locked = entry.get("outputs") or {}
    interrupted = (journalled or {}).get("outputs") or {}
    for out in config.output_paths(rel).values():
        digest = hashes[out] if out in hashes else sha256_file(config.root / out, config.root)
        if digest is None:
            state.reasons.append(f"output {out} missing")
        elif out not in locked:
            state.reasons.append(f"output {out} not in the lock")
        elif digest != locked[out] and digest == interrupted.get(out):
            state.reasons.append(f"output {out} was written by an interrupted build")
        elif digest != locked[out]:
            state.edited.append(out)


def settle_undecided(assessment: Assessment, workspace: ClauseSource | None = None) -> None:
    """Load and resolve the deals the hashes could not judge, turning `undecided` into reasons."""
    pending = [s for s in assessment.deals.values() if s.undecided]
    if not pending:
        return
    workspace = workspace or RepoLibrary(assessment.config)
    for state in pending:
        entry = assessment.lock.deals[state.path]
        try:
            resolved = resolve_inputs(assessment.config, state.path, workspace, raw=state.raw)
        except ContractgenError as exc:
            state.reasons.extend(f"cannot be resolved: {line}" for line in exc.lines())
            state.undecided = False
            continue
        state.reasons.extend(compare_inputs(entry, resolved.inputs))
        state.undecided = False


def check_lines(assessment: Assessment) -> list[str]:
    """Return the report of `contractgen check`, one line per finding."""
    lines = [message for _file, message in assessment.violations]
    for rel, state in sorted(assessment.deals.items()):
        lines.extend(f"{rel}: {reason}" for reason in state.reasons)
        lines.extend(f"{rel}: output {out} was edited by hand" for out in state.edited)
        lines.extend(f"{rel}: {problem}" for problem in state.frozen)
    lines.extend(
        f"{rel}: deal file deleted, but its lock entry remains (run `contractgen build`)" for rel in assessment.removed
    )
    lines.extend(assessment.errors)
    return lines
