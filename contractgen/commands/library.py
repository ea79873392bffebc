"""Commands on the clause library: clauses (list, show), lint and coverage."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from contractgen.commands.common import (
    EXIT_BAD_INPUT,
    EXIT_DIFFERENCES,
    EXIT_OK,
    browsing_group,
    echo_err,
    library_workspace,
    message_format_option,
    print_problem,
    root_option,
)
from contractgen.errors import ContractgenError


@browsing_group("clauses", "list", library_workspace)
def clauses() -> None:
    """Browse the clause library: `clauses list`, `clauses show ID`."""


@clauses.command("list")
@click.pass_obj
def list_clauses(workspace) -> None:
    """List every clause with its versions and their status."""
    from rich.console import Console
    from rich.table import Table

    library = workspace.library
    table = Table("id", "group", "title", "versions", "default", box=None, pad_edge=False)
    for clause in library.clauses.values():
        default = clause.default()
        versions = " ".join(f"v{n}:{clause.versions[n].status}" for n in sorted(clause.versions))
        table.add_row(
            clause.id,
            clause.group,
            (default or clause.versions[max(clause.versions)]).plain_title,
            versions,
            f"v{default.version}" if default else "—",
        )
    Console(width=160).print(table)


@clauses.command("show")
@click.argument("clause_id")
@click.option("--version", "version", type=int, default=None, help="A version number (default: the one a deal gets).")
@click.pass_obj
def show_clause(workspace, clause_id: str, version: int | None) -> None:
    """Show a clause's versions, what changed in each, and the text of one version."""
    library = workspace.library
    clause = library.get(clause_id)
    if clause is None:
        echo_err(f"unknown clause id '{clause_id}'{library.suggest(clause_id)}")
        sys.exit(EXIT_BAD_INPUT)
    chosen = clause.versions.get(version) if version else (clause.default() or clause.versions[max(clause.versions)])
    if chosen is None:
        echo_err(f"clause '{clause_id}' has no version {version}")
        sys.exit(EXIT_BAD_INPUT)
    click.echo(f"{clause.id} ({clause.group}) — {chosen.plain_title}")
    for number in sorted(clause.versions):
        v = clause.versions[number]
        note = (f": {v.changes}" if v.changes else "") + (f" ({v.approval})" if v.approval else "")
        click.echo(f"  v{number} {v.status}{note}")
    if chosen.when:
        click.echo(f"when: {chosen.when}")
    if chosen.defines:
        click.echo("defines: " + ", ".join(term for term, _ in chosen.defines))
    if chosen.covers:
        click.echo("covers: " + ", ".join(chosen.covers))
    click.echo(f"\n--- v{chosen.version} ({chosen.path.relative_to(library.root.parent)}) ---")
    click.echo(chosen.body.strip("\n"))


@click.command()
@root_option
@click.option("--template", "template", default=None, help="Check one document template (default: every template).")
@message_format_option
def lint(root: Path | None, template: str | None) -> None:
    """Check the clause library and the template: front matter, references, variables, terms, outline."""
    from contractgen.checks.lint import lint_library
    from contractgen.templating.worker import Limits, run_bounded

    workspace = library_workspace(root)
    if (
        Path(workspace.clauses_path).resolve() != (workspace.root / "clauses").resolve()
        or Path(workspace.templates_path).resolve() != (workspace.root / "templates").resolve()
    ):
        raise ContractgenError(
            f"{workspace.root}: lint reads clauses/ and templates/ beside contractgen.toml; this "
            f"repository keeps them in {workspace.clauses_path} and {workspace.templates_path}"
        )
    # the whole library in one worker: ten renders' time (each condition keeps its own budget inside)
    report = run_bounded(
        lint_library, workspace.root, template, what="lint", limits=Limits.from_environment().scaled(10)
    )
    for message in report.messages:
        print_problem(str(message), err=False)
    if report.errors:
        echo_err(
            f"lint: {len(report.errors)} problem{'s' if len(report.errors) != 1 else ''}, "
            f"{len(report.warnings)} warning{'s' if len(report.warnings) != 1 else ''} "
            f"({report.clauses} clauses, {report.versions} versions)"
        )
        sys.exit(EXIT_BAD_INPUT)
    click.echo(f"lint: clean ({report.clauses} clauses, {report.versions} versions)")
    sys.exit(EXIT_OK)


@click.command()
@click.argument("deal", type=click.Path(path_type=Path))
@root_option
@click.option("--needed-only", is_flag=True, help="Leave out the items this deal does not need.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def coverage(deal: Path, root: Path | None, needed_only: bool, as_json: bool) -> None:
    """Show which checklist items DEAL needs and the clauses (by number) that cover them; exit 1 if any is MISSING."""
    from contractgen.checks.coverage import (
        deal_coverage_report,
        deviations_as_text,
        rows_as_json,
        rows_as_text,
        summary_counts,
    )

    parsed, rows, notes, deviations = deal_coverage_report(deal, library_workspace(root))
    if as_json:
        report = rows_as_json(deal, parsed.template, rows, needed_only)
        report["notes"] = [note.to_json() for note in notes]
        report["deviations"] = deviations
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        lines = rows_as_text(rows, needed_only)
        summary = lines.pop() if lines and lines[-1].startswith("coverage: ") else None
        for line in lines + deviations_as_text(deviations):
            click.echo(line)
        for note in notes:
            state = "acknowledged" if note.acknowledged else "open"
            click.echo(
                f"NOTE ({state}) {note.id} on {note.path or 'the deal'}"
                f"{' (clause ' + note.clause + ')' if note.clause else ''}: {note.message}"
            )
        if summary is not None:  # the count stays the last line, where scripts and people look for it
            click.echo(summary)
    sys.exit(EXIT_DIFFERENCES if summary_counts(rows)["missing"] else EXIT_OK)
