"""The deal specification: a frozen pydantic model, its YAML loading and plain-English errors.

Field names follow ``deal-example.yaml`` exactly (they are the clause authors' interface).
Single-field checks (types, ranges, codes) live on the fields; cross-field rules live in
``spec_rules`` and run after the fields are valid, all of them, so one run reports every
problem. Derived figures (annual charges, caps, overlap, downtime) live in ``derived``.
"""

from __future__ import annotations

import difflib
import re
import typing
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import babel
import pycountry
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from contractgen.deal.durations import ClockRange, Duration, Frequency
from contractgen.deal.sector import SectorRegime
from contractgen.errors import DealError, Problem
from contractgen.deal.rules import check_rules, check_rules_partially, format_path, plain_message, problems_from  # noqa: F401
from contractgen.deal.yamlsource import load_deal_file

# ---------------------------------------------------------------- field types


def _error(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, "{message}", {"message": message})


def _check_characters(value: str) -> str:
    for position, char in enumerate(value):
        code = ord(char)
        if (code < 0x20 and char not in "\t\n") or code == 0x7F:
            raise _error("control_character", f"contains a control character (U+{code:04X}) at position {position + 1}; remove it")
        if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
            # Bidirectional overrides can make a clause display differently from what it says.
            raise _error("bidi_control", f"contains an invisible text-direction control (U+{code:04X}) at position {position + 1}; remove it")
        if 0xD800 <= code <= 0xDFFF:
            raise _error("surrogate", f"contains an invalid character (lone surrogate U+{code:04X}) at position {position + 1}")
    return value


def _single_line(value: str) -> str:
    if "\n" in value:
        raise _error("single_line", "must fit on one line")
    return value


Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_check_characters), AfterValidator(_single_line),
]  # fmt: skip
Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), AfterValidator(_check_characters)
]
LongText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10000), AfterValidator(_check_characters)
]


def _none_is_empty(value: Any) -> Any:
    return [] if value is None else value


T = typing.TypeVar("T")
List = Annotated[list[T], BeforeValidator(_none_is_empty)]


def _pattern(regex: str, what: str) -> Any:
    compiled = re.compile(regex)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise _error("pattern", f"{value!r} is not {what}")
        return value

    return AfterValidator(check)


ServiceId = Annotated[
    str, StringConstraints(strip_whitespace=True),
    _pattern(r"[A-Za-z][A-Za-z0-9_-]{0,19}", "a valid id (a letter, then up to 19 letters, digits, '-' or '_', e.g. 'SD')"),
]  # fmt: skip
ClauseId = Annotated[
    str, StringConstraints(strip_whitespace=True),
    _pattern(r"[a-z0-9][a-z0-9-]{0,79}", "a clause id (lower-case letters, digits and '-', e.g. 'service-credits')"),
]  # fmt: skip
TemplateName = Annotated[
    str, StringConstraints(strip_whitespace=True),
    _pattern(r"[a-z0-9][a-z0-9_-]{0,63}", "a template name (lower-case letters, digits, '-' and '_', e.g. 'it-outsourcing')"),
]  # fmt: skip
Email = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=254),
    _pattern(r"[^@\s]+@[^@\s]+\.[^@\s.]+", "an email address"),
]  # fmt: skip
Priority = Annotated[str, StringConstraints(strip_whitespace=True), _pattern(r"P[1-9]", "a priority from P1 to P9")]
Percent = Annotated[Decimal, Field(gt=0, le=100, allow_inf_nan=False)]
Money = Annotated[Decimal, Field(ge=0, le=Decimal(10) ** 15, allow_inf_nan=False)]
Multiple = Annotated[Decimal, Field(gt=0, le=100, allow_inf_nan=False)]


def _currency(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 3 or pycountry.currencies.get(alpha_3=code) is None:
        raise _error("currency", f"{value!r} is not an ISO 4217 currency code (e.g. 'GBP', 'EUR', 'USD')")
    return code


_COUNTRY_HINTS = {"UK": "GB", "EN": "GB", "EL": "GR"}


def _country(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        hint = f"; did you mean {_COUNTRY_HINTS[code]!r}?" if code in _COUNTRY_HINTS else " (e.g. 'GB', 'IN', 'US')"
        raise _error("country", f"{value!r} is not an ISO 3166-1 alpha-2 country code{hint}")
    return code


@lru_cache(maxsize=1)
def _timezones() -> frozenset[str]:
    import zoneinfo

    return frozenset(zoneinfo.available_timezones())


def _timezone(value: str) -> str:
    name = value.strip()
    if name not in _timezones():
        close = difflib.get_close_matches(name, sorted(_timezones()), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else " (e.g. 'Europe/London')"
        raise _error("timezone", f"{value!r} is not an IANA time zone{hint}")
    return name


def _locale(value: str) -> str:
    name = value.strip().replace("-", "_")
    try:
        babel.Locale.parse(name)
    except (ValueError, babel.UnknownLocaleError):
        raise _error("locale", f"{value!r} is not a known locale (e.g. 'en_GB', 'en_US', 'en_IE')") from None
    return name


Currency = Annotated[str, AfterValidator(_currency)]
Country = Annotated[str, AfterValidator(_country)]
TimeZone = Annotated[str, AfterValidator(_timezone)]
LocaleName = Annotated[str, AfterValidator(_locale)]
PositiveInt = Annotated[int, Field(ge=1, le=1000)]


class SourcingModel(str, Enum):
    """Where the supplier delivers from, relative to the client."""

    onshore = "onshore"
    nearshore = "nearshore"
    offshore = "offshore"

    def __str__(self) -> str:
        return self.value


class PricingModel(str, Enum):
    """How the charges are calculated."""

    fixed_monthly = "fixed monthly"
    time_and_materials = "time and materials"
    per_unit = "per unit"

    def __str__(self) -> str:
        return self.value


Role = Literal["controller", "processor", "joint controller", "covered entity", "business associate"]
MeasurementPeriod = Literal["calendar month", "calendar quarter"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False, defer_build=True)


# ---------------------------------------------------------------- sections


class Contract(_Model):
    """The agreement itself: title, date, law and formatting."""

    title: Name
    reference: Name | None = None
    effective_date: date
    governing_law: Name  # a jurisdiction of deal/data/jurisdictions.yaml ("English law", "New York" …)
    jurisdiction: Name | None = None  # the forum: a jurisdiction or a named court; default: the law's courts
    law_wording: Name | None = None  # the words after "governed by", for a law with no record
    forum_wording: Name | None = None  # the courts, spelt out ("the Court of King's Bench of Alberta")
    locale: LocaleName = "en_GB"  # default: the governing law's spelling locale
    draft: bool = False

    @model_validator(mode="before")
    @classmethod
    def _locale_from_law(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("locale") is None and isinstance(data.get("governing_law"), str):
            from contractgen.deal.jurisdictions import find

            record = find(data["governing_law"])
            if record is not None:
                data = {**data, "locale": record.locale}
        return data


class Signatory(_Model):
    """Who signs for a party."""

    name: Name
    title: Name | None = None


class Party(_Model):
    """A party to the contract."""

    name: Name
    short_name: Name | None = None
    article: Literal["the", "none"] | None = None  # "the Bank" / "Tulpay"; default: "the" for common nouns
    company_number: Name | None = None
    incorporated_in: Name | None = None
    address: Text
    timezone: TimeZone | None = None
    business_hours: ClockRange | None = None
    notices_email: Email | None = None
    signatory: Signatory | None = None


class ClientParty(Party):
    """The client; its defined term defaults to "Client"."""

    short_name: Name = "Client"


class SupplierParty(Party):
    """The supplier; its defined term defaults to "Supplier"."""

    short_name: Name = "Supplier"


class Parties(_Model):
    """The two parties."""

    client: ClientParty
    supplier: SupplierParty


class DeliveryCentre(_Model):
    """A place the supplier delivers the services from."""

    city: Name
    country: Country
    timezone: TimeZone
    business_hours: ClockRange | None = None  # falls back to the supplier's business hours


class Sourcing(_Model):
    """Delivery model and locations."""

    model: SourcingModel | None = None
    delivery_centres: List[DeliveryCentre] = []
    core_overlap_hours: Annotated[Decimal, Field(ge=0, le=24, allow_inf_nan=False)] | None = None
    service_languages: List[Name] = []


class Service(_Model):
    """One service in scope."""

    id: ServiceId
    name: Name
    description: Text | None = None
    support_hours: Name | None = None
    support_timezone: TimeZone | None = Field(None, description=(
        "the time zone in which the support hours are read (IANA name, e.g. 'Europe/London'); "
        "default: the client's time zone, then the supplier's"))
    in_scope: List[Text] = []
    out_of_scope: List[Text] = []


class Scope(_Model):
    """What the supplier does."""

    summary: LongText | None = None
    services: Annotated[list[Service], Field(min_length=1)]


class Deliverable(_Model):
    """A one-off deliverable with a due date."""

    id: ServiceId
    name: Name
    description: Text | None = None
    due: date
    acceptance: Text | None = None
    payment: Money | None = None


class Availability(_Model):
    """An availability target for one service."""

    service: ServiceId
    target: Percent
    maintenance_window: Name | None = None


class IncidentPriority(_Model):
    """Response and resolution times for one incident priority."""

    priority: Priority
    definition: Text
    response: Duration
    resolution: Duration
    target: Percent | None = Field(None, description=(
        "the share of this priority's Incidents in a Measurement Period that must meet the response and "
        "resolution times for the Service Level to be met (e.g. 95); default: service_levels.incident_target"))


class Kpi(_Model):
    """A key performance indicator (reported, not credited)."""

    name: Name
    service: ServiceId | None = None
    target: Text


class CreditTier(_Model):
    """Credit (percent of monthly charges) when a service's availability falls below a threshold."""

    service: ServiceId
    below: Percent
    credit: Percent


class ServiceCredits(_Model):
    """Service credits and the amount at risk."""

    at_risk: Percent
    tiers: List[CreditTier] = []


class ChronicFailure(_Model):
    """Repeated breaches that give a right to terminate."""

    breaches: PositiveInt
    within: Duration


class ServiceLevels(_Model):
    """Service levels, KPIs and credits."""

    measurement_period: MeasurementPeriod = "calendar month"
    incident_target: Percent = Field(Decimal(95), description=(
        "the share of the Incidents of each priority in a Measurement Period that must meet their response and "
        "resolution times; a missed Incident is not by itself a Service Level failure, a missed share is"))
    availability: List[Availability] = []
    incident_priorities: List[IncidentPriority] = []
    kpis: List[Kpi] = []
    service_credits: ServiceCredits | None = None
    chronic_failure: ChronicFailure | None = None


class Reporting(_Model):
    """Service reports."""

    frequency: Frequency
    due: Duration | None = None


class Meeting(_Model):
    """A governance meeting."""

    name: Name
    frequency: Frequency


class Escalation(_Model):
    """One level of the escalation procedure."""

    level: PositiveInt
    client: Name
    supplier: Name
    within: Duration


class Audit(_Model):
    """The client's audit rights."""

    notice: Duration
    per_year: Annotated[int, Field(ge=0, le=52)] = 1


class Governance(_Model):
    """Reporting, meetings, escalation and audit."""

    reporting: Reporting | None = None
    meetings: List[Meeting] = []
    escalation: List[Escalation] = []
    contract_review: Frequency | None = None
    audit: Audit | None = None


class Roles(_Model):
    """Each party's data-protection role."""

    client: Role
    supplier: Role


class InternationalTransfers(_Model):
    """How personal data may leave the permitted countries."""

    mechanism: Text


class Subprocessor(_Model):
    """An approved subprocessor."""

    name: Name
    country: Country
    purpose: Text


class Subprocessors(_Model):
    """Rules for engaging subprocessors."""

    approval: Name
    objection_period: Duration | None = None
    approved: List[Subprocessor] = []


class DataProtection(_Model):
    """Personal data processing terms."""

    personal_data: bool = False
    regulations: List[Name] = []
    roles: Roles | None = None
    data_subjects: List[Name] = []
    data_categories: List[Name] = []
    special_categories: List[Name] = []
    breach_notification: Duration | None = None
    data_residency: List[Country] = []
    international_transfers: InternationalTransfers | None = None
    subprocessors: Subprocessors | None = None
    return_or_delete: Duration | None = None


class VulnerabilityRemediation(_Model):
    """Deadlines for fixing vulnerabilities by severity."""

    critical: Duration | None = None
    high: Duration | None = None
    medium: Duration | None = None
    low: Duration | None = None


class Security(_Model):
    """Security obligations."""

    certifications: List[Name] = []
    encryption_at_rest: Name | None = None
    encryption_in_transit: Name | None = None
    penetration_testing: Frequency | None = None
    vulnerability_remediation: VulnerabilityRemediation | None = None
    background_checks: bool = False
    multi_factor_authentication: bool = False


class Rate(_Model):
    """A day rate for a role."""

    role: Name
    day_rate: Money


class Indexation(_Model):
    """Annual price indexation."""

    index: Name
    cap: Percent | None = None


class Commercials(_Model):
    """Charges, rates and payment."""

    currency: Currency
    pricing_model: PricingModel
    monthly_charges: Money | None = None
    estimated_monthly_charges: Money | None = None  # time and materials: a budget estimate
    unit_name: Name | None = None  # per unit: e.g. "supported user", "claim processed"
    unit_price: Money | None = None
    estimated_monthly_units: Annotated[Decimal, Field(ge=0, le=Decimal(10) ** 12, allow_inf_nan=False)] | None = None
    rate_card: List[Rate] = []
    invoicing: Name | None = None
    payment_terms: Duration | None = None
    indexation: Indexation | None = None


class Insurance(_Model):
    """An insurance the supplier must hold."""

    type: Name
    amount: Money


class Liability(_Model):
    """Liability caps (multiples of annual charges) and insurance."""

    general_cap: Multiple | None = None
    data_protection_cap: Multiple | None = None
    cap_floor: Money | None = Field(None, description=(
        "the least the general cap can be in any Contract Year, as an amount; defaults to the general cap "
        "multiple of the annual charges at the effective date"))
    insurance: List[Insurance] = []

    @model_validator(mode="after")
    def _super_cap_not_below_general_cap(self) -> Liability:
        if self.general_cap and self.data_protection_cap and self.data_protection_cap < self.general_cap:
            raise ValueError(f"data_protection_cap ({self.data_protection_cap}) is below general_cap ({self.general_cap}): "
                             "a data-protection cap lower than the general cap would reduce the client's protection; "
                             "raise it or leave it out")
        return self


class Renewal(_Model):
    """Automatic renewal."""

    period: Duration
    notice: Duration


class TerminationForConvenience(_Model):
    """Either party's (or the client's) right to end the contract without cause."""

    notice: Duration


class Exit(_Model):
    """Exit assistance."""

    assistance_period: Duration | None = None
    exit_plan_within: Duration | None = None


class Term(_Model):
    """Duration, renewal and termination."""

    initial_term: Duration
    renewal: Renewal | None = None
    termination_for_convenience: TerminationForConvenience | None = None
    exit: Exit | None = None


# The provisions' field types come from this module, hence the late import.
from contractgen.deal.provisions import Benchmarking, Employees, Escrow, Guarantor, Language, ProcessAgent, StepIn  # noqa: E402


def _switch(value: Any) -> Any:
    """Accept `true` (the default terms) and `false` (none) for an optional section."""
    word = str(value).strip().lower() if isinstance(value, (bool, str)) else None
    return {} if word in ("true", "yes") else None if word in ("false", "no") else value


class Clauses(_Model):
    """Choices among the library's clause versions."""

    pin: Annotated[dict[ClauseId, PositiveInt], BeforeValidator(lambda v: {} if v is None else v)] = {}
    exclude: List[ClauseId] = []


class Deal(_Model):
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
    security: Security | None = None
    commercials: Commercials
    liability: Liability | None = None
    term: Term
    regulatory: List[SectorRegime] = Field([], description=(
        "sector regulation that sets contract terms (not data protection): DORA, NIS2, PRA SS2/21, FCA SYSC 8, "
        "EBA Outsourcing Guidelines, OSFI B-10, PCI DSS, 10 NYCRR 405.46, 23 NYCRR 500"))
    critical_or_important: bool = Field(False, description=(
        "true if the services support a critical or important function (DORA Art. 30(3), FCA SYSC 8) or are a "
        "material outsourcing (PRA SS2/21); brings the fuller regulatory terms"))
    employees: Employees = Employees()
    step_in: Annotated[StepIn | None, BeforeValidator(_switch)] = StepIn()
    benchmarking: Benchmarking | None = None
    escrow: Escrow | None = None
    guarantor: Guarantor | None = None
    process_agent: ProcessAgent | None = None
    language: Language = Language()
    clauses: Clauses = Clauses()
    status: Literal["draft", "negotiating", "signed"] = Field("draft", description=(
        "where the deal stands; a signed deal is frozen: `contractgen build` never renders it again and it keeps "
        "the clause versions it was signed with (change it by an amendment)"), examples=["negotiating"])

    @cached_property
    def derived(self) -> Any:
        """Figures computed from the deal (annual charges, caps, overlaps, downtime …)."""
        from contractgen.deal.derived import compute_derived

        return compute_derived(self)

    @model_validator(mode="after")
    def _check_rules(self) -> Deal:
        problems = check_rules(self)
        if problems:
            raise _as_error(problems)
        return self


def _as_error(problems: list[tuple[tuple[Any, ...], str]]) -> ValidationError:
    details = [InitErrorDetails(type=_error("rule", message), loc=path, input=None) for path, message in problems]
    return ValidationError.from_exception_data("Deal", details)  # type: ignore[arg-type]


def validate_data(data: Any, filename: str = "<deal>", lines: dict[tuple[Any, ...], int] | None = None) -> Deal:
    """Validate already-loaded data; raise DealError listing every problem at once."""
    lines = lines or {}
    if not isinstance(data, dict):
        raise DealError(problems=[Problem(filename, 1, "", "the top level must be a mapping of fields")])
    try:
        return Deal.model_validate(data)
    except ValidationError as exc:
        problems = problems_from(exc, filename, lines, Deal)
        if not any(e["type"] == "rule" for e in exc.errors()):  # field errors stopped the rules
            rules = check_rules_partially(data, Deal)
            problems = problems_from(_as_error(rules), filename, lines, Deal, problems) if rules else problems
        raise DealError(problems=problems) from None


def load_deal(path: str | Path) -> Deal:
    """Load, validate and return the deal in a YAML file; DealError (all problems) otherwise."""
    data, lines = load_deal_file(path)
    return validate_data(data, str(path), lines)


def deal_json_schema() -> dict[str, Any]:
    """The JSON Schema of the deal specification (cross-field rules are not expressible in it)."""
    schema = Deal.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "contractgen deal specification"
    return schema
