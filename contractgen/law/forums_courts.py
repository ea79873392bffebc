"""A court clause as each market writes it, reduced to the court the parties chose.

"les cours et tribunaux de l'arrondissement judiciaire de Liège sont seuls compétents" is the courts of the judicial
district of Liège, chosen exclusively; "서울중앙지방법원을 전속적 합의관할 법원으로 한다" is the Seoul Central District Court;
"Tribunal Administrativo e Fiscal do Porto, com expressa renúncia a qualquer outro" is that court, with a waiver of
every other forum. Sentence verbs and clause words are cut, never printed. The words are data
(``data/forum_words.yaml``, ``court_reading``); a phrase that does not reduce to a court is never spliced into the
clause (``UNREAD``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from contractgen.law.forum_words import CITY, UPPER, alternatives, arbitration_pattern, bounded, courts_written, table
from contractgen.law.institutions import institutions_in, other_named
from contractgen.law.seat_records import record_of
from contractgen.values.duration_words import fold, phrase_pattern

UNREAD = "[the court the Parties choose]"
_PLACE = re.compile(rf"{CITY}(?:\s*,\s*{CITY})*")
_TRIM = " \t,;:.-–—"
_THE_START = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True)
class CourtsRead:
    """What a court phrase says, in English words."""

    courts: str  # "the courts of Athens", "the Seoul Central District Court"; "" when the phrase reduces to no court
    plural: bool
    waiver: bool = False  # the phrase waives every other forum
    seat_of: str = ""  # "client" or "supplier": the courts of that party's seat
    rest: str = ""  # the court phrase once verbs, exclusivity and waiver are cut, as written


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    words: dict[str, Any] = table()["court_reading"]
    return words


def _flat(key: str) -> list[str]:
    return [p for phrases in _words()[key].values() for p in phrases]


def _read_anywhere(key: str) -> str:
    """A regex reading the phrases of a by-language list: whole words, or anywhere in a language written without
    spaces between words (`unspaced`)."""
    inside = set(_words()["unspaced"])
    spaced = [p for code, phrases in _words()[key].items() if code not in inside for p in phrases]
    joined = [p for code, phrases in _words()[key].items() if code in inside for p in phrases]
    return f"(?:{bounded(spaced)}|{alternatives(joined)})"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled phrases of each kind, longest first."""
    words = _words()
    seats = [p for by_phrase in words["seats"].values() for p in by_phrase]
    areas = [p for by_phrase in words["areas"].values() for p in by_phrase]
    exclusivity = table()["exclusivity"]
    return {
        "verbs": re.compile(_read_anywhere("verbs")),
        "lead": re.compile(rf"^\s*{_read_anywhere('lead')}\s*"),
        "particles": re.compile(rf"(?:{'|'.join(map(re.escape, _flat('particles')))})$"),
        "waivers": re.compile(bounded(_flat("waivers"))),
        "seats": re.compile(bounded(seats)),
        "areas": re.compile(rf"^(?:{bounded(areas)})\s+(.+)$"),
        "exclusivity": re.compile(bounded([*exclusivity["exclusive"], *exclusivity["non_exclusive"]])),
    }


def _lookup(key: str, phrase: str) -> str:
    """The value a phrase of a by-language mapping (`seats`, `areas`) has, matched as the table matches it."""
    folded = fold(phrase)
    return next((v for by in _words()[key].values() for p, v in by.items() if fold(p) == folded), "")


def place_in_english(written: str) -> str:
    """A place as written, in English: its declined form in `places`, else its seat record's name, else as written."""
    written = written.strip(_TRIM)
    places = {fold(k): v for k, v in _words()["places"].items()}
    return places.get(fold(written)) or (record_of(written) or {}).get("name", written)


def _court_name(name: str) -> str:
    """A named court printed with an English article: its English name where the table gives one."""
    name = re.sub(r"(?i)^the\s+", "", name)
    sitting = re.search(rf"\s+{bounded(_flat('sitting'))}\s+(.+)$", name)
    if sitting and is_place(place_in_english(sitting.group(1))):
        name = f"{name[: sitting.start()]} sitting in {place_in_english(sitting.group(1))}"
    names = {fold(k): v for k, v in _words()["court_names"].items()}
    english = names.get(fold(name))
    if english:
        return f"the {english}"
    return f"the {name[:1].upper()}{name[1:]}"


def cleaned(text: str) -> tuple[str, bool]:
    """(the court phrase without its sentence verbs, clause words, exclusivity words and waiver, whether it waives
    every other forum)."""
    p = _patterns()
    text = " ".join(text.split())
    waiver = p["waivers"].search(text)
    if waiver:
        text = text[: waiver.start()]
    text = p["verbs"].sub(" ", text)
    text = p["lead"].sub("", text)
    text = p["exclusivity"].sub(" ", text)
    text = " ".join(text.split()).strip(_TRIM)
    text = p["lead"].sub("", text).strip(_TRIM)
    return p["particles"].sub("", text).strip(_TRIM), waiver is not None


def _named(text: str) -> str:
    """A named court's name as written, where the phrase starts with a word that starts a court's name (after an
    article), or is a name ending with a court word in a language without spaces; else ""."""
    articles = alternatives(["the", *(a for c in table()["courts"].values() for a in c["articles"])])
    for phrase in sorted(_flat("named"), key=len, reverse=True):
        match = re.match(rf"(?:{articles}\s+)?({phrase_pattern(phrase)}(?!\w).*)$", text)
        if match:
            return match.group(1).strip(_TRIM)
    last = re.match(rf"((?:[{UPPER}]\S*\s+)+{alternatives(_flat('last'))})$", text)
    if last:
        return last.group(1)
    for suffix in _flat("suffixes"):
        if text.endswith(suffix) and text != suffix and not re.search(r"\s", text):
            return text
    return ""


def read_courts(text: str) -> CourtsRead | None:
    """The courts a phrase chooses, in English words, or None when it is not a court phrase this reading reduces
    (an English phrase such as "the courts of England" is left to the jurisdiction records)."""
    p = _patterns()
    seat = p["seats"].search(text)
    rest, waiver = cleaned(text)
    if seat:
        role = _lookup("seats", seat.group(0))
        return CourtsRead("", True, waiver, role, rest)
    area = p["areas"].match(rest)
    if area and _PLACE.fullmatch(area.group(1).strip(_TRIM)):
        prefix = _lookup("areas", rest[: area.start(1)].strip())
        return CourtsRead(f"{prefix} {place_in_english(area.group(1))}", True, waiver, "", rest)
    translated = courts_written(rest) if rest else None
    if translated is not None:
        courts, plural = translated
        if courts.startswith("the courts of "):
            return CourtsRead(
                f"the courts of {place_in_english(courts.removeprefix('the courts of '))}", True, waiver, "", rest
            )
        return CourtsRead(_court_name(courts), plural, waiver, "", rest)
    name = _named(rest)
    if name:
        plural = bool(re.match(r"\w+s\b", name)) and not name.split()[0].endswith("ss")
        return CourtsRead(_court_name(name), plural, waiver, "", rest)
    if rest != " ".join(text.split()).strip(_TRIM) or waiver:
        return CourtsRead("", False, waiver, "", rest)  # cleaned, not read: the caller reads what is left
    return None


def is_place(text: str) -> bool:
    """True when a phrase is a place name alone ("Frankfurt am Main", "Travis County, Texas"), not a sentence."""
    return bool(_PLACE.fullmatch(text.strip(_TRIM)))


def is_arbitration(text: str | None) -> bool:
    """True when a forum phrase chooses arbitration rather than courts ("LCIA arbitration in London"), written in
    any language of the forum words ("arbitraje", "arbitragem", "Schiedsverfahren"), or naming a recorded arbitral
    institution alone ("CIETAC Beijing"): a forum a practitioner writes so must never be printed as a court's name."""
    if text is None:
        return False
    return arbitration_pattern().search(text) is not None or bool(institutions_in(text) or other_named(text))


def names_a_court(text: str) -> bool:
    """True when free text names a court or tribunal rather than a place ("the Commercial Court"), in English or a
    language of the forum words ("los juzgados y tribunales de Madrid", "Landgericht Frankfurt am Main")."""
    english = re.search(r"\b(?:court|courts|tribunal|tribunals|bench|chancery)\b", text, re.IGNORECASE)
    return bool(english) or courts_written(text) is not None


def _court_is_plural(text: str) -> bool:
    return bool(re.search(r"\b(?:courts|tribunals)\b", text, re.IGNORECASE))


def _with_article(text: str) -> str:
    text = text.strip()
    return text if _THE_START.match(text) or not text[:1].isupper() else "the " + text
