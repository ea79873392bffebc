"""Shared set-up for the contracts-repository benchmarks: an init'd repository in a temp folder."""

from __future__ import annotations

from pathlib import Path

import yaml

from contractgen.repo.config import init_repo


def make_repo(root: Path, formats: list[str]) -> Path:
    """Init a repository at root with the given formats; trim outline slots the library lacks (while it grows)."""
    from contractgen.library.clauses import load_library

    init_repo(root)
    library = load_library(root / "clauses")
    outline = root / "templates" / "it-outsourcing" / "outline.yaml"
    data = yaml.safe_load(outline.read_text(encoding="utf-8"))
    for part in data["parts"]:
        part["clauses"] = [c for c in part.get("clauses") or [] if (c if isinstance(c, str) else c["id"]) in library.clauses]
    outline.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    config = root / "contractgen.toml"
    config.write_text(config.read_text().replace('formats = ["docx", "pdf"]', f"formats = {formats!r}".replace("'", '"')))
    return root


def copy_deals(root: Path, count: int) -> list[str]:
    """Replace the sample deal by `count` copies that differ in their reference; return their paths."""
    sample_path = root / "deals" / "deal-example.yaml"
    sample = sample_path.read_text(encoding="utf-8")
    sample_path.unlink()
    names = []
    for index in range(count):
        name = f"deals/deal-{index:04d}.yaml"
        (root / name).write_text(sample.replace("reference: NWB-ITO-2027-014", f"reference: NWB-ITO-2027-{index:04d}"),
                                 encoding="utf-8")
        names.append(name)
    return names
