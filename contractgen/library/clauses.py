"""The clause library: clause folders, their version files and the front matter of each."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from contractgen.errors import LibraryError, Problem

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same data, ten times faster

STATUSES = ("draft", "approved", "deprecated", "retired")
FRONT_MATTER_KEYS = {"title", "status", "when", "defines", "covers", "changes", "generate"}
VERSION_FILE = re.compile(r"^v([1-9][0-9]*)\.md$")
CLAUSE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class ClauseVersion:
    """One version file of a clause: front matter plus the Markdown-with-Jinja body."""

    id: str
    group: str
    version: int
    path: Path
    title: str
    status: str
    body: str
    body_line: int  # line of the file where the body starts (1-based)
    when: str = ""
    defines: tuple[tuple[str, str], ...] = ()
    covers: tuple[str, ...] = ()
    changes: str = ""
    generate: str = ""
    sha256: str = ""

    @property
    def label(self) -> str:
        """Return "id v2", the way messages name a clause version."""
        return f"{self.id} v{self.version}"


@dataclass
class Clause:
    """A clause of the library with all its versions, oldest first."""

    id: str
    group: str
    versions: dict[int, ClauseVersion] = field(default_factory=dict)

    def newest(self, statuses: tuple[str, ...]) -> ClauseVersion | None:
        """Return the newest version whose status is one of `statuses`."""
        for number in sorted(self.versions, reverse=True):
            if self.versions[number].status in statuses:
                return self.versions[number]
        return None


@dataclass
class Library:
    """Every clause found under a library folder, by id."""

    root: Path
    clauses: dict[str, Clause]

    def get(self, clause_id: str) -> Clause | None:
        """Return the clause with this id, or None."""
        return self.clauses.get(clause_id)

    def suggest(self, clause_id: str) -> str:
        """Return a ' (did you mean …?)' hint for a misspelt clause id, or ''."""
        import difflib

        close = difflib.get_close_matches(clause_id, list(self.clauses), n=1)
        return f" (did you mean '{close[0]}'?)" if close else ""


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split a clause file into its YAML front matter, its body and the body's first line."""
    if not text.startswith("---"):
        raise ValueError("the file must start with a '---' front matter block")
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise ValueError("the front matter block is not closed with '---'")


def parse_clause_file(path: Path, root: Path) -> tuple[ClauseVersion | None, list[Problem]]:
    """Read one version file; return the version or the problems found in it."""
    rel = path.relative_to(root).as_posix()
    problems: list[Problem] = []

    def problem(message: str, line: int | None = 1) -> tuple[None, list[Problem]]:
        problems.append(Problem(rel, line, "", message))
        return None, problems

    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return problem("is not UTF-8 text")
    try:
        head, body, body_line = split_front_matter(text)
        meta = yaml.load(head, Loader=_LOADER) or {}  # noqa: S506 (a safe loader)
    except (ValueError, yaml.YAMLError) as exc:
        return problem(f"front matter: {exc}".split("\n")[0])
    if not isinstance(meta, dict):
        return problem("front matter must be a mapping of keys to values")
    for key in sorted(set(meta) - FRONT_MATTER_KEYS):
        problems.append(Problem(rel, 1, key, f"unknown front matter key (allowed: {', '.join(sorted(FRONT_MATTER_KEYS))})"))
    title, status = meta.get("title"), meta.get("status")
    if not isinstance(title, str) or not title.strip():
        problems.append(Problem(rel, 1, "title", "is required"))
    if status not in STATUSES:
        problems.append(Problem(rel, 1, "status", f"must be one of {', '.join(STATUSES)}"))
    defines = meta.get("defines") or {}
    if not isinstance(defines, dict) or not all(isinstance(v, str) for v in defines.values()):
        problems.append(Problem(rel, 1, "defines", "must map each term to its meaning"))
        defines = {}
    covers = meta.get("covers") or []
    if isinstance(covers, str):
        covers = [covers]
    if not isinstance(covers, list):
        problems.append(Problem(rel, 1, "covers", "must be a list of checklist ids"))
        covers = []
    version = int(VERSION_FILE.match(path.name).group(1))
    if version > 1 and not str(meta.get("changes") or "").strip():
        problems.append(Problem(rel, 1, "changes", "is required from version 2 on: say what changed"))
    if problems:
        return None, problems
    return (
        ClauseVersion(
            id=path.parent.name,
            group=path.parent.parent.relative_to(root).as_posix(),
            version=version,
            path=path,
            title=title.strip(),
            status=status,
            body=body,
            body_line=body_line,
            when=str(meta.get("when") or "").strip(),
            defines=tuple((str(k), v.strip()) for k, v in defines.items()),
            covers=tuple(str(c) for c in covers),
            changes=str(meta.get("changes") or "").strip(),
            generate=str(meta.get("generate") or "").strip(),
            sha256=hashlib.sha256(raw).hexdigest(),
        ),
        [],
    )


def load_library(root: Path) -> Library:
    """Load every clause under `root`, collecting all problems before raising LibraryError."""
    root = Path(root)
    if not root.is_dir():
        raise LibraryError(f"{root}: the clause library folder does not exist")
    clauses: dict[str, Clause] = {}
    problems: list[Problem] = []
    for path in sorted(root.rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        if path.name.lower() == "readme.md":
            continue
        if not VERSION_FILE.match(path.name):
            problems.append(Problem(rel, None, "", "a version file must be named v1.md, v2.md …"))
            continue
        clause_id = path.parent.name
        if not CLAUSE_ID.match(clause_id):
            problems.append(Problem(rel, None, "", f"'{clause_id}' is not a valid clause id (lower case words joined by '-')"))
            continue
        version, found = parse_clause_file(path, root)
        problems.extend(found)
        if version is None:
            continue
        clause = clauses.setdefault(clause_id, Clause(clause_id, version.group))
        if clause.group != version.group:
            problems.append(Problem(rel, None, "", f"clause id '{clause_id}' is also used in {clause.group}/; ids must be unique"))
            continue
        clause.versions[version.version] = version
    if problems:
        raise LibraryError(problems=problems)
    return Library(root=root, clauses=dict(sorted(clauses.items())))
