"""Every reading of a validated deal in the order loading applies them: what the draft assumes (public bodies,
co-operatives, company numbers, sector regulation, personal and special data) and the notes it raises."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from contractgen.deal.model import Deal
from contractgen.deal.readings.public_formalities import (
    apply_protective_security,
    apply_public_forum,
    apply_public_payment_period,
    note_public_interest,
)
from contractgen.deal.readings.company_particulars import apply_company_particulars
from contractgen.law.companies import company_view
from contractgen.deal.readings.law_notes import note_ccpa_outside_california
from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.deal.readings.liability_default import apply_liability_default
from contractgen.deal.readings.company_form import note_company_form, note_signing
from contractgen.deal.readings.party_terms import apply_party_terms
from contractgen.deal.readings.convenience import apply_convenience_default
from contractgen.deal.readings.implied_data import apply_implied_data
from contractgen.deal.readings.payment_terms import note_stamp_duty, note_unread_payment_terms
from contractgen.deal.readings.arbitration import (
    note_blank_seat,
    note_domestic_rules,
    note_renamed_institution,
    note_unread_language,
    note_unrecorded_institution,
)
from contractgen.deal.readings.personal_data import apply_personal_data, apply_special_data
from contractgen.deal.readings.breach_notice import apply_breach_notice
from contractgen.deal.readings.process_agent import note_process_agent
from contractgen.deal.readings.public_bodies import apply_cooperatives, apply_public_bodies
from contractgen.deal.readings.public_level import apply_public_level
from contractgen.deal.readings.public_revision import apply_public_revision
from contractgen.deal.readings.security_defaults import apply_security_defaults
from contractgen.deal.readings.state_owned import note_state_owned_number
from contractgen.deal.readings.sector import apply_card_data, apply_sector_regulation
from contractgen.deal.readings.service_levels import note_top_priority_target
from contractgen.deal.readings.service_scope import apply_service_scope
from contractgen.deal.readings.proposed_targets import apply_proposed_targets
from contractgen.deal.readings.support_zone import apply_support_zone
from contractgen.deal.readings.transfer_notes import note_transfer_default


def apply_readings(deal: Deal) -> tuple[Deal, list[Finding]]:
    """The deal as the draft reads it, with a note for each assumption (public bodies first: they change the parties)."""
    found: list[Finding] = []
    for reading in (
        apply_public_bodies,
        apply_cooperatives,
        ask_company_numbers,
        apply_company_particulars,
        apply_sector_regulation,
        apply_card_data,
        apply_personal_data,
        apply_implied_data,
        apply_special_data,
        apply_breach_notice,
        apply_service_scope,
        apply_support_zone,
        apply_proposed_targets,
        apply_liability_default,
        apply_security_defaults,
        apply_convenience_default,
        apply_public_level,
        apply_protective_security,
        apply_public_payment_period,
        apply_public_revision,
        apply_public_forum,
        apply_party_terms,
    ):
        deal, notes = reading(deal)
        found += notes
    return deal, found


def reading_notes(deal: Deal, data: Any) -> Iterator[Finding]:
    """The notes on what the deal writes that the draft does not change: payment terms, process agents, transfers,
    the most severe Priority's target, an arbitral institution with no record, an arbitration's blank seat."""
    yield from note_unread_payment_terms(deal, data)
    yield from note_process_agent(deal, data)
    yield from note_transfer_default(deal, data)
    yield from note_stamp_duty(deal)
    yield from note_top_priority_target(deal, data)
    yield from note_ccpa_outside_california(deal, data)
    yield from note_company_form(deal, data)
    yield from note_unrecorded_institution(deal, data)
    yield from note_blank_seat(deal, data)
    yield from note_unread_language(deal, data)
    yield from note_domestic_rules(deal, data)
    yield from note_renamed_institution(deal, data)
    yield from note_state_owned_number(deal, data)
    yield from note_signing(deal, data)
    yield from note_public_interest(deal, data)


def ask_company_numbers(deal: Deal) -> tuple[Deal, list[Finding]]:
    """In a draft, a company party with no company number has [●] printed for it and a note that asks for it."""
    found: list[Finding] = []
    for role in ("client", "supplier"):
        party = getattr(deal.parties, role)
        if not prints_as_draft(deal) or party.kind != "company" or party.company_number or party.registered_number:
            continue
        label = company_view(party).label  # the identifier the law of its place gives a company ("RUT")
        wanted = (
            f"its {label}" if label else "its company number or registry code in the register where it is incorporated"
        )
        found.append(Finding(("parties", role), "default-company-number", role,
                             f"the deal gives no {label or 'company number'} for {party.name}", "the draft prints [●] for it",
                             f"{wanted} (parties.{role}.company_number)", "parties"))  # fmt: skip
        parties = deal.parties.model_copy(update={role: party.model_copy(update={"company_number": "[●]"})})
        deal = deal.model_copy(update={"parties": parties})
    return deal, found
