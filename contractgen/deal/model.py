"""The deal specification: frozen pydantic models, data only.

Field names follow ``samples/deal-example.yaml`` exactly (they are the clause authors'
interface). Single-field checks (types, ranges, codes) live on the field types (``fields``);
cross-field rules live in ``rules`` and run in ``load``, never in the model; derived figures
(annual charges, caps, overlap, downtime) are computed by ``derived`` when the clause context
is built. The data-protection, security, commercial, liability and term sections, the
provisions and the deal's own words live in ``sections``; the party kinds and disputes in ``parties``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal, get_args

from pydantic import BeforeValidator, Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from contractgen.deal import accepted
from contractgen.values.durations import ClockRange, Duration, Frequency
from contractgen.deal.fields import (  # noqa: F401 - the field types are part of the model's namespace
    ClauseId, Country, Currency, DealDate, Email, Hours, List, LocaleName, LongText, MeasurementPeriod, Money, Multiple, Name, Percent,
    PositiveInt, PricingModel, Priority, Resolution, Role, Section, ServiceId, SourcingChoice, SourcingModel, TemplateName,
    Text, TimeZone, WholeNumber, _choice, centre_zone,
)  # fmt: skip
from contractgen.deal.parties import KINDS, LEVEL_WORDS, PUBLIC_BODIES, ConsortiumMember, Disputes, PublicLevel
from contractgen.deal.parties import WrittenParty
from contractgen.law.sector import SectorRegime
from contractgen.deal.sections import (  # noqa: F401 - every section class can be imported from here
    Benchmarking, Clauses, Commercials, DataProtection, Employees, Escrow, Exit, Guarantor, Indexation, Insurance,
    InternationalTransfers, Language, Liability, Overrides, ProcessAgent, Rate, Renewal, Rider, Roles, Security, StepIn,
    Subprocessor, Subprocessors, Term, TerminationForConvenience, VulnerabilityRemediation,
)  # fmt: skip


class Contract(Section):
    """The agreement itself: title, date, law and formatting."""

    title: Name
    reference: Name | None = None
    effective_date: DealDate
    governing_law: Name  # a law/jurisdictions record ("English law", "New York" …)
    jurisdiction: Name | None = None  # the forum: a jurisdiction or a named court; default: the law's courts
    law_wording: Name | None = None  # the words after "governed by", for a law with no record
    forum_wording: Name | None = None  # the courts, spelt out ("the Court of King's Bench of Alberta")
    locale: LocaleName = "en_GB"  # default: the governing law's spelling locale
    draft: bool = False

    @model_validator(mode="before")
    @classmethod
    def _locale_from_law(cls, data: Any) -> Any:
        return locale_from_law(data)


def locale_from_law(contract: Any) -> Any:
    """The contract section as written, with the governing law's locale where it names none."""
    if isinstance(contract, dict) and contract.get("locale") is None and isinstance(contract.get("governing_law"), str):
        from contractgen.law.jurisdictions import find_law

        record, _qualifier = find_law(contract["governing_law"])
        if record is not None:
            contract = {**contract, "locale": record.locale}
    return contract


PartyKind = Literal[
    "company",
    "llp",
    "partnership",
    "individual",
    "sole_trader",
    "branch",
    "government_department",
    "local_authority",
    "agency",
    "statutory_body",
    "health_body",
    "charity",
    "trust",
    "consortium",
    "cooperative",
]


class Signatory(Section):
    """Who signs for a party."""

    name: Name
    title: Name | None = None


class Party(WrittenParty):
    """A party to the contract."""

    name: Name
    short_name: Name | None = None
    article: Literal["the", "none"] | None = None  # "the Bank" / "Tulpay"; default: "the" for common nouns
    kind: Annotated[PartyKind, _choice(KINDS, "kind of party", "'local authority'")] = Field(
        "company",
        description=(
            "what kind of legal person it is: company (default), llp, partnership, individual, sole trader, branch "
            "(of a foreign company), government department (or ministry), local authority (council, municipality), "
            "agency, statutory body, health body (public hospital, NHS trust), charity, trust, consortium, co-operative "
            "society; a state-owned company (SOE, PSU, empresa pública, 国有企业 …) is a company with state_owned: true"
        ),
    )
    state_owned: bool = False  # a company the state owns or controls (description: data/field_help.yaml)
    company_number: Name | None = None
    incorporated_in: Name | None = None
    registered_number: Name | None = Field(
        None,
        description=(
            "another register's number: an LLP's or partnership's, a branch's local registration, a public body's "
            "(e.g. an ABN or a business identity code)"
        ),
    )
    charity_number: Name | None = Field(None, description="a charity's registered number")
    trading_as: Name | None = Field(None, description="a sole trader's or partnership's business name")
    acting_through: Name | None = Field(
        None,
        description=("a minister or Secretary of State: the department it acts through; a branch: the branch's name"),
    )
    represented_by: Name | None = Field(
        None,
        description=(
            "a government or a department: the office-holder or office that represents it, e.g. 'the Commissioner "
            "for Digital Policy' (The Government of the Hong Kong Special Administrative Region, represented by ...)"
        ),
    )
    established_under: Name | None = Field(
        None,
        description=(
            "a public body or a statutory corporation: the law that constitutes it, e.g. 'the Local Government Act 2002'"
        ),
    )
    level: Annotated[PublicLevel | None, _choice(LEVEL_WORDS, "level of public body", "'regional'")] = Field(
        None,
        description=(
            "a public body's level of government: national (default), regional (a state, Land, canton or province) "
            "or local (default for a local authority)"
        ),
    )
    branch_in: Name | None = Field(None, description="a branch: the country where the branch is registered")
    seal: bool = Field(False, description="a local authority or body corporate that signs under its common seal")
    members: List[ConsortiumMember] = Field(
        [], description=("a consortium: its members, jointly and severally liable; mark one `lead: true`")
    )
    address: Text
    timezone: TimeZone | None = None
    business_hours: ClockRange | None = None
    notices_email: Email | None = None
    signatory: Signatory | None = None

    @property
    def public_body(self) -> bool:
        """True for a government department, local authority, agency, statutory body or public health body."""
        return self.kind in PUBLIC_BODIES

    @property
    def lead_member(self) -> ConsortiumMember | None:
        """A consortium's lead member (the one marked lead, else the first)."""
        return next((m for m in self.members if m.lead), self.members[0] if self.members else None)


Sector = Literal[
    "bank",
    "insurer",
    "payment institution",
    "e-money institution",
    "investment firm",
    "electronic communications provider",
    "other",
]
SECTORS: tuple[str, ...] = get_args(Sector)


class ClientParty(Party):
    """The client; its defined term defaults to "Client"."""

    short_name: Name = "Client"
    sector: Sector | None = None  # what the client is licensed as: decides the sector regulation it is under


class SupplierParty(Party):
    """The supplier; its defined term defaults to "Supplier"."""

    short_name: Name = "Supplier"


class Parties(Section):
    """The two parties."""

    client: ClientParty
    supplier: SupplierParty


class DeliveryCentre(Section):
    """A place the supplier delivers the services from."""

    city: Name
    country: Country
    timezone: TimeZone | None = Field(
        None,
        validate_default=True,
        description=(
            "IANA time zone, e.g. 'Asia/Kolkata'; may be left out where the country has one time zone or the "
            "time-zone database names the city (São Paulo: America/Sao_Paulo)"
        ),
    )
    business_hours: ClockRange | None = None  # falls back to the supplier's business hours

    @field_validator("timezone")
    @classmethod
    def _zone_of_the_place(cls, value: str | None, info: ValidationInfo) -> str | None:
        """The centre's time zone, or its country's only zone or its city's zone where the deal leaves it out."""
        if value is not None or "country" not in info.data or "city" not in info.data:
            return value  # a bad country or city is reported on its own field
        return centre_zone(info.data["country"], info.data["city"])


class Sourcing(Section):
    """Delivery model and locations."""

    model: SourcingChoice | None = None
    delivery_centres: List[DeliveryCentre] = []
    core_overlap_hours: Hours | None = None
    service_languages: List[Name] = []


class Service(Section):
    """One service in scope."""

    id: ServiceId
    name: Name
    description: Text | None = None
    support_hours: Name | None = None
    support_timezone: TimeZone | None = Field(
        None,
        description=(
            "the time zone in which the support hours are read (IANA name, e.g. 'Europe/London'); "
            "default: the client's time zone, then the supplier's"
        ),
    )
    in_scope: List[Text] = []
    out_of_scope: List[Text] = []


class Scope(Section):
    """What the supplier does."""

    summary: LongText | None = None
    services: Annotated[list[Service], Field(min_length=1)]
    transition: bool = Field(
        True,
        description=(
            "whether the supplier takes the services over under a transition plan with readiness criteria (default true); "
            "false when it provides them from the start, e.g. it already runs them"
        ),
    )
    service_commencement: DealDate | None = Field(
        None,
        description=(
            "without a transition: the date the services and their charges start (default: the Effective Date)"
        ),
    )


class Deliverable(Section):
    """A one-off deliverable with a due date."""

    id: ServiceId
    name: Name
    description: Text | None = None
    due: DealDate
    acceptance: Text | None = None
    payment: Money | None = None


class Availability(Section):
    """An availability target for one service."""

    service: ServiceId
    target: Percent
    maintenance_window: Name | None = None


class IncidentPriority(Section):
    """Response and resolution times for one incident priority."""

    priority: Priority
    definition: Text
    response: Duration
    resolution: Resolution = None  # a duration, an event ("next release") or none
    target: Percent | None = Field(
        None,
        description=(
            "the share of this priority's Incidents in a Measurement Period that must meet the response and "
            "resolution times for the Service Level to be met (e.g. 95); default: service_levels.incident_target"
        ),
    )


def _house_percent(value: Any) -> Any:
    """Write a percentage in free text as the contracts do: '75 %' → '75%'."""
    return re.sub(r"(\d)[ \u00a0\u202f]+%", r"\1%", value) if isinstance(value, str) else value


class Kpi(Section):
    """A key performance indicator (reported, not credited)."""

    name: Name
    service: ServiceId | None = None
    target: Annotated[Text, BeforeValidator(_house_percent)]


class CreditTier(Section):
    """Credit (percent of monthly charges) when a service's availability falls below a threshold."""

    service: ServiceId
    below: Percent
    credit: Percent


class ServiceCredits(Section):
    """Service credits and the amount at risk."""

    at_risk: Percent
    tiers: List[CreditTier] = []


class ChronicFailure(Section):
    """Repeated breaches that give a right to terminate."""

    breaches: PositiveInt = Field(
        description=(
            "how many Measurement Periods with a Service Level failure (each period counted once) make a Chronic Failure"
        )
    )
    within: Duration = Field(
        description="the rolling period in which those Measurement Periods must fall, e.g. '6 months'"
    )
    whole_agreement: bool = Field(
        True,
        description=(
            "true if a Chronic Failure lets the client terminate the whole agreement; false: only the affected "
            "services, unless the Chronic Failure affects every service"
        ),
    )


def _no_tiers_no_credits(value: Any) -> Any:
    """Service credits written with neither tiers nor an amount at risk mean no credits (a drafting note says so)."""
    if isinstance(value, dict) and "tiers" in value and not value.get("tiers") and value.get("at_risk") is None:
        return None
    return value


class ServiceLevels(Section):
    """Service levels, KPIs and credits."""

    measurement_period: MeasurementPeriod = "calendar month"
    incident_target: Percent = Field(
        Decimal(95),
        description=(
            "the share of the Incidents of each priority in a Measurement Period that must meet their response and "
            "resolution times; a missed Incident is not by itself a Service Level failure, a missed share is"
        ),
    )
    availability: List[Availability] = []
    incident_priorities: List[IncidentPriority] = []
    kpis: List[Kpi] = []
    service_credits: Annotated[ServiceCredits | None, BeforeValidator(_no_tiers_no_credits)] = None
    chronic_failure: ChronicFailure | None = None

    @model_validator(mode="after")
    def _credits_need_something_to_credit(self) -> ServiceLevels:
        # An amount at risk with no tiers is shared among the Service Levels; with none to share it among, there
        # are no credits (the no-service-credits note says so).
        credits = self.service_credits
        if credits is not None and not credits.tiers and not (self.availability or self.incident_priorities):
            object.__setattr__(self, "service_credits", None)
        return self


class Reporting(Section):
    """Service reports."""

    frequency: Frequency
    due: Duration | None = None


class Meeting(Section):
    """A governance meeting."""

    name: Name
    frequency: Frequency


class Escalation(Section):
    """One level of the escalation procedure."""

    level: PositiveInt
    client: Name
    supplier: Name
    within: Duration


class Audit(Section):
    """The client's audit rights."""

    notice: Duration
    per_year: Annotated[WholeNumber, Field(ge=0, le=52)] = 1


class Governance(Section):
    """Reporting, meetings, escalation and audit."""

    reporting: Reporting | None = None
    meetings: List[Meeting] = []
    escalation: List[Escalation] = []
    contract_review: Frequency | None = None
    audit: Audit | None = None


def _switch(value: Any) -> Any:
    """Accept `true` (the default terms) and `false` (none) for an optional section."""
    word = str(value).strip().lower() if isinstance(value, (bool, str)) else None
    return {} if word in ("true", "yes") else None if word in ("false", "no") else value


_switch.accepted_forms = accepted.switch_forms()  # type: ignore[attr-defined]


class Deal(Section):
    """A whole deal specification."""

    template: TemplateName
    contract: Contract
    parties: Parties
    sourcing: Sourcing | None = None
    scope: Scope
    deliverables: List[Deliverable] = []
    service_levels: ServiceLevels | None = None
    governance: Governance | None = None
    data_protection: DataProtection | None = None
    # Baseline security and continuity terms unless the deal writes `security: false`: an IT services contract
    # without them is not a safe first draft.
    security: Annotated[Security | None, BeforeValidator(_switch)] = Security()
    commercials: Commercials
    liability: Liability | None = None
    term: Term
    regulatory: List[SectorRegime] = Field(
        [],
        description=(
            "sector regulation that sets contract terms (not data protection): DORA, NIS2, PRA SS2/21, FCA SYSC 8, "
            "EBA Outsourcing Guidelines, OSFI B-10, FINMA Circular 2018/3, PCI DSS, 10 NYCRR 405.46, 23 NYCRR 500"
        ),
    )
    critical_or_important: bool = Field(
        False,
        description=(
            "true if the services support a critical or important function (DORA Art. 30(3), FCA SYSC 8) or are a "
            "material outsourcing (PRA SS2/21); brings the fuller regulatory terms"
        ),
    )
    employees: Employees = Employees()
    step_in: Annotated[StepIn | None, BeforeValidator(_switch)] = StepIn()
    benchmarking: Benchmarking | None = None
    escrow: Escrow | None = None
    guarantor: Guarantor | None = None
    process_agent: ProcessAgent | None = None
    disputes: Disputes = Disputes()
    language: Language = Language()
    clauses: Clauses = Clauses()
    riders: List[Rider] = Field(
        [], description=("special conditions of this deal, each inserted after a clause and numbered like one")
    )
    overrides: Overrides = {}
    acknowledged_notes: List[Name] = Field(
        [],
        description=(
            "the ids of the drafting notes a lawyer has checked (`contractgen validate` prints each note with its id); "
            "a final document (draft: false) with a note not listed here is refused"
        ),
        examples=[["governing-law:brazil"]],
    )
    # What a final document's text assumes that its deal does not say (deal.readings), printed as build warnings:
    # a final document prints no drafting notes, and an assumption is never silent.
    _assumed: tuple[str, ...] = PrivateAttr(default=())
    _proposed_special: bool = PrivateAttr(default=False)  # special categories the draft proposes (deal.readings)
    status: Literal["draft", "negotiating", "signed"] = Field(
        "draft",
        description=(
            "where the deal stands; a signed deal is frozen: `contractgen build` never renders it again and it keeps "
            "the clause versions it was signed with (change it by an amendment)"
        ),
        examples=["negotiating"],
    )
