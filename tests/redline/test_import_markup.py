"""`contractgen import-markup`: the counterparty's tracked changes and comments read back, accepted as overrides."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from contractgen.cli import main
from contractgen.pipeline import Workspace, build_document, load_deal
from contractgen.redline.markup import read_markup
from tests.helpers import REFERENCE
from tests.redline import markup_docx as m


_render = m.render_docx


def _their_edits(root):
    cap = m.paragraph(root, "general_cap")
    m.replace_words(cap, "the Charges paid and payable", "150% of the Charges paid and payable", 900)
    costs = m.paragraph(root, "costs", 1)
    m.replace_words(costs, "costs and expenses", "reasonable costs", 910)
    counterparts = m.paragraph(root, "counterparts", 1)
    m.move_words(counterparts, "in any number of counterparts", 920)
    m.format_only(m.paragraph(root, "counterparts", 2), 930)  # formatting only: not a change
    return [m.comment(m.paragraph(root, "costs", 1), "We cannot accept a cost cap here.", 1)]


@pytest.fixture()
def negotiation(tmp_path):
    return m.negotiation_round(tmp_path, _their_edits)


def _paragraph_text(document, bookmark_clause: str, anchor: str = "", index: int = 0) -> str:
    from contractgen.redline.markup import paragraph_texts

    clause = next(c for _, c in document.iter_clauses() if c.id == bookmark_clause)
    texts = paragraph_texts(clause)
    return next(t for a, t, _ in texts if a == anchor) if anchor else texts[index][1]


def test_their_changes_are_read_clause_by_clause_and_word_by_word(negotiation):
    deal, theirs, document = negotiation
    markup = read_markup(theirs.read_bytes(), document)
    assert markup.provenance["deal_file"] == "deal-example.yaml"
    assert [(c.id, c.clause, c.anchor) for c in markup.changes] == [
        ("C1", "limitation-of-liability", "general-cap"),
        ("C2", "costs", ""),
        ("C3", "counterparts", ""),
    ]
    cap = markup.changes[0]
    assert cap.reference == "clause 42" and cap.authors == [m.AUTHOR]
    assert ("+", "150% of") in cap.words() and not any(op == "-" for op, _ in cap.words())
    assert markup.changes[1].marked() == (
        "Each Party pays its own {+reasonable+} costs [-and expenses-] incurred "
        "in negotiating, preparing and entering into this Agreement."
    )
    moved = markup.changes[2]
    assert moved.before.startswith("This Agreement may be signed in any number of counterparts. Each")
    assert moved.after.startswith("in any number of counterparts This Agreement may be signed . Each counterpart")
    assert [(n.clause, n.author, n.text) for n in markup.comments] == [
        ("costs", m.AUTHOR, "We cannot accept a cost cap here.")
    ]


def test_accepted_changes_become_overrides_and_the_next_render_prints_their_text(negotiation):
    deal, theirs, _ = negotiation
    before_yaml = deal.read_text(encoding="utf-8")
    report = CliRunner().invoke(main, ["import-markup", str(deal), str(theirs), "--accept", "C1,C2", "--json"])
    assert report.exit_code == 0, report.output
    data = json.loads(report.stdout)
    assert data["accepted"] == ["costs", "general-cap"] and data["refused"] == []
    assert data["comments"][0]["text"] == "We cannot accept a cost cap here."
    written = deal.read_text(encoding="utf-8")
    # a round trip: the lawyer's comments and layout are kept, only the overrides are added
    assert written.startswith(before_yaml.rstrip("\n").split("\nclauses:")[0])
    assert "# a document template under templates/" in written and "overrides:\n  general-cap: |" in written
    markup = read_markup(theirs.read_bytes(), build_document(load_deal(deal), Workspace()).document)
    _, document = _render(deal)
    assert _paragraph_text(document, "limitation-of-liability", "general-cap") == markup.changes[0].after
    assert _paragraph_text(document, "costs") == markup.changes[1].after
    # against the new render, the accepted changes are no longer changes; the rejected one still is
    new_docx, _ = _render(deal)
    again = read_markup(m.mark_up(new_docx, _their_edits_after_accepting), document)
    assert [c.clause for c in again.changes] == ["counterparts"]


def _their_edits_after_accepting(root):
    m.move_words(m.paragraph(root, "counterparts", 1), "in any number of counterparts", 920)


def test_none_accepts_nothing_and_an_unknown_id_is_refused(negotiation):
    deal, theirs, _ = negotiation
    before = deal.read_bytes()
    text = CliRunner().invoke(main, ["import-markup", str(deal), str(theirs)])
    assert text.exit_code == 0 and deal.read_bytes() == before
    assert (
        f"C2 clause 63 (Costs) by {m.AUTHOR}: Each Party pays its own {{+reasonable+}} costs [-and expenses-]"
        in text.output
    )
    assert (
        f"N1 comment by {m.AUTHOR} on clause 63 (Costs), on “Each Party pays its own costs and expenses incurred in "
        "negotiating, preparing and entering into this Agreement.”: We cannot accept a cost cap here." in text.output
    )
    wrong = CliRunner().invoke(main, ["import-markup", str(deal), str(theirs), "--accept", "C9"])
    assert wrong.exit_code != 0 and "no change C9" in wrong.output and deal.read_bytes() == before


def test_a_file_that_is_not_a_docx_is_refused(tmp_path):
    deal = tmp_path / "deal-example.yaml"
    shutil.copy(REFERENCE, deal)
    theirs = tmp_path / "theirs.docx"
    theirs.write_bytes(b"not a zip")
    result = CliRunner().invoke(main, ["import-markup", str(deal), str(theirs)])
    assert result.exit_code != 0 and "not a DOCX file (not a zip archive)" in result.output


def _untracked(root):
    """An edit made with tracking off: the words simply differ from the render's."""
    costs = m.paragraph(root, "costs", 1)
    for t in costs.iter(f"{{{m.W}}}t"):
        t.text = t.text.replace("costs and expenses", "reasonable costs")


def test_an_edit_without_tracking_is_reported_and_accepted_the_same_way(tmp_path):
    deal = tmp_path / "deal-example.yaml"
    shutil.copy(REFERENCE, deal)
    ours, document = _render(deal)
    markup = read_markup(m.mark_up(ours, _untracked), document)
    assert [(c.id, c.clause, c.authors) for c in markup.changes] == [("C1", "costs", [])]
    assert markup.changes[0].marked().startswith("Each Party pays its own {+reasonable+} costs [-and expenses-]")
    assert read_markup(ours, document).changes == []  # the render itself reads as no change at all
    theirs = tmp_path / "theirs.docx"
    theirs.write_bytes(m.mark_up(ours, _untracked))
    assert CliRunner().invoke(main, ["import-markup", str(deal), str(theirs), "--accept", "all"]).exit_code == 0
    _, again = _render(deal)
    assert _paragraph_text(again, "costs") == markup.changes[0].after


def test_changed_figures_are_recognised_as_amounts_percentages_and_numbers():
    from contractgen.redline.markup import MarkupChange

    change = MarkupChange(
        "C1",
        "x",
        "X",
        "clause 1",
        "",
        0,
        "The cap is £1,000,000 or 12% of the Charges, paid within 30 days.",
        "The cap is £1,500,000 or 15% of the Charges, paid within 45 days.",
    )
    assert change.values() == [
        ("amount", "£1,000,000", "£1,500,000"),
        ("percentage", "12%", "15%"),
        ("number", "30", "45"),
    ]
    words = MarkupChange("C2", "x", "X", "clause 1", "", 0, "The Supplier will pay.", "The Client will pay.")
    assert words.values() == []


def test_a_comment_on_a_clause_heading_is_theirs_and_our_drafting_notes_are_not(tmp_path):
    ours, document = _render(REFERENCE)

    def edits(root):
        heading = m.comment(m.paragraph(root, "costs"), "Delete this clause.", 1)
        note = m.comment(m.paragraph(root, "counterparts"), "Drafting note …", 2)
        note.set(f"{{{m.W}}}author", "contractgen")
        return [heading, note]

    markup = read_markup(m.mark_up(ours, edits), document)
    assert [(n.clause, n.text) for n in markup.comments] == [("costs", "Delete this clause.")]
    assert markup.changes == []
