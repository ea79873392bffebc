"""What the law of a jurisdiction brings to a contract whose client is a public body: its freedom-of-information
(official information) laws, the auditor who may examine the public money spent, the procurement law's
grounds for terminating a public contract, and the terms that law makes compulsory (payment traceability, price
revision, a performance guarantee, the public body's withdrawal). Read from the `public_sector` field of
law/jurisdictions records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from contractgen.law.library import active


@dataclass(frozen=True)
class PaymentTraceability:
    """Every payment traceable: dedicated accounts and a code on each payment (``law``, ``code``)."""

    law: str
    code: str


@dataclass(frozen=True)
class PriceRevision:
    """Past ``threshold`` per cent change in cost, ``share`` per cent of the change beyond it is passed on."""

    law: str
    threshold: float
    share: float


@dataclass(frozen=True)
class PerformanceGuarantee:
    """A guarantee of ``percent`` per cent of the contract's value, given before signing."""

    law: str
    name: str
    percent: float


@dataclass(frozen=True)
class Withdrawal:
    """The public body's right to withdraw at any time on ``notice_days`` notice, paying ``unperformed`` per cent
    of the value of what is not yet performed on top of what is."""

    law: str
    notice_days: int
    unperformed: float


@dataclass(frozen=True)
class PublicSector:
    """The public-sector law of the governing law, for the kind of public body the client is (``public``)."""

    information_laws: tuple[str, ...] = ()  # "the Freedom of Information Act 2000", …
    information_code: str = ""  # "the Code on Access to Information": administrative, not a statute
    no_information_statute: bool = False  # no statute gives a general right of access (Singapore, Hong Kong)
    audit_office: str = ""  # "the Comptroller and Auditor General"
    audit_office_plural: bool = False  # "the auditors appointed by …": the contract says "them"
    level: str = "national"  # the body's level: national, regional (a state, Land, canton) or local
    unrecorded: bool = False  # a regional or local body of a federal law whose own law no record names
    procurement_law: str = ""  # "the Procurement Act 2023"
    termination_grounds: str = ""  # "section 78 of the Procurement Act 2023"
    subcontracting: str = ""  # "Article 119 of Legislative Decree No. 36 of 31 March 2023"
    delay_penalties: str = ""  # "Article 126 of Legislative Decree No. 36 of 31 March 2023"
    traceability: PaymentTraceability | None = None
    price_revision: PriceRevision | None = None
    guarantee: PerformanceGuarantee | None = None
    withdrawal: Withdrawal | None = None

    @property
    def applies(self) -> bool:
        """True when the record says anything (a public body under a law with records)."""
        return bool(
            self.information_laws
            or self.information_code
            or self.no_information_statute
            or self.audit_office
            or self.termination_grounds
        )


LEVELS = ("national", "regional", "local")


def level_of(kind: str, level: str | None) -> str:
    """A public body's level: as the deal states it, else local for a local authority and national for the rest."""
    return level if level in LEVELS else "local" if kind == "local_authority" else "national"


def public_sector_of(law_key: str, kind: str, public_body: bool, level: str | None = None) -> PublicSector:
    """The public-sector terms for a client of a kind (and level) under a jurisdiction's law (empty when not a
    public body)."""
    if not public_body or not law_key:
        return PublicSector()
    record = active().records("jurisdictions").get(law_key)
    data = (record.data.get("public_sector") or {}) if record is not None else {}
    written, level = level, level_of(kind, level)
    if data.get("state_level"):
        if written == "national":
            # a federal body under a state's law: the state's information, audit and procurement laws do not bind it
            return PublicSector(level="national", unrecorded=True)
        level = "regional" if level == "national" else level
    home = "regional" if data.get("state_level") else "national"  # the level whose law the record holds
    own = (data.get("by_kind") or {}).get(kind) or {} if level == home else {}
    unrecorded = False

    def pick(name: str) -> Any:
        # a field the record writes for the body's level, even empty, replaces the national one; under a federal
        # law the national field does not reach a regional or local body at all
        nonlocal unrecorded
        if own.get(name) is not None:
            return own[name]
        for prefix in {"local": ("local_", "regional_"), "regional": ("regional_",)}.get(level, ()):
            if f"{prefix}{name}" in data and (prefix == "local_" or level == "regional" or data.get("federal")):
                return data[f"{prefix}{name}"]
        if level != "national" and data.get("federal"):
            unrecorded = True
            return None
        return data.get(name)

    information_laws = tuple(pick("information_laws") or ())
    audit_office = pick("audit_office") or ""
    return PublicSector(
        information_laws=information_laws,
        information_code=pick("information_code") or "",
        no_information_statute=bool(data.get("no_information_statute")),
        audit_office=audit_office,
        audit_office_plural=bool(audit_office and pick("audit_office_plural")),
        level=level,
        unrecorded=unrecorded,
        procurement_law=data.get("procurement_law") or "",
        termination_grounds=data.get("termination_grounds") or "",
        subcontracting=data.get("subcontracting") or "",
        delay_penalties=data.get("delay_penalties") or "",
        traceability=_traceability(data.get("payment_traceability")),
        price_revision=_revision(data.get("price_revision")),
        guarantee=_guarantee(data.get("performance_guarantee")),
        withdrawal=_withdrawal(data.get("withdrawal")),
    )


def _traceability(data: dict[str, Any] | None) -> PaymentTraceability | None:
    return PaymentTraceability(data["law"], data["code"]) if data else None


def _revision(data: dict[str, Any] | None) -> PriceRevision | None:
    return PriceRevision(data["law"], data["threshold_percent"], data["share_percent"]) if data else None


def _guarantee(data: dict[str, Any] | None) -> PerformanceGuarantee | None:
    return PerformanceGuarantee(data["law"], data["name"], data["percent"]) if data else None


def _withdrawal(data: dict[str, Any] | None) -> Withdrawal | None:
    return Withdrawal(data["law"], data["notice_days"], data["unperformed_percent"]) if data else None
