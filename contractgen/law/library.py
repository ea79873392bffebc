"""Where the law records live and which of them are in force: the built-in ``law/`` folder, and a
contracts repository's own ``law/`` over it (a record there replaces the built-in one of the same
kind and id, or adds one).

A record is one YAML file, ``law/<kind>/<id>.yaml``. ``active()`` is the library the deal loader
and the clause context read; a command that works in a contracts repository calls ``use_law`` once
with the repository's folder, and ``using`` sets another library for a block (``impact`` compares
two).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from contractgen import yamlload
from contractgen.errors import LawError
from contractgen.safefs import cached

KINDS = ("jurisdictions", "families", "privacy", "mechanisms", "sector", "forums", "seats", "treaties")
BUILT_IN = "built-in"
LAW_VERSIONS = 16  # versions of the law library whose parsed records the user's cache keeps
REPOSITORY = "repository"


def builtin_dir() -> Path:
    """Return the built-in law/ folder: beside clauses/ in a checkout, contractgen/data/law in a wheel."""
    env = os.environ.get("CONTRACTGEN_ROOT")
    if env and (Path(env) / "law").is_dir():
        return Path(env) / "law"
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "data" / "law", here.parent / "law"):
        if candidate.is_dir():
            return candidate
    return here.parent / "law"


@dataclass(frozen=True)
class Record:
    """One law record: its kind and id, what it says, where it was read from and its content hash."""

    kind: str
    id: str
    path: Path
    data: dict[str, Any] = field(hash=False, compare=False)
    sha256: str
    origin: str  # BUILT_IN or REPOSITORY

    @property
    def rel(self) -> str:
        """The record's path as a lawyer names it: law/<kind>/<id>.yaml."""
        return f"law/{self.kind}/{self.id}.yaml"

    @property
    def ref(self) -> str:
        """The record's reference: <kind>/<id>."""
        return f"{self.kind}/{self.id}"


def read_record(kind: str, path: Path, origin: str, raw: bytes | None = None) -> Record:
    """Read one record file (or take its bytes `raw`); LawError when it is not a YAML mapping."""
    raw = path.read_bytes() if raw is None else raw
    try:
        data = yamlload.safe_load(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise LawError(f"{path}: not a readable YAML file: {exc}") from None
    if not isinstance(data, dict):
        raise LawError(f"{path}: a law record is a mapping of fields (name: …, sources: …)")
    return Record(kind, path.stem, path, data, hashlib.sha256(raw).hexdigest(), origin)


def _read_records(kind: str, files: list[tuple[Path, str, bytes]]) -> dict[str, Record]:
    """The records of one kind from their files' bytes, the later file of an id winning, sorted by id."""
    found = {path.stem: read_record(kind, path, origin, raw) for path, origin, raw in files}
    return dict(sorted(found.items()))


@lru_cache(maxsize=1)
def _reader_fingerprint() -> str:
    """What besides the files decides the records read: this module's and the YAML loader's code, PyYAML."""
    code = Path(__file__).read_bytes() + Path(yamlload.__file__).read_bytes()
    return hashlib.sha256(code + yaml.__version__.encode()).hexdigest()


class LawLibrary:
    """The law records of some folders, the first folder's record winning over a later one of the same id."""

    def __init__(self, folders: tuple[Path, ...]):
        self.folders = tuple(Path(f) for f in folders)
        self._records: dict[str, dict[str, Record]] = {}

    def origin(self, folder: Path) -> str:
        """Whether a folder is the built-in library or a repository's."""
        return BUILT_IN if folder == self.folders[-1] else REPOSITORY

    def records(self, kind: str) -> dict[str, Record]:
        """Every record of a kind by id, sorted by id."""
        if kind not in KINDS:
            raise LawError(f"unknown kind of law record {kind!r} (known: {', '.join(KINDS)})")
        if kind not in self._records:
            files: list[tuple[Path, str, bytes]] = []
            key = hashlib.sha256(_reader_fingerprint().encode() + b"\0" + kind.encode())
            for folder in reversed(self.folders):
                origin = self.origin(folder)
                for path in sorted((folder / kind).glob("*.yaml")) if (folder / kind).is_dir() else ():
                    raw = path.read_bytes()
                    files.append((path, origin, raw))
                    key.update(
                        f"\0{path}\0{origin}\0".encode("utf-8", "surrogateescape") + hashlib.sha256(raw).digest()
                    )
            # Parsed once per machine: the records' YAML is most of a fresh process's law work.
            # one entry per kind: room for LAW_VERSIONS versions of the law library (a repository's, edits)
            self._records[kind] = cached(
                "law", key.hexdigest(), lambda: _read_records(kind, files), entries=LAW_VERSIONS * len(KINDS)
            )
        return self._records[kind]

    def all(self) -> list[Record]:
        """Every record of every kind."""
        return [record for kind in KINDS for record in self.records(kind).values()]

    def get(self, ref: str) -> Record:
        """The record named "<kind>/<id>", "law/<kind>/<id>.yaml" or a bare id found in one kind only."""
        text = ref.strip().removeprefix("law/").removesuffix(".yaml")
        kind, _, ident = text.rpartition("/")
        kinds = [kind] if kind else [k for k in KINDS if text in self.records(k)]
        for k in kinds:
            if k in KINDS and ident in self.records(k):
                return self.records(k)[ident]
        if len(kinds) > 1:
            raise LawError(f"{ref!r} names records of several kinds: {', '.join(f'{k}/{ident}' for k in kinds)}")
        raise LawError(f"no law record {ref!r} (see `contractgen law list`)")

    def changed(self, locked: dict[str, str]) -> list[tuple[str, str]]:
        """(path, "changed" or "removed") for each locked law/<kind>/<id>.yaml whose content differs now."""
        changes = []
        for rel, sha in sorted(locked.items()):
            kind, _, name = rel.removeprefix("law/").partition("/")
            record = self.records(kind).get(name.removesuffix(".yaml")) if kind in KINDS else None
            if record is None:
                changes.append((rel, "removed"))
            elif record.sha256 != sha:
                changes.append((rel, "changed"))
        return changes

    def __repr__(self) -> str:
        return f"LawLibrary({', '.join(str(f) for f in self.folders)})"


@lru_cache(maxsize=16)
def library_for(folders: tuple[Path, ...]) -> LawLibrary:
    """The library of some folders (the last one the built-in), shared by everyone who asks for it."""
    return LawLibrary(folders)


_DEFAULT: list[Path] = []  # a repository's law/ folder, set by use_law
_ACTIVE: ContextVar[LawLibrary | None] = ContextVar("contractgen_law", default=None)


def library(folder: Path | None = None) -> LawLibrary:
    """The library of a repository's law/ folder over the built-in one (the built-in alone without one)."""
    builtin = builtin_dir().resolve()
    extra = Path(folder).resolve() if folder is not None else None
    return library_for((extra, builtin) if extra is not None and extra != builtin else (builtin,))


def use_law(folder: Path | None) -> LawLibrary:
    """Make a repository's law/ folder (or none) the process's law library; return it."""
    _DEFAULT[:] = [Path(folder)] if folder is not None else []
    return active()


def active() -> LawLibrary:
    """The law library in force: the one `using` set, else the process's (see use_law)."""
    return _ACTIVE.get() or library(_DEFAULT[0] if _DEFAULT else None)


@contextmanager
def using(law: LawLibrary) -> Iterator[LawLibrary]:
    """Read the law from another library inside a block."""
    token = _ACTIVE.set(law)
    try:
        yield law
    finally:
        _ACTIVE.reset(token)
