"""Fixes from the independent legal review of the rendered samples, stated as text a lawyer checks."""

from __future__ import annotations

from functools import lru_cache

import pytest

from tests.helpers import SAMPLES
from tests.library.terms import contract_text


@lru_cache(maxsize=None)
def text(sample: str) -> str:
    return contract_text(SAMPLES / f"{sample}.yaml")


# Item 2: data location means every place of processing, not the Delivery Centres alone.
@pytest.mark.parametrize("sample, heading", [
    ("deal-example", "Location and security of data (SS2/21 chapters 6 and 7)."),
    ("ca-insurer-us-cloud", "Security and location of data."),
    ("ch-bank-portugal", "Access to data from Switzerland."),
])
def test_regulatory_data_location_covers_every_place_of_processing(sample, heading):
    body = text(sample)
    paragraph = body[body.index(heading):][:1200]
    assert "only in the locations listed in clause" not in paragraph
    assert "the Delivery Centres listed in clause" in paragraph
    assert "the locations of the Sub-processors engaged under clause" in paragraph
    assert "the locations of the Subcontractors engaged under clause" in paragraph
    assert "data residency countries listed in Schedule" in paragraph
