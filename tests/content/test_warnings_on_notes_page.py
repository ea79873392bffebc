"""A draft carries every build warning on its notes page, made from the final text.

Each sample and practitioner deal, built as a draft: every warning the build gives is printed on the notes page
(unless a drafting note already says it), with a unique id, on the clause it affects as this document numbers
it; a clause id in a warning becomes the clause's number. A final contract prints no notes page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contractgen.deal.load import load_deal
from contractgen.pipeline import build_document
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import overlaid

DRAFT = FIXTURES / "deals" / "overlays" / "draft.yaml"
DEALS = sorted([*SAMPLES.glob("*.yaml"), *(FIXTURES / "openworld" / "deals").glob("*.yaml")])


def as_draft(path: Path, tmp_path: Path):
    """The deal built as a draft."""
    return build_document(load_deal(overlaid(path, DRAFT, tmp_path)))


def places(document) -> dict[str, str]:
    """Each clause id: where the document prints it."""
    out = {}
    for part, clause in document.iter_clauses():
        out.setdefault(
            clause.id, f"{part.number}, paragraph {clause.number}" if part.number else f"clause {clause.number}"
        )
    return out


@pytest.mark.parametrize("path", DEALS, ids=lambda p: p.stem)
def test_every_warning_of_a_draft_is_on_its_notes_page(path, tmp_path):
    result = as_draft(path, tmp_path)
    notes = result.document.notes
    assert len({n.id for n in notes}) == len(notes)
    said = [n for n in notes if n.kind == "note"]
    printed = [n for n in notes if n.kind == "warning"]
    where = places(result.document)
    for warning in dict.fromkeys(str(w).strip() for w in result.warnings):
        field, _, message = warning.partition(": ")
        first_words = re.split(r"\(([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\)", message)[0][:80]
        on_page = [n for n in printed if first_words in n.text and n.field == field]
        if not on_page:  # a drafting note already says it
            assert any(message[:60] in f"{n.text}" or n.field == field for n in said), warning
            continue
        note = on_page[0]
        assert note.text.startswith(f"Warning {note.id} ({field}): ")
        named = [c for c in re.findall(r"\(([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\)", message) if c in where]
        for clause_id in named:
            assert f"({where[clause_id]})" in note.text and f"({clause_id})" not in note.text
        assert note.location == (where[named[0]] if named else "")  # on the first clause it names


def test_the_hipaa_draft_prints_its_support_hours_warnings_on_the_on_call_clause():
    result = build_document(load_deal(SAMPLES / "onshore-us-hipaa.yaml"))  # a draft
    where = places(result.document)["delivery-locations"]
    warned = [n for n in result.document.notes if n.kind == "warning"]
    assert [n.id for n in warned] == [f"warning:scope-services-{i}-support-hours" for i in range(3)]
    for note in warned:
        assert note.location == where and note.anchor
        assert f"working remotely from the Delivery Centres' countries ({where}); check how those hours" in note.text


def test_the_unit_note_says_what_the_text_does(tmp_path):
    result = as_draft(SAMPLES / "ca-insurer-us-cloud.yaml", tmp_path)
    note = next(n for n in result.document.notes if n.id == "unit-count:claim-processed")
    assert note.location == places(result.document)["ch-pricing"]
    assert "prints a definition of one claim processed in square brackets" in note.text


def test_a_final_contract_prints_no_notes_page_but_keeps_its_warnings():
    result = build_document(load_deal(SAMPLES / "ca-insurer-us-cloud.yaml"))  # final
    assert result.document.notes == []
    assert any(str(w).startswith("scope.services.0.support_hours") for w in result.warnings)
