"""Every locale CLDR (Babel) has is accepted as written; a language and a place CLDR both know but not together
(en_BD) is written by the locale CLDR gives that language's regional locales as parent; an unknown one is refused."""

from __future__ import annotations

import pytest
from babel import Locale, UnknownLocaleError
from babel.localedata import locale_identifiers

from contractgen.deal.fields import locale_name
from contractgen.values.wording_locale import cldr_locale


def test_every_cldr_locale_is_itself():
    for name in locale_identifiers():
        assert cldr_locale(name) == name


@pytest.mark.parametrize("territory", ["BD", "NP", "LK", "KH", "MN"])
def test_every_language_in_a_place_cldr_does_not_pair_it_with_is_a_locale_of_that_language(territory):
    languages = sorted({Locale.parse(n).language for n in locale_identifiers()})
    for language in languages:
        name = f"{language}_{territory}"
        found = cldr_locale(name)
        try:
            Locale.parse(name)
        except (ValueError, UnknownLocaleError):
            pass
        else:  # CLDR has it (rhg_BD is rhg_Rohg_BD)
            assert found == name
            continue
        assert found is not None and Locale.parse(found).language == language, name
        assert Locale.parse(found).territory in (None, "001", "419", "150") or found == "pt_PT", found


def test_the_trials_en_bd_is_international_english():
    assert locale_name("en_BD") == "en_001"
    assert locale_name("en-BD") == "en_001"
    assert locale_name("es_BD") == "es_419"


@pytest.mark.parametrize("name", ["en_XX", "xx_BD", "english", "en_bd1", ""])
def test_an_unknown_language_or_place_is_refused(name):
    assert cldr_locale(name) is None
    with pytest.raises(ValueError, match="not a known locale"):
        locale_name(name)
