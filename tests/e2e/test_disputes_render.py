"""Dispute resolution as practitioners write it: arbitration, tiers and court choices render right in DOCX and PDF.

Each deal in tests/fixtures/deals/disputes/ has its expectations in expect.yaml there: wording the DOCX
and the PDF must contain, wording neither may contain (no court wording in an arbitration contract),
and the drafting notes building must give.
"""

from __future__ import annotations

from functools import lru_cache

import pytest
import yaml

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.pipeline import Workspace, build_document
from tests.e2e.test_hardening import docx_text, pdf_text
from tests.helpers import FIXTURES

FOLDER = FIXTURES / "deals" / "disputes"
EXPECT = yaml.safe_load((FOLDER / "expect.yaml").read_text(encoding="utf-8"))
WORKSPACE = Workspace()


@lru_cache(maxsize=None)
def rendered(name: str) -> tuple[str, str, tuple[str, ...]]:
    """(DOCX text, PDF text, warnings) of one deal, each built once."""
    result = build_document(load_deal(FOLDER / f"{name}.yaml"), WORKSPACE)
    template = WORKSPACE.template_dir(result.source.deal.template)
    docx = " ".join(docx_text(writers.render(result.document, template, "docx")).split())
    pdf = pdf_text(writers.render(result.document, template, "pdf"))
    return docx, pdf, tuple(result.warnings)


def test_every_deal_in_the_folder_has_expectations():
    assert sorted(p.stem for p in FOLDER.glob("*.yaml") if p.stem != "expect") == sorted(EXPECT)


@pytest.mark.parametrize("name", sorted(EXPECT))
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_wording(name, fmt):
    docx, pdf, _ = rendered(name)
    text = docx if fmt == "docx" else pdf
    for phrase in EXPECT[name].get("contains", []):
        assert " ".join(phrase.split()) in text, f"{name}.{fmt}: missing {phrase!r}"
    for phrase in EXPECT[name].get("absent", []):
        assert phrase.casefold() not in text.casefold(), f"{name}.{fmt}: must not say {phrase!r}"


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_drafting_notes(name):
    _, _, warnings = rendered(name)
    joined = " ".join(warnings)
    for phrase in EXPECT[name].get("warnings", []):
        assert phrase in joined, f"{name}: no note saying {phrase!r} in {warnings}"
    if not EXPECT[name].get("warnings"):
        assert not [w for w in warnings if "enforceable" in w], warnings
