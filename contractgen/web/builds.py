"""The Build button: `contractgen build` of one saved deal, run as its own process, its progress polled.

A build writes the repository's outputs and lock exactly as the command line does, because it is
the command line: `contractgen build -C REPO DEAL` in a child process with a time limit (a deal that
hangs is killed, never the server). One build runs at a time per repository (builds share the lock).
"""

from __future__ import annotations

import itertools
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from contractgen.web.context import deal_of, workspace_of
from contractgen.web.security import csrf_form

BUILD_LIMIT = 600.0  # seconds: a whole contract as DOCX and PDF takes well under a minute


@dataclass
class Build:
    """One build of one deal: running, then its exit code and what it printed."""

    id: int
    rel: str
    started: float
    done: bool = False
    code: int | None = None
    lines: list[str] = field(default_factory=list)


class Builds:
    """The builds of this server, one at a time."""

    def __init__(self, root: Path):
        self.root = root
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self.items: dict[int, Build] = {}

    def start(self, rel: str) -> Build:
        """Start building `rel` unless a build is running; return the build (the running one if so)."""
        with self._lock:
            running = next((b for b in self.items.values() if not b.done), None)
            if running is not None:
                return running
            build = Build(next(self._ids), rel, time.monotonic())
            self.items[build.id] = build
        threading.Thread(target=self._run, args=(build,), daemon=True).start()
        return build

    def _run(self, build: Build) -> None:
        command = [sys.executable, "-m", "contractgen.cli", "build", "-C", str(self.root), "--jobs", "1", build.rel]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=BUILD_LIMIT, cwd=self.root)
            build.code = done.returncode
            build.lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
        except subprocess.TimeoutExpired:
            build.code, build.lines = 124, [f"the build took longer than {BUILD_LIMIT:g} s and was stopped"]
        except OSError as exc:
            build.code, build.lines = 126, [f"the build could not start: {exc}"]
        build.done = True


def _builds(request: Request) -> Builds:
    builds: Builds = workspace_of(request).builds
    return builds


async def build_deal(request: Request) -> Response:
    """Start building the saved deal; answer with its progress (which then polls itself)."""
    ws, rel, _ = deal_of(request)
    await csrf_form(request)
    if await run_in_threadpool(ws.repo.is_signed, rel):
        return ws.page(request, "_build.html", build=None, rel=rel, refused=f"{rel} is signed: it is never built again")
    build = _builds(request).start(rel)
    refused = "" if build.rel == rel else f"{build.rel} is being built: wait for it, then build again"
    return ws.page(request, "_build.html", build=build, rel=rel, refused=refused, now=time.monotonic())


def build_status(request: Request) -> Response:
    """The progress of one build: still running (with its time), or its outcome."""
    ws = workspace_of(request)
    try:
        build = _builds(request).items[int(request.path_params["id"])]
    except (KeyError, ValueError):
        raise HTTPException(404, "no such build") from None
    return ws.page(request, "_build.html", build=build, rel=build.rel, refused="", now=time.monotonic())


ROUTES = [
    Route("/build/{rel:path}", build_deal, methods=["POST"]),
    Route("/build-status/{id}", build_status),
]
