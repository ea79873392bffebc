"""The sector regulation a client's kind and place bring, inferred where the deal lists none.

A bank, insurer, payment or e-money institution or investment firm is under sector rules that set
contract terms (DORA, the EBA guidelines, PRA SS2/21, FCA SYSC 8, Solvency II Art. 274, FINMA, OSFI)
whether or not the deal lists them. Each regime's record says which kinds of client in which
countries it applies to (``applies_to`` in law/sector/*.yaml). Where the deal lists no regime, the
draft follows the inferred ones (``apply_sector_regulation``); anything assumed is a drafting note
(``Finding``), never a silent change.
"""

from __future__ import annotations


import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from contractgen import yamlload
from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.values.text import with_indefinite_article
from contractgen.law.seats import country_code
from contractgen.law.jurisdictions import find as find_jurisdiction
from contractgen.law.jurisdictions import find_law
from contractgen.law.sector import SectorRegime, load_sector_regimes


SECTOR_WORDS = Path(__file__).parent.parent / "data" / "sector_words.yaml"


COMPANION_REGIMES = Path(__file__).parent.parent / "data" / "companion_regimes.yaml"


# Regimes whose fuller terms turn on whether the services support a critical or important function
# (DORA Art. 30(3)) or are a material outsourcing (PRA SS2/21, FINMA, OSFI B-10).
NEEDS_CRITICALITY = ("DORA", "PRA SS2/21", "FINMA Circular 2018/3", "OSFI B-10")


@lru_cache(maxsize=1)
def _words() -> dict[str, re.Pattern[str]]:
    data = yamlload.safe_load(SECTOR_WORDS.read_text("utf-8"))
    return {
        sector: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
        for sector, words in data.items()
        if sector != "as_of"
    }


def guessed_sector(name: str) -> str | None:
    """Return the sector a client's name suggests ('Northwind Bank plc' → bank), or None."""
    for sector, pattern in _words().items():
        if pattern.search(name or ""):
            return sector
    return None


INTEREST_FREE_WORDS = Path(__file__).parent.parent / "data" / "interest_free_words.yaml"


@lru_cache(maxsize=1)
def _interest_free_words() -> re.Pattern[str]:
    words = yamlload.safe_load(INTEREST_FREE_WORDS.read_text("utf-8"))["words"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def interest_free(name: str) -> bool:
    """Whether a client's name says it works on interest-free principles ('… Katılım Bankası A.Ş.', 'Bank Syariah …')."""
    return bool(_interest_free_words().search(name or ""))


def client_country(deal: Any) -> str:
    """Return the client's country: where it is incorporated, else the governing law's country."""
    return client_place(deal)[0]


def client_place(deal: Any) -> tuple[str, str]:
    """Return the client's country and the key of the jurisdiction it is established in ('ADGM'), or ''s.

    The jurisdiction's record decides first; else the country named where the client is incorporated.
    """
    incorporated = deal.parties.client.incorporated_in
    for text in (incorporated, deal.contract.governing_law):
        # a governing law as written may name a second place or a gloss ("日本法 (Japanese law)")
        record = (find_jurisdiction(text) if text is incorporated else find_law(text)[0]) if text else None
        if record is not None:
            return record.country, record.key.upper()
        if text is incorporated and (code := country_code(text)):
            return code, ""  # a country with no jurisdiction record (Bulgaria, Malta) is still a place rules name
    return "", ""


def party_countries(deal: Any) -> list[str]:
    """The ISO codes of the countries the parties are incorporated in, where the deal says."""
    parties = (deal.parties.client, deal.parties.supplier)
    return [code for party in parties if (code := country_code(getattr(party, "incorporated_in", None)))]


def premises_countries(deal: Any) -> list[str]:
    """The ISO codes of the countries of the supplier's premises (a consortium's: each member's), read from the
    address's last part, else where it is incorporated: where a deal names no Delivery Centre, they are its own."""
    supplier = deal.parties.supplier
    codes: list[str] = []
    for place in getattr(supplier, "members", None) or [supplier]:
        address = str(getattr(place, "address", "") or "")
        code = country_code(address.rsplit(",", 1)[-1]) or country_code(getattr(place, "incorporated_in", None))
        if code and code not in codes:
            codes.append(code)
    return codes


def inferred_regimes(sector: str | None, country: str, jurisdiction: str = "") -> list[SectorRegime]:
    """Return the regimes whose records apply to this kind of client in this country, in record order.

    A financial free zone with its own regulator (ADGM, DIFC) is named in a record's places by its
    jurisdiction key, as its country (AE) is the onshore regulator's.
    """
    if not sector or not country:
        return []
    where = {country, jurisdiction} - {""}
    return [
        r
        for r in load_sector_regimes().values()
        if sector in r.sectors and where & set(r.places) and jurisdiction not in r.except_places
    ]


def companion_regimes(deal: Any, country: str, jurisdiction: str) -> list[SectorRegime]:
    """Return the regimes that a listed regime always brings for this kind of client here (DORA: Solvency II)."""
    sector = deal.parties.client.sector or guessed_sector(deal.parties.client.name)
    data, listed = yamlload.safe_load(COMPANION_REGIMES.read_text("utf-8")), list(deal.regulatory)
    wanted = [k for name, by_sector in data.items() if name in listed for k in by_sector.get(sector, [])]
    inferred = inferred_regimes(sector, country, jurisdiction)
    return [r.in_country(country) for r in inferred if r in wanted and r not in listed]


def apply_sector_regulation(deal: Any) -> tuple[Any, list[Finding]]:
    """Return the deal with the regulation its client's sector and place bring, and the notes that say so.

    Only a draft is changed: a final document is what the lawyers settled, and a note would block it.
    """
    country, jurisdiction = client_place(deal)
    local = [regime.in_country(country) for regime in deal.regulatory]
    if any(a is not b for a, b in zip(local, deal.regulatory)):
        deal = deal.model_copy(update={"regulatory": local})  # the authority named for the client's country
    if companions := companion_regimes(deal, country, jurisdiction):  # implied by a listed regime: final documents too
        deal = deal.model_copy(update={"regulatory": [*deal.regulatory, *companions]})
    if not prints_as_draft(deal):
        # A final document that does not write `regulatory` at all follows the regimes its client's kind and place
        # bring, as a draft does, with a build warning instead of a note (a note would block it); `regulatory: []`
        # says there are none. Where a regime asks whether the Services are critical and the deal is silent, it
        # takes the fuller terms: a regulated client cannot sign without them if the function is critical.
        client = deal.parties.client
        sector = client.sector or guessed_sector(client.name)
        inferred = [regime.in_country(country) for regime in inferred_regimes(sector, country, jurisdiction)]
        if inferred and "regulatory" not in deal.model_fields_set:
            names = ", ".join(str(r) for r in inferred)
            deal = assume(
                deal.model_copy(update={"regulatory": inferred}),
                f"regulatory: the deal does not write regulatory, and {with_indefinite_article(str(sector))} in {country} is under {names}: "
                "the deal is read as under them; check that these are the regimes the client is under and list "
                "them under regulatory (regulatory: [] for none)",
            )
        if (
            any(r in NEEDS_CRITICALITY for r in deal.regulatory)
            and "critical_or_important" not in deal.model_fields_set
        ):
            deal = deal.model_copy(update={"critical_or_important": True})
        return deal, []
    client = deal.parties.client
    stated = client.sector
    sector = stated or guessed_sector(client.name)
    found: list[Finding] = []
    regimes = list(deal.regulatory)
    inferred = [regime.in_country(country) for regime in inferred_regimes(sector, country, jurisdiction)]
    names = ", ".join(str(r) for r in inferred)
    zone = jurisdiction if any(jurisdiction in r.places for r in inferred) else ""  # ADGM, not AE, for the FSRA
    where = f"{sector}" + (f" in {zone or country}" if country else "")
    if inferred and not regimes:
        regimes = inferred
        if stated:
            found.append(
                Finding(
                    ("parties", "client", "sector"),
                    "regulatory-inferred",
                    f"{sector} {country}",
                    f"the deal lists no sector regulation for {with_indefinite_article(where)}",
                    f"the draft follows {names}, which appl{'y' if len(inferred) > 1 else 'ies'} to {with_indefinite_article(where)}",
                    "that these are the regimes the client is under, and list them under regulatory",
                    "regulatory-requirements",
                )
            )
        else:
            found.append(
                Finding(
                    ("parties", "client", "name"),
                    "sector-from-name",
                    f"{sector} {country}",
                    f"the client's name suggests {with_indefinite_article(str(sector))}, but the deal states neither "
                    "parties.client.sector nor regulatory",
                    f"the draft follows {names}, which appl{'y' if len(inferred) > 1 else 'ies'} to {with_indefinite_article(where)}",
                    "what the client is licensed as (parties.client.sector) and the regimes it is under (regulatory)",
                    "regulatory-requirements",
                )
            )
    elif inferred:
        # A deal that lists some regimes (PCI DSS) but not the ones its client's kind and place bring (an EU
        # insurer's DORA) would lose their contract terms; the draft adds them and says so.
        if missing := [r for r in inferred if r not in regimes]:
            regimes += missing
            added = ", ".join(str(r) for r in missing)
            why = (
                f"regulatory lists {', '.join(str(r) for r in deal.regulatory)} but not {added}, which "
                f"appl{'y' if len(missing) > 1 else 'ies'} to {with_indefinite_article(where)}"
            )
            if not stated:
                why = f"the client's name suggests {with_indefinite_article(str(sector))}; {why}"
            found.append(
                Finding(
                    ("regulatory",),
                    "regulatory-missing",
                    " ".join(str(r) for r in missing),
                    why,
                    f"the draft adds {added} to the regimes listed",
                    "whether the client is under "
                    + ("them" if len(missing) > 1 else "it")
                    + ", and list every regime it is under in regulatory"
                    + ("" if stated else " (and what it is licensed as in parties.client.sector)"),
                    "regulatory-requirements",
                )
            )
    for regime in list(regimes):
        for displaced in regime.lex_specialis_over:
            if displaced in regimes:
                regimes.remove(displaced)
                found.append(
                    Finding(
                        ("regulatory",),
                        "lex-specialis",
                        f"{regime} {displaced}",
                        f"the deal lists both {regime} and {displaced}",
                        f"the draft follows {regime} only: for a financial entity it displaces "
                        f"{displaced}'s security and incident-reporting duties (lex specialis)",
                        f"that the client is a financial entity under {regime}",
                        "regulatory-requirements",
                    )
                )
    update: dict[str, Any] = {}
    if regimes != list(deal.regulatory):
        update["regulatory"] = regimes
    needing = [str(r) for r in regimes if r in NEEDS_CRITICALITY]
    if needing and "critical_or_important" not in deal.model_fields_set:
        update["critical_or_important"] = True
        found.append(
            Finding(
                ("regulatory",),
                "critical-or-important",
                " ".join(needing),
                f"critical_or_important is not stated, and {', '.join(needing)} set fuller terms for "
                "services that support a critical or important function or are a material outsourcing",
                "the draft treats the Services as supporting a critical or important function (the fuller terms)",
                "whether they do; state critical_or_important: true or false",
                "regulatory-requirements",
            )
        )
    return (deal.model_copy(update=update) if update else deal), found


CARD_DATA_WORDS = Path(__file__).parent.parent / "data" / "card_data_words.yaml"


@lru_cache(maxsize=1)
def _card_words() -> re.Pattern[str]:
    words = yamlload.safe_load(CARD_DATA_WORDS.read_text("utf-8"))["words"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b", re.I)


def apply_card_data(deal: Any) -> tuple[Any, list[Finding]]:
    """A deal whose data categories read as payment card data, and whose regulatory list lacks PCI DSS, is read as
    under PCI DSS, with a drafting note (a build warning for a final document); `regulatory: []` says none."""
    protection = deal.data_protection
    pci = load_sector_regimes().get("PCI DSS")
    if protection is None or pci is None or "PCI DSS" in deal.regulatory:
        return deal, []
    if "regulatory" in deal.model_fields_set and not deal.regulatory:
        return deal, []
    cards = [str(c) for c in protection.data_categories if _card_words().search(str(c))]
    if not cards:
        return deal, []
    updated = deal.model_copy(update={"regulatory": [*deal.regulatory, pci]})
    what = f"the data categories include {', '.join(repr(c) for c in cards)}, which read as payment card data"
    if not prints_as_draft(deal):
        return assume(updated, f"regulatory: {what}: the deal is read as under PCI DSS; list it under regulatory"), []
    finding = Finding(
        ("data_protection", "data_categories"), "card-data", "PCI DSS", f"{what}, but regulatory does not list PCI DSS",
        "the draft adds PCI DSS: written acknowledgement of responsibility for the security of account data and the "
        "annual evidence of compliance", "that the Services store, process or transmit card data, and list PCI DSS "
        "under regulatory (regulatory: [] for none)", "regulatory-requirements",
    )  # fmt: skip
    return updated, [finding]


def assume(deal: Any, text: str) -> Any:
    """Return the deal recording that its text assumes `text` (a build warning for a final document)."""
    deal._assumed = (*deal._assumed, text)
    return deal
