"""Optional clauses: the outline says which slots a deal may leave out, and why the others stay."""

from __future__ import annotations

import pytest
import yaml

from contractgen.errors import LibraryError
from contractgen.library.resolve import load_outline
from contractgen.pipeline import Workspace, build_document, load_deal
from tests.helpers import FIXTURES, REFERENCE, TEMPLATE, write_file
from tests.terms import overlaid

OVERLAY = FIXTURES / "deals" / "overlays" / "optional-left-out.yaml"


@pytest.fixture(scope="module")
def outline():
    return load_outline(TEMPLATE)


def _slots(outline):
    return {item.id: item for part in outline.parts for item in part.items}


def test_every_slot_of_the_template_is_optional_or_says_why_not(outline):
    unexplained = [slot.id for slot in _slots(outline).values() if not slot.optional and not slot.mandatory_because]
    assert unexplained == []
    assert _slots(outline)["limitation-of-liability"].mandatory_because.startswith("without it liability is unlimited")


def test_a_deal_leaves_out_every_optional_clause_and_the_contract_still_builds(tmp_path, outline):
    excluded = yaml.safe_load(OVERLAY.read_text(encoding="utf-8"))["clauses"]["exclude"]
    assert sorted(excluded) == sorted(slot.id for slot in _slots(outline).values() if slot.optional)
    result = build_document(load_deal(overlaid(REFERENCE, OVERLAY, tmp_path)), Workspace())
    printed = {clause.id for _, clause in result.document.iter_clauses()}
    assert printed.isdisjoint(excluded)
    reasons = {r.id: r.reason for part in result.resolution.parts for r in part.clauses}
    assert {reasons[clause_id] for clause_id in excluded} == {"excluded by the deal"}
    full = build_document(load_deal(REFERENCE), Workspace())
    assert {"key-personnel", "costs"} <= {clause.id for _, clause in full.document.iter_clauses()}


def test_excluding_a_mandatory_clause_is_refused_with_the_reason(tmp_path):
    overlay = write_file(tmp_path / "overlay.yaml", "clauses:\n  exclude: [limitation-of-liability, audit]\n")
    with pytest.raises(LibraryError) as caught:
        build_document(load_deal(overlaid(REFERENCE, overlay, tmp_path)), Workspace())
    assert [p.message for p in caught.value.problems] == [
        "clause 'limitation-of-liability' is required by the template and cannot be excluded: without it liability "
        "is unlimited; set the caps in `liability` or its words with `overrides`",
        "clause 'audit' is required by the template and cannot be excluded: a core term of this template; "
        "change its words for one deal with `overrides`",
    ]


def test_a_slot_cannot_be_both_optional_and_mandatory(tmp_path):
    write_file(
        tmp_path / "t" / "outline.yaml",
        "parts:\n  - kind: agreement\n    clauses:\n      - {id: costs, optional: true, mandatory_because: x}\n",
    )
    with pytest.raises(LibraryError) as caught:
        load_outline(tmp_path / "t")
    assert "'costs' is marked both optional and mandatory_because" in str(caught.value.problems[0])
