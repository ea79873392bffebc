"""Rendering clause templates: the sandboxed Jinja environment with its filters and the deal
context, and the static analysis lint uses to check the variables a template reads.
"""

from contractgen import lazy_exports

PUBLIC = {
    "build_context": "sandbox",
    "render_text": "sandbox",
    "evaluate_condition": "sandbox",
    "analyse_template": "analysis",
    "analyse_expression": "analysis",
}
__getattr__ = lazy_exports(__name__, PUBLIC)
__all__ = sorted(PUBLIC)
