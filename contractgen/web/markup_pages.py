"""The counterparty's markup in the browser: upload their DOCX, see each change and comment, accept some.

The uploaded file is read in a worker process against the saved deal (as `contractgen import-markup`
reads it), kept in memory under its hash until the choice is made, and never written to the
repository. Accepting writes the deal file (a changed figure as the deal value, other words as
overrides) unless someone saved it meanwhile or it is signed.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from contractgen.errors import ContractgenError
from contractgen.web.context import deal_of
from contractgen.web.security import csrf_form
from contractgen.web.workers import job_markup
from contractgen.errors import StaleSave
from contractgen.web.yamledit import read_deal_text, save_deal_text, text_hash

MAX_DOCX = 20 * 1024 * 1024  # a marked-up contract with its comments; larger uploads are refused unread
KEPT_UPLOADS = 8


class Uploads:
    """The last few uploaded files, by their hash (the choice of changes comes in a second request)."""

    def __init__(self) -> None:
        self._items: OrderedDict[str, tuple[str, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, name: str, data: bytes) -> str:
        """Keep an uploaded file; return its key."""
        key = hashlib.sha256(data).hexdigest()[:32]
        with self._lock:
            self._items[key] = (name, data)
            self._items.move_to_end(key)
            while len(self._items) > KEPT_UPLOADS:
                self._items.popitem(last=False)
        return key

    def get(self, key: str) -> tuple[str, bytes] | None:
        """Return (file name, bytes) of a kept upload, or None once it has been dropped."""
        with self._lock:
            return self._items.get(key)


_UPLOADS = Uploads()


def markup_page(request: Request) -> Response:
    """Ask for the counterparty's marked-up DOCX of this deal."""
    ws, rel, _ = deal_of(request)
    return ws.page(request, "markup.html", rel=rel, report=None, lines=[], signed=ws.repo.is_signed(rel))


async def markup_upload(request: Request) -> Response:
    """Read an uploaded DOCX against the saved deal and show its changes and comments."""
    ws, rel, path = deal_of(request)
    form = await csrf_form(request, max_files=1)
    upload = form.get("file")
    lines: list[str] = []
    if upload is None or isinstance(upload, str) or not upload.filename:
        lines = ["choose the DOCX file the other side sent back"]
        data, name = b"", ""
    else:
        data, name = await upload.read(MAX_DOCX + 1), upload.filename
        if len(data) > MAX_DOCX:
            lines = [f"{name} is larger than {MAX_DOCX // (1024 * 1024)} MB: not read"]
    if lines:
        return ws.page(request, "markup.html", status_code=400, rel=rel, report=None, lines=lines, signed=False)
    return await run_in_threadpool(_read, request, ws, rel, path, name, data)


def _read(request: Request, ws: Any, rel: str, path, name: str, data: bytes) -> Response:
    text = read_deal_text(path)
    try:
        report = ws.pool.run(job_markup, path.name, text, data)
    except ContractgenError as exc:
        return ws.page(request, "markup.html", status_code=422, rel=rel, report=None, lines=exc.lines(), signed=False)
    warnings = []
    if not report["provenance"]:
        warnings.append(
            f"{name} carries no contractgen provenance (its editor dropped the document properties): "
            "its clauses were found by their headings"
        )
    elif report["provenance"].get("deal_file") not in (None, path.name):
        warnings.append(f"{name} was rendered from {report['provenance']['deal_file']}, not {path.name}")
    if report.get("moved"):
        warnings.append(
            f"{name} was rendered with clause versions the library has replaced since ({', '.join(report['moved'])}): "
            "it is read against the text they were sent, and the deal now prints the new versions (send them the new draft)"
        )
    return ws.page(
        request,
        "markup.html",
        rel=rel,
        report=report,
        lines=[],
        warnings=warnings,
        upload=_UPLOADS.put(name, data),
        filename=name,
        base=text_hash(text),
        signed=ws.repo.is_signed(rel),
    )


async def markup_accept(request: Request) -> Response:
    """Write the changes the lawyer accepted into the deal file; the others stay rejected."""
    ws, rel, path = deal_of(request)
    form = await csrf_form(request)
    return await run_in_threadpool(_accept, request, ws, rel, path, form)


def _accept(request: Request, ws: Any, rel: str, path, form) -> Response:
    kept = _UPLOADS.get(str(form.get("_upload", "")))
    accepted = tuple(str(v) for v in form.getlist("accept"))
    context: dict[str, Any] = {"rel": rel, "report": None, "signed": False, "lines": []}
    if kept is None:
        context["lines"] = ["the uploaded file is no longer held by the server: upload it again"]
        return ws.page(request, "markup.html", status_code=410, **context)
    if ws.repo.is_signed(rel):
        context["lines"] = [f"{rel} is signed, and a signed contract is frozen: record the changes as an amendment"]
        return ws.page(request, "markup.html", status_code=409, **context)
    if not accepted:
        context["lines"] = ["no change was accepted: the deal file is unchanged"]
        return ws.page(request, "markup.html", status_code=400, **context)
    text = read_deal_text(path)
    base = str(form.get("_base", ""))
    try:
        report = ws.pool.run(job_markup, path.name, text, kept[1], accepted)
    except ContractgenError as exc:
        context["lines"] = exc.lines()
        return ws.page(request, "markup.html", status_code=422, **context)
    status = 200
    if report["refused"]:
        written = report["values"] or report["overrides"]
        context["lines"] = ([] if written else ["nothing was written:"]) + [
            f"not accepted: {line}" for line in report["refused"]
        ]
        status = 422
    saved = ""
    if report["values"] or report["overrides"]:
        try:
            with ws.save_lock:
                save_deal_text(path, report["text"], base)
                person = getattr(request.state, "person", None)
                saved = ws.repo.commit_save(rel, person.author() if person else None)
        except StaleSave as exc:
            context["lines"] = [str(exc).replace("(they are still in the form)", "").replace("  ", " ")]
            return ws.page(request, "markup.html", status_code=409, **context)
    rejected = [c["id"] for c in report["changes"] if c["id"] not in accepted]
    return ws.page(
        request,
        "markup_done.html",
        status_code=status,
        rel=rel,
        report=report,
        rejected=rejected,
        where={c["id"]: ", ".join(filter(None, (c["reference"], c.get("place", "")))) for c in report["changes"]},
        filename=kept[0],
        lines=context["lines"],
        edit=f"/edit/{quote(rel)}",
        saved=saved,
    )


ROUTES = [
    Route("/markup/{rel:path}", markup_page),
    Route("/markup-read/{rel:path}", markup_upload, methods=["POST"]),
    Route("/markup-accept/{rel:path}", markup_accept, methods=["POST"]),
]
