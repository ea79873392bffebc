"""Every kind of party under eight laws, each with courts, arbitration and tiered disputes, renders right.

The deals are generated (tests/party_matrix.py), not written one by one: tests/fixtures/deals/matrix/base.yaml is the deal,
laws.yaml the eight laws (English, New York, German, Swiss, Singapore, Hong Kong, Indian, New Zealand)
and kinds.yaml every kind of party with what its description and signature block must and must not
say. Each case puts a client kind (a public body, a charity or a trust) against a supplier kind (a
company, LLP, partnership, individual, sole trader, branch or consortium), rotated so that every
(law, forum, kind) is rendered once: 8 laws x 3 forums x 7 pairs, 168 DOCX files. A sample of them,
one per law, is rendered as PDF too and read back with the same expectations.

What is checked in the rendered text: the parties described as their law describes them, their
execution blocks, the public-sector terms the law record brings for a public customer (its
official-information laws, extension options instead of automatic renewal, no change-of-control
"competitor" wording), the forum (the courts named, or the arbitration's seat and no choice-of-court
wording, or the tiers), and no wording the build reports as wrong for the deal (company wording for a
public body, court wording in an arbitration contract, another legal family's words).
"""

from __future__ import annotations

from functools import lru_cache

import pytest
import yaml

from contractgen import writers
from contractgen.checks.lint import lint_library
from contractgen.deal import load_deal
from contractgen.pipeline import Workspace, build_document
from tests.e2e.test_disputes_render import without_running_footer
from tests.e2e.test_hardening import docx_text, pdf_text
from tests.helpers import ROOT
from tests.party_matrix import CASES, FOLDER, LAWS, PDF_SAMPLE, case_id, check, deal_data

WORKSPACE = Workspace()
# the build's warnings that say the contract prints wording wrong for the deal (library/contract_words.py)
WRONG_WORDING = ("choice-of-court wording", "company wording", "must not use")


@lru_cache(maxsize=None)
def built(case: tuple[str, str, str, str]):
    """The build result of one case (its deal generated, read as a deal file is), built once per module."""
    raw = yaml.safe_dump(deal_data(*case), allow_unicode=True, sort_keys=False).encode("utf-8")
    return build_document(load_deal(FOLDER / f"{case_id(case)}.yaml", raw=raw), WORKSPACE)


@lru_cache(maxsize=None)
def rendered(case: tuple[str, str, str, str], fmt: str) -> str:
    """The text of one case's DOCX or PDF, whitespace collapsed."""
    result = built(case)
    data = writers.render(result.document, WORKSPACE.template_dir(result.source.deal.template), fmt)
    text = " ".join((docx_text(data) if fmt == "docx" else pdf_text(data)).split())
    return text if fmt == "docx" else without_running_footer(text, result)


@pytest.mark.parametrize("law", list(LAWS))
def test_docx(law):
    failures = []
    for case in (c for c in CASES if c[0] == law):
        failures += check(rendered(case, "docx"), case, "docx")
        failures += [f"{case_id(case)}: {w}" for w in built(case).warnings if any(p in w for p in WRONG_WORDING)]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("case", PDF_SAMPLE, ids=case_id)
def test_pdf_sample(case):
    assert not check(rendered(case, "pdf"), case, "pdf")


def test_lint_finds_no_court_wording_for_arbitration_and_no_company_wording_for_a_public_body():
    report = lint_library(ROOT)
    wrong = [
        str(m) for m in report.messages if "choice-of-court wording" in m.message or "company wording" in m.message
    ]
    assert not wrong, wrong
