"""Personnel screening is never left out of the security controls.

On every sample and practitioner deal with a security schedule: where the deal asks for background checks the row
says so; where it does not, personnel are still screened before access, in proportion to their role and as far as
the law of their country allows, with credit checks for privileged roles only for a financial-sector client.
"""

from __future__ import annotations

import pytest

from contractgen.deal.load import load_deal
from contractgen.document.model import Table, inline_text, iter_blocks
from contractgen.pipeline import build_document
from tests.helpers import FIXTURES, SAMPLES

DEALS = sorted([*SAMPLES.glob("*.yaml"), *(FIXTURES / "openworld" / "deals").glob("*.yaml")])
FINANCIAL = {"bank", "insurer", "payment institution", "e-money institution", "investment firm"}


@pytest.mark.parametrize("path", DEALS, ids=lambda p: p.stem)
def test_personnel_are_screened_before_access(path):
    result = build_document(load_deal(path))
    controls = next((c for _, c in result.document.iter_clauses() if c.id == "sec-controls"), None)
    deal = result.source.deal
    if controls is None:
        assert not deal.security
        return
    table = next(b for b in iter_blocks(controls.blocks) if isinstance(b, Table))
    row = next(
        " ".join(inline_text(cell) for cell in r) for r in table.rows if inline_text(r[0]) == "Personnel security"
    )
    if deal.security.background_checks:
        assert row.startswith("Personnel security Background checks on all personnel before they have access")
        return
    assert "Screening of all personnel before they have access to" in row
    assert "as far as the law of the country where they work allows" in row
    assert "criminal-record checks" in row
    financial = result.context["derived"].client_sector in FINANCIAL
    assert ("credit checks for those with privileged access or access to payment functions" in row) is financial


def test_the_ontario_insurer_gets_credit_checks_for_privileged_roles():
    result = build_document(load_deal(SAMPLES / "ca-insurer-us-cloud.yaml"))
    assert result.context["derived"].client_sector == "insurer"
    assert not result.source.deal.security.background_checks
