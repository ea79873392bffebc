"""What a party's kind changes in the operative terms where the deal does not say: the limit of a public client's
option to extend, the indemnities a public client gives, and the courts of the client's seat where no forum is
named. Each is a drafting note in a draft and a build warning in a final document."""

from __future__ import annotations

from typing import Any

from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.deal.readings.sector import assume
from contractgen.law.jurisdictions import find_law
from contractgen.law.seat_courts import client_seat_forum


def _said(deal: Any, finding: Finding, found: list[Finding]) -> Any:
    """The finding as a note in a draft (appended to found), else recorded as the final contract's warning."""
    if prints_as_draft(deal):
        found.append(finding)
        return deal
    where = ".".join(str(p) for p in finding.path)
    return assume(deal, f"{where}: {finding.unrecognised}; {finding.drafted}; check {finding.check}")


def apply_party_terms(deal: Any) -> tuple[Any, list[Finding]]:
    """Return the deal and a note for each operative term its parties' kinds bring that the deal leaves open."""
    found: list[Finding] = []
    client = deal.parties.client
    renewal = deal.term.renewal
    if client.public_body and renewal is not None and renewal.extensions is None:
        finding = Finding(
            ("term", "renewal"),
            "default-extension-limit",
            "extensions",
            f"the client is a public body, whose contract is extended at its option rather than renewed, and the "
            f"deal does not say how many periods of {renewal.period} it may extend by",
            "the extension clause prints [●] for the number of Extension Periods and for the longest the Term may "
            "run, since a public contract's option must state its limit",
            "the number of extensions and the maximum duration the procurement documents allow "
            "(term.renewal.extensions)",
            "renewal",
        )
        deal = _said(deal, finding, found)
    if client.public_body:
        finding = Finding(
            ("parties", "client", "kind"),
            "default-public-body-indemnities",
            client.kind,
            f"{client.name} is a public body, and an unlimited indemnity it gives is a contingent liability that its "
            "public-finance rules usually allow only with approval",
            "the limitation of liability leaves only the supplier's indemnities and staff-transfer obligations "
            "unlimited; the client's indemnities (intellectual property, staff transfer) are within the general cap",
            "whether the client may give any indemnity beyond the cap, and with whose approval",
            "limitation-of-liability",
        )
        deal = _said(deal, finding, found)
    deal = _seat_forum(deal, found)
    return deal, found


def _seat_forum(deal: Any, found: list[Finding]) -> Any:
    """Where the deal names no forum, the client's draft goes to the courts of the client's seat, with a note."""
    contract, disputes = deal.contract, deal.disputes
    if contract.jurisdiction or contract.forum_wording or (disputes is not None and disputes.arbitration):
        return deal
    seat = client_seat_forum(contract.governing_law, deal.parties.client.address)
    if seat is None:
        return deal
    record = find_law(contract.governing_law)[0]
    finding = Finding(
        ("contract", "governing_law"),
        "default-forum-seat",
        seat.courts,
        f"the deal names no forum, and the library's default for the law of {record.name if record else 'the contract'} "
        f"({record.courts if record else 'its courts'}) is not where {deal.parties.client.name} is seated",
        f"the draft, as the client's, gives jurisdiction to {seat.courts}, the courts of the client's seat read from "
        "its address",
        "which courts (or arbitration) the parties agree on, and the court competent there for the amount and subject "
        "matter; name them in contract.jurisdiction",
        "governing-law",
    )
    return _said(deal, finding, found)
