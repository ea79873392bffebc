"""A governing law and a place of incorporation written as lawyers of the market write them ("legge italiana",
"deutsches Recht unter Ausschluss des UN-Kaufrechts", "Italia", "Deutschland") find the jurisdiction record: the
record's public-sector terms are in the contract, its law and places are printed in English, and an arbitration
deal gets no note about a default court; DOCX and PDF, deals from a new user's trial."""

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

FOLDER = FIXTURES / "deals" / "local-law"
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
def test_the_law_written_in_its_own_language_brings_its_record(name, fmt):
    text = texts(name)[fmt]
    for phrase in EXPECT[name]["contains"]:
        assert " ".join(phrase.split()) in text, f"{name}.{fmt}: missing {phrase!r}"
    for phrase in EXPECT[name]["absent"]:
        assert phrase.casefold() not in text.casefold(), f"{name}.{fmt}: must not say {phrase!r}"
