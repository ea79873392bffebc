"""Under the Korean PIPA the agreement is the entrustment document of its Article 26: the contract says so and points
to where it states each item the Act and Article 28(1) of its Enforcement Decree require; under another law it does
not."""

from __future__ import annotations

import re

import pytest

from contractgen.law.library import library
from tests.e2e.test_transfer_terms import _render

ITEMS = [
    "the prohibition on processing Personal Information for any purpose other than the entrusted work (clause",
    "the technical and managerial safeguards (clause",
    "the purpose and scope of the entrusted work (Schedule",
    "the limits on re-entrustment (clause",
    "the limits on access to Personal Information (clause",
    "the supervision and inspection of how",
    "liability for damage caused by its breach of those obligations (clause",
]


@pytest.fixture(scope="module")
def workspace():
    from contractgen.pipeline import Workspace

    return Workspace()


def test_a_pipa_contract_is_the_article_26_entrustment_document(workspace, tmp_path):
    record = library().records("privacy")["kr-pipa"].data
    _, text = _render("kr-pipa", None, workspace, tmp_path)
    start = text.index("Entrustment under the Personal Information Protection Act of the Republic of Korea.")
    para = text[start : start + 2000]
    assert f"under {record['provisions']['outsourcing']}" in para
    assert f"As that Article and {record['provisions']['outsourcing_items']} require" in para
    for item in ITEMS:
        assert item in para, item
    assert (
        "will not use Personal Information beyond the scope of the entrusted work or provide it to a third party"
        in para
    )
    assert not re.search(r"\[\]\(#", para)
    # the roles sentence of the law is kept, before it
    assert text.index("the Client is the personal information controller and the Supplier is the outsourcee") < start


def test_no_entrustment_paragraph_under_another_law(workspace, tmp_path):
    _, text = _render("jp-appi", None, workspace, tmp_path)
    assert "Entrustment under" not in text and "entrusted work" not in text
