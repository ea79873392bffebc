"""A party established outside the country of the forum, without an agent there for service of process.

Where disputes go to courts of a common-law jurisdiction, or to an arbitration seated in one, proceedings
start by serving the claim; a party established abroad must then be served out of the jurisdiction,
under the forum's rules on service abroad and the law of the place of service, unless it has appointed
an agent in the forum's country. The deal's ``process_agent`` appoints one for the supplier; where a
foreign party has none, the draft appoints one with the agent's name and address left blank ([●], in the forum's
country) and asks for them in a drafting note (a build warning in a final contract). Between two Member States
of the European Union a claim is served under the EU service Regulation (law/treaties/eu-service-of-documents.yaml),
so a party established in one of them needs no agent in the other's courts. Before civil-law courts whose
procedural law lets a party appoint an agent in the country to be served for it (``service_agent`` in the courts'
jurisdiction record: in Germany an authorised recipient for service under section 171 ZPO), a party established
abroad is given one in the same way, and the note says how it would otherwise be served abroad.
"""

from __future__ import annotations


from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from contractgen.deal.readings.finding import Finding, prints_as_draft
from contractgen.law.forums import arbitration_fields, view_arbitration
from contractgen.law.seats import country_code, place_country
from contractgen.law.jurisdictions import find as find_jurisdiction
from contractgen.law.jurisdictions import find_law, forum_of, load_jurisdictions
from contractgen.law.library import active
from contractgen.values.countries import country_in_sentence


@dataclass(frozen=True)
class AgentView:
    """An agent for service of process the contract appoints: for which party, its name and its address."""

    role: str  # "supplier" or "client"
    name: str
    address: str
    device: str = ""  # before civil-law courts: the agent as their procedural law names it ("" : an agent for service)
    law: str = ""  # the provision that makes service on that agent service on the party
    written_authority: bool = False  # the agent must show a written authority to be served


def process_agents(deal: Any) -> list[AgentView]:
    """The agents the contract appoints: the supplier's named in the deal, and for each party established outside a
    common-law forum's country with none, an agent there whose name and address are left blank ([●])."""
    device = service_agent(deal)

    def agent(role: str, name: str, address: str) -> AgentView:
        return AgentView(role, name, address, str(device.get("agent", "")), str(device.get("law", "")),
                         bool(device.get("written_authority")))  # fmt: skip

    agents = [agent("supplier", deal.process_agent.name, deal.process_agent.address)] if deal.process_agent else []
    locale = str(deal.contract.locale or "en_GB")
    for finding in process_agent_findings(deal):
        role, _, country = finding.about.split()
        agents.append(agent(role, "[●]", f"[●] (an address in {country_in_sentence(country, locale)})"))
    return sorted(agents, key=lambda a: a.role != "supplier")


def service_agent(deal: Any) -> dict[str, Any]:
    """The agent for service a party abroad may appoint before the forum's civil-law courts, as their jurisdiction
    record gives it (law/jurisdictions `service_agent`), or {} (a common-law forum, an arbitration, no record)."""
    country, tradition, where, key = _forum(deal)
    if tradition != "civil" or where.startswith("the seat") or not key:
        return {}
    record = active().records("jurisdictions").get(key)
    return dict(record.data.get("service_agent") or {}) if record is not None else {}


def forum_place(deal: Any) -> tuple[str, str, str]:
    """Return the forum's country code, its tradition and how the contract names it (seat or courts)."""
    return _forum(deal)[:3]


def _forum(deal: Any) -> tuple[str, str, str, str]:
    records = load_jurisdictions()
    fields = arbitration_fields(deal)
    if fields and fields.get("institution") and fields.get("seat"):
        view = view_arbitration(fields, "English")
        record = records.get(view.seat_jurisdiction)
        tradition = record.tradition if record else ""
        return view.seat_country, tradition, f"the seat of the arbitration ({view.seat})", view.seat_jurisdiction
    c = deal.contract
    forum = forum_of(c.jurisdiction, c.governing_law, c.forum_wording)
    # "the courts located in San Francisco County, California": the jurisdiction its last place names.
    places = (find_jurisdiction(part) for part in reversed(forum.courts.split(",")[1:]))
    record = records.get(forum.key) or next((r for r in places if r is not None), None)
    country = forum.country or (record.country if record else "") or place_country(forum.courts)
    if record is None:
        law, _ = find_law(c.governing_law)
        record = law if law is not None and law.country == country else None
    return country, (record.tradition if record else ""), forum.courts, (record.key if record else "")


def note_process_agent(deal: Any, data: Any) -> Iterator[Finding]:
    """In a draft, a note for each party established outside a common-law forum's country with no agent there."""
    if prints_as_draft(deal):
        yield from process_agent_findings(deal)


def process_agent_warnings(deal: Any) -> list[str]:
    """For a final contract, the same findings as build warnings (a final contract prints no notes)."""
    if prints_as_draft(deal):
        return []
    return [f"{'.'.join(f.path)}: {f.unrecognised}; {f.drafted}; check {f.check}" for f in process_agent_findings(deal)]


def served_within_eu(party_country: str, forum_country: str) -> bool:
    """Whether a claim passes from the forum's country to the party's under the EU service Regulation."""
    record = active().records("treaties").get("eu-service-of-documents")
    states = (record.data.get("states") or {}) if record else {}
    return party_country in states and forum_country in states


def process_agent_findings(deal: Any) -> Iterator[Finding]:
    """Each party established outside the country of a common-law forum (courts or seat) with no agent there."""
    country, tradition, where, _ = _forum(deal)
    device = service_agent(deal)
    if not country or (tradition != "common" and not device):
        return
    arbitration = where.startswith("the seat")
    for role in ("supplier", "client"):
        party = getattr(deal.parties, role)
        code = country_code(getattr(party, "incorporated_in", None))
        if not code or code == country or (role == "supplier" and deal.process_agent is not None):
            continue
        if country_code(getattr(party, "branch_in", None)) == country:
            continue  # a branch registered in the forum's country is served there
        if served_within_eu(code, country):
            continue
        proceedings = (
            "court proceedings in support of the arbitration or to enforce its award" if arbitration else "proceedings"
        )
        appointed = (
            f"an agent for service ({device['agent']}, {device['law']})"
            if device
            else "an agent for service of process"
        )
        abroad = device["abroad"] if device else f"a claim against {party.name} would have to be served on it abroad"
        yield Finding(
            ("parties", role, "incorporated_in"),
            "process-agent",
            f"{role} {code} {country}",
            f"{party.name} is established outside the country of {where}, and the deal names no agent there to "
            f"receive service of {proceedings} for it",
            f"the draft appoints {appointed} in that country with its name and address left blank ([●]); until "
            f"they are filled in, {abroad}",
            "that the Parties agree an agent in that country"
            + (
                "; give the supplier's agent in process_agent (name, address)"
                if role == "supplier"
                else "; add a clause appointing the client's agent"
            ),
            "arbitration" if arbitration else "governing-law",
        )
