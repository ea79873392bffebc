"""Document model ⇄ JSON: lossless round trip, deterministic text, clear errors."""

from __future__ import annotations

import json

import pytest

from contractgen.document.json_form import document_from_json, document_to_json
from contractgen.document.model import Del, Ins, Text
from contractgen.errors import ContractgenError
from contractgen.pipeline import Workspace, build_document, load_deal
from tests.helpers import REFERENCE, ROOT
from tests.writers.sample_document import sample_document


def test_sample_round_trip_is_lossless():
    doc = sample_document()
    text = document_to_json(doc)
    again = document_from_json(text)
    assert again == doc
    assert document_to_json(again) == text


def test_redline_marks_round_trip():
    doc = sample_document()
    para = doc.parts[0].clauses[0].blocks[0]
    para.content = [Del([Text("old")]), Ins([Text("new")])]
    para.change = "changed"
    para.marks["number"] = [Del([Text("1.1")]), Ins([Text("1.2")])]
    assert document_from_json(document_to_json(doc)) == doc


@pytest.mark.skipif(not REFERENCE.is_file(), reason="reference deal not available")
def test_reference_deal_round_trip_is_lossless():
    doc = build_document(load_deal(REFERENCE), Workspace(ROOT)).document
    text = document_to_json(doc)
    assert document_from_json(text) == doc
    assert json.loads(text)["format"] == "contractgen-model"


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "{}",
        '{"format": "contractgen-model", "version": 99, "document": {}}',
        '{"format": "contractgen-model", "version": 1, "document": {"title": "x"}}',
    ],
)
def test_bad_input_is_a_clear_error(text):
    with pytest.raises(ContractgenError):
        document_from_json(text)
