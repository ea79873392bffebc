"""Blockers of the independent legal review of the samples (issue 12), each held by its sample's text."""

from __future__ import annotations

import re

from contractgen.templating.spelling import WORDS, load_spelling, table_problems
from tests.helpers import ROOT, SAMPLES, TEMPLATE
from tests.library.terms import contract_text

SPELLING = load_spelling(TEMPLATE)


def library_words() -> list[str]:
    """Every word written in a clause of the library, lower case."""
    return [w.lower() for path in (ROOT / "clauses").rglob("v*.md") for w in WORDS.findall(path.read_text(encoding="utf-8"))]


# 6. US spelling: a stem swaps only its British ending, and no respelt word comes out garbled

def test_modernise_is_respelt_modernize():
    assert SPELLING.us("modernise") == "modernize"
    assert SPELLING.us("modernisation") == "modernization"


def test_the_spelling_table_has_no_garbling_stem():
    assert table_problems(SPELLING, library_words()) == []


def test_a_stem_that_keeps_its_ending_is_reported():
    from contractgen.templating.spelling import Spelling

    bad = Spelling((("moderni", "moderniz"),), {}, frozenset())
    problems = table_problems(bad, ["modernise"])
    assert any("moderni: moderniz" in p for p in problems)
    assert any("'modernise' is respelt 'modernizse'" in p for p in problems)
