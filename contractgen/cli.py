"""The command line: render, validate, schema and clauses (exit 0 ok · 1 differences · 2 bad input)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from contractgen import __version__
from contractgen.errors import ContractgenError

EXIT_OK, EXIT_DIFFERENCES, EXIT_BAD_INPUT = 0, 1, 2


def _err(line: str) -> None:
    click.echo(line, err=True)


_MESSAGES: dict[str, str | None] = {"format": None}  # --format text|github; None: GITHUB_ACTIONS decides


def _github() -> bool:
    from contractgen.annotations import use_github

    return use_github(_MESSAGES["format"])


def _problem(line: str, err: bool = True) -> None:
    """Print one problem line, as a GitHub annotation (`::error file=…,line=…::`) on a runner or with --format github."""
    if _github():
        from contractgen.annotations import annotation

        line = annotation(line)
    click.echo(line, err=err)


def _report(exc: ContractgenError) -> None:
    for line in exc.lines():
        _problem(line)


def _set_message_format(_ctx, _param, value):
    _MESSAGES["format"] = value
    return value


message_format_option = click.option(
    "--format", "message_format", type=click.Choice(["text", "github"]), default=None, expose_value=False,
    callback=_set_message_format,
    help="How problems are printed: text, or github annotations (default: github when GITHUB_ACTIONS is set).")


class ErrorBoundary(click.Group):
    """The command group that turns a ContractgenError into its message and exit code (never a traceback)."""

    def invoke(self, ctx: click.Context):
        """Run the command; report a ContractgenError line by line on stderr and exit with its code."""
        try:
            return super().invoke(ctx)
        except ContractgenError as exc:
            _report(exc)
            ctx.exit(exc.exit_code)


def _each(items, action) -> bool:
    """Run `action(item)` for every item, reporting a ContractgenError and going on; return True if all passed."""
    ok = True
    for item in items:
        try:
            action(item)
        except ContractgenError as exc:
            _report(exc)
            ok = False
    return ok


def _formats(value: str) -> tuple[str, ...]:
    from contractgen.writers import FORMATS

    chosen = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)} (comma-separated)")
    return chosen


def _workspace(root: Path | None):
    """Return the Workspace of the library a command uses, saying on stderr which one it is."""
    return _choose_library(root)[0]


def _choose_library(root: Path | None, quiet: bool = False):
    """Return (Workspace, RepoConfig or None) of the library a command uses, saying on stderr which one.

    --root/-C names a library folder or a contracts repository; without it, the contracts repository
    around the current folder (found like git, walking up to contractgen.toml), else the built-in library.
    """
    from contractgen.pipeline import Workspace, project_root
    from contractgen.repo.config import CONFIG_NAME, find_repo, load_config

    config = None
    if root is not None and (Path(root) / "clauses").is_dir() and not (Path(root) / CONFIG_NAME).is_file():
        workspace, label = Workspace(Path(root)), f"library {root}"
    else:
        repo = find_repo(root) if root is not None else find_repo()
        if repo is None and root is not None:
            raise ContractgenError(f"{root}: neither a library (no clauses/ folder) nor inside a contracts repository")
        if repo is None:
            workspace, label = Workspace(project_root()), "built-in library"
        else:
            config = load_config(repo)
            workspace = Workspace(config.root, clauses_dir=config.clauses_dir, templates_dir=config.templates_dir)
            label = f"library of the contracts repository {config.root}"
    if label and not quiet:
        _err(f"using the {label}")
    return workspace, config


root_option = click.option("--root", "-C", "root", type=click.Path(file_okay=False, path_type=Path), default=None,
                           help="A library folder (clauses/, templates/) or a contracts repository "
                                "(default: the repository around the current folder, else the built-in library).")


@click.group(cls=ErrorBoundary, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=__version__, prog_name="contractgen")
def main() -> None:
    """Generate IT outsourcing contracts (DOCX and PDF) from deal specifications."""


@main.command()
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

    chosen = _formats(formats)
    workspace, config = _choose_library(root)
    out_dir = _output_folder(out_dir, config)
    remove_stale_temporaries(out_dir)

    def render_one(deal: Path) -> None:
        if strict:
            _check_strict(deal, workspace)
        written, warnings = render_deal(deal, out_dir, chosen, workspace)
        for warning in warnings:
            _problem(f"{deal}: warning: {warning}")
        click.echo(f"{deal} → " + ", ".join(str(p) for p in written))

    sys.exit(EXIT_OK if _each(deals, render_one) else EXIT_BAD_INPUT)


def _output_folder(out_dir: Path | None, config) -> Path:
    """Return where render/redline write: never the output folder `contractgen build` keeps in a repository."""
    if config is None:
        return out_dir or Path("out")
    if out_dir is None:
        return config.root / "preview"
    target, managed = out_dir.resolve(), config.output_dir.resolve()
    if target == managed or managed in target.parents:
        _err(f"{out_dir}: this folder holds the contracts `contractgen build` writes and contractgen.lock records; "
             "rendering into it would leave them edited by hand. Run `contractgen build DEAL`, "
             "or render somewhere else with -o (the default inside a repository is preview/).")
        sys.exit(EXIT_BAD_INPUT)
    return out_dir


def _check_strict(deal_path: Path, workspace) -> None:
    from contractgen.pipeline import build_document, load_deal_path

    result = build_document(load_deal_path(deal_path), deal_path, workspace)
    if result.warnings:
        raise ContractgenError("\n".join(f"{deal_path}: warning treated as error (--strict): {w}" for w in result.warnings))


@main.command()
@click.argument("deals", nargs=-1, type=click.Path(path_type=Path))
@root_option
@message_format_option
def validate(deals: tuple[Path, ...], root: Path | None) -> None:
    """Check each DEAL.yaml (default: every deal of the repository) and the clauses it resolves to.

    Every problem prints as file:line: field: message.
    """
    import os

    from contractgen.pipeline import build_document, load_deal_path

    workspace, config = _choose_library(root)
    if not deals:
        if config is None:
            raise click.UsageError("name one or more DEAL files (outside a contracts repository there is no default)")
        deals = tuple(Path(os.path.relpath(config.root / rel)) for rel in config.deal_paths())

    def validate_one(deal_path: Path) -> None:
        result = build_document(load_deal_path(deal_path), deal_path, workspace)
        for warning in result.warnings:
            _problem(f"{deal_path}: warning: {warning}")
        click.echo(f"{deal_path}: ok ({len(result.resolution.versions())} clauses)")

    sys.exit(EXIT_OK if _each(deals, validate_one) else EXIT_BAD_INPUT)


@main.command()
@root_option
def schema(root: Path | None) -> None:
    """Print the JSON Schema of the deal specification (with the template names of the library in use)."""
    from contractgen.repo.config import deal_schema_text

    click.echo(deal_schema_text(_workspace(root).templates_path), nl=False)


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

    library = workspace.library
    table = Table("id", "group", "title", "versions", "default", box=None, pad_edge=False)
    for clause in library.clauses.values():
        default = clause.default()
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
    library = workspace.library
    clause = library.get(clause_id)
    if clause is None:
        _err(f"unknown clause id '{clause_id}'{library.suggest(clause_id)}")
        sys.exit(EXIT_BAD_INPUT)
    chosen = clause.versions.get(version) if version else (clause.default() or clause.versions[max(clause.versions)])
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
@message_format_option
def lint(root: Path | None, template: str | None) -> None:
    """Check the clause library and the template: front matter, references, variables, terms, outline."""
    from contractgen.checks.lint import lint_library

    workspace = _workspace(root)
    report = lint_library(workspace.root, template)
    for message in report.messages:
        _problem(str(message), err=False)
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
    from contractgen.checks.coverage import deal_coverage, rows_as_json, rows_as_text, summary_counts

    parsed, rows = deal_coverage(deal, _workspace(root))
    if as_json:
        click.echo(json.dumps(rows_as_json(deal, parsed.template, rows, needed_only), indent=2, ensure_ascii=False))
    else:
        for line in rows_as_text(rows, needed_only):
            click.echo(line)
    sys.exit(EXIT_DIFFERENCES if summary_counts(rows)["missing"] else EXIT_OK)


# ---------------------------------------------------------------- contracts repository (init, build, check, impact, explain)


def _repo_config(directory: Path | None):
    from contractgen.repo.config import load_config

    return load_config(directory)


def _deal_args(config, deals: tuple[Path, ...]) -> list[str] | None:
    if not deals:
        return None
    chosen = []
    for deal in deals:
        path = (Path.cwd() / deal).resolve()
        try:
            chosen.append(path.relative_to(config.root.resolve()).as_posix())
        except ValueError:
            _err(f"{deal}: not inside the repository {config.root}")
            sys.exit(EXIT_BAD_INPUT)
    return sorted(dict.fromkeys(chosen))


directory_option = click.option("-C", "directory", type=click.Path(file_okay=False, path_type=Path), default=None,
                                help="Run in this contracts repository (default: the current folder or a parent).")


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Create a contracts repository in DIRECTORY: settings, library copy, a sample deal, CI workflow."""
    from contractgen.repo.config import init_repo

    created = init_repo(directory)
    for path in created:
        click.echo(f"created {path}")
    click.echo(f"next: cd {directory} && contractgen build")


@main.command()
@click.argument("deals", nargs=-1, type=click.Path(path_type=Path))
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: one per core).")
@click.option("--force", is_flag=True, help="Replace outputs that were edited by hand.")
@click.option("--rebuild", is_flag=True, help="Render every deal again, even those the lock says are current.")
@click.option("-k", "--keep-going", is_flag=True,
              help="Build every deal that can be built; report the bad ones and exit 1 (default: stop, change nothing).")
@click.option("--redline", is_flag=True,
              help="Also write <deal>.redline.docx/.pdf for each re-rendered contract, against the previous build.")
@click.option("--shard", "shard_text", default=None, metavar="K/N",
              help="Build only shard K of N (a stable split by deal path) and write a partial lock; "
                   "join the N partial locks with `contractgen lock merge`.")
@click.option("--dask", "dask", default=None, metavar="ADDRESS",
              help="Render on a dask.distributed cluster: a scheduler address (tcp://host:8786) or local[:N].")
@directory_option
@message_format_option
def build(deals: tuple[Path, ...], jobs: int | None, force: bool, rebuild: bool, keep_going: bool, redline: bool,
          shard_text: str | None, dask: str | None, directory: Path | None) -> None:
    """Render every deal (or each DEAL) whose inputs changed, then update contractgen.lock."""
    from contractgen.repo.build import run_build
    from contractgen.repo.shards import parse_shard

    shard = parse_shard(shard_text) if shard_text is not None else None
    config = _repo_config(directory)
    report = run_build(config, _deal_args(config, deals), jobs=jobs, force=force, redline=redline,
                       keep_going=keep_going, rebuild=rebuild, shard=shard, dask=dask)
    for line in report.messages:
        _problem(line)
    for line in report.warnings:
        _problem(line)
    for rel, reasons in sorted(report.rendered.items()):
        click.echo(f"{rel}: rendered" + (f" ({'; '.join(reasons)})" if reasons else ""))
        for path in report.redlines.get(rel, []):
            click.echo(f"{rel}: redline {path}")
        for note in report.notes.get(rel, []):
            click.echo(f"{rel}: {note}")
    if report.exit_code == EXIT_OK or (keep_going and report.exit_code == EXIT_DIFFERENCES):
        click.echo(f"build: {len(report.rendered)} rendered, {len(report.written)} file(s) written, "
                   f"{report.checked - len(report.rendered) - len(report.failed)} up to date"
                   + (f", {len(report.failed)} not built" if report.failed else "")
                   + ("; contractgen.lock updated" if report.lock_written else "")
                   + (f"; partial lock {report.partial_lock}" if report.partial_lock else ""))
    sys.exit(report.exit_code)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@directory_option
@message_format_option
def check(as_json: bool, directory: Path | None) -> None:
    """Exit 0 when every output matches its inputs and the lock, 1 (listing why) otherwise; renders nothing."""
    from contractgen.repo.staleness import assess, check_lines, settle_undecided

    config = _repo_config(directory)
    assessment = assess(config)
    settle_undecided(assessment)
    if as_json:
        click.echo(json.dumps(assessment.to_json(), indent=2, sort_keys=True, ensure_ascii=False))
    else:
        for line in check_lines(assessment):
            _problem(line, err=False)
        for note in assessment.tool_notes:
            _err(f"note: {note}")
        stale = sum(1 for s in assessment.deals.values() if s.stale or s.edited)
        _err(f"check: {len(assessment.deals)} deal(s), {stale} out of date" +
             (f", {len(assessment.violations)} released clause version(s) changed" if assessment.violations else ""))
    sys.exit(EXIT_OK if assessment.up_to_date else EXIT_DIFFERENCES)


@main.group()
def lock() -> None:
    """Work with contractgen.lock: join the partial locks of a sharded build."""


@lock.command("merge")
@click.argument("parts", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--remove", is_flag=True, help="Delete the partial locks once merged.")
@directory_option
def lock_merge(parts: tuple[Path, ...], remove: bool, directory: Path | None) -> None:
    """Join the partial locks of `build --shard K/N` (default: every contractgen.lock.shard-*) into contractgen.lock."""
    from contractgen.repo.shards import merge_into

    config = _repo_config(directory)
    paths = list(parts) or sorted(config.lock_path.parent.glob(config.lock_path.name + ".shard-*"))
    changed = merge_into(config.lock_path, paths, remove=remove)
    click.echo(f"lock merge: {len(paths)} partial lock(s) joined; "
               + ("contractgen.lock updated" if changed else "contractgen.lock unchanged"))


@main.command()
@click.option("--since", "since", default=None, help="Compare the library with this git ref instead of the lock.")
@click.option("--context", "context_lines", type=click.IntRange(min=0), default=3, show_default=True,
              help="Lines of context in the diffs.")
@click.option("--exit-code", "exit_code", is_flag=True, help="Exit 1 when a contract changes (default: 0, a report).")
@directory_option
def impact(since: str | None, context_lines: int, exit_code: bool, directory: Path | None) -> None:
    """List the contracts a clause library change affects, with a clause-level text diff for each (a report: exit 0)."""
    from contractgen.repo.impact import library_impact

    config = _repo_config(directory)
    changes = library_impact(config, since, context_lines)
    if not changes:
        click.echo("impact: no contract changes")
        sys.exit(EXIT_OK)
    for change in changes:
        click.echo(change.render())
    click.echo(f"impact: {len(changes)} contract(s) change")
    sys.exit(EXIT_DIFFERENCES if exit_code else EXIT_OK)


@main.command()
@click.argument("output", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON.")
def explain(output: Path, as_json: bool) -> None:
    """Print where a contract file came from: deal hash, template, clause versions, contractgen version."""
    from contractgen.repo.provenance import format_record, read_provenance

    record = read_provenance(output)
    click.echo(json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False) if as_json else format_record(record))


# ---------------------------------------------------------------- redline (tracked changes between two deals)


@main.command()
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

    chosen = _formats(formats)
    workspace, config = _choose_library(root)
    out_dir = _output_folder(out_dir, config)
    remove_stale_temporaries(out_dir)
    written, result, warnings = redline_deals(old, new, out_dir, chosen, workspace)
    for warning in warnings:
        _err(f"warning: {warning}")
    counts = {}
    for entry in result.summary:
        counts[entry.change] = counts.get(entry.change, 0) + 1
    summary = ", ".join(f"{counts[k]} {label}" for k, label in (("inserted", "added"), ("deleted", "removed"),
                        ("changed", "changed"), ("renumbered", "renumbered")) if counts.get(k)) or "no differences"
    click.echo(f"{old} → {new}: {summary} → " + ", ".join(str(p) for p in written))
    sys.exit(EXIT_OK)


# ---------------------------------------------------------------- the web workspace


@main.command()
@click.argument("repo", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (other than localhost needs --token).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--token", envvar="CONTRACTGEN_WEB_TOKEN", default=None,
              help="Secret that browsers must present (required to listen beyond this machine).")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True, help="Render worker processes.")
@click.option("--time-limit", type=click.FloatRange(min=1), default=60.0, show_default=True,
              help="Seconds a render may take before it is stopped.")
def serve(repo: Path | None, host: str, port: int, token: str | None, workers: int, time_limit: float) -> None:
    """Open the web workspace on a contracts repository (REPO, default: the current folder)."""
    try:
        import uvicorn

        from contractgen.web.app import create_app
        from contractgen.web.security import check_bind
    except ImportError as exc:
        _err(f"the web workspace needs extra packages ({exc.name} is missing): pip install 'contractgen[web]'")
        sys.exit(EXIT_BAD_INPUT)
    try:
        check_bind(host, token)
        app = create_app(repo or Path.cwd(), token=token, host=host, workers=workers, time_limit=time_limit)
    except ContractgenError as exc:
        _report(exc)
        sys.exit(EXIT_BAD_INPUT)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"contractgen workspace on http://{shown}:{port}/" + (f"?token={token}" if token else "")
               + " (Ctrl+C stops it)")
    app.state.workspace.pool.warm_up()
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        app.state.workspace.pool.close()


if __name__ == "__main__":  # pragma: no cover
    main()
