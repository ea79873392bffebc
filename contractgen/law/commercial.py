"""The commercial law of a jurisdiction as clause templates see it (``law.late_payment``, ``law.tax``,
``law.anti_bribery``, ``law.insolvency``, ``law.execution``, ``law.third_party_rights``,
``law.proportionate_liability``), read from the blocks of the same names in
law/jurisdictions records (``law.schema_terms``). A block the record does not have reads as unknown:
``statutory`` and the yes/no fields are None, the texts empty, so a clause keeps its general wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class LatePaymentRule:
    """Interest on late commercial payments the law gives without a contractual rate (``law.late_payment``)."""

    statutory: bool | None = None  # None: not checked
    rate: str = ""
    law: str = ""
    applies_to: str = ""  # "" when it covers every business's debts
    no_interest: bool = False  # True where the law does not allow interest on a debt
    mandatory: bool = False  # True where terms excluding or limiting the statutory interest are void
    compensation: str = ""  # a fixed sum for recovery costs the law adds
    accrual: str = ""  # "simple" or "compound", as the statute says; "" where not checked
    compounding: str = ""  # where it compounds: when unpaid interest is added ("each year")
    accrual_law: str = ""  # the provision that says how it accrues


@dataclass(frozen=True)
class TaxName:
    """The tax on supplies of services (``law.tax``): 'goods and services tax', 'GST'."""

    name: str = ""
    short: str = ""
    law: str = ""
    invoice: str = ""  # the electronic invoice a supplier established there must issue
    invoice_abroad: str = ""  # the invoice it issues to a buyer abroad, where the record gives another one
    exports: str = ""  # how a supplier established there taxes services used abroad


@dataclass(frozen=True)
class AntiBriberyLaws:
    """The anti-bribery laws a compliance clause names (``law.anti_bribery``)."""

    laws: tuple[str, ...] = ()


@dataclass(frozen=True)
class InsolvencyTerms:
    """The insolvency proceedings and office-holders of the law (``law.insolvency``)."""

    proceedings: tuple[str, ...] = ()
    officeholders: tuple[str, ...] = ()
    law: str = ""
    events: tuple[str, ...] = ()  # the procedures a company incorporated under this law may enter, as events
    individual_events: tuple[str, ...] = ()  # an individual's bankruptcy and debt-relief procedures, as events


@dataclass(frozen=True)
class ExecutionFormalities:
    """How a company executes a contract under the law (``law.execution``); None: not checked."""

    signing: str = ""
    seal: bool | None = None
    witnesses: bool | None = None
    e_signature: bool | None = None
    e_signature_law: str = ""
    e_signature_kind: str = ""  # "qualified" where only a qualified electronic signature satisfies written form
    arbitration_authority: str = ""  # the provision that voids an arbitration agreement signed without authority


@dataclass(frozen=True)
class ThirdPartyEnforcement:
    """How a person who is not a party enforces a term made for it (``law.third_party_rights``); '' if not checked."""

    enforce: str = ""  # "direct", or "through_party" where privity of contract bars a third party's own claim
    law: str = ""


@dataclass(frozen=True)
class ProportionateLiabilityRule:
    """A statute apportioning claims for economic loss among wrongdoers (``law.proportionate_liability``)."""

    law: str = ""  # "" when the record names none
    excludable: bool = False  # a contract may exclude it
    exclusion_law: str = ""  # the provision that allows the exclusion


@dataclass(frozen=True)
class StampDutyRule:
    """A duty on the agreement as an instrument (``law.stamp_duty``); '' where the record names none."""

    law: str = ""
    unstamped: str = ""  # what befalls an instrument not duly stamped
    states: tuple[tuple[str, tuple[str, ...], str], ...] = ()  # (State, places an address names, its stamp law)

    def law_where(self, *addresses: str) -> str:
        """The stamp law of the State every address is in ("Chennai" → Tamil Nadu's), else the general one."""
        for state, places, law in self.states:
            words = [re.compile(rf"(?i)\b{re.escape(p)}\b") for p in places]
            if addresses and all(any(w.search(a) for w in words) for a in addresses):
                return law
        return self.law


@dataclass(frozen=True)
class RestraintOfTradeRule:
    """A statute voiding restraints on a lawful profession, trade or business (``law.restraint_of_trade``)."""

    law: str = ""  # "" when the record names none
    employee_non_solicitation: str = ""  # "enforceable" or "confidential_information_only"; "" if not checked


@dataclass(frozen=True)
class IndemnityRule:
    """Whether an indemnity reaches claims between the parties only in express words (``law.indemnity``)."""

    between_parties: str = ""  # "express_words"; "" if not checked
    authority: str = ""


@dataclass(frozen=True)
class CommercialTerms:
    """The commercial-law blocks of one jurisdiction record, each unknown when the record lacks it."""

    late_payment: LatePaymentRule = field(default_factory=LatePaymentRule)
    tax: TaxName = field(default_factory=TaxName)
    anti_bribery: AntiBriberyLaws = field(default_factory=AntiBriberyLaws)
    insolvency: InsolvencyTerms = field(default_factory=InsolvencyTerms)
    execution: ExecutionFormalities = field(default_factory=ExecutionFormalities)
    third_party_rights: ThirdPartyEnforcement = field(default_factory=ThirdPartyEnforcement)
    proportionate_liability: ProportionateLiabilityRule = field(default_factory=ProportionateLiabilityRule)
    stamp_duty: StampDutyRule = field(default_factory=StampDutyRule)
    restraint_of_trade: RestraintOfTradeRule = field(default_factory=RestraintOfTradeRule)
    indemnity: IndemnityRule = field(default_factory=IndemnityRule)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def commercial_terms(data: dict[str, Any]) -> CommercialTerms:
    """The commercial-law blocks of a jurisdiction record's data (unknown where a block is missing)."""
    late = data.get("late_payment") or {}
    tax = data.get("tax") or {}
    bribery = data.get("anti_bribery") or {}
    insolvency = data.get("insolvency") or {}
    execution = data.get("execution") or {}
    third = data.get("third_party_rights") or {}
    apportion = data.get("proportionate_liability") or {}
    stamp = data.get("stamp_duty") or {}
    restraint = data.get("restraint_of_trade") or {}
    indemnity = data.get("indemnity") or {}
    return CommercialTerms(
        late_payment=LatePaymentRule(
            statutory=late.get("statutory"),
            rate=_text(late.get("rate")),
            law=_text(late.get("law")),
            applies_to=_text(late.get("applies_to")),
            no_interest=bool(late.get("no_interest")),
            mandatory=bool(late.get("mandatory")),
            compensation=_text(late.get("compensation")),
            accrual=_text(late.get("accrual")),
            compounding=_text(late.get("compounding")),
            accrual_law=_text(late.get("accrual_law")),
        ),
        tax=TaxName(
            name=_text(tax.get("name")),
            short=_text(tax.get("short")),
            law=_text(tax.get("law")),
            invoice=_text(tax.get("invoice")),
            invoice_abroad=_text(tax.get("invoice_abroad")),
            exports=_text(tax.get("exports")),
        ),
        anti_bribery=AntiBriberyLaws(laws=tuple(bribery.get("laws") or ())),
        insolvency=InsolvencyTerms(
            proceedings=tuple(insolvency.get("proceedings") or ()),
            officeholders=tuple(insolvency.get("officeholders") or ()),
            law=_text(insolvency.get("law")),
            events=tuple(insolvency.get("events") or ()),
            individual_events=tuple(insolvency.get("individual_events") or ()),
        ),
        execution=ExecutionFormalities(
            signing=_text(execution.get("signing")),
            seal=execution.get("seal"),
            witnesses=execution.get("witnesses"),
            e_signature=execution.get("e_signature"),
            e_signature_law=_text(execution.get("e_signature_law")),
            e_signature_kind=_text(execution.get("e_signature_kind")),
            arbitration_authority=_text(execution.get("arbitration_authority")),
        ),
        third_party_rights=ThirdPartyEnforcement(enforce=_text(third.get("enforce")), law=_text(third.get("law"))),
        proportionate_liability=ProportionateLiabilityRule(
            law=_text(apportion.get("law")),
            excludable=bool(apportion.get("excludable")),
            exclusion_law=_text(apportion.get("exclusion_law")),
        ),
        stamp_duty=StampDutyRule(
            law=_text(stamp.get("law")),
            unstamped=_text(stamp.get("unstamped")),
            states=tuple((s["state"], tuple(s["places"]), s["law"]) for s in stamp.get("states") or ()),
        ),
        restraint_of_trade=RestraintOfTradeRule(
            law=_text(restraint.get("law")),
            employee_non_solicitation=_text(restraint.get("employee_non_solicitation")),
        ),
        indemnity=IndemnityRule(
            between_parties=_text(indemnity.get("between_parties")), authority=_text(indemnity.get("authority"))
        ),
    )
