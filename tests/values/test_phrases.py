"""Words as people write them: number words and fixed phrases."""

from __future__ import annotations

import pytest
from pydantic_core import PydanticCustomError

from contractgen.values import phrases as values


@pytest.mark.parametrize("text, expected", [("3", 3), ("three", 3), ("twenty-one", 21), ("ninety-nine", 99), (4, 4)])
def test_whole_numbers_in_digits_or_words(text, expected):
    assert values.whole_number(text) == expected


@pytest.mark.parametrize("text", ["T&M", "time and materials", "Time & Materials", "time-and-materials", "T and M"])
def test_pricing_synonyms(text):
    assert values.choice(values.PRICING_MODELS, "pricing model", "'fixed monthly'")(text) == "time and materials"


def test_an_unknown_phrase_lists_what_is_accepted_with_an_example():
    with pytest.raises(PydanticCustomError) as info:
        values.choice(values.PRICING_MODELS, "pricing model", "'fixed monthly'")("cost plus")
    message = str(info.value)
    assert "'cost plus' is not a pricing model" in message and "'time and materials'" in message and "e.g." in message
