"""Redline HTML and PDF: the print layout of the new contract with the changes marked.

The same layout (pdf/layout.html.j2) prints Ins/Del as <ins>/<del> and `change` as chg-* classes;
this module adds the summary page (pdf/redline-summary.html.j2) and the redline stylesheet
(pdf/redline.css) and typesets it with the PDF writer's cached, sandboxed resources.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import jinja2

from contractgen.errors import ContractgenError, LibraryError, OutputError, TemplateError
from contractgen.writers.html import LAYOUT, _environment, html_lang, metadata_date

REDLINE_CSS = "redline.css"
GROUPS = (("inserted", "Added"), ("deleted", "Removed"), ("changed", "Changed"),
          ("renumbered", "Renumbered only"))

_CSS_CACHE: dict[tuple, tuple] = {}
_LOCK = threading.Lock()


def summary_context(redline) -> dict:
    """Return what the summary page prints: the old version's facts and the grouped entries."""
    groups = []
    for change, heading in GROUPS:
        entries = [e for e in redline.summary if e.change == change]
        if entries:
            groups.append({"change": change, "heading": heading, "entries": entries})
    return {"old_reference": redline.old_reference, "old_date_text": redline.old_date_text,
            "old_source": redline.old_source, "groups": groups}


def render_redline_html(redline, template_dir: Path) -> str:
    """Return the redline as one HTML page: summary of changes, then the marked-up contract."""
    pdf_dir = Path(template_dir).resolve() / "pdf"
    env = _environment(pdf_dir)
    document = redline.document
    try:
        template = env.get_template(LAYOUT)
    except jinja2.TemplateNotFound as exc:
        raise LibraryError(f"{pdf_dir / LAYOUT}: the PDF layout template is missing") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise LibraryError(f"{exc.filename}:{exc.lineno}: {exc.message}") from exc
    subject = " and ".join(party.name for party in document.parties if party.change != "deleted")
    try:
        return template.render(
            document=document,
            lang=html_lang(document.locale),
            subject=f"Redline: agreement between {subject}" if subject else f"Redline: {document.title}",
            metadata_date=metadata_date(document),
            redline_summary=summary_context(redline),
        )
    except jinja2.TemplateNotFound as exc:
        raise LibraryError(f"{pdf_dir}: redline layout part {exc.name} is missing") from exc
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{pdf_dir / LAYOUT}: {exc.message}") from exc


def _redline_stylesheet(pdf_dir: Path, font_config, fetcher):
    """Return the parsed redline.css (cached per file version) and its digest."""
    from weasyprint import CSS

    css_path = pdf_dir / REDLINE_CSS
    try:
        stat = css_path.stat()
    except OSError as exc:
        raise OutputError(f"{css_path}: the redline stylesheet is missing") from exc
    key = (pdf_dir, stat.st_mtime_ns, stat.st_size, id(font_config))
    with _LOCK:
        cached = _CSS_CACHE.get(key)
        if cached is None:
            for old in [k for k in _CSS_CACHE if k[0] == pdf_dir]:
                del _CSS_CACHE[old]
            text = css_path.read_bytes()
            cached = (CSS(string=text.decode("utf-8"), base_url=str(css_path), url_fetcher=fetcher,
                          font_config=font_config), hashlib.sha256(text).hexdigest())
            _CSS_CACHE[key] = cached
        return cached


def render_redline_pdf(redline, template_dir: Path) -> bytes:
    """Return the redline as PDF bytes (deterministic, same sandbox as the contract PDF)."""
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError

    from contractgen.writers.pdf import _RENDER_LOCK, UnsafeResourceError, _resources

    pdf_dir = Path(template_dir).resolve() / "pdf"
    html = render_redline_html(redline, template_dir)
    font_config, stylesheet, css_digest, fetcher = _resources(pdf_dir)
    redline_css, redline_digest = _redline_stylesheet(pdf_dir, font_config, fetcher)
    identifier = hashlib.sha256(
        f"{css_digest}\n{redline_digest}\n{weasyprint.__version__}\n".encode() + html.encode("utf-8")
    ).hexdigest()[:32].encode("ascii")
    try:
        with _RENDER_LOCK:
            return weasyprint.HTML(string=html, base_url=str(pdf_dir) + "/", url_fetcher=fetcher).write_pdf(
                stylesheets=[stylesheet, redline_css], font_config=font_config,
                pdf_identifier=identifier, uncompressed_pdf=False,
            )
    except FatalURLFetchingError as exc:
        cause = exc.__cause__
        if isinstance(cause, ContractgenError):
            raise cause from None
        raise UnsafeResourceError(str(exc)) from cause
    except ContractgenError:
        raise
    except Exception as exc:  # WeasyPrint/Pango failures become one of ours, at the boundary
        raise OutputError(f"redline PDF rendering failed: {type(exc).__name__}: {exc}") from exc
