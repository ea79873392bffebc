"""Library checks: lint (front matter, references, variables, defined terms, the outline) and
coverage (which checklist items a deal needs and the clauses that cover them).
"""

from contractgen import lazy_exports

PUBLIC = {
    "lint_library": "lint",
    "LintReport": "lint",
    "LintMessage": "lint",
    "deal_coverage": "coverage",
    "load_checklist": "coverage",
}
__getattr__ = lazy_exports(__name__, PUBLIC)
__all__ = sorted(PUBLIC)
