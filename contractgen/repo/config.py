"""A contracts repository: its contractgen.toml settings, and `contractgen init` to scaffold one.

Importing this module stays cheap (no deal model, no writers): `contractgen check` uses it.
"""

from __future__ import annotations

import glob
import json
import shutil
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any

from contractgen import __version__, safefs
from contractgen.deal.yamlsource import deal_json_schema
from contractgen.errors import InstallError, RepoError, UnsafePathError
from contractgen.law.library import KINDS
from contractgen.writers import FORMATS

CONFIG_NAME = "contractgen.toml"
MAX_CONFIG_BYTES = 1024 * 1024
LOCK_NAME = "contractgen.lock"
DEFAULTS: dict[str, Any] = {
    "deals": "deals/*.yaml",
    "output": "out",
    "formats": list(FORMATS),
    "clauses": "clauses",
    "templates": "templates",
    "law": "law",
    "shards": 1,
    "install": "",  # how CI installs contractgen (repo/install.py); "" for the version the lock records
}
SCAFFOLD = Path(__file__).resolve().parent / "scaffold"
SAMPLE_DEAL = "deal-example.yaml"
SCHEMA_NAME = "deal.schema.json"  # the deal JSON Schema editors use (.vscode/settings.json maps deals/*.yaml to it)
MODELS_DIR = ".models"  # below the output folder: each contract's document model as last built


@dataclass(frozen=True)
class RepoConfig:
    """The settings of a contracts repository, with every path resolved against its root."""

    root: Path
    deals: str
    output: str
    formats: tuple[str, ...]
    clauses: str
    templates: str
    shards: int = 1  # how many parallel jobs the CI workflow builds in (`build --shard K/N`)
    install: str = ""  # how CI installs contractgen: "contractgen==0.1.0", "git+https://…@v0.1.0", ".contractgen/….whl"
    law: str = "law"  # the repository's own law records, over the built-in ones

    @property
    def law_dir(self) -> Path:
        """Return the folder of the repository's own law records (it may not exist)."""
        return self.root / self.law

    @property
    def clauses_dir(self) -> Path:
        """Return the clause library folder."""
        return self.root / self.clauses

    @property
    def templates_dir(self) -> Path:
        """Return the document templates folder."""
        return self.root / self.templates

    @property
    def output_dir(self) -> Path:
        """Return the folder the contracts are written to."""
        return self.root / self.output

    @property
    def lock_path(self) -> Path:
        """Return the path of contractgen.lock."""
        return self.root / LOCK_NAME

    def rel(self, path: Path) -> str:
        """Return a path as posix text relative to the repository root."""
        return Path(path).resolve().relative_to(self.root.resolve()).as_posix()

    def deal_paths(self) -> list[str]:
        """Return every deal file the `deals` glob matches, as sorted repository-relative paths."""
        found = glob.glob(self.deals, root_dir=self.root, recursive=True)
        return sorted(PurePosixPath(Path(p).as_posix()).as_posix() for p in found if (self.root / p).is_file())

    @cached_property
    def deals_base(self) -> str:
        """Return the fixed folder part of the deals glob (outputs mirror the layout below it)."""
        parts = []
        for part in PurePosixPath(self.deals).parts[:-1]:
            if any(ch in part for ch in "*?["):
                break
            parts.append(part)
        return "/".join(parts)

    def output_stem(self, deal_rel: str) -> str:
        """Return the deal's path below the deals folder without its suffix ("acme", "emea/acme")."""
        base = self.deals_base + "/"
        inner = deal_rel[len(base) :] if base != "/" and deal_rel.startswith(base) else deal_rel
        slash = inner.rfind("/")
        dot = inner.rfind(".")
        return inner[:dot] if dot > slash + 1 else inner

    def output_paths(self, deal_rel: str) -> dict[str, str]:
        """Return {format: repository-relative output path} for one deal file."""
        stem = self.output_stem(deal_rel)
        return {fmt: f"{self.output}/{stem}.{fmt}" for fmt in self.formats}

    def model_path(self, deal_rel: str) -> str:
        """Return where a build keeps the deal's document model (JSON), for redlines of the next build."""
        return f"{self.output}/{MODELS_DIR}/{self.output_stem(deal_rel)}.json"

    def redline_paths(self, deal_rel: str) -> dict[str, str]:
        """Return {format: repository-relative path} of the redline `build --redline` writes for a deal."""
        stem = self.output_stem(deal_rel)
        return {fmt: f"{self.output}/{stem}.redline.{fmt}" for fmt in self.formats}


def find_repo(start: Path | None = None) -> Path | None:
    """Return the nearest folder at or above `start` holding contractgen.toml (like git), or None."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


def find_root(start: Path | None = None) -> Path:
    """Return the nearest folder at or above `start` holding contractgen.toml."""
    here = Path(start or Path.cwd()).resolve()
    found = find_repo(here)
    if found is not None:
        return found
    raise RepoError(
        f"{here}: not inside a contracts repository (no {CONFIG_NAME}; create one with `contractgen init DIR`)"
    )


def load_config(start: Path | None = None) -> RepoConfig:
    """Find and read contractgen.toml, validating every setting."""
    root = find_root(start)
    path = root / CONFIG_NAME
    try:
        data = tomllib.loads(safefs.read_text(path, root, MAX_CONFIG_BYTES))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, UnsafePathError) as exc:
        raise RepoError(f"{path}: {exc}") from None
    unknown = sorted(set(data) - set(DEFAULTS))
    if unknown:
        raise RepoError(f"{path}: unknown setting(s) {', '.join(unknown)} (known: {', '.join(DEFAULTS)})")
    values = {**DEFAULTS, **data}
    for key in ("deals", "output", "clauses", "templates", "law"):
        value = values[key]
        if not isinstance(value, str) or not value.strip():
            raise RepoError(f"{path}: {key} must be a non-empty string")
        if PurePosixPath(value).is_absolute() or ".." in PurePosixPath(value).parts:
            raise RepoError(f"{path}: {key} must be a path inside the repository")
    formats = values["formats"]
    if isinstance(formats, str):
        formats = [f.strip() for f in formats.split(",")]
    if not isinstance(formats, list) or not formats or any(f not in FORMATS for f in formats):
        raise RepoError(f"{path}: formats must be a list drawn from {', '.join(FORMATS)}")
    shards = values["shards"]
    if isinstance(shards, bool) or not isinstance(shards, int) or not 1 <= shards <= 256:
        raise RepoError(f"{path}: shards must be a whole number from 1 to 256 (the CI build's parallel jobs)")
    install = values["install"]
    if install:
        from contractgen.errors import InstallError
        from contractgen.repo.install import parse_install

        try:
            parsed = parse_install(install, f"{path}: install")
        except InstallError as exc:
            raise RepoError(str(exc)) from None
        if parsed.kind == "wheel" and not (root / parsed.value).is_file():
            raise RepoError(
                f"{path}: install names {parsed.value}, which is not in the repository; commit the wheel there"
            )
        install = parsed.value
    return RepoConfig(
        root,
        values["deals"],
        values["output"].strip("/"),
        tuple(dict.fromkeys(formats)),
        values["clauses"].strip("/"),
        values["templates"].strip("/"),
        shards,
        install,
        law=values["law"].strip("/"),
    )


def init_repo(
    target: Path, source: Path | None = None, install_from: str | None = None, notes: list[str] | None = None
) -> list[Path]:
    """Scaffold a contracts repository in `target` from the built-in library; return what was created.

    `install_from` says how CI installs contractgen (repo/install.py; default: as this copy was
    installed); a note for the user about that choice is appended to `notes`.
    """
    from contractgen.pipeline import project_root
    from contractgen.repo.install import choose_install

    target = Path(target)
    source = Path(source or project_root())
    if (target / CONFIG_NAME).exists():
        raise RepoError(f"{target}: already a contracts repository ({CONFIG_NAME} exists)")
    for folder in ("clauses", "templates"):
        if not (source / folder).is_dir():
            raise RepoError(f"{source}: the built-in {folder}/ folder is missing")
        if (target / folder).exists():
            raise RepoError(f"{target / folder}: already exists; init only creates new repositories")
    sample = source / "samples" / SAMPLE_DEAL
    if not sample.is_file():
        raise RepoError(f"{sample}: the sample deal is missing")
    target.mkdir(parents=True, exist_ok=True)
    created: list[Path] = []
    try:
        install, copied, note = choose_install(install_from, target)
    except InstallError as exc:
        raise RepoError(str(exc)) from None
    created.extend(copied)
    if note and notes is not None:
        notes.append(note)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")
    for folder in ("clauses", "templates"):
        shutil.copytree(source / folder, target / folder, ignore=ignore)
        created.append(target / folder)
    from contractgen.law.schema import json_schema_text

    workflow = (SCAFFOLD / "workflows" / "contracts.yml").read_text(encoding="utf-8")
    files = {
        CONFIG_NAME: (SCAFFOLD / "contractgen.toml")
        .read_text(encoding="utf-8")
        .replace("@INSTALL@", install)
        .encode("utf-8"),
        f"deals/{SAMPLE_DEAL}": sample.read_bytes(),
        ".github/workflows/contracts.yml": workflow.replace("@CONTRACTGEN_VERSION@", __version__).encode("utf-8"),
        "README.md": (SCAFFOLD / "README.md").read_bytes(),
        SCHEMA_NAME: deal_schema_text(target / DEFAULTS["templates"]).encode("utf-8"),
        ".vscode/settings.json": (SCAFFOLD / "vscode" / "settings.json").read_bytes(),
        ".gitattributes": (SCAFFOLD / "gitattributes").read_bytes(),
        "law/README.md": (SCAFFOLD / "law" / "README.md").read_bytes(),
        **{f"law/{kind}/schema.json": json_schema_text(kind).encode("utf-8") for kind in KINDS},
    }
    if not (target / ".gitignore").exists():
        files[".gitignore"] = (SCAFFOLD / "gitignore").read_bytes()
    for rel, data in files.items():
        path = target / rel
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        created.append(path)
    return created


def deal_schema(templates_dir: Path) -> dict[str, Any]:
    """Return the deal JSON Schema with `template` closed over the templates in `templates_dir`."""
    data = deal_json_schema()
    folder = Path(templates_dir)
    names = sorted(p.name for p in folder.iterdir() if (p / "outline.yaml").is_file()) if folder.is_dir() else []
    template = (data.get("properties") or {}).get("template")
    if names and isinstance(template, dict):
        template["enum"] = names
    return data


def deal_schema_text(templates_dir: Path) -> str:
    """Return deal_schema as stable JSON text (sorted keys, final newline)."""

    return json.dumps(deal_schema(templates_dir), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
