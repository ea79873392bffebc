"""No sentence points at a list, a schedule or a place the deal left empty.

Deals generated from tests/fixtures/deals/empty-lists/base.yaml (managed hosting with no Delivery Centre, no service
levels, no key personnel), one per sector regulation whose contract terms the law makes mandatory, for a supplier that
is a company and one that is a consortium, are built; every sentence that refers to a list in another clause or
schedule ("the countries listed in clause 10", "the performance targets described in Schedule 1") must find that list
there, and a consortium's members' two addresses are never "the only Delivery Centre".
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from typing import Any

import pycountry
import pytest
import yaml

from contractgen.deal import load_deal
from contractgen.document.model import CrossRef, ListBlock, Paragraph, Table, inline_text
from contractgen.pipeline import Workspace, build_document
from tests.helpers import FIXTURES

BASE = yaml.safe_load((FIXTURES / "deals" / "empty-lists" / "base.yaml").read_text(encoding="utf-8"))
WORKSPACE = Workspace()

# regime: (client sector, client country, governing law, courts, currency, extra deal fields)
REGIMES: dict[str, tuple[str, str, str, str, str, dict[str, Any]]] = {
    "DORA": ("insurer", "Germany", "German law", "the courts of Munich", "EUR", {}),
    "DORA critical": (
        "bank",
        "Germany",
        "German law",
        "the courts of Frankfurt",
        "EUR",
        {"critical_or_important": True},
    ),
    "EBA Outsourcing Guidelines": ("bank", "Ireland", "Irish law", "the courts of Ireland", "EUR", {}),
    "PRA SS2/21": ("bank", "United Kingdom", "English law", "the courts of England and Wales", "GBP", {}),
    "FCA SYSC 8": ("investment firm", "United Kingdom", "English law", "the courts of England and Wales", "GBP", {}),
    "FINMA Circular 2018/3": ("bank", "Switzerland", "Swiss law", "the courts of Zurich", "CHF", {}),
    "OSFI B-10": ("bank", "Canada", "Ontario law", "the courts of Ontario", "CAD", {}),
    "23 NYCRR 500": ("insurer", "United States", "New York law", "the courts of New York", "USD", {}),
}
CITIES = {"Germany": ("München", "Augsburg"), "Ireland": ("Dublin", "Cork"), "United Kingdom": ("London", "Leeds"),
          "Switzerland": ("Zürich", "Bern"), "Canada": ("Toronto", "Ottawa"), "United States": ("New York", "Albany")}  # fmt: skip


def deal_data(regime: str, supplier: str) -> dict[str, Any]:
    """The base deal for one regime and one kind of supplier."""
    sector, country, law, courts, currency, extra = REGIMES[regime]
    first, second = CITIES[country]
    data = copy.deepcopy(BASE)
    data["contract"].update(governing_law=law, jurisdiction=courts)
    data["commercials"]["currency"] = currency
    data["regulatory"] = [regime.removesuffix(" critical")]
    data.update(extra)
    data["parties"]["client"] = {"name": "Harbour Mutual", "short_name": "Client", "sector": sector,
                                 "company_number": "123456", "incorporated_in": country,
                                 "address": f"1 Harbour Street, {first}, {country}"}  # fmt: skip
    member = {"incorporated_in": country, "company_number": "654321"}
    if supplier == "consortium":
        data["parties"]["supplier"] = {
            "name": "Hosting Consortium", "short_name": "Consortium", "article": "the", "kind": "consortium",
            "address": f"2 Data Road, {first}, {country}",
            "members": [{**member, "name": "North Hosting Ltd", "address": f"2 Data Road, {first}, {country}",
                         "lead": True},
                        {**member, "name": "South Data Ltd", "address": f"3 Server Lane, {second}, {country}"}],
        }  # fmt: skip
    else:
        data["parties"]["supplier"] = {**member, "name": "Harbour Hosting Ltd", "short_name": "Supplier",
                                       "address": f"2 Data Road, {first}, {country}"}  # fmt: skip
    return data


@lru_cache(maxsize=None)
def built(regime: str, supplier: str):
    """The document built from one generated deal."""
    raw = yaml.safe_dump(deal_data(regime, supplier), allow_unicode=True).encode("utf-8")
    return build_document(load_deal(f"{supplier}.yaml", raw), WORKSPACE).document


def _blocks(blocks: list[Any]):
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.content
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _blocks(item.blocks)
        elif isinstance(block, Table):
            for row in block.rows:
                yield from row


def units(document) -> dict[str, tuple[str, list[Any]]]:
    """Each clause and schedule by id (and a schedule's clauses by theirs): its text and its inline runs."""
    found: dict[str, tuple[str, list[Any]]] = {}
    for part in document.parts:
        runs = [content for clause in part.clauses for content in _blocks(clause.blocks)]
        found[part.id] = (" ".join(inline_text(r) for r in runs), runs)
        for clause in part.clauses:
            own = list(_blocks(clause.blocks))
            found[clause.id] = (" ".join(inline_text(r) for r in own), own)
    return found


COUNTRIES = [c.name for c in pycountry.countries] + ["United Kingdom", "United States"]
# what a sentence says another clause lists, and what that clause must contain for it to be there
LISTS = {
    r"countries (?:listed|set out|stated) in$": lambda t: any(c in t for c in COUNTRIES),
    r"performance targets (?:for the Services )?(?:are )?(?:described|set out|stated)[\w ]* in$": lambda t: (
        "Performance targets" in t or "%" in t
    ),
    r"Delivery Centres? (?:listed|set out|stated) in$": lambda t: "Delivery Centre" in t,
    r"Key Personnel (?:listed|set out|named) in$": lambda t: "Key Personnel" in t,
}


def references(document):
    """(what the sentence says is listed, the target's id, the sentence) for each reference to a list."""
    for _, runs in units(document).values():
        for run in runs:
            for i, node in enumerate(run):
                if not isinstance(node, CrossRef):
                    continue
                before = inline_text(run[:i]).rstrip()
                sentence = re.split(r"(?<=[.;:])\s", before)[-1]
                for pattern in LISTS:
                    if re.search(pattern, sentence):
                        yield pattern, node.target, sentence


CASES = [(regime, supplier) for regime in REGIMES for supplier in ("company", "consortium")]


@pytest.mark.parametrize(("regime", "supplier"), CASES)
def test_no_sentence_refers_to_an_empty_list(regime, supplier):
    document = built(regime, supplier)
    found = units(document)
    for pattern, target, sentence in references(document):
        text = found[target][0] if target in found else ""
        assert LISTS[pattern](text), f"{regime}/{supplier}: {sentence!r} refers to {target}, which lists none"


@pytest.mark.parametrize("regime", list(REGIMES))
def test_a_consortium_lists_its_members_premises_as_delivery_centres(regime):
    text = " ".join(t for t, _ in units(built(regime, "consortium")).values())
    assert "the only Delivery Centre" not in text
    assert "from the premises of its members at their addresses stated in" in text
    assert "3 Server Lane" in units(built(regime, "consortium"))["delivery-locations"][0]


@pytest.mark.parametrize("supplier", ["company", "consortium"])
def test_dora_names_the_countries_and_schedule_1_states_the_targets(supplier):
    found = units(built("DORA", supplier))
    assert "only in Germany (the country of the Delivery Centres under" in found["reg-dora"][0]
    assert "The performance targets for each Service are stated in its description in" in found["reg-dora"][0]
    services = found["svc-descriptions"][0]
    assert "Performance targets." in services and "[99.5]%" in services and "[30 minutes], at any hour" in services
    critical = units(built("DORA critical", supplier))
    assert "The performance targets stated for each Service in" in critical["reg-dora-critical"][0]
    assert "[99.5]%" in critical["svc-descriptions"][0]


def test_a_service_with_service_levels_gets_no_proposed_targets():
    data = deal_data("DORA", "company")
    data["service_levels"] = {"availability": [{"service": "HOST", "target": "99.9%"}]}
    raw = yaml.safe_dump(data, allow_unicode=True).encode("utf-8")
    found = units(build_document(load_deal("sl.yaml", raw), WORKSPACE).document)
    assert "[99.5]%" not in found["svc-descriptions"][0]
    assert "The Service Levels are described in" in found["reg-dora"][0]
