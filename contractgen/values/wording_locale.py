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


@lru_cache(maxsize=None)
def _regional_parent(language: str) -> str:
    """The parent CLDR gives most of a language's regional locales (en_001 for English, es_419 for Spanish)."""
    from collections import Counter

    from babel.core import get_global

    def regional(name: str) -> bool:  # language_REGION, no script: en_IN, en_001, es_419, pt_PT
        parts = name.split("_")
        return len(parts) == 2 and parts[0] == language and (parts[1].isdigit() or parts[1].isupper())

    exceptions = get_global("parent_exceptions").items()
    parents = Counter(parent for child, parent in exceptions if regional(child) and regional(parent))
    return parents.most_common(1)[0][0] if parents else language


def cldr_locale(name: str) -> str | None:
    """The CLDR locale a locale name is written by: itself where CLDR (Babel) has it; for a language and a place
    CLDR both know but not together (en_BD), the locale CLDR gives most of that language's regional locales as their
    parent (en_001, es_419), else the language; None where the language or the place is unknown."""
    try:
        Locale.parse(name)
        return name
    except (ValueError, UnknownLocaleError):
        pass
    language, _sep, territory = name.partition("_")
    try:
        known = Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return None
    if not territory.isalpha() or territory.upper() != territory or territory not in Locale("en").territories:
        return None
    parent = _regional_parent(known.language)
    Locale.parse(parent)
    return parent
