"""Public bodies under the law of a US state, a Canadian province or a country whose public-sector law is recorded,
as practitioners write their deals, render that law in DOCX and PDF.

Each deal in tests/fixtures/deals/public-records/ has its expectations in expect.yaml beside it: the access-to-
information law and the auditor named in the sentence that binds the supplier, the procurement law's termination
ground where the record has one, no auditor where the body's level or kind is outside the auditor's remit, and no
company wording for the public body; and, where the body's own level's law is not recorded, the build says what is
missing.
"""

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

FOLDER = FIXTURES / "deals" / "public-records"
EXPECT = yaml.safe_load((FOLDER / "expect.yaml").read_text(encoding="utf-8"))
WORKSPACE = Workspace()


@lru_cache(maxsize=None)
def rendered(name: str) -> tuple[str, str, tuple[str, ...]]:
    """(DOCX text, PDF text, build warnings) of one deal, each built once."""
    result = build_document(load_deal(FOLDER / f"{name}.yaml"), WORKSPACE)
    template = WORKSPACE.template_dir(result.source.deal.template)
    docx = " ".join(docx_text(writers.render(result.document, template, "docx")).split())
    pdf = without_running_footer(pdf_text(writers.render(result.document, template, "pdf")), result)
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


@pytest.mark.parametrize("name", sorted(name for name in EXPECT if EXPECT[name].get("warnings")))
def test_the_build_says_which_public_law_is_missing(name):
    warnings = " ".join(rendered(name)[2])
    for phrase in EXPECT[name]["warnings"]:
        assert phrase in warnings, f"{name}: no warning {phrase!r} in {warnings!r}"
