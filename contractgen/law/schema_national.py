"""What a jurisdiction record says of the rules that follow the parties' country rather than the contract's
wording: the language a contract must be made in, whether ending a contract for breach needs a court, the
secrecy a bank's service providers owe, the working week, and the form a transfer of copyright takes.

Each block is a fact with its own `sources` and `as_of`; a block left out is a fact not yet checked, and the
clauses keep their general wording for it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from contractgen.law.schema_public_contracts import PublicContractsLaw
from contractgen.law.schema_terms import Fact, Mediation

Weekday = Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class ContractLanguage(Fact):
    """A law requiring contracts made by the country's companies to be made in its national language."""

    language: str = Field(description="the language the law requires, as a contract names it, e.g. 'Indonesian'")
    parties: Literal["any", "all"] = Field(
        description=(
            "any: the law applies where any party is established in the country; all: only where every party is"
        )
    )
    prevails: Literal["agreed", "national"] = Field(
        description=(
            "agreed: the parties may add a text in another language and choose which text prevails; national: "
            "the text in the national language must be the one that prevails"
        )
    )
    correspondence: bool = Field(
        False, description="true if the law also requires the parties' correspondence with each other in the language"
    )
    law: str = Field(description="the provisions as a contract cites them")


class CourtTermination(Fact):
    """Whether ending a reciprocal contract for the other party's breach needs a court's decision."""

    court_needed: bool = Field(description="true if a contract ended for breach is ended only by a court's decision")
    waivable: bool = Field(description="true if the parties may agree that no court's decision is needed")
    law: str = Field(description="the provisions as a contract cites them, e.g. 'Articles 1266 and 1267 of the …'")


class BankSecrecy(Fact):
    """The statutory secrecy a bank owes its customers, and who else it binds."""

    law: str = Field(description="the provision as a contract cites it, e.g. 'Article 73 of the Banking Law No. 5411'")
    covers: str = Field(description="the information it protects, as a contract describes it, in a noun phrase")
    providers_bound: bool = Field(
        description="true if the law itself binds the bank's service providers and their staff, not only the bank"
    )
    after_end: bool = Field(True, description="true if the duty continues after the relationship ends")


class InsurerSecrecy(BankSecrecy):
    """The statutory secrecy an insurer owes the people it insures, and who else it binds."""

    extent: str = Field(
        "",
        description="the insurance business it covers, where not all of an insurer's, as a contract says it after "
        "'so far as it carries on', e.g. 'private health, accident or life insurance business'",
    )
    undertaking: str = Field(
        "",
        description="the provision that makes the insurer answerable unless each person helping it is bound to "
        "secrecy, where the law has one, as a contract cites it",
    )


class WorkingWeek(Fact):
    """The days of the week that are not working days where the law or the country's practice sets them."""

    weekend: list[Weekday] = Field(
        min_length=1, description="the days that are not working days, e.g. [Friday, Saturday]"
    )


class CopyrightTransfer(Fact):
    """The form a transfer of an author's economic rights takes under the law."""

    fields_listed: bool = Field(
        description="true if a transfer or licence covers only the fields of exploitation (uses) it lists expressly"
    )
    unknown_fields: bool = Field(
        description="true if a transfer may cover uses not known when the contract is made; false if the law voids it"
    )
    written: str = Field("", description="the provision requiring written form, as cited, where the law requires it")
    law: str = Field(description="the provisions as a contract cites them")
    fields: list[str] = Field(
        min_length=1,
        description="the fields of exploitation the contract lists for software and documents, each a noun phrase",
    )


class LimitedCourt(BaseModel):
    """A court whose jurisdiction the law limits to listed subjects, which the parties cannot widen by agreement."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    court: str = Field(description="the court as a deal names it, e.g. 'Federal High Court'")
    law: str = Field(description="the provision that lists its subjects, as cited")
    subjects: str = Field(description="what it hears, in a clause, for the drafting note")


class BreachNotice(Fact):
    """A breach-notification statute of the place: what a person holding another's data owes its owner."""

    law: str = Field(description="the statute as a contract cites it, e.g. 'section 521.053 of the Texas Business …'")
    holder: str = Field(description="when a person that maintains data it does not own must tell the owner")
    authority: str = Field("", description="the authority the owner notifies, with when, as a contract says it")


class ServiceAgent(Fact):
    """An agent in the country to whom a party established abroad may be served with court documents, where the
    country's procedural law recognises one that a party appoints by agreement."""

    agent: str = Field(description="the agent as a contract names it after 'its', e.g. 'authorised recipient for service "
                       "(Zustellungsbevollmächtigter)'")  # fmt: skip
    law: str = Field(description="the provision that gives service on the agent the effect of service on the party")
    written_authority: bool = Field(False, description="true if the agent must show a written authority to be served")
    abroad: str = Field(description="how a party abroad with no agent is served, for the drafting note, in a clause")


class KindWords(BaseModel):
    """How the law of a place names a kind of party that is not a company, where it differs from the general words."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    kind: str = Field(description="the deal's kind: local_authority, charity, trust, partnership, statutory_body …")
    level: str = Field("", description="only for a public body of this level (national, regional, local); '' for any")
    words: str = Field(
        "", description="the kind as a contract names it after the party's name, e.g. 'a county government'"
    )
    under: str = Field("", description="the law that constitutes such a body, where the deal names none")
    charity_register: str = Field(
        "", description="a charity's or trust's register, e.g. 'the Charity Commission for England and Wales'"
    )
    sources: list[str] = Field(min_length=1, description="the official source of the words, one a line")


class NationalLaw(PublicContractsLaw):
    """The jurisdiction-record fields of this module (and a public body's contract formalities), mixed into the
    record's model."""

    contract_language: ContractLanguage | None = Field(
        None, description="a law requiring the country's companies to make their contracts in its national language"
    )
    court_termination: CourtTermination | None = Field(
        None, description="whether ending a contract for breach needs a court's decision, and whether it can be waived"
    )
    bank_secrecy: BankSecrecy | None = Field(
        None, description="the statutory secrecy a bank in the country owes its customers, and whom it binds"
    )
    insurer_secrecy: InsurerSecrecy | None = Field(
        None,
        description="the statutory secrecy an insurer in the country owes the people it insures, and whom it binds",
    )
    working_week: WorkingWeek | None = Field(
        None, description="the weekend where it is not Saturday and Sunday (Israel, the Gulf)"
    )
    copyright_transfer: CopyrightTransfer | None = Field(
        None, description="the form a transfer of copyright takes: fields of exploitation listed, written form"
    )
    limited_courts: list[LimitedCourt] = Field(
        [], description="courts whose jurisdiction the law limits to listed subjects, which an agreement cannot widen"
    )
    limited_courts_sources: list[str] = Field([], description="the sources of those limits")
    mediation: Mediation | None = Field(
        None, description="the usual mediation body for disputes before the country's courts, for a tiered clause"
    )
    service_agent: ServiceAgent | None = Field(
        None, description="the agent for service a party abroad may appoint before the country's courts, where one is"
    )
    party_kinds: list[KindWords] = Field(
        [],
        description="how the law names kinds of party that are not companies, where it differs from the general words",
    )
    breach_notice: BreachNotice | None = Field(
        None, description="the place's data-breach notification statute, for a supplier that holds the client's data"
    )
