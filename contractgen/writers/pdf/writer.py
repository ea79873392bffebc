"""PDF writer: the HTML of ``writers.html`` typeset by WeasyPrint (through ``engine``), deterministically and safely.

WeasyPrint is imported lazily (a DOCX-only render never loads it). The parsed print stylesheet
and the FontConfiguration are cached per template folder, so a worker rendering many contracts
parses them once. WeasyPrint may read only files inside the template folder: every other URL
(other paths, symlinks out, network schemes, data: URLs, oversized files) stops the render with
``UnsafeResourceError`` instead of a logged warning.
"""

from __future__ import annotations

import atexit
import gc
import hashlib
import mimetypes
import re
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from contractgen import safefs
from contractgen.errors import ContractgenError, MissingFontError, OutputError, UnsafePathError, UnsafeResourceError
from contractgen.document.model import Document
from contractgen.writers.pdf.html import render_html
from contractgen.writers.pdf import engine
import datetime as dt
import json

STYLESHEET = "print.css"
MAX_RESOURCE_BYTES = 8 * 1024 * 1024
MAX_FONT_BYTES = 32 * 1024 * 1024  # a CJK font collection is 26-27 MB
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".woff", ".woff2")
PDF_VARIANT = "pdf/a-3b"  # the contract PDF is archival and may carry the deal spec as attachments

_CACHE: dict[tuple, tuple] = {}
_EXTRA_CACHE: dict[tuple, tuple] = {}
_LOCK = threading.Lock()
_RENDER_LOCK = threading.Lock()
# Drop the cached FontConfigurations before interpreter shutdown: one that outlives WeasyPrint's
# modules fails in its __del__ and prints "Exception ignored" after every PDF-rendering process.
atexit.register(_EXTRA_CACHE.clear)
atexit.register(_CACHE.clear)


_FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}", re.IGNORECASE)
_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)", re.IGNORECASE)


def font_files(css_text: str, css_path: Path) -> list[Path]:
    """Return the font files a stylesheet's @font-face rules name, resolved beside the stylesheet."""
    return [
        (Path(css_path).parent / unquote(m.group(2)))
        for face in _FONT_FACE.finditer(css_text)
        for m in _URL.finditer(face.group(1))
    ]


def check_font_files(css_text: str, css_path: Path, root: Path) -> None:
    """Raise MissingFontError when a declared font file is missing or unreadable (WeasyPrint would substitute one)."""
    for path in font_files(css_text, css_path):
        try:
            resolve_resource(path.absolute().as_uri(), root)
        except UnsafeResourceError as exc:
            raise MissingFontError(
                f"{css_path}: font {path.relative_to(Path(css_path).parent).as_posix()} "
                f"cannot be used ({exc}); the template carries its fonts and contractgen "
                "never substitutes another"
            ) from None


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
    if real.suffix.lower() in FONT_SUFFIXES:
        max_bytes = max(max_bytes, MAX_FONT_BYTES)
    if size > max_bytes:
        raise UnsafeResourceError(f"refusing to fetch {url!r}: {size} bytes is over the {max_bytes} byte cap")
    return real


def make_url_fetcher(root: Path, max_bytes: int = MAX_RESOURCE_BYTES):
    """Return a WeasyPrint URL fetcher that serves only files inside ``root`` and fails loudly otherwise."""
    top = Path(root).resolve()

    def serve(url: str) -> tuple[str, bytes, str]:
        """Return the template file ``url`` names, or raise UnsafeResourceError."""
        path = resolve_resource(url, top, max_bytes)
        cap = max(max_bytes, MAX_FONT_BYTES) if path.suffix.lower() in FONT_SUFFIXES else max_bytes
        try:  # the real file, opened once more: still a regular file inside the template, within the cap
            data = safefs.read_bytes(path, top, cap)
        except (OSError, UnsafePathError) as exc:
            raise UnsafeResourceError(f"refusing to fetch {url!r}: {exc}") from None
        return path.as_uri(), data, mimetypes.guess_type(path.name)[0] or "application/octet-stream"

    return engine.url_fetcher(serve)


def _stylesheet_key(css_path: Path, what: str) -> tuple[int, int]:
    """Return (mtime_ns, size) of a stylesheet; OutputError if it is missing."""
    try:
        stat = css_path.stat()
    except OSError as exc:
        raise OutputError(f"{css_path}: the {what} stylesheet is missing") from exc
    return stat.st_mtime_ns, stat.st_size


def _cached(cache: dict, key: tuple, make):
    """Return cache[key], made once; a new version of the same file (key[0]) evicts the old."""
    with _LOCK:
        cached = cache.get(key)
        if cached is None:
            for old in [k for k in cache if k[0] == key[0]]:
                del cache[old]
            cached = make()
            cache[key] = cached
        return cached


def _parse_stylesheet(css_path: Path, font_config, fetcher):
    """Return (parsed CSS, sha256 of its bytes) for one stylesheet file."""
    try:  # within the template: a stylesheet linking out of it (or to a device) is refused
        css_bytes = safefs.read_bytes(css_path, Path(css_path).parent.parent)
    except UnsafePathError as exc:
        raise OutputError(str(exc)) from None
    check_font_files(css_bytes.decode("utf-8"), css_path, css_path.parent)
    stylesheet = engine.stylesheet(css_bytes.decode("utf-8"), str(css_path), fetcher, font_config)
    return stylesheet, hashlib.sha256(css_bytes).hexdigest()


def _resources(pdf_dir: Path):
    """Return (font_config, stylesheet, css_digest, fetcher) for a template, parsed once and cached."""
    css_path = pdf_dir / STYLESHEET
    key = (pdf_dir, *_stylesheet_key(css_path, "print"))

    def make():
        fetcher = make_url_fetcher(pdf_dir)
        font_config = engine.font_configuration()
        stylesheet, digest = _parse_stylesheet(css_path, font_config, fetcher)
        return font_config, stylesheet, digest, fetcher

    return _cached(_CACHE, key, make)


def prepare(pdf_dir: Path) -> None:
    """Load now what every contract PDF of this template needs (WeasyPrint, the parsed print.css and
    fonts, pikepdf and fontTools for the join, the font files' digests and names, their character maps,
    a first page laid out and drawn), so the workers a build forks from this process inherit it
    instead of each loading it again."""
    from contractgen.writers.pdf import assemble, frame, glyphs

    font_config, stylesheet, _, fetcher = _resources(pdf_dir)
    css_path = pdf_dir / STYLESHEET
    fonts = font_files(safefs.read_bytes(css_path, pdf_dir.parent).decode("utf-8"), css_path)
    frame.prepare_fonts(fonts)
    assemble.template_font_files(fonts)
    glyphs.coverage(fonts)  # 0.1 s a process: the CJK collections' maps are large
    # the first layout in a process loads the text faces, shapers and C types it draws with (0.04 s);
    # each contract renders in a fresh child of this process
    with _RENDER_LOCK, collector_paused():
        merged = engine.options({"stylesheets": [stylesheet], "pdf_identifier": b"0" * 32, "uncompressed_pdf": False})
        with engine.fetch_errors():
            page = engine.parse(_FIRST_PAGE, str(pdf_dir) + "/", fetcher)
            engine.draw(engine.lay_out(page, font_config, merged), merged)


_FIRST_PAGE = (
    "<!DOCTYPE html><html><body><h1>Agreement</h1><h2>1. Services</h2>"
    "<p>The <strong>Supplier</strong> provides the <em>Services</em> (clause 1.2) for 12 months.</p></body></html>"
)


def _extra_stylesheet(css_path: Path, what: str, font_config, fetcher):
    """Return (parsed CSS, digest) of a further stylesheet beside print.css, cached per file version."""
    key = (css_path, *_stylesheet_key(css_path, what), id(font_config))
    return _cached(_EXTRA_CACHE, key, lambda: _parse_stylesheet(css_path, font_config, fetcher))


@contextmanager
def collector_paused():
    """Pause Python's cyclic garbage collector while WeasyPrint lays out and draws.

    A render allocates about a million short-lived boxes and styles, and the collector's full
    passes over the growing heap took a fifth of the layout time. Reference counting still frees
    most of them at once; the cycles left over are collected by the next automatic pass after
    the render. The PDF bytes do not depend on it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def html_to_pdf(
    html: str,
    pdf_dir: Path,
    extra_stylesheets: tuple[tuple[str, str], ...] = (),
    options=None,
    label: str = "PDF",
    pdf_variant: str | None = None,
) -> bytes:
    """Typeset one HTML page of a template's pdf folder as deterministic PDF bytes.

    The page gets the cached print.css (then each (file name, description) of `extra_stylesheets`
    in that folder), the shared FontConfiguration and the template-only URL fetcher; the PDF
    identifier is a hash of the stylesheets, the WeasyPrint version and the HTML. `options`, if
    given, returns further write_pdf options (it runs inside the error boundary); `pdf_variant`
    is WeasyPrint's (None: plain PDF). Any failure becomes a contractgen error ("<label>
    rendering failed: ...").
    """
    font_config, stylesheet, css_digest, fetcher = _resources(pdf_dir)
    extras = [_extra_stylesheet(pdf_dir / name, what, font_config, fetcher) for name, what in extra_stylesheets]
    digests = "".join(f"{digest}\n" for digest in [css_digest, *(digest for _, digest in extras)])
    identifier = (
        hashlib.sha256(f"{digests}{engine.version()}\n".encode() + html.encode("utf-8"))
        .hexdigest()[:32]
        .encode("ascii")
    )
    try:
        with _RENDER_LOCK, collector_paused():  # one FontConfiguration is shared; WeasyPrint is not thread-safe
            settings = dict(
                stylesheets=[stylesheet, *(css for css, _ in extras)],
                pdf_identifier=identifier,
                uncompressed_pdf=False,
                pdf_variant=pdf_variant,
                **(options() if options else {}),
            )
            return engine.typeset(html, str(pdf_dir) + "/", fetcher, font_config, settings)
    except ContractgenError:
        raise
    except Exception as exc:  # WeasyPrint/Pango failures become one of ours, at the boundary
        raise OutputError(f"{label} rendering failed: {type(exc).__name__}: {exc}") from exc


def render_pdf(document: Document, template_dir: Path, attachments: dict[str, bytes] | None = None) -> bytes:
    """Return the contract as PDF bytes: same model and template give byte-identical output.

    Laid out in parts and joined (``writers.pdf.frame``) when the layout marks parts and
    CONTRACTGEN_PDF_PARTS is not "off"; else in one layout.
    """
    from contractgen.writers.pdf import frame

    from contractgen.writers.pdf import glyphs

    html = render_html(document, template_dir)
    pdf_dir = Path(template_dir).resolve() / "pdf"
    css_path = pdf_dir / STYLESHEET
    fonts = font_files(safefs.read_bytes(css_path, pdf_dir.parent).decode("utf-8"), css_path)
    glyphs.check(document, fonts, html_text(html))
    options = lambda: provenance_options(document, attachments)  # noqa: E731
    if frame.setting() != "off":
        joined = _render_in_parts(html, pdf_dir, options)
        if joined is not None:
            return joined
    return html_to_pdf(html, pdf_dir, pdf_variant=PDF_VARIANT, options=options)


_TAG = re.compile(r"<style\b.*?</style>|<[^>]*>", re.IGNORECASE | re.DOTALL)


def html_text(html: str) -> str:
    """Return the text an HTML page prints (tags and style sheets dropped, entities read)."""
    import html as markup

    return markup.unescape(_TAG.sub(" ", html))


def _render_in_parts(html: str, pdf_dir: Path, options) -> bytes | None:
    """Return the contract laid out in parts (None: the layout marks none), inside the writer's error boundary."""
    from contractgen.writers.pdf import flow, frame
    from contractgen.writers.pdf.parts import Kit

    font_config, stylesheet, css_digest, fetcher = _resources(pdf_dir)
    css_path = pdf_dir / STYLESHEET
    css_text = safefs.read_bytes(css_path, pdf_dir.parent).decode("utf-8")
    fonts = font_files(css_text, css_path)
    identifier = (
        hashlib.sha256(f"{css_digest}\n{engine.version()}\n".encode() + html.encode("utf-8"))
        .hexdigest()[:32]
        .encode("ascii")
    )
    kit = Kit(
        font_config,
        [stylesheet],
        str(pdf_dir) + "/",
        fetcher,
        flow=flow.lay_out_marked if flow.css_allows(css_text) else None,
    )
    try:
        with _RENDER_LOCK, collector_paused():  # one FontConfiguration is shared; WeasyPrint is not thread-safe
            settings = dict(pdf_identifier=identifier, uncompressed_pdf=False, pdf_variant=PDF_VARIANT, **options())
            return frame.render_in_parts(html, kit, css_digest, fonts, settings)
    except ContractgenError:
        raise
    except Exception as exc:  # WeasyPrint/Pango failures become one of ours, at the boundary
        raise OutputError(f"PDF rendering failed: {type(exc).__name__}: {exc}") from exc


# ------------------------------------------------------------ provenance (what `contractgen explain` reads back)
# Every key of document.provenance goes into the PDF's document information dictionary as
# "Contractgen<Key>" (WeasyPrint keeps only letters and digits in custom keys) and, whole, as JSON
# under "ContractgenProvenance"; `attachments` (the deal spec and its lock entry, from
# `contractgen build`) are embedded files dated from the contract's effective date, so the bytes
# stay deterministic. `contractgen explain` reads all of it back.

PROVENANCE_KEY = "ContractgenProvenance"


def provenance_options(document: Document, attachments: dict[str, bytes] | None = None) -> dict:
    """Return the write_pdf options that carry the provenance record and the attachments."""

    info = {PROVENANCE_KEY: json.dumps(document.provenance, sort_keys=True, ensure_ascii=False)}
    for key, value in sorted(document.provenance.items()):
        info["Contractgen" + "".join(part.title() for part in str(key).split("_"))] = str(value)

    try:
        when = dt.datetime.fromisoformat(document.date_iso) if document.date_iso else dt.datetime(2000, 1, 1)
    except ValueError:
        when = dt.datetime(2000, 1, 1)
    files = [
        engine.attachment(name, data, when, "contractgen provenance")
        for name, data in sorted((attachments or {}).items())
    ]
    return {"finisher": engine.info_finisher(info), "attachments": files}
