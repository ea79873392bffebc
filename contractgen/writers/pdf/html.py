"""HTML writer: prints the document model through the template's print layout (for the PDF).

Every piece of text comes from the model and is escaped exactly once, by Jinja's autoescape:
the recursive block and inline rendering lives in macros of ``pdf/layout.html.j2``, and no
Python code here builds markup. The writer prints, it never decides: numbers, cross-reference
texts, definitions and contents entries are taken from the model as they are.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import SecurityError

from contractgen import safefs
from contractgen.errors import DocumentError, LibraryError, TemplateError, UnsafePathError
from contractgen.document.model import Document
from contractgen.templating.render import limited
from contractgen.templating.sandbox import make_environment
from contractgen.templating.worker import rendering
from contractgen.writers.timestamp import source_date_epoch

LAYOUT = "layout.html.j2"
MAX_LAYOUT_BYTES = 4 * 1024 * 1024

_ENVIRONMENTS: dict[Path, jinja2.Environment] = {}
_LOCK = threading.Lock()


def _unknown_node(node) -> str:
    """Refuse a block or inline kind the layout does not know (never print a blank)."""
    kind = getattr(node, "kind", type(node).__name__)
    raise DocumentError(f"the HTML writer does not know how to print a {kind!r} node")


class _TemplateFolderLoader(jinja2.BaseLoader):
    """Load layout templates only as regular files inside the template's folder (never through a link out of it)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def get_source(self, environment, template):
        """Return (source, file name, up-to-date check) of a template, read through contractgen.safefs."""
        path = self.folder.joinpath(*split_template_path(template))
        if not (path.is_file() or path.is_symlink()):
            raise jinja2.TemplateNotFound(template)
        try:
            raw = safefs.read_text(path, self.folder.parent, MAX_LAYOUT_BYTES)
        except (OSError, UnicodeDecodeError, UnsafePathError) as exc:
            raise TemplateError(f"{path}: cannot be read: {exc}") from None
        mtime = os.path.getmtime(path)
        source = raw.replace("\r\n", "\n").replace("\r", "\n")  # as a text-mode read gives it
        return source, str(path), lambda: os.path.exists(path) and os.path.getmtime(path) == mtime


def _environment(pdf_dir: Path) -> jinja2.Environment:
    """Return the (cached) Jinja environment for one template's pdf folder."""
    with _LOCK:
        env = _ENVIRONMENTS.get(pdf_dir)
        if env is None:
            env = make_environment("layout", _TemplateFolderLoader(pdf_dir))
            env.globals["unknown_node"] = _unknown_node
            _ENVIRONMENTS[pdf_dir] = env
        return env


def html_lang(locale: str) -> str:
    """Return the BCP 47 language tag for a deal locale ("en_GB" -> "en-GB")."""
    return (locale or "en").replace("_", "-")


def metadata_date(document: Document) -> str:
    """Return the W3C date for the PDF's created/modified dates: SOURCE_DATE_EPOCH or the deal date."""
    moment = source_date_epoch()
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else document.date_iso


def render_layout(template_dir: Path, document: Document, subject: str, missing_part: str = "", **context) -> str:
    """Render ``template_dir/pdf/layout.html.j2`` for a document with its language and metadata.

    `subject` is the PDF subject; `context` goes to the layout as it is. With `missing_part`, a
    template the layout includes but cannot find is reported as "<pdf dir>: <missing_part> <name>
    is missing".
    """
    pdf_dir = Path(template_dir).resolve() / "pdf"
    env = _environment(pdf_dir)
    try:
        template = env.get_template(LAYOUT)
    except jinja2.TemplateNotFound as exc:
        raise LibraryError(f"{pdf_dir / LAYOUT}: the PDF layout template is missing") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise LibraryError(f"{exc.filename}:{exc.lineno}: {exc.message}") from exc
    try:
        with limited(), rendering(str(pdf_dir / LAYOUT)):
            return template.render(
                document=document,
                lang=html_lang(document.locale),
                subject=subject,
                metadata_date=metadata_date(document),
                **context,
            )
    except jinja2.TemplateNotFound as exc:
        if not missing_part:
            raise
        raise LibraryError(f"{pdf_dir}: {missing_part} {exc.name} is missing") from exc
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{pdf_dir / LAYOUT}: {exc.message}") from exc
    except SecurityError as exc:
        raise TemplateError(f"{pdf_dir / LAYOUT}: not allowed in a layout template: {exc}") from exc
    except RecursionError:
        raise TemplateError(f"{pdf_dir / LAYOUT}: the layout nests too deeply") from None


def render_html(document: Document, template_dir: Path) -> str:
    """Return the whole contract as one HTML page, from ``template_dir/pdf/layout.html.j2``."""
    subject = " and ".join(party.name for party in document.parties)
    return render_layout(template_dir, document, f"Agreement between {subject}" if subject else document.title)
