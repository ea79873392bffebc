"""The extra outputs of a build task: the PDF with its deal and lock entry attached, and the redline."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contractgen import safefs
from contractgen.document.json_form import document_from_json
from contractgen.document.model import Document
from contractgen.errors import ContractgenError
from contractgen.repo.config import RepoConfig
from contractgen.repo.lockfile import sha256_bytes
from contractgen.writers import render


@dataclass(frozen=True)
class Task:
    """One deal for a worker: render it, or first check whether its resolved inputs really changed."""

    deal: str
    outputs: tuple[tuple[str, str], ...]  # (format, repository-relative path)
    locked_inputs: dict[str, Any] | None  # set when the deal renders only if its inputs differ
    model: str = ""  # repository-relative path of the stored document model
    previous_model: str | None = None  # the lock's hash of the previous model ("" none kept, None new deal)
    redlines: tuple[tuple[str, str], ...] = ()  # (format, path) to write against the previous model
    kept_clauses: dict[str, Any] | None = None  # the last build's clauses: a deal being signed keeps them
    raw: bytes | None = field(default=None, repr=False)  # the deal file's bytes, read once by the assessment
    redline_by: tuple[str, str] = ("", "")  # (author, date) of the redline's tracked changes


def render_redlines(
    config: RepoConfig, task: Task, document: Document, template_dir: Path, warnings: list[str], notes: list[str]
) -> dict[str, bytes]:
    """Diff the new model against the stored model of the previous build; {} (and a warning) without one."""
    from contractgen.redline.diff import diff_documents, has_changes

    if task.previous_model is None:
        return {}  # a new contract: nothing to compare with
    if not task.previous_model:
        warnings.append(
            f"no redline: the previous build kept no document model ({task.model}); "
            "the next build --redline will have one"
        )
        return {}
    stored = safefs.read_if_possible(config.root / task.model, config.root)
    if stored is None:
        warnings.append(f"no redline: the document model of the previous build is missing ({task.model})")
        return {}
    if sha256_bytes(stored) != task.previous_model:
        warnings.append(f"no redline: {task.model} does not match contractgen.lock (changed since the last build)")
        return {}
    try:
        previous = document_from_json(stored.decode("utf-8"))
    except (ContractgenError, UnicodeDecodeError) as exc:
        warnings.append(f"no redline: {task.model} cannot be read: {exc}")
        return {}
    redline = diff_documents(previous, document)
    redline.author, redline.date = task.redline_by
    if not has_changes(redline.document):
        notes.append("no redline: the contract reads exactly as in the previous build")
        return {}
    return {path: render(None, template_dir, fmt, redline=redline) for fmt, path in task.redlines}


def render_pdf(
    document: Document, template_dir: Path, deal_bytes: bytes, lock_entry: dict[str, Any], deal_rel: str
) -> bytes:
    """Render the PDF with the deal spec and its lock entry attached."""

    attachments = {
        Path(deal_rel).name: deal_bytes,
        "contractgen-lock-entry.json": (json.dumps({deal_rel: lock_entry}, indent=2, sort_keys=True) + "\n").encode(),
    }
    return render(document, template_dir, "pdf", attachments=attachments)
