"""The signature page of a company signs as the statute on its form has it (law/jurisdictions, signing): a German AG
by two persons (two members of its management board, or one with an authorised officer), a Polish sp. z o.o. by two
members of its board or one with a commercial proxy, a GmbH, a Swiss AG or GmbH and a French SAS by one, each line
with its capacity; read in the DOCX and the PDF of the deals in tests/fixtures/deals/signing/."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.deal.load import deal_findings
from contractgen.law.companies import company_view
from contractgen.pipeline import Workspace, build_document
from tests.e2e.test_hardening import docx_text, pdf_text
from tests.helpers import FIXTURES

FOLDER = FIXTURES / "deals" / "signing"
WORKSPACE = Workspace()
VORSTAND = "Member of the Management Board (Vorstand)"
ZARZAD = "Member of the Management Board (członek zarządu)"
# deal: {party: the capacities its signature block prints, in order}
EXPECTED = {
    "de-ag": {
        "Main Logistik AG": [VORSTAND, f"{VORSTAND} or authorised officer (Prokurist)"],
        "Taunus Software GmbH": ["Managing Director (Geschäftsführer)"],
    },
    "ch-ag": {
        "Limmat Versand AG": ["Member of the Board of Directors (Verwaltungsrat) or authorised signatory"],
        "Uetliberg Informatik GmbH": ["Managing Director (Geschäftsführer) or authorised signatory"],
    },
    "fr-pl": {
        "Seine Distribution SAS": ["President (Président)"],
        "Wisła Systemy sp. z o.o.": [ZARZAD, f"{ZARZAD} or commercial proxy (prokurent)"],
    },
}


@lru_cache(maxsize=None)
def rendered(name: str, fmt: str) -> str:
    """The text of one deal's DOCX or PDF, whitespace collapsed."""
    result = build_document(load_deal(FOLDER / f"{name}.yaml"), WORKSPACE)
    data = writers.render(result.document, WORKSPACE.template_dir(result.source.deal.template), fmt)
    return " ".join((docx_text(data) if fmt == "docx" else pdf_text(data)).split())


def block(text: str, party: str) -> str:
    """The signature block of one party: from 'Signed for and on behalf of <party>' to the next block or schedule."""
    start = text.rindex(f"Signed for and on behalf of {party}")
    rest = text[start + 1 :]
    end = min((i for i in (rest.find("Signed for and on behalf of"), rest.find("Schedule 1")) if i >= 0), default=-1)
    return text[start : start + 1 + end] if end >= 0 else text[start:]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_company_signs_as_its_form_has_it(name, fmt):
    text = rendered(name, fmt)
    for party, capacities in EXPECTED[name].items():
        own = block(text, party)
        assert len(re.findall(r"\bSignature\b", own)) == len(capacities), f"{name}.{fmt}: {party}: {own}"
        positions = [own.find(c) for c in capacities]
        assert all(p >= 0 for p in positions) and positions == sorted(positions), f"{name}.{fmt}: {party}: {own}"


def test_a_form_its_law_does_not_record_keeps_the_general_block():
    source = load_deal(FOLDER / "de-ag.yaml")
    deal = source.deal
    partnership = deal.parties.supplier.model_copy(update={"name": "Taunus Software GmbH & Co. KG"})
    view = company_view(partnership)
    assert not view.capacities and not view.signs_as and not view.signing_rule


def test_a_draft_notes_how_each_company_signs():
    data = load_deal(FOLDER / "de-ag.yaml").deal.model_dump(mode="json", exclude_none=True)
    data["status"] = "draft"
    _, problems, notes = deal_findings(data, "de-ag.yaml")
    assert not problems
    signing = {n.id: n for n in notes if n.id.startswith("default-signing:")}
    assert set(signing) == {"default-signing:client", "default-signing:supplier"}
    assert "section 78(2) and (3) of the Stock Corporation Act" in signing["default-signing:client"].message
    assert "two signature lines" in signing["default-signing:client"].message
