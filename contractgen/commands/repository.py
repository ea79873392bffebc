"""Commands on a contracts repository: init, build, check, lock merge, impact and explain."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from contractgen.commands.common import (
    EXIT_DIFFERENCES,
    EXIT_OK,
    deal_args,
    directory_option,
    echo_err,
    message_format_option,
    print_problem,
    repo_config,
)
from contractgen.errors import ContractgenError


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--install-from",
    "install_from",
    default=None,
    metavar="SOURCE",
    help="How CI installs contractgen: a version (0.1.0), a git URL at a tag (git+https://…@v0.1.0) or a "
    "wheel file (copied under .contractgen/); default: the way this copy was installed.",
)
def init(directory: Path, install_from: str | None) -> None:
    """Create a contracts repository in DIRECTORY: settings, library copy, a sample deal, CI workflow."""
    from contractgen.repo.config import init_repo

    notes: list[str] = []
    created = init_repo(directory, install_from=install_from, notes=notes)
    for path in created:
        click.echo(f"created {path}")
    for note in notes:
        echo_err(f"note: {note}")
    click.echo(f"next: cd {directory} && contractgen build")


@click.command()
@click.argument("deals", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: one per core)."
)
@click.option("--force", is_flag=True, help="Replace outputs that were edited by hand.")
@click.option("--rebuild", is_flag=True, help="Render every deal again, even those the lock says are current.")
@click.option(
    "-k",
    "--keep-going",
    is_flag=True,
    help="Build every deal that can be built; report the bad ones and exit 1 (default: stop, change nothing).",
)
@click.option(
    "--redline",
    is_flag=True,
    help="Also write <deal>.redline.docx/.pdf for each re-rendered contract, against the previous build.",
)
@click.option(
    "--shard",
    "shard_text",
    default=None,
    metavar="K/N",
    help="Build only shard K of N (a stable split by deal path) and write a partial lock; "
    "join the N partial locks with `contractgen lock merge`.",
)
@click.option(
    "--dask",
    "dask",
    default=None,
    metavar="ADDRESS",
    help="Render on a dask.distributed cluster: a scheduler address (tcp://host:8786) or local[:N].",
)
@click.option(
    "--author",
    default=None,
    help="Who the redlines' tracked changes are by (default: git's user.name, else contractgen).",
)
@directory_option
@message_format_option
def build(
    deals: tuple[Path, ...],
    jobs: int | None,
    force: bool,
    rebuild: bool,
    keep_going: bool,
    redline: bool,
    shard_text: str | None,
    dask: str | None,
    author: str | None,
    directory: Path | None,
) -> None:
    """Render every deal (or each DEAL) whose inputs changed, then update contractgen.lock."""
    from contractgen.repo.build import run_build
    from contractgen.repo.shards import parse_shard

    shard = parse_shard(shard_text) if shard_text is not None else None
    config = repo_config(directory)
    report = run_build(
        config,
        deal_args(config, deals),
        jobs=jobs,
        force=force,
        redline=redline,
        keep_going=keep_going,
        rebuild=rebuild,
        shard=shard,
        dask=dask,
        author=author,
    )
    for line in report.messages:
        print_problem(line)
    for line in report.warnings:
        print_problem(line)
    for rel, reasons in sorted(report.rendered.items()):
        click.echo(f"{rel}: rendered" + (f" ({'; '.join(reasons)})" if reasons else ""))
        for path in report.redlines.get(rel, []):
            click.echo(f"{rel}: redline {path}")
        for note in report.notes.get(rel, []):
            click.echo(f"{rel}: {note}")
    if report.exit_code == EXIT_OK or (keep_going and report.exit_code == EXIT_DIFFERENCES):
        click.echo(
            f"build: {len(report.rendered)} rendered, {len(report.written)} file(s) written, "
            f"{report.checked - len(report.rendered) - len(report.failed)} up to date"
            + (f", {len(report.failed)} not built" if report.failed else "")
            + ("; contractgen.lock updated" if report.lock_written else "")
            + (f"; partial lock {report.partial_lock}" if report.partial_lock else "")
        )
    sys.exit(report.exit_code)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@directory_option
@message_format_option
def check(as_json: bool, directory: Path | None) -> None:
    """Exit 0 when every output matches its inputs and the lock, 1 (listing why) otherwise; renders nothing."""
    from contractgen.repo.staleness import assess, check_lines, settle_undecided

    config = repo_config(directory)
    assessment = assess(config)
    settle_undecided(assessment)
    if as_json:
        click.echo(json.dumps(assessment.to_json(), indent=2, sort_keys=True, ensure_ascii=False))
    else:
        for line in check_lines(assessment):
            print_problem(line, err=False)
        for note in assessment.tool_notes:
            echo_err(f"note: {note}")
        stale = sum(1 for s in assessment.deals.values() if s.stale or s.edited)
        echo_err(
            f"check: {len(assessment.deals)} deal(s), {stale} out of date"
            + (f", {len(assessment.violations)} released clause version(s) changed" if assessment.violations else "")
        )
    sys.exit(EXIT_OK if assessment.up_to_date else EXIT_DIFFERENCES)


@click.group()
def lock() -> None:
    """Work with contractgen.lock: join the partial locks of a sharded build."""


@lock.command("merge")
@click.argument("parts", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--remove", is_flag=True, help="Delete the partial locks once merged.")
@directory_option
def lock_merge(parts: tuple[Path, ...], remove: bool, directory: Path | None) -> None:
    """Join the partial locks of `build --shard K/N` (default: every contractgen.lock.shard-*) into contractgen.lock."""
    from contractgen.repo.shards import merge_into

    config = repo_config(directory)
    paths = list(parts) or sorted(config.lock_path.parent.glob(config.lock_path.name + ".shard-*"))
    changed = merge_into(config.lock_path, paths, remove=remove)
    click.echo(
        f"lock merge: {len(paths)} partial lock(s) joined; "
        + ("contractgen.lock updated" if changed else "contractgen.lock unchanged")
    )


@click.command()
@click.option("--since", "since", default=None, help="Compare the library with this git ref instead of the lock.")
@click.option(
    "--context",
    "context_lines",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Lines of context in the diffs.",
)
@click.option("--exit-code", "exit_code", is_flag=True, help="Exit 1 when a contract changes (default: 0, a report).")
@click.option("--markdown", is_flag=True, help="Write the report as Markdown (for a CI job summary).")
@directory_option
def impact(since: str | None, context_lines: int, exit_code: bool, markdown: bool, directory: Path | None) -> None:
    """Say which contracts each clause library or law record change reaches, with what changed and one diff per change (exit 0)."""
    from contractgen.law.library import use_law
    from contractgen.repo.impact import law_impact, library_impact
    from contractgen.repo.impact_report import report_markdown, report_text, titles_of
    from contractgen.repo.staleness import RepoLibrary

    config = repo_config(directory)
    use_law(config.law_dir if config.law_dir.is_dir() else None)
    from contractgen.templating.worker import Limits, run_bounded

    # every changed clause version rendered against the deals it reaches: in a bounded worker
    changes = run_bounded(
        library_impact, config, since, context_lines, what="impact", limits=Limits.from_environment().scaled(10)
    )
    laws = law_impact(config, since)
    if not changes and not laws:
        click.echo("_No contract changes._" if markdown else "impact: no contract changes")
        sys.exit(EXIT_OK)
    for law in laws:
        click.echo(f"### {law.heading()}" if markdown else law.heading())
        click.echo("\n".join(f"- `{deal}`" if markdown else f"  {deal}" for deal in law.deals) + "\n")
    if not changes:
        sys.exit(EXIT_DIFFERENCES if exit_code else EXIT_OK)
    workspace = RepoLibrary(config)
    try:
        library = workspace.library
    except ContractgenError:
        library = None
    outlines = []
    for folder in sorted(config.templates_dir.glob("*/outline.yaml")):
        try:
            outlines.append(workspace.outline(folder.parent.name))
        except ContractgenError:
            pass  # a template that does not load only means fewer schedule titles
    titles = titles_of(library, outlines)
    click.echo((report_markdown if markdown else report_text)(changes, library, titles))
    sys.exit(EXIT_DIFFERENCES if exit_code else EXIT_OK)


@click.command()
@click.argument("output", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the full record (with any attachments) as JSON.")
@click.option("--full", is_flag=True, help="Print the full record as text (every clause version, hashes, attachments).")
def explain(output: Path, as_json: bool, full: bool) -> None:
    """Say where a contract file came from: its deal, when it was made, clause versions that are not the newest."""
    from contractgen.pipeline import Workspace, project_root
    from contractgen.repo.config import find_repo, load_config
    from contractgen.repo.explain import lock_entry_of, summary, when_made
    from contractgen.repo.provenance import format_record, read_provenance

    record = read_provenance(output)
    if as_json or full:
        click.echo(
            json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False) if as_json else format_record(record)
        )
        return
    repo = find_repo(output.resolve().parent)
    config = load_config(repo) if repo is not None else None
    workspace = (
        Workspace(
            config.root, clauses_dir=config.clauses_dir, templates_dir=config.templates_dir, law_dir=config.law_dir
        )
        if config is not None
        else Workspace(project_root())
    )
    try:
        library = workspace.library
    except ContractgenError:
        library = None
    click.echo(summary(record, library, lock_entry_of(record, config), when_made(output), workspace.law))
