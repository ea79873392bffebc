"""Drafting notes on the law a deal names: governing law, forum, privacy laws, sector regulation,
remote access and the bases of international transfers the library does not know or had to assume."""

from __future__ import annotations


import re
from collections.abc import Iterator
from typing import Any

from contractgen.law.jurisdictions import (
    find,
    find_law,
    forum_of,
    is_arbitration,
    names_a_court,
    read_governing_law,
    records_of_country,
)
from contractgen.law.forums_courts import read_courts
from contractgen.law.library import active
from contractgen.law.regimes import UNKNOWN, close_regime, deal_regulations
from contractgen.law.transfers import written_bases


from contractgen.deal.readings.finding import Finding, prints_as_draft


def note_governing_law(deal: Any, data: Any) -> Iterator[Finding]:
    """A governing law with no jurisdiction record is drafted by its legal family, with a note."""
    from contractgen.law.families import family_of, load_families, read_law
    from contractgen.law.jurisdictions import load_jurisdictions

    written_law = deal.contract.governing_law
    record, qualifier, beside = read_governing_law(written_law)
    path = ("contract", "governing_law")
    if record is not None and beside:
        yield Finding(
            path,
            "law-beside",
            beside,
            f"the governing law names {beside} beside {record.name}",
            f"the governing-law clause names the laws of {beside} with those of {record.name}, and the draft follows "
            f"the record of {record.name} for the rest; the library has no record of the law of {beside}",
            f"the terms the law of {beside} adds (its procurement, access-to-information and audit law)",
            "governing-law",
        )
    family = load_families().get(record.family) if record is not None else None
    if record is not None and family is not None and not family.drafted:
        yield Finding(
            path,
            "family-not-drafted",
            family.key,
            f"the governing law ({record.name}) is of a legal family the library has no terms of ({family.name})",
            "the draft uses the clause variants that family record names, without English statutes",
            f"the liability, insolvency, employee and dispute clauses against the law of {record.name}",
            "governing-law",
        )
    if record is not None:
        if qualifier and not re.search(
            r"CISG|sale of goods|vienna|conflict|private international law|choice of law", qualifier, re.IGNORECASE
        ):
            yield Finding(
                path,
                "law-qualifier",
                qualifier,
                f"the qualifier {qualifier!r} of the governing law",
                f"the draft keeps it after the law's name ({record.law}, {qualifier})",
                "that the qualifier is what the parties mean",
                "governing-law",
            )
        return
    from contractgen.law.jurisdictions import unrecorded_wording

    written = read_law(written_law)
    family = family_of(written.country, written.law)
    place = written.country_name or written.law
    wording = unrecorded_wording(written_law)
    words = "its words" if wording == written_law else f"the words {wording!r} for it"
    check = (
        f"the governing-law, liability, insolvency, employee and third-party clauses against the law of {place}; "
        "then add a jurisdiction record under law/jurisdictions"
    )
    districts = records_of_country(written.country) if written.country else []
    federal = f" ({place}'s law is recorded by state, province or law district)" if len(districts) > 1 else ""
    if len(districts) > 1:  # a federal country (or the UK) whose records are by state, province or law district
        names = ", ".join(load_jurisdictions()[k].name for k in districts)
        check = (
            f"which state, province or law district of {place} the law is (the library records {names}) and name it "
            "in contract.governing_law"
        )
    if family is None:
        yield Finding(
            path,
            "governing-law",
            written_law,
            f"the governing law {written_law!r} has no jurisdiction record and no legal family{federal}",
            f"the draft uses {words} and the generic civil-law terms (no English common-law terms)",
            check,
            "governing-law",
        )
    elif not family.drafted:
        yield Finding(
            path,
            "governing-law",
            written_law,
            f"the governing law {written_law!r} has no jurisdiction record{federal}, and its legal family "
            f"({family.name}) has no terms in the library",
            f"the draft uses {words} and the {family.variants}-law clause variants its family record names, "
            "without English statutes",
            check,
            "governing-law",
        )
    else:
        yield Finding(
            path,
            "governing-law",
            written_law,
            f"the governing law {written_law!r} has no jurisdiction record{federal}",
            f"the draft uses {words} and the terms of its legal family ({family.name})",
            check,
            "governing-law",
        )


def note_forum(deal: Any, data: Any) -> Iterator[Finding]:
    """A forum the records do not know is drafted as its courts (a place) or as written (a court), with a note."""
    c = deal.contract
    path = ("contract", "jurisdiction")
    if c.forum_wording:
        return
    if not c.jurisdiction:
        if getattr(getattr(deal, "disputes", None), "arbitration", None) is not None:
            return  # arbitration is the forum: no court takes jurisdiction by default
        if find_law(c.governing_law)[0] is None:
            forum = forum_of(None, c.governing_law)
            yield Finding(
                ("contract", "governing_law"),
                "forum",
                forum.courts,
                "the deal names no forum, and the governing law has no jurisdiction record to take its courts from",
                f"the draft gives jurisdiction to {forum.courts}",
                "which courts (or arbitration) the parties agree on; name them in contract.jurisdiction",
                "governing-law",
            )
        return
    if not is_arbitration(c.jurisdiction):
        yield from _court_reading(deal)
    if find(c.jurisdiction) is not None:
        return
    yield from _limited_court(deal)
    if is_arbitration(c.jurisdiction):
        return  # read as arbitration (law/forums); one that cannot be read is refused by the deal rules
    forum = forum_of(c.jurisdiction, c.governing_law)
    if not names_a_court(c.jurisdiction) and read_courts(c.jurisdiction) is None and not forum.unread:
        yield Finding(
            path,
            "forum",
            c.jurisdiction,
            f"the forum {c.jurisdiction!r} names a place, not a court the library knows",
            f"the draft gives jurisdiction to {forum.courts}",
            "that those are the courts the parties mean",
            "governing-law",
        )


def _court_reading(deal: Any) -> Iterator[Finding]:
    """A court phrase that chooses a party's seat (read from its address), waives other forums or reduces to no
    court: what the draft makes of it."""
    from contractgen.law.seat_courts import party_seat_forum

    c = deal.contract
    forum = forum_of(c.jurisdiction, c.governing_law)
    path = ("contract", "jurisdiction")
    if forum.seat_of:
        party = getattr(deal.parties, forum.seat_of)
        seat = party_seat_forum(forum, party.address)
        yield Finding(
            path, "forum", c.jurisdiction, f"the forum {c.jurisdiction!r} is the courts of the {forum.seat_of}'s seat",
            f"the draft gives jurisdiction to {seat.courts}, read from the {forum.seat_of}'s address",
            f"that the {forum.seat_of}'s seat is there, and which of its courts has jurisdiction", "governing-law",
        )  # fmt: skip
    if forum.unread:
        yield Finding(
            path, "forum", c.jurisdiction, f"the forum {c.jurisdiction!r} names no court this library can read",
            f"the draft gives jurisdiction to {forum.courts}",
            "which court the parties chose; name it in contract.jurisdiction", "governing-law",
        )  # fmt: skip
    if forum.waiver:
        yield Finding(
            path, "forum-waiver", c.jurisdiction, f"the forum {c.jurisdiction!r} waives every other forum",
            f"the draft gives jurisdiction to {forum.courts} and the Parties waive any other forum",
            "that the waiver is intended and valid under the governing law", "governing-law",
        )  # fmt: skip


def note_contract_language(deal: Any, data: Any) -> Iterator[Finding]:
    """A law of a party's country requiring its language (Indonesia, Türkiye): a draft says which texts it is made in,
    which prevails and why, so that the national text is prepared and the prevailing one confirmed."""
    from contractgen.deal.readings.sector import client_country
    from contractgen.law.seats import country_code
    from contractgen.law.jurisdictions import load_jurisdictions
    from contractgen.law.national import contract_language
    from contractgen.values.text import with_indefinite_article

    if not prints_as_draft(deal):
        return
    written = deal.language
    countries = (client_country(deal), country_code(getattr(deal.parties.supplier, "incorporated_in", None)))
    chosen = "prevailing" in written.model_fields_set
    lang = contract_language(
        str(written.prevailing), tuple(str(t) for t in written.translations), chosen, countries, load_jurisdictions()
    )
    if not lang.national:
        return
    why = "the deal chose it" if lang.chosen and lang.prevailing != lang.national else "as that law expects"
    yield Finding(
        ("language", "prevailing") if chosen else ("parties",), "contract-language", lang.national,
        f"under {lang.law}, a contract between these parties needs a text in {lang.national}",
        f"the draft says the Agreement is made in {' and '.join(lang.texts)}, the {lang.prevailing} text prevailing "
        f"({why})", f"that {with_indefinite_article(lang.national)} text is prepared and signed with the other, and which text prevails "
        "(language.prevailing, where that law lets the parties choose)", "prevailing-language",
    )  # fmt: skip


def _limited_court(deal: Any) -> Iterator[Finding]:
    """A forum naming a court whose jurisdiction the governing law limits to listed subjects (Nigeria's Federal High
    Court, section 251 of the Constitution): the parties cannot give it a dispute outside them by agreement."""
    record, _ = find_law(deal.contract.governing_law)
    if record is None or not prints_as_draft(deal):
        return
    for limited in active().records("jurisdictions")[record.key].data.get("limited_courts") or ():
        if limited["court"].casefold() in deal.contract.jurisdiction.casefold():
            yield Finding(
                ("contract", "jurisdiction"), "limited-court", limited["court"],
                f"the forum names the {limited['court']}, whose jurisdiction {limited['law']} limits to "
                f"{limited['subjects']}; the parties cannot give it other disputes by agreement",
                "the draft gives it jurisdiction as the deal writes",
                "that the disputes under this Agreement fall within those subjects, or name a court of general "
                "jurisdiction or arbitration in contract.jurisdiction",
                "governing-law",
            )  # fmt: skip


CATEGORY_WORDS = {
    "financial": "financial-services outsourcing (regulator access and audit, notification, sub-outsourcing, "
    "termination on the regulator's direction, records)",
    "public": "public sector and official information (information requests, publication, records)",
    "procurement": "public procurement (modification and subcontracting only as that law allows, termination on "
    "its grounds, publication and reporting)",
    "health": "health (confidentiality of health information, inspection, records)",
    "telecoms": "telecoms (security of networks and services, incident notification, regulator access)",
    "life_sciences": "life sciences and GxP (validated systems, audit trails, inspection, records)",
    "payments": "payments (payment data security, evidence of compliance, notification)",
    "cybersecurity": "cybersecurity (incident reporting, logs, clocks, a point of contact)",
    "": "no category the library recognises (co-operation with the regulator and information only)",
}


def deal_countries(deal: Any) -> set[str]:
    """The countries a deal is about: its law's, its delivery centres' and its data-residency countries.

    Suggestions ("did you mean") are made only among the laws of these countries.
    """
    from contractgen.law.families import read_law

    record, _ = find_law(deal.contract.governing_law)
    found = {record.country if record else read_law(deal.contract.governing_law).country}
    if deal.sourcing:
        found |= {c.country for c in deal.sourcing.delivery_centres}
    if deal.data_protection:
        found |= set(deal.data_protection.data_residency)
    return {c for c in found if c}


def note_privacy_laws(deal: Any, data: Any) -> Iterator[Finding]:
    """A privacy law the library does not know is cited as written in neutral words, with a note."""
    dp = deal.data_protection
    if dp is None:
        return
    applied, _ = deal_regulations(deal)
    index = {name: i for i, name in enumerate(dp.regulations)}
    countries = deal_countries(deal)
    for regime in applied:
        path = ("data_protection", "regulations", index.get(regime.written[0], 0))
        if regime.family == UNKNOWN:
            close = close_regime(regime.name, countries)
            hint = f" (did you mean {close!r}?)" if close else ""
            yield Finding(
                path,
                "privacy-law",
                regime.name,
                f"the privacy law {regime.name!r} has no record in the library{hint}",
                "the draft cites it by that name, with neutral words (personal data, individuals, the "
                "competent authority), the general processor obligations and no roles or articles of "
                "another law",
                "its roles, breach-notice rule, cross-border transfer rule and the provisions "
                "the contract should cite; then add a record under law/privacy",
                "data-protection",
            )
        for supplement in regime.supplements:
            if supplement.key.startswith(f"{UNKNOWN}:"):
                yield Finding(
                    ("data_protection", "regulations", index.get(supplement.name, 0)),
                    "privacy-law",
                    supplement.name,
                    f"the privacy law {supplement.name!r} has no record in the library",
                    f"the draft cites it as a national law supplementing {regime.name}",
                    f"that it supplements {regime.name} and what it adds",
                    "data-protection",
                )


def note_sector_regulation(deal: Any, data: Any) -> Iterator[Finding]:
    """Sector regulation the library does not know is drafted from its category, named as written."""
    for i, regime in enumerate(deal.regulatory):
        if regime.recognised:
            continue
        yield Finding(
            ("regulatory", i),
            "sector-regulation",
            str(regime),
            f"the sector regulation {str(regime)!r} has no record in the library",
            f"the draft names it as written and gives it the terms of {CATEGORY_WORDS[regime.category]}",
            "that the category is right and what the regulation requires of the contract; then add a "
            "record under law/sector",
            "regulatory-requirements",
        )


def note_remote_access(deal: Any, data: Any) -> Iterator[Finding]:
    """A delivery centre outside the data-residency countries is read as remote access to data held there."""
    dp, sourcing = deal.data_protection, deal.sourcing
    if dp is None or not dp.personal_data or not dp.data_residency or sourcing is None:
        return
    held = ", ".join(dp.data_residency)
    for i, centre in enumerate(sourcing.delivery_centres):
        if centre.country not in dp.data_residency:
            yield Finding(
                ("sourcing", "delivery_centres", i, "country"),
                "remote-access",
                f"{centre.city} {centre.country}",
                f"the delivery centre in {centre.city} ({centre.country}) is outside the data-residency "
                f"countries ({held})",
                f"the draft reads it as personnel in {centre.country} reaching data held in {held} by remote "
                "access, and treats that access as a transfer where a privacy law restricts transfers",
                f"that no personal data is stored in {centre.country}, and the data-location wording of the contract",
                "delivery-locations",
            )


def note_transfer_bases(deal: Any, data: Any) -> Iterator[Finding]:
    """A transfer basis written in words the library does not recognise stays the deal's text, with a note."""
    dp = deal.data_protection
    if dp is None or dp.international_transfers is None:
        return
    for text in written_bases(deal):
        yield Finding(
            ("data_protection", "international_transfers", "mechanism"),
            "transfer-basis",
            text,
            f"the transfer basis {text!r} is not a mechanism the library knows",
            "the draft names it as written as the basis of each restricted transfer, and does not check it "
            "against the privacy law (and never reads 'standard contractual clauses' in other words as the "
            "EU Commission's)",
            "that it is a valid basis under each privacy law the transfers fall under, and what documents it needs",
            "international-transfers",
        )


def note_ccpa_outside_california(deal: Any, data: Any) -> Iterator[Finding]:
    """A deal listing the CCPA whose client and law are outside California: the CCPA protects California residents."""
    dp = deal.data_protection
    if dp is None or not dp.personal_data or not prints_as_draft(deal):
        return
    applied, _ = deal_regulations(deal)
    if not any(r.key == "ccpa" for r in applied):
        return
    places = [find(text) for text in (deal.contract.governing_law, deal.parties.client.incorporated_in) if text]
    keys = {p.key for p in places if p is not None}
    if "california" in keys or not keys:
        return
    where = next(p.name for p in places if p is not None)
    yield Finding(
        ("data_protection", "regulations"),
        "ccpa-outside-california",
        "ccpa",
        f"the deal lists the CCPA, which protects California residents, but the contract's law and the client are "
        f"outside California ({where})",
        "the draft applies the CCPA's terms as the deal lists them, beside the breach statute of the governing law "
        "where the library records one",
        "that the personal information of California residents is in scope; if not, remove the CCPA from "
        "data_protection.regulations and name the privacy law of the state whose residents the data concerns",
        "data-protection",
    )
