"""Accepted figures their markup changed are written back as the deal values that print them, comments kept."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from contractgen.cli import main
from contractgen.pipeline import Workspace, build_document, load_deal
from contractgen.redline.markup import read_markup
from tests.helpers import REFERENCE
from tests.redline import markup_docx as m
from tests.redline.test_import_markup import _paragraph_text, _render


def _their_figures(root):
    m.replace_words(m.paragraph(root, "at_risk_amount"), "12%", "15%", 900)
    m.replace_words(m.paragraph(root, "indexation_rule"), "3%", "2.5%", 910)
    m.replace_words(m.paragraph(root, "general_cap"), "£3,330,000", "£4,000,000", 920)  # derived: no deal value


@pytest.fixture()
def negotiation(tmp_path):
    deal = tmp_path / "deal-example.yaml"
    shutil.copy(REFERENCE, deal)
    ours, _ = _render(deal)
    theirs = tmp_path / "theirs.docx"
    theirs.write_bytes(m.mark_up(ours, _their_figures))
    return deal, theirs


def _value(deal, *path):
    data = YAML(typ="safe").load(deal.read_text(encoding="utf-8"))
    for step in path:
        data = data[step]
    return data


def test_a_changed_figure_is_written_back_as_the_deal_value_that_prints_it(negotiation):
    deal, theirs = negotiation
    before = deal.read_text(encoding="utf-8")
    report = CliRunner().invoke(main, ["import-markup", str(deal), str(theirs), "--accept", "all", "--json"])
    assert report.exit_code == 0, report.output
    data = json.loads(report.stdout)
    assert data["values"] == [
        {"change": "C1", "field": "commercials.indexation.cap", "ours": 3, "theirs": 2.5},
        {"change": "C3", "field": "service_levels.service_credits.at_risk", "ours": 12, "theirs": 15},
    ]
    assert data["differing"] == []  # every change accepted: an empty redline against their document
    assert data["accepted"] == ["general-cap"]  # a figure the deal derives (1.5 × a year's charges) is words
    written = deal.read_text(encoding="utf-8")
    assert _value(deal, "service_levels", "service_credits", "at_risk") == 15
    assert _value(deal, "commercials", "indexation") == {"index": "UK CPI", "cap": 2.5}
    # only those lines changed: the comments and the flow style beside the values are kept
    assert "  indexation: {index: UK CPI, cap: 2.5}\n" in written
    assert "    at_risk: 15                     # most of one month's charges at risk, in percent\n" in written
    changed = [(a, b) for a, b in zip(before.splitlines(), written.splitlines()) if a != b]
    assert len(changed) == 2
    assert "overrides:\n  general-cap: |" in written and "service-credits" not in written.split("overrides:")[1]
    # the next render prints their text, and their document reads as no change against it
    _, document = _render(deal)
    markup = read_markup(theirs.read_bytes(), build_document(load_deal(REFERENCE), Workspace()).document)
    assert _paragraph_text(document, "indexation", "indexation-rule") == markup.changes[0].after
    assert _paragraph_text(document, "service-credits", "at-risk-amount") == markup.changes[2].after
    their_text = m.mark_up(theirs.read_bytes(), m.accept_all)
    # the only place their document differs is a figure derived from the cap they changed, which they left
    # alone (the indexation table of Schedule 3), and the report names it
    left = read_markup(their_text, document).changes
    assert [(c.clause, c.place, c.before, c.after) for c in left] == [
        ("ch-indexation", "the table's row “Largest adjustment in a Contract Year”, column “Agreed”", "2.5%", "3%")
    ]
    assert any("paragraph 5 of Schedule 3 (its table)" in note for note in data["notes"])
    assert len(read_markup(their_text, build_document(load_deal(REFERENCE), Workspace()).document).changes) == 3


def test_the_report_names_the_field_and_both_values(negotiation):
    deal, theirs = negotiation
    result = CliRunner().invoke(main, ["import-markup", str(deal), str(theirs), "--accept", "C3"])
    assert result.exit_code == 0, result.output
    assert "  percentage changed: 12% → 15%" in result.output
    assert f"accepted: C3: service_levels.service_credits.at_risk: 12 → 15 written to {deal}" in result.output
    assert f"against {theirs}: {deal} now differs in C1, C2" in result.output
    assert "overrides" not in deal.read_text(encoding="utf-8").split("clauses:")[-1]


def test_among_several_values_of_the_same_figure_the_one_that_prints_it_is_chosen(tmp_path):
    deal = tmp_path / "deal-example.yaml"
    shutil.copy(REFERENCE, deal)
    ours, _ = _render(deal)

    def edits(root):  # "30 days" is written for seven values of this deal; each paragraph prints one of them
        m.replace_words(m.paragraph(root, "invoicing", 2), "30 days", "45 days", 900)
        m.replace_words(m.paragraph(root, "audit", 3), "30 days", "20 days", 910)

    theirs = tmp_path / "theirs.docx"
    theirs.write_bytes(m.mark_up(ours, edits))
    report = CliRunner().invoke(main, ["import-markup", str(deal), str(theirs), "--accept", "all", "--json"])
    assert report.exit_code == 0, report.output
    assert [(v["field"], v["ours"], v["theirs"]) for v in json.loads(report.stdout)["values"]] == [
        ("governance.audit.notice", "30 days", "20 days"),
        ("commercials.payment_terms", "30 days", "45 days"),
    ]
    assert _value(deal, "data_protection", "return_or_delete") == "30 days"
    assert "overrides:" not in deal.read_text(encoding="utf-8").split("clauses:")[-1]


def test_a_figure_whose_value_would_change_more_than_they_did_is_an_override_with_a_note(tmp_path):
    deal = tmp_path / "deal-example.yaml"
    shutil.copy(REFERENCE, deal)
    ours, _ = _render(deal)

    def edits(root):  # the monthly charge changed, the annual total printed beside it left as it was
        for p in root.iter(f"{{{m.W}}}p"):
            if "£185,000.00 for each month" in "".join(t.text or "" for t in p.iter(f"{{{m.W}}}t")):
                m.replace_words(p, "£185,000.00", "£175,000.00", 900)
                return

    theirs = tmp_path / "theirs.docx"
    theirs.write_bytes(m.mark_up(ours, edits))
    result = CliRunner().invoke(main, ["import-markup", str(deal), str(theirs), "--accept", "all", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["values"] == [] and data["accepted"] == ["charges"] and data["differing"] == []
    assert data["notes"] == [
        "C1: clause 33: commercials.monthly_charges prints this figure, but as a deal value it would also change "
        "£2,220,000.00 → £2,100,000.00 in the same paragraph; written as an override of their text exactly "
        "(change the deal value instead if the other figures should follow)"
    ]
    assert _value(deal, "commercials", "monthly_charges") == 185000
