"""The DOCX writer: prints the document model (or a redline as tracked changes) as a Word file
with python-docx: body, numbering, styles, properties, deterministic packaging.
"""

from contractgen import lazy_exports

PUBLIC = {
    "render_docx": "writer",
    "render_redline_docx": "redline",
}
__getattr__ = lazy_exports(__name__, PUBLIC)
__all__ = sorted(PUBLIC)
