"""The extra outputs of a build task: the PDF with its deal and lock entry attached, and the redline."""

from __future__ import annotations

from pathlib import Path

from contractgen import safefs
from contractgen.errors import ContractgenError
from contractgen.repo.config import RepoConfig
from contractgen.repo.lockfile import sha256_bytes


def render_redlines(
    config: RepoConfig, task, document, template_dir: Path, warnings: list[str], notes: list[str]
) -> dict[str, bytes]:
    """Diff the new model against the stored model of the previous build; {} (and a warning) without one."""
    from contractgen.document.json_form import document_from_json
    from contractgen.redline.diff import diff_documents, has_changes
    from contractgen.writers import render

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


def render_pdf(document, template_dir: Path, deal_bytes: bytes, lock_entry: dict, deal_rel: str) -> bytes:
    """Render the PDF with the deal spec and its lock entry attached."""
    import json

    from contractgen.writers import render

    attachments = {
        Path(deal_rel).name: deal_bytes,
        "contractgen-lock-entry.json": (json.dumps({deal_rel: lock_entry}, indent=2, sort_keys=True) + "\n").encode(),
    }
    return render(document, template_dir, "pdf", attachments=attachments)
