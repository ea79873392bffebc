"""What a financial regulator's outsourcing record adds: the terms its rules require an outsourcing agreement of a
regulated client to contain, beyond audit and access for its named authority: where the client's systems must be,
the regulator's approval the arrangement needs first, and the other authorities that must have access to the
supplier's premises, wherever they are.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class RegulatorApproval(BaseModel):
    """The regulator's approval a client needs before an outsourcing arrangement (or a part of it) may start."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    what: str = Field(
        description="the approval as a contract names it, e.g. 'the written approval of Bank Negara Malaysia'"
    )
    needed_for: str = Field(
        description="what needs it, as a noun phrase a contract can say 'where … needs it' of, e.g. 'a material "
        "outsourcing arrangement' or 'placing an electronic system outside Indonesia'"
    )
    provision: str = Field("", description="the provision that requires it, as a contract cites it, where read")


class OutsourcingTerms(BaseModel):
    """The terms a financial regulator's rules require in a regulated client's outsourcing agreement."""

    systems_location: str = Field(
        "", description="the country where the regulated client's electronic systems must be placed, as a country name"
    )
    systems_abroad: str = Field(
        "",
        description="when they may be placed elsewhere and under which provision, as a contract says it, e.g. 'only "
        "with the prior approval of the Financial Services Authority (Article 35 of the regulation)'",
    )
    approval: RegulatorApproval | None = Field(
        None, description="the regulator's approval the arrangement needs before it starts, where the rules require one"
    )
    access_authorities: list[str] = Field(
        [],
        description="the authorities, beside the record's own authority, that the rules say must have access to the "
        "supplier's premises, systems and records, wherever they are (e.g. ['Bank Indonesia'])",
    )
    terms_sources: list[str] = Field(
        [], description="the provisions that require these terms (approval, location, access), one a line"
    )
