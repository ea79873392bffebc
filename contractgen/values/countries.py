"""Countries by name: the everyday name of an ISO 3166-1 code in a locale, from CLDR (Babel)."""

from __future__ import annotations

from functools import lru_cache

import babel
import pycountry


@lru_cache(maxsize=64)
def country_name(code: str, locale: str = "en_GB") -> str:
    """A country's everyday name in the deal's locale ("United Kingdom", "India")."""
    try:
        name = babel.Locale.parse(locale).territories.get(code)
    except (ValueError, babel.UnknownLocaleError):
        name = None
    if name:
        return str(name)
    country = pycountry.countries.get(alpha_2=code)
    return str(getattr(country, "common_name", None) or getattr(country, "name", code))


# English puts "the" before country names that are plural or name a kind of state ("the United Kingdom",
# "the Netherlands", "the Czech Republic"); the rest take none ("Portugal").
_THE_NAMES = {"Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Seychelles", "Comoros", "Vatican City"}
_THE_WORDS = ("United ", "Republic", "Kingdom", "Islands", "States", "Emirates", "Federation")


def country_in_sentence(code: str, locale: str = "en_GB") -> str:
    """A country's everyday name as it reads inside an English sentence ("the United Kingdom", "Portugal")."""
    name = country_name(code, locale)
    if name in _THE_NAMES or any(word in name for word in _THE_WORDS):
        return "the " + name
    return name
