"""The deal's sections beside the parties and the services (data only): data protection, security,
commercials, liability and term; the provisions a lawyer chooses beyond the service (staff transfer,
step-in, benchmarking, escrow, a guarantor, an agent for service of process, languages); and the
deal's own words (riders and overrides).

Every provision has defaults that describe the usual first draft, so a deal that says nothing about
them still gets the provisions a lawyer expects (see each field's description). Riders and overrides
are the one part of a deal that is a template: Markdown with the same Jinja variables as the
library's clauses, rendered in the same sandbox with the same limits (see contractgen.pipeline).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, model_validator

from contractgen.deal.fields import (
    ClauseId, Country, Currency, InsuranceAmount, List, Money, InterestRate, Multiple, Name, Percent, PositiveInt, PricingChoice,
    PaymentTerms, Quantity, Role, Section, SubprocessorApproval, Text, _check_characters, _pattern,
)  # fmt: skip
from contractgen.values.durations import Duration, Frequency
from contractgen.values.tax_words import split_tax
import re


class Roles(Section):
    """Each party's data-protection role."""

    client: Role
    supplier: Role


class InternationalTransfers(Section):
    """How personal data may leave the permitted countries."""

    mechanism: Text | Annotated[list[Name], Field(min_length=1)]  # one or several: "IDTA", ["EU SCCs", "UK Addendum"]


class Subprocessor(Section):
    """An approved subprocessor."""

    name: Name
    country: Country
    purpose: Text


class Subprocessors(Section):
    """Rules for engaging subprocessors."""

    approval: SubprocessorApproval
    objection_period: Duration | None = None
    approved: List[Subprocessor] = []


class DataProtection(Section):
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


class VulnerabilityRemediation(Section):
    """Deadlines for fixing vulnerabilities by severity."""

    critical: Duration | None = None
    high: Duration | None = None
    medium: Duration | None = None
    low: Duration | None = None


class Security(Section):
    """Security obligations."""

    certifications: List[Name] = []
    encryption_at_rest: Name | None = None
    encryption_in_transit: Name | None = None
    penetration_testing: Frequency | None = None
    vulnerability_remediation: VulnerabilityRemediation | None = None
    background_checks: bool = False
    multi_factor_authentication: bool = False


class Rate(Section):
    """A day rate for a role."""

    role: Name
    day_rate: Money


class Indexation(Section):
    """Annual price indexation."""

    index: Name
    cap: Percent | None = None
    downward: bool = Field(
        False,
        description=(
            "true if the Charges also fall when the index falls (indexation both ways); default false: they may "
            "only rise, and stay the same when the index falls"
        ),
    )


class Commercials(Section):
    """Charges, rates and payment."""

    currency: Currency
    pricing_model: PricingChoice
    monthly_charges: Money | None = None
    estimated_monthly_charges: Money | None = None  # time and materials: a budget estimate
    unit_name: Name | None = None  # per unit: e.g. "supported user", "claim processed"
    unit_definition: Text | None = Field(
        None,
        description=(
            "per unit: what one unit is and when it is counted, as the contract should say it (e.g. 'a claim first "
            "registered in the Insurer's claims system in the month'); default: a bracketed definition suited to "
            "the unit (a claim, a contact, a user …) for the Parties to complete, with a drafting note"
        ),
    )
    unit_price: Money | None = None
    estimated_monthly_units: Quantity | None = None
    rate_card: List[Rate] = []
    invoicing: Name | None = None
    payment_terms: PaymentTerms | None = None
    indexation: Indexation | None = None
    late_payment_interest: InterestRate | None = Field(
        None,
        description=(
            "simple interest on an undisputed amount paid late, in % per month (e.g. 1) or per year (e.g. '8% per annum'), never above the highest lawful rate "
            "(e.g. 1); default: 1% per month under a US state's law, elsewhere the statutory rate for late commercial "
            "payments of the governing law"
        ),
    )
    withholding_tax: Literal["deduct", "gross_up"] | None = Field(
        None,
        description=(
            "tax the client must withhold from a payment: 'deduct' (default: the supplier bears it and gets the "
            "receipts to claim relief) or 'gross_up' (the client pays extra so that the supplier receives the full "
            "amount, and the supplier passes on any credit it obtains)"
        ),
    )
    stamp_duty: Literal["client", "supplier", "shared"] | None = Field(
        None,
        description=(
            "who bears stamp duty or a similar documentary tax on the agreement where the law charges one (India, "
            "Japan, Singapore, Hong Kong ...): 'client', 'supplier' or 'shared' (equal shares); default: not addressed"
        ),
    )
    transition_charges: Money | None = Field(
        None,
        description=(
            "a one-off charge for the Transition, invoiced apart from the Charges for the Services once every Service "
            "has passed to the supplier (e.g. 120000); default none: the supplier carries out the Transition at its own "
            "cost, apart from any payments for deliverables"
        ),
    )
    tax_treatment: Literal["exclusive", "inclusive"] | None = Field(
        None,
        description=(
            "whether the Charges include the indirect tax (VAT, GST, IVA ...) on them: 'exclusive' (default: the "
            "client pays the tax in addition) or 'inclusive'; also read from an amount written with it, e.g. "
            "'NZ$48,500 plus GST', '€1,150,000 (exclusive of VAT)', 'R1 850 000,00 (VAT inclusive)', '¥12,500,000（税別）'"
        ),
    )

    @model_validator(mode="before")
    @classmethod
    def _tax_from_amounts(cls, data: Any) -> Any:
        return tax_from_amounts(data)


def tax_from_amounts(data: Any) -> Any:
    """The commercials as written, each amount's tax qualifier ("plus GST", "(VAT inclusive)") moved to
    `tax_treatment`; amounts that disagree, or disagree with `tax_treatment`, are refused."""
    if not isinstance(data, dict):
        return data
    found: dict[str, str] = {}
    cleaned = dict(data)
    for key, value in data.items():
        if isinstance(value, str) and key != "tax_treatment":
            amount, treatment = split_tax(value)
            if treatment:
                cleaned[key], found[key] = amount, treatment
    if not found:
        return data
    written = data.get("tax_treatment")
    treatments = set(found.values()) | ({written} if isinstance(written, str) else set())
    if len(treatments) > 1:
        said = ", ".join(f"{k}: {v}" for k, v in found.items())
        raise ValueError(
            f"the amounts say different things about tax ({said}"
            f"{f'; tax_treatment: {written}' if written else ''}): write each amount the same way, or the amounts "
            "without a qualifier and commercials.tax_treatment: exclusive or inclusive"
        )
    cleaned["tax_treatment"] = treatments.pop()
    return cleaned


class Insurance(Section):
    """An insurance the supplier must hold."""

    type: Name
    amount: InsuranceAmount


class Liability(Section):
    """Liability caps (multiples of annual charges) and insurance."""

    general_cap: Multiple | None = None
    data_protection_cap: Multiple | None = None
    cap_floor: Money | None = Field(
        None,
        description=(
            "the least the general cap can be in any Contract Year, as an amount; defaults to the general cap "
            "multiple of the annual charges at the effective date"
        ),
    )
    insurance: List[Insurance] = []


class Renewal(Section):
    """Automatic renewal; for a public client, or any client given `extensions`, its option to extend instead."""

    period: Duration
    notice: Duration | None = Field(
        None,
        description=(
            "automatic renewal: the notice of non-renewal that stops it (required); the client's option to extend: "
            "how long before the end of the current period the client exercises it (default 3 months, with a note)"
        ),
    )
    extensions: PositiveInt | None = Field(
        None,
        description=(
            "the client's option to extend instead of automatic renewal (any client; a public client always has an "
            "option, never automatic renewal): the most periods it may extend by (the contract then states the "
            "longest Term); a public client with none: the draft prints [●] with a note"
        ),
        examples=[2],
    )


class TerminationForConvenience(Section):
    """Either party's (or the client's) right to end the contract without cause."""

    notice: Duration


class Exit(Section):
    """Exit assistance."""

    assistance_period: Duration | None = None
    exit_plan_within: Duration | None = None


class Term(Section):
    """Duration, renewal and termination."""

    initial_term: Duration
    renewal: Renewal | None = None
    termination_for_convenience: TerminationForConvenience | None = None
    exit: Exit | None = None

    @property
    def longest(self) -> Duration | None:
        """The longest the contract can run: the initial term and every extension period the option allows, where
        both are counted in the same unit (months or years); else None."""
        renewal = self.renewal
        if renewal is None or renewal.extensions is None:
            return None
        start, step = self.initial_term, renewal.period
        if start.business or step.business:
            return None
        if start.unit == step.unit:
            return Duration(start.value + renewal.extensions * step.value, start.unit)
        months = {"month": 1, "year": 12}
        if start.unit in months and step.unit in months:
            total = start.value * months[start.unit] + renewal.extensions * step.value * months[step.unit]
            return Duration(total, "month")
        return None


class Clauses(Section):
    """Choices among the library's clause versions."""

    pin: Annotated[dict[ClauseId, PositiveInt], BeforeValidator(lambda v: {} if v is None else v)] = {}
    exclude: List[ClauseId] = []


class Employees(Section):
    """Employees on entry and exit: whether staff transfer to the supplier when the services start,
    or away from it when they end, under TUPE in the UK or the laws implementing the Acquired
    Rights Directive elsewhere."""

    transfer_on_entry: bool = Field(
        False,
        description="true if staff of the client (or of its current supplier) are expected to transfer to "
        "the supplier when the services start; false for a first-generation deal (the contract then says no "
        "transfer is intended and allocates the risk if one happens)",
    )
    transfer_on_exit: bool = Field(
        True,
        description="true if staff of the supplier may transfer to the client or a replacement supplier "
        "when the services end (the contract then requires staff information and indemnities on exit)",
    )
    non_solicitation: Duration | None = Field(
        Duration.parse("12 months"),
        description="how long after the end of the contract neither party may "
        "solicit the other's key staff; null for no restriction",
    )


class StepIn(Section):
    """The client's right to take over the services itself (or through a third party) in an emergency."""

    period: Duration = Field(Duration.parse("3 months"), description="the longest the client may step in at one time")


class Benchmarking(Section):
    """Comparing the charges with the market through an independent benchmarker."""

    frequency: Frequency = Field(description="how often the client may benchmark, e.g. 'annually'")
    first_after: Duration = Field(
        Duration.parse("12 months"),
        description="the earliest a first benchmark may start, counted from the effective date",
    )
    tolerance: Percent = Field(
        Decimal(5), description="how far above the benchmark the charges may be before they must come down, in percent"
    )


class Escrow(Section):
    """Deposit of source code with an escrow agent."""

    agent: Name = Field(description="the escrow agent, e.g. 'NCC Group Escrow Limited'")
    material: Text | None = Field(
        None,
        description="what the supplier deposits, if not the source code of "
        "the supplier's software and what is needed to build and maintain it",
    )
    update: Frequency = Field(Frequency.parse("quarterly"), description="how often the deposit is updated")


class Guarantor(Section):
    """A company (usually the supplier's parent) that guarantees the supplier's performance."""

    name: Name
    company_number: Name | None = None
    incorporated_in: Name | None = None
    address: Text


class ProcessAgent(Section):
    """The supplier's agent for service of process in the client's jurisdiction."""

    name: Name
    address: Text


class Language(Section):
    """The language of the contract and of any translations."""

    prevailing: Name = Field("English", description="the language whose text prevails")
    translations: List[Name] = Field([], description="languages into which the contract is translated")


BespokeText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50000), AfterValidator(_check_characters)
]
# A cross-reference target: a clause id (the whole clause) or a paragraph anchor ({#anchor} in the clause).
Target = Annotated[
    str, StringConstraints(strip_whitespace=True),
    _pattern(r"[a-z0-9][a-z0-9-]{0,79}", "a clause id or a paragraph anchor (lower-case letters, digits and '-')"),
]  # fmt: skip


class Rider(Section):
    """A special condition of this deal, numbered and cross-referenced like any clause."""

    after: ClauseId = Field(
        description=("the clause it follows (a clause id of the outline, or a variant's, or another rider's id)"),
        examples=["service-credits"],
    )
    title: Name = Field(description="its heading", examples=["Earn-back of Service Credits"])
    text: BespokeText = Field(
        description=(
            "its text: Markdown with the same Jinja variables as a library clause ({{ SUPPLIER }}, {{ commercials… }})"
        ),
        examples=[
            "{{ SUPPLIER|cap }} may earn back a Service Credit by meeting the Service Level for the next three months."
        ],
    )
    id: ClauseId | None = Field(
        None,
        description=("its anchor for cross-references ([](#id)); default: the title in lower case joined by '-'"),
        examples=["earn-back"],
    )

    @property
    def anchor(self) -> str:
        """Return the rider's id, or its title as an id ("Earn-back of Service Credits" → "earn-back-of-service-credits")."""

        return self.id or re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")[:80] or "rider"


def _none_is_no_override(value: Any) -> Any:
    return {} if value is None else value


_none_is_no_override.accepted_forms = {"type": "null"}  # type: ignore[attr-defined]

Overrides = Annotated[
    dict[Target, BespokeText],
    BeforeValidator(_none_is_no_override),
    Field(
        description=(
            "this deal's own text for one clause (keyed by its clause id) or one paragraph (keyed by its {#anchor}): Markdown "
            "with the same Jinja variables as the library's clauses"
        ),
        examples=[{"costs": "Each Party pays its own costs of negotiating and entering into this Agreement."}],
        json_schema_extra={"propertyNames": {"pattern": "^[a-z0-9][a-z0-9-]{0,79}$"}},
    ),
]

__all__ = ["BespokeText", "Overrides", "Rider", "Target"]
