"""Governing laws and places written in the market's own language, with the words of ``data/law_words.yaml``.

A country is named by its name in any language CLDR has ("España", "Schweiz", "日本"), alone or after the word for
law and the words for a kind of state ("leis da República Federativa do Brasil", "Recht der Bundesrepublik
Deutschland", "日本法", "대한민국 법"). A qualifier lawyers add ("unter Ausschluss des UN-Kaufrechts und der
Verweisungsnormen") is read as what it excludes and printed in English ("excluding its conflict-of-laws rules and
the United Nations Convention on Contracts for the International Sale of Goods"). A law written with a country's
adjective ("deutsches Recht", "ley uruguaya", "prawo polskie") is read back to the country's CLDR name by the
endings of the words file (`adjectives`); an irregular one ("svensk rätt") is data in that country's jurisdiction
record (`local_names`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from contractgen.values.countries import country_by_name
from contractgen.values.duration_words import fold

WORDS = Path(__file__).with_name("data") / "law_words.yaml"
_ENGLISH_MARKER = re.compile(
    r"^(?:but\s+)?(?:excluding|exclusive of|without\s+(?:regard|reference)\s+to|to the exclusion of|"
    r"with the exclusion of|other than|not including)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    """The words file as read."""
    data: dict[str, Any] = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _leading() -> tuple[tuple[str, ...], ...]:
    """The word runs that may stand before a country's name, longest first, each as folded words."""
    words = table()
    runs = {fold(w) for ws in words["law_words"].values() for w in ws}
    runs |= {fold(w) for w in words["joiners"]} | {fold(w) for w in words["state_words"]}
    runs |= {fold(w) for w in words.get("in_force_words") or ()}
    return tuple(sorted((tuple(r.split()) for r in runs), key=len, reverse=True))


@lru_cache(maxsize=1)
def _trailing() -> tuple[tuple[str, ...], ...]:
    """The law words that may follow a country's name ("대한민국 법", "Schweiz Recht"), longest first."""
    runs = {fold(w) for ws in table()["law_words"].values() for w in ws}
    return tuple(sorted((tuple(r.split()) for r in runs), key=len, reverse=True))


def _words(text: str) -> list[str]:
    return re.sub(r"[,;.]+$", "", " ".join(text.replace("’", "'").split())).split()


def country_named(text: str) -> str:
    """The ISO code of the one country a place or a law names by its name in any language, with the words for
    law and for a kind of state around it ("España", "leis da República Federativa do Brasil", "日本法"), or by its
    adjective beside a word for law ("ley uruguaya", "prawo polskie", "deutsches Recht"), or ""."""
    words = _words(text)
    if not words:
        return ""
    for suffix in table()["suffixes"]:
        if words[-1].endswith(suffix) and len(words[-1]) > len(suffix):
            words = [*words[:-1], words[-1][: -len(suffix)]]
            break
    of_law = any(fold(w) in _law_words() for w in words)
    while words:
        code = country_by_name(" ".join(words))
        if code:
            return code
        if of_law and len(words) == 1:
            return adjective_country(words[0])
        stripped = _strip_run(words, _leading(), at_start=True) or _strip_run(words, _trailing(), at_start=False)
        if stripped is None:
            return ""
        words = stripped
    return ""


def place_of_law(text: str) -> str:
    """The place a law names after its words for law, joiners and "applicable" ("les lois applicables au Québec" →
    "Québec", "the laws in force in Ontario" → "Ontario"), as written; "" where no law word leads the phrase."""
    words = _words(text)
    if not any(fold(w) in _law_words() for w in words):
        return ""
    while (stripped := _strip_run(words, _leading(), at_start=True)) is not None:
        words = stripped
    return " ".join(words) if len(words) < len(_words(text)) else ""


def written_in_english(law: str) -> bool:
    """True when a law is written with an English word for law ("Bulgarian law", "the laws of Ghana")."""
    english = {fold(w) for w in table()["law_words"]["en"] if " " not in w}
    return any(fold(w) in english for w in _words(law))


@lru_cache(maxsize=1)
def _law_words() -> frozenset[str]:
    return frozenset(fold(w) for ws in table()["law_words"].values() for w in ws if " " not in w)


@lru_cache(maxsize=1)
def _adjective_rules() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Every language's (name endings, adjective endings), each ending folded, the longest adjective endings first."""
    rules = [rule for rules in table()["adjectives"]["rules"].values() for rule in rules]
    return tuple(
        (tuple(fold(d) for d in rule["drop"]), tuple(sorted((fold(a) for a in rule["add"]), key=len, reverse=True)))
        for rule in rules
    )


@lru_cache(maxsize=512)
def adjective_country(word: str) -> str:
    """The ISO code of the one country whose CLDR name a law's adjective is made from ("uruguaya" → UY, "belge" → BE,
    "polskie" → PL, "svizzero" → CH), by the endings of the words file, or from its list of irregular ones
    ("ecuatoriana" → EC); "" where none or more than one is."""
    folded, least = fold(word), int(table()["adjectives"]["min_stem"])
    irregular = {fold(w): code for w, code in table()["adjectives"]["irregular"]["words"].items()}
    singular = [folded, re.sub(r"s$", "", folded), re.sub(r"es$", "", folded)]
    for form in [*singular, *(re.sub(r"a$", "o", w) for w in singular)]:
        if form in irregular:
            return str(irregular[form])
    found: set[str] = set()
    for drops, adds in _adjective_rules():
        for add in adds:
            stem = folded[: len(folded) - len(add)] if add else folded
            if not folded.endswith(add) or len(stem) < least:
                continue
            found |= {code for drop in drops if (code := country_by_name(stem + drop))}
    return found.pop() if len(found) == 1 else ""


def _strip_run(words: list[str], runs: tuple[tuple[str, ...], ...], at_start: bool) -> list[str] | None:
    folded = [fold(w) for w in words]
    for run in runs:
        n = len(run)
        if n < len(words) and tuple(folded[:n] if at_start else folded[-n:]) == run:
            return words[n:] if at_start else words[:-n]
    return None


def without_article(text: str) -> str:
    """The words without a leading article in the table's languages ("il diritto italiano" → "diritto italiano")."""
    articles = "|".join(re.escape(a) for a in sorted(table()["articles"], key=len, reverse=True))
    return re.sub(rf"^(?:{articles})(?:\s+|(?<=')\s*)(?=\w)", "", text.strip(), count=1, flags=re.IGNORECASE)


def places_joined(text: str) -> list[str]:
    """The places of a law written as two joined by 'and' in any language of the table ("the laws of Lagos State
    and the Federal Republic of Nigeria"), each as written; [text] where none joins them."""
    joiner = "|".join(re.escape(w) for w in table()["and_words"])
    parts = [p.strip(" ,;") for p in re.split(rf"\s+(?:{joiner})\s+", text.strip(), flags=re.IGNORECASE)]
    return [p for p in parts if p] or [text]


def gloss(text: str) -> tuple[str, str]:
    """A law written with a gloss in brackets ("日本法 (Japanese law)"): the words outside and inside, else (text, "")."""
    found = re.fullmatch(r"\s*(.+?)\s*[(（]\s*(.+?)\s*[)）]\s*", text)
    return (found.group(1), found.group(2)) if found else (text, "")


def qualifier_pattern() -> str:
    """A regular expression of the words that start a qualifier in the table's languages ("unter Ausschluss")."""
    markers = sorted(table()["qualifiers"]["markers"], key=len, reverse=True)
    return "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in markers)


def english_qualifier(qualifier: str) -> str:
    """A qualifier in English: as written where it already is, else what it excludes ("excluding its
    conflict-of-laws rules and the United Nations Convention on …"); as written where nothing in it is recognised."""
    if not qualifier or _ENGLISH_MARKER.match(qualifier):
        return qualifier
    folded = fold(qualifier)
    found = [
        item["english"]
        for item in table()["qualifiers"]["excluded"]
        if any(re.search(rf"(?<!\w){re.escape(fold(w))}(?!\w)", folded) for w in item["words"])
    ]
    if not found:
        return qualifier
    found.sort(key=lambda english: not english.startswith("its "))  # "its" must follow the law it refers to
    return "excluding " + " and ".join(found)


def excludes_cisg(qualifier: str) -> bool:
    """True when a qualifier (English or not) excludes the CISG."""
    folded = fold(qualifier)
    words = [w for item in table()["qualifiers"]["excluded"] if item.get("cisg") for w in item["words"]]
    words += ["United Nations Convention on Contracts for the International Sale of Goods", "sale of goods"]
    return any(re.search(rf"(?<!\w){re.escape(fold(w))}(?!\w)", folded) for w in words)


def with_unit(law: str, unit: str) -> str:
    """A record's law with the state, province or emirate a deal names beside it kept in the sentence ("the laws of
    Lagos State and of the Federal Republic of Nigeria"); the record's law alone when none is named."""
    if not unit:
        return law
    rest = re.sub(r"^the\s+laws?\s+of\s+", "", law, flags=re.IGNORECASE)
    return f"the laws of {unit} and of {rest}" if rest != law else f"the laws of {unit} and {law}"
