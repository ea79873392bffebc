"""What every command shares: exit codes, how problems are printed (text or GitHub annotations),
the error boundary, and choosing the library and the output folder."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from contractgen.annotations import use_github
from contractgen.errors import ContractgenError
from contractgen.writers import FORMATS

EXIT_OK, EXIT_DIFFERENCES, EXIT_BAD_INPUT = 0, 1, 2


def echo_err(line: str) -> None:
    """Print one line on stderr."""
    click.echo(line, err=True)


_MESSAGES: dict[str, str | None] = {"format": None}  # --format text|github; None: GITHUB_ACTIONS decides


def _github() -> bool:

    return use_github(_MESSAGES["format"])


def print_problem(line: str, err: bool = True) -> None:
    """Print one problem line, as a GitHub annotation (`::error file=…,line=…::`) on a runner or with --format github."""
    if _github():
        from contractgen.annotations import annotation

        line = annotation(line)
    click.echo(line, err=err)


def print_warning(item, deal) -> None:
    """Print a build warning: a located drafting note as `file:line: warning: field: …`, a text after the deal's name."""
    print_problem(item.as_warning() if hasattr(item, "as_warning") else f"{deal}: warning: {item}")


def report_error(exc: ContractgenError) -> None:
    """Print every line of a ContractgenError as a problem."""
    for line in exc.lines():
        print_problem(line)


def _set_message_format(_ctx, _param, value):
    _MESSAGES["format"] = value
    return value


message_format_option = click.option(
    "--format",
    "message_format",
    type=click.Choice(["text", "github"]),
    default=None,
    expose_value=False,
    callback=_set_message_format,
    help="How problems are printed: text, or github annotations (default: github when GITHUB_ACTIONS is set).",
)

report_format_option = click.option(
    "--format",
    "message_format",
    type=click.Choice(["text", "github", "json"]),
    default=None,
    callback=_set_message_format,
    help="How problems and drafting notes are printed: text, github annotations (default when GITHUB_ACTIONS is "
    "set), or one JSON report on stdout.",
)


class ErrorBoundary(click.Group):
    """The command group that turns a ContractgenError into its message and exit code (never a traceback)."""

    def invoke(self, ctx: click.Context):
        """Run the command; report a ContractgenError line by line on stderr and exit with its code."""

        try:
            return super().invoke(ctx)
        except ContractgenError as exc:
            report_error(exc)
            ctx.exit(exc.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except OSError as exc:  # a file that cannot be read or written: the user's to fix, not a bug
            print_problem(f"{exc.filename}: {exc.strerror}" if exc.filename and exc.strerror else f"error: {exc}")
            ctx.exit(EXIT_BAD_INPUT)
        except Exception as exc:  # a bug: one line, exit 2; CONTRACTGEN_DEBUG=1 shows the traceback
            if os.environ.get("CONTRACTGEN_DEBUG"):
                raise
            print_problem(
                f"internal error: {type(exc).__name__}: {exc} (run with CONTRACTGEN_DEBUG=1 for the "
                "traceback, and please report it)"
            )
            ctx.exit(EXIT_BAD_INPUT)


def for_each_deal(items, action) -> bool:
    """Run `action(item)` for every item, reporting a ContractgenError and going on; return True if all passed."""
    ok = True
    for item in items:
        try:
            action(item)
        except ContractgenError as exc:
            report_error(exc)
            ok = False
    return ok


def parse_formats(value: str) -> tuple[str, ...]:
    """Return the chosen output formats of a --format value (comma-separated), refusing unknown ones."""
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)} (comma-separated)")
    return chosen


def library_workspace(root: Path | None):
    """Return the Workspace of the library a command uses, saying on stderr which one it is."""
    return choose_library(root)[0]


def choose_library(root: Path | None, quiet: bool = False):
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
            workspace = Workspace(
                config.root, clauses_dir=config.clauses_dir, templates_dir=config.templates_dir, law_dir=config.law_dir
            )
            label = f"library of the contracts repository {config.root}"
    if label and not quiet:
        echo_err(f"using the {label}")
    return workspace, config


root_option = click.option(
    "--root",
    "-C",
    "root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="A library folder (clauses/, templates/) or a contracts repository "
    "(default: the repository around the current folder, else the built-in library).",
)


def browsing_group(name: str, default: str, chosen: Callable[[Path | None], Any] = choose_library):
    """Make a command group that browses the chosen library (--root): its commands get `chosen(root)` as
    their object (click.pass_obj), and the group alone runs its `default` command."""

    def decorate(function: Callable[[], None]) -> click.Group:
        @click.group(name, invoke_without_command=True)
        @root_option
        @click.pass_context
        @functools.wraps(function)
        def group(ctx: click.Context, root: Path | None) -> None:
            ctx.obj = chosen(root)
            if ctx.invoked_subcommand is None:
                ctx.invoke(group.commands[default])

        return group

    return decorate


def output_options(what: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The options of a command that writes documents: -o/--output (the folder for `what`) and --format."""
    output = click.option(
        "-o",
        "--output",
        "out_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=f"Folder for {what} (default: out; preview/ inside a contracts repository).",
    )
    formats = click.option(
        "--format", "formats", default=",".join(FORMATS), show_default=True, help="Output formats, comma-separated."
    )
    return lambda command: output(formats(command))


def output_folder(out_dir: Path | None, config) -> Path:
    """Return where render/redline write: never the output folder `contractgen build` keeps in a repository."""
    if config is None:
        return out_dir or Path("out")
    if out_dir is None:
        from contractgen.safefs import is_inside

        preview = config.root / "preview"
        if not is_inside(preview, config.root):
            echo_err(
                f"{preview}: a symbolic link leads outside the repository; refusing to write there "
                "(make preview/ a real folder, or render somewhere else with -o)"
            )
            sys.exit(EXIT_BAD_INPUT)
        return preview
    target, managed = out_dir.resolve(), config.output_dir.resolve()
    if target == managed or managed in target.parents:
        echo_err(
            f"{out_dir}: this folder holds the contracts `contractgen build` writes and contractgen.lock records; "
            "rendering into it would leave them edited by hand. Run `contractgen build DEAL`, "
            "or render somewhere else with -o (the default inside a repository is preview/)."
        )
        sys.exit(EXIT_BAD_INPUT)
    return out_dir


def repo_config(directory: Path | None):
    """Return the settings of the contracts repository at or above `directory`."""
    from contractgen.repo.config import load_config

    return load_config(directory)


def deal_args(config, deals: tuple[Path, ...]) -> list[str] | None:
    """Return DEAL arguments as repository-relative paths (None for none); refuse one outside the repository."""
    if not deals:
        return None
    chosen = []
    for deal in deals:
        path = (Path.cwd() / deal).resolve()
        try:
            chosen.append(path.relative_to(config.root.resolve()).as_posix())
        except ValueError:
            echo_err(f"{deal}: not inside the repository {config.root}")
            sys.exit(EXIT_BAD_INPUT)
    return sorted(dict.fromkeys(chosen))


directory_option = click.option(
    "-C",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Run in this contracts repository (default: the current folder or a parent).",
)


PROGRAM = "contractgen"  # the console script's name: a command run as the program itself


def finish(code: int) -> None:
    """End a command that has written and printed everything, with exit status `code`.

    Run as the `contractgen` program, the process leaves once its output is flushed, without
    tearing the interpreter down: freeing the clause library, the law records and the models one
    object at a time cost a DOCX render about a tenth of its CPU, and its outputs are already
    written and closed. Inside another program (a test's click runner, an embedding), under a
    tracer such as coverage, or with CONTRACTGEN_DEBUG set, it exits normally (SystemExit).
    """
    standalone = os.path.basename(sys.argv[0] or "") == PROGRAM and sys.gettrace() is None
    if not standalone or "coverage" in sys.modules or os.environ.get("CONTRACTGEN_DEBUG"):
        sys.exit(code)
    import logging

    try:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        logging.shutdown()
    except Exception:  # noqa: BLE001 - a closed pipe: nothing more can be said, the status still counts
        pass
    os._exit(code)
