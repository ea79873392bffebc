"""The web workspace: Starlette routes for the deals list, the deal form, preview, save and downloads.

Pages are Jinja templates with autoescape (deal text is data, escaped wherever it is shown);
htmx, vendored as a static file, sends each change of the form and swaps in the problems and
the preview. Every render runs in a worker process with a time limit (see workers.py).
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from contractgen import safefs
from contractgen.errors import ContractgenError, DealError, UnsafePathError
from contractgen.templating.sandbox import make_environment
from contractgen.web.builds import Builds
from contractgen.web.context import deal_of as _rel, download_response, format_of, workspace_of as _ws
from contractgen.web.repository import WebRepository, open_repository
from contractgen.web.schemaform import Form, attach_problems, place_warnings, walk_nodes
from contractgen.web.security import CSRF_FIELD, BodyLimit, SecurityMiddleware, csrf_form, is_local, with_styles
from contractgen.web.workers import RenderPool, job_preview, job_render
from contractgen.errors import RenderFailed, RenderTimeout
from contractgen.web.yamledit import RoundTrip, read_deal_text, save_deal_text, text_hash
from contractgen.errors import StaleSave

HERE = Path(__file__).resolve().parent
TEMPLATE_CSS = ("print.css", "redline.css")
MAX_UPLOAD = 1024 * 1024  # the CLI's limit for a deal file
MAX_STYLESHEET = 4 * 1024 * 1024


class Cache:
    """A small in-memory store of rendered HTML pages, by key (oldest dropped first)."""

    def __init__(self, size: int = 32):
        self.size = size
        self._items: OrderedDict[str, tuple[str, str]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, html: str, template: str, *parts: str) -> str:
        """Store a page; return its key."""
        key = hashlib.sha256("\0".join([html, template, *parts]).encode("utf-8")).hexdigest()[:32]
        with self._lock:
            self._items[key] = (html, template)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return key

    def get(self, key: str) -> tuple[str, str] | None:
        """Return (html, template) for a key, or None."""
        with self._lock:
            return self._items.get(key)


class Workspace:
    """What every page needs: the repository, the render pool, the form and the page templates."""

    def __init__(self, repo: WebRepository, pool: RenderPool):
        from contractgen.deal.yamlsource import deal_json_schema

        self.repo = repo
        self.pool = pool
        self.form = Form(deal_json_schema())
        self.pages = Cache()
        self.save_lock = threading.Lock()
        self.builds = Builds(repo.root)
        self.env = make_environment("page", jinja2.FileSystemLoader(str(HERE / "templates")))
        self.env.filters["q"] = lambda value: quote(str(value), safe="/")

    def page(self, request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        """Render one page template with the CSRF token and the repository name."""
        html = self.env.get_template(name).render(
            csrf=request.state.csrf, csrf_field=CSRF_FIELD, repo_name=self.repo.root.name, **context
        )
        return HTMLResponse(html, status_code=status_code)

    # ------------------------------------------------------------ checking a deal text

    def evaluate(self, rel: str, text: str) -> dict[str, Any]:
        """Validate a deal text as the CLI does; when valid, render its preview. Return the editor state."""
        name = Path(rel).name
        state: dict[str, Any] = {
            "problems": [],
            "preview": None,
            "message": "",
            "warnings": [],
            "stale": False,
            "anchor": "",
        }
        try:
            # One job validates as the CLI does (safe loader, model, rules) and, when valid, renders.
            result = self.pool.run(job_preview, name, text)
        except (RenderFailed, RenderTimeout) as exc:
            state["problems"] = [("", line) for line in exc.lines()]
            state["message"] = "the contract could not be built: " + exc.lines()[0]
            return state
        if result["problems"]:
            state["problems"] = [
                (path, message if line is None or path else f"line {line}: {message}")
                for path, line, message in result["problems"]
            ]
            count = len(state["problems"])
            state["message"] = f"{count} problem{'s' if count != 1 else ''}: the preview shows the last valid version"
            return state
        state["preview"] = self.pages.put(result["html"], result["template"], rel, text)
        state["warnings"] = result["warnings"]
        state["notes"] = [(path, message) for path, message in result.get("notes", [])]
        count = len(result["warnings"])
        state["message"] = (
            "valid: preview updated"
            + (f"; {count} warning{'s' if count != 1 else ''} to check, listed above the form" if count else "")
            + (f"; {len(state['notes'])} drafting note(s) beside their fields" if state["notes"] else "")
        )
        return state

    def editor(
        self, rel: str, doc: RoundTrip, text: str, base: str, state: dict[str, Any], original: str | None = None
    ) -> dict[str, Any]:
        """Return the template context of the deal form for a working document, its text and the text it came from."""
        groups = self.form.build(doc)
        other = attach_problems(groups, state["problems"])
        other_notes = attach_problems(groups, state.get("notes", []), "notes")
        return {
            "rel": rel,
            "groups": groups,
            "other": other,
            "other_notes": other_notes,
            "yaml": text,
            "base": base,
            "original": text if original is None else original,
            "conflicts": state.get("conflicts", []),
            "state": state,
            "signed": self.repo.is_signed(rel),
            "nodes": [n for n in walk_nodes(groups)],
            "warning_items": place_warnings(groups, state.get("warnings", [])),
            "sections": [
                (title, sum(len(n.problems) for n in walk_nodes([(title, nodes)]))) for title, nodes in groups
            ],
        }


def _is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


# ---------------------------------------------------------------- the deals list


def deals_page(request: Request) -> Response:
    """List the deals with status, last build and whether their outputs are current."""
    ws = _ws(request)
    return ws.page(request, "deals.html", rows=ws.repo.rows(), deals=ws.repo.deals(), error="")


async def new_deal(request: Request) -> Response:
    """Create a deal from one of the repository's deals, then open it."""
    ws = _ws(request)
    form = await csrf_form(request)
    return await run_in_threadpool(_new_deal, request, ws, form)


async def upload_deal(request: Request) -> Response:
    """Create a deal from an uploaded YAML file (read as the CLI reads a deal file), then open it."""
    ws = _ws(request)
    form = await csrf_form(request, max_files=1)
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise HTTPException(400, "choose a deal file to upload")
    raw = await upload.read(MAX_UPLOAD + 1)
    return await run_in_threadpool(_new_deal, request, ws, form, raw)


def _new_deal(request: Request, ws: Workspace, form, upload: bytes | None = None) -> Response:
    try:
        if upload is not None:  # validated as `contractgen validate` would before it lands in deals/
            _validate_upload(ws, str(form.get("name", "")).strip(), upload)
        rel = ws.repo.new_deal(str(form.get("name", "")).strip(), str(form.get("sample", "")), upload)
    except ContractgenError as exc:
        return ws.page(
            request,
            "deals.html",
            status_code=400,
            rows=ws.repo.rows(),
            deals=ws.repo.deals(),
            error="\n".join(exc.lines()),
        )
    return RedirectResponse(f"/edit/{quote(rel)}", status_code=303)


def _validate_upload(ws: Workspace, name: str, upload: bytes) -> None:
    """Refuse an uploaded deal with problems (DealError listing them, in the CLI's words)."""
    try:
        text = upload.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DealError("the file is not UTF-8 text; save it as UTF-8") from None
    result = ws.pool.run(job_preview, f"{name or 'upload'}.yaml", text)
    if result["problems"]:
        lines = [f"{path}: {message}" if path else message for path, _line, message in result["problems"]]
        raise DealError("not uploaded: the deal has problems to fix first\n" + "\n".join(lines))


# ---------------------------------------------------------------- the deal form


def edit_page(request: Request) -> Response:
    """Show the deal form beside the preview of the saved file."""
    ws, rel, path = _rel(request)
    try:
        text = read_deal_text(path)
        doc = RoundTrip(text, path.name)
    except DealError as exc:
        return ws.page(request, "broken.html", status_code=422, rel=rel, lines=exc.lines())
    state = ws.evaluate(rel, text)
    return ws.page(request, "edit.html", **ws.editor(rel, doc, text, text_hash(text), state, text))


def _working(ws: Workspace, rel: str, form) -> tuple[Any, str]:
    """Apply a submitted form to its working text: return (the round-trip document, the base hash)."""
    yaml_text = str(form.get("_yaml", ""))
    base = str(form.get("_base", ""))
    try:
        doc = RoundTrip(yaml_text, Path(rel).name)
    except DealError as exc:
        raise HTTPException(422, "\n".join(exc.lines())) from None
    values = {k: v for k, v in form.multi_items() if isinstance(v, str) and not k.startswith("_") and k != CSRF_FIELD}
    ws.form.apply(doc, values)
    return doc, base


async def check(request: Request) -> Response:
    """A field changed: validate the working text; send back the problems and, if valid, the preview."""
    ws, rel, _ = _rel(request)
    return await run_in_threadpool(_check, request, ws, rel, await csrf_form(request))


def _check(request: Request, ws: Workspace, rel: str, form) -> Response:
    doc, base = _working(ws, rel, form)
    text = doc.dump()
    state = ws.evaluate(rel, text)
    if text_hash(text) != base:
        state["message"] += " (not saved yet)"
    shown = ws.pages.get(str(form.get("_shown", "")))
    current = ws.pages.get(state["preview"]) if state["preview"] else None
    if shown and current:
        state["anchor"] = first_change_anchor(shown[0], current[0])
    return ws.page(request, "check.html", **ws.editor(rel, doc, text, base, state))


_ANCHOR = re.compile(r' id="([A-Za-z][A-Za-z0-9_.:-]*)"')


def first_change_anchor(old: str, new: str) -> str:
    """Return the id of the last anchor before the first difference of two previews ("" if none).

    The preview frame opens there, so the lawyer sees the clause their change touched.
    """
    start = max(new.find("<body"), 0)
    limit = min(len(old), len(new))
    index = start
    while index < limit and old[index] == new[index]:
        index += 1
    if index >= limit and len(old) == len(new):
        return ""
    anchors = list(_ANCHOR.finditer(new, start, index))
    return anchors[-1].group(1) if anchors else ""


async def change_form(request: Request) -> Response:
    """Add or remove an item of a repeating group; send back the whole form."""
    ws, rel, _ = _rel(request)
    return await run_in_threadpool(_change_form, request, ws, rel, await csrf_form(request))


def _change_form(request: Request, ws: Workspace, rel: str, form) -> Response:
    doc, base = _working(ws, rel, form)
    operation, _, target = str(form.get("_op", "")).partition(":")
    from contractgen.web.schemaform import parse_key

    key = parse_key(target)
    refused: list[str] = []
    if operation == "add" and key:
        doc.append_item(key, ws.form.order_at(key[:-1]))
    elif operation == "remove" and key and isinstance(key[-1], int):
        doc.delete(key)
    elif operation in ("yaml", "resolve"):  # the YAML edited directly; or each conflict of two saves settled
        source = str(form.get("_yaml_source", "")).replace("\r\n", "\n")
        if operation == "resolve":
            from contractgen.web.merge import chosen_text

            source = chosen_text(form)
        try:
            doc = RoundTrip(source, Path(rel).name)
        except DealError as exc:
            refused = exc.lines()
    text = doc.dump()
    state = ws.evaluate(rel, text)
    if refused:
        state["problems"] = [("", "the YAML was not applied: " + line) for line in refused] + state["problems"]
        state["message"] = "the YAML was not applied"
    elif text_hash(text) != base:
        state["message"] += " (not saved yet)"
    context = ws.editor(rel, doc, text, base, state, str(form.get("_original", "")))
    return ws.page(request, "editor.html", oob=True, **context)


async def save(request: Request) -> Response:
    """Save the working text over the deal file, unless it is invalid or someone saved it meanwhile."""
    ws, rel, path = _rel(request)
    return await run_in_threadpool(_save, request, ws, rel, path, await csrf_form(request))


def _save(request: Request, ws: Workspace, rel: str, path: Path, form) -> Response:
    doc, base = _working(ws, rel, form)
    text = doc.dump()
    state = ws.evaluate(rel, text)
    status = 200
    original = str(form.get("_original", ""))
    if ws.repo.is_signed(rel):
        state["message"] = (
            f"not saved: {rel} is signed, and a signed contract is frozen "
            "(contractgen build will not render it again); record changes as an amendment"
        )
        state["stale"] = True
        status = 409
    elif state["problems"]:
        state["message"] = f"not saved: fix the {len(state['problems'])} problem(s) first"
        status = 422
    else:
        try:
            with ws.save_lock:
                base = save_deal_text(path, text, base)
                person = getattr(request.state, "person", None)
                state["message"] = ws.repo.commit_save(rel, person.author() if person else None)
            original = text
        except StaleSave as exc:
            doc, text, base, original = _merge_stale(ws, rel, path, form, doc, text, base, state, str(exc))
            status = 409
    context = ws.editor(rel, doc, text, base, state, original)
    if _is_htmx(request):
        return ws.page(request, "editor.html", status_code=status, oob=True, **context)
    return ws.page(request, "edit.html", status_code=status, **context)


def _merge_stale(ws: Workspace, rel: str, path: Path, form, doc, text: str, base: str, state, refusal: str):
    """Someone saved meanwhile: merge their save and this form's changes; return the form's new working state.

    The form then stands on their saved file (a second Save keeps the merge). Lines both changed are
    conflicts: the form takes this person's lines, and each conflict is shown with both versions.
    """
    from contractgen.web.merge import merge_texts

    state["stale"] = True
    state["message"] = refusal
    original = str(form.get("_original", ""))
    theirs = read_deal_text(path)
    if text_hash(original) != base:
        return doc, text, base, original  # the text the form came from is unknown: nothing to merge against
    try:
        merged, conflicts = merge_texts(original, text, theirs)
        if conflicts:
            state["marked_text"] = merged  # git's markers kept: each conflict settled on its own by the person
            merged, _ = merge_texts(original, text, theirs, keep="mine")
            state["theirs_text"] = merge_texts(original, text, theirs, keep="theirs")[0]
        merged_doc = RoundTrip(merged, path.name)
    except (ContractgenError, DealError):
        return doc, text, base, original
    merged_state = ws.evaluate(rel, merged)
    kept = {key: state.get(key, "") for key in ("theirs_text", "marked_text")}
    state.update(merged_state, stale=True, conflicts=conflicts, **kept)
    who = ws.repo.last_saved_by(rel) or "someone else"
    if conflicts:
        state["message"] = (
            f"not saved: {rel} was saved by {who} after you opened it, who changed {len(conflicts)} of the lines you "
            "changed. The form now holds their save with your version of those lines; compare each below, "
            "change what you need, and Save again"
        )
    else:
        state["message"] = (
            f"not saved: {rel} was saved by {who} after you opened it. Their changes and yours touch different lines "
            "and are merged in the form: check them and Save again"
        )
    return merged_doc, merged, text_hash(theirs), theirs


def preview(request: Request) -> Response:
    """Serve a rendered preview page (no scripts run in it: its own strict policy and a sandbox)."""
    ws = _ws(request)
    found = ws.pages.get(request.path_params["key"])
    if found is None:
        raise HTTPException(404, "this preview has expired: change a field or reload the deal")
    html, template = found
    # inline, allowed by their hash: the sandboxed frame's own requests carry no cookie, so no token
    css = [_stylesheet(ws, template, name) for name in TEMPLATE_CSS] + [(HERE / "static" / "preview.css").read_bytes()]
    html, policy = with_styles(html, b"\n".join(css).decode("utf-8", "replace"))
    response = HTMLResponse(html)
    response.headers["content-security-policy"] = policy
    response.headers["x-frame-options"] = "SAMEORIGIN"
    return response


def _stylesheet(ws, name: str, filename: str) -> bytes:
    """A template's stylesheet: a regular file inside the template folder only, never what a link points to."""
    if "/" in name or "\\" in name or name.startswith(".") or not name:
        return b""
    template = ws.repo.config.templates_dir / name
    try:
        return safefs.read_bytes(template / "pdf" / filename, template, limit=MAX_STYLESHEET)
    except (OSError, UnsafePathError):
        return b""


def download(request: Request) -> Response:
    """Render the saved deal as DOCX or PDF and send it as a download."""
    ws, rel, path = _rel(request)
    fmt = format_of(request)
    try:
        data = ws.pool.run(job_render, path.name, read_deal_text(path), fmt)
    except ContractgenError as exc:
        return ws.page(request, "broken.html", status_code=422, rel=rel, lines=exc.lines())
    return download_response(data, fmt, f"{path.stem}.{fmt}")


def create_app(
    repo_dir: Path,
    token: str | None = None,
    host: str = "127.0.0.1",
    workers: int = 2,
    time_limit: float = 60.0,
    users: dict | None = None,
    user_header: str = "",
) -> Starlette:
    """Build the web application for one contracts repository."""
    from contractgen.web.law_pages import ROUTES as LAW_ROUTES
    from contractgen.web.library_pages import ROUTES as LIBRARY_ROUTES
    from contractgen.web.builds import ROUTES as BUILD_ROUTES
    from contractgen.web.markup_pages import ROUTES as MARKUP_ROUTES

    repo = WebRepository(open_repository(Path(repo_dir)))
    pool = RenderPool(repo.settings, workers, time_limit)
    routes = [
        Route("/", deals_page),
        Route("/new", new_deal, methods=["POST"]),
        Route("/upload", upload_deal, methods=["POST"]),
        Route("/edit/{rel:path}", edit_page),
        Route("/check/{rel:path}", check, methods=["POST"]),
        Route("/form/{rel:path}", change_form, methods=["POST"]),
        Route("/save/{rel:path}", save, methods=["POST"]),
        Route("/preview/{key}", preview),
        Route("/download/{fmt}/{rel:path}", download),
        *LIBRARY_ROUTES,
        *LAW_ROUTES,
        *MARKUP_ROUTES,
        *BUILD_ROUTES,
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityMiddleware, token=token, local=is_local(host), users=users, user_header=user_header),
            Middleware(BodyLimit),
        ],
        exception_handlers={HTTPException: _http_error},
    )
    app.state.workspace = Workspace(repo, pool)
    return app


async def _http_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, HTTPException):  # registered for HTTPException only
        raise exc
    ws = _ws(request)
    csrf = getattr(request.state, "csrf", "")
    html = ws.env.get_template("error.html").render(
        status=exc.status_code, detail=exc.detail, csrf=csrf, csrf_field=CSRF_FIELD, repo_name=ws.repo.root.name
    )
    return HTMLResponse(html, status_code=exc.status_code)
