"""The Swiss liability clause's list of unlimited heads: each head is its own item, and "; and" joins only the
last two items (round-6 review: a stray "; and" inside the confidentiality item broke the list)."""

from __future__ import annotations

import re

import pytest

from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text

DEALS = [FIXTURES / "openworld" / "deals" / "ch-insurer-conflicts.yaml", SAMPLES / "ch-bank-portugal.yaml"]


@pytest.mark.parametrize("path", DEALS, ids=lambda p: p.stem)
def test_and_joins_only_the_last_two_unlimited_heads(path):
    text = " ".join(contract_text(path).split())
    heads = text[text.index("liable without limitation:") : text.index("In any other case, each Party")]
    assert heads.count("; and ") == 1
    assert "; and in any other case in which mandatory Swiss law" in heads
    assert re.search(r"for breach of clause \d+[^;]*; under clause \d+", heads)
