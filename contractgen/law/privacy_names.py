"""Privacy laws as their markets cite them: a name a deal writes read into its title, citation numbers, years and
bracketed glosses, and matched to one law/privacy record (or a supplement of one) only where that record's country
fits.

"Data Protection Act, 2012 (Act 843)" is a title shared by several countries ("Data Protection Act"), a year and an
act number: it matches a record whose own names or citation carry that year and number, and never the UK's Act of
2018. A title written alone that several countries give their law ("Privacy Act", "PDPA") matches by the deal's
countries only. The words are data (``data/privacy_words.yaml``); the laws are the records.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

WORDS = Path(__file__).with_name("data") / "privacy_words.yaml"
# A citation number: digits with their separators ("25.326", "110/2019", "5741-1981", "9/2/1443H", "91/2025/QH15").
_NUMBER = re.compile(r"(?<![\w])\d+(?:[./,:\-–]\d+)*(?:/[a-z]+\d*)*[a-z]?(?![\w])")
_YEAR = re.compile(r"(?:19|20)\d\d")
_BRACKETS = re.compile(r"\(([^()]*)\)")


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    """The word table (generic titles, number and form words, continuations)."""
    data: dict[str, Any] = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    return data


def fold(text: str) -> str:
    """Lower case, accents dropped, typographic quotes and dashes made plain, single spaces."""
    text = str(text).replace("\u2019", "'").replace("–", "-").replace("\u00a0", " ")
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(unicodedata.normalize("NFC", plain).casefold().split())


def _plain_words(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text).replace("_", " ").split())


@lru_cache(maxsize=1)
def _word_runs() -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    table = words()
    runs = sorted({tuple(_plain_words(fold(w)).split()) for w in table["number_words"]}, key=len, reverse=True)
    forms = frozenset(_plain_words(fold(w)) for w in table["form_words"])
    return tuple(r for r in runs if r), forms


@lru_cache(maxsize=1)
def _generic_titles() -> frozenset[str]:
    return frozenset(title_of(t) for titles in words()["generic_titles"].values() for t in titles)


def number_key(token: str) -> str:
    """A citation number as compared: thousands separators dropped ("25.326" and "25,326" are "25326")."""
    return re.sub(r"(?<=\d)[.,](?=\d{3}(?!\d))", "", token.replace("–", "-"))


@dataclass(frozen=True)
class Cited:
    """A privacy law's name as written, read: its title, citation numbers, years and bracketed glosses."""

    title: str  # folded words without numbers, years, number words or brackets; "" for a citation alone
    numbers: frozenset[str]  # citation numbers other than years ("843", "5741-1981", "110/2019")
    years: frozenset[str]
    glosses: tuple[str, ...]  # the bracketed parts as written


def title_of(text: str) -> str:
    """The title of a name as compared (see ``read``)."""
    return read(text).title


def read(text: str) -> Cited:
    """Read a privacy law's name as a deal writes it."""
    folded = fold(text)
    glosses = tuple(g.strip() for g in _BRACKETS.findall(str(text)))
    outside = _BRACKETS.sub(" ", folded)
    numbers: set[str] = set()
    years: set[str] = set()
    for found in _NUMBER.findall(folded):
        key = number_key(found.rstrip(".,"))
        (years if _YEAR.fullmatch(key) else numbers).add(key)
    tokens = _plain_words(_NUMBER.sub(" ", outside)).split()
    runs, forms = _word_runs()
    kept: list[str] = []
    i = 0
    while i < len(tokens):
        run = next((r for r in runs if tuple(tokens[i : i + len(r)]) == r), None)
        if run:
            i += len(run)
            continue
        kept.append(tokens[i])
        i += 1
    if kept and kept[0] == "the":
        kept = kept[1:]
    title = " ".join(kept)
    if _only_forms(title, forms):
        title = ""
    return Cited(title=title, numbers=frozenset(numbers), years=frozenset(years), glosses=glosses)


def _only_forms(title: str, forms: frozenset[str]) -> bool:
    rest = f" {title} "
    for form in sorted(forms, key=len, reverse=True):
        rest = rest.replace(f" {form} ", " ")
    return not rest.strip()


def is_generic(title: str) -> bool:
    """Whether a title is one several countries give their privacy law ("data protection act", "pdpa")."""
    return title in _generic_titles()


@dataclass(frozen=True)
class Form:
    """One way a record is named (its name, an alias, a supplement's name), read, with the record it names."""

    target: tuple[str, str]  # ("regime", regime key) or ("supplement", supplement key)
    cited: Cited


@dataclass(frozen=True)
class Named:
    """A record's names as the matcher sees them: every form, its country codes, and its citation numbers and years."""

    target: tuple[str, str]
    countries: frozenset[str]
    numbers: frozenset[str]
    years: frozenset[str]
    titles: frozenset[str]


def named(target: tuple[str, str], texts: list[str], citation: str, countries: frozenset[str]) -> Named:
    """A record's names read once (``texts``: its name and aliases; ``citation``: its full citation)."""
    read_all = [read(t) for t in [*texts, citation] if t]
    numbers = frozenset(n for c in read_all for n in c.numbers)
    years = frozenset(y for t in [*texts, citation] for y in _YEAR.findall(fold(t)))
    titles = frozenset(read(t).title for t in texts if read(t).title)
    return Named(target, countries, numbers, years, titles)


def _fits(written: Cited, record: Named) -> bool:
    # a number or year the name gives that the record does not carry names another law ("Data Protection Act, 2012
    # (Act 843)" is not the UK's Act of 2018)
    return written.numbers <= record.numbers and (not record.years or written.years <= record.years)


def match(
    text: str, records: list[Named], countries: tuple[str, ...], gloss_country: str = ""
) -> tuple[str, str] | None:
    """The record a name written in a deal names, or None.

    ``countries``: the deal's countries, first the most telling (governing law, client, supplier, then where the data
    is processed). A title several countries share matches only a record of the country the name's gloss names, else
    of the first of the deal's countries that has one; a title or citation number one record alone carries matches it.
    """
    written = read(text)
    if not written.title and not written.numbers:
        return None
    if written.title:
        candidates = [r for r in records if written.title in r.titles and _fits(written, r)]
    else:
        candidates = [r for r in records if written.numbers <= r.numbers and _fits(written, r)]
    if not candidates:
        return None
    # the numbers or year of a citation can name one law by themselves ("…, 5741-1981"); a title alone can be anyone's
    by_number = bool(written.numbers or written.years) and len({c.target for c in candidates}) == 1
    shared = is_generic(written.title) or len({r.target for r in candidates}) > 1
    if gloss_country:
        candidates = [r for r in candidates if gloss_country in r.countries or not r.countries]
    elif shared and not by_number:
        for country in countries:
            here = [r for r in candidates if country in r.countries]
            if here:
                candidates = here
                break
        else:
            return None
    targets = list(dict.fromkeys(r.target for r in candidates))
    return targets[0] if len(targets) == 1 else None


def continues(entry: str, before: str) -> bool:
    """Whether a YAML flow-list entry only continues the name before it (a year, "2012 (Act 843)", "5741-1981")."""
    for rule in words()["continuations"]:
        if re.fullmatch(rule["entry"], entry.strip(), re.IGNORECASE) and (
            "after" not in rule or re.search(rf"{rule['after']}\s*$", before.strip())
        ):
            return True
    return False


def deal_countries(deal: Any) -> tuple[str, ...]:
    """The countries a deal's privacy-law names are read by, the most telling first: the governing law's, the
    client's, the supplier's, then its delivery centres' and data-residency countries."""
    from contractgen.law.families import read_law
    from contractgen.law.jurisdictions import find_law
    from contractgen.law.seats import country_code

    found: list[str] = []
    contract = getattr(deal, "contract", None)
    law = getattr(contract, "governing_law", None)
    if law:
        record, _ = find_law(law)
        found.append(record.country if record is not None else read_law(law).country)
    parties = getattr(deal, "parties", None)
    for role in ("client", "supplier"):
        found.append(country_code(getattr(getattr(parties, role, None), "incorporated_in", None)))
    sourcing = getattr(deal, "sourcing", None)
    found += [c.country for c in (getattr(sourcing, "delivery_centres", None) or ())]
    found += list(getattr(getattr(deal, "data_protection", None), "data_residency", None) or ())
    return tuple(dict.fromkeys(c for c in found if c))
