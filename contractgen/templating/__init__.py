"""Rendering clause templates: the sandboxed Jinja environment with its filters and the deal
context, and the static analysis lint uses to check the variables a template reads.
"""

from contractgen import lazy_exports

PUBLIC = {
    "build_context": "context",
    "context_types": "context",
    "render_text": "render",
    "evaluate_condition": "render",
    "make_environment": "sandbox",
    "run_bounded": "worker",
    "analyse_template": "analysis",
    "analyse_expression": "analysis",
}
__getattr__ = lazy_exports(__name__, PUBLIC)
__all__ = sorted(PUBLIC)
