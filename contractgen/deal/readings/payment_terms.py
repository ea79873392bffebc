"""Drafting notes on payment: payment terms the library does not read, and the late-payment law that applies."""

from __future__ import annotations


from collections.abc import Iterator
from typing import Any


from contractgen.deal.readings.sector import interest_free
from contractgen.deal.readings.finding import Finding, prints_as_draft


from contractgen.law.jurisdictions import find_law
from contractgen.law.library import active
from contractgen.deal.readings.public_formalities import formalities_of


def note_unread_payment_terms(deal: Any, data: Any) -> Iterator[Finding]:
    """Payment terms in words the library does not read are drafted as [●], with a note."""
    term = deal.commercials.payment_terms
    if term is not None and term.kind == "unread":
        yield Finding(
            ("commercials", "payment_terms"),
            "payment-terms",
            term.written,
            f"the payment terms {term.written!r} are not a form the library reads (days from receipt or from the "
            "invoice date, or a day of the following month, in English, Spanish, Portuguese, French, German, Italian "
            "or Dutch)",
            "the draft prints [●] for when an invoice falls due",
            "when an invoice falls due; write it as e.g. '30 days', '30 days from invoice date' or 'end of the month "
            "following the month of invoice'",
            "invoicing",
        )


def note_late_payment(deal: Any, data: Any) -> Iterator[Finding]:
    """Where the governing law gives no late-payment interest, or allows none, a draft says what it did instead."""
    record, _ = find_law(deal.contract.governing_law)
    rule = record.commercial.late_payment if record is not None else None
    stated = deal.commercials.late_payment_interest is not None
    if interest_free(deal.parties.client.name) and not (rule is not None and rule.no_interest):
        if not prints_as_draft(deal):
            return
        yield Finding(
            ("parties", "client", "name"), "no-interest", "client",
            f"the name of {deal.parties.client.name} says it works on interest-free principles (a participation, "
            "Islamic or sharia bank or a takaful operator), which do not let it agree to pay interest",
            "the draft charges no interest on late payments and lets the Supplier recover the costs it actually "
            "incurs in recovering an overdue amount" + (", not the rate the deal states" if stated else ""),
            "the client's instructions on a late-payment remedy without interest, and any statutory interest the "
            "governing law gives the Supplier that the parties cannot exclude",
            "invoicing",
        )  # fmt: skip
        return
    # A library default, not an unknown: a note in a draft only. The clause states a contractual rate unless the
    # record names a statute or the family's code prints one (a US state's 1% a month is a default, not a gap).
    if record is None or rule is None or not prints_as_draft(deal) or rule.statutory is True or record.family in ("french", "swiss") or (rule.statutory is None and record.family == "us_state"):  # fmt: skip
        return
    if not stated and formalities_of(deal).late_payment.law:
        return  # a public debtor's statutory interest is what the contract states
    note = (active().records("jurisdictions")[record.key].data.get("late_payment") or {}).get("note", "")
    path = ("commercials", "late_payment_interest") if stated else ("contract", "governing_law")
    if rule.no_interest:
        yield Finding(
            path, "no-interest", record.key,
            f"the law of {record.name} does not allow interest on a debt ({note})",
            "the draft charges no interest (late payment, overcharges found by audit) and lets the Supplier recover "
            "the costs it actually incurs in recovering an overdue amount" + (", not the rate the deal states" if stated else ""),
            "the late-payment remedy with a Sharia review, and whether a fixed late-payment charge is wanted",
            "invoicing",
        )  # fmt: skip
    elif not stated:
        known = rule.statutory is False
        yield Finding(
            path, "late-payment-rate", record.key,
            f"no statute of {record.name} gives interest on late commercial payments ({note})" if known else
            f"the library's record of {record.name} does not say whether a statute gives interest on late commercial payments",
            "the draft states a contractual rate of 1% per month (or, if lower, the highest lawful rate)",
            "the rate" + ("" if known else ", and any statutory late-payment rate that applies to the payment")
            + "; or state it in commercials.late_payment_interest",
            "invoicing",
        )  # fmt: skip


def note_stamp_duty(deal: Any) -> Iterator[Finding]:
    """Where the governing law charges stamp duty on the agreement and the deal does not say who bears it."""
    record, _ = find_law(deal.contract.governing_law)
    stamp = record.commercial.stamp_duty if record is not None else None
    # a reminder, not an unknown the draft guessed at: a note in a draft only, so a final document is not refused
    if record is None or stamp is None or not stamp.law or deal.commercials.stamp_duty is not None:
        return
    if not prints_as_draft(deal):
        return
    unstamped = f": an agreement not duly stamped {stamp.unstamped}" if stamp.unstamped else ""
    law = stamp.law_where(deal.parties.client.address, deal.parties.supplier.address)
    yield Finding(
        ("contract", "governing_law"), "stamp-duty", record.key,
        f"the agreement is chargeable with stamp duty under {law}{unstamped}",
        "the draft does not say who bears the duty or when the agreement is stamped",
        "who bears the duty and that the agreement is stamped (or e-stamped) before or at signing in the State "
        "where it is signed; state who bears it in commercials.stamp_duty",
        "invoicing",
    )  # fmt: skip
