"""The law page of the web workspace: every law record in force, and one record with its sources and
the clauses and deals that use it."""

from __future__ import annotations

import yaml
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from contractgen.checks.law_usage import clauses_using, record_row
from contractgen.errors import ContractgenError, LawError
from contractgen.law.checks import describe
from contractgen.law.library import KINDS, library
from contractgen.repo.lockfile import read_lock
from contractgen.web.context import workspace_of


def _law(ws):
    folder = ws.repo.config.law_dir
    return library(folder if folder.is_dir() else None)


def law_page(request: Request) -> Response:
    """List every law record by kind: name, as_of, review, built-in or the repository's."""
    ws = workspace_of(request)
    law = _law(ws)
    kinds = [(kind, [record_row(r) for r in law.records(kind).values()]) for kind in KINDS]
    return ws.page(request, "law.html", kinds=kinds)


def law_record_page(request: Request) -> Response:
    """Show one law record: what it says, where it comes from, the clauses and deals that use it."""
    ws = workspace_of(request)
    kind, ident = request.path_params["kind"], request.path_params["ident"]
    if kind not in KINDS:
        raise HTTPException(404, "no such kind of law record")
    try:
        record = _law(ws).get(f"{kind}/{ident}")
    except LawError:
        raise HTTPException(404, "no such law record") from None
    from contractgen.library.clauses import load_library

    try:
        clauses = clauses_using(record, load_library(ws.repo.config.clauses_dir))
    except ContractgenError:
        clauses = []

    try:
        lock = read_lock(ws.repo.config.lock_path)
    except ContractgenError:
        lock = None
    deals = sorted(rel for rel, entry in lock.deals.items() if record.rel in (entry.get("law") or {})) if lock else []

    parts = describe(record)
    provenance = {"sources": [], "as_of": "", "reviewed_by": "", "reviewed_on": "", **parts["provenance"]}
    says = yaml.safe_dump(parts["says"], sort_keys=False, allow_unicode=True, width=100)
    return ws.page(
        request,
        "law_record.html",
        record=record,
        row=record_row(record),
        says=says,
        provenance=provenance,
        clauses=clauses,
        deals=deals,
    )


ROUTES = [
    Route("/law", law_page),
    Route("/law/{kind}/{ident}", law_record_page),
]
