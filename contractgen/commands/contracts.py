"""Commands on deal files: render, validate, schema and redline."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from functools import partial
from pathlib import Path

import click

from contractgen.commands.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    choose_library,
    echo_err,
    finish,
    library_workspace,
    output_folder,
    output_options,
    parse_formats,
    print_problem,
    print_warning,
    report_format_option,
    root_option,
)
from contractgen.errors import ContractgenError, Problem
from contractgen.repo.progress import DealProgress, run_each
from contractgen.writers import FORMATS


@click.command()
@click.argument("deals", nargs=-1, required=True, type=click.Path(path_type=Path))
@output_options("the rendered files")
@click.option(
    "--strict", is_flag=True, help="Treat warnings (e.g. deprecated clauses) and open drafting notes as errors."
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: one per core)."
)
@click.option(
    "--for-counterparty",
    "counterparty",
    is_flag=True,
    help="Write the copy to send to the other side, OUT/<deal>.counterparty.docx/.pdf: a draft's drafting notes "
    "(the client's open questions: Word comments and the notes page) are left out. Without it, the internal copy.",
)
@root_option
def render(
    deals: tuple[Path, ...],
    out_dir: Path | None,
    formats: str,
    strict: bool,
    jobs: int | None,
    counterparty: bool,
    root: Path | None,
) -> None:
    """Render each DEAL.yaml into OUT/<deal>.docx and OUT/<deal>.pdf."""
    from contractgen.outputs import remove_stale_temporaries

    chosen = parse_formats(formats)
    workspace, config = choose_library(root)
    out_dir = output_folder(out_dir, config)
    remove_stale_temporaries(out_dir)
    jobs = min(max(1, jobs or os.cpu_count() or 1), len(deals))
    if deals:  # parse the library and import the writers once, before the (bounded) workers fork
        try:
            workspace.library
        except ContractgenError:
            pass  # each deal reports it
        from contractgen.writers import prepare_templates

        prepare_templates(workspace.templates_path, chosen)  # the engines, not only the lazy packages
    with DealProgress([str(d) for d in deals], "rendering", None if len(deals) > 1 else False) as shown:
        results = run_each(
            list(deals), _render_one, jobs, shown, _render_worker, (workspace, out_dir, chosen, strict, counterparty)
        )
    ok = True
    for deal, result in zip(deals, results):
        if result["status"] == "error":
            ok = False
            for line in result["lines"]:
                print_problem(line)
            continue
        for warning in result["warnings"]:
            print_warning(warning, deal)
        click.echo(f"{deal} → " + ", ".join(result["written"]))
    finish(EXIT_OK if ok else EXIT_BAD_INPUT)


_RENDER: dict = {}


def _render_worker(workspace, out_dir: Path, formats: tuple[str, ...], strict: bool, counterparty: bool) -> None:
    """Worker initializer: what every deal of one `render` shares."""
    _RENDER.update(workspace=workspace, out_dir=out_dir, formats=formats, strict=strict, counterparty=counterparty)


def _render_one(deal: Path) -> dict:
    """Render one deal in this worker: {"status", "written", "warnings"}, or {"status": "error", "lines"}."""
    from contractgen.pipeline import render_deal

    try:
        if _RENDER["counterparty"]:
            written, warnings = _render_counterparty(deal)
        else:
            written, warnings = render_deal(
                deal,
                _RENDER["out_dir"],
                _RENDER["formats"],
                _RENDER["workspace"],
                strict=_RENDER["strict"],
                today=_today(),
            )
    except ContractgenError as exc:
        return {"status": "error", "lines": exc.lines()}
    except OSError as exc:
        return {"status": "error", "lines": [f"{exc.filename}: {exc.strerror}" if exc.filename else f"error: {exc}"]}
    return {"status": "rendered", "written": [str(p) for p in written], "warnings": list(warnings)}


def _render_counterparty(deal: Path) -> tuple[list[Path], list]:
    """Render the copy of one deal for the other side, OUT/<deal>.counterparty.<format>, without drafting notes."""
    from contractgen.deal.derived import dates_before
    from contractgen.document.copies import counterparty_copy
    from contractgen.outputs import write_outputs
    from contractgen.pipeline import build_deal, strict_problems
    from contractgen.writers import render_formats

    result = build_deal(deal, _RENDER["workspace"])
    if _RENDER["strict"] and (result.warnings or result.source.open_notes):
        raise ContractgenError(problems=strict_problems(result, deal))
    left_out = counterparty_copy(result.document)
    template_dir = _RENDER["workspace"].template_dir(result.source.deal.template)
    payloads = render_formats(result.document, template_dir, _RENDER["formats"])
    written = write_outputs(_RENDER["out_dir"], f"{deal.stem}.counterparty", payloads)
    today = _today()
    past = [f"{field}: {message}" for field, message in dates_before(result.source.deal, today)] if today else []
    return written, [*result.warnings, *left_out, *past]


@click.command()
@click.argument("deals", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings and open drafting notes as errors (for CI).")
@root_option
@report_format_option
def validate(deals: tuple[Path, ...], strict: bool, root: Path | None, message_format: str | None) -> None:
    """Check each DEAL.yaml (default: every deal of the repository) and the clauses it resolves to.

    Every problem prints as file:line: field: message, every drafting note as a warning with its id
    (exit 0 unless --strict); field errors, broken rules and clause-library errors come in one report.
    """

    workspace, config = choose_library(root, quiet=message_format == "json")
    if not deals:
        if config is None:
            raise click.UsageError("name one or more DEAL files (outside a contracts repository there is no default)")
        deals = tuple(Path(os.path.relpath(config.root / rel)) for rel in config.deal_paths())
    reports = [_checked(deal_path, workspace, strict) for deal_path in deals]
    if message_format == "json":
        click.echo(json.dumps({"deals": [r.to_json() for r in reports]}, indent=2, ensure_ascii=False))
    else:
        for report in reports:
            for problem in report.problems:
                print_problem(str(problem))
            named = " ".join(problem.message for problem in report.problems)
            for item in [
                *(n for n in report.open_notes if f"'{n.id}'" not in named and n.id not in named),
                *report.warnings,
            ]:
                print_warning(item, report.file)
            if report.ok:
                for field_name, message in _past_dates(Path(report.file)):
                    print_problem(f"{report.file}: warning: {field_name}: {message}")
                notes = f", {len(report.open_notes)} drafting notes" if report.open_notes else ""
                click.echo(f"{report.file}: ok ({report.clauses} clauses{notes})")
    sys.exit(EXIT_OK if all(r.ok for r in reports) else EXIT_BAD_INPUT)


def _past_dates(deal_path: Path) -> list[tuple[str, str]]:
    """A deal's dates that are already past today (CONTRACTGEN_TODAY, YYYY-MM-DD, else the clock).

    Printed by `validate` only, never written into a contract (outputs do not depend on the clock) and never an
    error under --strict (a deal does not become invalid as time passes).
    """
    from contractgen.deal.derived import dates_before
    from contractgen.deal.load import load_deal

    today = _today()
    try:
        return dates_before(load_deal(deal_path).deal, today) if today else []
    except (ContractgenError, ValueError, OSError):
        return []


def _today() -> dt.date | None:
    """Today for the past-dates warnings: CONTRACTGEN_TODAY (YYYY-MM-DD) if set, else the clock; None if unreadable."""
    given = os.environ.get("CONTRACTGEN_TODAY", "").strip()
    try:
        return dt.date.fromisoformat(given) if given else dt.date.today()
    except ValueError:
        return None


def _checked(deal_path: Path, workspace, strict: bool):
    """check_deal in a bounded render worker; a worker stopped at its limits is the deal's problem."""
    from contractgen.pipeline import DealReport, check_deal
    from contractgen.templating.worker import run_bounded

    try:
        workspace.library
    except ContractgenError:
        pass  # check_deal reports it
    try:
        return run_bounded(check_deal, deal_path, workspace, strict, what=str(deal_path))
    except ContractgenError as exc:
        report = DealReport(str(deal_path))
        report.problems = list(exc.problems) or [Problem(str(deal_path), None, "", line) for line in exc.lines()]
        return report


@click.command()
@root_option
def schema(root: Path | None) -> None:
    """Print the JSON Schema of the deal specification (with the template names of the library in use)."""
    from contractgen.repo.config import deal_schema_text

    click.echo(deal_schema_text(library_workspace(root).templates_path), nl=False)


@click.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@output_options("NEW.redline.docx and NEW.redline.pdf")
@click.option(
    "--author", default=None, help="Who the tracked changes are by (default: git's user.name, else contractgen)."
)
@root_option
def redline(old: Path, new: Path, out_dir: Path | None, formats: str, author: str | None, root: Path | None) -> None:
    """Write the contract of NEW with its differences from OLD marked (tracked changes, marked-up PDF)."""
    from contractgen.outputs import remove_stale_temporaries

    chosen = parse_formats(formats)
    workspace, config = choose_library(root)
    out_dir = output_folder(out_dir, config)
    remove_stale_temporaries(out_dir)

    from contractgen.templating.worker import Limits, run_bounded

    # two deals rendered and compared in one bounded worker: twice a render's time
    written, result, warnings = run_bounded(
        partial(redline_deals, old, new, out_dir, chosen, workspace, author=author),
        what=str(new),
        limits=Limits.from_environment().scaled(2),
    )
    for warning in warnings:
        echo_err(f"warning: {warning}")
    counts: dict[str, int] = {}
    for entry in result.summary:
        counts[entry.change] = counts.get(entry.change, 0) + 1
    summary = (
        ", ".join(
            f"{counts[k]} {label}"
            for k, label in (
                ("inserted", "added"),
                ("deleted", "removed"),
                ("changed", "changed"),
                ("renumbered", "renumbered"),
            )
            if counts.get(k)
        )
        or "no differences"
    )
    click.echo(f"{old} → {new}: {summary} → " + ", ".join(str(p) for p in written))
    sys.exit(EXIT_OK)


def write_redline(
    redline, template_dir: Path, out_dir: Path, stem: str, formats: tuple[str, ...] = FORMATS
) -> list[Path]:
    """Write <stem>.redline.docx/.pdf of a redline into out_dir (atomically); return the written paths."""
    from contractgen.outputs import write_outputs
    from contractgen.writers import render

    payloads = {fmt: render(None, template_dir, fmt, redline=redline) for fmt in formats}
    return write_outputs(out_dir, f"{stem}.redline", payloads)


def redline_deals(
    old_path: Path,
    new_path: Path,
    out_dir: Path,
    formats: tuple[str, ...] = FORMATS,
    workspace=None,
    author: str | None = None,
):
    """Build two deal files and write NEW.redline.docx/.pdf; return (paths, the Redline, warnings).

    The tracked changes are by `author` (else git's user.name) and dated now (SOURCE_DATE_EPOCH when set).
    """
    from contractgen.pipeline import Workspace, build_deal
    from contractgen.redline.authorship import redline_author, redline_date
    from contractgen.redline.diff import diff_documents

    workspace = workspace or Workspace()
    old_result = build_deal(old_path, workspace)
    new_result = build_deal(new_path, workspace)
    redline = diff_documents(old_result.document, new_result.document)
    redline.author, redline.date = redline_author(author, Path(new_path).resolve().parent), redline_date()
    template_dir = workspace.template_dir(new_result.source.deal.template)
    written = write_redline(redline, template_dir, out_dir, Path(new_path).stem, formats)
    return written, redline, old_result.warnings + new_result.warnings
