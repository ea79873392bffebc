"""Deal options for the commercial choices a lawyer makes beyond the service: staff transfer,
step-in, benchmarking, escrow, a guarantor, an agent for service of process, languages.

Every section has defaults that describe the usual first draft, so a deal that says nothing
about them still gets the provisions a lawyer expects (see each field's description).
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from contractgen.values.durations import Duration, Frequency
from contractgen.deal.fields import List, Name, Percent, Text, Section


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
