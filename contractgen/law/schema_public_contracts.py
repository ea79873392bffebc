"""What a jurisdiction record says of the formalities of a contract whose client is one of the country's public
bodies (its `public_contracts` block): the form the contract must take, the electronic invoice a public body may
alone pay, the tax mechanics of paying it (a split payment of VAT), the statutory interest a public debtor owes,
and the language a public body contracts in. They follow the public body's country, not the contract's law, and
are read by contractgen/law/public_contracts.py.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from contractgen.law.schema_terms import Fact


class ContractForm(BaseModel):
    """The form a public contract must take: made electronically and signed with a kind of electronic signature."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    law: str = Field(description="the provision as the contract cites it, e.g. 'Article 18 of Legislative Decree …'")
    signature: Literal["qualified", "advanced"] = Field(
        description="the electronic signature each party signs with: qualified (a digital signature) or advanced"
    )
    nullity: bool = Field(description="true if a contract not made in that form is void")
    stamp_duty: str = Field(
        "",
        description="the stamp duty charged on the contract, in a noun phrase naming its provision, where one is, "
        "e.g. 'the stamp duty that Annex I.4 to that Decree sets, paid once when the contract is signed'",
    )
    stamp_duty_payer: Literal["supplier", "client", ""] = Field(
        "", description="who the law makes pay that duty ('' where the contract may say)"
    )


class EInvoicing(BaseModel):
    """The electronic invoice a supplier to a public body must issue (Directive 2014/55/EU as the country applies
    it, or the country's own wider rule)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    law: str = Field(description="the provisions as the contract cites them")
    form: str = Field(
        description="the invoice the law requires, in a noun phrase after 'as', e.g. 'an electronic invoice in the "
        "FatturaPA format' or 'an electronic invoice that complies with the European standard on electronic "
        "invoicing (EN 16931)'"
    )
    system: str = Field("", description="the system it must be sent through, where the law names one, as cited")
    references: list[str] = Field(
        [], description="what each invoice must state besides the usual content, each a noun phrase"
    )
    unpaid: bool = Field(
        description="true if the public body may not pay an invoice not issued in that form (not only refuse it)"
    )
    other_standard: bool = Field(
        False, description="true if the parties may agree on another electronic-invoicing standard instead"
    )
    levels: list[Literal["national", "regional", "local"]] = Field(
        [],
        description="the levels of public body the rule binds where it does not bind all (Germany's federal "
        "ordinance: national); [] for all",
    )


class SplitPayment(BaseModel):
    """A rule under which a public body pays the VAT on a supplier's invoice straight to the State."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    law: str = Field(description="the provision as the contract cites it, e.g. 'Article 17-ter of …'")
    tax: str = Field(description="the tax it applies to, as the contract names it, e.g. 'VAT'")


class PublicLatePayment(BaseModel):
    """The statutory interest and payment period a public debtor is held to."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    law: str = Field(description="the statute as the contract cites it")
    rate: str = Field(description="the statutory rate as a contract states it")
    days: int = Field(gt=0, description="the payment period the law gives a public debtor, in days from the invoice")
    health_days: int | None = Field(
        None, gt=0, description="a longer period the law gives public health bodies, where it does"
    )
    compensation: str = Field("", description="a fixed sum for recovery costs, as a contract states it, where owed")
    debtor: str = Field(
        "",
        description="whose debts the law covers, as a noun phrase after 'a debt of', e.g. 'a state agency or "
        "political subdivision of Texas' ('' for 'a public administration')",
    )
    mandatory: bool = Field(
        False,
        description="true where the rate applies whatever the contract says (Belgium: 'notwithstanding any contrary "
        "agreement' where the debtor is a public authority): the clause states it even where the deal states a rate",
    )


class PublicLanguage(BaseModel):
    """The language a public body of the country contracts in, and the law that makes it the official language."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    language: str = Field(description="the language, as a contract names it, e.g. 'Italian'")
    law: str = Field(description="the provision as the contract cites it")
    exclusive: str | None = Field(
        None,
        description="where the law requires the contract to be made in that language only: when a version in another "
        "language may be attached to it, as the law words it (the attached version then has no legal effect)",
    )


class ProtectiveSecurity(BaseModel):
    """A law that requires a security agreement with a supplier given access to security-sensitive activities,
    which the deal cannot say the Services are: the draft asks."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    law: str = Field(description="the statute as the contract cites it, e.g. 'the Protective Security Act (2018:585)'")
    agreement: str = Field(description="the agreement it requires, as a contract names it")
    when: str = Field(description="when it is required, in a clause that completes 'required where …'")


class PublicForum(BaseModel):
    """The forum a public body's law requires its contracts to name, and the arbitration it allows instead."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    law: str = Field(description="the provision that requires the forum, as the contract cites it")
    federal_courts: str = Field(
        "",
        description="the courts a national (federal) body's disputes go to, named before 'at <seat>', e.g. 'the "
        "Federal Courts (Justiça Federal)' ('' where the courts of the seat are the ordinary courts)",
    )
    arbitration: str = Field("", description="the provision that allows arbitration instead, where one does")
    arbitration_scope: str = Field(
        "", description="the disputes that provision allows to go to arbitration, as a noun phrase"
    )
    exceptions: str = Field("", description="the contracts the forum rule does not reach, for the drafting note")


class PublicContracts(Fact):
    """The formalities of a contract whose client is a public body of the country."""

    form: ContractForm | None = Field(None, description="the form the contract must take, where the law sets one")
    e_invoicing: EInvoicing | None = Field(None, description="the electronic invoice a public body must receive")
    split_payment: SplitPayment | None = Field(
        None, description="a rule under which the public body pays the VAT to the State, not to the supplier"
    )
    late_payment: PublicLatePayment | None = Field(
        None, description="the statutory interest and payment period of a public debtor"
    )
    language: PublicLanguage | None = Field(None, description="the language a public body contracts in")
    forum: PublicForum | None = Field(
        None, description="the forum a public body's law requires its contracts to name (Brazil: its seat's)"
    )
    protective_security: ProtectiveSecurity | None = Field(
        None,
        description="a security agreement the law requires for security-sensitive work, which the draft asks about",
    )


class PublicContractsLaw(BaseModel):
    """The jurisdiction-record field of this module, mixed into the record's model."""

    public_contracts: PublicContracts | None = Field(
        None,
        description="the formalities of a contract whose client is a public body of the country: form, electronic "
        "invoices, split payment of VAT, a public debtor's interest, language",
    )
