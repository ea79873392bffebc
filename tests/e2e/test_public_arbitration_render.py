"""A public body that chooses arbitration: the confidentiality of the arbitration never overrides the body's duties of
access to information and publication, and where its law makes an arbitration with the administration public
(Brazil) the clause says so instead of promising confidentiality; DOCX and PDF, deals as practitioners write them."""

from __future__ import annotations

from functools import lru_cache

import pytest
import yaml

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.pipeline import Workspace, build_document
from tests.e2e.test_disputes_render import without_running_footer
from tests.e2e.test_hardening import docx_text, pdf_text
from tests.helpers import FIXTURES

FOLDER = FIXTURES / "deals" / "public-arbitration"
EXPECT = yaml.safe_load((FOLDER / "expect.yaml").read_text(encoding="utf-8"))
WORKSPACE = Workspace()


@lru_cache(maxsize=None)
def texts(name: str) -> dict[str, str]:
    """The DOCX and PDF text of one deal, each built once."""
    result = build_document(load_deal(FOLDER / f"{name}.yaml"), WORKSPACE)
    template = WORKSPACE.template_dir(result.source.deal.template)
    return {
        "docx": " ".join(docx_text(writers.render(result.document, template, "docx")).split()),
        "pdf": without_running_footer(pdf_text(writers.render(result.document, template, "pdf")), result),
    }


def test_every_deal_in_the_folder_has_expectations():
    assert sorted(p.stem for p in FOLDER.glob("*.yaml") if p.stem != "expect") == sorted(EXPECT)


@pytest.mark.parametrize("name", sorted(EXPECT))
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_arbitration_answers_to_the_public_bodys_law(name, fmt):
    text = texts(name)[fmt]
    for phrase in EXPECT[name]["contains"]:
        assert " ".join(phrase.split()) in text, f"{name}.{fmt}: missing {phrase!r}"
    for phrase in EXPECT[name]["absent"]:
        assert phrase.casefold() not in text.casefold(), f"{name}.{fmt}: must not say {phrase!r}"


def test_a_company_clients_arbitration_stays_confidential_without_the_public_carve_out():
    """The carve-out is the public body's: a company client's arbitration keeps the plain confidentiality."""
    result = build_document(load_deal(FIXTURES / "deals" / "disputes" / "sg-siac-tiered.yaml"), WORKSPACE)
    template = WORKSPACE.template_dir(result.source.deal.template)
    text = " ".join(docx_text(writers.render(result.document, template, "docx")).split())
    assert "The Parties will keep confidential the existence of any arbitration under this clause" in text
    assert "Nothing in this paragraph limits" not in text and "principle of publicity" not in text
