"""Their edits where the contract prints the deal's values: the cover, the signature page, a table's cells.

These places are not clause text, so an accepted edit there is written back as the deal value that
prints it; an edit no deal value makes (or one that would make the deal invalid) is refused, saying why.
"""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from contractgen.cli import main
from contractgen.redline.markup import paragraph_texts, read_markup
from tests.helpers import REFERENCE
from tests.redline import markup_docx as m


_render = m.render_docx


def _paragraph(root, text: str, nth: int = 0):
    """The nth w:p whose whole text is, or contains, `text` (the cover and tables carry no bookmark to find them by)."""
    found = [p for p in root.iter(f"{{{m.W}}}p") if text in "".join(t.text or "" for t in p.iter(f"{{{m.W}}}t"))]
    return found[nth]


def _their_edits(root):
    m.replace_words(_paragraph(root, "Hinjewadi Phase 2"), "Phase 2", "Phase 3", 900)  # the cover
    director = next(
        p for p in root.iter(f"{{{m.W}}}p") if "".join(t.text or "" for t in p.iter(f"{{{m.W}}}t")) == "Director"
    )
    m.replace_words(director, "Director", "Managing Director", 910)  # the signature page
    m.replace_words(_paragraph(root, "£450.00"), "£450.00", "£480.00", 920)  # the rate card's cell
    m.replace_words(_paragraph(root, "99.95%"), "99.95%", "99.9%", 930)  # an availability target's cell


@pytest.fixture()
def negotiation(tmp_path):
    return m.negotiation_round(tmp_path, _their_edits)


def test_edits_on_the_cover_the_signature_page_and_in_tables_are_read_where_they_are(negotiation):
    _, theirs, document = negotiation
    changes = read_markup(theirs.read_bytes(), document).changes
    assert [(c.clause, c.reference, c.place, c.before[-20:], c.after[-20:]) for c in changes] == [
        (
            ":cover",
            "the cover",
            "",
            "Pune 411057, India (the “Supplier”)"[-20:],
            "Pune 411057, India (the “Supplier”)"[-20:],
        ),
        (":signatures", "the signature page", "", "Director", "Managing Director"),
        (
            "sl-availability",
            "paragraph 2 of Schedule 2",
            "the table's row “Infrastructure Management (INF)”, column “Availability target”",
            "99.95%",
            "99.9%",
        ),
        (
            "ch-rate-card",
            "paragraph 2 of Schedule 3",
            "the table's row “Infrastructure Engineer”, column “Day rate”",
            "£450.00",
            "£480.00",
        ),
    ]
    assert "Phase [-2,-] {+3,+}" in changes[0].marked()


def test_accepted_they_become_the_deal_values_and_an_invalid_one_is_refused_saying_why(negotiation):
    deal, theirs, _ = negotiation
    report = CliRunner().invoke(main, ["import-markup", str(deal), str(theirs), "--accept", "all", "--json"])
    data = json.loads(report.stdout)
    assert [(v["change"], v["field"], v["theirs"]) for v in data["values"]] == [
        ("C1", "parties.supplier.address", "Rajiv Gandhi Infotech Park, Hinjewadi Phase 3, Pune 411057, India"),
        ("C2", "parties.supplier.signatory.title", "Managing Director"),
        ("C4", "commercials.rate_card[1].day_rate", 480),
    ]
    assert data["accepted"] == []  # no override: each was a value
    # the target alone would sit below the credit threshold of 99.95%: refused, with the rule's own words
    assert [line.split(":")[0] for line in data["refused"]] == ["C3"]
    assert any(n.startswith("C3:") and "tiers[0].below" in n for n in data["notes"])
    assert report.exit_code == 2
    written = YAML(typ="safe").load(deal.read_text(encoding="utf-8"))
    assert written["parties"]["supplier"]["signatory"] == {"name": "Rohan Mehta", "title": "Managing Director"}
    assert written["service_levels"]["availability"][0]["target"] == 99.95
    assert data["differing"] == ["C3"]  # the re-render prints every accepted edit as they wrote it


def test_the_same_edits_made_without_tracking_are_found_against_what_we_printed(tmp_path):
    ours, document = _render(REFERENCE)

    def untracked(root):
        for text, old, new in (("Hinjewadi Phase 2", "Phase 2", "Phase 3"), ("£450.00", "£450.00", "£480.00")):
            for t in _paragraph(root, text).iter(f"{{{m.W}}}t"):
                t.text = (t.text or "").replace(old, new)

    changes = read_markup(m.mark_up(ours, untracked), document).changes
    assert [(c.clause, c.place, c.marked()[-25:]) for c in changes] == [
        (":cover", "", "[-2,-] {+3,+} Pune 411057, India (the “Supplier”)"[-25:]),
        ("ch-rate-card", "the table's row “Infrastructure Engineer”, column “Day rate”", "[-£450.00-] {+£480.00+}"),
    ]
    assert read_markup(ours, document).changes == []  # our own render reads as no change, its frame included


def test_a_file_edited_without_tracking_is_aligned_with_our_render_clause_by_clause(tmp_path):
    """A paragraph deleted, a figure in a clause with lists, a definition: found as they are, none shifted."""
    deal = tmp_path / "deal-example.yaml"
    shutil.copy(REFERENCE, deal)
    ours, _ = _render(deal)

    def untracked(root):
        gone = _paragraph(root, "The Supplier will not use the Client's name")
        gone.getparent().remove(gone)
        for text, old, new in (
            ("for each Measurement Period, monthly, within 10", "within 10", "within 15"),
            ("“Client Data” means", "“Client Data”", "“Customer Data”"),
        ):
            for t in _paragraph(root, text).iter(f"{{{m.W}}}t"):
                t.text = (t.text or "").replace(old, new)

    theirs = tmp_path / "theirs.docx"
    theirs.write_bytes(m.mark_up(ours, untracked))
    report = CliRunner().invoke(main, ["import-markup", str(deal), str(theirs), "--json"])
    changes = json.loads(report.stdout)["changes"]
    assert [(c["clause"], c["before"][:30], c["after"][:30]) for c in changes] == [
        ("definitions", "“Client Data” means all data, ", "“Customer Data” means all data"),
        ("publicity", "The Supplier will not use the ", ""),
        ("sl-measurement", "The Supplier will give the Cli", "The Supplier will give the Cli"),
    ]
    assert ["-", "10"] in changes[2]["words"] and ["+", "15"] in changes[2]["words"]
    assert all(c["authors"] == [] for c in changes)


def test_a_figure_typed_with_another_markets_separators_is_kept_as_typed_and_the_note_shows_the_deal_value(tmp_path):
    """£190.000,00 in an English contract: their text is kept, and the note says how the deal value would print."""
    deal, theirs, _ = m.negotiation_round(
        tmp_path, lambda root: m.replace_words(m.paragraph(root, "ch_fixed_monthly"), "£185,000.00", "£190.000,00", 900)
    )
    report = CliRunner().invoke(main, ["import-markup", str(deal), str(theirs), "--accept", "all", "--json"])
    data = json.loads(report.stdout)
    assert [(f["ours"], f["theirs"]) for c in data["changes"] for f in c["values"]] == [("£185,000.00", "£190.000,00")]
    assert data["accepted"] == ["ch-fixed-monthly"] and data["differing"] == []
    (note,) = data["notes"]
    assert "commercials.monthly_charges" in note and "→ £190,000.00" in note and "£2,220,000.00 → £2,280,000.00" in note


def test_a_copy_rendered_before_a_clause_version_was_replaced_is_read_against_the_text_they_were_sent(tmp_path):
    """Their unchanged words of an older clause version are not their changes; a warning names the versions."""
    sent = tmp_path / "sent.yaml"
    sent.write_text(
        REFERENCE.read_text(encoding="utf-8").replace("  pin: {}  ", "  pin: {publicity: 1}", 1), encoding="utf-8"
    )
    ours, old = _render(sent)
    _, now = _render(REFERENCE)
    texts = [
        [t for _, t, _ in paragraph_texts(c)] for d in (old, now) for _, c in d.iter_clauses() if c.id == "publicity"
    ]
    assert texts[0] != texts[1]  # the version they were sent reads otherwise than the newest
    deal = tmp_path / "deal-example.yaml"
    shutil.copy(REFERENCE, deal)
    theirs = tmp_path / "theirs.docx"
    theirs.write_bytes(
        m.mark_up(
            ours,
            lambda root: m.replace_words(m.paragraph(root, "costs", 1), "costs and expenses", "reasonable costs", 900),
        )
    )
    report = CliRunner().invoke(main, ["import-markup", str(deal), str(theirs), "--json"])
    assert [c["clause"] for c in json.loads(report.stdout)["changes"]] == ["costs"]
    assert "rendered with clause versions the library has replaced since (publicity v1 → v" in report.stderr


def test_a_renamed_defined_term_is_flagged_where_the_contract_still_uses_it_and_not_written(tmp_path):
    deal, theirs, _ = m.negotiation_round(
        tmp_path, lambda root: m.replace_words(_paragraph(root, "“Client Data” means"), "Client", "Customer", 900)
    )
    before = deal.read_text(encoding="utf-8")
    report = CliRunner().invoke(main, ["import-markup", str(deal), str(theirs), "--accept", "all", "--json"])
    data = json.loads(report.stdout)
    (note,) = [n for n in data["notes"] if "renames the defined term" in n]
    assert note.startswith(
        "C1: clause 3 renames the defined term “Client Data” to “Customer Data”, which the contract uses"
    )
    assert [line.split(":")[0] for line in data["refused"]] == ["C1"] and "definitions are made" in data["refused"][0]
    assert deal.read_text(encoding="utf-8") == before and report.exit_code == 2
