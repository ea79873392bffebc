"""A deal's locale formats its numbers; the contract's words (dates, lists, countries, time zones) stay English."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.localedata import locale_identifiers

from contractgen.templating.render import render_text
from contractgen.values.countries import country_name
from contractgen.values.wording_locale import english_locale

WHERE = "clauses/g/c/v1.md"
ENGLISH_MONTH = "April"
SOURCE = (
    "{{ d | date }}|{{ ['Madrid', 'Lisbon', 'Porto'] | words }}|{{ ['email', 'post'] | words_or }}|"
    "{{ 'ES' | country }}|{{ 'Europe/Madrid' | timezone }}"
)
LOCALES = sorted(locale_identifiers())


def _render(locale: str) -> list[str]:
    # values are escaped for the Markdown reader ("\\,"): read them back as the reader will
    text = render_text(SOURCE, {"locale_": locale, "d": dt.date(2027, 4, 1)}, WHERE)
    return text.replace("\\", "").split("|")


@pytest.mark.parametrize("locale", ["es_ES", "pt_BR", "es_CL", "de_DE", "fr_FR", "pl_PL", "it_IT", "zh_CN", "ar_SA"])
def test_a_non_english_locale_prints_english_words(locale):
    when, listed, either, country, zone = _render(locale)
    assert ENGLISH_MONTH in when and "2027" in when and "de abril" not in when
    assert listed == "Madrid, Lisbon and Porto" or listed == "Madrid, Lisbon, and Porto"
    assert either == "email or post"
    assert country == "Spain"
    assert zone.startswith("Central European") and zone.endswith("Europe/Madrid")


def test_every_locale_the_deal_model_accepts_has_an_english_wording_locale():
    for locale in LOCALES:
        wording = english_locale(locale)
        assert wording.split("_")[0] == "en", (locale, wording)
        assert country_name("ES", locale) == "Spain", locale


def test_an_english_locale_keeps_its_own_conventions():
    assert english_locale("en_US") == "en_US" and english_locale("en_GB") == "en_GB"
    assert _render("en_US")[0] == "April 1, 2027" and _render("en_GB")[0] == "1 April 2027"
    assert english_locale("es_ES") == "en_ES" and english_locale("pt_BR") == "en_001"
