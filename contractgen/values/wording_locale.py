"""The locale of a contract's words: the English of the deal's region, whatever locale formats its numbers.

The clause library is written in English. A deal's `contract.locale` says how amounts, numbers and percentages
are written ("1.250.000,00 €" for es_ES), but dates, lists, country and time-zone names are words inside English
sentences: "1 April 2027", "Madrid and Lisbon", never "1 de abril de 2027" or "Madrid y Lisboa".
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError


@lru_cache(maxsize=128)
def english_locale(locale: str) -> str:
    """The English locale of a deal's locale: itself if English, else English of its region, else en_001."""
    try:
        parsed = Locale.parse(locale)
    except (ValueError, UnknownLocaleError):
        return "en_001"
    if parsed.language == "en" and parsed.script in (None, "Latn"):  # not en_Dsrt, en_Shaw
        return locale
    if parsed.territory:
        try:
            Locale("en", parsed.territory)
            return f"en_{parsed.territory}"
        except UnknownLocaleError:
            pass
    return "en_001"  # international English: day-month-year dates, no serial comma
