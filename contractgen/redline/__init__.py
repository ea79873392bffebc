"""Redlines: compare two finished document models and mark what was inserted, deleted or changed,
down to words; the writers print the marked model. The other side's marked-up DOCX read back
(``markup``) and the text accepted from it written into the deal file (``writeback``).
"""

from contractgen import lazy_exports

PUBLIC = {
    "diff_documents": "diff",
    "has_changes": "diff",
    "Redline": "diff",
    "SummaryEntry": "diff",
    "diff_inlines": "worddiff",
    "mark_text": "worddiff",
}
__getattr__ = lazy_exports(__name__, PUBLIC)
__all__ = sorted(PUBLIC)
