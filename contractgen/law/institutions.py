"""Arbitral institutions as law records (``law/forums/<id>.yaml``: an institution and its current rules), and an
institution the library has no record of, drafted under the name the deal writes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from contractgen.law.forum_words import with_article
from contractgen.law.library import LawLibrary, active
from contractgen.law.seat_records import mediation_of_record, record_of
from contractgen.values.countries import country_by_name


@dataclass(frozen=True)
class Institution:
    """An arbitral institution (or ad hoc arbitration under the UNCITRAL Rules) and its current rules."""

    key: str
    name: str  # "the International Chamber of Commerce"
    short: str  # "ICC"
    rules: str  # "the ICC Arbitration Rules"
    edition: str = ""  # "2021"
    aliases: tuple[str, ...] = ()
    emergency_arbitrator: bool | None = None  # None: not checked
    emergency_provision: str = ""
    expedited: bool | None = None
    expedited_provision: str = ""
    expedited_by_agreement_only: bool = False  # opt-in rules: they apply only where the parties agree
    ad_hoc: bool = False
    country: str = ""
    mediation: tuple[str, str] = ("", "")  # its own mediation service: (who appoints the mediator, the rules)
    recorded: bool = True  # False: named as the deal writes it, with no record in law/forums
    not_named_by: tuple[str, ...] = ()  # other institutions' names that begin with its short name
    statute: bool = False  # ad hoc under a state's arbitration law ("the Arbitration and Conciliation Act, 1996")
    appointing_authority: str = ""  # ad hoc: who appoints an arbitrator the parties do not, as the law or rules say
    former_names: tuple[str, ...] = ()  # names it had before it was renamed or merged ("CIAM")
    domestic: tuple[str, str] = ("", "")  # (its rules for parties both in its country, the law making that national)

    def __str__(self) -> str:
        return self.name


def load_institutions(law: LawLibrary | None = None) -> dict[str, Institution]:
    """Return every institution record (law/forums) by id."""
    return _institutions(law or active())


@lru_cache(maxsize=8)
def _institutions(law: LawLibrary) -> dict[str, Institution]:
    records = {}
    for key, record in law.records("forums").items():
        item = record.data
        rules = item["rules"]
        records[key] = Institution(
            key=key, name=item["name"], short=item.get("short") or "", rules=rules["name"],
            edition=str(rules.get("edition") or ""), aliases=tuple(item.get("aliases") or ()),
            emergency_arbitrator=rules.get("emergency_arbitrator"), emergency_provision=rules.get("emergency_provision") or "",
            expedited=rules.get("expedited"), expedited_provision=rules.get("expedited_provision") or "",
            expedited_by_agreement_only=bool(rules.get("expedited_by_agreement_only")),
            ad_hoc=bool(item.get("ad_hoc")), country=item.get("country") or "", mediation=mediation_of_record(item),
            not_named_by=tuple(item.get("not_named_by") or ()), statute=bool(item.get("statute")),
            appointing_authority=item.get("appointing_authority") or "", former_names=tuple(item.get("former_names") or ()),
            domestic=((rules.get("domestic") or {}).get("name", ""), (rules.get("domestic") or {}).get("law", "")),
        )  # fmt: skip
    return records


_UNSPACED = re.compile(r"[\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7A3]")


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w&-]+", " ", text.casefold()).split())


def _alias_index() -> list[tuple[str, str]]:
    return _aliases_of(active())


@lru_cache(maxsize=8)
def _aliases_of(law: LawLibrary) -> list[tuple[str, str]]:
    pairs = []
    for key, inst in load_institutions(law).items():
        names = (inst.short, inst.name, re.sub(r"^the\s+", "", inst.name, flags=re.I), key, *inst.aliases)
        for alias in {*names, *inst.former_names}:
            if alias:
                pairs.append((_key(alias), key))
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def find_institution(text: str) -> Institution | None:
    """Return the institution a phrase names ("HKIAC", "the ICC", "Swiss Rules", "ad hoc UNCITRAL"), or None."""
    found = institutions_in(text)
    return found[0] if found else None


def institutions_in(text: str) -> list[Institution]:
    """Every institution a phrase names, in the order they appear (longest names win)."""
    words = f" {_key(text)} "
    hits: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    index = _alias_index()
    sharing = _shared_aliases(active())
    for alias, key in index:
        # a name in a script written without spaces is read inside a longer run ("中国国际经济贸易仲裁委员会仲裁"); any
        # other also before a hyphen joining it to a word ("ICC-voldgift"), a longer name being read first
        bounds = ("", "") if _UNSPACED.search(alias) else ("(?<= )", "(?=[ -])")
        for match in re.finditer(rf"{bounds[0]}{re.escape(alias)}{bounds[1]}", words):
            span = (match.start(), match.end())
            if any(a < span[1] and span[0] < b for a, b in taken) or _elsewhere(key, alias, words[span[1] :]):
                continue
            if alias in sharing and key != _of_shared(sharing[alias], text, hits):
                continue  # the other record sharing this acronym takes it
            taken.append(span)
            hits.append((span[0], key))
    records = load_institutions()
    seen: list[str] = []
    for _, key in sorted(hits):
        if key not in seen:
            seen.append(key)
    return [records[k] for k in seen]


@lru_cache(maxsize=8)
def _shared_aliases(law: LawLibrary) -> dict[str, tuple[str, ...]]:
    """The aliases (acronyms) that several records share ("VIAC": Vienna and Vietnam), to their record ids."""
    keys: dict[str, set[str]] = {}
    for alias, key in _aliases_of(law):
        keys.setdefault(alias, set()).add(key)
    return {alias: tuple(sorted(found)) for alias, found in keys.items() if len(found) > 1}


def _of_shared(keys: tuple[str, ...], text: str, hits: list[tuple[int, str]]) -> str:
    """Which of the records sharing an acronym a phrase means: the one it also names in full, else the one whose
    country it names (a country in any language, or a recorded seat), else the first id (the record the acronym
    was first recorded for)."""
    named = [key for _, key in hits if key in keys]
    if named:
        return named[0]
    records = load_institutions()
    countries = _countries_named(text)
    fitting = [key for key in keys if records[key].country in countries]
    return fitting[0] if len(fitting) == 1 else keys[0]


def _countries_named(text: str) -> set[str]:
    """The countries a phrase names, by a country's name in any language or a recorded seat's city."""
    tokens = re.findall(r"[\w'’.-]+", text)
    found = set()
    for size in (1, 2, 3, 4):
        for start in range(len(tokens) - size + 1):
            phrase = " ".join(tokens[start : start + size]).strip(".,")
            seat = record_of(phrase)
            code = country_by_name(phrase) or (seat["country"] if seat else "")
            if code:
                found.add(code)
    return found


def _elsewhere(key: str, alias: str, rest: str) -> bool:
    """True when a short name begins the name of another institution its record lists ("VIAC Vietnam" is the Vietnam
    International Arbitration Centre, not Vienna's VIAC)."""
    others = load_institutions()[key].not_named_by
    return any((alias + rest).startswith(_key(other) + " ") for other in others)


def former_name_in(institution: Institution, text: str) -> str:
    """The former name of a renamed or merged institution that a text writes ("CIAM" for the CIIAM), else ""."""
    words = f" {_key(text)} "
    found = [n for n in institution.former_names if f" {_key(n)} " in words]
    return max(found, key=len) if found else ""


def other_named(text: str) -> str:
    """The name of an institution with no record that a recorded one's `not_named_by` lists, as that record writes it
    ("VIAC Vietnam"), when the text names it, else ""."""
    words = f" {_key(text)} "
    for institution in load_institutions().values():
        for other in institution.not_named_by:
            if f" {_key(other)} " in words:
                return other
    return ""


def unrecorded(name: str) -> Institution:
    """An institution the library has no record of, as the deal names it: its current arbitration rules, with no
    emergency arbitrator or expedited procedure the clause could cite."""
    return Institution(key="", name=with_article(name), short="", rules="its arbitration rules", recorded=False)


def institution_of(name: str) -> Institution:
    """The institution a deal's `institution` field names: its record, else one drafted under the name as written."""
    return find_institution(name) or unrecorded(name)
