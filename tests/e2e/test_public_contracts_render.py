"""The commercial terms a public body's own law imposes on its contract, as practitioners write such deals: a public
debtor's statutory payment period and interest (Texas's Prompt Payment Act, Belgium's public-procurement rules), the
price revision a procurement law makes compulsory, and the forum a public body must contract for.

Each deal in tests/fixtures/deals/public-contracts/ has its expectations in expect.yaml beside it: what the DOCX and
the PDF must say and never say, and the drafting notes its draft must (notes) and must not (notes_absent) carry.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from contractgen.deal import load_deal
from tests.e2e.expect_folder import ExpectFolder

DEALS = ExpectFolder("public-contracts")


@lru_cache(maxsize=None)
def notes_of(name: str) -> tuple[tuple[str, str], ...]:
    """(id, text) of each drafting note of one deal's draft."""
    source = load_deal(DEALS.folder / f"{name}.yaml")
    return tuple((n.id, " ".join((n.unrecognised, n.drafted, n.check))) for n in source.notes)


def test_every_deal_in_the_folder_has_expectations():
    DEALS.check_listed()


@pytest.mark.parametrize("name", DEALS.names)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_wording(name, fmt):
    DEALS.check_wording(name, fmt)


@pytest.mark.parametrize("name", DEALS.names)
def test_the_draft_notes_what_the_public_bodys_law_decides(name):
    notes = notes_of(name)
    joined = " ".join(text for _, text in notes)
    for phrase in DEALS.expect[name].get("notes", []):
        assert " ".join(phrase.split()) in joined, f"{name}: no note saying {phrase!r}: {[i for i, _ in notes]}"
    for kind in DEALS.expect[name].get("notes_absent", []):
        assert not any(i.startswith(f"{kind}:") for i, _ in notes), f"{name}: a {kind} note"
