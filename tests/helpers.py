"""Helpers shared by the tests: the checkout's paths, file writers and the command line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
FIXTURES = TESTS / "fixtures"
SAMPLES = ROOT / "samples"
REFERENCE = SAMPLES / "deal-example.yaml"
TEMPLATE = ROOT / "templates" / "it-outsourcing"
MINI_ROOT = FIXTURES / "library"  # clauses/, templates/mini/, deals/mini.yaml
SCRIPT = Path(sys.executable).parent / "contractgen"
CLI = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "contractgen.cli"]


def run_contractgen(
    *args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    """Run the installed `contractgen` entry point with ARGS and return the finished process."""
    return subprocess.run([*CLI, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def write_file(path: Path, text: str) -> Path:
    """Write text to path, creating its folders; return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def clause_file(
    root: Path, rel: str, title: str = "A Clause", status: str = "approved", body: str = "Some text.\n", **front: str
) -> Path:
    """Write a clause version file `rel` (e.g. "group/id/v1.md") under root with front matter."""
    lines = ["---"]
    if title is not None:
        lines.append(f"title: {title}")
    if status is not None:
        lines.append(f"status: {status}")
    lines += [f"{key}: {value}" for key, value in front.items()]
    lines.append("---")
    return write_file(root / rel, "\n".join(lines) + "\n" + body)


def copy_tracked_files(target: Path) -> Path:
    """Copy this checkout's tracked files (what a clone holds) into `target`, for building a wheel; return it."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for rel in filter(None, tracked.decode().split("\0")):
        if (ROOT / rel).is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, target / rel)
    return target


def git(root: Path, *args: str) -> None:
    """Run git in `root` as a fixed author, with no user configuration read (HOME is the repository)."""
    subprocess.run(
        ["git", "-C", str(root), *args],
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.com",
            "HOME": str(root),
            "PATH": "/usr/bin:/bin",
        },
    )


def output_snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below root/out (the stored document models in out/.models too): bytes and modification time."""
    out = root / "out"
    return {
        p.relative_to(out).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }
