"""What a jurisdiction record says of its commercial law: the late-payment rule, the tax on supplies,
the anti-bribery law, the insolvency terms and how a contract is executed; and what the law of a place of
work says of employees moving to a new provider and of a supplier whose own workers serve a client; and the
facts of arbitration records: an institution's rules, a seat's courts, a state's place in a treaty.

Each block is a fact with its own `sources` and `as_of`, so a lawyer can add one without the others;
a field left `null` is a fact not yet checked against an official source (never a guess).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Fact(BaseModel):
    """A block of facts from official sources: where they come from and when they were checked."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    note: str = Field("", description="what a drafter should know that the fields do not say, in one sentence")
    sources: list[str] = Field(
        min_length=1, description="the official citation of each fact and where its text is published, one a line"
    )
    as_of: date = Field(description="the date these facts were last checked against their sources (YYYY-MM-DD)")


class Mediation(Fact):
    """Who appoints a mediator when the parties cannot agree on one: an arbitral institution's own mediation
    service, or the usual mediation body of a seat."""

    body: str = Field(description="who appoints the mediator, as a contract names it, e.g. 'the Hong Kong "
                      "International Arbitration Centre'")  # fmt: skip
    rules: str | None = Field(None, description="the mediation rules it administers, e.g. 'the HKIAC Mediation Rules'")


class SeatCourts(Fact):
    """The courts that alone hear applications under the arbitration law of a seat (interim measures and the
    other court powers), where that law gives them to the courts of the seat and not to any court."""

    courts: str = Field(description="those courts, as a contract names them, e.g. 'the courts at Mumbai'")
    law: str = Field(description="the arbitration law that gives them those applications, as a contract names it")


class SeatSupervision(Fact):
    """The courts an arbitration law names for its supervisory functions at a seat (appointing and challenging
    arbitrators, setting aside an award), where they are not the only courts that hear every application (interim
    measures may still come from others): information for the drafter, not wording the clause states."""

    courts: str = Field(description="those courts, as the law names them, e.g. 'the Civil Courts of Appeal'")
    law: str = Field(description="the arbitration law, as a contract names it")
    provisions: str = Field("", description="the provisions that give them those functions, and what they say")


class DomesticRules(Fact):
    """An institution's rules for a dispute between parties both established in its own country, where its other
    rules are for international arbitration (Bogotá: the national rules; Law 1563 of 2012)."""

    name: str = Field(description="the title of those rules, as a contract names them")
    law: str = Field(description="the law that makes such an arbitration national, as a contract names it")


class ForumRules(BaseModel):
    """An arbitration institution's rules in force."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: str = Field(description="the title of the rules, e.g. 'the ICC Arbitration Rules'")
    edition: int | str | None = Field(None, description="the edition in force, e.g. 2021")
    in_force: date | None = Field(None, description="the date the edition came into force")
    emergency_arbitrator: bool | None = Field(
        None, description="whether the rules provide an emergency arbitrator (null: not confirmed from the sources)"
    )
    emergency_provision: str | None = Field(None, description="the provision, e.g. 'Article 29 and Appendix V'")
    expedited: bool | None = Field(
        None, description="whether the rules provide an expedited procedure (null: not confirmed)"
    )
    expedited_provision: str | None = Field(None, description="the provision, e.g. 'Article 30 and Appendix VI'")
    expedited_by_agreement_only: bool = Field(
        False, description="true if the expedited procedure applies only when the parties agree to it"
    )
    domestic: DomesticRules | None = Field(None, description="its rules for parties both established in its country")
    note: str | None = Field(None, description="what a drafter should know about the rules, in one sentence")


class TreatyState(BaseModel):
    """A state recorded as party to a treaty."""

    model_config = ConfigDict(extra="allow", frozen=True)

    name: str = Field(description="the state's name")
    territory_of: str | None = Field(
        None, description="for a territory: the contracting state that extended the treaty"
    )
    joined: date | None = Field(None, description="the date of its ratification, accession or succession")
    by: Literal["ratification", "accession", "succession"] | None = Field(
        None, description="how it became a party, as the depositary's status list says"
    )
    in_force: date | None = Field(
        None, description="the date the treaty entered into force for it, where a source gives that and not `joined`"
    )
    reciprocity: bool | None = Field(
        None,
        description="true: it applies the Convention only to awards made in another contracting state (Article I(3)); "
        "false: the status page shows no such declaration; null: not checked",
    )
    commercial: bool | None = Field(
        None,
        description="true: it applies the Convention only to relationships its law considers commercial "
        "(Article I(3)); false: no such declaration; null: not checked",
    )
    note: str | None = Field(None, description="what else its declarations say, in one sentence")


class LatePayment(Fact):
    """Interest on late payments between businesses that the law gives without the contract stating a rate."""

    statutory: bool | None = Field(
        description=(
            "true if a statute gives interest on late commercial payments without the contract stating a rate; "
            "false if none does (the contract must state its own rate); null if not yet checked"
        )
    )
    rate: str | None = Field(
        None, description="the statutory rate as a contract states it, e.g. 'the Bank of England base rate plus 8%'"
    )
    law: str | None = Field(None, description="the provision that sets it, as the contract cites it")
    applies_to: str = Field(
        "",
        description="whose debts it covers where not every business's, e.g. 'payments to micro and small enterprises'",
    )
    no_interest: bool = Field(
        False,
        description=(
            "true where the law does not allow interest on a debt (Sharia: riba), so the contract charges none and "
            "provides for recovery costs actually incurred instead"
        ),
    )
    mandatory: bool = Field(
        False,
        description=(
            "true where terms excluding or limiting the statutory interest are void, so a contractual rate applies "
            "only where it gives the creditor more"
        ),
    )
    compensation: str = Field(
        "", description="a fixed sum the law adds for the costs of recovering a late payment, as a contract states it"
    )
    accrual: Literal["simple", "compound"] | None = Field(
        None,
        description=(
            "how the statutory interest accrues, as the statute says: 'simple' (unpaid interest earns none, at least "
            "until it is claimed in court), 'compound' (unpaid interest is added to the sum it runs on); null if not "
            "yet checked"
        ),
    )
    compounding: str = Field(
        "", description="where it compounds: when unpaid interest is added, as a contract states it, e.g. 'each year'"
    )
    accrual_law: str = Field(
        "", description="the provision that says how it accrues, as the contract cites it, e.g. '§ 289 BGB'"
    )


class Tax(Fact):
    """The tax on supplies of services that invoices state separately."""

    name: str | None = Field(
        description="the tax as the contract names it, e.g. 'goods and services tax'; null if unknown"
    )
    short: str | None = Field(None, description="its usual short name, e.g. 'GST', 'VAT'")
    law: str | None = Field(None, description="the statute that imposes it, as cited")
    invoice: str | None = Field(
        None,
        description="the electronic invoice a supplier established there must issue, as a contract names it, e.g. "
        "'a digital tax receipt (CFDI) under Articles 29 and 29-A of the Federal Tax Code'",
    )
    invoice_abroad: str | None = Field(
        None,
        description="the invoice a supplier established there issues for services supplied to a buyer abroad, where "
        "it is not `invoice` (neutral wording where no official text says which), e.g. 'a valid VAT invoice (fapiao) "
        "of the kind PRC law requires for the supply'",
    )
    exports: str | None = Field(
        None,
        description="how a supplier established there taxes services used abroad, in a clause after 'will charge "
        "it', e.g. 'at the 0% rate where Article 29 of the Value Added Tax Law allows it'",
    )


class AntiBribery(Fact):
    """The anti-bribery laws a compliance clause names."""

    laws: list[str] = Field(description="each law as the contract cites it, e.g. 'the Bribery Act 2010'; [] if unknown")


class Insolvency(Fact):
    """The insolvency proceedings and office-holders a termination-on-insolvency clause names."""

    proceedings: list[str] = Field(
        [], description="the proceedings by their names in this law, e.g. 'liquidation', 'administration'"
    )
    officeholders: list[str] = Field([], description="the office-holders appointed in them, e.g. 'liquidator'")
    law: str | None = Field(None, description="the insolvency statute, as cited")
    events: list[str] = Field(
        [],
        description=(
            "the insolvency and restructuring procedures of this law that a company incorporated here may enter, each "
            "as an event that completes 'an Insolvency Event occurs in relation to a Party if …', naming its provision "
            "(e.g. 'a moratorium under Part A1 of the Insolvency Act 1986 comes into force for it'); the insolvency "
            "clause lists them for each party incorporated here, whatever law governs the contract"
        ),
    )
    individual_events: list[str] = Field(
        [],
        description=(
            "the bankruptcy and debt-relief procedures of this law for an individual (a sole trader or a person "
            "contracting in their own name), each as an event that completes 'an Insolvency Event occurs in relation "
            "to the Contractor if …' and names its statute (e.g. 'a bankruptcy order is made against them under "
            "Part 9 of the Insolvency Act 1986'); the insolvency clause lists them for an individual party under this "
            "law instead of a company's winding up and administration"
        ),
    )


class Execution(Fact):
    """How a company executes a commercial contract under this law."""

    signing: str | None = Field(None, description="who signs for a company, in one sentence; null if not checked")
    seal: bool | None = Field(
        None, description="true if a company seal or chop is needed or customary; false if not; null if not checked"
    )
    witnesses: bool | None = Field(
        None, description="true if a simple commercial contract needs witnesses; false if not; null if not checked"
    )
    e_signature: bool | None = Field(
        None, description="true if the law accepts electronic signatures for a commercial contract; null if not checked"
    )
    e_signature_law: str | None = Field(None, description="the statute that recognises electronic signatures, as cited")
    e_signature_kind: Literal["qualified"] | None = Field(
        None,
        description="qualified: only a qualified electronic signature satisfies written form, so the contract names it",
    )
    arbitration_authority: str | None = Field(
        None,
        description=(
            "the provision under which a legal person's representative may agree to arbitration only with authority "
            "to do so (an arbitration agreement made without it is void), as the contract cites it, e.g. 'Article "
            "4(1) of Federal Law No. 6 of 2018 on Arbitration'; null where the law has none or it was not checked"
        ),
    )


class ThirdPartyRights(Fact):
    """Whether a person who is not a party can enforce a term the contract makes for its benefit."""

    enforce: Literal["direct", "through_party"] | None = Field(
        None,
        description=(
            "direct: a statute or the general law lets a third party enforce a term given to it; through_party: "
            "privity of contract bars it, so a party holds the benefit for the third party and enforces it on its "
            "behalf; null if not checked"
        ),
    )
    law: str | None = Field(None, description="the statute that gives third parties rights, as cited, where one does")


class ProportionateLiability(Fact):
    """A statute that apportions a claim for economic loss among concurrent wrongdoers, and whether a contract may
    exclude it."""

    law: str = Field(description="the provisions as the contract cites them, e.g. 'Part 4 of the Civil Liability Act'")
    excludable: bool = Field(description="true if the statute lets the parties to a contract exclude it")
    exclusion_law: str = Field("", description="the provision that lets them, as cited, where there is one")


class StateStampLaw(BaseModel):
    """The stamp law of one State of a federal country, for an agreement executed there."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    state: str = Field(description="the State, e.g. 'Tamil Nadu'")
    places: list[str] = Field(min_length=1, description="the State's name and cities an address names, e.g. 'Chennai'")
    law: str = Field(description="its stamp law as cited, e.g. 'the Maharashtra Stamp Act, 1958'")


class StampDuty(Fact):
    """A duty charged on the agreement itself as an instrument, and what befalls it unstamped."""

    law: str = Field(description="the stamp laws, as cited, e.g. 'the Indian Stamp Act, 1899 and the State stamp acts'")
    unstamped: str = Field(
        "", description="what the law does with an instrument not duly stamped, in a clause, e.g. 'is not admitted …'"
    )
    states: list[StateStampLaw] = Field(
        [], description="each State's own stamp law, named where both parties' addresses are in that State"
    )


class RestraintOfTrade(Fact):
    """A statute that voids contracts restraining anyone from a lawful profession, trade or business."""

    law: str = Field(description="the provision as the contract cites it, e.g. 'section 16600 of the ... Code'")
    employee_non_solicitation: Literal["enforceable", "confidential_information_only"] = Field(
        description=(
            "enforceable: a covenant between businesses not to solicit each other's employees stands if reasonable; "
            "confidential_information_only: it is void except as far as it protects trade secrets or confidential "
            "information"
        )
    )


class Indemnity(Fact):
    """How the law reads an indemnity: whether it reaches claims between the parties themselves."""

    between_parties: Literal["express_words"] | None = Field(
        None,
        description=(
            "'express_words' where an indemnity covers the indemnified party's own claims against the indemnifier, "
            "and its legal fees in them, only if the contract says so unmistakably; null if not checked"
        ),
    )
    authority: str = Field("", description="the decision or provision that says so, as cited")


class CompanyForm(BaseModel):
    """One form of company the law of its place of incorporation knows, told by how its name ends."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    names: list[str] = Field(
        min_length=1, description="the endings of a company's name that mark the form, e.g. ['Inc.', 'Corporation']"
    )
    described: str = Field(description="how a contract describes a company of the form, e.g. 'a Delaware corporation'")
    organised: str = Field(
        "incorporated", description="the verb for how it came into being: incorporated, formed, organised, registered"
    )


class CompanyNumber(BaseModel):
    """One of the numbers a company may be given by, told by its pattern, and what the register calls it."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    pattern: str = Field(description="a regular expression the whole number matches, e.g. '^[A-Z]{2}-?\\d{1,7}$'")
    label: str = Field(description="what the number is called before it, e.g. 'REA number'")
    in_register: bool = Field(
        True, description="false where it is not the company's number in the companies register (a REA number)"
    )


class Companies(Fact):
    """How a company incorporated under this law is described and signs for itself."""

    forms: list[CompanyForm] = Field(min_length=1, description="the forms a company's name can mark")
    office: str = Field(
        "registered office",
        description="the office a contract gives as its address, e.g. 'principal place of business' where the "
        "registered office is a registered agent's",
    )
    number: str = Field("", description="what its number in the register is called, e.g. 'file number', 'ACN'")
    representative: str = Field(
        "",
        description="where a company acts through a legal representative whose powers are granted by public deed: "
        "how a contract says so; '' where its officers sign",
    )
    numbers: list[CompanyNumber] = Field(
        [], description="where a company may be given by more than one number: each, told by its pattern"
    )
    particulars: str = Field(
        "",
        description="what the law requires a company to state in its contracts, as a noun phrase with its provision, "
        "e.g. 'its Companies Register office and number and its paid-up share capital (Article 2250 of the Civil "
        "Code)'; a draft asks for them",
    )


class LimitedLiabilityPartnerships(Fact):
    """How a limited liability partnership registered under this law signs for itself."""

    signatory: str = Field(
        description=(
            "who signs for it, as the law calls them: 'designated partner' (India), 'member' (the United Kingdom)"
        ),
    )
    law: str = Field("", description="the statute that constitutes it, as cited")


class SigningForm(BaseModel):
    """How a company of one form is usually represented when it signs, by the statute's section on representation."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    names: list[str] = Field(min_length=1, description="the endings of a company's name that mark the form ('AG')")
    capacities: list[str] = Field(
        min_length=1,
        max_length=2,
        description="the capacity of each person who signs, one a signature line: two where the statute has two "
        "sign together unless the articles say otherwise, one where the articles or the register decide",
    )
    rule: str = Field(description="how the statute has the company represented, with its section, in one sentence")


class Signing(Fact):
    """Who signs for a company of each form the statute on that form names (its section on representation)."""

    forms: list[SigningForm] = Field(min_length=1, description="the forms, told by how a company's name ends")


class CommercialLaw(BaseModel):
    """The jurisdiction-record fields of this module, mixed into the record's model."""

    late_payment: LatePayment | None = Field(
        None, description="interest on late commercial payments the law gives without a contractual rate"
    )
    tax: Tax | None = Field(None, description="the tax on supplies of services (VAT, GST, sales tax …)")
    anti_bribery: AntiBribery | None = Field(None, description="the anti-bribery laws a compliance clause names")
    insolvency: Insolvency | None = Field(None, description="the insolvency proceedings and office-holders it names")
    execution: Execution | None = Field(
        None, description="execution formalities: who signs, seals or chops, witnesses, electronic signatures"
    )
    third_party_rights: ThirdPartyRights | None = Field(
        None, description="whether a person who is not a party can enforce a term made for its benefit"
    )
    proportionate_liability: ProportionateLiability | None = Field(
        None, description="a statute apportioning claims for economic loss among wrongdoers, and its exclusion"
    )
    stamp_duty: StampDuty | None = Field(
        None, description="a stamp duty on the agreement as an instrument, where the law charges one"
    )
    restraint_of_trade: RestraintOfTrade | None = Field(
        None, description="a statute voiding restraints on a lawful profession, trade or business, and its reach"
    )
    companies: Companies | None = Field(
        None, description="how a company incorporated under this law is described and signs, by its form"
    )
    indemnity: Indemnity | None = Field(
        None, description="whether an indemnity reaches claims between the parties only in express words"
    )
    llp: LimitedLiabilityPartnerships | None = Field(
        None, description="how a limited liability partnership registered under this law signs"
    )
    signing: Signing | None = Field(
        None, description="who signs for a company, by its form, as the statute's section on representation says"
    )


class EmployeeTransfer(BaseModel):
    """The rule that moves employees to a new provider when work done in the jurisdiction changes hands."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    automatic: bool = Field(description="true if employment passes by law when an activity moves to a new provider")
    law: str = Field("", description="the rule as the contract cites it, '' when there is none")
    informing: str = Field("", description="who must inform or consult whom before the transfer")
    objection: str = Field("", description="the employee's right to object or resign, where the rule gives one")
    objector_stays: bool = Field(
        False,
        description="true if an employee who objects stays employed by the previous "
        "employer (section 613a(6) BGB); false where the objection ends "
        "the employment or the rule gives only a right to resign",
    )
    sources: list[str] = Field([], description="the official citation of the rule and where it is published")
    as_of: date | None = Field(None, description="the date the rule was last checked against its sources")


class LabourSupply(BaseModel):
    """The law of the place of work on a supplier whose own workers perform services for a client."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    law: str = Field(description="the rule as the contract cites it ('Articles 12 to 15 of the Federal Labour Law')")
    applies_to: str = Field(description="what the rule allows and to which services, as the contract says it")
    registration: str = Field(
        description="the public register the supplier must be entered in, as the contract names it"
    )
    joint_liability: str = Field("", description="the client's liability to the supplier's workers, with its article")
    contributions: str = Field("", description="the social-security contributions and taxes due for the workers")
    sources: list[str] = Field(description="the official citation of the rule and where it is published")
    as_of: date = Field(description="the date the rule was last checked against its sources")
