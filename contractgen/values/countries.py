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
