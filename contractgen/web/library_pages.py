"""Pages beside the deal form: the coverage checklist, comparing two rounds, and the clause library."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from contractgen.errors import ContractgenError, NotFound
from contractgen.web.context import deal_of, download_response, format_of, workspace_of
from contractgen.web.repository import SAVED
from contractgen.web.security import csrf_form
from contractgen.web.workers import job_clause, job_coverage, job_redline, job_usage
from contractgen.web.yamledit import read_deal_text


def _deal(request: Request):
    return deal_of(request)


def coverage_page(request: Request) -> Response:
    """Show each checklist item the deal needs and the clause that covers it."""
    ws, rel, path = _deal(request)
    try:
        report = ws.pool.run(job_coverage, path.name, read_deal_text(path))
    except ContractgenError as exc:
        return ws.page(request, "broken.html", status_code=422, rel=rel, lines=exc.lines())
    return ws.page(request, "coverage.html", rel=rel, report=report)


def _rounds(ws, rel: str, request: Request) -> tuple[list, str, str]:
    rounds = ws.repo.rounds(rel)
    refs = [r.ref for r in rounds]
    old = request.query_params.get("old") or (refs[1] if len(refs) > 1 else SAVED)
    new = request.query_params.get("new") or SAVED
    if old not in refs or new not in refs:
        raise HTTPException(404, "no such round of this deal")
    return rounds, old, new


def compare_page(request: Request) -> Response:
    """Compare two rounds of a deal: the redline in the page, with DOCX and PDF downloads."""
    ws, rel, path = _deal(request)
    rounds, old, new = _rounds(ws, rel, request)
    context: dict[str, Any] = {
        "rel": rel,
        "rounds": rounds,
        "old": old,
        "new": new,
        "view": None,
        "summary": [],
        "lines": [],
    }
    if request.query_params.get("old"):
        try:
            result = ws.pool.run(
                job_redline, path.name, ws.repo.round_text(rel, old), path.name, ws.repo.round_text(rel, new), "html"
            )
            context["view"] = ws.pages.put(result["html"], result["template"], rel, old, new)
            context["summary"] = result["summary"]
        except ContractgenError as exc:
            context["lines"] = exc.lines()
    return ws.page(request, "compare.html", **context)


async def record_round(request: Request) -> Response:
    """Record the saved deal file as a round (a git commit of that file alone), then show the rounds."""

    ws, rel, _ = _deal(request)
    form = await csrf_form(request)
    try:
        await run_in_threadpool(ws.repo.record_round, rel, str(form.get("message", "")))
    except ContractgenError as exc:
        rounds = ws.repo.rounds(rel)
        return ws.page(
            request,
            "compare.html",
            status_code=400,
            rel=rel,
            rounds=rounds,
            old=SAVED,
            new=SAVED,
            view=None,
            summary=[],
            lines=exc.lines(),
        )
    return RedirectResponse(f"/compare/{quote(rel)}", status_code=303)


def redline_download(request: Request) -> Response:
    """Send the redline of two rounds as DOCX or PDF."""
    ws, rel, path = _deal(request)
    fmt = format_of(request)
    _, old, new = _rounds(ws, rel, request)
    try:
        data = ws.pool.run(
            job_redline, path.name, ws.repo.round_text(rel, old), path.name, ws.repo.round_text(rel, new), fmt
        )
    except ContractgenError as exc:
        return ws.page(request, "broken.html", status_code=422, rel=rel, lines=exc.lines())
    return download_response(data, fmt, f"{path.stem}.redline.{fmt}")


# ---------------------------------------------------------------- the clause library


def _library(ws):
    from contractgen.library.clauses import load_library

    try:
        return load_library(ws.repo.config.clauses_dir)
    except ContractgenError as exc:
        raise HTTPException(500, "the clause library has problems:\n" + "\n".join(exc.lines())) from None


def _default(clause):
    return clause.default()


def clauses_page(request: Request) -> Response:
    """List every clause with its versions, their status and the version a deal gets by default."""
    ws = workspace_of(request)
    library = _library(ws)
    rows = [
        {
            "id": c.id,
            "group": c.group,
            "title": (_default(c) or c.versions[max(c.versions)]).title,
            "versions": [c.versions[n] for n in sorted(c.versions)],
            "default": _default(c),
        }
        for c in library.clauses.values()
    ]
    return ws.page(request, "clauses.html", rows=rows)


def _clause(ws, request: Request):
    library = _library(ws)
    clause = library.get(request.path_params["cid"])
    if clause is None:
        raise HTTPException(404, "no such clause in the library")
    return library, clause


def _version(clause, value: str | None, fallback):
    if not value:
        return fallback
    try:
        return clause.versions[int(value)]
    except (ValueError, KeyError):
        raise HTTPException(404, f"clause {clause.id} has no version {value!r}") from None


def clause_page(request: Request) -> Response:
    """Show a clause: its versions (status, changes, history), one version's text, and the deals using each."""
    ws = workspace_of(request)
    library, clause = _clause(ws, request)
    chosen = _version(clause, request.query_params.get("v"), _default(clause) or clause.versions[max(clause.versions)])
    try:
        texts = [(rel, read_deal_text(ws.repo.root / rel)) for rel in ws.repo.deals()]
        usage = ws.pool.run(job_usage, texts)
    except ContractgenError:
        usage = {}
    users: dict[int, list[str]] = {}
    for rel, versions in usage.items():
        if clause.id in versions:
            users.setdefault(versions[clause.id], []).append(rel)
    versions = [
        {"v": clause.versions[n], "history": ws.repo.clause_history(clause.versions[n].path), "deals": users.get(n, [])}
        for n in sorted(clause.versions)
    ]
    where = Path(chosen.path).resolve().relative_to(ws.repo.root).as_posix()
    using = users.get(chosen.version) or [rel for rels in users.values() for rel in rels]
    deal = request.query_params.get("deal", using[0] if using else "")
    shown = _with_deal(ws, clause.id, chosen.version, deal) if deal else {}
    return ws.page(
        request,
        "clause.html",
        clause=clause,
        versions=versions,
        chosen=chosen,
        where=where,
        default=_default(clause),
        deals=ws.repo.deals(),
        deal=deal,
        shown=shown,
    )


def _with_deal(ws, clause_id: str, version: int, rel: str) -> dict[str, Any]:
    """Render a clause version with the values of a deal of the repository (404 for a deal not in its list)."""
    try:
        path = ws.repo.deal_path(rel)
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from None
    try:
        return {"lines": [], **ws.pool.run(job_clause, path.name, read_deal_text(path), clause_id, version)}
    except ContractgenError as exc:
        return {"lines": exc.lines(), "text": "", "used": None}


def clause_diff(request: Request) -> Response:
    """Show what changed in a clause's text between two versions, line by line."""
    ws = workspace_of(request)
    _, clause = _clause(ws, request)
    numbers = sorted(clause.versions)
    a = _version(clause, request.query_params.get("a"), clause.versions[numbers[max(0, len(numbers) - 2)]])
    b = _version(clause, request.query_params.get("b"), clause.versions[numbers[-1]])
    lines = text_diff(a.body, b.body)
    return ws.page(request, "clause_diff.html", clause=clause, a=a, b=b, lines=lines, numbers=numbers)


_WORDS = re.compile(r"\s+|\w+|[^\w\s]")


def _words(old: str, new: str) -> list[tuple[str, str]]:
    """Return one changed line as segments ("same", "del", "ins"), word by word."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    segments: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            segments.append(("ins", "".join(b[j1:j2])))
    return segments


def text_diff(old: str, new: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Return the lines of two texts as (kind, segments): kept, removed, added, or changed word by word."""
    a, b = old.splitlines(), new.splitlines()
    rows: list[tuple[str, list[tuple[str, str]]]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            rows.extend(("same", [("same", line)]) for line in a[i1:i2])
            continue
        paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
        rows.extend(("chg", _words(a[i1 + k], b[j1 + k])) for k in range(paired))
        rows.extend(("del", [("del", line)]) for line in a[i1 + paired : i2])
        rows.extend(("ins", [("ins", line)]) for line in b[j1 + paired : j2])
    return rows


ROUTES = [
    Route("/coverage/{rel:path}", coverage_page),
    Route("/compare/{rel:path}", compare_page),
    Route("/redline/{fmt}/{rel:path}", redline_download),
    Route("/round/{rel:path}", record_round, methods=["POST"]),
    Route("/clauses", clauses_page),
    Route("/clauses/{cid}", clause_page),
    Route("/clauses/{cid}/diff", clause_diff),
]

__all__ = ["ROUTES", "NotFound"]
