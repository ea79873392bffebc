"""The counterparts clause offers electronic signature only where the governing law's record allows it."""

from __future__ import annotations


import pytest

from contractgen.law.commercial import ExecutionFormalities
from contractgen.library.clauses import split_front_matter
from contractgen.templating.render import render_text
from tests.helpers import ROOT

CLAUSE = ROOT / "clauses" / "boilerplate" / "counterparts" / "v2.md"


def counterparts(execution: ExecutionFormalities) -> str:
    """The clause's text under a law whose record says `execution`."""
    _, body, _ = split_front_matter(CLAUSE.read_text(encoding="utf-8"))
    return " ".join(render_text(body, {"law": {"execution": execution}}, str(CLAUSE)).split())


def test_a_law_that_does_not_accept_an_electronic_signature_gets_signing_by_hand():
    text = counterparts(ExecutionFormalities(e_signature=False))
    assert "Each Party will sign this Agreement by hand." in text
    assert "electronic signature" not in text


def test_a_law_that_names_its_statute_has_it_cited():
    text = counterparts(ExecutionFormalities(e_signature=True, e_signature_law="the Electronic Transactions Act 2010"))
    assert "by electronic signature, which the Electronic Transactions Act 2010 recognises, and may exchange" in text


@pytest.mark.parametrize("execution", [ExecutionFormalities(), ExecutionFormalities(e_signature=True)])
def test_a_law_without_a_statute_on_record_keeps_the_general_wording(execution):
    text = counterparts(execution)
    assert "The Parties may sign this Agreement by electronic signature, and may exchange" in text
    assert "by hand" not in text
