"""Lint's view of a library: the report it fills, and the clause versions and templates it reads.

Versions are read leniently (a version with front matter problems is still checked) and with the
line of every front matter key, so each finding points at a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from contractgen import safefs
from contractgen.checks.coverage import load_checklist
from contractgen.deal.yamlsource import load_yaml
from contractgen.errors import ContractgenError, UnsafePathError
from contractgen.library.clauses import (
    STATUSES,
    VERSION_FILE,
    ClauseVersion,
    parse_clause_file,
    scan_library_folder,
    split_front_matter,
)
from contractgen.library.resolve import load_outline

ROLE_WORDS = ("Client", "Supplier", "Party", "Parties")
ANCHOR = re.compile(r"\{#([A-Za-z][A-Za-z0-9._-]*)\}")
JINJA_COMMENT = re.compile(r"\{##.*?##\}", re.DOTALL)
# A party's short name inside a compound defined term ("{{ CLIENT_NAME }} Data") reads, for the
# static checks, as the default short name ("Client Data"); with its article ("{{ CLIENT_NAME|a }}"),
# as "a Client".
PARTY_NAME = re.compile(r"\{\{-?\s*(CLIENT|SUPPLIER)_NAME\s*(\|\s*a\s*)?-?\}\}")
# Likewise the personal-data term the deal's privacy regimes choose ("{{ PD }}": "Personal Data" or
# "Personal Information") reads as "Personal Data", so the checks see one defined term.
TERM_VARIABLE = re.compile(r"\{\{-?\s*PD\s*-?\}\}")


@dataclass(frozen=True, order=True)
class LintMessage:
    """One lint finding: a file, a line, a message; warnings do not fail the lint."""

    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"
        return f"warning: {text}" if self.warning else text


@dataclass
class LintReport:
    """The outcome of a lint run."""

    messages: list[LintMessage] = field(default_factory=list)
    clauses: int = 0
    versions: int = 0

    @property
    def errors(self) -> list[LintMessage]:
        """Return the findings that fail the lint."""
        return [m for m in self.messages if not m.warning]

    @property
    def warnings(self) -> list[LintMessage]:
        """Return the findings that only warn."""
        return [m for m in self.messages if m.warning]

    def add(self, path: str, line: int | None, message: str, warning: bool = False) -> None:
        """Record a finding (duplicates are dropped)."""
        found = LintMessage(path, line or 0, message, warning)
        if found not in self.messages:
            self.messages.append(found)


@dataclass
class Version:
    """A clause version as lint sees it: the parsed version plus where its front matter keys are."""

    rel: str
    version: ClauseVersion
    key_lines: dict[tuple, int]

    def key_line(self, *path: Any) -> int:
        """Return the file line of a front matter key (1 if unknown)."""
        return self.key_lines.get(tuple(path), 1)


@dataclass
class Template:
    """What lint reads from one document template."""

    name: str
    outline_rel: str
    outline: Any  # resolve.Outline | None
    outline_lines: dict[tuple, int]
    checklist_rel: str
    checklist: Any  # coverage.Checklist | None
    allow: list[str]


def strip_comments(text: str) -> str:
    """Replace Jinja comments ({## … ##}) with blank space, keeping line numbers."""
    return JINJA_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def line_at(text: str, index: int) -> int:
    """Return the 1-based line of a character index in text."""
    return text.count("\n", 0, index) + 1


def _yaml_lines(text: str, where: str) -> dict[tuple, int]:

    try:
        return load_yaml(text, where)[1]
    except ContractgenError:
        return {}


def load_template(root: Path, name: str, report: LintReport) -> Template:
    """Read one template's outline, checklist and lint.yaml allow-list, reporting what is broken."""
    folder = root / "templates" / name
    outline_rel = f"templates/{name}/outline.yaml"
    checklist_rel = f"templates/{name}/checklist.yaml"
    outline = checklist = None
    outline_lines: dict[tuple, int] = {}
    try:
        outline = load_outline(folder)
        outline_lines = _yaml_lines(safefs.read_text(outline.path, root / "templates"), outline_rel)
    except ContractgenError as exc:
        _report_problems(report, exc, outline_rel)
    try:
        checklist = load_checklist(folder, root)
    except ContractgenError as exc:
        _report_problems(report, exc, checklist_rel)
    allow: list[str] = []
    lint_file = folder / "lint.yaml"
    if lint_file.is_file() or lint_file.is_symlink():
        try:
            data = yaml.safe_load(safefs.read_text(lint_file, root / "templates")) or {}
            allow = [str(word) for word in (data.get("allow") or [])] if isinstance(data, dict) else []
        except yaml.YAMLError as exc:
            report.add(f"templates/{name}/lint.yaml", 1, f"invalid YAML: {str(exc).splitlines()[0]}")
        except (OSError, UnicodeDecodeError, UnsafePathError) as exc:
            report.add(f"templates/{name}/lint.yaml", 1, f"cannot be read: {exc}")
    return Template(name, outline_rel, outline, outline_lines, checklist_rel, checklist, allow)


def _report_problems(report: LintReport, exc: ContractgenError, default: str) -> None:
    if not exc.problems:
        report.add(default, None, str(exc))
    for problem in exc.problems:
        path = default if Path(default).name == Path(problem.file).name else problem.file
        message = f"{problem.path}: {problem.message}" if problem.path else problem.message
        report.add(path, problem.line, message)


def load_versions(root: Path, report: LintReport) -> list[Version]:
    """Read every clause version of root/clauses, reporting misnamed files and broken front matter."""
    library_root = root / "clauses"
    versions: list[Version] = []
    if not library_root.is_dir():
        report.add("clauses", None, "the clause library folder does not exist")
        return versions
    for file in scan_library_folder(library_root, prefix="clauses/"):
        if file.problem:
            report.add(file.rel, None, file.problem)
            continue
        version = _parse_version(file.path, library_root, file.rel, report)
        if version is not None:
            versions.append(version)
    return versions


def _parse_version(path: Path, library_root: Path, rel: str, report: LintReport) -> Version | None:
    """Parse one version file, reporting front matter problems at the line of their key."""
    try:
        text = safefs.read_text(path, library_root).replace("\r\n", "\n")
        head, body, body_line = split_front_matter(text)
        meta = yaml.safe_load(head) or {}
    except UnsafePathError as exc:
        report.add(rel, 1, str(exc).removeprefix(f"{path}: "))
        return None
    except (UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        report.add(rel, 1, f"front matter: {str(exc).splitlines()[0]}")
        return None
    if not isinstance(meta, dict):
        report.add(rel, 1, "front matter must be a mapping of keys to values")
        return None
    lines = {key: line + 1 for key, line in _yaml_lines(head, rel).items()}
    parsed, problems = parse_clause_file(path, library_root)
    for problem in problems:
        line = lines.get((problem.path,), 1) if problem.path else (problem.line or 1)
        message = f"{problem.path}: {problem.message}" if problem.path else problem.message
        report.add(rel, line, message)
    if parsed is None:
        named = VERSION_FILE.match(path.name)
        if named is None:
            return None  # a file not named vN.md: reported above
        # Keep checking the body of an incomplete version: build it leniently.
        defines, covers = meta.get("defines"), meta.get("covers")
        defines = defines if isinstance(defines, dict) else {}
        covers = covers if isinstance(covers, list) else []
        parsed = ClauseVersion(
            id=path.parent.name, group=path.parent.parent.relative_to(library_root).as_posix(),
            version=int(named.group(1)), path=path,
            title=str(meta.get("title") or ""), status=str(meta.get("status") if meta.get("status") in STATUSES else "draft"),
            body=body, body_line=body_line, when=str(meta.get("when") or "").strip(),
            defines=tuple((str(k), str(v)) for k, v in defines.items()), covers=tuple(str(c) for c in covers),
            approved_sha256=str(meta.get("approved_sha256") or ""),
        )  # fmt: skip
    if not parsed.covers:
        report.add(rel, lines.get(("covers",), 1), "covers: is required: list the checklist items this clause covers")
    return Version(rel, parsed, lines)


def template_names(root: Path) -> list[str]:
    """Return the names of the document templates under root/templates."""
    folder = root / "templates"
    return sorted(p.name for p in folder.iterdir() if (p / "outline.yaml").is_file()) if folder.is_dir() else []
