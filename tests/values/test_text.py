"""The indefinite article a word takes by its sound, as the notes and the clauses print it."""

from __future__ import annotations

import pytest

from contractgen.values.text import with_indefinite_article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("insurer", "an insurer"),
        ("insurer in CH", "an insurer in CH"),
        ("e-money institution", "an e-money institution"),
        ("investment firm", "an investment firm"),
        ("bank", "a bank"),
        ("payment institution in NL", "a payment institution in NL"),
        ("university", "a university"),
        ("FCA", "an FCA"),
        ("NHS trust", "an NHS trust"),
        ("PRA", "a PRA"),
    ],
)
def test_the_article_follows_the_sound(text, expected):
    assert with_indefinite_article(text) == expected


def test_a_note_on_an_inferred_insurer_reads_as_english(tmp_path):
    from contractgen.deal.load import deal_findings
    from contractgen.yamlload import safe_load
    from tests.helpers import ROOT

    data = safe_load((ROOT / "tests/fixtures/openworld/deals/ch-insurer-conflicts.yaml").read_text(encoding="utf-8"))
    _, _, notes = deal_findings(data)
    text = " ".join(f"{n.unrecognised}; {n.drafted}" for n in notes if "insurer" in f"{n.unrecognised} {n.drafted}")
    assert "suggests an insurer" in text and "which applies to an insurer in CH" in text
    assert "a insurer" not in text
