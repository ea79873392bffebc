"""Safe by default: a local bind, a token for any other, CSRF on every POST, strict response headers."""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from urllib.parse import urlencode, urlsplit

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from contractgen.errors import BindRefused

CSRF_COOKIE = "contractgen_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
TOKEN_COOKIE = "contractgen_token"
LOCAL_NAMES = ("localhost", "127.0.0.1", "::1")
MAX_FIELDS = 5000
MAX_BODY = 4 * 1024 * 1024
MAX_PART = 1024 * 1024 + 1024  # a deal text (the CLI's 1 MiB limit) plus room for its form field name

# Pages load scripts and styles from this server only; a preview frame gets no script at all.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
PREVIEW_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox"
)


def is_local(host: str) -> bool:
    """Return whether a bind address only accepts connections from this machine."""
    if host in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None, users: bool = False) -> None:
    """Refuse a non-local bind without a token (anyone on the network could otherwise edit deals)."""
    if not is_local(host) and not token and not users:
        raise BindRefused(
            f"refusing to listen on {host} without a token: anyone who can reach it could read "
            "and change your deals. Pass --token SECRET (or set CONTRACTGEN_WEB_TOKEN), "
            "or bind to 127.0.0.1"
        )
    if token is not None and len(token) < 16:
        raise BindRefused(
            'the token is too short: use at least 16 characters (e.g. `python -c "import secrets; '
            'print(secrets.token_urlsafe())"`)'
        )


def _same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a).encode(), str(b).encode())


class SecurityMiddleware(BaseHTTPMiddleware):
    """Token login (when configured), same-origin POSTs, the CSRF cookie and response headers."""

    def __init__(
        self, app, token: str | None = None, local: bool = True, users: dict | None = None, user_header: str = ""
    ):
        super().__init__(app)
        self.token = token
        self.local = local
        self.users = users or {}  # token -> the person it belongs to (a --users file)
        self.user_header = user_header  # the header a trusted proxy names the person in ("" trusts none)

    def _known(self, given: str | None) -> str | None:
        """Return the workspace token or a person's token equal to `given`, else None (compared in constant time)."""
        found = None
        for token in (self.token, *self.users):
            if token and _same(given, token):
                found = token
        return found

    async def dispatch(self, request: Request, call_next) -> Response:
        """Check the request, call the page, then add the cookies and headers."""
        if self.local and request.url.hostname not in LOCAL_NAMES:
            # A local server answers only to local names: another site's name pointed at 127.0.0.1
            # (DNS rebinding) gets nothing.
            return PlainTextResponse("this workspace only answers to localhost", status_code=400)
        request.state.person = None
        if self.token or self.users:
            given = request.cookies.get(TOKEN_COOKIE)
            header = request.headers.get("authorization", "")
            if header.lower().startswith("bearer "):
                given = header[7:].strip()
            query = request.query_params.get("token")
            known = self._known(query) if request.method == "GET" and query else None
            if known:
                rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
                response = RedirectResponse(request.url.path + (f"?{urlencode(rest)}" if rest else ""), status_code=303)
                self._cookie(response, TOKEN_COOKIE, known)
                return response
            known = self._known(given)
            if not known:
                return PlainTextResponse(
                    "this workspace needs its token: open the address `contractgen serve` "
                    "printed (it ends with ?token=...), or your own from the workspace's users file",
                    status_code=401,
                )
            request.state.person = self.users.get(known)
        if self.user_header and request.headers.get(self.user_header):
            from contractgen.web.people import from_header

            request.state.person = from_header(request.headers[self.user_header]) or request.state.person
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            if int(request.headers.get("content-length") or 0) > MAX_BODY:
                return PlainTextResponse("the request is too large", status_code=413)
            origin = request.headers.get("origin")
            if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
                return PlainTextResponse("cross-site request refused", status_code=403)
        csrf = request.cookies.get(CSRF_COOKIE)
        fresh = not csrf or len(csrf) < 32
        request.state.csrf = secrets.token_urlsafe(32) if fresh else csrf
        response = await call_next(request)
        if fresh:
            self._cookie(response, CSRF_COOKIE, request.state.csrf)
        response.headers.setdefault("content-security-policy", PAGE_CSP)
        response.headers["x-content-type-options"] = "nosniff"
        response.headers["referrer-policy"] = "no-referrer"
        response.headers.setdefault("x-frame-options", "DENY")
        response.headers.setdefault("cache-control", "no-store")
        return response

    @staticmethod
    def _cookie(response: Response, name: str, value: str) -> None:
        response.set_cookie(name, value, httponly=True, samesite="strict", path="/")


class BodyLimit:
    """Refuse (413) a request body over the limit, also when it comes in chunks without a length."""

    def __init__(self, app, limit: int = MAX_BODY):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send) -> None:
        """Count the body's bytes as the application reads them."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        seen = 0

        async def limited():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise HTTPException(413, "the request is too large")
            return message

        await self.app(scope, limited, send)


async def csrf_form(request: Request, max_files: int = 0) -> FormData:
    """Read a POSTed form within the limits, refusing it (403) unless it carries this browser's CSRF token."""
    try:
        form = await request.form(max_files=max_files, max_fields=MAX_FIELDS, max_part_size=MAX_PART)
    except ClientDisconnect:  # the connection closed (or was closed for sending too slowly) mid-body
        raise HTTPException(408, "the request did not arrive in time") from None
    sent = request.headers.get(CSRF_HEADER) or form.get(CSRF_FIELD)
    if not _same(request.cookies.get(CSRF_COOKIE), sent if isinstance(sent, str) else None):
        raise HTTPException(403, "the form's security token is missing or out of date: reload the page and try again")
    return form


def with_styles(html: str, css: str) -> tuple[str, str]:
    """The preview page with `css` inline in its head, and its policy allowing that one style block by its hash."""
    import base64
    import hashlib

    css = css.replace("</", "<\\/")  # a stylesheet cannot end the style element it is in
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    block = f"<style>{css}</style>"
    html = html.replace("</head>", block + "</head>", 1) if "</head>" in html else block + html
    return html, PREVIEW_CSP.replace("style-src 'self'", f"style-src 'self' 'sha256-{digest}'")
