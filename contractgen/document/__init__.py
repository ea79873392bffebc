"""The document model: the Markdown reader builds it from rendered clauses, the transforms number
it and fill in definitions, cross-references and contents, and it round-trips through JSON.
"""

from contractgen import lazy_exports

PUBLIC = {
    "Document": "model",
    "iter_blocks": "model",
    "inline_text": "model",
    "read_markdown": "reader",
    "read_inline": "reader",
    "apply_transforms": "transforms",
    "reference_text": "transforms",
    "document_to_json": "json_form",
    "document_from_json": "json_form",
}
__getattr__ = lazy_exports(__name__, PUBLIC)
__all__ = sorted(PUBLIC)
