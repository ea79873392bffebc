"""Public bodies of the jurisdictions whose public-sector law was added from official sources render right in DOCX
and PDF: deals written as a practitioner of each place writes them (tests/fixtures/deals/public-world/), each with
the wording its DOCX and PDF must contain and must not contain, and the notes building must give, in expect.yaml
beside them.

A sample, not every record: tests/e2e/test_public_sector_records.py checks every record's laws in a generated
contract; these deals check the same terms where a lawyer reads them, in both formats, with the parties described
as their law describes them and a federal law's reach (a Belgian municipality gets no federal law) stated.
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

FOLDER = FIXTURES / "deals" / "public-world"
EXPECT = yaml.safe_load((FOLDER / "expect.yaml").read_text(encoding="utf-8"))
WORKSPACE = Workspace()


@lru_cache(maxsize=None)
def rendered(name: str) -> tuple[str, str, tuple[str, ...]]:
    """(DOCX text, PDF text, warnings and notes) of one deal, each built once."""
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


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_notes(name):
    _, _, warnings = rendered(name)
    joined = " ".join(warnings)
    for phrase in EXPECT[name].get("warnings", []):
        assert phrase in joined, f"{name}: no note saying {phrase!r} in {warnings}"
