"""The deal's data-protection, security, commercial, liability and term sections (data only)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field

from contractgen.values.durations import Duration, Frequency
from contractgen.deal.fields import (
    ClauseId, Country, Currency, InsuranceAmount, List, Money, InterestRate, Multiple, Name, Percent, PositiveInt, PricingChoice,
    PaymentTerms, Quantity, Role, Section, SubprocessorApproval, Text,
)  # fmt: skip


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
    transition_charges: Money | None = Field(
        None,
        description=(
            "a one-off charge for the Transition, invoiced apart from the Charges for the Services once every Service "
            "has passed to the supplier (e.g. 120000); default none: the supplier carries out the Transition at its own "
            "cost, apart from any payments for deliverables"
        ),
    )


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
    """Automatic renewal."""

    period: Duration
    notice: Duration


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


class Clauses(Section):
    """Choices among the library's clause versions."""

    pin: Annotated[dict[ClauseId, PositiveInt], BeforeValidator(lambda v: {} if v is None else v)] = {}
    exclude: List[ClauseId] = []
