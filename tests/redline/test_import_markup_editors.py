"""import-markup reads the markup of the editors counterparties use: Word's and Google Docs' DOCX export.

Google Docs keeps suggested edits as tracked changes and comments in its DOCX export, but renames
every bookmark to its own ids and writes no custom document properties: the clauses are found by
their headings and a changed paragraph by our words.
"""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from contractgen.cli import main
from contractgen.redline.markup import read_markup
from tests.helpers import REFERENCE
from tests.redline import markup_docx as m
from tests.redline.test_import_markup import _paragraph_text, _render


def _their_edits(root):
    m.replace_words(m.paragraph(root, "general_cap"), "the Charges paid and payable", "150% of the Charges", 900)
    m.replace_words(m.paragraph(root, "costs", 1), "costs and expenses", "reasonable costs", 910)
    m.replace_words(m.paragraph(root, "at_risk_amount"), "12%", "15%", 920)
    m.replace_words(m.paragraph(root, "invoicing", 2), "30 days", "45 days", 930)
    return [m.comment(m.paragraph(root, "costs", 1), "Costs should follow the event.", 1)]


@pytest.fixture()
def files(tmp_path):
    deal = tmp_path / "deal-example.yaml"
    shutil.copy(REFERENCE, deal)
    ours, document = _render(deal)
    word = m.mark_up(ours, _their_edits)
    google = m.google_docs_export(word)
    (tmp_path / "google.docx").write_bytes(google)
    return deal, word, google, document


def _shape(markup):
    return [(c.clause, c.anchor, c.before, c.after, c.authors) for c in markup.changes]


def test_a_google_docs_export_reads_the_same_changes_and_comments_as_word(files):
    _, word, google, document = files
    assert b"general_cap" not in google and b"docProps/custom.xml" not in google  # nothing of ours to go by
    from_word, from_google = read_markup(word, document), read_markup(google, document)
    assert from_google.provenance == {}
    assert _shape(from_google) == _shape(from_word)
    assert [c.clause for c in from_google.changes] == [
        "invoicing",
        "limitation-of-liability",
        "costs",
        "service-credits",
    ]
    assert [c.anchor for c in from_google.changes] == ["", "general-cap", "", "at-risk-amount"]
    assert [(n.clause, n.text) for n in from_google.comments] == [("costs", "Costs should follow the event.")]


def test_a_google_docs_round_ends_with_their_text_in_the_contract(files, tmp_path):
    deal, _, google, _ = files
    theirs = tmp_path / "google.docx"
    result = CliRunner().invoke(main, ["import-markup", str(deal), str(theirs), "--accept", "all", "--json"])
    assert result.exit_code == 0, result.output
    assert "carries no contractgen provenance" in result.stderr
    data = json.loads(result.stdout)
    assert [v["field"] for v in data["values"]] == [
        "commercials.payment_terms",
        "service_levels.service_credits.at_risk",
    ]
    assert data["accepted"] == ["costs", "general-cap"]
    _, document = _render(deal)
    their_text = m.mark_up(google, m.accept_all)
    assert read_markup(their_text, document).changes == []  # an empty redline against their document
    assert _paragraph_text(document, "costs").startswith("Each Party pays its own reasonable costs incurred")


def test_an_untracked_google_docs_edit_is_found_by_its_clause_heading(tmp_path):
    ours, document = _render(REFERENCE)

    def untracked(root):
        for t in m.paragraph(root, "costs", 1).iter(f"{{{m.W}}}t"):
            t.text = t.text.replace("costs and expenses", "legal costs")

    markup = read_markup(m.google_docs_export(m.mark_up(ours, untracked)), document)
    assert [(c.clause, c.reference) for c in markup.changes] == [("costs", "clause 63")]
    assert markup.changes[0].marked().startswith("Each Party pays its own {+legal+} costs [-and expenses-] incurred")


def test_a_paragraph_word_inserted_and_one_it_deleted_are_accepted_into_the_clause(tmp_path):
    deal = tmp_path / "deal-example.yaml"
    shutil.copy(REFERENCE, deal)
    ours, document = _render(deal)
    added = "Electronic signatures bind the Parties as handwritten ones do."

    def edits(root):
        m.insert_paragraph(m.paragraph(root, "counterparts", 1), added, 940)
        m.delete_paragraph(m.paragraph(root, "counterparts", 3), 950)

    theirs = tmp_path / "theirs.docx"
    theirs.write_bytes(m.mark_up(ours, edits))
    markup = read_markup(theirs.read_bytes(), document)
    assert [(c.before[:30], c.after) for c in markup.changes] == [
        ("", added),
        ("The Parties may sign this Agre", ""),
    ]
    result = CliRunner().invoke(main, ["import-markup", str(deal), str(theirs), "--accept", "all"])
    assert result.exit_code == 0, result.output
    assert "accepted: overrides.counterparts written to" in result.output
    _, again = _render(deal)
    clause = next(c for _, c in again.iter_clauses() if c.id == "counterparts")
    from contractgen.redline.markup import paragraph_texts

    assert [t for _, t, _ in paragraph_texts(clause)] == [_paragraph_text(document, "counterparts"), added]
    assert read_markup(m.mark_up(theirs.read_bytes(), m.accept_all), again).changes == []
