"""Contracts repositories for the batch and check benchmarks (made with `contractgen init`).

- ``batch_repo(n)``: n distinct deals (the reference deal, each with its own reference and
  title) in a fresh repository; the benchmark deletes out/ and the lock before every build.
- ``check_repo(n)``: n locked deals for `contractgen check`. Building 1,000 contracts to get
  there would take many minutes, so one deal is built for real and cloned: n byte-identical
  deal files, their outputs copied, and the lock entry repeated with each copy's paths. `check`
  hashes every deal, output and library file exactly as for n different contracts.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def contractgen_exe() -> str:
    """Return the contractgen console script of this venv (or the one on PATH)."""
    exe = BIN / "contractgen"
    return str(exe) if exe.exists() else "contractgen"


def init_repo(root: Path, reference: Path) -> Path:
    """Create an empty contracts repository at root with the reference deal as its only deal."""
    if root.exists():
        shutil.rmtree(root)
    subprocess.run([contractgen_exe(), "init", str(root)], check=True, capture_output=True)
    deals = root / "deals"
    for old in deals.glob("*.yaml"):
        old.unlink()
    shutil.copyfile(reference, deals / "deal-0000.yaml")
    return root


def _variant(text: str, index: int) -> str:
    """Return the deal text with its own title and reference (a distinct contract)."""
    text = re.sub(r"(?m)^(\s+title: )(.+)$", lambda m: f"{m.group(1)}{m.group(2)} No. {index}", text, count=1)
    text = re.sub(r"(?m)^(\s+reference: )(\S+)$", lambda m: f"{m.group(1)}{m.group(2)}-{index:04d}", text, count=1)
    return text


def batch_repo(root: Path, reference: Path, count: int) -> Path:
    """Return a repository with `count` distinct deals and nothing built."""
    init_repo(root, reference)
    source = reference.read_text(encoding="utf-8")
    deals = root / "deals"
    (deals / "deal-0000.yaml").unlink()
    for index in range(count):
        (deals / f"deal-{index:04d}.yaml").write_text(_variant(source, index), encoding="utf-8")
    return root


def clean_build(root: Path) -> None:
    """Remove the outputs and the lock so the next build renders everything."""
    shutil.rmtree(root / "out", ignore_errors=True)
    (root / "contractgen.lock").unlink(missing_ok=True)


def check_repo(root: Path, reference: Path, count: int) -> Path:
    """Return a repository with `count` locked, up-to-date deals (one built, the rest cloned)."""
    init_repo(root, reference)
    subprocess.run([contractgen_exe(), "build", "--jobs", "1", "-C", str(root)], check=True, capture_output=True)
    lock_path = root / "contractgen.lock"
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    entry = lock["deals"].pop("deals/deal-0000.yaml")
    outputs = {Path(rel).suffix: rel for rel in entry["outputs"]}
    deal_bytes = (root / "deals" / "deal-0000.yaml").read_bytes()
    blobs = {suffix: (root / rel).read_bytes() for suffix, rel in outputs.items()}
    for index in range(count):
        name = f"deal-{index:04d}"
        (root / "deals" / f"{name}.yaml").write_bytes(deal_bytes)
        clone = dict(entry)
        clone["outputs"] = {}
        for suffix, rel in outputs.items():
            target = Path(rel).with_name(name + suffix).as_posix()
            (root / target).write_bytes(blobs[suffix])
            clone["outputs"][target] = entry["outputs"][rel]
        lock["deals"][f"deals/{name}.yaml"] = clone
    lock_path.write_text(json.dumps(lock, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return root
