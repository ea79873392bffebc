"""The formalities of a contract whose client is a public body, as clause templates see them
(``public_contract``): the form the contract must take, the electronic invoice the public body may alone pay, a
split payment of VAT, the statutory interest a public debtor owes and the language it contracts in.

They are the law of the public body's own country, whatever law governs the contract, read from the
``public_contracts`` block of that country's jurisdiction record (``law.schema_public_contracts``). A client that
is not a public body, or a country whose record has no block, reads as empty, and the clauses keep their
general wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from contractgen.law.library import active
from contractgen.law.public_sector import level_of


@dataclass(frozen=True)
class ContractForm:
    """The form the contract must take: electronic, signed with a ``signature`` (qualified or advanced) signature."""

    law: str = ""
    signature: str = ""
    nullity: bool = False
    stamp_duty: str = ""
    stamp_duty_payer: str = ""  # supplier, client or '' where the law leaves it to the contract


@dataclass(frozen=True)
class EInvoicing:
    """The electronic invoice the public body must receive (``form``), through ``system`` where the law names one."""

    law: str = ""
    form: str = ""
    system: str = ""
    references: tuple[str, ...] = ()
    unpaid: bool = False  # an invoice in another form may not be paid at all
    other_standard: bool = False  # the parties may agree on another electronic standard


@dataclass(frozen=True)
class SplitPayment:
    """The public body pays the ``tax`` on each invoice to the State under ``law``."""

    law: str = ""
    tax: str = ""


@dataclass(frozen=True)
class PublicLatePayment:
    """The statutory interest a public debtor owes (``rate`` under ``law``) and its payment period in days."""

    law: str = ""
    rate: str = ""
    days: int = 0  # the period that applies to this client (a health body's where the law gives it a longer one)
    compensation: str = ""
    debtor: str = ""  # whose debts the law covers, after "a debt of" ("a contracting authority")
    mandatory: bool = False  # the rate applies whatever the contract says: a rate the deal states is not used


@dataclass(frozen=True)
class PublicForum:
    """The courts a public body's law requires its contracts to name (``courts``, resolved for the body: the federal
    courts at its seat for a federal body) and the arbitration that law allows (``arbitration``, for ``scope``)."""

    law: str = ""
    courts: str = ""
    arbitration: str = ""
    scope: str = ""
    exceptions: str = ""


@dataclass(frozen=True)
class PublicContract:
    """What a public-body client's country makes of the contract's form, invoices, interest and language."""

    country: str = ""
    form: ContractForm = field(default_factory=ContractForm)
    e_invoicing: EInvoicing = field(default_factory=EInvoicing)
    split_payment: SplitPayment = field(default_factory=SplitPayment)
    late_payment: PublicLatePayment = field(default_factory=PublicLatePayment)
    forum: PublicForum = field(default_factory=PublicForum)
    language: str = ""  # the language a public body contracts in ('' where no record says)
    language_law: str = ""
    language_exclusive: str = ""  # made in that language only: when a version in another language may be attached

    @property
    def applies(self) -> bool:
        """True when the client's country records any formality for a public body's contract."""
        return bool(self.form.law or self.e_invoicing.law or self.split_payment.law or self.late_payment.law)


def public_contract_of(
    country: str, kind: str, public_body: bool, level: str | None = None, place: str = "", seat: str = ""
) -> PublicContract:
    """The formalities a public-body client of a kind (and level) brings from its country's record, or from the record
    of the state it belongs to (`place`, a jurisdiction key: Texas) where that record has them (empty for any other
    client); `seat` is the city where the body has its seat, for the forum its law requires."""
    if not public_body or not country:
        return PublicContract()
    data = _block(country, place.lower(), level)
    if not data:
        return PublicContract(country=country)
    form = data.get("form") or {}
    invoices = data.get("e_invoicing") or {}
    if invoices.get("levels") and level_of(kind, level) not in invoices["levels"]:
        invoices = {}  # a rule for other levels of public body (a federal ordinance, for a municipality)
    split = data.get("split_payment") or {}
    late = data.get("late_payment") or {}
    language = data.get("language") or {}
    forum = _forum(data.get("forum") or {}, level_of(kind, level), seat)
    days = int(late.get("days") or 0)
    if kind == "health_body" and late.get("health_days"):
        days = int(late["health_days"])
    return PublicContract(
        country=country,
        form=ContractForm(
            law=str(form.get("law") or ""), signature=str(form.get("signature") or ""),
            nullity=bool(form.get("nullity")), stamp_duty=str(form.get("stamp_duty") or ""),
            stamp_duty_payer=str(form.get("stamp_duty_payer") or ""),
        ),
        e_invoicing=EInvoicing(
            law=str(invoices.get("law") or ""), form=str(invoices.get("form") or ""),
            system=str(invoices.get("system") or ""), references=tuple(str(r) for r in invoices.get("references") or ()),
            unpaid=bool(invoices.get("unpaid")), other_standard=bool(invoices.get("other_standard")),
        ),
        split_payment=SplitPayment(law=str(split.get("law") or ""), tax=str(split.get("tax") or "")),
        late_payment=PublicLatePayment(
            law=str(late.get("law") or ""), rate=str(late.get("rate") or ""), days=days,
            compensation=str(late.get("compensation") or ""), debtor=str(late.get("debtor") or ""),
            mandatory=bool(late.get("mandatory")),
        ),
        forum=forum,
        language=str(language.get("language") or ""),
        language_law=str(language.get("law") or ""),
        language_exclusive=str(language.get("exclusive") or ""),
    )  # fmt: skip


def _forum(data: dict[str, Any], level: str, seat: str) -> PublicForum:
    """The forum a body of a level seated in `seat` must name: the federal courts for a national body where the law
    gives them, else the courts of its seat ("[●]" where its address names no city)."""
    if not data:
        return PublicForum()
    city = seat or "[●]"
    federal = data.get("federal_courts") if level == "national" else None
    courts = f"{federal} sitting in {city}" if federal else f"the courts of {city}"
    return PublicForum(
        law=str(data["law"]), courts=courts, arbitration=str(data.get("arbitration") or ""),
        scope=str(data.get("arbitration_scope") or ""), exceptions=str(data.get("exceptions") or ""),
    )  # fmt: skip


def _block(country: str, place: str = "", level: str | None = None) -> dict[str, Any]:
    """The `public_contracts` block of the client's own state's record (`place`) where it has one, else of the first
    national record of its country that has one ({} where none does).

    A state's record (Texas) binds that state's bodies only: never a body of another state, nor a federal body (one
    whose deal writes `level: national`) under the state's law."""
    records = active().records("jurisdictions")
    own = records.get(place) if place else None
    if own is not None and own.data.get("country") == country and _state_level(own.data):
        return dict(own.data.get("public_contracts") or {}) if level != "national" else {}
    for record in records.values():
        data = record.data
        if data.get("country") == country and data.get("public_contracts") and not _state_level(data):
            return dict(data["public_contracts"])
    return {}


def _state_level(data: dict[str, Any]) -> bool:
    """True for the record of a state, province or devolved nation (its `public_sector` says so)."""
    return bool((data.get("public_sector") or {}).get("state_level"))
