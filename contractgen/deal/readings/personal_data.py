"""Personal data a deal implies: a data-protection section assumed where the services handle personal data,
and data categories that read as special-category or sensitive data, each with a drafting note."""

from __future__ import annotations


import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from contractgen import yamlload
from contractgen.deal.parties import PUBLIC_BODIES
from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.deal.sections import DataProtection
from contractgen.law.privacy import assumed_section, processing_countries
from contractgen.law.privacy_names import deal_countries
from contractgen.law.regimes import deal_regulations, resolve_regulations


from contractgen.deal.readings.sector import assume, client_country, client_place, guessed_sector
from contractgen.law.seats import country_code
from contractgen.law.jurisdictions import law_of
from contractgen.law.party_kinds import kind_view
from contractgen.law.public_sector import PublicSector, level_of, public_sector_in
from contractgen.values.countries import country_in_sentence
from contractgen.values.text import with_indefinite_article


def data_country(deal: Any) -> str:
    """The country whose privacy law governs the client's data: where a branch client trades, else the client's."""
    client = deal.parties.client
    if getattr(client, "kind", "") == "branch" and (branch := country_code(getattr(client, "branch_in", None))):
        return branch
    return client_country(deal)


PERSONAL_DATA_WORDS = Path(__file__).parent.parent / "data" / "personal_data_words.yaml"


@lru_cache(maxsize=1)
def _personal_data_words() -> dict[str, Any]:
    data: dict[str, Any] = yamlload.safe_load(PERSONAL_DATA_WORDS.read_text("utf-8"))
    return data


def _profiles(deal: Any) -> list[tuple[str, dict[str, Any]]]:
    """The kinds of personal data the deal's facts name, each with why: the client's sector or kind, and words in the
    contract's title and the services' names and descriptions; else the users' accounts every supplier handles."""
    words = _personal_data_words()
    client = deal.parties.client
    sector = client.sector or guessed_sector(client.name) or ""
    found = (
        [(f"the client is {with_indefinite_article(sector)}", words["sectors"][sector])]
        if sector in words["sectors"]
        else []
    )
    if (kind := getattr(client, "kind", "")) in words["kinds"]:
        # named as the body names it ("a region", "a county government"), where its law's record says
        named = kind_view(client, str(deal.contract.governing_law or "")).words
        found.append(
            (f"the client is {named or with_indefinite_article(kind.replace('_', ' '))}", words["kinds"][kind])
        )
    services = " ".join(f"{s.name} {getattr(s, 'description', '') or ''}" for s in deal.scope.services)
    texts = (("the services speak of", services), ("the contract's title speaks of", deal.contract.title or ""))
    for name, profile in words["services"].items():
        hit = next(((why, w) for why, text in texts for w in profile["words"]
                    if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.I)), None)  # fmt: skip
        if hit and all(profile is not p for _, p in found):
            found.append((f"{hit[0]} {hit[1]}", profile))
    if not found:
        found.append(("an IT outsourcing supplier almost always processes some for its client (at the least, the "
                      "accounts of the people who use the systems in scope) and nothing in the deal names other data",
                      words["default"]))  # fmt: skip
    return found


def _own_public(deal: Any) -> PublicSector:
    """The public-sector law of a public-body client's own level or region, from its country's record."""
    client = deal.parties.client
    if getattr(client, "kind", "") not in PUBLIC_BODIES:
        return PublicSector(level="")
    law = law_of(deal.contract.governing_law, deal.contract.law_wording)
    return public_sector_in(data_country(deal), client, law.key)


def public_body_outside(deal: Any, table: str = "public_bodies_outside") -> str:
    """Why the general privacy law (or, table supplements_outside, its national supplement) of a public-body client's
    country does not bind it at its level, or ""."""
    client = deal.parties.client
    if getattr(client, "kind", "") not in PUBLIC_BODIES:
        return ""
    row = _personal_data_words()[table].get(data_country(deal)) or {}
    own = _own_public(deal)
    level = own.level if own.applies or own.unrecorded else level_of(client.kind, getattr(client, "level", None))
    return str(row.get("why", "")) if level in row.get("levels", ()) else ""


def free_zone_law(deal: Any) -> dict[str, str]:
    """The data protection law of the free zone the client is established in (the DIFC's, the ADGM's), with why its
    country's general law does not reach it; {} elsewhere."""
    row = _personal_data_words()["free_zone_laws"].get(client_place(deal)[1]) or {}
    return {"law": str(row["law"]), "why": str(row["why"])} if row else {}


def own_privacy_laws(deal: Any) -> tuple[str, ...]:
    """The data protection laws a public-body client's own level or region answers to, as its country's record
    names them (its canton's, its Land's), or ()."""
    return _own_public(deal).privacy


def assumed_personal_data(deal: Any) -> tuple[dict[str, Any], str] | None:
    """The data protection section a deal without one is drafted with, and why; None when the deal writes the section
    (`data_protection: null` for none) or no privacy law of the client's country is recorded. A public body gets its
    own level's or region's law where recorded, else the general law's processor terms as the nearest regime."""
    if "data_protection" in deal.model_fields_set:
        return None
    zone = free_zone_law(deal)
    found, own = _profiles(deal), ((zone["law"],) if zone else own_privacy_laws(deal))
    kinds, country = [kind for _, kind in found], data_country(deal)
    section = assumed_section(kinds, country, processing_countries(deal), own)
    if section is None:
        return None
    section["breach_notification"] = _personal_data_words()["breach_notification"]
    reasons = [reason for reason, _ in found]
    if zone:
        reasons.append(f"it is established in a free zone: {zone['why']}")
    elif own:
        reasons.append(f"as a public body it answers to {' and '.join(own)} (the law record of its level or region)")
    elif outside := public_body_outside(deal):
        reasons.append(f"{outside}; no record names that law, so the draft uses {section['regulations'][0]}'s "
                       "processor terms as the nearest regime")  # fmt: skip
    elif supplement := public_body_outside(deal, "supplements_outside"):
        section["regulations"] = section["regulations"][:1]
        reasons.append(supplement)
    return section, "; ".join(reasons)


def _written_without_own_law(deal: Any) -> tuple[Any, list[Finding]]:
    """A deal that writes its data protection laws for a public body whose own level's or region's law is recorded
    but not among them (a canton's deal listing the FADP): a note naming that law; the deal's laws are drafted."""
    dp = deal.data_protection
    own = own_privacy_laws(deal)
    if dp is None or not dp.personal_data or not own:
        return deal, []
    listed = {r.key for r in deal_regulations(deal)[0]}
    if {r.key for r in resolve_regulations(list(own), deal_countries(deal))[0]} <= listed:
        return deal, []
    name = deal.parties.client.name
    finding = Finding(("data_protection", "regulations"), "public-privacy-law", ", ".join(dp.regulations),
                      f"{name} is a public body that answers to {' and '.join(own)} (the law record of its level or "
                      "region), which data_protection.regulations does not list",
                      f"the draft names the laws the deal lists ({', '.join(dp.regulations)}), and their processor terms",
                      f"whether {' and '.join(own)} governs the client's processing, and list it in "
                      "data_protection.regulations", "data-protection")  # fmt: skip
    if prints_as_draft(deal):
        return deal, [finding]
    return assume(deal, f"data_protection: {finding.unrecognised}; {finding.drafted}; check {finding.check}"), []


def apply_personal_data(deal: Any) -> tuple[Any, list[Finding]]:
    """Return the deal with the data protection terms its facts call for when it writes none, and the note."""
    if "data_protection" in deal.model_fields_set:
        return _written_without_own_law(deal)
    assumed = assumed_personal_data(deal)
    if assumed is None:
        return _no_law_known(deal)
    section, why = assumed
    dp = DataProtection.model_validate(section)
    deal = deal.model_copy(update={"data_protection": dp})
    deal._proposed_special = True  # the whole section is the draft's proposal, its special categories too
    roles = f" as {section['roles']['supplier']} for the client" if "roles" in section else ""
    transfer = section.get("international_transfers", {}).get("mechanism")
    drafted = (
        f"it is read as the supplier processing personal data{roles} under {' and '.join(section['regulations'])}: "
        f"{', '.join(dp.data_subjects)}; {', '.join(dp.data_categories)}"
        + (f"; special categories: {', '.join(dp.special_categories)}" if dp.special_categories else "")
        + f"; breach notice within {dp.breach_notification}"
        + (f"; transfers to the supplier's country under {transfer}" if transfer else "")
    )
    laws = " and ".join(section["regulations"])
    whose = "free zone" if free_zone_law(deal) else "level or region" if own_privacy_laws(deal) else "country"
    check = (
        f"what personal data the Services involve, that {laws} (the law of the client's {whose}) governs it and the "
        "transfers it needs, and write data_protection (data_protection: null for none)"
    )
    if public_body_outside(deal) and not own_privacy_laws(deal):
        check = (
            "the public-sector or regional data protection law that binds the client and the terms it requires of its "
            f"suppliers, in place of {laws}, and write data_protection with them (null for none)"
        )
    unrecognised = f"the deal has no data_protection section, but {why}"
    if not prints_as_draft(deal):
        return assume(deal, f"data_protection: {unrecognised}; {drafted}; check {check}"), []
    return deal, [Finding(("data_protection",), "personal-data-assumed", section["regulations"][0],
                          unrecognised, drafted, check, "data-protection")]  # fmt: skip


def _no_law_known(deal: Any) -> tuple[Any, list[Finding]]:
    """A deal silent on personal data whose client's country has no general privacy law recorded (the United
    States): the draft has no data-protection terms, and a note says what to settle."""
    if "data_protection" in deal.model_fields_set or not (country := data_country(deal)):
        return deal, []
    why = "; ".join(reason for reason, _ in _profiles(deal))
    unrecognised = f"the deal has no data_protection section, but {why}"
    place = country_in_sentence(country)
    drafted = f"no general privacy law of {place} is recorded, so the draft has no data-protection terms"
    if outside := public_body_outside(deal):
        drafted = f"{outside}; the draft has no data-protection terms"
    rules = ("the public-sector or regional data protection law that binds the client, and the terms it requires of its suppliers" if outside else
             "the data-breach statute of the client's state and the sector rules for its business, such as HIPAA, the "
             "GLBA or a state regulator's cybersecurity rules" if country == "US" else
             f"whether {place} has a general data protection law and, if so, the terms it requires of a processor and "
             "of a transfer abroad, and any sector rules for the client's business")  # fmt: skip
    check = (
        f"which privacy laws govern the personal data ({rules}), and write data_protection with them (null for none)"
    )
    if not prints_as_draft(deal):
        return assume(deal, f"data_protection: {unrecognised}; {drafted}; check {check}"), []
    return deal, [Finding(("data_protection",), "personal-data-no-law", country, unrecognised, drafted, check,
                          "confidentiality")]  # fmt: skip


SPECIAL_DATA_WORDS = Path(__file__).parent.parent / "data" / "special_data_words.yaml"


@lru_cache(maxsize=8)
def _elements(regimes: tuple[str, ...] = ()) -> dict[str, str]:
    """The general categories that may hold sensitive elements under these regimes, each with those elements."""
    data = yamlload.safe_load(SPECIAL_DATA_WORDS.read_text("utf-8"))
    return {word: text for key in regimes for word, text in (data.get("elements") or {}).get(key, {}).items()}


def _element_of(category: str, elements: dict[str, str]) -> str:
    """The sensitive elements a general category may hold ("identifiers": the identification numbers), or ""."""
    return next((t for w, t in elements.items() if re.search(rf"\b{re.escape(w)}\b", category, re.I)), "")


def _subject_categories(subjects: list[str]) -> list[tuple[int, str, str]]:
    """The data subjects whose records usually hold special-category data: (index, subject, that category)."""
    data = yamlload.safe_load(SPECIAL_DATA_WORDS.read_text("utf-8")).get("subjects") or {}
    found = []
    for i, subject in enumerate(subjects):
        hit = next((c for w, c in data.items() if re.search(rf"\b{re.escape(w)}s?\b", subject, re.I)), None)
        if hit:
            found.append((i, subject, str(hit)))
    return found


@lru_cache(maxsize=8)
def _special_words(regimes: tuple[str, ...] = ()) -> re.Pattern[str]:
    data = yamlload.safe_load(SPECIAL_DATA_WORDS.read_text("utf-8"))
    words = data["words"] + [w for key in regimes for w in data["by_regime"].get(key, [])]
    return re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")s?\b", re.IGNORECASE
    )


def apply_special_data(deal: Any) -> tuple[Any, list[Finding]]:
    """Record the data categories that read as special or sensitive data as such, with notes (a final contract:
    build warnings); only where the deal does not state its special categories (an empty list says none)."""
    protection = deal.data_protection
    if protection is None or not protection.personal_data or "special_categories" in protection.model_fields_set:
        return deal, []
    regimes = tuple(sorted(r.key for r in deal_regulations(deal)[0]))
    words, elements = _special_words(regimes), _elements(regimes)
    found = [
        (i, c, "" if words.search(c) else _element_of(c, elements)) for i, c in enumerate(protection.data_categories)
    ]
    found = [(i, c, e) for i, c, e in found if e or words.search(c)]
    by_subject = _subject_categories(protection.data_subjects)
    named = {c for _, _, c in by_subject} | {e or c for _, c, e in found}
    # only a section the draft assumed gets the sector's: a written one describes the data the lawyers settled, and
    # where its categories name special data, the draft follows them
    assumed = deal._proposed_special and not found
    implied = [(why, c) for why, c in implied_special(deal, regimes) if c not in named] if assumed else []
    if not found and not by_subject and not implied:
        return deal, []
    notes = [Finding(("data_protection", "data_categories", i), "special-data-from-categories", category,
                     f"the deal states no special categories of data, but its data category {category!r} "
                     + (f"may hold sensitive data ({element})" if element else "reads as special-category (sensitive) data"),
                     ("the draft records those elements, not the whole category, as sensitive" if element else
                      "the draft records it as such") + " in the processing details, with the additional safeguards for it",
                     ("whether it holds them" if element else "that it is")
                     + "; state data_protection.special_categories (write [] if none is processed)",
                     "dp-processing-details") for i, category, element in found]  # fmt: skip
    notes += [Finding(("data_protection", "data_subjects", i), "special-data-from-subjects", subject,
                      f"the deal states no special categories of data, but the records of its data subjects "
                      f"{subject!r} usually hold {category}",
                      f"the draft proposes {category} as special-category (sensitive) data in square brackets in the "
                      "processing details, with the additional safeguards for it",
                      "that they do; state data_protection.special_categories (write [] if none is processed)",
                      "dp-processing-details") for i, subject, category in by_subject]  # fmt: skip
    notes += [Finding(("data_protection", "special_categories"), "special-data-implied", category,
                      f"the deal states no special categories of data, but {why}, which usually means {category}",
                      f"the draft proposes {category} as special-category (sensitive) data in square brackets in the "
                      "processing details, with the additional safeguards for it",
                      "whether the Services involve it; state data_protection.special_categories (write [] if none "
                      "is processed)", "dp-processing-details") for why, category in implied]  # fmt: skip
    special = [e or c for _, c, e in found] + [c for _, _, c in by_subject] + [c for _, c in implied]
    updated = protection.model_copy(update={"special_categories": list(dict.fromkeys(special))})
    deal = deal.model_copy(update={"data_protection": updated})
    # brackets only where the subjects or the sector are the source: where the deal's own categories name special
    # data, the draft follows them, and what its subjects' records add is recorded beside them
    deal._proposed_special = deal._proposed_special or bool(by_subject and not found) or bool(implied)
    if prints_as_draft(deal):
        return deal, notes
    return assume(
        deal, "; ".join(f"data_protection: {n.unrecognised}; {n.drafted}; check {n.check}" for n in notes)
    ), []


def implied_special(deal: Any, regimes: tuple[str, ...]) -> list[tuple[str, str]]:
    """The special or sensitive data the client's sector (stated, else as its name suggests) and the kinds of data
    its services handle imply under these privacy laws, each with why; [] where they imply none."""
    implied = yamlload.safe_load(SPECIAL_DATA_WORDS.read_text("utf-8"))["implied"]
    client = deal.parties.client
    sector = client.sector or guessed_sector(client.name) or ""
    sources = [(f"the client is {with_indefinite_article(sector)}", implied["sectors"].get(sector) or {})]
    services = " ".join(f"{s.name} {getattr(s, 'description', '') or ''}" for s in deal.scope.services)
    profiles = _personal_data_words()["services"]
    for name, by_regime in implied["services"].items():
        hit = next(
            (w for w in profiles[name]["words"] if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", services, re.I)), ""
        )
        if hit:
            sources.append((f"the services speak of {hit}", by_regime))
    found: dict[str, str] = {}
    for why, by_regime in sources:
        for category in (c for key in ("all", *regimes) for c in by_regime.get(key, ())):
            found.setdefault(category, why)
    return [(why, category) for category, why in found.items()]
