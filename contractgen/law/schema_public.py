"""What a jurisdiction record says of the law of public contracts (its `public_sector` block): the information
laws and the auditor a public body answers to, and the terms the procurement law makes compulsory (payment
traceability, price revision, a performance guarantee, the public body's withdrawal). Read by
contractgen/law/public_sector.py."""

from __future__ import annotations

from datetime import date

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class PaymentTraceability(BaseModel):
    """A law that makes every payment under a public contract traceable: dedicated accounts, a code on each payment."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    law: str = Field(
        description="the provision as the contract cites it, e.g. 'Article 3 of Law No. 136 of 13 August 2010'"
    )
    code: str = Field(
        description="the code every payment must state, in running text, e.g. 'the tender identification code (CIG)'"
    )


class PriceRevision(BaseModel):
    """A procurement law's compulsory price revision: past a threshold change in cost, a share of the change (Italy);
    or by the change in a price index, whose terms the law requires the contract to state (Poland, Brazil)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    law: str = Field(description="the provision as the contract cites it")
    threshold_percent: float | None = Field(
        None,
        gt=0,
        le=100,
        description="the change in cost, as a percentage of the contract's value, beyond which the price is revised, "
        "where the law sets it (Italy: 5); null for a revision by index",
    )
    share_percent: float | None = Field(
        None, gt=0, le=100, description="the share of the change beyond the threshold that the revision passes on"
    )
    min_months: int | None = Field(
        None, gt=0, description="the revision is compulsory only for a contract made for more than this many months"
    )
    index: str = Field(
        "",
        description="the index the law names, in running text ('' where the contract chooses it: the deal's "
        "commercials.indexation index, else a bracketed blank with a drafting note)",
    )
    base_date: str = Field(
        "",
        description="the date from which the law measures the change, in a noun phrase, e.g. 'the date of the "
        "estimated budget (orçamento estimado) in the tender documents' ('' where the contract sets it)",
    )
    interval_months: int | None = Field(
        None, gt=0, description="the least time between two revisions the law allows, in months (Brazil: 12)"
    )
    both_ways: bool = Field(
        False, description="true where the law's change in price covers a fall as well as a rise (Poland)"
    )
    threshold_required: bool = Field(
        False, description="true where the contract must state the level of change that entitles a revision"
    )
    cap_required: bool = Field(
        False, description="true where the contract must state the largest change the revisions may make"
    )
    flow_down: bool = Field(
        False, description="true where a contractor whose price is revised must revise its subcontractors' in turn"
    )

    @model_validator(mode="after")
    def _one_kind(self) -> "PriceRevision":
        """A revision is either by threshold and share (both given) or by index (neither)."""
        if (self.threshold_percent is None) != (self.share_percent is None):
            raise ValueError("threshold_percent and share_percent are given together or not at all")
        return self


class PerformanceGuarantee(BaseModel):
    """A procurement law's guarantee of performance that the supplier gives before signing."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    law: str = Field(description="the provision as the contract cites it")
    name: str = Field(
        description="the guarantee's name in running text, e.g. 'a definitive guarantee (garanzia definitiva)'"
    )
    percent: float = Field(gt=0, le=100, description="its amount as a percentage of the contract's value")


class Withdrawal(BaseModel):
    """A procurement law's right of a public body to withdraw from a contract at any time, against a statutory payment."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    law: str = Field(description="the provision as the contract cites it")
    notice_days: int = Field(gt=0, description="the least notice of withdrawal, in days")
    unperformed_percent: float = Field(
        ge=0,
        le=100,
        description="the share of the value of the services not yet performed paid on top of those performed",
    )


PublicBodyKind = Literal[
    "government_department", "local_authority", "agency", "statutory_body", "health_body", "state_owned_company"
]


class PublicBodyTerms(BaseModel):
    """What differs for one kind of national public body (a statutory board audited by its own auditor, a code
    that binds government departments only); a field left out keeps the record's general value."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    information_laws: list[str] | None = Field(None, description="the information laws this kind is subject to")
    information_code: str | None = Field(None, description="the administrative access code this kind applies, or ''")
    audit_office: str | None = Field(None, description="the public auditor of this kind of body, or ''")
    audit_office_plural: bool | None = Field(None, description="the auditor is several persons: 'them'")
    procurement_law: str | None = Field(
        None,
        description=(
            "the procurement law this kind applies, as cited, at every level (a state-owned company's own law; a "
            "public hospital that contracts under private law: '')"
        ),
    )
    termination_grounds: str | None = Field(
        None,
        description=(
            "a provision that lets this kind terminate its contracts, at every level, or '' where none does (its "
            "contracts are private-law contracts)"
        ),
    )
    arbitration_publicity: str | None = Field(
        None,
        description=(
            "state_owned_company: the provision that makes an arbitration to which such a company is a party public "
            "(it is part of the public administration the provision names), as cited, or ''"
        ),
    )
    privacy: list[str] | None = Field(
        None,
        description=(
            "the data protection laws that govern this kind's processing, as a deal lists them, where different "
            "(a NSW public health body: ['PPIPA', 'HRIPA'])"
        ),
    )
    sources: list[str] | None = Field(None, description="where this kind's entry was read, where not the record's")


class RegionLaw(BaseModel):
    """The public-sector law of one region of a federal country (a canton, Land, state or province): what binds
    that region's own bodies, and its local ones where the region's law reaches them."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: str = Field(description="the region in running text, e.g. 'the Canton of Zurich'")
    names: list[str] = Field(
        min_length=1,
        description=(
            "the words that name the region in a public body's name, representative or address, matched as whole "
            "words, e.g. ['Canton of Zurich', 'Kanton Zürich', 'Zurich', 'Zürich']; the first the region's own"
        ),
    )
    information_laws: list[str] = Field(
        [], description="the laws that give the public access to information the region's bodies hold, as cited"
    )
    audit_office: str = Field("", description="the region's public auditor, as the contract names it")
    audit_office_plural: bool = Field(False, description="true where audit_office names several persons")
    local_information_laws: list[str] | None = Field(
        None, description="those a local body in the region is subject to, where recorded (null: not recorded)"
    )
    local_audit_office: str | None = Field(
        None, description="the auditor of the region's local bodies, where recorded ('' for none named)"
    )
    privacy: list[str] = Field(
        [],
        description=(
            "the data protection laws that govern the processing of the region's bodies (and its local ones), as "
            "a deal lists them under data_protection.regulations, e.g. ['EU GDPR', 'BayDSG']; empty where not "
            "recorded (the processor terms of the country's general law are then drafted, with a note)"
        ),
    )
    secrecy: str = Field(
        "",
        description=(
            "the official-secrecy law that reaches the supplier's personnel who work for the body, as the "
            "contract cites it, where the law provides one, e.g. 'Article 320 of the Swiss Criminal Code'"
        ),
    )
    note: str = Field("", description="what the sources do not settle, for the lawyer who checks the record")
    sources: list[str] = Field(min_length=1, description="the official citation of each law and where it is published")
    as_of: date = Field(description="the date these facts were last checked against their sources")


class PublicSectorLaw(BaseModel):
    """What the law brings to a contract whose client is a public body (contractgen/law/public_sector.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    information_laws: list[str] = Field(
        [],
        description=(
            "the freedom-of-information or official-information laws a public body is subject to, as cited, e.g. "
            "'the Freedom of Information Act 2000'"
        ),
    )
    local_information_laws: list[str] = Field(
        [],
        description=(
            "those a local authority is subject to instead, where different (e.g. LGOIMA 1987 in New Zealand)"
        ),
    )
    no_information_statute: bool = Field(
        False,
        description=(
            "true where no statute gives the public a general right of access to information a public body holds "
            "(Singapore; Hong Kong, whose Code on Access to Information is administrative): the contract then "
            "imposes no freedom-of-information duty"
        ),
    )
    information_code: str = Field(
        "",
        description=(
            "an administrative code, not a statute, under which public bodies give access to information on request, "
            "as cited, e.g. 'the Code on Access to Information'"
        ),
    )
    local_information_code: str = Field(
        "",
        description=(
            "the code a local authority applies instead, where different; '' where the national code does not bind "
            "local authorities (the Philippines' Executive Order No. 2 binds the executive branch only)"
        ),
    )
    audit_office: str = Field("", description="the public auditor who may examine the use of public money")
    local_audit_office: str = Field("", description="the local authorities' auditor, where different")
    audit_office_plural: bool = Field(
        False, description="true where audit_office names several persons ('the auditors …'): the contract says them"
    )
    local_audit_office_plural: bool = Field(False, description="true where local_audit_office names several persons")
    federal: bool = Field(
        False,
        description=(
            "true where the information laws and the auditor above bind the federal (national) bodies only: a "
            "regional body (a Land, canton, state or province) answers to its own law, recorded in the regional_ "
            "fields where known, and a local body to its own or its region's"
        ),
    )
    state_level: bool = Field(
        False,
        description=(
            "true for the record of a state, province or devolved nation (Ontario, New South Wales, New York, "
            "Scotland): its laws bind that state's bodies and its local ones, so an unstated level is the state's, "
            "and a body the deal calls national (federal) gets none of them"
        ),
    )
    regional_information_laws: list[str] = Field(
        [], description="the information laws a regional body (a state's or province's) is subject to, where recorded"
    )
    regional_audit_office: str = Field("", description="the regional bodies' auditor, where recorded")
    regional_audit_office_plural: bool = Field(
        False, description="true where regional_audit_office names several persons"
    )
    regions: dict[str, RegionLaw] = Field(
        {},
        description=(
            "a federal country's regions by ISO 3166-2 code (CH-ZH, DE-BY): the law of each region's own bodies, "
            "read for a regional or local body whose name, representative or address names the region"
        ),
    )
    privacy: list[str] = Field(
        [],
        description=(
            "where the general privacy law does not bind the national public bodies: the data protection laws that "
            "do, as a deal lists them under data_protection.regulations (empty where not recorded: the general "
            "law's processor terms are then drafted, with a note)"
        ),
    )
    secrecy: str = Field(
        "",
        description="the official-secrecy law that reaches the supplier's personnel working for a national body, as cited",
    )
    arbitration_publicity: str = Field(
        "",
        description=(
            "the provision that makes an arbitration to which the public administration is a party public, not "
            "confidential, as a contract cites it, e.g. 'Article 2(3) of Law No. 9,307 of 23 September 1996'"
        ),
    )
    by_kind: dict[PublicBodyKind, PublicBodyTerms] = Field(
        {},
        description="what differs for a kind of national public body, e.g. a statutory body with its own auditor",
    )
    procurement_law: str = Field("", description="the public procurement law, as cited")
    termination_grounds: str = Field(
        "",
        description=(
            "the provision that lets a public body terminate a public contract, e.g. 'section 78 of the Procurement "
            "Act 2023'"
        ),
    )
    local_procurement_law: str | None = Field(
        None, description="the procurement law a local body applies instead, where different (South Africa's MFMA)"
    )
    local_termination_grounds: str | None = Field(
        None, description="the provision that lets a local body terminate a public contract instead, where different"
    )
    subcontracting: str = Field(
        "", description="the provision under which a public body authorises each subcontract, where the law has one"
    )
    delay_penalties: str = Field(
        "", description="the provision that makes a public contract set penalties for each day of delay, where one does"
    )
    payment_traceability: PaymentTraceability | None = Field(
        None, description="the rule that every payment under a public contract be traceable, where the law has one"
    )
    price_revision: PriceRevision | None = Field(
        None, description="the price revision the procurement law makes compulsory, where it does"
    )
    performance_guarantee: PerformanceGuarantee | None = Field(
        None, description="the performance guarantee the procurement law requires, where it does"
    )
    withdrawal: Withdrawal | None = Field(
        None,
        description="the public body's statutory right to withdraw from the contract at any time, where it has one",
    )
    note: str = Field("", description="what the sources do not settle, for the lawyer who checks the record")
    sources: list[str] = Field(min_length=1, description="the official citation of each law and where it is published")
    as_of: date = Field(description="the date these facts were last checked against their sources")


class InformationLawTerms(BaseModel):
    """What an official-information or communications record adds: the records law beside it, any secrecy it
    imposes, the limits it puts on traffic and location data."""

    records_law: str = Field(
        "",
        description="for an official-information law: the law that requires the public body to keep its records "
        "(the information law itself often requires none), e.g. 'the Public Records Act 2005'",
    )
    secrecy: str = Field(
        "",
        description="where the law also makes information the public body holds secret: that secrecy as the "
        "contract names it, e.g. 'secrecy under the Public Access to Information and Secrecy Act (2009:400)'",
    )
    supplier_confidentiality_law: str = Field(
        "", description="the statute that binds a private provider of outsourced IT operations to confidentiality"
    )
    traffic_data: str = Field(
        "",
        description="for an electronic-communications rule: the provisions that limit who may process traffic and "
        "location data, for what and for how long, as the contract cites them (a country's in national_laws)",
    )
