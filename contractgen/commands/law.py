"""Commands on the law records: `law list` and `law show ID` (what a record says, where it comes
from, which clauses and deals use it)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from contractgen.checks.law_usage import clauses_using, record_row
from contractgen.commands.common import browsing_group
from contractgen.errors import ContractgenError


def deals_using(record, config, workspace) -> list[str]:
    """The deals that read the record: from the lock in a contracts repository, else the built-in samples."""
    if config is not None:
        from contractgen.repo.lockfile import read_lock

        lock = read_lock(config.lock_path)
        if lock is not None:
            return sorted(rel for rel, entry in lock.deals.items() if record.rel in (entry.get("law") or {}))
        paths = [(rel, config.root / rel) for rel in config.deal_paths()]
    else:
        paths = [(f"samples/{p.name}", p) for p in sorted((Path(workspace.root) / "samples").glob("*.yaml"))]
    from contractgen.deal import load_deal
    from contractgen.law.usage import used_hashes

    found = []
    for rel, path in paths:
        try:
            if record.rel in used_hashes(load_deal(path).deal, workspace.law):
                found.append(rel)
        except ContractgenError:
            continue  # a deal that does not load reads no law; `validate` says why
    return found


@browsing_group("law", "list")
def law() -> None:
    """Browse the law records: `law list`, `law show ID` (a repository's records over the built-in ones)."""


@law.command("list")
@click.option(
    "--kind",
    "kind",
    default=None,
    help="Only records of one kind (jurisdictions, families, privacy, mechanisms, sector, forums).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the records as JSON.")
@click.pass_obj
def list_law(chosen, kind: str | None = None, as_json: bool = False) -> None:
    """List every law record in force: id, name, as_of, and whether it is built in or the repository's."""
    from contractgen.law.library import KINDS

    workspace, _config = chosen
    kinds = [kind] if kind else list(KINDS)
    rows = [record_row(r) for k in kinds for r in workspace.law.records(k).values()]
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("id", "name", "as_of", "reviewed", "from", box=None, pad_edge=False)
    for row in rows:
        table.add_row(row["id"], row["name"], row["as_of"], row["reviewed_on"] or "—", row["origin"])
    Console(width=160).print(table)


@law.command("show")
@click.argument("ident")
@click.option("--json", "as_json", is_flag=True, help="Print the record, its provenance and its users as JSON.")
@click.pass_obj
def show_law(chosen, ident: str, as_json: bool = False) -> None:
    """Show what a law record says (ID: privacy/uk-gdpr, law/privacy/uk-gdpr.yaml, or uk-gdpr), its sources,
    and the clauses and deals that use it."""
    from contractgen.law.checks import describe

    workspace, config = chosen
    record = workspace.law.get(ident)
    parts = describe(record)
    try:
        clauses = clauses_using(record, workspace.library)
    except ContractgenError:
        clauses = []
    deals = deals_using(record, config, workspace)
    if as_json:
        click.echo(
            json.dumps(
                {**record_row(record), **parts, "clauses": clauses, "deals": deals},
                indent=2,
                ensure_ascii=False,
                default=str,
            )
        )
        return
    import yaml

    provenance = parts["provenance"]
    click.echo(f"{record.ref}: {record_row(record)['name']}")
    click.echo(
        f"  file:      {record.rel} ({record.origin}{', replacing the built-in record' if record.origin == 'repository' and _overrides(record) else ''})"
    )
    click.echo(f"  as of:     {provenance.get('as_of', '—')}")
    reviewed = (
        f"{provenance.get('reviewed_by')} on {provenance.get('reviewed_on')}"
        if provenance.get("reviewed_by")
        else "not yet"
    )
    click.echo(f"  reviewed:  {reviewed}")
    click.echo("  sources:")
    for source in provenance.get("sources") or ():
        click.echo(f"    - {source}")
    click.echo(f"  clauses:   {', '.join(clauses) or 'none names it'}")
    click.echo(f"  deals:     {', '.join(deals) or 'none'}")
    click.echo("\n--- what it says ---")
    click.echo(yaml.safe_dump(parts["says"], sort_keys=False, allow_unicode=True, width=110).rstrip())


def _overrides(record) -> bool:
    """Whether a repository's record replaces a built-in one."""
    from contractgen.law.library import library

    return record.id in library().records(record.kind)
