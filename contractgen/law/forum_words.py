"""Forums written in the languages of ``data/forum_words.yaml``: the name of an arbitral institution the library has no
record of ("the Centro de Arbitraje y Conciliación de la Cámara de Comercio de Bogotá").

The words are data. A name is a run of capitalised words, joined by the lower-case words the table lists ("de la",
"of the", "für"), that holds a word naming an institution (Centre, Centro, Cámara, Chambre, Kammer …, or a German or
Dutch compound ending in one: "Handelskammer").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from contractgen.law.seat_records import record_of
from contractgen.values.duration_words import fold, phrase_pattern

WORDS = Path(__file__).with_name("data") / "forum_words.yaml"
_TOKEN = re.compile(r"[^\W\d_][\w'’.&-]*|&|[,;:()/]|\S", re.UNICODE)


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    """The words file as read."""
    data: dict[str, Any] = yaml.safe_load(WORDS.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def institution_words() -> tuple[frozenset[str], tuple[str, ...], frozenset[str], frozenset[str]]:
    """(institution words, compound endings, joiners, words starting the name of rules), folded."""
    words = table()["institutions"]
    return (
        frozenset(fold(w) for w in words["words"]),
        tuple(fold(w) for w in words["endings"]),
        frozenset(fold(w) for w in words["joiners"]),
        frozenset(fold(w) for w in words["rules"]),
    )


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    """The words many institutions' names share, folded: the institution words, the words describing rules and the
    joiners ("centre", "international", "arbitration", "of")."""
    words, _, joiners, _ = institution_words()
    return words | joiners | {fold(w) for w in table()["institutions"]["rule_words"]}


def _capital(token: str) -> bool:
    return token[:1].isupper()


def names_institution_word(token: str) -> bool:
    """True when a capitalised word names an institution ("Centro", "Chamber", "Handelskammer")."""
    words, endings, _, _ = institution_words()
    key = fold(token.rstrip("."))
    compound = any(key.removesuffix("s").endswith(e) and len(key) > len(e) for e in endings)  # genitive "-s" too
    return _capital(token) and (key in words or compound)


def institution_named(text: str, seat: str = "") -> str:
    """The name of an arbitral institution written in `text` as it is written ("Centro de Arbitraje y Conciliación de la
    Cámara de Comercio de Bogotá"), or "" when no capitalised name with an institution word is there. A name inside
    the seat ("the Dubai International Financial Centre") is not one."""
    _, _, joiners, rules = institution_words()
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    seats = [m.span() for m in re.finditer(re.escape(seat), text)] if seat else []
    for i, (token, start, _) in enumerate(tokens):
        if not names_institution_word(token) or any(a <= start < b for a, b in seats):
            continue
        first = i
        while first > 0 and _capital(tokens[first - 1][0]) and fold(tokens[first - 1][0]) not in rules:
            first -= 1
        last = i
        j = i + 1
        while j < len(tokens):
            word = tokens[j][0]
            if fold(word) in rules or not (_capital(word) or fold(word) in joiners):
                break
            if _capital(word):
                last = j
            j += 1
        if first == last:  # sentence case: "Chambre de commerce internationale"
            last = _sentence_case_end(tokens, i)
        elif j < len(tokens) and fold(tokens[j][0]) in rules:
            last = _before_rule_words([t for t, _, _ in tokens], first, last)
        return text[tokens[first][1] : tokens[last][2]]
    return ""


def acronym_named(text: str, seat: str = "") -> str:
    """An institution the text names only by an acronym before its rules' name ("the ACICA Rules", "the FOO
    Arbitration Rules") or after it ("the Rules of Arbitration of the FOO", "Reglamento del FOO"), as written, else
    "". An acronym is two to eight capitals (digits and "&" or "-" inside); the seat's name is never one."""
    _, _, joiners, rules = institution_words()
    describing = {fold(w) for w in table()["institutions"]["rule_words"]}
    words = [m.group(0) for m in _TOKEN.finditer(text)]
    for i, word in enumerate(words):
        if not _ACRONYM.fullmatch(word) or (seat and fold(word) == fold(seat)):
            continue
        after = i + 1
        while after < len(words) and fold(words[after]) in describing:
            after += 1
        if after < len(words) and fold(words[after]) in rules:
            return word
        before = i - 1
        while before >= 0 and fold(words[before]) in joiners:
            before -= 1
        while before >= 0 and (fold(words[before]) in describing or fold(words[before]) in joiners):
            before -= 1
        if before >= 0 and fold(words[before]) in rules and before < i - 1:
            return word
    return ""


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,7}")


def _before_rule_words(words: list[str], first: int, last: int) -> int:
    """The last word of a name written right before its rules' name ("Nairobi Centre for International Arbitration"
    of "… Arbitration Arbitration Rules"): the name ends before the longest run of words describing rules that
    follows its last institution word, repeats no word and leaves it ending on neither a joiner nor an adjective."""
    block = table()["institutions"]
    describing = {fold(w) for w in block["rule_words"]}
    adjectives = {fold(w) for w in block["adjectives"]}
    _, _, joiners, _ = institution_words()
    named = max(k for k in range(first, last + 1) if names_institution_word(words[k]))
    best = last
    for start in range(last, named, -1):
        run = [fold(w) for w in words[start : last + 1]]
        if not set(run) <= describing or len(set(run)) < len(run):
            break
        end = fold(words[start - 1])
        if end not in joiners and end not in adjectives:
            best = start - 1
    return best


def _sentence_case_end(tokens: list[tuple[str, int, int]], i: int) -> int:
    """The last word of a name written in sentence case from its institution word at `i`: up to a comma, a bracket
    or a stop word, without the joiners it would end on."""
    _, _, joiners, _ = institution_words()
    stops = {fold(w) for w in table()["institutions"]["stops"]}
    last = i
    for j in range(i + 1, len(tokens)):
        word = tokens[j][0]
        if not word[:1].isalpha() or fold(word) in stops:
            break
        if fold(word) not in joiners:
            last = j
    return last


def with_article(name: str) -> str:
    """'the Foo Arbitration Centre' for a name with an institution word; an acronym or a name with its article as
    written."""
    name = " ".join(name.split())
    if re.match(r"(?i)the\s", name) or not any(names_institution_word(t) for t in name.split()):
        return name
    return "the " + name


# A city as written: capitalised words and the small words inside city names ("Frankfurt am Main", "Rio de Janeiro").
# The first letter of a city: a capital of the Latin, Greek or Cyrillic scripts, or a letter of a script with no
# capitals (Chinese, Japanese, Korean, Arabic, Thai).
UPPER = (
    "A-Z\u00c0-\u00deĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽİŞĞŐŰĂȘȚÂÎĐ\u0386-\u03ab\u0400-\u042f\u0621-\u064a\u0e01-\u0e2e"
    "\u30a0-\u30ff\u3400-\u9fff\uac00-\ud7a3"
)
CITY = (
    rf"([{UPPER}][\w'’.-]*(?:[ -](?:[{UPPER}][\w'’.-]*|am|an|de|del|da|do|dos|di|du|des|sur|aan|den"
    r"|of|upon|on|la))*)"
)


@dataclass(frozen=True)
class ArbitrationWords:
    """One language's words for an arbitration: seat, hearings, tribunal, language, emergency and expedited."""

    code: str
    name: str
    arbitration: tuple[str, ...]
    seat: tuple[str, ...]
    venue: tuple[str, ...]
    fillers: tuple[str, ...]
    in_: tuple[str, ...]
    sole: tuple[str, ...]
    three: tuple[str, ...]
    language: tuple[tuple[str, str], ...]  # (phrase with the language's name in it, the name in English)
    emergency: tuple[str, ...]
    expedited: tuple[str, ...]
    without: tuple[str, ...]
    language_words: tuple[str, ...] = ()  # the words for "language" ("Sprache", "idioma")


@lru_cache(maxsize=1)
def arbitration_words() -> dict[str, ArbitrationWords]:
    """Every language's arbitration words, by language code."""
    found = {}
    for code, w in table()["arbitration"].items():
        names = w.get("language_names") or {}
        written = [*w["language"], *(re.sub(r"\s*:\s*", " ", p) for p in w["language"] if ":" in p)]
        phrases = tuple(
            (phrase.replace("{}", form), english)
            for phrase in dict.fromkeys(written)
            for english, forms in (names.items() if "{}" in phrase else [("", [""])])
            for form in forms
        )
        language = tuple((p, e or _named_in(p, names)) for p, e in phrases)
        found[code] = ArbitrationWords(
            code, w["name"], tuple(w["arbitration"]), tuple(w["seat"]), tuple(w["venue"]), tuple(w["fillers"]),
            tuple(w["in"]), tuple(w["sole"]), tuple(w["three"]), language, tuple(w["emergency"]),
            tuple(w["expedited"]), tuple(w["without"]), tuple(w.get("language_words") or ()),
        )  # fmt: skip
    return found


def _named_in(phrase: str, names: dict[str, list[str]]) -> str:
    """The English name of the language a fixed phrase names ("en castellano": Spanish)."""
    words = set(fold(phrase).split())
    return next((english for english, forms in names.items() if words & {fold(f) for f in forms}), "")


def alternatives(phrases: Iterable[str]) -> str:
    """One regex reading any of the phrases (longest first), in any case, with or without accents."""
    unique = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    return "(?:" + "|".join(phrase_pattern(p) for p in unique) + ")" if unique else "(?!)"


@lru_cache(maxsize=1)
def unspaced() -> frozenset[str]:
    """Every phrase of the languages written without spaces between words (Chinese, Japanese, Thai) or with words
    joined to their articles and particles (Arabic, Korean): read inside a longer word ("中国国际经济贸易仲裁委员会")."""
    found = set()
    for code, w in table()["arbitration"].items():
        if w.get("unspaced"):
            words = (*w["arbitration"], *w["seat"], *w["venue"], *w["sole"], *w["three"], *w["emergency"])
            found |= {p.removesuffix("*") for p in (*words, *w["expedited"], *w["in"], *w["without"])}
            found |= {p for p, _ in arbitration_words()[code].language}
    return frozenset(found)


def bounded(phrases: Iterable[str]) -> str:
    """One regex reading any of the phrases as whole words, or anywhere for a phrase of an unspaced language."""
    phrases = list(phrases)
    inside = unspaced()
    spaced = rf"(?<!\w){alternatives(p for p in phrases if p not in inside)}(?!\w)"
    return f"(?:{spaced}|{alternatives(p for p in phrases if p in inside)})"


@lru_cache(maxsize=1)
def arbitration_pattern() -> re.Pattern[str]:
    """Any word that makes a forum arbitration ("arbitraje", "Schiedsgerichtsordnung"), in any language of the table."""
    words = [w for lang in arbitration_words().values() for w in lang.arbitration]
    whole = bounded(w for w in words if not w.endswith("*"))
    prefixes = alternatives(w.removesuffix("*") for w in words if w.endswith("*"))
    return re.compile(rf"{whole}|(?<!\w){prefixes}\w*")


def _phrase_then_city(phrases: Iterable[str], fillers: Iterable[str]) -> str:
    # fillers as written, in lower case: "la Ciudad de México" is a city after "en la", not "la ciudad de" México
    fill = "(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(fillers, key=len, reverse=True)) + ")"
    fill = fill if fillers else "(?!)"
    return rf"{bounded(phrases)}\s*[:：]?\s*(?:{fill}\s*)*{CITY}"


@lru_cache(maxsize=1)
def seat_patterns() -> tuple[re.Pattern[str], ...]:
    """A seat phrase of each language and the city it names ("sede Bogotá", "Sitz des Schiedsverfahrens ist Köln")."""
    return tuple(re.compile(_phrase_then_city(w.seat, w.fillers)) for w in arbitration_words().values() if w.seat)


@lru_cache(maxsize=1)
def venue_patterns() -> tuple[re.Pattern[str], ...]:
    """A hearing-venue phrase of each language and the city it names ("audiencias en Miami")."""
    return tuple(re.compile(_phrase_then_city(w.venue, w.fillers)) for w in arbitration_words().values() if w.venue)


@lru_cache(maxsize=1)
def in_city_patterns() -> tuple[re.Pattern[str], ...]:
    """The word for "in" of each language and the city after it ("en Lima", "à Genève")."""
    return tuple(re.compile(_phrase_then_city(w.in_, ())) for w in arbitration_words().values() if w.in_)


def _all(kind: str) -> list[str]:
    return [p for w in arbitration_words().values() for p in getattr(w, kind)]


@lru_cache(maxsize=None)
def _words_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(bounded(phrases))


def tribunal_sizes(text: str) -> set[int]:
    """The numbers of arbitrators a text writes (1 for "árbitro único", 3 for "drei Schiedsrichter"); two is a
    contradiction the reader refuses."""
    return {size for size, kind in ((1, "sole"), (3, "three")) if _words_pattern(tuple(_all(kind))).search(text)}


@lru_cache(maxsize=1)
def _languages() -> dict[str, str]:
    """Every language phrase of the table (folded) and the English name of the language it names."""
    return {fold(phrase): english for w in arbitration_words().values() for phrase, english in w.language if english}


def language_written(text: str) -> str:
    """The language of the arbitration a text writes in any language of the table, in English ("en español":
    "Spanish"), or ""."""
    match = _words_pattern(tuple(sorted({p for w in arbitration_words().values() for p, _ in w.language}))).search(text)
    return _languages().get(fold(match.group(0)), "") if match else ""


def language_mentioned(text: str) -> str:
    """The words from a word for "language" to the end of its phrase ("Sprache Klingonisch"), when a text writes one
    in any language of the table, else ""."""
    words = tuple(sorted({p for w in arbitration_words().values() for p in w.language_words}))
    match = _words_pattern(words).search(text) if words else None
    return re.split(r"[,;.，；。、]", text[match.start() :])[0].strip() if match else ""


def by_law_written(text: str) -> bool:
    """Whether a text chooses an arbitration decided according to law, in a language of the table ("en derecho")."""
    return _words_pattern(tuple(table()["by_law"])).search(text) is not None


def chosen(text: str, kind: str) -> bool | None:
    """Whether a text keeps (True) or excludes (False) the emergency arbitrator or the expedited procedure (`kind`),
    or None when it does not mention it. Excluded: a word of `without` within three words before it or two after."""
    for lang in arbitration_words().values():
        match = _words_pattern(tuple(getattr(lang, kind))).search(text)
        if match is None:
            continue
        before = fold(text[: match.start()]).split()[-3:]
        after = fold(text[match.end() :]).split()[:2]
        negations = {fold(w) for w in lang.without}
        return not (negations & set(before) or negations & {w.strip(",.;") for w in after})
    return None


@lru_cache(maxsize=1)
def _court_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a phrase meaning "the courts of" and the city after it, the start of a named court's name)."""
    courts = table()["courts"].values()
    general = _phrase_then_city([p for c in courts for p in c["general"]], [f for c in courts for f in c["fillers"]])
    articles = alternatives(a for c in courts for a in c["articles"])
    named = "|".join(re.escape(n) for c in courts for n in sorted(c["named"], key=len, reverse=True))
    return re.compile(general), re.compile(rf"(?:(?<!\w){articles}\s+)?((?:{named})(?!\w).*)$")


@lru_cache(maxsize=1)
def _exclusivity_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(words choosing non-exclusive courts, words choosing exclusive courts), in any language of the table."""
    words = table()["exclusivity"]
    return re.compile(bounded(words["non_exclusive"])), re.compile(bounded(words["exclusive"]))


def exclusivity_written(text: str) -> str:
    """'non-exclusive' or 'exclusive' where a court phrase says so in a language of the table ("foro non esclusivo",
    "ausschließlicher Gerichtsstand"), else ""."""
    non, only = _exclusivity_patterns()
    return "non-exclusive" if non.search(text) else "exclusive" if only.search(text) else ""


def courts_written(text: str) -> tuple[str, bool] | None:
    """Courts written in a language of the table, in English words: ("the courts of Madrid", True) for "los juzgados
    y tribunales de Madrid", ("the Landgericht Frankfurt am Main", False) for a court it names; None otherwise. Words
    of exclusivity are read apart ("Foro competente esclusivo di Milano": "the courts of Milan")."""
    general, named = _court_patterns()
    non, only = _exclusivity_patterns()
    text = " ".join(only.sub(" ", non.sub(" ", text)).split())
    match = general.search(text)
    if match:
        city = match.group(1).strip().rstrip(".,;")
        return f"the courts of {(record_of(city) or {}).get('name', city)}", True
    match = named.search(text.strip())
    if match:
        name = match.group(1).strip().rstrip(".,;")
        return f"the {name}", bool(re.match(r"\w+s\b", name)) and not name.endswith("ss")
    return None
