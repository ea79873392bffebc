"""Jurisdictions as data: match what a deal writes for its law and forum to a record.

The records are ``law/jurisdictions/<id>.yaml`` (dated, with sources). ``find`` matches the
usual phrasings ("English law", "the laws of England and Wales", "New York", "the State of
New York", "the courts of Ontario"); ``law_of`` and ``forum_of`` build the values clause
templates see as ``law`` and ``forum``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from contractgen.law.commercial import (
    AntiBriberyLaws,
    CommercialTerms,
    ExecutionFormalities,
    InsolvencyTerms,
    LatePaymentRule,
    TaxName,
    ProportionateLiabilityRule,
    IndemnityRule,
    RestraintOfTradeRule,
    ThirdPartyEnforcement,
    commercial_terms,
)
from contractgen.law.families import load_families, split_qualifier
from contractgen.law.law_names import (
    with_unit,
    country_named,
    written_in_english,
    english_qualifier,
    excludes_cisg,
    gloss,
    place_of_law,
    places_joined,
    without_article,
)
from contractgen.law.forums_courts import UNREAD, CourtsRead, _court_is_plural, _with_article, is_place, read_courts
from contractgen.law.forums_courts import is_arbitration as is_arbitration, names_a_court as names_a_court
from contractgen.law.library import LawLibrary, active
from contractgen.values.countries import country_in_sentence, country_name
from contractgen.values.duration_words import fold
from contractgen.law.national import BreachStatute, CopyrightTransfer, CourtTermination, NationalRules, national_rules

# Words around a jurisdiction's name that do not change which one is meant.
_LEAD = re.compile(
    r"^(?:(?:the\s+)?(?:exclusive\s+|non-exclusive\s+)?(?:jurisdiction\s+of\s+)?"
    r"(?:the\s+)?(?:substantive\s+|federal\s+)?(?:laws?|courts?|state\s+and\s+federal\s+courts?)\s+"
    r"(?:of|in|located\s+in|sitting\s+in)\s+)",
    re.IGNORECASE,
)
_TRAIL = re.compile(r"\s+(?:laws?|courts?)$", re.IGNORECASE)
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ONE_COURT = re.compile(r"\bCourt\b")  # a named court ("the Court of Session") is kept even where it is an alias


@dataclass(frozen=True)
class Jurisdiction:
    """One jurisdiction record (docs/law.md, "Jurisdictions")."""

    key: str
    name: str
    family: str
    tradition: str
    law: str
    courts: str
    country: str
    locale: str
    aliases: tuple[str, ...] = ()
    local_names: tuple[str, ...] = ()  # the law as its own lawyers write it, in the country's official languages
    jury_trial: str = ""
    commercial: CommercialTerms = field(default_factory=CommercialTerms)
    must_not_use: tuple[str, ...] = ()  # the record's own words, beside its family's
    national: NationalRules = field(default_factory=NationalRules)  # rules that follow the parties' country

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Law:
    """The governing law as clause templates see it (``law``)."""

    key: str  # the record's key, or "" for wording the deal spells out
    name: str
    wording: str  # the words after "governed by"
    family: str
    tradition: str
    country: str
    locale: str
    jury_trial: str = ""  # "judicial_reference" where a pre-dispute jury waiver is unenforceable
    # The record's commercial law (law.commercial); unknown for a law without a record.
    late_payment: LatePaymentRule = field(default_factory=LatePaymentRule)
    tax: TaxName = field(default_factory=TaxName)
    anti_bribery: AntiBriberyLaws = field(default_factory=AntiBriberyLaws)
    insolvency: InsolvencyTerms = field(default_factory=InsolvencyTerms)
    execution: ExecutionFormalities = field(default_factory=ExecutionFormalities)
    must_not_use: tuple[str, ...] = ()  # words a contract under it must not carry: its family's and its record's
    third_party_rights: ThirdPartyEnforcement = field(default_factory=ThirdPartyEnforcement)
    proportionate_liability: ProportionateLiabilityRule = field(default_factory=ProportionateLiabilityRule)
    restraint_of_trade: RestraintOfTradeRule = field(default_factory=RestraintOfTradeRule)
    court_termination: CourtTermination = field(default_factory=CourtTermination)
    breach_notice: BreachStatute = field(default_factory=BreachStatute)  # the place's data-breach statute
    copyright_transfer: CopyrightTransfer = field(default_factory=CopyrightTransfer)
    indemnity: IndemnityRule = field(default_factory=IndemnityRule)

    def __str__(self) -> str:
        return self.wording


# A county named in forum wording: "San Francisco County" or "the County of San Francisco".
_COUNTY = re.compile(r"\b((?:[A-Z][\w.'-]*\s)+)County\b|\bCounty of ((?:[A-Z][\w.'-]*)(?:\s[A-Z][\w.'-]*)*)")


@dataclass(frozen=True)
class Forum:
    """The courts with jurisdiction as clause templates see them (``forum``)."""

    key: str  # the record's key, or "" for a named court the deal spells out
    name: str
    courts: str  # "the courts of England and Wales", "the Commercial Court in London"
    plural: bool  # True when `courts` names several courts (for "have"/"has", "those courts"/"that court")
    country: str
    waiver: bool = False  # the parties waive every other forum ("con renuncia a cualquier otro fuero")
    seat_of: str = ""  # "client" or "supplier": the courts of that party's seat, read from its address
    unread: str = ""  # the phrase as written where it reduces to no court (the courts are then UNREAD)

    @property
    def have(self) -> str:
        """'have' for several courts, 'has' for one."""
        return "have" if self.plural else "has"

    @property
    def those(self) -> str:
        """'those courts' or 'that court', to refer back to the forum."""
        return "those courts" if self.plural else "that court"

    @property
    def county(self) -> str:
        """The county the deal's forum wording names ("San Francisco" in "courts located in San Francisco County"), or ""."""
        found = _COUNTY.search(self.courts)
        return (found.group(1) or found.group(2) or "").strip() if found else ""

    def __str__(self) -> str:
        return self.courts


def load_jurisdictions(law: LawLibrary | None = None) -> dict[str, Jurisdiction]:
    """Return every jurisdiction record by key (of the library in force unless one is given)."""
    return _jurisdictions(law or active())


@lru_cache(maxsize=8)
def _jurisdictions(law: LawLibrary) -> dict[str, Jurisdiction]:
    records = {}
    families = law.records("families")
    for key, record in law.records("jurisdictions").items():
        item = record.data
        # Clauses choose by the tradition they draft in: a mixed system its family drafts as civil law
        # (Roman-Dutch: delict, not tort) reads as civil.
        family = families.get(item["family"])
        tradition = (family.data.get("variants") if family is not None else None) or item["tradition"]
        records[key] = Jurisdiction(
            key=key, name=item["name"], family=item["family"], tradition=tradition,
            law=item["law"], courts=item["courts"], country=item["country"], locale=item["locale"],
            aliases=tuple(item.get("aliases") or ()), local_names=tuple(item.get("local_names") or ()),
            jury_trial=str(item.get("jury_trial") or ""),
            commercial=commercial_terms(item),
            must_not_use=tuple(str(w) for w in item.get("must_not_use") or ()),
            national=national_rules(item),
        )  # fmt: skip
    return records


def _normal(text: str) -> str:
    text = re.sub(r"\s+", " ", text.strip().rstrip(".")).replace("’", "'")
    return text.casefold()


def _forms(text: str) -> set[str]:
    """The normalised forms a phrase can be matched by: as written, without 'the', 'laws of' …"""
    text = _normal(text)
    forms = {text}
    stripped = _LEAD.sub("", text)
    forms.add(stripped)
    forms.add(_TRAIL.sub("", stripped))
    forms |= {_THE.sub("", f) for f in list(forms)}
    return {f for f in forms if f}


def _index() -> dict[str, str]:
    return _index_of(active())


@lru_cache(maxsize=8)
def _index_of(law: LawLibrary) -> dict[str, str]:
    index: dict[str, str] = {}
    for key, record in load_jurisdictions(law).items():
        phrases = (record.name, record.law, record.courts, key.replace("-", " "), *record.aliases, *record.local_names)
        for phrase in phrases:
            for form in _forms(phrase):
                index.setdefault(form, key)
                index.setdefault(fold(form), key)  # written without its accents ("Derecho comun espanol")
    return index


def find(text: str) -> Jurisdiction | None:
    """Return the jurisdiction a phrase names ("English law", "the State of New York", "deutsches Recht"), or the
    record of the country it names in any language ("España", "leis da República Federativa do Brasil"), with or
    without a qualifier ("deutsches Recht unter Ausschluss des UN-Kaufrechts"), or None."""
    found = _find(text)
    if found is None:
        law, qualifier = split_qualifier(text)
        found = _find(law) if qualifier else None
    return found


def _find(text: str) -> Jurisdiction | None:
    """The record a phrase names as a whole (no qualifier, no second place)."""
    index = _index()
    for form in sorted(_forms(text), key=len, reverse=True):
        if form in index:
            return load_jurisdictions()[index[form]]
        if fold(form) in index:
            return load_jurisdictions()[index[fold(form)]]
    bare = without_article(text)
    found = _find(bare) if bare != text.strip() else None  # "il diritto italiano", "el derecho español"
    if found is not None:
        return found
    key = national_key(country_named(text)) if re.search(r"\w", text) else ""
    if not key and (place := place_of_law(text)) and place != text.strip():
        return _find(place)  # "les lois applicables au Québec": the record of Québec
    return load_jurisdictions()[key] if key else None


def unrecorded_wording(governing_law: str) -> str:
    """The words after "governed by" for a law no record keeps: "the laws of <the country in English>" where the deal
    names a country no record covers in another language ("ley paraguaya", "leyes de Paraguay"), with its qualifier in
    English; else the deal's words ("the laws of the Republic of Ghana", "Bulgarian law")."""
    law, qualifier = split_qualifier(governing_law)
    code = "" if written_in_english(law) else country_named(law)
    if not code or any(record.country == code for record in load_jurisdictions().values()):
        return governing_law
    place = f"the laws of {country_in_sentence(code)}"
    return f"{place}, {english_qualifier(qualifier)}" if qualifier else place


def national_key(code: str) -> str:
    """The record of a country's law as a whole: the one its English name finds ("United Arab Emirates" → uae, not
    the DIFC), else its only record; "" for a country whose law the records keep by state, province or law
    district (the United States, Canada, Australia, the United Kingdom) or that has no record."""
    if not code:
        return ""
    index = _index()
    for name in (country_name(code, "en"), country_name(code, "en_GB")):
        key = index.get(_normal(name))
        if key and load_jurisdictions()[key].country == code:
            return key
    keys = records_of_country(code)
    return keys[0] if len(keys) == 1 else ""


def records_of_country(code: str) -> list[str]:
    """The keys of every record of a country (ISO code), sorted."""
    return sorted(key for key, record in load_jurisdictions().items() if record.country == code)


def known_names() -> list[str]:
    """Every jurisdiction's name without a leading article, for error messages."""
    return sorted(_THE.sub("", j.name) for j in load_jurisdictions().values())


def unknown_message(text: str, what: str) -> str:
    """The error for a law or forum no record matches, listing the known ones."""

    names = known_names()
    close = difflib.get_close_matches(_THE.sub("", text.strip()), names, n=1, cutoff=0.7)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return (
        f"{text!r} is not a known {what}; {hint}known: {', '.join(names)} "
        f"(or spell out the wording in contract.law_wording / contract.forum_wording)"
    )


def find_law(governing_law: str) -> tuple[Jurisdiction | None, str]:
    """The jurisdiction record a governing law as written names, with its qualifier in English ("excluding the CISG",
    from "unter Ausschluss des UN-Kaufrechts")."""
    record, qualifier, _ = read_governing_law(governing_law)
    return record, qualifier


def read_governing_law(governing_law: str) -> tuple[Jurisdiction | None, str, str]:
    """(record, qualifier in English, the place the law also names beside the record's) of a governing law as
    written: "the laws of Lagos State and the Federal Republic of Nigeria" is Nigeria's record, naming Lagos State;
    "日本法 (Japanese law)" is Japan's."""
    record = _find(governing_law)
    if record is not None:
        return record, "", ""
    law, qualifier = split_qualifier(governing_law)
    record, also = _joined(law)
    return (record, english_qualifier(qualifier), also) if record is not None else (None, "", "")


def _joined(law: str) -> tuple[Jurisdiction | None, str]:
    """The record of a law written with a gloss or as two places of one country, and the place beside it."""
    record = _find(law)
    if record is not None:
        return record, ""
    outside, inside = gloss(law)
    if inside:
        both = [r for r in (_find(outside), _find(inside)) if r is not None]
        return (both[0], "") if both and all(r.key == both[0].key for r in both) else (None, "")
    parts = places_joined(law)
    if len(parts) < 2:
        return None, ""
    found = [(part, _find(part)) for part in parts]
    records = {r.key: r for _, r in found if r is not None}
    countries = {r.country for r in records.values()}
    if len(countries) != 1:
        return None, ""
    key = next(iter(records)) if len(records) == 1 else national_key(countries.pop())
    if key not in records:
        return None, ""
    others = [_LEAD.sub("", part.strip()) for part, r in found if r is None or r.key != key]
    return records[key], " and ".join(_THE.sub("", o) if o[:4].lower() == "the " else o for o in others)


def _qualified(record_law: str, qualifier: str) -> str:
    """The record's words for the law with the deal's qualifier, unless the record already says it (CISG)."""
    if not qualifier:
        return record_law
    if excludes_cisg(qualifier) and re.search(r"international sale of goods", record_law, re.IGNORECASE):
        qualifier = _without_cisg(qualifier)  # the record's words already exclude it
        if not qualifier:
            return record_law
    if re.search(r"\bexcluding\b", record_law) and qualifier.lower().startswith("excluding "):
        excluded = qualifier[len("excluding ") :]
        if excluded.lower().startswith("its "):
            # "its" must follow the law it refers to, not the record's last exclusion (the CISG)
            law, _, others = record_law.partition(", excluding ")
            return f"{law}, excluding {excluded} and {others}"
        return f"{record_law} and {excluded}"  # one "excluding" for both
    return f"{record_law}, {qualifier}"


def _without_cisg(qualifier: str) -> str:
    """An English qualifier without its exclusion of the CISG ("" where that was all it excluded)."""
    cisg = (
        r"(?:\s+and\s+)?(?:the\s+)?(?:(?:United Nations|UN|U\.N\.) Convention on Contracts for the International Sale of Goods|"
        r"Vienna Convention|UN Sales Convention|CISG)(?:\s*\((?:the\s+)?(?:CISG|Vienna Convention)\))?"
    )
    rest = re.sub(cisg, "", qualifier, flags=re.IGNORECASE).strip(" ,;")
    rest = re.sub(r"^((?:but\s+)?excluding)\s+and\s+", r"\1 ", rest, flags=re.IGNORECASE)
    return "" if re.fullmatch(r"(?:but\s+)?excluding", rest, flags=re.IGNORECASE) else rest


def law_of(governing_law: str, wording: str | None = None) -> Law:
    """The `law` value of a contract (its wording given explicitly, or taken from the record).

    A law with no record takes the legal family of the country it names (``law/families``) and is
    drafted with that family's clause variants; with no family either, the generic civil-law
    variants (never English common law). Its wording is the deal's.
    """
    from contractgen.law.families import family_of, read_law

    record, qualifier, beside = read_governing_law(governing_law)
    if record is None:
        written = read_law(governing_law)
        family = family_of(written.country, written.law)
        return Law(
            key="",
            name=written.law,
            wording=wording or unrecorded_wording(governing_law),
            family=family.key if family else "",
            tradition=family.variants if family else "civil",
            country=written.country,
            locale="",
            must_not_use=family.must_not_use if family else (),
        )
    return Law(
        key=record.key,
        name=record.name,
        wording=wording or _qualified(with_unit(record.law, beside), qualifier),
        family=record.family,
        tradition=record.tradition,
        country=record.country,
        locale=record.locale,
        jury_trial=record.jury_trial,
        late_payment=record.commercial.late_payment,
        tax=record.commercial.tax,
        anti_bribery=record.commercial.anti_bribery,
        insolvency=record.commercial.insolvency,
        execution=record.commercial.execution,
        must_not_use=_family_words(record.family) + record.must_not_use,
        third_party_rights=record.commercial.third_party_rights,
        proportionate_liability=record.commercial.proportionate_liability,
        restraint_of_trade=record.commercial.restraint_of_trade,
        court_termination=record.national.court_termination,
        breach_notice=record.national.breach_notice,
        copyright_transfer=record.national.copyright_transfer,
        indemnity=record.commercial.indemnity,
    )


def _family_words(key: str) -> tuple[str, ...]:

    family = load_families().get(key)
    return family.must_not_use if family else ()


def forum_of(jurisdiction: str | None, governing_law: str, wording: str | None = None) -> Forum:
    """The `forum` value: explicit wording, a jurisdiction's courts, or a named court. Courts written in another
    language are read in English words first ("tribunaux de Paris": "the courts of Paris")."""
    read = read_courts(jurisdiction) if jurisdiction and not wording else None
    if read is not None and jurisdiction:
        return _forum_read(read, jurisdiction, governing_law)
    if wording:
        record = find(jurisdiction or governing_law)
        return Forum(
            key=record.key if record else "",
            name=record.name if record else wording,
            courts=wording,
            plural=_court_is_plural(wording),
            country=record.country if record else "",
        )
    text = jurisdiction or governing_law
    record = find(text) if jurisdiction else find_law(governing_law)[0]
    if record is not None:
        # A phrase that names specific courts of a known place keeps its own words.
        own = bool(
            jurisdiction
            and names_a_court(jurisdiction)
            and (
                _ONE_COURT.search(jurisdiction)
                or _normal(jurisdiction) not in {_normal(record.courts), *map(_normal, record.aliases)}
            )
            and not _LEAD.match(_normal(jurisdiction))
        )
        courts = _with_article(jurisdiction) if jurisdiction and own else record.courts
        return Forum(
            key=record.key, name=record.name, courts=courts, plural=_court_is_plural(courts), country=record.country
        )
    if not jurisdiction:  # an unknown law and no forum: the courts of the country the law names
        from contractgen.law.families import read_law

        written = read_law(governing_law)
        place = written.country_name or written.law
        return Forum(key="", name=place, courts=f"the courts of {place}", plural=True, country=written.country)
    if not names_a_court(text):  # a place ("Frankfurt am Main"): its courts; a sentence is never spliced in
        place = _THE.sub("", text.strip())
        courts, unread = (f"the courts of {place}", "") if is_place(place) else (UNREAD, text)
        return Forum(key="", name=place, courts=courts, plural=courts != UNREAD, country="", unread=unread)
    return Forum(key="", name=text, courts=_with_article(text), plural=_court_is_plural(text), country="")


def _forum_read(read: CourtsRead, jurisdiction: str, governing_law: str) -> Forum:
    """The forum a court phrase reduces to: its courts in English words or a party's seat; else what is left once its
    verbs are cut, read again; a phrase with nothing left is drafted as UNREAD."""
    if read.rest and not read.courts and not read.seat_of:
        return replace(forum_of(read.rest, governing_law), waiver=read.waiver)
    courts = f"the courts of the place where the {read.seat_of.title()} has its seat" if read.seat_of else read.courts
    record = find(jurisdiction) or (find(courts) if read.courts else find_law(governing_law)[0])
    key, name, country = (record.key, record.name, record.country) if record else ("", courts or jurisdiction, "")
    unread = "" if courts else jurisdiction
    return Forum(key, name, courts or UNREAD, read.plural and bool(courts), country, read.waiver, read.seat_of, unread)


def law_forum_warning(law: Law, forum: Forum) -> str | None:
    """A warning when the governing law and the forum are different jurisdictions, else None."""
    if law.key and forum.key and law.key != forum.key:
        return (
            f"contract: the governing law ({law.name}) and the forum ({forum.courts}) are in different "
            f"jurisdictions; check that this is intended"
        )
    return None


def check_contract(
    governing_law: str, jurisdiction: str | None, law_wording: str | None, forum_wording: str | None
) -> list[tuple[tuple[Any, ...], str]]:
    """Problems with a contract's law and forum: (field path, message) pairs.

    A law or forum the records do not know is not a problem: it is drafted with its legal family and
    a drafting note (``deal/notes``). Only a law that names nothing is refused.
    """
    problems: list[tuple[tuple[Any, ...], str]] = []
    if not re.search(r"[A-Za-z]", governing_law):
        problems.append((("contract", "governing_law"), unknown_message(governing_law, "governing law")))
    return problems
