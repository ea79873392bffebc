"""Drafting notes on the arbitration a deal chooses: an institution the library has no record of is drafted under the
name the deal writes, with its current rules; a draft's arbitration with no seat prints the seat blank. Each note says
what to check."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import Any

from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.law.arbitration_text import BLANK_SEAT, parse_arbitration
from contractgen.law.forums import arbitration_fields, disputes_of, domestic_rules
from contractgen.law.forum_words import generic_words, language_mentioned
from contractgen.law.jurisdictions import is_arbitration
from contractgen.law.institutions import former_name_in, institution_of, load_institutions
from contractgen.values.duration_words import fold


def note_unrecorded_institution(deal: Any, data: Any) -> Iterator[Finding]:
    """An arbitral institution with no record in law/forums is named as written, under its current arbitration rules,
    with no emergency arbitrator or expedited procedure cited; the note asks for the facts a record would give."""
    fields = arbitration_fields(deal)
    if not fields or not fields.get("institution"):
        return
    institution = institution_of(fields["institution"])
    if institution.recorded:
        return
    chosen = getattr(deal, "disputes", None) is not None and deal.disputes.arbitration is not None
    path = ("disputes", "arbitration", "institution") if chosen else ("contract", "jurisdiction")
    rules = fields.get("rules") or "its arbitration rules"
    yield Finding(
        path,
        "arbitral-institution",
        fields["institution"],
        f"the arbitral institution {fields['institution']!r} has no record in the library{_close(fields['institution'])}",
        f"the draft names it as written ({institution.name}), refers disputes to arbitration administered by it under "
        f"{rules} in force when the arbitration starts, and says nothing of an emergency arbitrator or an expedited "
        "procedure",
        "that it administers arbitrations under that name, the name and edition of its rules, whether they provide "
        "an emergency arbitrator and an expedited procedure (and whether the Parties want them), and whether it "
        "appoints arbitrators when a Party does not; then add a record under law/forums",
        "arbitration",
    )


def note_blank_seat(deal: Any, data: Any) -> Iterator[Finding]:
    """A draft whose arbitration names no seat prints "[●]" for it (a final one is refused by the deal rules): the
    seat decides the arbitration law, the courts that support and supervise the arbitration and where the award is
    made, so it is asked for rather than guessed from the institution or the governing law."""
    fields = arbitration_fields(deal)
    if not fields or fields.get("seat") != BLANK_SEAT:
        return
    yield Finding(
        ("contract", "jurisdiction"),
        "arbitration-seat",
        "seat",
        "the arbitration names no seat",
        "the draft prints [●] for the seat and leaves the courts that support the arbitration to the law of the "
        "seat; no New York Convention check was made",
        "the seat (legal place) of the arbitration: it decides the arbitration law, the courts that support and "
        "supervise the arbitration and where the award is made for its enforcement abroad; write it in "
        "contract.jurisdiction ('…, seated in Singapore'). A final contract is refused without it",
        "arbitration",
    )


def note_unread_language(deal: Any, data: Any) -> Iterator[Finding]:
    """A language of the arbitration written in contract.jurisdiction in words the library does not read ("Sprache
    Klingonisch") is never silently the contract's language: the note says which language the draft prints."""
    written = deal.contract.jurisdiction or ""
    fields = arbitration_fields(deal)
    if not fields or not is_arbitration(written) or parse_arbitration(written)[0].get("language"):
        return
    phrase = language_mentioned(written)
    if not phrase:
        return
    chosen = fields.get("language") or (deal.language.prevailing if getattr(deal, "language", None) else "English")
    yield Finding(
        ("contract", "jurisdiction"),
        "arbitration-language",
        phrase,
        f"the language of the arbitration is written as {phrase!r}, which the library does not read",
        f"the draft says the language of the arbitration is {chosen}",
        "the language the Parties chose; write it as 'language: English' (or the name of the language in the "
        "words of the table), or give disputes.arbitration.language",
        "arbitration",
    )


def note_renamed_institution(deal: Any, data: Any) -> Iterator[Finding]:
    """An institution written by a name it had before it was renamed or merged is drafted under its current name,
    never silently in a draft: the note names both (a final contract, already checked, prints the current name)."""
    fields = arbitration_fields(deal)
    if not fields or not fields.get("institution"):
        return
    institution = institution_of(fields["institution"])
    chosen = getattr(deal, "disputes", None) is not None and deal.disputes.arbitration is not None
    written = deal.disputes.arbitration.institution if chosen else deal.contract.jurisdiction or ""
    former = former_name_in(institution, written)
    if not former or not prints_as_draft(deal):  # a final contract is not refused for a name the record knows
        return
    path = ("disputes", "arbitration", "institution") if chosen else ("contract", "jurisdiction")
    yield Finding(
        path,
        "arbitral-institution-renamed",
        former,
        f"the deal names the arbitral institution {former!r}, a name it had before it was renamed or merged",
        f"the draft names it by its current name, {institution.name}",
        f"that the Parties mean {institution.name}, and whether to write its current name in the contract",
        "arbitration",
    )


def note_domestic_rules(deal: Any, data: Any) -> Iterator[Finding]:
    """A national dispute before an institution with national and international rules goes under its national rules
    (its record says which apply to what); the note says so, and how to choose the international ones."""
    disputes = disputes_of(deal)
    a = disputes.arbitration
    if a is None or not domestic_rules(deal, a) or a.rules != a.institution.domestic[0]:
        return
    yield Finding(
        ("contract", "jurisdiction"),
        "arbitration-domestic-rules",
        a.institution.short or a.institution.name,
        f"both parties are established in the country of {a.institution.name} and the seat is there, so the "
        f"arbitration is national under {a.institution.domestic[1]}",
        f"the draft refers disputes to {a.rules}, not to {a.institution.rules}",
        "that the dispute is national under that law; to choose the international rules, name them in "
        "disputes.arbitration.rules",
        "arbitration",
    )


def _close(name: str) -> str:
    """' (did you mean 'SIAC'?)' where the name is close to a recorded institution's, else ''. Close means close in
    the words that tell institutions apart: "Kigali International Arbitration Centre" shares "International
    Arbitration Centre" with Dubai's, which makes it no nearer to it."""
    names = {i.short or i.name: i for i in load_institutions().values()}
    names.update({i.name.removeprefix("the "): i for i in load_institutions().values()})
    written = name.removeprefix("the ")
    close = difflib.get_close_matches(written, list(names), n=1, cutoff=0.8)
    if not close or _distinctive_ratio(written, close[0]) < 0.8:
        return ""
    return f" (did you mean {close[0]!r}?)"


def _distinctive_ratio(one: str, other: str) -> float:
    """How alike two names are in their words that are not common to institutions' names (1.0 when neither has any
    other: then the whole names were compared)."""
    a, b = _distinctive(one), _distinctive(other)
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b).ratio()


def _distinctive(name: str) -> str:
    """A name without the words institutions' names share ("International", "Arbitration", "Centre"), lower case."""
    common = generic_words()
    words = re.findall(r"[\w'’-]+", fold(name))
    return " ".join(w for w in words if w not in common and not difflib.get_close_matches(w, common, 1, 0.85))
