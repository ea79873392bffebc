"""What the law of a jurisdiction brings to a contract whose client is a public body: its freedom-of-information
(official information) laws, the auditor who may examine the public money spent, the procurement law's
grounds for terminating a public contract, and the terms that law makes compulsory (payment traceability, price
revision, a performance guarantee, the public body's withdrawal). Read from the `public_sector` field of
law/jurisdictions records."""

from __future__ import annotations

import re
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
    """Past ``threshold`` per cent change in cost, ``share`` per cent of the change beyond it is passed on (Italy); or,
    with no threshold, a revision by the change in an index on the terms the law requires (``by_index``)."""

    law: str
    threshold: float | None = None
    share: float | None = None
    min_months: int | None = None
    index: str = ""
    base_date: str = ""
    interval_months: int | None = None
    both_ways: bool = False
    threshold_required: bool = False
    cap_required: bool = False
    flow_down: bool = False

    @property
    def by_index(self) -> bool:
        """True for a revision by the change in an index, not by a statutory threshold and share."""
        return self.threshold is None


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
    region: str = ""  # the region whose own law the body answers to, by ISO 3166-2 code ("CH-ZH"), where recorded
    region_name: str = ""  # "the Canton of Zurich"
    privacy: tuple[str, ...] = ()  # the data protection laws of the body's own level, as a deal lists them
    secrecy: str = ""  # the official-secrecy law that reaches the supplier's personnel: "Article 320 of …"
    arbitration_publicity: str = (
        ""  # the law that makes an arbitration with the administration public, not confidential
    )

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


def region_in(regions: dict[str, Any], own: tuple[str, ...], address: str = "") -> str:
    """The one region (its code) that a body's own words (name, representative) name, else the one its address
    names; "" where none or several do."""
    for texts in (own, (address,)):
        found = [code for code, region in regions.items() if any(_names(word, texts) for word in region["names"])]
        if len(found) == 1:
            return found[0]
        if found:
            return ""
    return ""


def _names(word: str, texts: tuple[str, ...]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text or "", re.IGNORECASE) for text in texts)


def state_owned_sector(law_key: str) -> PublicSector:
    """The public-sector terms a state-owned company is under by the law's record (`by_kind: state_owned_company`):
    only what the record says reaches such a company, nothing from the general public-body fields; else empty."""
    record = active().records("jurisdictions").get(law_key) if law_key else None
    data = (record.data.get("public_sector") or {}) if record is not None else {}
    own = (data.get("by_kind") or {}).get("state_owned_company") or {}
    if not own:
        return PublicSector()
    office = own.get("audit_office") or ""
    return PublicSector(
        information_laws=tuple(own.get("information_laws") or ()),
        information_code=own.get("information_code") or "",
        audit_office=office,
        audit_office_plural=bool(office and own.get("audit_office_plural")),
        procurement_law=own.get("procurement_law") or "",
        termination_grounds=own.get("termination_grounds") or "",
        arbitration_publicity=own.get("arbitration_publicity") or "",
    )


def public_sector_of(
    law_key: str, kind: str, public_body: bool, level: str | None = None, names: tuple[str, ...] = (), address: str = ""
) -> PublicSector:
    """The public-sector terms for a client of a kind (and level) under a jurisdiction's law (empty when not a
    public body); a regional or local body named by `names` (its name, representative) or `address` gets its own
    region's law where the record has it."""
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
    audit_plural = bool(audit_office and pick("audit_office_plural"))
    information_code = pick("information_code") or ""
    own_privacy = own.get("privacy")  # a kind's own data laws (a NSW health body's HRIPA beside the PPIPA)
    privacy = tuple(data.get("privacy") or () if own_privacy is None else own_privacy)
    secrecy = data.get("secrecy") or ""
    code = region_in(data.get("regions") or {}, names, address) if level != "national" else ""
    region: dict[str, Any] = (data.get("regions") or {}).get(code) or {}
    if region:
        privacy, secrecy = tuple(region.get("privacy") or ()), region.get("secrecy") or ""
        laws, office = (
            (region.get("information_laws"), region.get("audit_office"))
            if level == "regional"
            else (region.get("local_information_laws"), region.get("local_audit_office"))
        )
        if laws is not None and office is not None:
            information_laws, audit_office, unrecorded = tuple(laws), office, False
            audit_plural = bool(office and level == "regional" and region.get("audit_office_plural"))
    return PublicSector(
        information_laws=information_laws,
        information_code=information_code,
        no_information_statute=bool(data.get("no_information_statute")),
        audit_office=audit_office,
        audit_office_plural=audit_plural,
        level=level,
        unrecorded=unrecorded,
        procurement_law=_contract_law(data, kind, level, "procurement_law"),
        termination_grounds=_contract_law(data, kind, level, "termination_grounds"),
        subcontracting=data.get("subcontracting") or "",
        delay_penalties=data.get("delay_penalties") or "",
        traceability=_traceability(data.get("payment_traceability")),
        price_revision=_revision(data.get("price_revision")),
        guarantee=_guarantee(data.get("performance_guarantee")),
        withdrawal=_withdrawal(data.get("withdrawal")),
        region=code if region else "",
        region_name=region.get("name", ""),
        privacy=privacy,
        secrecy=secrecy,
        arbitration_publicity=data.get("arbitration_publicity") or "",
    )


def _contract_law(data: dict[str, Any], kind: str, level: str, name: str) -> str:
    """The procurement law or termination ground (``name``) for a body of ``kind`` at ``level``: the kind's own at
    every level (a Colombian public hospital contracts under private law wherever it sits), else a local body's
    where the record names one (a South African municipality's MFMA), else the record's."""
    own = ((data.get("by_kind") or {}).get(kind) or {}).get(name)
    if own is not None:
        return str(own)
    if level == "local" and data.get(f"local_{name}") is not None:
        return str(data[f"local_{name}"])
    return str(data.get(name) or "")


def public_sector_of_party(law_key: str, client: Any) -> PublicSector:
    """The public-sector terms for a deal's client under a jurisdiction's law, its region read from its name,
    representative and address; a state-owned company's, where the record gives such a company's."""
    if getattr(client, "state_owned", False) and not client.public_body:
        return state_owned_sector(law_key)
    return public_sector_of(
        law_key,
        client.kind,
        client.public_body,
        client.level,
        (client.name, getattr(client, "represented_by", None) or ""),
        getattr(client, "address", None) or "",
    )


def public_sector_in(country: str, client: Any, law_key: str = "") -> PublicSector:
    """The public-sector terms for a deal's client from the record of its country: the governing law's where that is
    the country's (a state's own law for a state body), else the country's national record (not a state's)."""
    records = active().records("jurisdictions")
    if law_key in records and records[law_key].data.get("country") == country:
        return public_sector_of_party(law_key, client)
    for key, record in records.items():
        block = record.data.get("public_sector") or {}
        if country and record.data.get("country") == country and block and not block.get("state_level"):
            return public_sector_of_party(key, client)
    return PublicSector()


def _traceability(data: dict[str, Any] | None) -> PaymentTraceability | None:
    return PaymentTraceability(data["law"], data["code"]) if data else None


def _revision(data: dict[str, Any] | None) -> PriceRevision | None:
    if not data:
        return None
    return PriceRevision(
        law=data["law"],
        threshold=data.get("threshold_percent"),
        share=data.get("share_percent"),
        min_months=data.get("min_months"),
        index=data.get("index") or "",
        base_date=data.get("base_date") or "",
        interval_months=data.get("interval_months"),
        both_ways=bool(data.get("both_ways")),
        threshold_required=bool(data.get("threshold_required")),
        cap_required=bool(data.get("cap_required")),
        flow_down=bool(data.get("flow_down")),
    )


def _guarantee(data: dict[str, Any] | None) -> PerformanceGuarantee | None:
    return PerformanceGuarantee(data["law"], data["name"], data["percent"]) if data else None


def _withdrawal(data: dict[str, Any] | None) -> Withdrawal | None:
    return Withdrawal(data["law"], data["notice_days"], data["unperformed_percent"]) if data else None
