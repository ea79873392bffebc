"""The PDF writer: prints the document model through the template's HTML layout and typesets it
with WeasyPrint (PDF/A-3b); the redline variant adds a summary page and marks.
"""

from contractgen import lazy_exports

PUBLIC = {
    "render_pdf": "writer",
    "html_to_pdf": "writer",
    "render_html": "html",
    "render_redline_pdf": "redline",
    "render_redline_html": "redline",
}
__getattr__ = lazy_exports(__name__, PUBLIC)
__all__ = sorted(PUBLIC)
