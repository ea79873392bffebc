"""Arbitral institutions, seats and the enforcement of awards and judgments, as law records.

The records: ``law/forums/<id>.yaml`` (an institution and its current rules), ``law/seats/arbitral-seats.yaml``
(the state and supervising courts of each usual seat), ``law/treaties/new-york-convention.yaml`` (its
contracting states) and ``law/treaties/judgments-<cc>.yaml`` (whose court judgments a country registers).
Each has ``sources`` and ``as_of``. ``parse_arbitration`` reads the forms practitioners write in
``contract.jurisdiction``; ``disputes_of`` builds the ``disputes`` value clause templates see.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from contractgen.law.arbitration_text import BLANK_SEAT, SEAT_WANTED
from contractgen.law.arbitration_text import LANGUAGES as LANGUAGES
from contractgen.law.arbitration_text import parse_arbitration as parse_arbitration
from contractgen.law.forum_words import exclusivity_written
from contractgen.law.forums_agree import contradictions, merged
from contractgen.law.cross_border import MainlandInterim, award_notes, country_name, mainland_interim
from contractgen.law.institutions import Institution as Institution
from contractgen.law.institutions import find_institution as find_institution
from contractgen.law.institutions import institution_of
from contractgen.law.institutions import load_institutions as load_institutions
from contractgen.law.institutions import institutions_in as institutions_in
from contractgen.law.jurisdictions import is_arbitration as is_arbitration
from contractgen.law.library import active

# country_code is re-exported: code written before it moved to law/seats imports it from here
from contractgen.law.seats import country_code as country_code
from contractgen.law.seats import mediation_of_record, seat_in, seat_place, trim_city


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
    by_law: bool = False  # the tribunal decides according to law, not in equity (the deal says so)

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
    """The deal's arbitration as fields: its `disputes.arbitration` (with what contract.jurisdiction adds when it
    writes the same arbitration), else one written in contract.jurisdiction."""
    disputes = getattr(deal, "disputes", None)
    text = deal.contract.jurisdiction
    if disputes is not None and disputes.arbitration is not None:
        written = parse_arbitration(text)[0] if is_arbitration(text) else {}
        return merged(disputes.arbitration, written)
    if is_arbitration(text):
        fields, _ = parse_arbitration(text)
        if fields.get("institution"):
            fields.setdefault("seat", BLANK_SEAT)  # a draft's blank (a final one with no seat is refused)
        return fields
    return None


def domestic_rules(deal: Any, arbitration: ArbitrationView) -> bool:
    """True when the institution has national rules beside its international ones and the dispute is national: both
    parties established in its country and the seat there (or unknown)."""
    institution = arbitration.institution
    countries = {
        country_code(getattr(p, "incorporated_in", None)) for p in (deal.parties.client, deal.parties.supplier)
    }
    seat_here = arbitration.seat_country in ("", institution.country)
    return bool(institution.domestic[0]) and countries == {institution.country} and seat_here


def view_arbitration(fields: dict[str, Any], contract_language: str) -> ArbitrationView:
    """The template view of an arbitration given as fields."""
    institution = institution_of(fields["institution"])
    seat = trim_city(fields["seat"])
    record = seat_place(seat) or {}
    country = record.get("country", "")
    states = new_york_convention().get("states") or {}
    in_convention = (country in states) if country and states else None
    emergency_rules = bool(institution.emergency_arbitrator)
    keep = fields.get("emergency_arbitrator", True) is not False
    return ArbitrationView(
        institution=institution, rules=fields.get("rules") or institution.rules, seat=record.get("name", seat),
        seat_country=country, seat_jurisdiction=record.get("jurisdiction", ""), venue=_city(fields.get("venue") or ""),
        arbitrators=int(fields.get("arbitrators") or 3), language=fields.get("language") or contract_language,
        appointing_authority=fields.get("appointing_authority") or institution.appointing_authority,
        emergency=emergency_rules and keep,
        emergency_excluded=emergency_rules and not keep, expedited=fields.get("expedited"),
        seat_in_convention=in_convention, seat_courts=record.get("courts", ""), by_law=bool(fields.get("by_law")),
    )  # fmt: skip


def _city(written: str) -> str:
    """A city as the contract names it: the recorded English name of a seat ("Köln": "Cologne"), else as written."""
    return (seat_place(written) or {}).get("name", written) if written else ""


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
    if arbitration is not None and domestic_rules(deal, arbitration) and not (fields or {}).get("rules"):
        arbitration = replace(arbitration, rules=arbitration.institution.domestic[0])
    found = enforcement_notes(deal, arbitration, forum_country, forum_courts)
    interim, interim_notes = mainland_interim(deal, arbitration) if arbitration is not None else (None, [])
    notes = tuple(note for _, note in found) + tuple(interim_notes)
    at_risk = tuple(role for role, _ in found if role and arbitration is None)
    written = "" if arbitration else exclusivity_written(deal.contract.jurisdiction or "")
    if disputes is None:
        return DisputesView(
            courts=written or "exclusive", arbitration=arbitration, notes=notes, judgment_at_risk=at_risk,
            mainland_interim=interim,
        )  # fmt: skip
    return DisputesView(
        courts=disputes.courts if "courts" in disputes.model_fields_set or not written else written,
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


def check_disputes(deal: Any, draft: bool = False) -> list[tuple[tuple[Any, ...], str]]:
    """Problems with a deal's arbitration: a phrase that names no institution or seat, arbitration chosen twice in
    words that contradict each other, court choices beside it. An institution the library has no record of is drafted under its name (a drafting note); in a
    `draft`, so is an arbitration with no seat (the seat printed blank, with a note)."""
    problems: list[tuple[tuple[Any, ...], str]] = []
    disputes = getattr(deal, "disputes", None)
    written = deal.contract.jurisdiction
    if disputes is not None and disputes.arbitration is not None:
        if is_arbitration(written):
            found = contradictions(disputes.arbitration, parse_arbitration(written)[0])
            problems += [(("contract", "jurisdiction"), m) for m in found]
    elif is_arbitration(written):
        fields, found = parse_arbitration(written)
        blank = draft and "seat" not in fields and fields.get("institution")
        problems += [(("contract", "jurisdiction"), m) for m in found if not (blank and m.endswith(SEAT_WANTED))]
    if disputes is not None and disputes.courts != "exclusive" and arbitration_fields(deal) is not None:
        problems.append(
            (
                ("disputes", "courts"),
                f"courts: {disputes.courts} applies to court proceedings; with "
                "arbitration the courts only support it (leave disputes.courts out)",
            )
        )
    return problems
