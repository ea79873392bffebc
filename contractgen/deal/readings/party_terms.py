"""What a party's kind changes in the operative terms where the deal does not say: the limit of a public client's
option to extend and the notice that exercises a client's option, the indemnities a public client gives, and the courts of the client's seat where no forum is
named. Each is a drafting note in a draft and a build warning in a final document."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from contractgen import yamlload
from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.deal.readings.sector import assume
from contractgen.law.jurisdictions import find_law
from contractgen.law.seat_courts import client_seat_forum
from contractgen.values.durations import Duration


EXTENSION_DEFAULTS = Path(__file__).parent.parent / "data" / "extension_defaults.yaml"


@lru_cache(maxsize=1)
def _extension_notice() -> str:
    return str(yamlload.safe_load(EXTENSION_DEFAULTS.read_text("utf-8"))["notice"])


def extension_option(deal: Any) -> bool:
    """Whether the contract's renewal is the client's option to extend: always for a public client, and for any
    client whose deal gives the number of extensions (term.renewal.extensions); else it renews automatically."""
    renewal = deal.term.renewal if deal.term is not None else None
    return renewal is not None and (deal.parties.client.public_body or renewal.extensions is not None)


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
    if extension_option(deal) and renewal is not None and renewal.notice is None:
        deal = _extension_notice_default(deal, found)
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


def _extension_notice_default(deal: Any, found: list[Finding]) -> Any:
    """The client's option to extend with no notice written: the default period, said in a note (a warning if final)."""
    renewal = deal.term.renewal
    default = renewal.model_copy(update={"notice": Duration.parse(_extension_notice())})
    deal = deal.model_copy(update={"term": deal.term.model_copy(update={"renewal": default})})
    finding = Finding(
        ("term", "renewal"),
        "default-extension-notice",
        "notice",
        "the renewal is the client's option to extend, and the deal does not say how long before the end of the "
        "current period the client must exercise it",
        f"the extension clause lets the client exercise the option by written notice at least {default.notice} before "
        "the end of the Initial Term or of the current Extension Period (a drafting default; no notice of "
        "non-renewal is needed, since the contract ends unless the option is exercised)",
        "the notice period the client needs to decide and the supplier needs to plan (term.renewal.notice)",
        "renewal",
    )
    return _said(deal, finding, found)


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
