"""Library checks: lint (front matter, references, variables, defined terms, the outline, the law
records) and coverage (which checklist items a deal needs and the clauses that cover them);
law_usage (which clauses use a law record).
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
