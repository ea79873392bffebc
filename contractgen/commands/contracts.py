"""Commands on deal files: render, validate, schema and redline."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from contractgen.commands.common import (
    EXIT_BAD_INPUT, EXIT_OK, choose_library, echo_err, for_each_deal, library_workspace, message_format_option, output_folder, parse_formats, print_problem, root_option,
)



@click.command()
@click.argument("deals", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the rendered files (default: out; preview/ inside a contracts repository).")
@click.option("--format", "formats", default="docx,pdf", show_default=True, help="Output formats, comma-separated.")
@click.option("--strict", is_flag=True, help="Treat warnings (e.g. deprecated clauses) as errors.")
@root_option
def render(deals: tuple[Path, ...], out_dir: Path | None, formats: str, strict: bool, root: Path | None) -> None:
    """Render each DEAL.yaml into OUT/<deal>.docx and OUT/<deal>.pdf."""
    from contractgen.pipeline import render_deal
    from contractgen.outputs import remove_stale_temporaries

    chosen = parse_formats(formats)
    workspace, config = choose_library(root)
    out_dir = output_folder(out_dir, config)
    remove_stale_temporaries(out_dir)

    def render_one(deal: Path) -> None:
        written, warnings = render_deal(deal, out_dir, chosen, workspace, strict=strict)
        for warning in warnings:
            print_problem(f"{deal}: warning: {warning}")
        click.echo(f"{deal} → " + ", ".join(str(p) for p in written))

    sys.exit(EXIT_OK if for_each_deal(deals, render_one) else EXIT_BAD_INPUT)


@click.command()
@click.argument("deals", nargs=-1, type=click.Path(path_type=Path))
@root_option
@message_format_option
def validate(deals: tuple[Path, ...], root: Path | None) -> None:
    """Check each DEAL.yaml (default: every deal of the repository) and the clauses it resolves to.

    Every problem prints as file:line: field: message.
    """
    import os

    from contractgen.pipeline import build_document, load_deal

    workspace, config = choose_library(root)
    if not deals:
        if config is None:
            raise click.UsageError("name one or more DEAL files (outside a contracts repository there is no default)")
        deals = tuple(Path(os.path.relpath(config.root / rel)) for rel in config.deal_paths())

    def validate_one(deal_path: Path) -> None:
        result = build_document(load_deal(deal_path), workspace)
        for warning in result.warnings:
            print_problem(f"{deal_path}: warning: {warning}")
        click.echo(f"{deal_path}: ok ({len(result.resolution.versions())} clauses)")

    sys.exit(EXIT_OK if for_each_deal(deals, validate_one) else EXIT_BAD_INPUT)


@click.command()
@root_option
def schema(root: Path | None) -> None:
    """Print the JSON Schema of the deal specification (with the template names of the library in use)."""
    from contractgen.repo.config import deal_schema_text

    click.echo(deal_schema_text(library_workspace(root).templates_path), nl=False)


@click.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for NEW.redline.docx and NEW.redline.pdf (default: out; preview/ inside a contracts repository).")
@click.option("--format", "formats", default="docx,pdf", show_default=True, help="Output formats, comma-separated.")
@root_option
def redline(old: Path, new: Path, out_dir: Path | None, formats: str, root: Path | None) -> None:
    """Write the contract of NEW with its differences from OLD marked (tracked changes, marked-up PDF)."""
    from contractgen.outputs import remove_stale_temporaries
    from contractgen.pipeline import redline_deals

    chosen = parse_formats(formats)
    workspace, config = choose_library(root)
    out_dir = output_folder(out_dir, config)
    remove_stale_temporaries(out_dir)
    written, result, warnings = redline_deals(old, new, out_dir, chosen, workspace)
    for warning in warnings:
        echo_err(f"warning: {warning}")
    counts = {}
    for entry in result.summary:
        counts[entry.change] = counts.get(entry.change, 0) + 1
    summary = ", ".join(f"{counts[k]} {label}" for k, label in (("inserted", "added"), ("deleted", "removed"),
                        ("changed", "changed"), ("renumbered", "renumbered")) if counts.get(k)) or "no differences"
    click.echo(f"{old} → {new}: {summary} → " + ", ".join(str(p) for p in written))
    sys.exit(EXIT_OK)
