"""Text widths for DOCX table columns: each word summed once per render gives the widths the
character-by-character sum gives, spaces, tabs and repeated words included."""

from __future__ import annotations

import pytest

from contractgen.writers.docx.measure import POINT_TWIPS, Measure, _advances
from tests.helpers import TEMPLATE

TEXTS = [
    "Service Level",
    "  two  spaces and a trailing one ",
    "tab\tinside, and Ünïcödé — dashes",
    "Service Level",  # again: from the words already met
    "",
    " ",
]


@pytest.mark.parametrize("bold", [False, True])
def test_widths_are_the_character_sums(bold):
    measure = Measure(TEMPLATE)
    assert measure.available()
    widths, per_em, fallback = _advances(measure.fonts[bold])
    for text in TEXTS:
        units = sum(widths.get(ord(char), fallback) for char in text)
        assert measure.width(text, 10.5, bold) == round(units * 10.5 * POINT_TWIPS / per_em)
    assert measure.width("Service Level", 10, bold) > measure.width("Service", 10, bold) > 0
