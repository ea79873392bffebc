"""Country names in running text read as a lawyer writes them: "the" before names that take it, "Hong Kong" and
"Macao" instead of CLDR's "… SAR China", CLDR's abbreviations written out; stated for every territory a deal may
name (every ISO 3166-1 country pycountry knows and every two-letter territory CLDR names)."""

from __future__ import annotations

import re

import babel
import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractgen.values.countries import country_words, country_in_sentence, country_name

CODES = sorted({c.alpha_2 for c in pycountry.countries} | {
    code for code in babel.Locale.parse("en").territories if re.fullmatch(r"[A-Z]{2}", code)
})  # fmt: skip


@given(st.sampled_from(CODES))
def test_every_territory_reads_as_running_text(code):
    name = country_in_sentence(code)
    assert name and name == name.strip()
    assert " SAR" not in name and "&" not in name and " - " not in name and not re.search(r"\bSt\b", name), name
    assert not name.startswith("the the ") and not name.startswith("The ")
    if code not in country_words()["names"]:
        cldr = country_name(code)
        takes_the = cldr in country_words()["the_names"] or any(w in cldr for w in country_words()["the_words"])
        assert name.startswith("the ") == takes_the, (code, cldr, name)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("GB", "the United Kingdom"),
        ("US", "the United States"),
        ("NL", "the Netherlands"),
        ("PH", "the Philippines"),
        ("AE", "the United Arab Emirates"),
        ("HK", "Hong Kong"),
        ("MO", "Macao"),
        ("KN", "Saint Kitts and Nevis"),
        ("TT", "Trinidad and Tobago"),
        ("CD", "the Democratic Republic of the Congo"),
        ("DE", "Germany"),
        ("IN", "India"),
    ],
)
def test_names_a_lawyer_writes(code, expected):
    assert country_in_sentence(code) == expected
