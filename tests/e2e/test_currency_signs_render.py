"""A contract between two parties of one country still names its currency alone (tests/fixtures/deals/currency-signs):
a New Zealand deal written "NZ$48,500 plus GST" prints NZ$, never the bare "$" another dollar shares; a Swedish deal
written "1 250 000 kr" prints SEK, never "kr", which the Norwegian, Danish and Icelandic krone share; the figures
are the locale's format of the amount written."""

from __future__ import annotations

import re

import pytest

from tests.e2e.expect_folder import rendered_text
from tests.helpers import FIXTURES

DEALS = FIXTURES / "deals" / "currency-signs"


@pytest.mark.parametrize(
    ("name", "monthly", "yearly", "never"),
    [
        ("nz-company", "NZ$48,500.00", "NZ$582,000.00", r"(?<![A-Z])\$\s?\d"),
        ("se-company", "1 250 000,00 SEK", "15 000 000,00 SEK", r"\d\s?kr\b"),
    ],
)
def test_the_amounts_name_their_currency_alone(name: str, monthly: str, yearly: str, never: str):
    text = rendered_text(DEALS / f"{name}.yaml", "docx")
    assert f"fixed monthly charge of {monthly}, which amounts to {yearly} a year" in text
    assert not re.search(never, text), re.search(never, text)
