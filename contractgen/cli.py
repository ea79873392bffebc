"""The command line: render, validate, schema and clauses (exit 0 ok · 1 differences · 2 bad input)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .errors import ContractgenError

EXIT_OK, EXIT_DIFFERENCES, EXIT_BAD_INPUT = 0, 1, 2


def _err(line: str) -> None:
    click.echo(line, err=True)


def _report(exc: ContractgenError) -> None:
    for line in exc.lines():
        _err(line)


def _formats(value: str) -> tuple[str, ...]:
    from .build import FORMATS

    chosen = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)} (comma-separated)")
    return chosen


def _workspace(root: Path | None):
    from .build import Workspace, project_root

    return Workspace(Path(root) if root else project_root())


root_option = click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
                           help="Folder with clauses/ and templates/ (default: the built-in library).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="contractgen")
def main() -> None:
    """Generate IT outsourcing contracts (DOCX and PDF) from deal specifications."""


@main.command()
@click.argument("deals", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help="Folder for the rendered files.")
@click.option("--format", "formats", default="docx,pdf", show_default=True, help="Output formats, comma-separated.")
@click.option("--strict", is_flag=True, help="Treat warnings (e.g. deprecated clauses) as errors.")
@root_option
def render(deals: tuple[Path, ...], out_dir: Path, formats: str, strict: bool, root: Path | None) -> None:
    """Render each DEAL.yaml into OUT/<deal>.docx and OUT/<deal>.pdf."""
    from .build import render_deal
    from .outputs import remove_stale_temporaries

    chosen = _formats(formats)
    workspace = _workspace(root)
    remove_stale_temporaries(out_dir)
    failed = False
    for deal in deals:
        try:
            if strict:
                _check_strict(deal, workspace)
            written, warnings = render_deal(deal, out_dir, chosen, workspace)
        except ContractgenError as exc:
            _report(exc)
            failed = True
            continue
        for warning in warnings:
            _err(f"{deal}: warning: {warning}")
        click.echo(f"{deal} → " + ", ".join(str(p) for p in written))
    sys.exit(EXIT_BAD_INPUT if failed else EXIT_OK)


def _check_strict(deal_path: Path, workspace) -> None:
    from .build import build_document, load_deal_path

    result = build_document(load_deal_path(deal_path), deal_path, workspace)
    if result.warnings:
        raise ContractgenError("\n".join(f"{deal_path}: warning treated as error (--strict): {w}" for w in result.warnings))


@main.command()
@click.argument("deals", nargs=-1, required=True, type=click.Path(path_type=Path))
@root_option
def validate(deals: tuple[Path, ...], root: Path | None) -> None:
    """Check each DEAL.yaml and the clauses it resolves to; print every problem as file:line: field: message."""
    from .build import build_document, load_deal_path

    workspace = _workspace(root)
    failed = False
    for deal_path in deals:
        try:
            deal = load_deal_path(deal_path)
            result = build_document(deal, deal_path, workspace)
        except ContractgenError as exc:
            _report(exc)
            failed = True
            continue
        for warning in result.warnings:
            _err(f"{deal_path}: warning: {warning}")
        click.echo(f"{deal_path}: ok ({len(result.resolution.versions())} clauses)")
    sys.exit(EXIT_BAD_INPUT if failed else EXIT_OK)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the deal specification."""
    from .spec import deal_json_schema

    click.echo(json.dumps(deal_json_schema(), indent=2, sort_keys=True))


@main.group(invoke_without_command=True)
@root_option
@click.pass_context
def clauses(ctx: click.Context, root: Path | None) -> None:
    """Browse the clause library: `clauses list`, `clauses show ID`."""
    ctx.obj = _workspace(root)
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_clauses)


@clauses.command("list")
@click.pass_obj
def list_clauses(workspace) -> None:
    """List every clause with its versions and their status."""
    from rich.console import Console
    from rich.table import Table

    try:
        library = workspace.library
    except ContractgenError as exc:
        _report(exc)
        sys.exit(EXIT_BAD_INPUT)
    table = Table("id", "group", "title", "versions", "default", box=None, pad_edge=False)
    for clause in library.clauses.values():
        default = clause.newest(("approved",)) or clause.newest(("deprecated",))
        versions = " ".join(f"v{n}:{clause.versions[n].status}" for n in sorted(clause.versions))
        table.add_row(clause.id, clause.group, (default or clause.versions[max(clause.versions)]).title,
                      versions, f"v{default.version}" if default else "—")
    Console(width=160).print(table)


@clauses.command("show")
@click.argument("clause_id")
@click.option("--version", "version", type=int, default=None, help="A version number (default: the one a deal gets).")
@click.pass_obj
def show_clause(workspace, clause_id: str, version: int | None) -> None:
    """Show a clause's versions, what changed in each, and the text of one version."""
    try:
        library = workspace.library
    except ContractgenError as exc:
        _report(exc)
        sys.exit(EXIT_BAD_INPUT)
    clause = library.get(clause_id)
    if clause is None:
        _err(f"unknown clause id '{clause_id}'{library.suggest(clause_id)}")
        sys.exit(EXIT_BAD_INPUT)
    chosen = clause.versions.get(version) if version else (clause.newest(("approved",)) or clause.newest(("deprecated",)) or clause.versions[max(clause.versions)])
    if chosen is None:
        _err(f"clause '{clause_id}' has no version {version}")
        sys.exit(EXIT_BAD_INPUT)
    click.echo(f"{clause.id} ({clause.group}) — {chosen.title}")
    for number in sorted(clause.versions):
        v = clause.versions[number]
        note = f": {v.changes}" if v.changes else ""
        click.echo(f"  v{number} {v.status}{note}")
    if chosen.when:
        click.echo(f"when: {chosen.when}")
    if chosen.defines:
        click.echo("defines: " + ", ".join(term for term, _ in chosen.defines))
    if chosen.covers:
        click.echo("covers: " + ", ".join(chosen.covers))
    click.echo(f"\n--- v{chosen.version} ({chosen.path.relative_to(library.root.parent)}) ---")
    click.echo(chosen.body.strip("\n"))


# ---------------------------------------------------------------- lint and coverage (library checks)


@main.command()
@root_option
@click.option("--template", "template", default=None, help="Check one document template (default: every template).")
def lint(root: Path | None, template: str | None) -> None:
    """Check the clause library and the template: front matter, references, variables, terms, outline."""
    from .lint import lint_library

    workspace = _workspace(root)
    report = lint_library(workspace.root, template)
    for message in report.messages:
        click.echo(str(message))
    if report.errors:
        _err(f"lint: {len(report.errors)} problem{'s' if len(report.errors) != 1 else ''}, "
             f"{len(report.warnings)} warning{'s' if len(report.warnings) != 1 else ''} "
             f"({report.clauses} clauses, {report.versions} versions)")
        sys.exit(EXIT_BAD_INPUT)
    click.echo(f"lint: clean ({report.clauses} clauses, {report.versions} versions)")
    sys.exit(EXIT_OK)


@main.command()
@click.argument("deal", type=click.Path(path_type=Path))
@root_option
@click.option("--needed-only", is_flag=True, help="Leave out the items this deal does not need.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def coverage(deal: Path, root: Path | None, needed_only: bool, as_json: bool) -> None:
    """Show which checklist items DEAL needs and the clauses (by number) that cover them; exit 1 if any is MISSING."""
    from .coverage import deal_coverage, rows_as_json, rows_as_text, summary_counts

    try:
        parsed, rows = deal_coverage(deal, _workspace(root))
    except ContractgenError as exc:
        _report(exc)
        sys.exit(EXIT_BAD_INPUT)
    if as_json:
        click.echo(json.dumps(rows_as_json(deal, parsed.template, rows, needed_only), indent=2, ensure_ascii=False))
    else:
        for line in rows_as_text(rows, needed_only):
            click.echo(line)
    sys.exit(EXIT_DIFFERENCES if summary_counts(rows)["missing"] else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
