"""What a public body's country's law asks of its contract that a deal cannot settle alone.

A public body whose country's law requires a security agreement with a supplier given access to its
security-sensitive activities (Sweden: a security protection agreement under the Protective Security Act
(2018:585)). The deal has no field that says whether the Services are security-sensitive, so the contract drafts
no such agreement, and a draft asks in a note (a final contract in a build warning). A payment period longer
than the one the law gives a public debtor (Italy: 30 days, 60 for a health body) is asked about the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.deal.readings.sector import assume, client_country, client_place, interest_free
from contractgen.values.countries import country_name
from contractgen.law.forums import arbitration_fields
from contractgen.law.library import active
from contractgen.law.public_contracts import PublicContract, public_contract_of
from contractgen.law.seat_courts import seat_city


def formalities_of(deal: Any) -> PublicContract:
    """What the law of the client's own country (or of its state: Texas) makes of a public body's contract."""
    client = deal.parties.client
    country, place = client_place(deal)
    seat = seat_of(getattr(client, "address", None) or "")
    return public_contract_of(country, client.kind, client.public_body, client.level, place, seat)


def seat_of(address: str) -> str:
    """The city of an address, as "street, postcode city, country" or as Brazil writes it ("…, Brasília - DF,
    70070-940, Brazil": the part before the state's abbreviation); "" where none is read."""
    city = seat_city(address)[0]
    if city:
        return city
    parts = [p.strip() for p in address.split(",") if p.strip() and not re.fullmatch(r"[\d\s.-]+", p.strip())]
    last = re.sub(r"\s+-\s+[A-Z]{2}$", "", parts[-2] if len(parts) > 1 else "")
    return last if last and last[0].isupper() and not re.search(r"\d", last) else ""


def apply_protective_security(deal: Any) -> tuple[Any, list[Finding]]:
    """A note (a build warning in a final contract) for a public body whose law may require a security agreement."""
    client = deal.parties.client
    rule = _rule(client_country(deal)) if client.public_body else None
    if not rule:
        return deal, []
    finding = Finding(
        ("parties", "client", "kind"),
        "protective-security",
        client.name,
        f"{rule['law']} requires {rule['agreement']} where {rule['when']}; the deal cannot say whether the Services "
        "give the supplier such access",
        "the contract has no such agreement and requires only the security vetting the client specifies",
        f"whether the Services give the supplier that access; if they do, make {rule['agreement']} with it before "
        "it has access, and refer to it in the public-sector terms",
        "public-sector",
    )
    if prints_as_draft(deal):
        return deal, [finding]
    return assume(deal, f"parties.client: {finding.unrecognised}; {finding.drafted}; check {finding.check}"), []


def _rule(country: str) -> dict[str, Any] | None:
    """The protective-security rule of a country's record, if it has one."""
    for record in active().records("jurisdictions").values():
        block = record.data.get("public_contracts") or {}
        if record.data.get("country") == country and block.get("protective_security"):
            return dict(block["protective_security"])
    return None


def apply_public_payment_period(deal: Any) -> tuple[Any, list[Finding]]:
    """A public debtor's payment period longer than its law gives (Italy: 30 days, 60 for a health body): a note,
    or a build warning in a final contract; the contract keeps the deal's period."""
    client = deal.parties.client
    if not client.public_body:
        return deal, []
    late = formalities_of(deal).late_payment
    terms = deal.commercials.payment_terms
    period = getattr(terms, "period", None)
    if not late.days or terms is None or terms.kind not in ("days", "days_from_invoice_date") or period is None:
        return deal, []
    days = period.value * {"day": 1, "week": 7}.get(period.unit, 0)
    if not days or days <= late.days or period.business:
        return deal, []
    finding = Finding(
        ("commercials", "payment_terms"),
        "public-payment-period",
        client.name,
        f"{late.law} gives a public body of its kind {late.days} days to pay an invoice, and a longer period only "
        "where that law allows one to be agreed",
        f"the contract states the deal's {period}",
        f"that {period} is allowed for {client.name}; otherwise write {late.days} days in commercials.payment_terms",
        "invoicing",
    )
    if prints_as_draft(deal):
        return deal, [finding]
    return assume(
        deal, f"commercials.payment_terms: {finding.unrecognised}; {finding.drafted}; check {finding.check}"
    ), []


def note_public_interest(deal: Any, data: Any) -> Iterator[Finding]:
    """A public debtor's payment rule as the contract drafts it: a deal's own rate that the law sets aside (Belgium:
    a public authority owes the statutory rate whatever the contract says), or, in a draft, no rule recorded for the
    client's country, so the contract keeps the deal's terms."""
    client = deal.parties.client
    if not client.public_body:
        return
    late = formalities_of(deal).late_payment
    rate = deal.commercials.late_payment_interest
    if late.law and late.mandatory and rate is not None and not interest_free(client.name):
        yield Finding(
            ("commercials", "late_payment_interest"), "public-interest", client.name,
            f"{late.law} gives the creditor of {late.debtor or 'a public body'} interest at {late.rate}, whatever the "
            "contract says",
            f"the contract states that rate, not the deal's {rate.percent}% per {rate.per}",
            "nothing, unless the client's procurement documents say otherwise; remove "
            "commercials.late_payment_interest to silence this note",
            "invoicing",
        )  # fmt: skip
    elif not late.law and prints_as_draft(deal):
        country, _ = client_place(deal)
        where = country_name(country, deal.contract.locale) if country else "the client's country"
        yield Finding(
            ("commercials", "payment_terms"), "public-payment-unrecorded", country or client.name,
            f"the library records no statutory payment period or interest for a public body in {where}",
            "the contract keeps the deal's payment terms (30 days where it states none) and the interest the governing "
            "law's record gives",
            f"whether a statute sets the period in which {client.name} must pay an invoice, or the interest it owes "
            "when it pays late, and write it in commercials.payment_terms or commercials.late_payment_interest",
            "invoicing",
        )  # fmt: skip


def apply_public_forum(deal: Any) -> tuple[Any, list[Finding]]:
    """A public body whose law requires the forum of its seat (Brazil: Article 92(1) of Law No. 14,133): a deal naming
    other courts gets that forum instead; an arbitration stays, for the disputes that law lets go to arbitration. A
    note in a draft, a build warning in a final contract."""
    client = deal.parties.client
    forum = formalities_of(deal).forum if client.public_body else None
    if forum is None or not forum.law:
        return deal, []
    if arbitration_fields(deal) is not None:
        allowed = f"; {forum.arbitration} allow arbitration only for {forum.scope}" if forum.arbitration else ""
        finding = Finding(
            ("contract", "jurisdiction"), "public-forum-arbitration", client.name,
            f"{forum.law} requires a contract of {client.name} to name the forum of its seat, {forum.courts}{allowed}",
            f"the contract keeps the arbitration for those disputes and gives any other dispute to {forum.courts}"
            if forum.arbitration else "the contract keeps the arbitration the deal chooses",
            "that the arbitration is authorised for this contract and that the disputes it covers are those the law "
            f"allows; the forum rule does not reach {forum.exceptions or 'the contracts its exceptions name'}",
            "public-sector",
        )  # fmt: skip
    else:
        written = deal.contract.jurisdiction or deal.contract.forum_wording
        if not written or forum.courts.casefold() in written.casefold():
            return deal, []
        finding = Finding(
            ("contract", "jurisdiction"), "public-forum", client.name,
            f"{forum.law} requires a contract of {client.name} to name the forum of its seat, {forum.courts}",
            f"the contract names {forum.courts} instead of {written!r}",
            f"nothing, unless this contract is one the rule does not reach: {forum.exceptions or 'see that law'}",
            "governing-law",
        )  # fmt: skip
    if prints_as_draft(deal):
        return deal, [finding]
    return assume(deal, f"contract.jurisdiction: {finding.unrecognised}; {finding.drafted}; check {finding.check}"), []
