"""`contractgen build`: render the deals whose inputs changed, in parallel, then update the lock.

Nothing is written until every render succeeded: a failed build leaves the previous outputs and
contractgen.lock exactly as they were. Workers are long-lived processes, each keeping one
Workspace, so the clause library and outlines are parsed once per worker, not once per deal.
Each deal file is read once per build (the assessment hashes its bytes and hands them to the task)
and resolved once: the same loaded and resolved deal gives the lock entry, the DOCX, the PDF (with
those bytes attached) and the redline.

Every rendered contract's document model is kept as JSON in ``<output>/.models/<deal>.json`` (its
hash in the lock entry as ``model_sha256``). With ``--redline`` a re-rendered contract is diffed
against that stored model of the previous build and ``<deal>.redline.docx/.pdf`` are written beside
its outputs; the lock entry records them under ``redlines`` (with the clause versions they were made
against), but they are not outputs: `check` ignores them. Redlines of an earlier build that no longer
describe the contract are removed when it is rendered again.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contractgen import outputs as output_files
from contractgen import safefs
from contractgen.deal import load_deal
from contractgen.deal.yamlsource import MAX_BYTES
from contractgen.document.json_form import document_to_json
from contractgen.errors import ContractgenError
from contractgen.outputs import remove_stale_temporaries
from contractgen.pipeline import Workspace, build_document
from contractgen.repo.config import MODELS_DIR, RepoConfig
from contractgen.repo.input_changes import compare_inputs
from contractgen.repo.journal import Journal, journal_path
from contractgen.repo.lockfile import (
    Lock,
    entry_inputs,
    inputs_digest,
    installed_tools,
    sha256_bytes,
    sha256_file,
    write_lock,
)
from contractgen.repo.progress import DealProgress, run_each
from contractgen.repo.staleness import Assessment, Resolved, assess, resolve_inputs
from contractgen.repo.task_outputs import Task, render_pdf, render_redlines
from contractgen.templating.worker import run_bounded
from contractgen.writers import prepare_templates
from contractgen.writers import render_formats
from contractgen.writers.pdf.cache import part_cache
from contractgen.writers.pdf.frame import rendering_one, share_cores

if TYPE_CHECKING:
    from contractgen.pipeline import Workspace

CACHE_DIR = ".contractgen/cache"  # reusable work of earlier builds (never an input: a cold cache gives the same bytes)

EXIT_OK, EXIT_DIFFERENCES, EXIT_BAD_INPUT = 0, 1, 2


@dataclass
class BuildReport:
    """What a build did (or why it refused)."""

    exit_code: int = EXIT_OK
    rendered: dict[str, list[str]] = field(default_factory=dict)  # deal → reasons it was rendered
    unchanged: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # stale redline files deleted
    messages: list[str] = field(default_factory=list)  # errors and refusals, one per line
    warnings: list[str] = field(default_factory=list)
    lock_written: bool = False
    partial_lock: str = ""  # with --shard: where the shard's partial lock was written
    failed: list[str] = field(default_factory=list)  # deals not built (errors, refusals) under --keep-going
    checked: int = 0  # deals compared with the lock
    redlines: dict[str, list[str]] = field(default_factory=dict)  # deal → redline files written
    notes: dict[str, list[str]] = field(default_factory=dict)  # deal → why it got no redline (not an error)


_WORKER: dict[str, Any] = {}


def _init_worker(config: RepoConfig) -> None:
    """Give this worker process its own Workspace, reused for every deal it renders."""
    _WORKER["config"] = config
    _WORKER["workspace"] = Workspace(
        config.root, clauses_dir=config.clauses_dir, templates_dir=config.templates_dir, law_dir=config.law_dir
    )


def _ensure_worker(config: RepoConfig) -> None:
    """Worker initializer: keep the Workspace inherited from the parent (fork), else make one."""
    if _WORKER.get("config") != config:
        _init_worker(config)


def _warm_up(config: RepoConfig, formats: set[str]) -> None:
    """Import the writers and parse the library in the parent, so forked workers start warm."""
    _init_worker(config)
    try:
        _WORKER["workspace"].library
    except ContractgenError:
        pass  # each task reports it
    # the engines, parsed stylesheets and font digests: each deal's bounded child inherits them
    prepare_templates(_WORKER["workspace"].templates_path, formats)
    import multiprocessing

    share_cores(multiprocessing.Value("i", 0))  # inherited by the forked workers: cores idle at the end go to parts


def run_one_task(config: RepoConfig, task: Task) -> dict[str, Any]:
    """Render one task with this process's worker state, in a bounded render worker (a dask worker calls this)."""
    _ensure_worker(config)
    try:
        return run_bounded(_run_task, task, what=task.deal)
    except ContractgenError as exc:
        return {"deal": task.deal, "status": "error", "lines": exc.lines()}


def _run_task(task: Task) -> dict[str, Any]:
    """Resolve and render one deal in this worker; return its lock entry inputs and output bytes."""
    config: RepoConfig = _WORKER["config"]
    workspace = _WORKER["workspace"]
    try:
        resolved = resolve_inputs(
            config, task.deal, workspace, {"clauses": task.kept_clauses} if task.kept_clauses else None, raw=task.raw
        )
        if task.locked_inputs is not None and entry_inputs(task.locked_inputs) == resolved.inputs:
            return {"deal": task.deal, "status": "unchanged"}
        with rendering_one():  # the siblings see one core fewer to lay PDF parts out on
            payloads, model, redlines, warnings, notes = _render(config, task, resolved, workspace)
    except ContractgenError as exc:
        return {"deal": task.deal, "status": "error", "lines": exc.lines()}
    except Exception as exc:  # a bug must not take the whole batch down silently
        return {"deal": task.deal, "status": "error", "lines": [f"internal error: {type(exc).__name__}: {exc}"]}
    reasons = compare_inputs(task.locked_inputs, resolved.inputs) if task.locked_inputs else []
    return {
        "deal": task.deal,
        "status": "rendered",
        "inputs": resolved.inputs,
        "payloads": payloads,
        "model": model,
        "redlines": redlines,
        "warnings": warnings,
        "notes": notes,
        "reasons": reasons,
    }


def _render(
    config: RepoConfig, task: Task, resolved: Resolved, workspace: Workspace
) -> tuple[dict[str, bytes], bytes, dict[str, bytes], list[str], list[str]]:
    """Render one deal: (output bytes by path, its model as JSON, redline bytes by path, warnings, notes)."""
    result = build_document(resolved.prepared, workspace)  # resolved once: by resolve_inputs
    lock_entry = dict(resolved.inputs)
    result.document.provenance.update(
        {
            "deal_file": task.deal,
            "inputs_sha256": inputs_digest(lock_entry),
            "template_sha256": sha256_bytes(
                "".join(f"{k}={v}\n" for k, v in sorted(lock_entry["template_files"].items())).encode()
            ),
        }
    )
    model = document_to_json(result.document).encode("utf-8")
    template_dir = workspace.template_dir(resolved.deal.template)
    printed = render_formats(  # the PDF first: the DOCX's contents take its page numbers
        result.document,
        template_dir,
        [fmt for fmt, _ in task.outputs],
        lambda document: render_pdf(document, template_dir, resolved.source.raw, lock_entry, task.deal),
    )
    payloads = {out: printed[fmt] for fmt, out in task.outputs}
    warnings = list(result.warnings)
    notes: list[str] = []
    warnings += [
        f"line {n.line}: {n.path}: {n.message}" if n.line else f"{n.path}: {n.message}"
        for n in result.source.open_notes
    ]
    redlines = render_redlines(config, task, result.document, template_dir, warnings, notes) if task.redlines else {}
    return payloads, model, redlines, warnings, notes


def plan(
    assessment: Assessment,
    force: bool,
    redline: bool = False,
    rebuild: bool = False,
    redline_by: tuple[str, str] = ("", ""),
) -> tuple[list[Task], list[str]]:
    """Return the tasks to run, and the refusals (outputs edited by hand, without --force).

    With `rebuild`, every deal is rendered again, current or not (hand-edited outputs still need `force`).
    """
    config = assessment.config
    tasks: list[Task] = []
    refusals: list[str] = []
    for rel, state in sorted(assessment.deals.items()):
        if state.signed:  # frozen: never rendered again, whatever the library, --rebuild or --force
            refusals.extend(f"{rel}: {problem}" for problem in state.frozen)
            continue
        if state.edited and not force:
            refusals.extend(
                f"{rel}: output {out} was edited by hand; not overwriting it (use --force to replace it)"
                for out in state.edited
            )
            continue
        if not (state.stale or state.edited or rebuild):
            continue
        outputs = tuple(config.output_paths(rel).items())
        only_if_changed = state.undecided and not state.reasons and not state.edited and not rebuild
        locked = assessment.lock.deals.get(rel) if only_if_changed else None
        entry = assessment.lock.deals.get(rel)
        previous = str(entry.get("model_sha256") or "") if entry is not None else None  # None: a new deal
        redlines = tuple(config.redline_paths(rel).items()) if redline else ()
        kept = (entry or {}).get("clauses") or None
        tasks.append(
            Task(rel, outputs, locked, config.model_path(rel), previous, redlines, kept, state.raw, redline_by)
        )
    return tasks, refusals


def run_build(
    config: RepoConfig,
    deals: list[str] | None = None,
    jobs: int | None = None,
    force: bool = False,
    progress: bool | None = None,
    redline: bool = False,
    keep_going: bool = False,
    rebuild: bool = False,
    shard: tuple[int, int] | None = None,
    dask: str | None = None,
    author: str | None = None,
) -> BuildReport:
    """Build the repository (or the selected deals): render what changed, write outputs, then the lock.

    With `redline`, each re-rendered contract with a stored previous model also gets its redline files.
    With `keep_going`, deals that fail (or are refused) keep their old outputs and lock entries while
    every other deal is built; the report's exit code is then 1. With `rebuild`, every deal is rendered.
    With `shard` (K, N), only shard K's deals are built and a partial lock is written beside the lock
    (repo/shards.py); with `dask`, the renders run on that dask.distributed cluster (repo/dask_executor.py).
    """
    report = BuildReport()
    if shard is not None:
        from contractgen.repo.shards import shard_deals

        deals = shard_deals(deals if deals is not None else config.deal_paths(), *shard)
    if deals is not None:
        missing = [d for d in deals if not (config.root / d).is_file()]
        if missing:
            report.messages.extend(f"{d}: no such deal file" for d in missing)
            report.exit_code = EXIT_BAD_INPUT
            return report
    assessment = assess(config, deals)
    if assessment.violations:
        report.messages.extend(message for _file, message in assessment.violations)
        report.exit_code = EXIT_BAD_INPUT
        return report
    report.checked = len(assessment.deals)
    outside = [
        rel
        for rel in (config.output, f"{config.output}/{MODELS_DIR}")
        if not safefs.is_inside(config.root / rel, config.root)
    ]
    if outside:
        report.messages.extend(
            f"{folder}: a symbolic link leads outside the repository; refusing to write there (make it a real folder)"
            for folder in outside
        )
        report.exit_code = EXIT_BAD_INPUT
        return report
    redline_by = ("", "")
    if redline:
        from contractgen.redline.authorship import redline_author, redline_date

        redline_by = (redline_author(author, config.root), redline_date(config.root, commit_time=True))
    tasks, refusals = plan(assessment, force, redline, rebuild, redline_by)
    if refusals:
        report.messages.extend(refusals)
        report.exit_code = EXIT_DIFFERENCES
        if not keep_going:
            return report
        report.failed.extend(sorted({r.split(": ", 1)[0] for r in refusals}))
    invalid = _invalid_deals(config, tasks)
    if invalid:
        for lines in invalid.values():
            report.messages.extend(lines)
        if not keep_going:
            report.messages.append(
                f"{len(invalid)} of {len(tasks)} deal(s) are invalid; nothing was rendered, "
                "no output and no lock entry was changed (--keep-going builds the valid ones)"
            )
            report.exit_code = EXIT_BAD_INPUT
            return report
        report.exit_code = EXIT_DIFFERENCES
        report.failed.extend(sorted(invalid))
        tasks = [task for task in tasks if task.deal not in invalid]
    results = _execute(config, tasks, jobs, progress, dask)
    failed = [r for r in results if r["status"] == "error"]
    if failed:
        for result in failed:
            rel, absolute = result["deal"], str(config.root / result["deal"])
            lines = [rel + line[len(absolute) :] if line.startswith(absolute) else line for line in result["lines"]]
            report.messages.extend(f"{rel}: {line}" if not line.startswith(rel) else line for line in lines)
        if not keep_going:
            report.messages.append(
                f"build failed for {len(failed)} of {len(tasks)} deal(s); "
                "no output and no lock entry was changed (--keep-going builds the others)"
            )
            report.exit_code = EXIT_BAD_INPUT
            return report
        report.messages.append(
            f"build failed for {len(failed)} of {len(tasks)} deal(s); their outputs and lock "
            "entries were left as they were, every other deal was built"
        )
        report.exit_code = EXIT_DIFFERENCES
        report.failed.extend(r["deal"] for r in failed)
        results = [r for r in results if r["status"] != "error"]
    remove_stale_temporaries(config.output_dir)
    remove_stale_temporaries(config.output_dir / MODELS_DIR)
    rendered_any = any(r["status"] == "rendered" for r in results)  # the tools record describes the last render
    tools = (
        installed_tools(config.templates_dir, config.root, config.install)
        if rendered_any or not assessment.lock.tools
        else assessment.lock.tools
    )
    new_lock = Lock(
        tools=tools,
        library={rel: info.record() for rel, info in assessment.library.items()},
        deals={k: v for k, v in assessment.lock.deals.items() if k not in assessment.removed},
    )
    reasons = {
        rel: s.reasons + [f"output {o} was edited by hand" for o in s.edited] for rel, s in assessment.deals.items()
    }
    digest = assessment.library_sha256
    for rel, state in assessment.deals.items():  # checked against this library and found current
        if rel in new_lock.deals and not (state.stale or state.edited):
            new_lock.deals[rel] = {**new_lock.deals[rel], "library_sha256": digest}
    journal, finished = Journal(journal_path(config.lock_path)), False
    try:
        for result in sorted(results, key=lambda r: r["deal"]):
            rel = result["deal"]
            if result["status"] == "unchanged":
                report.unchanged.append(rel)
                new_lock.deals[rel] = {**new_lock.deals[rel], "library_sha256": digest}
                continue
            previous = assessment.lock.deals.get(rel) or {}
            outputs = {out: sha256_bytes(data) for out, data in sorted(result["payloads"].items())}
            entry = {
                **result["inputs"],
                "outputs": outputs,
                "model_sha256": sha256_bytes(result["model"]),
                "library_sha256": digest,
            }
            redline_files = {out: sha256_bytes(data) for out, data in sorted(result["redlines"].items())}
            if redline_files:
                entry["redlines"] = {"against": previous.get("clauses") or {}, "files": redline_files}
            journal.record(rel, entry)  # on disk before any of the deal's files is replaced
            for out, data in sorted(result["payloads"].items()):
                _write_if_different(config, out, data, report)
            _write_if_different(config, config.model_path(rel), result["model"], report)
            _retire_redlines(config, rel, previous, set(result["redlines"]), report)
            for out, data in sorted(result["redlines"].items()):
                _write_if_different(config, out, data, report)
            if redline_files:
                report.redlines[rel] = sorted(redline_files)
            new_lock.deals[rel] = entry
            report.rendered[rel] = result["reasons"] or reasons.get(rel) or []
            if result["notes"]:
                report.notes[rel] = list(result["notes"])
            report.warnings.extend(f"{rel}: warning: {w}" for w in result["warnings"])
        finished = True
    finally:  # even after a failed write, the lock describes exactly the outputs that were replaced
        try:
            if shard is None:
                report.lock_written = write_lock(config.lock_path, new_lock)
            else:
                from contractgen.repo.shards import write_partial_lock

                new_lock.deals = {rel: entry for rel, entry in new_lock.deals.items() if rel in assessment.deals}
                report.partial_lock = config.rel(write_partial_lock(config.lock_path, new_lock, *shard))
        except BaseException:
            journal.close(finished=False)  # the lock was not written: the journal keeps what was
            raise
        journal.close(finished)
    return report


def _invalid_deals(config: RepoConfig, tasks: list[Task]) -> dict[str, list[str]]:
    """Validate every deal to render before any is rendered: {deal: its problems} for the invalid ones.

    A mistake found in half a second is reported before minutes of rendering, not after.
    """
    invalid = {}
    for task in tasks:
        try:
            raw = (
                task.raw
                if task.raw is not None
                else safefs.read_head(config.root / task.deal, config.root, MAX_BYTES + 1)
            )
            load_deal(Path(task.deal), raw=raw)
        except ContractgenError as exc:
            invalid[task.deal] = [
                line if line.startswith(task.deal) else f"{task.deal}: {line}" for line in exc.lines()
            ]
        except OSError as exc:
            invalid[task.deal] = [f"{task.deal}: cannot read the file: {exc.strerror or exc}"]
    return invalid


def _retire_redlines(
    config: RepoConfig, rel: str, previous: dict[str, Any], keep: set[str], report: BuildReport
) -> None:
    """Delete the redlines of an earlier build that no longer describe the re-rendered contract.

    Only files whose bytes still match the lock are deleted; anything else is left alone, with a warning.
    """
    recorded = ((previous.get("redlines") or {}).get("files")) or {}
    for out in config.redline_paths(rel).values():
        path = config.root / out
        if out in keep or not path.exists():
            continue
        if out in recorded and sha256_file(path, config.root) == recorded[out]:
            try:
                path.unlink()
                report.removed.append(out)
            except OSError as exc:
                report.warnings.append(f"{rel}: warning: {out} is out of date and cannot be removed: {exc}")
        else:
            report.warnings.append(f"{rel}: warning: {out} is not a redline of this build (left alone)")


def _write_if_different(config: RepoConfig, rel: str, data: bytes, report: BuildReport) -> None:
    """Write an output inside the repository unless it holds these bytes already."""
    path = config.root / rel
    if safefs.read_if_possible(path, config.root) == data:
        return  # same bytes: keep the file and its modification time
    # looked up on the module at each call: the crash-safety tests replace it there to stop a build mid-way
    output_files.write_atomically(path, data, root=config.root)
    report.written.append(rel)


def _execute(
    config: RepoConfig, tasks: list[Task], jobs: int | None, progress: bool | None, dask: str | None = None
) -> list[dict[str, Any]]:
    """Run the tasks in worker processes (in this process for one job or one task) or on a dask cluster."""
    if not tasks:
        return []
    jobs = max(1, jobs or os.cpu_count() or 1)
    with DealProgress([task.deal for task in tasks], "rendering", progress) as shown:
        if dask is not None:
            from contractgen.repo.dask_executor import execute_on_dask

            return execute_on_dask(config, tasks, dask, shown.done, run_one_task)
        with part_cache(config.root / CACHE_DIR, config.root):  # PDF parts that did not change are not laid out again
            # warm even for one job: each deal renders in a bounded worker forked from this process
            _warm_up(config, {fmt for task in tasks for fmt, _out in task.outputs})
            results = run_each(tasks, _run_task, jobs, shown, _ensure_worker, (config,), name=lambda task: task.deal)
    return [{"deal": task.deal, **result} for task, result in zip(tasks, results)]
