"""The build warns of each word the governing law forbids (must_not_use) that the contract prints."""

from __future__ import annotations

from contractgen.document.model import Clause, Document, Part
from contractgen.document.reader import read_markdown
from contractgen.law.jurisdictions import law_of
from contractgen.library.contract_words import law_word_problems


def _document(text: str) -> Document:
    clause = Clause(id="rider", version=1, title="Rider", blocks=read_markdown(text), source="deal rider")
    part = Part(id="agreement", kind="agreement", title="", clauses=[clause])
    return Document(
        title="T", reference="", date_text="", date_iso="", locale="en_GB", draft=True, parties=[], parts=[part]
    )


def test_a_civil_law_contract_that_says_tort_is_warned_of():
    """French law takes its family's words and the warning names the clause and the word."""
    law = law_of("French law")
    found = law_word_problems(_document("Each Party is liable in Tort for negligence."), law.must_not_use, law.name)
    assert len(found) == 1 and found[0].startswith("deal rider: says 'Tort'") and law.name in found[0]


def test_a_word_is_matched_whole_and_the_governing_laws_own_words_pass():
    """'tortious' is not 'tort'; English law does not forbid 'tort'."""
    french = law_of("French law")
    assert law_word_problems(_document("No tortious claim arises."), french.must_not_use, french.name) == []
    english = law_of("English law")
    assert law_word_problems(_document("Liability in tort."), english.must_not_use, english.name) == []


def test_a_law_without_a_record_takes_its_familys_words():
    """Peru has no record: its family (civil_romanist) still forbids 'inconvenient forum'."""
    law = law_of("the laws of Peru")
    found = law_word_problems(_document("No claim of inconvenient forum."), law.must_not_use, law.name)
    assert len(found) == 1 and "'inconvenient forum'" in found[0]
