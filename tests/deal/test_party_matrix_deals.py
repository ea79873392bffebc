"""The party-kind matrix's generated deals (tests/party_matrix.py) are valid deals of the kinds they name, and
reach every law, forum and kind; tests/e2e/test_party_matrix.py renders them."""

from __future__ import annotations

import re
from typing import get_args

import pytest
import yaml

from contractgen.deal.load import deal_findings
from contractgen.deal.model import PartyKind
from contractgen.deal.parties import PUBLIC_BODIES
from tests.party_matrix import CASES, FORUMS, KINDS, LAWS, PDF_SAMPLE, case_id, deal_data


def test_the_matrix_reaches_every_law_forum_and_kind():
    seen = {(law, forum, kind) for law, forum, c, s in CASES for kind in (c, s)}
    kinds = {k for role in KINDS.values() for k in role}
    assert seen == {(law, forum, kind) for law in LAWS for forum in FORUMS for kind in kinds}
    assert {c[0] for c in PDF_SAMPLE} == set(LAWS) and {c[1] for c in PDF_SAMPLE} == set(FORUMS)


def test_every_kind_of_the_deal_model_is_in_the_matrix():
    assert set(get_args(PartyKind)) == {k for role in KINDS.values() for k in role}


def test_no_two_generated_deals_alike():
    texts = {re.sub(r"\s+", " ", yaml.safe_dump(deal_data(*c))) for c in CASES}
    assert len(texts) == len(CASES)


@pytest.mark.parametrize("law", list(LAWS))
def test_every_generated_deal_is_valid_and_of_the_kinds_it_names(law):
    failures = []
    for case in (c for c in CASES if c[0] == law):
        deal, problems, _ = deal_findings(deal_data(*case), f"{case_id(case)}.yaml")
        if deal is None or problems:
            failures.append(f"{case_id(case)}: {[str(p) for p in problems]}")
            continue
        client, supplier = deal.parties.client, deal.parties.supplier
        if (client.kind, supplier.kind) != case[2:]:
            failures.append(f"{case_id(case)}: read as {client.kind} and {supplier.kind}")
        if client.public_body != (case[2] in PUBLIC_BODIES) or supplier.public_body:
            failures.append(f"{case_id(case)}: public body read wrong")
        if (deal.disputes.arbitration is None) != (case[1] == "courts"):
            failures.append(f"{case_id(case)}: forum read wrong")
    assert not failures, "\n".join(failures)
