"""What a public body's country's law asks of its contract that a deal cannot settle alone.

A public body whose country's law requires a security agreement with a supplier given access to its
security-sensitive activities (Sweden: a security protection agreement under the Protective Security Act
(2018:585)). The deal has no field that says whether the Services are security-sensitive, so the contract drafts
no such agreement, and a draft asks in a note (a final contract in a build warning). A payment period longer
than the one the law gives a public debtor (Italy: 30 days, 60 for a health body) is asked about the same way.
"""

from __future__ import annotations

from typing import Any

from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.deal.readings.sector import assume, client_country
from contractgen.law.library import active
from contractgen.law.public_contracts import public_contract_of


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
    late = public_contract_of(client_country(deal), client.kind, True, client.level).late_payment
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
