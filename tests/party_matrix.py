"""The party-kind matrix: deals generated from tests/fixtures/deals/matrix/ (a base deal, eight laws, every kind
of party) and what each case's contract must and must not say. Used by tests/deal/test_party_matrix_deals.py
(the generated deals are valid, fast) and tests/e2e/test_party_matrix.py (they render right)."""

from __future__ import annotations

import copy
import re
import string
from typing import Any

import yaml

from contractgen.deal.parties import PUBLIC_BODIES
from contractgen.law.library import active
from contractgen.law.public_sector import public_sector_of
from tests.helpers import FIXTURES

FOLDER = FIXTURES / "deals" / "matrix"
BASE = yaml.safe_load((FOLDER / "base.yaml").read_text(encoding="utf-8"))
LAWS: dict[str, dict[str, Any]] = yaml.safe_load((FOLDER / "laws.yaml").read_text(encoding="utf-8"))
KINDS: dict[str, dict[str, dict[str, Any]]] = yaml.safe_load((FOLDER / "kinds.yaml").read_text(encoding="utf-8"))
CLIENTS, SUPPLIERS = list(KINDS["client"]), list(KINDS["supplier"])
FORUMS = ("courts", "arbitration", "tiered")


def _pairs() -> list[tuple[str, str, str, str]]:
    """(law, forum, client kind, supplier kind): every kind once under each law and forum."""
    cases = []
    for li, law in enumerate(LAWS):
        for fi, forum in enumerate(FORUMS):
            for ci, client in enumerate(CLIENTS):
                cases.append((law, forum, client, SUPPLIERS[(ci + fi + li) % len(SUPPLIERS)]))
    return cases


CASES = _pairs()
# one PDF per law, its forum and kinds rotating, so that the sample reaches every forum and most kinds
PER_LAW = len(FORUMS) * len(CLIENTS)
PDF_SAMPLE = [CASES[li * PER_LAW + (li % len(FORUMS)) * len(CLIENTS) + li % len(CLIENTS)] for li in range(len(LAWS))]


def _fill(value: Any, law: dict[str, Any]) -> Any:
    """The value with the law's {placeholders} filled; None where it names one the law lacks."""
    if isinstance(value, dict):
        filled = {k: _fill(v, law) for k, v in value.items()}
        return {k: v for k, v in filled.items() if v is not None}
    if isinstance(value, list):
        return [_fill(v, law) for v in value]
    if isinstance(value, str):
        names = [n for _, n, _, _ in string.Formatter().parse(value) if n]
        if any(n not in law and n != "name" for n in names):
            return None
        return value.format_map({**law, "name": "{name}"})
    return value


def spec(law_key: str, role: str, kind: str) -> dict[str, Any]:
    """What kinds.yaml says of a kind of party under one law (its `by_law` entry over the general one)."""
    general = KINDS[role][kind]
    own = general.get("by_law", {}).get(law_key, {})
    return {**general, **own, "party": {**general["party"], **own.get("party", {})}}


def deal_data(law_key: str, forum: str, client: str, supplier: str) -> dict[str, Any]:
    """The deal of one case: the base deal with the law, the forum and the two parties put in."""
    law = LAWS[law_key]
    data = copy.deepcopy(BASE)
    data["contract"]["governing_law"] = law["governing_law"]
    data["commercials"].update(currency=law["currency"], monthly_charges=law["charges"])
    data["parties"] = {"client": _fill(spec(law_key, "client", client)["party"], law)}
    data["parties"]["supplier"] = _fill(spec(law_key, "supplier", supplier)["party"], law)
    if forum == "courts":
        data["contract"]["jurisdiction"] = law["courts"]
    else:
        tiers = {"mediation": True, "expert_determination": True} if forum == "tiered" else {"mediation": False}
        data["disputes"] = {"arbitration": dict(law["arbitration"]), **tiers}
    return data


def case_id(case: tuple[str, str, str, str]) -> str:
    """A readable test id: law-forum-client-supplier."""
    return "-".join(case)


def expectations(case: tuple[str, str, str, str]) -> tuple[list[str], list[str], dict[str, list[str]]]:
    """(phrases the contract must contain, phrases it must not contain, {party name: phrases its descriptions
    must not contain}) for one case."""
    law_key, forum, client, supplier = case
    law = LAWS[law_key]
    contains: list[str] = []
    absent: list[str] = []
    described: dict[str, list[str]] = {}
    for role, kind in (("client", client), ("supplier", supplier)):
        written = spec(law_key, role, kind)
        name = written["party"]["name"]
        contains += [_fill(p, law).format(name=name) for p in written.get("contains", [])]
        absent += [_fill(p, law).format(name=name) for p in written.get("anywhere_absent", [])]
        described[name] = [_fill(p, law).format(name=name) for p in written.get("absent", [])]
        terms = written.get("terms") or {}
        contains += [_fill(p, law).format(name=name) for p in terms.get("contains", [])]
        absent += [_fill(p, law).format(name=name) for p in terms.get("absent", [])]
    if client in PUBLIC_BODIES:
        record = public_sector_of(law["record"], client, True)
        contains += list(record.information_laws)
        if record.audit_office:
            contains.append(f"{record.audit_office[0].upper()}{record.audit_office[1:]} may examine")
        if record.information_code:
            # an administrative code (Hong Kong's), not a statute: named as such, and no statutory duty
            contains.append(f"under {record.information_code}, an administrative code rather than a statute")
        elif record.no_information_statute:
            contains.append("No statute gives the public a general right of access to information")
        if record.no_information_statute:
            absent += ["freedom of information", "may be subject to laws that give a right of access"]
        contains.append("does not renew automatically")
        absent.append("renews automatically")
    absent += law.get("not_for", {}).get(client, [])
    contains += law.get("terms", {}).get("contains", [])
    absent += law.get("terms", {}).get("absent", [])
    record = active().records("jurisdictions")[law["record"]].data
    if (record.get("execution") or {}).get("e_signature") is False:
        absent.append("electronic signature")
    else:
        contains.append("The Parties may sign this Agreement by electronic signature")
    seat = f"The seat, or legal place, of the arbitration is {law['arbitration']['seat']}."
    if forum == "courts":
        contains.append(law["courts"])
        absent.append("legal place, of the arbitration")
    else:
        contains.append(seat)
        absent += ["inconvenient forum", "have exclusive jurisdiction", "has exclusive jurisdiction"]
        absent += ["non-exclusive jurisdiction", "the courts referred to in"]
    if forum == "tiered":
        contains += ["The expert acts as an expert and not as an arbitrator", "mediat"]
    elif forum == "arbitration":
        absent.append("mediator")
    return contains, absent, described


# where a party's description ends: the parties clause's "(referred to in this Agreement as", the cover's
# short name in brackets
END_OF_DESCRIPTION = re.compile(r"\(referred to in this Agreement as|\((?:the )?“")


def descriptions(text: str, name: str) -> list[str]:
    """Each place the contract describes the party: from its name to the end of its description."""
    found = []
    for start in (m.start() for m in re.finditer(re.escape(name), text)):
        end = END_OF_DESCRIPTION.search(text, start, start + 500)
        if end:
            found.append(text[start : end.start()])
    return found


def check(text: str, case: tuple[str, str, str, str], fmt: str) -> list[str]:
    """Every expectation the text fails, as messages."""
    contains, absent, described = expectations(case)
    failures = [f"missing {p!r}" for p in contains if " ".join(p.split()) not in text]
    folded = text.casefold()
    failures += [f"must not say {p!r}" for p in absent if p.casefold() in folded]
    for name, phrases in described.items():
        places = descriptions(text, name)
        if not places:
            failures.append(f"{name!r} is described nowhere")
        failures += [f"describes {name!r} as {p!r}" for p in phrases for d in places if p.casefold() in d.casefold()]
    return [f"{case_id(case)}.{fmt}: {f}" for f in failures]
