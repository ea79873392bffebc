"""The clause context: what a clause template, a `when` condition or cover wording can read.

One definition serves rendering and lint: `context_types` gives each variable's type (the static
analysis follows fields through it) and `build_context` gives its value for a deal. The values
are the deal's frozen models and dataclasses, strings, Decimals and dates; the sandbox lets a
template read their data fields only (deal_types.readable_attribute), never call their methods.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from contractgen.deal.derived import Derived, compute_derived, currency_sign
from contractgen.deal.model import ClientParty, Deal, SupplierParty
from contractgen.law.forums import DisputesView, arbitration_fields, disputes_of
from contractgen.law.seats import place_country, seat_place
from contractgen.law.jurisdictions import Forum, Law, forum_of, law_of, load_jurisdictions
from contractgen.law.national import Home, contract_language, home_of
from contractgen.law.privacy import Privacy, privacy_of
from contractgen.law.public_contracts import PublicContract
from contractgen.templating.deal_types import _unwrap
from contractgen.templating.filters import party_reference


def _shortcut_types() -> dict[str, Any]:
    from contractgen.deal.readings.process_agent import AgentView
    from contractgen.law.commercial import TaxName
    from contractgen.law.companies import CompanyView
    from contractgen.law.party_kinds import KindView
    from contractgen.law.party_insolvency import PartyInsolvency
    from contractgen.law.employment import StaffTransfer
    from contractgen.law.public_sector import PublicSector

    return dict(
        deal=Deal,
        client=ClientParty,
        supplier=SupplierParty,
        derived=Derived,
        CLIENT=str,
        SUPPLIER=str,
        CLIENT_NAME=str,
        SUPPLIER_NAME=str,
        CLIENT_ITS=str,
        SUPPLIER_ITS=str,
        law=Law,
        forum=Forum,
        disputes=DisputesView,
        public=PublicSector,
        public_contract=PublicContract,
        privacy=Privacy,
        home=Home,
        staff=StaffTransfer,
        companies=dict[str, CompanyView],
        kinds=dict[str, KindView],
        process_agents=list[AgentView],
        supplier_tax=TaxName,
        party_insolvency=dict[str, PartyInsolvency],
        PD=str,
        locale_=str,
        currency_=str,
        currency_sign_=str,
    )


def context_types() -> dict[str, Any]:
    """Return the variables a clause can read, with their types: each deal section, then the shortcuts."""
    context: dict[str, Any] = {name: _unwrap(info.annotation) for name, info in Deal.model_fields.items()}
    context.update(_shortcut_types())
    return context


def build_context(deal) -> dict[str, Any]:
    """Return the variables a clause can read: each deal section, its derived figures, a few shortcuts."""
    from contractgen.deal.readings.process_agent import process_agents
    from contractgen.deal.readings.public_formalities import formalities_of
    from contractgen.law.companies import company_views, supplier_tax
    from contractgen.law.party_kinds import kind_views
    from contractgen.law.party_insolvency import insolvency_views
    from contractgen.law.employment import staff_transfer_of
    from contractgen.law.public_sector import public_sector_of_party
    from contractgen.law.seat_courts import client_seat_forum, party_seat_forum

    context: dict[str, Any] = {name: getattr(deal, name) for name in type(deal).model_fields}
    client, supplier = deal.parties.client, deal.parties.supplier
    contract = deal.contract
    privacy = privacy_of(deal)
    arbitration = arbitration_fields(deal)
    if arbitration is None:
        forum = forum_of(contract.jurisdiction, contract.governing_law, contract.forum_wording)
        if not contract.jurisdiction and not contract.forum_wording:  # the client's draft: the courts of its seat
            forum = client_seat_forum(contract.governing_law, client.address) or forum
        forum = party_seat_forum(forum, (supplier if forum.seat_of == "supplier" else client).address)
    else:  # the courts that support the arbitration: those of its seat, else of the governing law
        seat = arbitration.get("seat") or ""
        forum = forum_of(None, _seat_courts(seat) or contract.governing_law)
    client_ref = party_reference(client.short_name or "Client", getattr(client, "article", None))
    supplier_ref = party_reference(supplier.short_name or "Supplier", getattr(supplier, "article", None))
    forum = replace(forum, courts=_in_own_terms(forum.courts, client_ref, supplier_ref))
    formalities = formalities_of(deal)
    if arbitration is None and formalities.forum.courts:  # the forum a public body's own law requires
        forum = replace(forum, courts=formalities.forum.courts, plural=True)
    law = law_of(contract.governing_law, contract.law_wording)
    disputes = disputes_of(deal, forum.country or place_country(forum.courts) or law.country, forum.courts, forum.key)
    derived = compute_derived(deal)  # computed once per document, here
    shortcuts = dict(
        deal=deal,
        client=client,
        supplier=supplier,
        derived=derived,
        CLIENT=client_ref,
        SUPPLIER=supplier_ref,
        CLIENT_NAME=client.short_name or "Client",
        SUPPLIER_NAME=supplier.short_name or "Supplier",
        CLIENT_ITS=_its(client),
        SUPPLIER_ITS=_its(supplier),
        law=law,
        staff=staff_transfer_of(deal, law.country),
        companies=company_views(deal),
        kinds=kind_views(deal),
        process_agents=process_agents(deal),
        supplier_tax=supplier_tax(deal),
        party_insolvency=insolvency_views(deal),
        forum=forum,
        disputes=disputes,
        public=public_sector_of_party(law.key, client),
        public_contract=formalities,
        privacy=privacy,
        home=_home(deal, derived, formalities),
        PD=privacy.words.term,
        locale_=deal.contract.locale,
        currency_=deal.commercials.currency,
        currency_sign_=currency_sign(deal),
    )
    context.update(shortcuts)
    return context


# "the Client" and "the Supplier" in the deal's own forum wording ("the courts where the Client is domiciled"):
# the contract's defined terms for the parties are their short names ("Party A", "the Bank").
_ROLE_WORDS = re.compile(r"\bthe (Client|Supplier)\b")


def _in_own_terms(text: str, client_ref: str, supplier_ref: str) -> str:
    """The deal's forum wording with "the Client" and "the Supplier" written as the parties' defined terms."""
    return _ROLE_WORDS.sub(lambda m: client_ref if m.group(1) == "Client" else supplier_ref, text)


def _home(deal, derived: Derived, public: PublicContract) -> Home:
    """What the parties' countries bring: the contract's languages, the client's bank secrecy and weekend."""
    records = load_jurisdictions()
    written = deal.language
    language = contract_language(
        str(written.prevailing),
        tuple(str(t) for t in written.translations),
        "prevailing" in written.model_fields_set,
        (derived.client_country, derived.supplier_country),
        records,
        public=(public.language, public.language_law, public.language_exclusive),
    )
    return home_of(language, derived.client_country, derived.client_sector, records)


def _seat_courts(seat: str) -> str:
    """The jurisdiction record whose courts supervise an arbitral seat, or ""."""
    key = (seat_place(seat) or {}).get("jurisdiction", "")
    return load_jurisdictions()[key].name if key in load_jurisdictions() else ""


def _its(party: Any) -> str:
    """The possessive for a party: "their" for an individual or a sole trader (a person, never "its"), else "its"."""
    return "their" if getattr(party, "kind", "company") in ("individual", "sole_trader") else "its"
