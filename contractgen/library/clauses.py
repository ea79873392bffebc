"""The clause library: clause folders, their version files and the front matter of each."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from contractgen import digest, safefs, yamlload
from contractgen.digest import source_sha256
from contractgen.errors import LibraryError, Problem, UnsafePathError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same data, ten times faster

STATUSES = ("draft", "approved", "deprecated", "retired")
DEFAULT_CHOICE = (("approved",), ("deprecated",))  # a deal without a pin gets the first status found, newest first
FRONT_MATTER_KEYS = {
    "title",
    "status",
    "when",
    "defines",
    "covers",
    "changes",
    "generate",
    "approved_by",
    "approved_on",
    "approved_sha256",
}
RELEASED = ("approved", "deprecated", "retired")  # statuses of a version that was released: its text is frozen
SHA256 = re.compile(r"^[0-9a-f]{64}$")
VERSION_FILE = re.compile(r"^v([1-9][0-9]*)\.md$")
CLAUSE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


# What a title's variables read as when no deal is at hand (a deal may name the parties otherwise,
# and a CCPA deal says Personal Information).
TITLE_VARIABLE = re.compile(r"\{\{\s*([A-Za-z_]+)\s*\}\}")
GENERIC_WORDS = {
    "CLIENT_NAME": "Client",
    "SUPPLIER_NAME": "Supplier",
    "CLIENT": "the Client",
    "SUPPLIER": "the Supplier",
    "PD": "Personal Data",
}


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
    approved_by: str = ""  # who approved this version (front matter), for explain and redline summaries
    approved_on: str = ""  # when (an ISO date)
    approved_sha256: str = ""  # text_sha256 of the version as approved (front matter); "" when not recorded

    @property
    def text_sha256(self) -> str:
        """Return the hash of what the version prints: title, when, defines, generate and body (see `text_sha256`)."""
        return text_sha256(self.title, self.when, self.defines, self.generate, self.body)

    @property
    def approval(self) -> str:
        """Return "approved by X on 2026-10-01" (or the part recorded), "" when the version records none."""
        if not (self.approved_by or self.approved_on):
            return ""
        return (
            "approved"
            + (f" by {self.approved_by}" if self.approved_by else "")
            + (f" on {self.approved_on}" if self.approved_on else "")
        )

    @property
    def plain_title(self) -> str:
        """The title as a list shows it without a deal: "{{ PD }} Breaches" → "Personal Data Breaches"."""
        return TITLE_VARIABLE.sub(
            lambda m: GENERIC_WORDS.get(m.group(1), m.group(1).replace("_", " ").title()), self.title
        )

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

    def default(self) -> ClauseVersion | None:
        """Return the version a deal gets without a pin (see `default_version`)."""
        return default_version(self.versions)


def text_sha256(title: str, when: str, defines: tuple[tuple[str, str], ...], generate: str, body: str) -> str:
    """Return the SHA-256 of a version's text: the parts that decide what a contract prints, never its metadata.

    Status, covers, changes and the approval record may change after release (a version is deprecated,
    a checklist item renamed); title, when, defines, generate and body may not. The parts are hashed as
    canonical JSON, so the front matter's YAML layout does not matter.
    """

    text = json.dumps(
        {"title": title, "when": when, "defines": [list(d) for d in defines], "generate": generate, "body": body},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_version(versions: dict[int, Any]) -> Any | None:
    """Return the version a deal gets without a pin: the newest approved, else the newest deprecated.

    `versions` maps version numbers to anything with a `status` (a ClauseVersion, a lock entry).
    """
    for statuses in DEFAULT_CHOICE:
        for number in sorted(versions, reverse=True):
            if versions[number].status in statuses:
                return versions[number]
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


def _iso_date(value) -> str:
    """Return a front matter date as YYYY-MM-DD, or "" when it is not a date."""

    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        return ""


def parse_clause_file(path: Path, root: Path, raw: bytes | None = None) -> tuple[ClauseVersion | None, list[Problem]]:
    """Read one version file (or take its bytes `raw`, read by the caller); return the version or its problems."""
    rel = path.relative_to(root).as_posix()
    problems: list[Problem] = []

    def problem(message: str, line: int | None = 1) -> tuple[None, list[Problem]]:
        problems.append(Problem(rel, line, "", message))
        return None, problems

    try:
        if raw is None:
            raw = safefs.read_bytes(path, root)  # a link out of the library or to a device is refused
        text = raw.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return problem("is not UTF-8 text")
    except UnsafePathError as exc:
        return problem(str(exc).removeprefix(f"{path}: "))
    try:
        head, body, body_line = split_front_matter(text)
        meta = yaml.load(head, Loader=_LOADER) or {}  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        line, message = yamlload.describe_error(exc, head)
        return problem(f"front matter: invalid YAML: {message}", line + 1 if line else 1)  # +1: the opening ---
    except ValueError as exc:
        return problem(f"front matter: {exc}".split("\n")[0])
    if not isinstance(meta, dict):
        return problem("front matter must be a mapping of keys to values")
    for key in sorted(set(meta) - FRONT_MATTER_KEYS):
        problems.append(
            Problem(rel, 1, key, f"unknown front matter key (allowed: {', '.join(sorted(FRONT_MATTER_KEYS))})")
        )
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
    approved_by, approved_on = meta.get("approved_by"), meta.get("approved_on")
    if approved_by is not None and (not isinstance(approved_by, str) or not approved_by.strip()):
        problems.append(Problem(rel, 1, "approved_by", "must name who approved this version"))
    if approved_on is not None and not _iso_date(approved_on):
        problems.append(Problem(rel, 1, "approved_on", "must be a date (YYYY-MM-DD)"))
    approved_sha256 = meta.get("approved_sha256")
    if approved_sha256 is not None and not (isinstance(approved_sha256, str) and SHA256.match(approved_sha256)):
        problems.append(Problem(rel, 1, "approved_sha256", "must be 64 lower-case hexadecimal digits (a SHA-256)"))
    named = VERSION_FILE.match(path.name)
    if named is None:
        return problem("a clause version file is named v1.md, v2.md …")
    version = int(named.group(1))
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
            title=str(title).strip(),
            status=str(status),
            body=body,
            body_line=body_line,
            when=str(meta.get("when") or "").strip(),
            defines=tuple((str(k), v.strip()) for k, v in defines.items()),
            covers=tuple(str(c) for c in covers),
            changes=str(meta.get("changes") or "").strip(),
            generate=str(meta.get("generate") or "").strip(),
            sha256=source_sha256(raw),
            approved_by=str(approved_by or "").strip(),
            approved_on=_iso_date(approved_on) if approved_on is not None else "",
            approved_sha256=str(approved_sha256 or ""),
        ),
        [],
    )


@dataclass(frozen=True)
class VersionFile:
    """A Markdown file found in a library folder: where it is and, when its name is wrong, why."""

    path: Path
    rel: str  # as messages name it: the `prefix` given to scan_library_folder, then the path under the root
    clause_id: str
    group: str
    version: int | None  # None when the file is not named vN.md
    problem: str = ""  # the reason this is not a usable version file ("" = it is)


def scan_library_folder(root: Path, prefix: str = "") -> list[VersionFile]:
    """List every Markdown file under a clause library folder, sorted; README.md files are skipped.

    A file gets a `problem` when it is not named vN.md, its folder is not a valid clause id, or its
    clause id is already used in another group. Library loading, lint and the lock all scan this way.
    """
    root = Path(root)
    groups: dict[str, str] = {}
    found: list[VersionFile] = []
    for path in sorted(root.rglob("*.md")):
        if path.name.lower() == "readme.md" or not path.is_file():
            continue
        rel = prefix + path.relative_to(root).as_posix()
        clause_id = path.parent.name
        group = path.parent.parent.relative_to(root).as_posix() if path.parent != root else ""
        match = VERSION_FILE.match(path.name)
        version = int(match.group(1)) if match else None
        problem = ""
        if version is None:
            problem = "a version file must be named v1.md, v2.md …"
        elif not CLAUSE_ID.match(clause_id):
            problem = f"'{clause_id}' is not a valid clause id (lower case words joined by '-')"
        elif groups.setdefault(clause_id, group) != group:
            problem = f"clause id '{clause_id}' is also used in {prefix}{groups[clause_id]}/; ids must be unique"
        found.append(VersionFile(path, rel, clause_id, group, version, problem))
    return found


def load_library(root: Path) -> Library:
    """Load every clause under `root`, collecting all problems before raising LibraryError.

    The files are read (through safefs) in every process; what parsing their front matter makes
    of them is kept in the user's cache under the hash of every file's path and bytes and of the
    parser's own code, so an unchanged library is not parsed again by the next process.
    """
    root = Path(root)
    if not root.is_dir():
        raise LibraryError(f"{root}: the clause library folder does not exist")
    read: list[tuple[VersionFile, bytes | None]] = []
    read_file = safefs.tree_reader(root)
    for file in scan_library_folder(root):
        raw = None
        if not file.problem:
            try:
                raw = read_file(file.path)
            except (OSError, UnsafePathError):
                pass  # parsing reads it again and reports the problem
        read.append((file, raw))
    key = hashlib.sha256(_parser_fingerprint().encode() + b"\0" + str(root).encode("utf-8", "surrogateescape"))
    for file, raw in read:
        key.update(b"\0" + file.rel.encode("utf-8", "surrogateescape") + b"\0")
        key.update(hashlib.sha256(raw).digest() if raw is not None else b"unread")
    return safefs.cached("library", key.hexdigest(), lambda: _parse_library(root, read))


def _parse_library(root: Path, read: list[tuple[VersionFile, bytes | None]]) -> Library:
    clauses: dict[str, Clause] = {}
    problems: list[Problem] = []
    for file, raw in read:
        if file.problem:
            problems.append(Problem(file.rel, None, "", file.problem))
            continue
        version, found = parse_clause_file(file.path, root, raw)
        problems.extend(found)
        if version is not None:
            clauses.setdefault(file.clause_id, Clause(file.clause_id, version.group)).versions[version.version] = (
                version
            )
    if problems:
        raise LibraryError(problems=problems)
    return Library(root=root, clauses=dict(sorted(clauses.items())))


@lru_cache(maxsize=1)
def _parser_fingerprint() -> str:
    """What besides the files decides a parsed library: this module's and the hashing code, PyYAML's version."""
    code = Path(__file__).read_bytes() + Path(digest.__file__).read_bytes()
    return hashlib.sha256(code + yaml.__version__.encode()).hexdigest()
