"""Arbitral institutions, seats and the enforcement of awards and judgments, as law records.

The records: ``law/forums/<id>.yaml`` (an institution and its current rules), ``law/seats/arbitral-seats.yaml``
(the state and supervising courts of each usual seat), ``law/treaties/new-york-convention.yaml`` (its
contracting states) and ``law/treaties/judgments-<cc>.yaml`` (whose court judgments a country registers).
Each has ``sources`` and ``as_of``. ``parse_arbitration`` reads the forms practitioners write in
``contract.jurisdiction``; ``disputes_of`` builds the ``disputes`` value clause templates see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from contractgen.law.cross_border import MainlandInterim, award_notes, country_name, mainland_interim
from contractgen.law.jurisdictions import is_arbitration
from contractgen.law.library import LawLibrary, active

# country_code is re-exported: code written before it moved to law/seats imports it from here
from contractgen.law.seats import country_code as country_code
from contractgen.law.seats import mediation_of_record, seat_in, seat_place, trim_city


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
        )  # fmt: skip
    return records


def new_york_convention() -> dict[str, Any]:
    """The New York Convention record (law/treaties/new-york-convention.yaml): contracting states by ISO code."""
    record = active().records("treaties").get("new-york-convention")
    return record.data if record is not None else {}


def judgment_enforcement() -> dict[str, dict[str, Any]]:
    """By ISO code of the enforcing country: whose court judgments it registers (law/treaties, `enforcing_country`)."""
    return {
        r.data["enforcing_country"]: r.data
        for r in active().records("treaties").values()
        if r.data.get("enforcing_country")
    }


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w&-]+", " ", text.casefold()).split())


def _alias_index() -> list[tuple[str, str]]:
    return _aliases_of(active())


@lru_cache(maxsize=8)
def _aliases_of(law: LawLibrary) -> list[tuple[str, str]]:
    pairs = []
    for key, inst in load_institutions(law).items():
        for alias in {inst.short, inst.name, re.sub(r"^the\s+", "", inst.name, flags=re.I), key, *inst.aliases}:
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
    for alias, key in _alias_index():
        for match in re.finditer(rf"(?<= ){re.escape(alias)}(?= )", words):
            span = (match.start(), match.end())
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            taken.append(span)
            hits.append((span[0], key))
    records = load_institutions()
    seen: list[str] = []
    for _, key in sorted(hits):
        if key not in seen:
            seen.append(key)
    return [records[k] for k in seen]


_CITY = r"([A-Z][\w'’.-]*(?:[ -](?:[A-Z][\w'’.-]*|am|an|de|del|da|do|of|upon|on|la))*)"
_SEAT = re.compile(
    r"\b(?:seated|seat(?:\s+of\s+(?:the\s+)?arbitration)?(?:\s+(?:is|shall\s+be|will\s+be|being))?:?)\s+"
    r"(?:in|at)?\s*(?:the\s+)?" + _CITY
)
_IN_CITY = re.compile(r"\b(?:in|at)\s+(?:the\s+)?" + _CITY)
_VENUE = re.compile(
    r"\b(?:hearings?\s+(?:held\s+|to\s+be\s+held\s+|taking\s+place\s+)?(?:in|at)|venue(?:\s+of\s+(?:the\s+)?hearings?)?"
    r"(?:\s+(?:is|shall\s+be|will\s+be))?:?(?:\s+in)?)\s+(?:the\s+)?" + _CITY
)
_LANGUAGE = re.compile(
    r"\b(?:language(?:\s+of\s+the\s+arbitration)?(?:\s+(?:is|shall\s+be|will\s+be))?:?\s+|conducted\s+in\s+"
    r"(?:the\s+)?|in\s+the\s+)([A-Z][a-z]+)(?:\s+language)?|\bin\s+([A-Z][a-z]+)\b"
)
LANGUAGES = {
    "English",
    "French",
    "German",
    "Spanish",
    "Portuguese",
    "Italian",
    "Dutch",
    "Swedish",
    "Japanese",
    "Korean",
    "Chinese",
    "Mandarin",
    "Arabic",
    "Indonesian",
    "Russian",
    "Polish",
    "Hindi",
}
_ARBITRATORS = re.compile(r"\b(sole|one|single|1|three|3)\s+arbitrators?\b", re.IGNORECASE)


def parse_arbitration(text: str) -> tuple[dict[str, Any], list[str]]:
    """Read an arbitration written as practitioners write it into Arbitration fields; return (fields, problems)."""
    problems: list[str] = []
    found = institutions_in(text)
    uncitral = next((i for i in found if i.ad_hoc), None)
    administering = [i for i in found if not i.ad_hoc]
    fields: dict[str, Any] = {}
    if administering:
        fields["institution"] = administering[0].key
        if uncitral is not None:
            fields["rules"] = uncitral.rules
    elif uncitral is not None:
        fields["institution"] = uncitral.key
    else:
        known = ", ".join(sorted(i.short or i.key for i in load_institutions().values()))
        problems.append(
            f"{text!r}: which institution administers the arbitration? known: {known} "
            "(or 'ad hoc under the UNCITRAL Arbitration Rules')"
        )
    venue = _VENUE.search(text)
    searched = text[: venue.start()] + text[venue.end() :] if venue else text
    seat = _SEAT.search(searched) or next(
        (m for m in _IN_CITY.finditer(searched) if seat_place(m.group(1)) is not None), None
    )
    if seat is not None:
        fields["seat"] = trim_city(seat.group(1)) + _country_beside(searched[seat.end() :])
    else:
        problems.append(f"{text!r}: name the seat of the arbitration (e.g. '…, seated in Singapore')")
    if venue is not None:
        fields["venue"] = trim_city(venue.group(1))
    language = next((g for m in _LANGUAGE.finditer(text) for g in m.groups() if g in LANGUAGES), None)
    if language:
        fields["language"] = language
    number = _ARBITRATORS.search(text)
    if number:
        fields["arbitrators"] = 1 if number.group(1).lower() in ("sole", "one", "single", "1") else 3
    return fields, problems


_BESIDE = re.compile(r"\s*,\s*((?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:of|and)\s+(?:the\s+)?)?[A-Z][\w'’.-]*)*)")


def _country_beside(rest: str) -> str:
    """ ", Nigeria" where a seat's city is followed by the country or territory it is in, else "" (the longest run of
    capitalised words that names one: "Abuja, Nigeria and hearings …" gives ", Nigeria")."""
    match = _BESIDE.match(rest)
    words = match.group(1).split() if match else []
    for end in range(len(words), 0, -1):
        if country_code(" ".join(words[:end])) and words[end - 1][:1].isupper():
            return ", " + " ".join(words[:end])
    return ""


@dataclass(frozen=True)
class ArbitrationView:
    """The arbitration as clause templates see it (``disputes.arbitration``)."""

    institution: Institution
    rules: str  # "the ICC Arbitration Rules"
    seat: str
    seat_country: str  # ISO code, "" when the seat is not in law/places
    seat_jurisdiction: str  # the jurisdiction record whose courts supervise the seat, when known
    venue: str
    arbitrators: int
    language: str
    appointing_authority: str
    emergency: bool  # the rules have an emergency arbitrator and the deal keeps it
    emergency_excluded: bool  # the rules have one and the deal excludes it
    expedited: bool | None  # the deal's choice (None: as the rules provide)
    seat_in_convention: bool | None  # the seat's state is a New York Convention party (None: not recorded)
    seat_courts: str = ""  # the courts that alone hear applications under the seat's arbitration law ("": any)

    @property
    def administered(self) -> bool:
        """True when an institution administers it (not ad hoc)."""
        return not self.institution.ad_hoc

    @property
    def tribunal(self) -> str:
        """'a sole arbitrator' or 'three arbitrators'."""
        return "a sole arbitrator" if self.arbitrators == 1 else "three arbitrators"


@dataclass(frozen=True)
class DisputesView:
    """How disputes are resolved, as clause templates see it (``disputes``)."""

    courts: str = "exclusive"  # exclusive | non-exclusive | asymmetric
    asymmetric_for: str = "client"
    arbitration: ArbitrationView | None = None
    mediation: Any = None  # deal.disputes.mediation (body) or None
    expert_determination: Any = None  # deal.disputes.expert_determination or None
    notes: tuple[str, ...] = field(default=())  # drafting notes on enforcement
    judgment_at_risk: tuple[
        str, ...
    ] = ()  # "client"/"supplier": a judgment of the forum may not be enforceable where it is
    mainland_interim: MainlandInterim | None = (
        None  # a seat in Hong Kong, a party in the Mainland, a listed institution
    )

    @property
    def tiered(self) -> bool:
        """True when the tiers differ from the default (escalation, mediation, courts)."""
        chosen = self.mediation is not None and self.mediation.body and not self.mediation.from_record
        return bool(self.arbitration or self.expert_determination or self.mediation is None or chosen)

    @property
    def final_forum(self) -> str:
        """'arbitration' or 'courts'."""
        return "arbitration" if self.arbitration else "courts"


def arbitration_fields(deal: Any) -> dict[str, Any] | None:
    """The deal's arbitration as fields: its `disputes.arbitration`, else one written in contract.jurisdiction."""
    disputes = getattr(deal, "disputes", None)
    if disputes is not None and disputes.arbitration is not None:
        chosen: dict[str, Any] = disputes.arbitration.model_dump()
        return chosen
    text = deal.contract.jurisdiction
    if is_arbitration(text):
        fields, _ = parse_arbitration(text)
        return fields
    return None


def view_arbitration(fields: dict[str, Any], contract_language: str) -> ArbitrationView:
    """The template view of an arbitration given as fields."""
    institution = find_institution(fields["institution"]) or load_institutions()["uncitral"]
    seat = trim_city(fields["seat"])
    record = seat_place(seat) or {}
    country = record.get("country", "")
    states = new_york_convention().get("states") or {}
    in_convention = (country in states) if country and states else None
    emergency_rules = bool(institution.emergency_arbitrator)
    keep = fields.get("emergency_arbitrator", True) is not False
    return ArbitrationView(
        institution=institution, rules=fields.get("rules") or institution.rules, seat=record.get("name", seat),
        seat_country=country, seat_jurisdiction=record.get("jurisdiction", ""), venue=fields.get("venue") or "",
        arbitrators=int(fields.get("arbitrators") or 3), language=fields.get("language") or contract_language,
        appointing_authority=fields.get("appointing_authority") or "", emergency=emergency_rules and keep,
        emergency_excluded=emergency_rules and not keep, expedited=fields.get("expedited"),
        seat_in_convention=in_convention, seat_courts=record.get("courts", ""),
    )  # fmt: skip


def enforcement_notes(
    deal: Any, arbitration: ArbitrationView | None, forum_country: str, forum_courts: str
) -> list[tuple[str, str]]:
    """Drafting notes where an award or a judgment may not be enforceable where a party is established: (role, note)."""
    notes: list[tuple[str, str]] = []
    parties = [("client", deal.parties.client), ("supplier", deal.parties.supplier)]
    if arbitration is not None:
        return award_notes(deal, arbitration)
    records = judgment_enforcement()
    for role, party in parties:
        code = country_code(getattr(party, "incorporated_in", None))
        record = records.get(code)
        if not code or not forum_country or code == forum_country or record is None:
            continue
        if forum_country not in (record.get("registers") or ()):
            notes.append(
                (
                    role,
                    f"parties.{role}: a judgment of {forum_courts} may not be enforceable in {country_name(code)}, "
                    f"where {party.name} is established: {record['rule']} Consider arbitration seated in a New "
                    f"York Convention state, or courts whose judgments {country_name(code)} enforces",
                )
            )
    return notes


def disputes_of(deal: Any, forum_country: str = "", forum_courts: str = "", forum_key: str = "") -> DisputesView:
    """The `disputes` value of a contract: the tiers, the final forum and the enforcement notes."""
    disputes = getattr(deal, "disputes", None)
    fields = arbitration_fields(deal)
    language = deal.language.prevailing if getattr(deal, "language", None) else "English"
    arbitration = (
        view_arbitration(fields, language) if fields and fields.get("institution") and fields.get("seat") else None
    )
    found = enforcement_notes(deal, arbitration, forum_country, forum_courts)
    interim, interim_notes = mainland_interim(deal, arbitration) if arbitration is not None else (None, [])
    notes = tuple(note for _, note in found) + tuple(interim_notes)
    at_risk = tuple(role for role, _ in found if role and arbitration is None)
    if disputes is None:
        return DisputesView(arbitration=arbitration, notes=notes, judgment_at_risk=at_risk, mainland_interim=interim)
    return DisputesView(
        courts=disputes.courts,
        asymmetric_for=disputes.asymmetric_for,
        arbitration=arbitration,
        mediation=mediation_of(disputes.mediation, arbitration, (forum_courts, forum_key)),
        expert_determination=disputes.expert_determination,
        notes=notes,
        judgment_at_risk=at_risk,
        mainland_interim=interim,
    )


@dataclass(frozen=True)
class MediationView:
    """The mediation tier as clause templates see it (``disputes.mediation``): who appoints the mediator."""

    body: str = ""  # "" : a mediator the parties agree on, with no body named
    rules: str = ""  # the body's mediation rules, when it is named from the law records
    from_record: bool = False  # the body comes from the law records, not from the deal


def mediation_of(
    chosen: Any, arbitration: ArbitrationView | None, courts: tuple[str, str] = ("", "")
) -> MediationView | None:
    """The mediation tier: the deal's body, else the arbitral institution's own mediation service or the usual
    mediation body of the seat, else (before courts) that of the courts' city or jurisdiction record, else none."""
    if chosen is None:
        return None
    if chosen.body:
        return MediationView(body=chosen.body)
    if arbitration is None:
        body, rules = _courts_mediation(*courts)
        return MediationView(body=body, rules=rules, from_record=bool(body))
    seat = seat_place(arbitration.seat) or {}
    body, rules = arbitration.institution.mediation
    if not body and seat.get("mediation_body"):
        body, rules = seat["mediation_body"], seat.get("mediation_rules", "")
    return MediationView(body=body, rules=rules, from_record=bool(body))


def _courts_mediation(courts: str, key: str) -> tuple[str, str]:
    """Who appoints a mediator before these courts: the usual body of the city they sit in, else of their record."""
    seat = seat_in(courts) or {}
    if seat.get("mediation_body"):
        return seat["mediation_body"], seat["mediation_rules"]
    key = key or seat.get("jurisdiction", "")
    record = active().records("jurisdictions").get(key) if key else None
    return mediation_of_record(record.data) if record is not None else ("", "")


def check_disputes(deal: Any) -> list[tuple[tuple[Any, ...], str]]:
    """Problems with a deal's arbitration: an unknown institution or seat, a phrase that cannot be read."""
    problems: list[tuple[tuple[Any, ...], str]] = []
    disputes = getattr(deal, "disputes", None)
    written = deal.contract.jurisdiction
    if disputes is not None and disputes.arbitration is not None:
        if find_institution(disputes.arbitration.institution) is None:
            known = ", ".join(sorted(i.short or i.key for i in load_institutions().values()))
            problems.append(
                (
                    ("disputes", "arbitration", "institution"),
                    f"{disputes.arbitration.institution!r} is not a known arbitral institution; known: {known}",
                )
            )
        if is_arbitration(written):
            problems.append(
                (
                    ("contract", "jurisdiction"),
                    "arbitration is chosen in disputes.arbitration: leave "
                    "contract.jurisdiction out, or write the arbitration there only",
                )
            )
    elif is_arbitration(written):
        _, found = parse_arbitration(written)
        problems += [(("contract", "jurisdiction"), message) for message in found]
    if disputes is not None and disputes.courts != "exclusive" and arbitration_fields(deal) is not None:
        problems.append(
            (
                ("disputes", "courts"),
                f"courts: {disputes.courts} applies to court proceedings; with "
                "arbitration the courts only support it (leave disputes.courts out)",
            )
        )
    return problems
