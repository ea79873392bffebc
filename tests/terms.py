"""Build a deal's contract and read its text back, for tests that state the terms a lawyer checks."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import yaml

from contractgen.checks.coverage import deal_coverage
from contractgen.deal import load_deal
from contractgen.pipeline import Workspace, build_document
from contractgen import writers


def squash(text: str) -> str:
    """Collapse whitespace so phrases can be searched across line breaks."""
    return re.sub(r"\s+", " ", text).strip()


def merge(base: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    """Return base with overlay laid over it: mappings merge, anything else replaces."""
    out = dict(base)
    for key, value in overlay.items():
        out[key] = merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def overlaid(base: Path, overlay: Path, tmp_path: Path) -> Path:
    """Write base with overlay laid over it to tmp_path and return the new deal file."""
    data = merge(yaml.safe_load(base.read_text(encoding="utf-8")), yaml.safe_load(overlay.read_text(encoding="utf-8")))
    path = tmp_path / f"{base.stem}+{overlay.stem}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def contract_text(path: Path) -> str:
    """Return the text of the deal's DOCX contract, paragraphs and table cells in order."""
    from docx import Document as Docx
    from docx.oxml.ns import qn

    workspace = Workspace()
    result = build_document(load_deal(path), workspace)
    deal = result.source.deal
    data = writers.render(result.document, workspace.template_dir(deal.template), "docx")
    body = Docx(io.BytesIO(data)).element.body
    return squash(" ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))))


def coverage_status(path: Path) -> dict[str, str]:
    """Map each checklist item id to its status for the deal: covered, MISSING or not needed."""
    _, rows = deal_coverage(path)
    return {row.item.id: row.status for row in rows}
