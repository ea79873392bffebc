"""The command that opens the web workspace: serve."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from contractgen.commands.common import (
    EXIT_BAD_INPUT,
    echo_err,
)


@click.command()
@click.argument("repo", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (other than localhost needs --token)."
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--token",
    envvar="CONTRACTGEN_WEB_TOKEN",
    default=None,
    help="Secret that browsers must present (required to listen beyond this machine).",
)
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True, help="Render worker processes.")
@click.option(
    "--time-limit",
    type=click.FloatRange(min=1),
    default=60.0,
    show_default=True,
    help="Seconds a render may take before it is stopped.",
)
@click.option(
    "--users",
    "users_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="YAML file of the people who may use the workspace (users: [{name, email, token}]); saves are committed "
    "under the name of the person whose token the browser presents.",
)
@click.option(
    "--user-header",
    default="",
    help="Trust this request header (e.g. X-Forwarded-User: 'Name <email>') to name the person saving; only "
    "for a proxy in front that sets it and strips it from what browsers send.",
)
def serve(
    repo: Path | None,
    host: str,
    port: int,
    token: str | None,
    workers: int,
    time_limit: float,
    users_file: Path | None,
    user_header: str,
) -> None:
    """Open the web workspace on a contracts repository (REPO, default: the current folder)."""
    try:
        from contractgen.web.app import create_app
        from contractgen.web.security import check_bind
        from contractgen.web.serving import serve as run_server, server_config
    except ImportError as exc:
        echo_err(f"the web workspace needs extra packages ({exc.name} is missing): pip install 'contractgen[web]'")
        sys.exit(EXIT_BAD_INPUT)
    from contractgen.web.people import check_header_name, load_users

    users = load_users(users_file) if users_file else {}
    header = check_header_name(user_header) if user_header else ""
    check_bind(host, token, users=bool(users))
    app = create_app(
        repo or Path.cwd(),
        token=token,
        host=host,
        workers=workers,
        time_limit=time_limit,
        users=users,
        user_header=header,
    )
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        f"contractgen workspace on http://{shown}:{port}/"
        + (f"?token={token}" if token else "")
        + (f" ({len(users)} people from {users_file}: each opens it with ?token=<their token>)" if users else "")
        + " (Ctrl+C stops it)"
    )
    app.state.workspace.pool.warm_up()
    try:
        run_server(server_config(app, host, port))
    finally:
        app.state.workspace.pool.close()
