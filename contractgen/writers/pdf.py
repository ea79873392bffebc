"""PDF writer: the HTML of ``writers.html`` typeset by WeasyPrint, deterministically and safely.

WeasyPrint is imported lazily (a DOCX-only render never loads it). The parsed print stylesheet
and the FontConfiguration are cached per template folder, so a worker rendering many contracts
parses them once. WeasyPrint may read only files inside the template folder: every other URL
(other paths, symlinks out, network schemes, data: URLs, oversized files) stops the render with
``UnsafeResourceError`` instead of a logged warning.
"""

from __future__ import annotations

import hashlib
import mimetypes
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from contractgen.errors import ContractgenError, OutputError
from contractgen.model import Document
from contractgen.writers.html import render_html

STYLESHEET = "print.css"
MAX_RESOURCE_BYTES = 8 * 1024 * 1024

_CACHE: dict[tuple, tuple] = {}
_LOCK = threading.Lock()
_RENDER_LOCK = threading.Lock()


class UnsafeResourceError(OutputError):
    """The layout asked WeasyPrint for a resource outside the template folder (or too large)."""


def resolve_resource(url: str, root: Path, max_bytes: int = MAX_RESOURCE_BYTES) -> Path:
    """Return the file a ``file:`` URL names if it lies inside ``root``; raise UnsafeResourceError otherwise."""
    root = Path(root).resolve()
    parts = urlsplit(url)
    if parts.scheme.lower() != "file":
        raise UnsafeResourceError(f"refusing to fetch {url!r}: only files of the template are allowed")
    if parts.netloc not in ("", "localhost"):
        raise UnsafeResourceError(f"refusing to fetch {url!r}: remote file host")
    raw = unquote(parts.path)
    if "\x00" in raw or ".." in Path(raw).parts:
        raise UnsafeResourceError(f"refusing to fetch {url!r}: path escapes the template folder")
    path = Path(raw)
    try:
        real = path.resolve(strict=True)  # follows every symlink on the way
    except (OSError, RuntimeError) as exc:
        raise UnsafeResourceError(f"refusing to fetch {url!r}: no such file") from exc
    if not real.is_relative_to(root):
        raise UnsafeResourceError(f"refusing to fetch {url!r}: outside the template folder {root}")
    if not real.is_file():
        raise UnsafeResourceError(f"refusing to fetch {url!r}: not a regular file")
    size = real.stat().st_size
    if size > max_bytes:
        raise UnsafeResourceError(f"refusing to fetch {url!r}: {size} bytes is over the {max_bytes} byte cap")
    return real


def make_url_fetcher(root: Path, max_bytes: int = MAX_RESOURCE_BYTES):
    """Return a WeasyPrint URL fetcher that serves only files inside ``root`` and fails loudly otherwise."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class TemplateOnlyFetcher(URLFetcher):
        """Serves template files; anything else raises (fail_on_errors stops the render)."""

        def __init__(self):
            super().__init__(fail_on_errors=True, allowed_protocols=("file",), allow_redirects=False)
            self.root = Path(root).resolve()
            self.max_bytes = max_bytes

        def fetch(self, url, headers=None):
            """Return the template file ``url`` names, or raise UnsafeResourceError."""
            path = resolve_resource(url, self.root, self.max_bytes)
            data = path.read_bytes()
            if len(data) > self.max_bytes:
                raise UnsafeResourceError(f"refusing to fetch {url!r}: over the size cap")
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), data, {"Content-Type": mime})

    return TemplateOnlyFetcher()


def _resources(pdf_dir: Path):
    """Return (font_config, stylesheet, css_digest, fetcher) for a template, parsed once and cached."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    css_path = pdf_dir / STYLESHEET
    try:
        stat = css_path.stat()
    except OSError as exc:
        raise OutputError(f"{css_path}: the print stylesheet is missing") from exc
    key = (pdf_dir, stat.st_mtime_ns, stat.st_size)
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is None:
            for old in [k for k in _CACHE if k[0] == pdf_dir]:
                del _CACHE[old]
            css_bytes = css_path.read_bytes()
            fetcher = make_url_fetcher(pdf_dir)
            font_config = FontConfiguration()
            stylesheet = CSS(string=css_bytes.decode("utf-8"), base_url=str(css_path),
                             url_fetcher=fetcher, font_config=font_config)
            cached = (font_config, stylesheet, hashlib.sha256(css_bytes).hexdigest(), fetcher)
            _CACHE[key] = cached
        return cached


def render_pdf(document: Document, template_dir: Path, attachments: dict[str, bytes] | None = None) -> bytes:
    """Return the contract as PDF bytes: same model and template give byte-identical output."""
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError

    pdf_dir = Path(template_dir).resolve() / "pdf"
    html = render_html(document, template_dir)
    font_config, stylesheet, css_digest, fetcher = _resources(pdf_dir)
    identifier = hashlib.sha256(
        f"{css_digest}\n{weasyprint.__version__}\n".encode() + html.encode("utf-8")
    ).hexdigest()[:32].encode("ascii")
    try:
        with _RENDER_LOCK:  # one FontConfiguration is shared; WeasyPrint is not thread-safe
            return weasyprint.HTML(
                string=html, base_url=str(pdf_dir) + "/", url_fetcher=fetcher,
            ).write_pdf(
                stylesheets=[stylesheet], font_config=font_config,
                pdf_identifier=identifier, uncompressed_pdf=False,
                **provenance_options(document, attachments),
            )
    except FatalURLFetchingError as exc:
        cause = exc.__cause__
        if isinstance(cause, ContractgenError):
            raise cause from None
        raise UnsafeResourceError(str(exc)) from cause
    except ContractgenError:
        raise
    except Exception as exc:  # WeasyPrint/Pango failures become one of ours, at the boundary
        raise OutputError(f"PDF rendering failed: {type(exc).__name__}: {exc}") from exc


# ------------------------------------------------------------ provenance (contracts repository, issue 4)
# Every key of document.provenance goes into the PDF's document information dictionary as
# "Contractgen<Key>" (WeasyPrint keeps only letters and digits in custom keys) and, whole, as JSON
# under "ContractgenProvenance"; `attachments` (the deal spec and its lock entry, from
# `contractgen build`) are embedded files dated from the contract's effective date, so the bytes
# stay deterministic. `contractgen explain` reads all of it back.

PROVENANCE_KEY = "ContractgenProvenance"


def provenance_options(document: Document, attachments: dict[str, bytes] | None = None) -> dict:
    """Return the write_pdf options that carry the provenance record and the attachments."""
    import datetime as dt
    import io
    import json

    from weasyprint import Attachment

    info = {PROVENANCE_KEY: json.dumps(document.provenance, sort_keys=True, ensure_ascii=False)}
    for key, value in sorted(document.provenance.items()):
        info["Contractgen" + "".join(part.title() for part in str(key).split("_"))] = str(value)

    def finisher(_document, pdf) -> None:
        import pydyf

        for key, value in info.items():
            pdf.info[key] = pydyf.String(value)

    try:
        when = dt.datetime.fromisoformat(document.date_iso) if document.date_iso else dt.datetime(2000, 1, 1)
    except ValueError:
        when = dt.datetime(2000, 1, 1)
    files = [Attachment(file_obj=io.BytesIO(data), name=name, created=when, modified=when,
                        description="contractgen provenance")
             for name, data in sorted((attachments or {}).items())]
    return {"finisher": finisher, "attachments": files}
