"""Disputes, parties and public bodies as practitioners write them render right in DOCX and PDF.

Each deal in tests/fixtures/deals/disputes/ (arbitration, tiers, court choices) and tests/fixtures/deals/
parties/ (every kind of party, public-sector terms) and party-ids/ (parties described as their law describes them,
with every identifier the deal gives) has its expectations in expect.yaml beside it: wording
the DOCX and the PDF must contain, wording neither may contain (no court wording in an arbitration
contract, no company wording for a public body), and the drafting notes building must give.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
import yaml

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.pipeline import Workspace, build_document
from tests.e2e.test_hardening import docx_text, pdf_text
from tests.helpers import FIXTURES

FOLDERS = [FIXTURES / "deals" / "disputes", FIXTURES / "deals" / "parties", FIXTURES / "deals" / "party-ids"]
EXPECT = {
    name: (folder, expected)
    for folder in FOLDERS
    for name, expected in yaml.safe_load((folder / "expect.yaml").read_text(encoding="utf-8")).items()
}
WORKSPACE = Workspace()


@lru_cache(maxsize=None)
def rendered(name: str) -> tuple[str, str, tuple[str, ...]]:
    """(DOCX text, PDF text, warnings) of one deal, each built once."""
    result = build_document(load_deal(EXPECT[name][0] / f"{name}.yaml"), WORKSPACE)
    template = WORKSPACE.template_dir(result.source.deal.template)
    docx = " ".join(docx_text(writers.render(result.document, template, "docx")).split())
    pdf = without_running_footer(pdf_text(writers.render(result.document, template, "pdf")), result)
    return docx, pdf, tuple(result.warnings)


def without_running_footer(pdf: str, result) -> str:
    """The PDF's text without the running footer ("<title> Page 3 of 40") a page break puts inside a sentence."""
    return re.sub(rf"{re.escape(result.source.deal.contract.title)} Page \d+ of \d+ ", "", pdf)


def test_every_deal_in_the_folders_has_expectations():
    assert sorted(p.stem for f in FOLDERS for p in f.glob("*.yaml") if p.stem != "expect") == sorted(EXPECT)


@pytest.mark.parametrize("name", sorted(EXPECT))
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_wording(name, fmt):
    docx, pdf, _ = rendered(name)
    text = docx if fmt == "docx" else pdf
    expected = EXPECT[name][1]
    for phrase in expected.get("contains", []):
        assert " ".join(phrase.split()) in text, f"{name}.{fmt}: missing {phrase!r}"
    for phrase in expected.get("absent", []):
        assert phrase.casefold() not in text.casefold(), f"{name}.{fmt}: must not say {phrase!r}"


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_drafting_notes(name):
    _, _, warnings = rendered(name)
    joined = " ".join(warnings)
    expected = EXPECT[name][1]
    for phrase in expected.get("warnings", []):
        assert phrase in joined, f"{name}: no note saying {phrase!r} in {warnings}"
    if not expected.get("warnings"):
        assert not [w for w in warnings if "enforceable" in w or "wording" in w], warnings


ARBITRATION = [
    "br-arbitragem-sao-paulo",
    "ch-swiss-rules",
    "co-arbitraje-bogota",
    "de-schiedsverfahren-dis",
    "de-dis-india",
    "en-lcia-venue",
    "fr-arbitrage-cci-paris",
    "hk-hkiac-written",
    "in-mcia-written",
    "mx-arbitraje-canaco",
    "nz-uncitral",
    "ny-icdr",
    "sg-siac-tiered",
]


@pytest.mark.parametrize("name", ARBITRATION)
def test_the_arbitration_clause_survives_termination(name):
    docx, _, _ = rendered(name)
    number = re.search(r"(\d+) ?Arbitration\b", docx)
    assert number, "an arbitration clause in the contents"
    survival = re.search(r"The following clauses continue in force after termination or expiry[^.]*\.", docx)
    assert survival and re.search(rf"clause {number.group(1)}\b", survival.group(0)), survival
