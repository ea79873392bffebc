"""Data categories that read as special-category data are recorded as such when the deal states no special
categories, with a note; a deal that states them, even as none, is drafted as written."""

from __future__ import annotations

import re

from contractgen.deal import load_deal
from contractgen.deal.readings.personal_data import _special_words
from tests.helpers import FIXTURES

OPENWORLD = FIXTURES / "openworld" / "deals"


def test_health_declarations_are_recorded_as_special_data_with_a_note():
    source = load_deal(OPENWORLD / "in-insurer-dpdp.yaml")
    deal = source.deal
    assert deal.data_protection.special_categories == ["health declarations"]
    note = next(n for n in source.notes if n.id == "special-data-from-categories:health-declarations")
    assert note.path == "data_protection.data_categories[2]" and note.line


def test_stated_special_categories_are_kept_as_written():
    source = load_deal(OPENWORLD / "it-public-hospital.yaml")
    deal = source.deal
    assert deal.data_protection.special_categories == ["health data"]
    assert not any(n.id.startswith("special-data-from-categories") for n in source.notes)


def test_an_empty_list_says_there_are_none():
    source = load_deal(FIXTURES / "deals" / "special-data" / "stated-none.yaml")
    deal = source.deal
    assert deal.data_protection.special_categories == []
    assert not any(n.id.startswith("special-data-from-categories") for n in source.notes)


def test_the_words_match_whole_words_only():
    words = _special_words()
    for category in ("health records", "Medical reports", "biometric templates", "criminal records", "trade union"):
        assert words.search(category), category
    for category in ("wealth data", "policy details", "unionised staff lists", "healthy-eating survey"):
        assert not words.search(category), category
    assert isinstance(words, re.Pattern)
