"""contractgen.lock: what every contract of a repository was built from, and the hashes to compare.

The lock is JSON with sorted keys and a two-space indent, so a change to one deal is a small,
readable diff. Layout::

    {
      "lockfile": 1,
      "library": {                                   # every clause version file seen at the last build
        "clauses/service-levels/service-credits/v2.md":
          {"sha256": "…", "text_sha256": "…", "status": "approved", "when": "service_levels.service_credits"}
      },
      "deals": {
        "deals/acme.yaml": {
          "contractgen": "0.1.0",
          "deal_sha256": "…",
          "template": "it-outsourcing",
          "template_files": {"templates/it-outsourcing/outline.yaml": "…"},
          "pins": {"confidentiality": 1},             # the deal's version pins
          "clauses": {"service-credits": {"version": 2, "sha256": "…", "when": "…"}},
          "left_out": {"renewal": "outline condition false: term.renewal"},
          "deal_text": {"overrides.costs": {"kind": "override", "clause": "costs", "sha256": "…"}},  # riders, overrides
          "outputs": {"out/acme.docx": "…", "out/acme.pdf": "…"},
          "model_sha256": "…",                       # out/.models/acme.json, the document model as built
          "redlines": {"against": {…clauses of the previous build…},   # only after `build --redline`
                       "files": {"out/acme.redline.docx": "…"}},
          "library_sha256": "…"                       # the library this entry is known to match
        }
      }
    }

``text_sha256`` hashes a version file without its ``status:`` line, so moving a released version
to ``deprecated`` or ``retired`` is allowed while any other edit of a released version is not.
Importing this module is cheap: it is all `contractgen check` needs besides the repository settings.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import yaml

from contractgen import __version__, safefs
from contractgen.digest import source_sha256
from contractgen.errors import LockError, UnsafePathError
from contractgen.library.clauses import scan_library_folder, split_front_matter

LOCK_FORMAT = 1
_STATUS_LINE = re.compile(r"^status\s*:.*$", re.MULTILINE)
RELEASED = ("approved", "deprecated", "retired")
ENTRY_INPUT_KEYS = (
    "contractgen",
    "deal_sha256",
    "status",
    "template",
    "template_files",
    "pins",
    "clauses",
    "left_out",
    "law",
    "deal_text",
)
OPTIONAL_INPUT_KEYS = ("deal_text",)  # present only when used, so an entry written before it existed reads the same


def sha256_bytes(data: bytes) -> str:
    """Return the hex SHA-256 of some bytes."""
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path, root: Path | None = None) -> str | None:
    """Return the hex SHA-256 of a file's bytes, or None when it cannot be read (or is special, or outside root)."""
    return safefs.sha256_file(path, root)


def text_sha256(raw: bytes) -> str:
    """Return the hash of a clause version file with its front matter `status:` line left out."""
    try:
        text = raw.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return sha256_bytes(raw)
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end != -1:
            head = _STATUS_LINE.sub("", text[:end])
            text = head + text[end:]
    return sha256_bytes(text.encode("utf-8"))


@dataclass(frozen=True)
class VersionInfo:
    """What resolution needs to know about one clause version file, without loading the library."""

    path: str  # repository-relative
    clause_id: str
    version: int
    sha256: str
    text_sha256: str
    status: str  # draft | approved | deprecated | retired | "invalid" (front matter unreadable)
    when: str

    def record(self) -> dict[str, str]:
        """Return the lock's record of this file."""
        return {"sha256": self.sha256, "text_sha256": self.text_sha256, "status": self.status, "when": self.when}


def _front_matter(raw: bytes) -> tuple[str, str]:
    """Return (status, when) from a version file's front matter; ("invalid", "") when unreadable."""

    try:
        head, _body, _line = split_front_matter(raw.decode("utf-8").replace("\r\n", "\n"))
        meta = yaml.safe_load(head) or {}
    except (UnicodeDecodeError, ValueError, yaml.YAMLError):
        return "invalid", ""
    if not isinstance(meta, dict) or meta.get("status") not in ("draft", *RELEASED):
        return "invalid", ""
    return str(meta["status"]), str(meta.get("when") or "").strip()


def scan_library(
    clauses_dir: Path, repo_root: Path, known: dict[str, dict[str, Any]] | None = None
) -> dict[str, VersionInfo]:
    """Hash every clause version file; parse front matter only for files the lock does not know."""
    known = known or {}
    found: dict[str, VersionInfo] = {}
    clauses_dir = Path(clauses_dir)
    if not clauses_dir.is_dir():
        return found

    root = Path(repo_root).resolve()
    for file in scan_library_folder(clauses_dir.resolve()):
        if file.version is None:
            continue
        path = file.path
        rel = path.relative_to(root).as_posix()
        raw = safefs.read_bytes(path, root)
        digest = source_sha256(raw)
        seen = known.get(rel)
        if seen and seen.get("sha256") == digest and "status" in seen:
            status, when, text_digest = (
                seen["status"],
                seen.get("when", ""),
                seen.get("text_sha256") or text_sha256(raw),
            )
        else:
            status, when = _front_matter(raw)
            text_digest = text_sha256(raw)
        found[rel] = VersionInfo(rel, file.clause_id, file.version, digest, text_digest, status, when)
    return found


def library_digest(files: dict[str, VersionInfo]) -> str:
    """Return one hash over every clause version file's path and content (a lock entry records it)."""
    return sha256_bytes("".join(f"{rel} {info.sha256}\n" for rel, info in sorted(files.items())).encode("utf-8"))


def clause_view(files: dict[str, VersionInfo]) -> dict[str, dict[int, VersionInfo]]:
    """Group version files by clause id: {id: {version: info}}."""
    view: dict[str, dict[int, VersionInfo]] = {}
    for info in files.values():
        view.setdefault(info.clause_id, {})[info.version] = info
    return view


def template_files(templates_dir: Path, name: str, repo_root: Path) -> dict[str, str]:
    """Return {repository-relative path: sha256} of every file under templates/<name>/."""
    folder = Path(templates_dir) / name
    if not name or "/" in name or name.startswith(".") or not folder.is_dir():
        return {}
    root = Path(repo_root).resolve()
    hashes = {}
    for path in sorted(folder.resolve().rglob("*")):
        if "__pycache__" in path.parts or not (path.is_file() or path.is_symlink()):
            continue
        safefs.inside(path, root)  # a template file linking out of the repository is refused
        hashes[path.relative_to(root).as_posix()] = _template_file_sha256(path, root)
    return hashes


_TEMPLATE_DIGESTS: dict[tuple[str, int, int, int, int], str] = {}


def _template_file_sha256(path: Path, root: Path) -> str:
    """Return source_sha256 of a template file, kept per file version (device, inode, mtime, size).

    A build hashes the template (fonts included: tens of megabytes) in its parent and again in each
    contract's forked child; the child now inherits the parent's digests of the files that did not change.
    """
    try:
        info = path.stat()
    except OSError:  # a dangling link: refused as before, by reading it
        return source_sha256(safefs.read_bytes(path, root))
    key = (str(path), info.st_dev, info.st_ino, info.st_mtime_ns, info.st_size)
    found = _TEMPLATE_DIGESTS.get(key)
    if found is None:
        found = _TEMPLATE_DIGESTS[key] = source_sha256(safefs.read_bytes(path, root))
    return found


@dataclass
class Lock:
    """The parsed contractgen.lock: the library snapshot and one entry per deal path."""

    library: dict[str, dict[str, str]] = field(default_factory=dict)
    deals: dict[str, dict[str, Any]] = field(default_factory=dict)
    tools: dict[str, Any] = field(default_factory=dict)  # contractgen, WeasyPrint and font versions of the build

    def to_data(self) -> dict[str, Any]:
        """Return the lock as the mapping its JSON file holds."""
        data = {"lockfile": LOCK_FORMAT, "library": self.library, "deals": self.deals}
        if self.tools:
            data["tools"] = self.tools
        return data

    def to_json(self) -> str:
        """Return the lock as stable, diff-friendly JSON text (sorted keys, 2-space indent, final newline)."""
        return json.dumps(self.to_data(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def read_lock(path: Path) -> Lock | None:
    """Read contractgen.lock; None when there is none yet, LockError when it is unreadable."""
    data = read_lock_data(path)
    return None if data is None else lock_from_data(data, path)


def read_lock_data(path: Path) -> dict[str, Any] | None:
    """Return the JSON mapping of a lock file of this format; None when the file does not exist."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        return None
    try:  # within its own folder and bounded: a lock linking to /dev/zero or out of the repository is refused
        text = safefs.read_text(path, path.parent)
    except (OSError, UnicodeDecodeError, UnsafePathError) as exc:
        raise LockError(f"{path}: cannot read: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LockError(
            f"{path}:{exc.lineno}: not valid JSON: {exc.msg} (rebuild it with `contractgen build`)"
        ) from None
    if not isinstance(data, dict) or data.get("lockfile") != LOCK_FORMAT:
        raise LockError(f"{path}: not a contractgen lock of format {LOCK_FORMAT}")
    return data


def lock_from_data(data: dict[str, Any], path: Path) -> Lock:
    """Return the Lock a lock file's mapping describes; LockError when its sections are malformed."""
    library, deals = data.get("library") or {}, data.get("deals") or {}
    if (
        not isinstance(library, dict)
        or not isinstance(deals, dict)
        or not all(isinstance(e, dict) for e in deals.values())
    ):
        raise LockError(f"{path}: malformed lock (library and deals must be mappings)")
    tools = data.get("tools") or {}
    return Lock(library, deals, tools if isinstance(tools, dict) else {})


FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".woff", ".woff2")


def installed_tools(templates_dir: Path, repo_root: Path, install: str = "") -> dict[str, Any]:
    """Return the versions a build depends on: contractgen (and how CI installs it), WeasyPrint, pikepdf, fontTools, each template font's version."""

    def installed(package: str) -> str:
        try:
            return version(package)
        except PackageNotFoundError:
            return "not installed"

    weasyprint = installed("weasyprint")
    fonts = {}
    root = Path(repo_root).resolve()
    folder = Path(templates_dir)
    for path in sorted(folder.resolve().rglob("*")) if folder.is_dir() else []:
        if path.suffix.lower() in FONT_SUFFIXES and safefs.is_regular_file(path, root):
            fonts[path.relative_to(root).as_posix()] = _font_version(path)
    # the PDF's parts are joined by pikepdf (qpdf writes the file) and its fonts subset by fontTools
    tools = {
        "contractgen": __version__,
        "weasyprint": weasyprint,
        "pikepdf": installed("pikepdf"),
        "fonttools": installed("fonttools"),
        "fonts": fonts,
    }
    if install:
        tools["install"] = install
    return tools


def _font_version(path: Path) -> str:
    """Return a font file's version string (its name table), or "unreadable"."""
    try:
        from fontTools.ttLib import TTFont

        with TTFont(str(path), lazy=True, fontNumber=0) as font:  # a collection: its first face
            return str(font["name"].getDebugName(5) or "unknown")
    except Exception:  # a broken font is reported by the render; here it only has no version
        return "unreadable"


def tool_differences(locked: dict[str, Any], installed: dict[str, Any]) -> list[str]:
    """Return, in words, how the tools recorded in the lock differ from the installed ones."""
    if not locked:
        return []
    lines = []
    for name, label in (
        ("contractgen", "contractgen"),
        ("weasyprint", "WeasyPrint"),
        ("pikepdf", "pikepdf"),
        ("fonttools", "fontTools"),
    ):
        if name not in ("contractgen", "weasyprint") and name not in locked:
            continue  # a lock from before the PDF was joined from parts does not record it
        if locked.get(name) != installed.get(name):
            lines.append(
                f"contractgen.lock was built with {label} {locked.get(name)}; this machine has "
                f"{installed.get(name)} (outputs may differ: install {label} {locked.get(name)})"
            )
    if locked.get("install") and installed.get("install") and locked["install"] != installed["install"]:
        lines.append(
            f"contractgen.lock was built with contractgen installed from {locked['install']}; "
            f"contractgen.toml now installs {installed['install']}"
        )
    before, after = locked.get("fonts") or {}, installed.get("fonts") or {}
    for rel in sorted(set(before) | set(after)):
        if before.get(rel) != after.get(rel):
            lines.append(
                f"contractgen.lock was built with font {rel} {before.get(rel) or 'absent'}; "
                f"now {after.get(rel) or 'absent'}"
            )
    return lines


def write_lock(path: Path, lock: Lock) -> bool:
    """Write the lock atomically; return False (and leave the file alone) when nothing changed."""
    from contractgen.outputs import write_atomically

    data = lock.to_json().encode("utf-8")
    if safefs.read_if_possible(path, Path(path).parent) == data:
        return False
    write_atomically(Path(path), data, root=Path(path).parent)
    return True


def entry_inputs(entry: dict[str, Any]) -> dict[str, Any]:
    """Return the part of a lock entry that describes the inputs (everything but the outputs)."""
    return {key: entry.get(key) for key in ENTRY_INPUT_KEYS if key not in OPTIONAL_INPUT_KEYS or key in entry}


def inputs_digest(entry: dict[str, Any]) -> str:
    """Return one hash over a lock entry's inputs (carried in each output's provenance)."""
    return sha256_bytes(json.dumps(entry_inputs(entry), sort_keys=True).encode("utf-8"))


def released_violations(lock: Lock, current: dict[str, VersionInfo]) -> list[tuple[str, str]]:
    """Return (file, message) for every released clause version changed or deleted since the lock."""
    problems = []
    for rel, seen in sorted(lock.library.items()):
        if seen.get("status") not in RELEASED:
            continue
        now = current.get(rel)
        if now is None:
            problems.append(
                (
                    rel,
                    f"{rel}: released version ({seen['status']}) was deleted; restore it "
                    "(mark it retired in its front matter if it must not be used)",
                )
            )
        elif now.text_sha256 != seen.get("text_sha256"):
            clause_versions = [i.version for i in current.values() if i.clause_id == now.clause_id]
            nxt = max(clause_versions) + 1
            problems.append(
                (
                    rel,
                    f"{rel}: released version ({seen['status']}) was edited in place; "
                    f"restore it and add a new version instead (v{nxt}.md)",
                )
            )
    return problems
