"""Legal families as data, and what a governing law with no jurisdiction record of its own is.

``law/families/<id>.yaml`` records list the countries (ISO 3166-1 alpha-2) and places whose law
takes the family when no jurisdiction record matches; ``tradition`` is what the law is, ``variants``
which of the library's clause variants draft it (civil or common), and ``drafted: false`` marks a
family the library has no terms of (a contract under it carries a drafting note).
``read_law`` splits a governing law as written into the law and its qualifiers ("excluding the
CISG", "excluding its conflict-of-laws rules") and finds the country it names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from contractgen.law.law_names import country_named, qualifier_pattern
from contractgen.law.library import LawLibrary, active

# "German law", "the laws of the State of Israel": the words around a country's name.
_ADJECTIVES = {
    "argentine": "AR",
    "argentinian": "AR",
    "austrian": "AT",
    "brazilian": "BR",
    "chilean": "CL",
    "chinese": "CN",
    "prc": "CN",
    "colombian": "CO",
    "czech": "CZ",
    "danish": "DK",
    "egyptian": "EG",
    "emirati": "AE",
    "uae": "AE",
    "finnish": "FI",
    "greek": "GR",
    "hungarian": "HU",
    "indonesian": "ID",
    "israeli": "IL",
    "japanese": "JP",
    "kenyan": "KE",
    "korean": "KR",
    "south korean": "KR",
    "malaysian": "MY",
    "mexican": "MX",
    "new zealand": "NZ",
    "nigerian": "NG",
    "norwegian": "NO",
    "peruvian": "PE",
    "philippine": "PH",
    "qatari": "QA",
    "romanian": "RO",
    "saudi": "SA",
    "saudi arabian": "SA",
    "south african": "ZA",
    "taiwanese": "TW",
    "thai": "TH",
    "turkish": "TR",
    "vietnamese": "VN",
    "hong kong": "HK",
    "korea": "KR",
    "south korea": "KR",
    "republic of korea": "KR",
    "the republic of korea": "KR",
    "hong kong sar": "HK",
    "macao": "MO",
    "macau": "MO",
    "taiwan": "TW",
    "vietnam": "VN",
    "russia": "RU",
}
_LEAD = re.compile(r"^(?:the\s+)?(?:substantive\s+)?(?:federal\s+)?(?:laws?|courts?)\s+(?:of|in)\s+", re.IGNORECASE)
_TRAIL = re.compile(r"\s+(?:law|laws)$", re.IGNORECASE)
_STATE = re.compile(
    r"^(?:the\s+)?(?:state|republic|kingdom|federal republic|people's republic|united|"
    r"socialist republic|commonwealth|hashemite kingdom|sultanate|emirate)\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
# English, then the markers of data/law_words.yaml in the other languages ("unter Ausschluss", "à l'exclusion")
_QUALIFIER = re.compile(
    r"\s*(?:,|;|\(|\s-\s|\s–\s)?\s*(?<!\w)(?:but\s+)?(?:excluding|exclusive of|without\s+(?:regard|reference)\s+to|"
    r"to the exclusion of|with the exclusion of|other than|not including|" + qualifier_pattern() + r")(?!\w).*$",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class Family:
    """One legal family record."""

    key: str
    name: str
    tradition: str  # civil, common, mixed, religious
    variants: str  # the clause variants that draft it: civil or common
    drafted: bool  # False: the library has no terms of this family
    countries: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    must_not_use: tuple[str, ...] = ()  # words of other families' law its contracts must not carry


@dataclass(frozen=True)
class WrittenLaw:
    """A governing law as written: the law named, its qualifiers, and the country it names (if any)."""

    law: str  # "the laws of Japan"
    qualifier: str  # "excluding its conflict-of-laws rules", or ""
    country: str  # ISO 3166-1 alpha-2, or ""
    country_name: str


def load_families(law: LawLibrary | None = None) -> dict[str, Family]:
    """Return every family record by key (of the library in force unless one is given)."""
    return _families(law or active())


@lru_cache(maxsize=8)
def _families(law: LawLibrary) -> dict[str, Family]:
    families = {}
    for key, record in law.records("families").items():
        item = record.data
        tradition = str(item.get("tradition") or "")
        families[key] = Family(
            key=key, name=str(item["name"]), tradition=tradition,
            variants=str(item.get("variants") or tradition), drafted=bool(item.get("drafted", True)),
            countries=tuple(str(c).upper() for c in item.get("countries") or ()),
            names=tuple(str(n) for n in item.get("names") or ()),
            must_not_use=tuple(str(w) for w in item.get("must_not_use") or ()),
        )  # fmt: skip
    return families


def family_of(country: str = "", place: str = "") -> Family | None:
    """Return the family of a country (ISO code) or of a named place (a financial centre), if recorded."""
    wanted = place.casefold()
    for family in load_families().values():
        if country and country in family.countries:
            return family
        if wanted and any(n.casefold() in wanted for n in family.names):
            return family
    return None


def split_qualifier(text: str) -> tuple[str, str]:
    """Split "Switzerland, excluding its conflict-of-laws rules" into the law and the qualifier."""
    match = _QUALIFIER.search(text)
    if match is None or match.start() == 0:
        return text.strip(), ""
    qualifier = match.group(0).strip().lstrip(",;(").strip().rstrip(")").strip()
    if qualifier.count("(") > qualifier.count(")"):
        qualifier += ")"
    return text[: match.start()].strip().rstrip(",;").strip(), qualifier


def country_in(text: str) -> tuple[str, str]:
    """Return (ISO code, English name) of the country a law's words name ("Brazilian law", "the laws of Japan")."""
    words = _TRAIL.sub("", _LEAD.sub("", " ".join(text.replace("’", "'").split()))).strip().rstrip(".")
    words = re.sub(r"\s+special administrative region$", "", words, flags=re.IGNORECASE)
    bare = re.sub(r"^the\s+", "", words, flags=re.IGNORECASE)
    candidates = [words, bare, _STATE.sub("", words)]
    for candidate in candidates:
        code = _ADJECTIVES.get(candidate.casefold())
        if code:
            country = pycountry.countries.get(alpha_2=code)
            if country is not None:
                return code, getattr(country, "common_name", None) or country.name
        for country in pycountry.countries:
            names = {country.name, getattr(country, "official_name", ""), getattr(country, "common_name", "")}
            if candidate.casefold() in {n.casefold() for n in names if n}:
                return country.alpha_2, getattr(country, "common_name", None) or country.name
    code = country_named(text)  # its name in another language ("leyes de Uruguay", "Recht der Schweiz")
    country = pycountry.countries.get(alpha_2=code) if code else None
    if country is not None:
        return code, getattr(country, "common_name", None) or country.name
    return "", ""


def read_law(text: str) -> WrittenLaw:
    """Read a governing law as written into the law, its qualifier and the country it names."""
    law, qualifier = split_qualifier(text)
    code, name = country_in(law)
    return WrittenLaw(law, qualifier, code, name)
