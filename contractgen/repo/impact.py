"""`contractgen impact`: which contracts a clause library or law record change affects, with clause-level diffs.

Default: the working-tree library against contractgen.lock. With ``--since REF``: the library as it
was at a git ref (extracted with ``git archive`` into a temporary folder) against the working tree.
Each changed clause is rendered for the deal it belongs to (the clause's Markdown after Jinja, no
document assembly, no writers) in both versions, and the two texts are diffed.

Each affected contract also names its redline files: those `build --redline` wrote when they show
exactly this change (the lock entry records which clause versions a redline was made against), else
the paths a `contractgen build --redline` would write.
"""

from __future__ import annotations

import difflib
import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contractgen.digest import source_sha256
from contractgen.errors import ContractgenError, ImpactError
from contractgen.law.library import KINDS, library
from contractgen.library.clauses import ClauseVersion, Library, parse_clause_file
from contractgen.repo.config import RepoConfig
from contractgen.repo.lockfile import read_lock, scan_library, sha256_file
from contractgen.repo.staleness import RepoLibrary, assess, resolve_inputs


@dataclass
class ClauseChange:
    """One clause of one contract that reads differently after the library change."""

    clause_id: str
    before: str  # "v2" or "" when the clause was not in the contract
    after: str
    diff: str

    def heading(self) -> str:
        """Return "clause X v2 → v3" (or "now included" / "now left out")."""
        if not self.before:
            return f"clause {self.clause_id} {self.after} now included"
        if not self.after:
            return f"clause {self.clause_id} {self.before} now left out"
        if self.before == self.after:
            return f"clause {self.clause_id} {self.before} text changed"
        return f"clause {self.clause_id} {self.before} → {self.after}"


@dataclass
class ContractChange:
    """A contract whose resolved clauses change, with one diff per changed clause."""

    deal: str
    clauses: list[ClauseChange] = field(default_factory=list)
    error: str = ""
    redlines: list[str] = field(default_factory=list)  # redline files that show this change
    overridden: dict[str, str] = field(
        default_factory=dict
    )  # clause id → the deal's override of it ("overrides.costs")
    redline_hint: str = ""  # what to run when there are none
    signed: bool = False  # a signed contract: the change needs an amendment, not a rebuild

    def render(self) -> str:
        """Return the change as text: one heading per clause, each followed by its diff."""
        if self.error:
            return f"{self.deal}: {self.error}"
        out = []
        mark = "signed: needs an amendment, not a rebuild: " if self.signed else ""
        for change in self.clauses:
            out.append(f"{self.deal}: {mark}{change.heading()}")
            if change.diff:
                out.append(change.diff.rstrip("\n"))
        out.extend(f"{self.deal}: redline {path}" for path in self.redlines)
        if not self.redlines and self.redline_hint and not self.signed:
            out.append(f"{self.deal}: {self.redline_hint}")
        return "\n".join(out)


def _hint(config: RepoConfig, rel: str) -> str:
    paths = ", ".join(config.redline_paths(rel).values())
    return f"no redline yet: run `contractgen build --redline` to write {paths}"


def current_redlines(
    config: RepoConfig, entry: dict[str, Any] | None, before: dict[str, tuple[int, str] | None]
) -> list[str]:
    """Return the redline files of a lock entry if they were made against `before` and are unchanged.

    `before` maps each changed clause id to its (version, sha256) before the change, None if it was left out.
    """
    record = (entry or {}).get("redlines") or {}
    against, files = record.get("against") or {}, record.get("files") or {}
    if not files:
        return []
    for cid, was in before.items():
        locked = against.get(cid)
        if locked is None or was is None:
            if (locked is None) != (was is None):
                return []
        elif (locked.get("version"), locked.get("sha256")) != was:
            return []
    if any(sha256_file(config.root / path) != digest for path, digest in files.items()):
        return []
    return sorted(files)


def library_impact(config: RepoConfig, since: str | None = None, context_lines: int = 3) -> list[ContractChange]:
    """Return the contracts whose clauses change (signed ones last), against the lock or the library at a git ref."""
    changes = _impact_since(config, since, context_lines) if since else _impact_against_lock(config, context_lines)
    return sorted(changes, key=lambda change: change.signed)


def _render_clause(version: ClauseVersion | None, context: dict[str, Any]) -> str:
    from contractgen.templating.render import render_text

    if version is None:
        return ""
    try:
        return render_text(version.body, context, version.path.name, version.body_line).strip("\n") + "\n"
    except ContractgenError as exc:
        return f"(this version does not render for this deal: {'; '.join(exc.lines())})\n"


def _diff(before: str, after: str, old_label: str, new_label: str, context_lines: int) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), old_label, new_label, n=context_lines
        )
    )


def overridden_clauses(resolution: Any) -> dict[str, str]:
    """Map each library clause the deal overrides (whole or a paragraph) to the deal's fields that do it."""
    found: dict[str, list[str]] = {}
    for text in resolution.deal_texts():
        if text.kind == "override":
            found.setdefault(text.clause, []).append(text.path)
    return {clause: ", ".join(paths) for clause, paths in found.items()}


def _impact_against_lock(config: RepoConfig, context_lines: int) -> list[ContractChange]:
    assessment = assess(config)
    workspace = RepoLibrary(config)
    changes = []
    for rel, state in sorted(assessment.deals.items()):
        entry = assessment.lock.deals.get(rel)
        if entry is None or not (
            state.undecided or state.amendments or any(r.startswith("clause ") for r in state.reasons)
        ):
            continue
        change = ContractChange(rel, signed=state.signed)
        try:
            resolved = resolve_inputs(config, rel, workspace)
        except ContractgenError as exc:
            change.error = "cannot be resolved: " + "; ".join(exc.lines())
            changes.append(change)
            continue
        library = workspace.library
        now = {v.id: v for v in resolved.resolution.versions()}
        locked = entry.get("clauses") or {}
        for cid in sorted(set(locked) | set(now)):
            old, new = locked.get(cid), now.get(cid)
            if old and new and old["version"] == new.version and old["sha256"] == new.sha256:
                continue
            old_text, old_label = _locked_text(config, library, cid, old, resolved.context)
            new_text = _render_clause(new, resolved.context)
            new_label = config.rel(new.path) if new else "/dev/null"
            change.clauses.append(
                ClauseChange(
                    cid,
                    f"v{old['version']}" if old else "",
                    f"v{new.version}" if new else "",
                    _diff(old_text, new_text, old_label, new_label, context_lines),
                )
            )
        if change.clauses:
            change.redline_hint = _hint(config, rel)  # not built yet: redlines on disk show an earlier change
            change.overridden = overridden_clauses(resolved.resolution)
            changes.append(change)
    return changes


def _locked_text(
    config: RepoConfig, library: Library, cid: str, old: dict[str, Any] | None, context: dict[str, Any]
) -> tuple[str, str]:
    """Render the locked version of a clause: from the working tree if unchanged, else from git HEAD."""
    if not old:
        return "", "/dev/null"
    clause = library.get(cid)
    current = clause.versions.get(int(old["version"])) if clause else None
    if current is not None and current.sha256 == old["sha256"]:
        return _render_clause(current, context), config.rel(current.path)
    if current is not None:  # edited in place since the lock: the locked text may still be in git
        rel = config.rel(current.path)
        raw = _git_show(config.root, "HEAD", rel)
        if raw is not None and source_sha256(raw) == old["sha256"]:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / current.group / cid / current.path.name
                path.parent.mkdir(parents=True)
                path.write_bytes(raw)
                version, _problems = parse_clause_file(path, Path(tmp))
                return _render_clause(version, context), f"HEAD:{rel}"
    return f"(the locked text of {cid} v{old['version']} is no longer available)\n", f"{cid} v{old['version']} (locked)"


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)


def _git_show(root: Path, ref: str, rel: str) -> bytes | None:
    prefix = _git(root, "rev-parse", "--show-prefix")
    if prefix.returncode != 0:
        return None
    shown = _git(root, "show", f"{ref}:{prefix.stdout.decode().strip()}{rel}")
    return shown.stdout if shown.returncode == 0 else None


def _extract_library(config: RepoConfig, ref: str, target: Path) -> Path:
    """Extract the clause library folder as it was at `ref` into target; return its path there."""
    prefix = _git(config.root, "rev-parse", "--show-prefix")
    if prefix.returncode != 0:
        raise ImpactError(f"{config.root}: not a git repository; --since needs git history")
    inside = prefix.stdout.decode().strip() + config.clauses
    if _git(config.root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise ImpactError(f"--since {ref}: unknown git revision")
    top = _git(config.root, "rev-parse", "--show-toplevel").stdout.decode().strip()
    archive = subprocess.run(
        ["git", "-C", top, "archive", "--format=tar", ref, "--", inside], capture_output=True, check=False
    )
    folder = target / inside
    if archive.returncode != 0:
        folder.mkdir(parents=True, exist_ok=True)  # the library did not exist yet at that ref
        return folder
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    return folder


def _impact_since(config: RepoConfig, ref: str, context_lines: int) -> list[ContractChange]:
    from contractgen.pipeline import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        old_dir = _extract_library(config, ref, Path(tmp))
        old_files = {
            p.relative_to(old_dir).as_posix(): i.sha256
            for p, i in ((Path(tmp) / rel, i) for rel, i in scan_library(old_dir, Path(tmp)).items())
        }
        new_files = {
            p.relative_to(config.clauses_dir.resolve()).as_posix(): i.sha256
            for p, i in (
                (config.root.resolve() / rel, i) for rel, i in scan_library(config.clauses_dir, config.root).items()
            )
        }
        if old_files == new_files:
            return []
        assessment = assess(config)
        old_ws = Workspace(config.root, clauses_dir=old_dir, templates_dir=config.templates_dir)
        new_ws = Workspace(
            config.root, clauses_dir=config.clauses_dir, templates_dir=config.templates_dir, law_dir=config.law_dir
        )
        changes = []
        for rel in config.deal_paths():
            state = assessment.deals.get(rel)
            change = ContractChange(rel, signed=bool(state and state.signed))
            try:
                after = resolve_inputs(config, rel, new_ws)
                before = resolve_inputs(config, rel, old_ws)
            except ContractgenError as exc:
                change.error = "cannot be resolved: " + "; ".join(exc.lines())
                changes.append(change)
                continue
            old_versions = {v.id: v for v in before.resolution.versions()}
            new_versions = {v.id: v for v in after.resolution.versions()}
            for cid in sorted(set(old_versions) | set(new_versions)):
                old, new = old_versions.get(cid), new_versions.get(cid)
                if old and new and old.version == new.version and old.sha256 == new.sha256:
                    continue
                old_label = f"{ref}:{config.clauses}/{old.path.relative_to(old_dir).as_posix()}" if old else "/dev/null"
                new_label = config.rel(new.path) if new else "/dev/null"
                change.clauses.append(
                    ClauseChange(
                        cid,
                        f"v{old.version}" if old else "",
                        f"v{new.version}" if new else "",
                        _diff(
                            _render_clause(old, before.context),
                            _render_clause(new, after.context),
                            old_label,
                            new_label,
                            context_lines,
                        ),
                    )
                )
            if change.clauses:
                change.overridden = overridden_clauses(after.resolution)
                state = assessment.deals.get(rel)
                before_map = {
                    c.clause_id: (
                        (old_versions[c.clause_id].version, old_versions[c.clause_id].sha256)
                        if c.clause_id in old_versions
                        else None
                    )
                    for c in change.clauses
                }
                if state is not None and not state.stale:
                    change.redlines = current_redlines(config, assessment.lock.deals.get(rel), before_map)
                if not change.redlines:
                    change.redline_hint = (
                        _hint(config, rel)
                        if state is None or state.stale
                        else "no redline of this change: the last build wrote none against these clause versions"
                    )
                changes.append(change)
        return changes


@dataclass
class LawChange:
    """A law record that reads differently now, and the contracts built with it."""

    rel: str  # law/<kind>/<id>.yaml
    what: str  # "changed" or "removed"
    deals: list[str]

    def heading(self) -> str:
        """Return "law/privacy/uk-gdpr.yaml changed: 2 contracts"."""
        return f"{self.rel} {self.what}: {len(self.deals)} contract{'s' if len(self.deals) != 1 else ''}"


def law_impact(config: RepoConfig, since: str | None = None) -> list[LawChange]:
    """Return the law records the locked contracts read that changed (against the lock, or since a git ref)."""
    lock = read_lock(config.lock_path)
    if lock is None:
        return []
    law = library(config.law_dir if config.law_dir.is_dir() else None)
    users: dict[str, list[str]] = {}
    for deal, entry in sorted(lock.deals.items()):
        for rel in entry.get("law") or {}:
            users.setdefault(rel, []).append(deal)
    found: dict[str, str] = {}
    if since is None:
        for entry in lock.deals.values():
            found.update(dict(law.changed(entry.get("law") or {})))
    else:
        if _git(config.root, "rev-parse", "--verify", f"{since}^{{commit}}").returncode != 0:
            raise ImpactError(f"{since}: not a commit of this repository")
        for rel in users:
            kind, _, name = rel.removeprefix("law/").partition("/")
            record = law.records(kind).get(name.removesuffix(".yaml")) if kind in KINDS else None
            builtin = law.folders[-1] / kind / name
            old = _git_show(config.root, since, f"{config.law}/{kind}/{name}")
            if old is None and builtin.is_file():
                old = builtin.read_bytes()
            now = record.path.read_bytes() if record is not None else None
            if old != now:
                found[rel] = "removed" if now is None else "changed"
    return [LawChange(rel, what, users.get(rel, [])) for rel, what in sorted(found.items())]
