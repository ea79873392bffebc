"""A public body that chooses arbitration: the confidentiality of the arbitration never overrides the body's duties of
access to information and publication, and where its law makes an arbitration with the administration public
(Brazil) the clause says so instead of promising confidentiality; DOCX and PDF, deals as practitioners write them."""

from __future__ import annotations

import pytest

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.pipeline import build_document
from tests.e2e.expect_folder import WORKSPACE, ExpectFolder
from tests.e2e.test_hardening import docx_text
from tests.helpers import FIXTURES

DEALS = ExpectFolder("public-arbitration")


def test_every_deal_in_the_folder_has_expectations():
    DEALS.check_listed()


@pytest.mark.parametrize("name", DEALS.names)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_arbitration_answers_to_the_public_bodys_law(name, fmt):
    DEALS.check_wording(name, fmt)


def test_a_company_clients_arbitration_stays_confidential_without_the_public_carve_out():
    """The carve-out is the public body's: a company client's arbitration keeps the plain confidentiality."""
    result = build_document(load_deal(FIXTURES / "deals" / "disputes" / "sg-siac-tiered.yaml"), WORKSPACE)
    template = WORKSPACE.template_dir(result.source.deal.template)
    text = " ".join(docx_text(writers.render(result.document, template, "docx")).split())
    assert "The Parties will keep confidential the existence of any arbitration under this clause" in text
    assert "Nothing in this paragraph limits" not in text and "principle of publicity" not in text
