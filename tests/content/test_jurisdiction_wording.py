"""Every jurisdiction record reads grammatically in the governing-law and dispute clauses."""

from __future__ import annotations

import copy

import pytest

from contractgen.law.jurisdictions import load_jurisdictions
from contractgen.deal.load import validate_data
from contractgen.deal.yamlsource import load_deal_file
from contractgen.library.clauses import load_library
from contractgen.templating.context import build_context
from contractgen.templating.render import render_text
from tests.helpers import REFERENCE, ROOT

DATA, LINES = load_deal_file(REFERENCE)
LIBRARY = load_library(ROOT / "clauses")


def _newest(clause_id: str):
    clause = LIBRARY.get(clause_id)
    return clause.default()


def _render(clause_id: str, **contract) -> str:
    data = copy.deepcopy(DATA)
    data["contract"].update(contract)
    deal = validate_data(data, "deal.yaml", LINES)
    version = _newest(clause_id)
    return render_text(version.body, build_context(deal), clause_id, version.body_line).replace("\\", "")


@pytest.mark.parametrize("key", sorted(load_jurisdictions()))
def test_each_jurisdiction_names_its_law_and_courts(key):
    record = load_jurisdictions()[key]
    text = _render("governing-law", governing_law=record.name, jurisdiction=None)
    assert f"is governed by {record.law}." in text
    verb = "have" if "courts" in record.courts else "has"
    assert f"{record.courts} {verb} exclusive jurisdiction" in text
    assert "the law of the laws" not in text and "the laws of the laws" not in text
    dispute = _render("dispute-resolution", governing_law=record.name, jurisdiction=None)
    if record.jury_trial == "judicial_reference":
        # Only a state court can refer a proceeding to a referee, so the dispute clause names that court alone.
        assert "refer the Dispute to the Superior Court of California" in dispute
        assert record.courts not in dispute
    else:
        assert f"refer the Dispute to {record.courts} in accordance with" in dispute


@pytest.mark.parametrize(
    "law, forum, expected",
    [
        ("English law", "New York", "the state and federal courts located in the State of New York have exclusive"),
        ("English law", "the Commercial Court in London", "the Commercial Court in London has exclusive jurisdiction"),
        ("French law", None, "the courts within the jurisdiction of the Court of Appeal of Paris have exclusive"),
        ("Delaware", None, "the state and federal courts located in the State of Delaware have exclusive"),
    ],
)
def test_forum_phrasings(law, forum, expected):
    assert expected in _render("governing-law", governing_law=law, jurisdiction=forum)
