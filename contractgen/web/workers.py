"""Renders run in worker processes with a time limit, so one hostile or huge deal cannot hang the server.

A job gets the deal as text (never a path the browser chose), loads it as the CLI loads a deal
file (the safe loader, the model, the rules) under the deal's own file name, and runs the same
pipeline functions as the CLI. A job that runs past its limit has its pool terminated and replaced.
"""

from __future__ import annotations

import re

import multiprocessing
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from contractgen.errors import ContractgenError, DealError, MarkupError, RenderFailed, RenderTimeout
from contractgen.writers import render


@dataclass(frozen=True)
class Settings:
    """Where a worker finds the clause library and templates (plain data: it crosses processes)."""

    root: str
    clauses: str
    templates: str


# the workspace this process built, with the settings it was built from: an in-process pool of
# another repository (tests, a second server in one process) must not be handed this one
_WORKSPACE: tuple[Settings, Any] | None = None


def _init(settings: Settings) -> None:
    """Worker start: build the workspace once (library and outlines are then reused per job)."""
    global _WORKSPACE
    from contractgen.pipeline import Workspace

    _WORKSPACE = (
        settings,
        Workspace(Path(settings.root), clauses_dir=Path(settings.clauses), templates_dir=Path(settings.templates)),
    )


def _workspace(settings: Settings):
    if _WORKSPACE is None or _WORKSPACE[0] != settings:
        _init(settings)
    assert _WORKSPACE is not None  # _init built it
    return _WORKSPACE[1]


def _call(settings: Settings, job: Callable, args: tuple) -> tuple[str, Any]:
    """Run one job, turning contractgen errors into lines (exceptions do not always pickle)."""
    try:
        from contractgen.templating.worker import run_bounded

        # the job runs in a bounded worker forked from this (warm) pool process: CPU and memory capped
        return "ok", run_bounded(job, _workspace(settings), *args, what=str(args[0]) if args else "")
    except ContractgenError as exc:
        return "error", exc.lines()
    except RecursionError:
        return "error", ["the deal is nested too deeply to render"]
    except Exception as exc:  # noqa: BLE001 - a bug becomes a message on the page, never a server error
        return "error", [
            f"the contract could not be built: internal error {type(exc).__name__}: {exc} (please report it)"
        ]


def _build(workspace, name: str, text: str):
    from contractgen.pipeline import build_deal

    result = build_deal(name, workspace, text.encode("utf-8"))
    return result.source.deal, result


def job_preview(workspace, name: str, text: str) -> dict[str, Any]:
    """Return the contract as the PDF writer's HTML with its template and warnings, or the deal's problems."""
    from contractgen.deal import load_deal
    from contractgen.writers.pdf.html import render_html

    try:
        source = load_deal(name, text.encode("utf-8"))
    except DealError as exc:  # problems of the deal itself go next to their fields: keep their paths
        return {"problems": [(p.path, p.line, p.message) for p in exc.problems] or [("", None, str(exc))]}
    from contractgen.pipeline import build_document

    try:
        deal, result = source.deal, build_document(source, workspace)
    except ContractgenError as exc:
        # the deal's own words (a rider placed after no clause, an override of no paragraph): beside their fields
        ours = [(p.path, p.line, p.message) if p.path and p.file == Path(name).name else None for p in exc.problems]
        if not any(ours):
            raise
        return {"problems": [mine or ("", None, str(p)) for mine, p in zip(ours, exc.problems)]}
    html = render_html(result.document, workspace.template_dir(deal.template))
    notes = [(n.path, n.message) for n in source.open_notes]
    return {"html": html, "template": deal.template, "warnings": result.warnings, "problems": [], "notes": notes}


def job_render(workspace, name: str, text: str, fmt: str) -> bytes:
    """Return the contract as DOCX or PDF bytes."""
    deal, result = _build(workspace, name, text)
    return render(result.document, workspace.template_dir(deal.template), fmt)


def job_coverage(workspace, name: str, text: str) -> dict[str, Any]:
    """Return the deal's coverage checklist as JSON-ready data."""
    from contractgen.checks.coverage import deal_coverage, rows_as_json

    with tempfile.TemporaryDirectory(prefix="contractgen-web-") as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        deal, rows = deal_coverage(path, workspace)
        return rows_as_json(Path(name), deal.template, rows)


def job_redline(workspace, old_name: str, old_text: str, new_name: str, new_text: str, fmt: str) -> Any:
    """Return the redline of two rounds: "html" (with a summary), "docx" or "pdf" bytes."""
    from contractgen.redline.diff import diff_documents

    _, old = _build(workspace, old_name, old_text)
    deal, new = _build(workspace, new_name, new_text)
    redline = diff_documents(old.document, new.document)
    template_dir = workspace.template_dir(deal.template)
    if fmt == "html":
        from contractgen.writers.pdf.redline import render_redline_html

        summary = [{"change": e.change, "label": e.label, "title": e.title} for e in redline.summary]
        return {"html": render_redline_html(redline, template_dir), "template": deal.template, "summary": summary}
    return render(None, template_dir, fmt, redline=redline)


def job_markup(workspace, name: str, text: str, docx: bytes, accept: tuple[str, ...] = ()) -> dict[str, Any]:
    """Read a counterparty's marked-up DOCX against the deal; with `accept`, the deal text those changes make."""
    from contractgen.redline.markup import provenance_of, read_markup
    from contractgen.redline.overrides import renamed_terms
    from contractgen.repo.negotiation import as_they_got_it, differing, plan_text

    _, result = _build(workspace, name, text)
    try:
        sent, moved = as_they_got_it(result, provenance_of(docx), workspace)
        ours = render(sent, workspace.template_dir(result.source.deal.template), "docx")
        markup = read_markup(docx, sent, result.source.deal.commercials.currency, ours)
    except MarkupError as exc:
        raise RenderFailed(f"the uploaded file: {exc}") from None
    out: dict[str, Any] = {
        "provenance": dict(markup.provenance),
        "moved": moved,  # clause versions replaced since their copy was rendered
        "changes": [
            {
                "id": c.id,
                "clause": c.clause,
                "title": c.title,
                "reference": c.reference,
                "place": c.place,
                "anchor": c.anchor,
                "authors": c.authors,
                "words": c.words(),
                "values": [(f.kind, f.ours, f.theirs, f.problem) for f in c.figures()],
            }
            for c in markup.changes
        ],
        "comments": [vars(n) for n in markup.comments],
        "term_notes": renamed_terms(markup.changes, sent),  # defined terms they renamed that the contract still uses
    }
    if accept:
        chosen = [c for c in markup.changes if c.id in accept]
        acceptance = plan_text(text, Path(name), chosen, result.document, workspace)
        out["text"] = acceptance.text
        out["values"] = [(v.change, v.dotted, str(v.ours), str(v.theirs)) for v in acceptance.values]
        by_value = {v.change for v in acceptance.values}
        out["overrides"] = [
            (key, [c.id for c in chosen if c.id not in by_value and key in (c.anchor, c.clause)])
            for key in sorted(acceptance.overrides)
        ]
        out["refused"] = acceptance.refused
        out["notes"] = acceptance.notes
        out["differing"] = differing(acceptance.text, Path(name), markup.changes, workspace)
    return out


def job_usage(workspace, deals: list[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """Return {deal: {clause id: version}} for each deal that loads and resolves (no rendering)."""
    from contractgen.deal import load_deal
    from contractgen.pipeline import resolve_deal

    usage: dict[str, dict[str, int]] = {}
    for rel, text in deals:
        try:
            resolution = resolve_deal(load_deal(Path(rel).name, text.encode("utf-8")), workspace).resolution
        except ContractgenError:
            continue
        usage[rel] = {v.id: v.version for v in resolution.versions()}
    return usage


def job_clause(workspace, name: str, text: str, clause_id: str, version: int) -> dict[str, Any]:
    """Return a clause version rendered with a deal's values (the build's sandbox), and what the deal itself gets."""
    from contractgen.deal import load_deal
    from contractgen.pipeline import clause_text, resolve_deal

    resolved = resolve_deal(load_deal(name, text.encode("utf-8")), workspace)
    chosen = workspace.library.get(clause_id).versions[version]
    used = {v.id: v.version for v in resolved.resolution.versions()}.get(clause_id)
    # deal values arrive with Markdown escapes (a backslash before a comma or a dot): shown as they read
    text = re.sub(r"\\([^\w\s])", r"\1", clause_text(resolved, chosen, workspace))
    return {"text": text, "used": used}


class RenderPool:
    """A small pool of worker processes; each job has a time limit (then the pool is replaced)."""

    def __init__(self, settings: Settings, processes: int = 2, time_limit: float = 60.0):
        self.settings = settings
        self.processes = max(0, processes)
        self.time_limit = time_limit
        self._pool = None
        self._lock = threading.Lock()

    def _get(self):
        with self._lock:
            if self._pool is None:
                context = multiprocessing.get_context("spawn")
                self._pool = context.Pool(self.processes, initializer=_init, initargs=(self.settings,))
            return self._pool

    def run(self, job: Callable, *args: Any, time_limit: float | None = None) -> Any:
        """Run `job(workspace, *args)` in a worker; raise RenderFailed or RenderTimeout."""
        limit = self.time_limit if time_limit is None else time_limit
        if self.processes == 0:  # in-process (tests that need no isolation)
            status, value = _call(self.settings, job, args)
        else:
            pool = self._get()
            pending = pool.apply_async(_call, (self.settings, job, args))
            try:
                status, value = pending.get(timeout=limit)
            except multiprocessing.TimeoutError:
                self._replace(pool)
                raise RenderTimeout(f"the render took longer than {limit:g} s and was stopped") from None
        if status == "error":
            raise RenderFailed("\n".join(value))
        return value

    def _replace(self, pool) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.terminate()

    def warm_up(self) -> None:
        """Start the workers now (the first preview is then as fast as the next)."""
        if self.processes:
            pool = self._get()
            for pending in [pool.apply_async(_call, (self.settings, _noop, ())) for _ in range(self.processes)]:
                pending.get(timeout=self.time_limit)

    def close(self) -> None:
        """Stop the workers."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.terminate()
            pool.join()


def _noop(workspace) -> None:
    import contractgen.pipeline  # noqa: F401 - importing the pipeline and loading the library is the warm-up
    import contractgen.writers.pdf.html  # noqa: F401

    workspace.library  # noqa: B018
