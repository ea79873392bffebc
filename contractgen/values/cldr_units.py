"""Duration units in every language CLDR has ("24 μήνες", "24 de luni", "36 ay", "36 tháng", "30日", "30일"), for the
readers of ``duration_words``: CLDR's long and short unit patterns of minutes, hours, days, weeks, months and years,
in every plural form, written once into ``data/duration_units.tsv`` by scripts/cldr-duration-units.py so that a
render never walks Babel's locales (a test checks the file against the installed Babel)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import babel
import babel.localedata

UNITS_FILE = Path(__file__).with_name("data") / "duration_units.tsv"
_CLDR_UNITS = {
    "duration-minute": "minute",
    "duration-hour": "hour",
    "duration-day": "day",
    "duration-week": "week",
    "duration-month": "month",
    "duration-year": "year",
}
# a language, or a language written in a script ("zh_Hant"): regional variants repeat their language's words
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:_[A-Z][a-z]{3})?")


def cldr_duration_units() -> str:
    """The text of data/duration_units.tsv as the installed Babel gives it: a line per language and unit, its
    phrases (the pattern without the number, which comes first) tab-separated."""
    lines = []
    for code in sorted(i for i in babel.localedata.locale_identifiers() if _LANGUAGE.fullmatch(i)):
        try:
            patterns = babel.Locale.parse(code)._data["unit_patterns"]
        except (ValueError, KeyError, babel.UnknownLocaleError):
            continue
        for key, unit in _CLDR_UNITS.items():
            phrases: list[str] = []
            for width in ("long", "short"):
                for form, pattern in sorted((patterns.get(key) or {}).get(width, {}).items()):
                    phrase = str(pattern).removeprefix("{0}").strip() if form != "per" else ""
                    if str(pattern).startswith("{0}") and phrase and not re.search(r"[\d{}/]", phrase):
                        phrases.append(" ".join(phrase.split()))
            if phrases:
                lines.append("\t".join([code, unit, *dict.fromkeys(phrases)]))
    header = f"# CLDR duration units (Babel {babel.__version__}): language, unit, phrases; see contractgen/values/cldr_units.py\n"
    return header + "".join(line + "\n" for line in lines)


@lru_cache(maxsize=1)
def duration_units() -> dict[str, dict[str, tuple[str, ...]]]:
    """Every language's unit phrases, from data/duration_units.tsv: {language: {unit: phrases}}."""
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    for line in UNITS_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, unit, *phrases = line.split("\t")
            found.setdefault(code, {})[unit] = tuple(phrases)
    return found


def language_name(code: str) -> str:
    """A CLDR language's English name ("el" → "Greek")."""
    try:
        return str(babel.Locale.parse(code).english_name)
    except (ValueError, babel.UnknownLocaleError):
        return code
