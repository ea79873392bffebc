"""What every page of the web workspace takes from a request: the workspace, the deal file its URL names and
the output format it asks for; and the download of a rendered document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from contractgen.errors import NotFound
from contractgen.writers import FORMATS, WRITERS


def workspace_of(request: Request) -> Any:
    """Return the app's Workspace (the repository, the render pool, the page templates).

    Typed Any: web.app defines Workspace and imports this module."""
    return request.app.state.workspace


def deal_of(request: Request) -> tuple[Any, str, Path]:
    """Return (workspace, deal path relative to the repository, absolute path) for a /deals/{rel} URL; 404 if unknown."""
    ws = workspace_of(request)
    rel = request.path_params["rel"]
    try:
        return ws, rel, ws.repo.deal_path(rel)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None


def format_of(request: Request) -> str:
    """Return the output format a /…/{fmt} URL names; 404 if contractgen has no writer for it."""
    fmt = str(request.path_params["fmt"])
    if fmt not in WRITERS:
        raise HTTPException(404, f"choose {' or '.join(FORMATS)}")
    return fmt


def download_response(data: bytes, fmt: str, file_name: str) -> Response:
    """Send rendered bytes as a download named `file_name`, with the format's media type."""
    return Response(
        data,
        media_type=WRITERS[fmt].media_type,
        headers={"content-disposition": f'attachment; filename="{file_name}"'},
    )
