"""US spelling from one library source: the template's spelling.yaml respells clause text, never deal values."""

from __future__ import annotations


from contractgen.templating.spelling import load_spelling, respell_source, unhandled_words
from tests.helpers import ROOT, TEMPLATE

SPELLING = load_spelling(TEMPLATE)


def test_static_text_is_respelt_and_jinja_anchors_and_targets_are_not():
    source = (
        "The Organisation authorised {{ deal.organisation }} under the Licence [](#licence-terms), "
        "at the Centre, wilfully. {#authorised-use}"
    )
    assert respell_source(source, SPELLING) == (
        "The Organization authorized {{ deal.organisation }} under the License [](#licence-terms), "
        "at the Center, willfully. {#authorised-use}"
    )


def test_words_spelt_the_same_are_left_alone():
    text = "Otherwise the exercise of premises, hours and analysis, until the email arrives."
    assert respell_source(text, SPELLING) == text


def test_a_british_word_the_table_does_not_know_is_reported():
    assert unhandled_words("The Supplier will harmonise and rumour {{ x.colourise }}.", SPELLING) == ["rumour"]


def test_every_word_of_the_library_is_handled():
    found = {
        w
        for path in (ROOT / "clauses").rglob("v*.md")
        for w in unhandled_words(path.read_text(encoding="utf-8"), SPELLING)
    }
    assert found == set()
