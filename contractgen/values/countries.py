"""Countries by name and time zone: the everyday name of an ISO 3166-1 code in a locale, and its zones, from CLDR
(Babel)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import babel
import babel.core
import babel.localedata
import pycountry
import yaml

from contractgen.values.wording_locale import english_locale


@lru_cache(maxsize=64)
def country_name(code: str, locale: str = "en_GB") -> str:
    """A country's everyday English name in the deal's region ("United Kingdom", "India"), whatever its locale."""
    try:
        name = babel.Locale.parse(english_locale(locale)).territories.get(code)
    except (ValueError, babel.UnknownLocaleError):
        name = None
    if name:
        return str(name)
    country = pycountry.countries.get(alpha_2=code)
    return str(getattr(country, "common_name", None) or getattr(country, "name", code))


WORDS = Path(__file__).with_name("data") / "country_words.yaml"


@lru_cache(maxsize=1)
def country_words() -> dict[str, Any]:
    """The running-text names, articles and abbreviations of data/country_words.yaml."""
    loaded: dict[str, Any] = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    return loaded


def country_in_sentence(code: str, locale: str = "en_GB") -> str:
    """A country's name as it reads inside an English sentence ("the United Kingdom", "Hong Kong", "Portugal"), from
    data/country_words.yaml over CLDR's everyday name."""
    words = country_words()
    if code in words["names"]:
        return str(words["names"][code])
    name = country_name(code, locale)
    for short, full in words["replace"].items():
        name = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, name)
    if name.startswith("the ") or name in words["the_names"] or any(w in name for w in words["the_words"]):
        return name if name.startswith("the ") else "the " + name
    return name


def _place(name: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[_\-.,']", " ", plain).lower().split())


@lru_cache(maxsize=1)
def _english_cities() -> dict[str, str]:
    zones = babel.Locale.parse("en").time_zones
    return {str(zone): str(zones[zone]["city"]) for zone in zones if "city" in zones[zone]}


def country_zones(code: str) -> list[str]:
    """The IANA time zones CLDR lists for a country, sorted ("CL": America/Coyhaique, …, Pacific/Easter)."""
    return sorted(babel.core.get_global("territory_zones").get(code, []))


def zone_of(code: str, city: str, local: bool = True) -> str | None:
    """A place's time zone where the data settle it: the country's only zone, or the zone named after the city.

    Only the country's own zones are searched, by the zone's name ("America/Sao_Paulo") or its English exemplar
    city in CLDR ("São Paulo"), then (unless `local` is False) its exemplar city in the country's own languages
    ("Lisboa"); None where the country has several zones and none is the city's.
    """
    zones = country_zones(code)
    if len(zones) == 1:
        return zones[0]
    wanted = _place(city)
    for zone in zones:
        if wanted in (_place(zone.rsplit("/", 1)[-1]), _place(_english_cities().get(zone, ""))):
            return zone
    return _local_cities(code).get(wanted) if local else None


@lru_cache(maxsize=64)
def _local_cities(code: str) -> dict[str, str]:
    """A country's zones by their CLDR exemplar city in every locale of the languages spoken there ("Lisboa",
    "Sevilla" where CLDR has it); a name two zones share is left out."""
    languages = set(babel.core.get_global("territory_languages").get(code, {}))
    found: dict[str, set[str]] = {}
    zones = set(country_zones(code))
    for name in babel.localedata.locale_identifiers():
        if name.split("_", 1)[0] not in languages:
            continue
        try:
            cities = babel.Locale.parse(name).time_zones
        except (ValueError, babel.UnknownLocaleError):
            continue
        for zone, names in cities.items():
            if zone in zones and "city" in names:
                found.setdefault(_place(str(names["city"])), set()).add(str(zone))
    return {city: next(iter(z)) for city, z in found.items() if len(z) == 1}


def country_by_name(text: str) -> str:
    """The ISO 3166-1 code of a country or territory written by its name in any language CLDR has ("España",
    "Deutschland", "Schweiz", "日本", "Sverige"), or "" where no name or more than one country matches."""
    names = _names_in_every_language()
    written = " ".join(text.replace("’", "'").split()).strip(" .,;").casefold()
    return names.get(written) or names.get(_fold(written), "")


def in_english(place: str, locale: str = "en_GB") -> str:
    """A place written as a country's name in another language, in English as it reads in a sentence ("Deutschland"
    → "Germany", "España" → "Spain"); any other place as written ("England and Wales", "Ontario", "Germany")."""
    text = str(place or "").strip()
    try:
        pycountry.countries.lookup(text)
        return text  # already an English name or code
    except LookupError:
        code = country_by_name(text)
    return country_in_sentence(code, locale) if code else text


def _fold(text: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


NAMES = Path(__file__).with_name("data") / "country_names.tsv"


def cldr_country_names() -> str:
    """The text of data/country_names.tsv as CLDR (Babel) gives it: a line per ISO code, its territory names in every
    language, tab-separated, lower case, also without accents; a name two countries share in some language (Kongo) is left out, as it
    does not say which is meant. Written by scripts/cldr-country-names.py; a test checks it against Babel."""
    found: dict[str, set[str]] = {}
    for language in sorted(i for i in babel.localedata.locale_identifiers() if "_" not in i):
        try:
            territories = babel.Locale.parse(language).territories
        except (ValueError, babel.UnknownLocaleError):
            continue
        for code, name in territories.items():
            if re.fullmatch(r"[A-Z]{2}", code) and code not in {"EU", "EZ", "UN", "ZZ", "QO"}:
                written = " ".join(str(name).casefold().split())
                for form in {written, _fold(written)}:  # as written and without accents ("perú", "peru")
                    found.setdefault(form, set()).add(code)
    by_code: dict[str, list[str]] = {}
    for name, codes in found.items():
        if len(codes) == 1 and "\t" not in name:
            by_code.setdefault(codes.pop(), []).append(name)
    header = (
        f"# CLDR territory names in every language (Babel {babel.__version__}); see contractgen/values/countries.py\n"
    )
    return header + "".join(f"{code}\t" + "\t".join(sorted(by_code[code])) + "\n" for code in sorted(by_code))


@lru_cache(maxsize=1)
def _names_in_every_language() -> dict[str, str]:
    """Every name of data/country_names.tsv to its code."""
    names: dict[str, str] = {}
    for line in NAMES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, *written = line.split("\t")
            names.update(dict.fromkeys(written, code))
    return names
