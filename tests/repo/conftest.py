"""Fixtures for the contracts-repository tests: an init'd repository with three deals, built once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from contractgen.repo.config import init_repo

PYTHON = sys.executable


def _newest_version(clause_id: str) -> int:
    """Return the newest version number of a built-in clause: the one an init'd repository's deals get."""
    clauses = Path(__file__).resolve().parents[2] / "clauses"
    return max(int(p.stem[1:]) for p in clauses.glob(f"*/{clause_id}/v*.md"))


SC = _newest_version("service-credits")  # the service-credits version the repository's deals use
NEXT = SC + 1  # the version the tests add


def run_cli(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m contractgen.cli ARGS` in cwd and return the finished process."""
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    return subprocess.run(
        [PYTHON, "-m", "contractgen.cli", *args], cwd=cwd, capture_output=True, text=True, env=full_env, timeout=600
    )


def _without_section(text: str, key: str) -> str:
    """Drop a two-space-indented YAML mapping key and its nested lines from a deal's text."""
    out, skipping = [], False
    for line in text.splitlines(keepends=True):
        if line.startswith(f"  {key}:"):
            skipping = True
            continue
        if skipping and (line.startswith("    ") or not line.strip()):
            continue
        skipping = False
        out.append(line)
    return "".join(out)


def _trim_outline_to_library(root: Path) -> None:
    """While the built-in library is incomplete, drop outline slots naming clauses it lacks."""
    from contractgen.library.clauses import load_library

    library = load_library(root / "clauses")
    outline = root / "templates" / "it-outsourcing" / "outline.yaml"
    data = yaml.safe_load(outline.read_text(encoding="utf-8"))
    changed = False
    for part in data["parts"]:
        kept = [c for c in part.get("clauses") or [] if (c if isinstance(c, str) else c["id"]) in library.clauses]
        changed |= len(kept) != len(part.get("clauses") or [])
        part["clauses"] = kept
    if changed:
        outline.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def make_repo(target: Path) -> Path:
    """Init a repository (DOCX only) with deals acme (the sample), beta (another title) and gamma (no service credits)."""
    init_repo(target)
    _trim_outline_to_library(target)
    config = target / "contractgen.toml"
    config.write_text(config.read_text().replace('formats = ["docx", "pdf"]', 'formats = ["docx"]'))
    sample = (target / "deals" / "deal-example.yaml").read_text(encoding="utf-8")
    (target / "deals" / "deal-example.yaml").unlink()
    (target / "deals" / "acme.yaml").write_text(sample, encoding="utf-8")
    (target / "deals" / "beta.yaml").write_text(
        sample.replace("reference: NWB-ITO-2027-014", "reference: NWB-ITO-2027-015"), encoding="utf-8"
    )
    (target / "deals" / "gamma.yaml").write_text(_without_section(sample, "service_credits"), encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def built_repo_template(tmp_path_factory) -> Path:
    """A repository built once per session (copy it with `repo` before changing anything)."""
    root = make_repo(tmp_path_factory.mktemp("template") / "contracts")
    result = run_cli("build", "--jobs", "2", cwd=root)
    assert result.returncode == 0, result.stderr + result.stdout
    return root


@pytest.fixture
def repo(built_repo_template, tmp_path) -> Path:
    """A fresh copy of the built repository (modification times preserved)."""
    target = tmp_path / "contracts"
    shutil.copytree(built_repo_template, target, copy_function=shutil.copy2)
    return target


NINE = 9


def nine_deal_repo(target: Path) -> Path:
    """A repository of nine deals: acme, beta, gamma and six more copies with their own references."""
    root = make_repo(target)
    sample = (root / "deals" / "acme.yaml").read_text(encoding="utf-8")
    for n in range(6):
        text = sample.replace("reference: NWB-ITO-2027-014", f"reference: NWB-ITO-2027-1{n:02d}")
        (root / "deals" / f"extra-{n}.yaml").write_text(text, encoding="utf-8")
    assert len(list((root / "deals").glob("*.yaml"))) == NINE
    return root


def tree(root: Path) -> dict[str, bytes]:
    """Every file of the repository's outputs and its lock, by relative path."""
    files = {p.relative_to(root).as_posix(): p.read_bytes() for p in (root / "out").rglob("*") if p.is_file()}
    files["contractgen.lock"] = (root / "contractgen.lock").read_bytes()
    return files


@pytest.fixture(scope="session")
def nine_deal_build(tmp_path_factory) -> dict[str, bytes]:
    """The files of one local `build --jobs 2` of the nine-deal repository (what shards and Dask must equal)."""
    root = nine_deal_repo(tmp_path_factory.mktemp("nine") / "contracts")
    result = run_cli("build", "--jobs", "2", cwd=root)
    assert result.returncode == 0, result.stderr
    return tree(root)


def add_service_credits_v3(root: Path) -> Path:
    """Add the next approved version of service-credits (v{NEXT}) that changes one sentence; return its path."""
    folder = root / "clauses" / "service-levels" / "service-credits"
    text = (folder / f"v{SC}.md").read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    head = "\n".join(line for line in head.splitlines() if not line.startswith(("changes:", "approved_sha256:")))
    head += "\nchanges: Credits are now paid within one Measurement Period."
    body = body.rstrip("\n") + "\n\nService Credits are paid within one Measurement Period.\n"
    v3 = folder / f"v{NEXT}.md"
    v3.write_text(head + sep + body, encoding="utf-8")
    return v3
