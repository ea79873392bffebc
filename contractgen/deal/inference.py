"""What a draft infers from what the deal writes, each inference a drafting note for a lawyer to check:
the sector regulation its client's kind and place bring, and public bodies recognised by their names.

A bank, insurer, payment or e-money institution or investment firm is under sector rules that set
contract terms (DORA, the EBA guidelines, PRA SS2/21, FCA SYSC 8, Solvency II Art. 274, FINMA, OSFI)
whether or not the deal lists them. Each regime's record says which kinds of client in which
countries it applies to (``applies_to`` in law/sector/*.yaml). Where the deal lists no regime, the
draft follows the inferred ones (``apply_sector_regulation``); anything assumed is a drafting note
(``notes.Finding``), never a silent change.

Public bodies recognised from what a deal writes: a party whose kind is not stated but whose name reads as
a ministry, a council, a public health body or an agency ("The Secretary of State for Work and Pensions",
"Waitaha City Council", "Azienda Socio Sanitaria Territoriale ...").

A name with a company form (Ltd, S.p.A., GmbH ...) is a company whatever else it says. A draft describes
such a party as the public body it is (no registered office, company number or group,
the public-sector terms of its law) and says so in a drafting note; a final document is what the lawyers
settled and is left as written. The words are data (``data/public_body_words.yaml``).

A party established outside the country of the forum, without an agent there for service of process.

Where disputes go to courts of a common-law jurisdiction, or to an arbitration seated in one, proceedings
start by serving the claim; a party established abroad must then be served out of the jurisdiction,
under the forum's rules on service abroad and the law of the place of service, unless it has appointed
an agent in the forum's country. The deal's ``process_agent`` appoints one for the supplier; where a foreign party has
none, the draft asks for one in a drafting note.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from collections.abc import Iterator
from typing import Any

from contractgen import yamlload
from contractgen.deal.notes import Finding, prints_as_draft, unit_findings
from contractgen.deal.parties import identity_warnings
from contractgen.deal.sections import DataProtection
from contractgen.law.forums import arbitration_fields, country_code, place_country, view_arbitration
from contractgen.law.jurisdictions import find as find_jurisdiction
from contractgen.law.jurisdictions import find_law, forum_of, load_jurisdictions
from contractgen.law.privacy import assumed_section, processing_countries
from contractgen.law.regimes import resolve_regulations
from contractgen.law.sector import SectorRegime, load_sector_regimes
from contractgen.law.transfers import chosen_mechanisms, places

SECTOR_WORDS = Path(__file__).with_name("data") / "sector_words.yaml"
COMPANION_REGIMES = Path(__file__).with_name("data") / "companion_regimes.yaml"
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


def client_country(deal: Any) -> str:
    """Return the client's country: where it is incorporated, else the governing law's country."""
    return client_place(deal)[0]


def client_place(deal: Any) -> tuple[str, str]:
    """Return the client's country and the key of the jurisdiction it is established in ('ADGM'), or ''s."""
    for text in (deal.parties.client.incorporated_in, deal.contract.governing_law):
        record = find_jurisdiction(text) if text else None
        if record is not None:
            return record.country, record.key.upper()
    return "", ""


def party_countries(deal: Any) -> list[str]:
    """The ISO codes of the countries the parties are incorporated in, where the deal says."""
    parties = (deal.parties.client, deal.parties.supplier)
    return [code for party in parties if (code := country_code(getattr(party, "incorporated_in", None)))]


def inferred_regimes(sector: str | None, country: str, jurisdiction: str = "") -> list[SectorRegime]:
    """Return the regimes whose records apply to this kind of client in this country, in record order.

    A financial free zone with its own regulator (ADGM, DIFC) is named in a record's places by its
    jurisdiction key, as its country (AE) is the onshore regulator's.
    """
    if not sector or not country:
        return []
    where = {country, jurisdiction} - {""}
    return [r for r in load_sector_regimes().values() if sector in r.sectors and where & set(r.places)]


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
        inferred = [regime.in_country(country) for regime in inferred_regimes(sector, country)]
        if inferred and "regulatory" not in deal.model_fields_set:
            names = ", ".join(str(r) for r in inferred)
            deal = assume(
                deal.model_copy(update={"regulatory": inferred}),
                f"regulatory: the deal does not write regulatory, and a {sector} in {country} is under {names}: "
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
                    f"the deal lists no sector regulation for a {where}",
                    f"the draft follows {names}, which apply to a {where}",
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
                    f"the client's name suggests a {sector}, but the deal states neither "
                    "parties.client.sector nor regulatory",
                    f"the draft follows {names}, which apply to a {where}",
                    "what the client is licensed as (parties.client.sector) and the regimes it is under (regulatory)",
                    "regulatory-requirements",
                )
            )
    elif inferred and stated:
        missing = [r for r in inferred if r not in regimes]
        if missing:
            found.append(
                Finding(
                    ("regulatory",),
                    "regulatory-missing",
                    " ".join(str(r) for r in missing),
                    f"a {where} is usually also under {', '.join(str(r) for r in missing)}, which "
                    "regulatory does not list",
                    "the draft follows only the regimes listed",
                    "whether those regimes apply, and list them under regulatory if they do",
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


def assume(deal: Any, text: str) -> Any:
    """Return the deal recording that its text assumes `text` (a build warning for a final document)."""
    deal._assumed = (*deal._assumed, text)
    return deal


def final_warnings(deal: Any) -> list[str]:
    """A final contract's build warnings: what its text assumes that the deal does not say, and process agents."""
    # a final contract prints no notes, so an undefined pricing unit (a certain invoice dispute) is a warning
    units = [f"{'.'.join(f.path)}: {f.unrecognised}; {f.drafted}; check {f.check}" for f in unit_findings(deal)]
    final = [] if prints_as_draft(deal) else [*identity_warnings(deal), *units]
    return [*deal._assumed, *process_agent_warnings(deal), *final]


# ------------------------------------------------------------ personal data assumed where the deal is silent

PERSONAL_DATA_WORDS = Path(__file__).with_name("data") / "personal_data_words.yaml"


@lru_cache(maxsize=1)
def _personal_data_words() -> dict[str, Any]:
    data: dict[str, Any] = yamlload.safe_load(PERSONAL_DATA_WORDS.read_text("utf-8"))
    return data


def assumed_personal_data(deal: Any) -> tuple[dict[str, Any], str] | None:
    """The data protection section a deal without one is drafted with, and why; None when nothing suggests
    personal data, when the deal writes the section (`data_protection: null` for none) or no privacy law is known."""
    if "data_protection" in deal.model_fields_set:
        return None
    words = _personal_data_words()
    client = deal.parties.client
    sector = client.sector or guessed_sector(client.name) or ""
    services = " ".join(f"{s.name} {getattr(s, 'description', '') or ''}" for s in deal.scope.services)
    found = [(f"the client is a {sector}", words["sectors"][sector])] if sector in words["sectors"] else []
    for kind in words["services"].values():
        hit = next((w for w in kind["words"] if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", services, re.I)), None)
        if hit:
            found.append((f"the services speak of {hit}", kind))
    supplier = processing_countries(deal)
    section = assumed_section([kind for _, kind in found], client_country(deal), supplier) if found else None
    if section is None:
        return None
    section["breach_notification"] = words["breach_notification"]
    return section, "; ".join(reason for reason, _ in found)


def apply_personal_data(deal: Any) -> tuple[Any, list[Finding]]:
    """Return the deal with the data protection terms its facts call for when it writes none, and the note."""
    assumed = assumed_personal_data(deal)
    if assumed is None:
        return deal, []
    section, why = assumed
    dp = DataProtection.model_validate(section)
    deal = deal.model_copy(update={"data_protection": dp})
    roles = f" as {section['roles']['supplier']} for the client" if "roles" in section else ""
    transfer = section.get("international_transfers", {}).get("mechanism")
    drafted = (
        f"it is read as the supplier processing personal data{roles} under {' and '.join(section['regulations'])}: "
        f"{', '.join(dp.data_subjects)}; {', '.join(dp.data_categories)}"
        + (f"; special categories: {', '.join(dp.special_categories)}" if dp.special_categories else "")
        + f"; breach notice within {dp.breach_notification}"
        + (f"; transfers to the supplier's country under {transfer}" if transfer else "")
    )
    check = "what personal data the Services involve, and write data_protection (data_protection: null for none)"
    unrecognised = f"the deal has no data_protection section, but {why}"
    if not prints_as_draft(deal):
        return assume(deal, f"data_protection: {unrecognised}; {drafted}; check {check}"), []
    return deal, [Finding(("data_protection",), "personal-data-assumed", section["regulations"][0],
                          unrecognised, drafted, check, "data-protection")]  # fmt: skip


# ------------------------------------------------------------ public bodies recognised by their names

PUBLIC_BODY_WORDS = Path(__file__).with_name("data") / "public_body_words.yaml"


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    data = yamlload.safe_load(PUBLIC_BODY_WORDS.read_text("utf-8"))
    forms = re.compile(r"(?<![\w.])(?:" + _alternation(data["company_forms"]) + r")(?![\w])", re.IGNORECASE)
    kinds = {
        kind: re.compile(r"(?<!\w)(?:" + _alternation(words) + r")(?!\w)", re.IGNORECASE)
        for kind, words in data["kinds"].items()
    }
    return forms, kinds


def public_body_kind(name: str) -> str | None:
    """Return the kind of public body a party's name reads as ('Waitaha City Council' → local_authority), or None."""
    forms, kinds = _patterns()
    if not name or forms.search(name):
        return None
    for kind, pattern in kinds.items():
        if pattern.search(name):
            return kind
    return None


def apply_public_bodies(deal: Any) -> tuple[Any, list[Finding]]:
    """Return the deal with each party of unstated kind whose name reads as a public body drafted as one, and notes."""
    if not prints_as_draft(deal):
        return deal, []
    found: list[Finding] = []
    parties = deal.parties
    update: dict[str, Any] = {}
    for role in ("client", "supplier"):
        party = getattr(parties, role)
        if "kind" in party.model_fields_set:
            continue
        kind = public_body_kind(party.name)
        if kind is None:
            continue
        words = kind.replace("_", " ")
        changed: dict[str, Any] = {"kind": kind}
        dropped = ""
        if party.incorporated_in:
            changed["incorporated_in"] = None
            dropped = f"; 'incorporated in {party.incorporated_in}' is left out, as a public body is not incorporated"
        if party.company_number and not party.registered_number:
            # a public body's number in a public register (a Swedish organisation number, an ABN) is kept as such
            changed["company_number"] = None
            changed["registered_number"] = party.company_number
            dropped += f"; its number {party.company_number} is kept as a registered number, not a company number"
        update[role] = party.model_copy(update=changed)
        found.append(
            Finding(
                ("parties", role, "name"),
                "public-body-from-name",
                party.name,
                f"the deal does not state the {role}'s kind, and its name ({party.name}) reads as a {words}",
                f"the draft describes it as a public body ({words}), with no registered office, company number or "
                f"group, and gives it the public-sector terms of the governing law{dropped}",
                f"that it is a {words}; state parties.{role}.kind (and established_under, the law that constitutes it)",
                "parties",
            )
        )
    if not update:
        return deal, []
    return deal.model_copy(update={"parties": parties.model_copy(update=update)}), found


def apply_cooperatives(deal: Any) -> tuple[Any, list[Finding]]:
    """Return the deal with each party of unstated kind whose name reads as a co-operative society of its
    country (data/public_body_words.yaml) described as one, and the notes (build warnings in a final document)."""
    words = yamlload.safe_load(PUBLIC_BODY_WORDS.read_text("utf-8")).get("cooperatives") or {}
    found: list[Finding] = []
    for role in ("client", "supplier"):
        party = getattr(deal.parties, role)
        listed: list[str] = words.get(country_code(party.incorporated_in)) or []
        pattern = rf"(?<!\w)(?:{_alternation(listed)})(?!\w)"
        if not listed or "kind" in party.model_fields_set or not re.search(pattern, party.name, re.IGNORECASE):
            continue
        changed = {"kind": "cooperative", "company_number": None, "registered_number": party.company_number}
        parties = deal.parties.model_copy(update={role: party.model_copy(update=changed)})
        deal = deal.model_copy(update={"parties": parties})
        finding = Finding(("parties", role, "name"), "cooperative-from-name", party.name,
                          f"the deal does not state the {role}'s kind, and its name ({party.name}) reads as a "
                          "co-operative society", "the contract describes it as a co-operative society, not a company",
                          f"that it is one; state parties.{role}.kind (and established_under, the co-operative "
                          "societies act it is registered under, and registered_number)", "parties")  # fmt: skip
        if prints_as_draft(deal):
            found.append(finding)
        else:
            deal = assume(
                deal, f"parties.{role}.name: {finding.unrecognised}; {finding.drafted}; check {finding.check}"
            )
    return deal, found


def forum_place(deal: Any) -> tuple[str, str, str]:
    """Return the forum's country code, its tradition and how the contract names it (seat or courts)."""
    records = load_jurisdictions()
    fields = arbitration_fields(deal)
    if fields and fields.get("institution") and fields.get("seat"):
        view = view_arbitration(fields, "English")
        record = records.get(view.seat_jurisdiction)
        tradition = record.tradition if record else ""
        return view.seat_country, tradition, f"the seat of the arbitration ({view.seat})"
    c = deal.contract
    forum = forum_of(c.jurisdiction, c.governing_law, c.forum_wording)
    # "the courts located in San Francisco County, California": the jurisdiction its last place names.
    places = (find_jurisdiction(part) for part in reversed(forum.courts.split(",")[1:]))
    record = records.get(forum.key) or next((r for r in places if r is not None), None)
    country = forum.country or (record.country if record else "") or place_country(forum.courts)
    if record is None:
        law, _ = find_law(c.governing_law)
        record = law if law is not None and law.country == country else None
    return country, (record.tradition if record else ""), forum.courts


def note_process_agent(deal: Any, data: Any) -> Iterator[Finding]:
    """In a draft, a note for each party established outside a common-law forum's country with no agent there."""
    if prints_as_draft(deal):
        yield from process_agent_findings(deal)


def process_agent_warnings(deal: Any) -> list[str]:
    """For a final contract, the same findings as build warnings (a final contract prints no notes)."""
    if prints_as_draft(deal):
        return []
    return [f"{'.'.join(f.path)}: {f.unrecognised}; {f.drafted}; check {f.check}" for f in process_agent_findings(deal)]


def process_agent_findings(deal: Any) -> Iterator[Finding]:
    """Each party established outside the country of a common-law forum (courts or seat) with no agent there."""
    country, tradition, where = forum_place(deal)
    if not country or tradition != "common":
        return
    arbitration = where.startswith("the seat")
    for role in ("supplier", "client"):
        party = getattr(deal.parties, role)
        code = country_code(getattr(party, "incorporated_in", None))
        if not code or code == country or (role == "supplier" and deal.process_agent is not None):
            continue
        if country_code(getattr(party, "branch_in", None)) == country:
            continue  # a branch registered in the forum's country is served there
        proceedings = (
            "court proceedings in support of the arbitration or to enforce its award" if arbitration else "proceedings"
        )
        yield Finding(
            ("parties", role, "incorporated_in"),
            "process-agent",
            f"{role} {code} {country}",
            f"{party.name} is established outside the country of {where}, and the deal names no agent there to "
            f"receive service of {proceedings} for it",
            "the draft appoints no agent for service of process, so a claim against "
            f"{party.name} would have to be served on it abroad",
            "that the Parties agree an agent in that country"
            + (
                "; give the supplier's agent in process_agent (name, address)"
                if role == "supplier"
                else "; add a clause appointing the client's agent"
            ),
            "arbitration" if arbitration else "governing-law",
        )


# Personal data under the APPI handled outside Japan may be a provision to a third party in a foreign country
# (Article 28); whether it is depends on who the recipient is, so the draft asks rather than drafts.
def note_appi_foreign_transfer(deal: Any, data: Any) -> Iterator[Finding]:
    """A draft under the APPI with personal data handled outside Japan asks how Article 28 is met."""
    dp = deal.data_protection
    if dp is None or not dp.regulations or not prints_as_draft(deal):
        return
    applied, _ = resolve_regulations(list(dp.regulations))
    regime = next((r for r in applied if r.key == "jp-appi"), None)
    abroad = sorted({p.country for p in places(deal)} - {"JP"})
    if regime is None or not abroad or any(m.key in regime.regime.mechanisms for m in chosen_mechanisms(deal)):
        return
    yield Finding(
        ("data_protection", "regulations"), "appi-foreign-transfer", "-".join(abroad),
        f"personal information under {regime.name} is handled outside Japan ({', '.join(abroad)}): "
        f"{regime.regime.transfer_rule}",
        "the draft binds the Supplier as an entrusted person and does not draft a provision to a third party in a "
        "foreign country",
        f"whether a recipient outside Japan is a third party in a foreign country under {regime.provisions.get('cross_border', 'Article 28')}; "
        "if so, whether the principals' consent or the recipient's equivalent measures is the basis (name the "
        "measures in data_protection.international_transfers)",
        "data-protection",
    )  # fmt: skip
