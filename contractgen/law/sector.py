"""Sector regulation as data: the regimes a deal names in `regulatory`, matched to the records
``law/sector/<id>.yaml`` (the key deals and clauses use, title, authority, incident reporting
deadline, sources). Each entry of `regulatory` is matched case-insensitively, ignoring spaces and
punctuation, against a record's key and aliases.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pydantic_core import PydanticCustomError, core_schema

from contractgen.law.library import LawLibrary, Record, active
from contractgen.values.durations import Duration


class SectorRegime(str):
    """A regime named in a deal: compares equal to its key ('DORA'); carries its record.

    As a pydantic field type it accepts any known name or alias and serialises as the key.
    """

    id: str = ""  # the record's file id ("pra-ss2-21")
    title: str = ""  # type: ignore[assignment]  # shadows str.title: approved clauses print `regime.title`
    aliases: tuple[str, ...] = ()
    authority: str = ""
    report_within: Duration | None = None
    supplier_notice: Duration | None = None
    reports: str = ""  # what the client reports ("major ICT-related incidents"); "" where the record does not say
    report_rule: str = ""  # the provision that requires the report ("Article 19 of DORA")
    report_deadlines: str = ""  # where the time limits are set, when not a single report_within
    source: str = ""
    sectors: tuple[str, ...] = ()  # the kinds of client the regime applies to (applies_to.sectors)
    places: tuple[str, ...] = ()  # the countries where it applies to them (applies_to.places)
    except_places: tuple[str, ...] = ()  # free zones there with their own regulator, where it does not
    lex_specialis_over: tuple[str, ...] = ()  # regimes it displaces for the same client (DORA over NIS2)
    category: str = (
        ""  # what it regulates: financial, public, procurement, health, telecoms, life_sciences, payments or ""
    )
    log_retention: Duration | None = None  # how long the client keeps its systems' logs (a cybersecurity rule)
    log_location: str = ""  # where it keeps them ("India")
    time_source: str = ""  # the time servers its clocks follow
    systems_location: str = ""  # the country where the client's electronic systems must be placed ("Indonesia")
    systems_abroad: str = ""  # when they may be placed elsewhere, with the provision
    approval: dict[str, str] = {}  # the regulator's approval the arrangement needs first (what, needed_for, provision)
    access_authorities: tuple[str, ...] = ()  # other authorities with access to the supplier's premises, wherever
    records_law: str = ""  # an information law's companion: the law that requires the public body to keep records
    secrecy: str = ""  # the secrecy the law puts on information the public body holds, as the contract names it
    supplier_confidentiality_law: str = ""  # the statute binding an outsourced IT provider to confidentiality
    traffic_data: str = ""  # the provisions limiting traffic and location data (an electronic-communications rule)
    national_authorities: dict[str, str] = {}  # the authority by the client's country, where the rule leaves it to each
    national_law: dict[str, str] = {}  # a directive's implementing law in the client's country (name, provisions)
    _record: dict[str, Any]

    def __new__(cls, key: str, record: dict[str, Any], ident: str = "") -> SectorRegime:
        self = super().__new__(cls, key)
        self.id = ident
        self.title = str(record["title"])
        self.aliases = tuple(str(a) for a in record.get("aliases") or ())
        self.authority = str(record.get("authority") or "")
        self.report_within = Duration.parse(record["report_within"]) if record.get("report_within") else None
        self.supplier_notice = Duration.parse(record["supplier_notice"]) if record.get("supplier_notice") else None
        self.reports = str(record.get("reports") or "")
        self.report_rule = str(record.get("report_rule") or "")
        self.report_deadlines = str(record.get("report_deadlines") or "")
        self.source = str((record.get("sources") or [""])[0])
        applies = record.get("applies_to") or {}
        self.sectors = tuple(str(x) for x in applies.get("sectors") or ())
        self.places = tuple(str(x).upper() for x in applies.get("places") or ())
        self.except_places = tuple(str(x).upper() for x in applies.get("except_places") or ())
        self.lex_specialis_over = tuple(str(x) for x in record.get("lex_specialis_over") or ())
        self.log_retention = Duration.parse(record["log_retention"]) if record.get("log_retention") else None
        self.log_location = str(record.get("log_location") or "")
        self.time_source = str(record.get("time_source") or "")
        self.systems_location = str(record.get("systems_location") or "")
        self.systems_abroad = str(record.get("systems_abroad") or "")
        self.approval = {str(k): str(v) for k, v in (record.get("approval") or {}).items()}
        self.access_authorities = tuple(str(a) for a in record.get("access_authorities") or ())
        self.records_law = str(record.get("records_law") or "")
        self.secrecy = str(record.get("secrecy") or "")
        self.supplier_confidentiality_law = str(record.get("supplier_confidentiality_law") or "")
        self.traffic_data = str(record.get("traffic_data") or "")
        self.category = str(record.get("category") or category_of(self.title + " " + " ".join(self.aliases)))
        national = record.get("national_authorities") or {}
        self.national_authorities = {str(k).upper(): str(v) for k, v in national.items()}
        self.national_law = {}
        self._record = record
        return self

    def in_country(self, country: str) -> SectorRegime:
        """The regime for a client established in country: its national authority named where the record maps one."""
        name = self.national_authorities.get(country)
        laws = {str(k).upper(): v for k, v in (self._record.get("national_laws") or {}).items()}
        law = {str(k): str(v) for k, v in (laws.get(country) or {}).items()}
        if (not name or name == self.authority) and not law:
            return self
        local = SectorRegime(str(self), self._record, self.id)
        local.authority = name or self.authority
        local.national_law = law
        return local

    @property
    def named_authority(self) -> str:
        """The authority when the record names one ("the Central Bank of Ireland"), "" when it only describes it."""
        return self.authority if self.authority and not self.authority.startswith("its ") else ""

    @property
    def recognised(self) -> bool:
        """Whether a law/sector record describes the regime (False: drafted from its category, with a note)."""
        return bool(self.id)

    @classmethod
    def from_record(cls, record: Record) -> SectorRegime:
        """The regime a law/sector record describes."""
        return cls(str(record.data["key"]), record.data, record.id)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            _validate,
            core_schema.str_schema(strip_whitespace=True, min_length=1, max_length=200),
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {
            "type": "string",
            "enum": list(load_sector_regimes()),
            "description": "a sector regime; aliases such as 'SS2/21' or 'Regulation (EU) 2022/2554' are accepted",
        }


def _validate(value: str) -> SectorRegime:
    """A known regime; one the records do not know is kept as written, sorted by what it regulates."""
    try:
        return find_sector_regime(value)
    except ValueError:
        if not re.search(r"[A-Za-z]", value):
            raise PydanticCustomError(
                "sector_regime", "{message}", {"message": f"{value!r} names no regulation"}
            ) from None
        return SectorRegime(" ".join(value.split()), {"title": " ".join(value.split())})


# What a sector regulation regulates, read from its name: the first category one of whose words it
# contains. A heuristic, not a legal finding: the drafting note asks a lawyer to check the category.
CATEGORIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("life_sciences", ("gmp", "gxp", "annex 11", "cfr part 11", "pharma", "medicinal", "clinical trial", "gamp")),
    ("payments", ("pci", "payment", "card", "psd2", "e-money")),
    ("health", ("health", "hospital", "patient", "medical", "hipaa")),
    ("telecoms", ("telecom", "eprivacy", "electronic communications", "ofcom", "comreg", "spectrum")),
    (
        "financial",
        (
            "bank",
            "outsourcing",
            "insur",
            "financial",
            "securities",
            "mas ",
            "hkma",
            "sama",
            "bddk",
            "ojk",
            "pojk",
            "irdai",
            "rbi",
            "sebi",
            "apra",
            "dfsa",
            "fsra",
            "cbn",
            "knf",
            "cssf",
            "bafin",
            "acpr",
            "finma",
            "fisc",
            "central bank",
            "prudential",
            "capital markets",
            "investment",
        ),
    ),
    (
        "procurement",
        (
            "procurement",
            "public contracts",
            "contratti pubblici",
            "upphandling",
            "hankintalaki",
            "udbud",
            "anskaffelser",
            "marchés publics",
            "commande publique",
            "contratos públicos",
            "contratos del sector público",
            "vergabe",
            "aanbesteding",
            "zamówień publicznych",
            "zamowien publicznych",
        ),
    ),
    (
        "public",
        (
            "freedom of information",
            "foia",
            "foisa",
            "official information",
            "lgoima",
            "public access",
            "offentlighet",
            "sekretess",
            "public sector",
            "government",
            "public records",
            "transparency",
        ),
    ),
)


def category_of(name: str) -> str:
    """The category of a sector regulation as its name reads ("" when none is recognised)."""
    text = f" {name.casefold()} "
    for category, words in CATEGORIES:
        if any(word in text for word in words):
            return category
    return ""


def _normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold())


def load_sector_regimes(law: LawLibrary | None = None) -> dict[str, SectorRegime]:
    """Return every sector regime by key (of the library in force unless one is given)."""
    return _regimes(law or active())


@lru_cache(maxsize=8)
def _regimes(law: LawLibrary) -> dict[str, SectorRegime]:
    regimes = (SectorRegime.from_record(record) for record in law.records("sector").values())
    return {str(regime): regime for regime in regimes}


def _index() -> dict[str, str]:
    """Every key and alias, normalised, to its key."""
    return _index_of(active())


@lru_cache(maxsize=8)
def _index_of(law: LawLibrary) -> dict[str, str]:
    index = {}
    for key, regime in load_sector_regimes(law).items():
        index[_normal(key)] = key
        for alias in regime.aliases:
            index[_normal(alias)] = key
    return index


def _named_by_number(text: str) -> str | None:
    """The regime whose numbered name opens `text`, followed by words of description ("POJK 11/POJK.03/2022 on IT by
    Commercial Banks"): a name or alias with a number in it identifies the instrument whatever words follow."""
    words = _normal(text.split(" on ")[0]) if " on " in text else ""
    if not words or not re.search(r"[0-9]", words):
        return None
    return _index().get(words)


def find_sector_regime(text: str) -> SectorRegime:
    """Return the regime a deal means by `text`; ValueError naming the known regimes if none."""
    key = _index().get(_normal(text)) or _named_by_number(text)
    if key is None:
        known = ", ".join(load_sector_regimes())
        raise ValueError(
            f"{text!r} is not a known sector regime (known: {known}); "
            "data protection laws go in data_protection.regulations"
        )
    return load_sector_regimes()[key]
