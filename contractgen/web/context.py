"""What every page of the web workspace takes from a request: the workspace, and the deal file its URL names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request

from contractgen.errors import NotFound


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
