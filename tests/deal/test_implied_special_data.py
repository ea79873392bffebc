"""Special or sensitive data the client's sector or its services imply is proposed, never "None".

Deals generated from tests/fixtures/deals/implied-special/base.yaml, silent on personal data, one for every sector
special_data_words.yaml names under `implied` and every privacy law its entries name (and two laws none of them
names): each implied category is recorded as a special category, with a note, and proposed in square brackets in
Schedule 3; a sector that implies none under a law gets none; a deal that writes its data protection section keeps
to the data it describes, and one that states its special categories, even as none, keeps them as written.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

import pytest
import yaml

from contractgen import yamlload
from contractgen.deal import load_deal
from contractgen.deal.readings.personal_data import SPECIAL_DATA_WORDS
from contractgen.law.privacy import privacy_of
from contractgen.pipeline import Workspace, build_document
from tests.content.test_empty_references import units
from tests.helpers import FIXTURES

BASE = yaml.safe_load((FIXTURES / "deals" / "implied-special" / "base.yaml").read_text(encoding="utf-8"))
IMPLIED = yamlload.safe_load(SPECIAL_DATA_WORDS.read_text("utf-8"))["implied"]
WORKSPACE = Workspace()

# privacy law key: (client country, governing law, city, currency) of a client it governs
PLACES = {
    "eu-gdpr": ("Germany", "German law", "Munich", "EUR"),
    "uk-gdpr": ("United Kingdom", "English law", "London", "GBP"),
    "my-pdpa": ("Malaysia", "Malaysian law", "Kuala Lumpur", "MYR"),
    "swiss-fadp": ("Switzerland", "Swiss law", "Zurich", "CHF"),
    "id-pdp": ("Indonesia", "Indonesian law", "Jakarta", "IDR"),
    "pipeda": ("Canada", "Ontario law", "Toronto", "CAD"),
    "br-lgpd": ("Brazil", "Brazilian law", "São Paulo", "BRL"),
    "za-popia": ("South Africa", "South African law", "Johannesburg", "ZAR"),
}
SECTORS = sorted(IMPLIED["sectors"])


def expected(sector: str, law: str) -> list[str]:
    """The categories the data implies for a client of this sector under this law."""
    entry = IMPLIED["sectors"][sector]
    return [*entry.get("all", []), *entry.get(law, [])]


def test_every_named_law_is_tried():
    named = {key for entry in IMPLIED["sectors"].values() for key in entry} - {"all"}
    assert named <= set(PLACES)


def deal_data(sector: str, law: str, **changes: Any) -> dict[str, Any]:
    """The base deal for a client of this sector under this privacy law."""
    country, governing, city, currency = PLACES[law]
    data = copy.deepcopy(BASE)
    data["contract"]["governing_law"] = governing
    data["commercials"]["currency"] = currency
    data["parties"]["client"].update(sector=sector, incorporated_in=country, address=f"1 Harbour Street, {city}")
    data["parties"]["supplier"].update(incorporated_in=country, address=f"2 Data Road, {city}")
    for key, value in changes.items():
        data[key] = value
    return data


@lru_cache(maxsize=None)
def loaded(sector: str, law: str):
    """The deal source of one generated deal."""
    raw = yaml.safe_dump(deal_data(sector, law), allow_unicode=True).encode("utf-8")
    return load_deal(f"{sector}-{law}.yaml", raw)


@pytest.mark.parametrize("law", sorted(PLACES))
@pytest.mark.parametrize("sector", SECTORS)
def test_the_sector_brings_its_special_data_under_each_law(sector: str, law: str):
    source = loaded(sector, law)
    dp = source.deal.data_protection
    assert law in {r.key for r in privacy_of(source.deal).all}
    wanted = expected(sector, law)
    kinds = {n.id.split(":", 1)[0] for n in source.notes}
    if "special-data-from-categories" not in kinds:  # else the categories the draft gives name special data already
        assert set(wanted) <= set(dp.special_categories)
        assert bool(kinds & {"special-data-implied", "special-data-from-subjects"}) == bool(wanted)
    assert bool(dp.special_categories) >= bool(wanted)
    assert privacy_of(source.deal).special_proposed == bool(dp.special_categories)


@lru_cache(maxsize=None)
def schedule_3(data_yaml: str) -> str:
    """The text of the processing details of a generated deal."""
    document = build_document(load_deal("deal.yaml", data_yaml.encode("utf-8")), WORKSPACE).document
    return units(document)["schedule-data-processing"][0]


@pytest.mark.parametrize(("sector", "law"), [("insurer", "my-pdpa"), ("bank", "id-pdp"), ("insurer", "br-lgpd")])
def test_schedule_3_proposes_them_in_brackets(sector: str, law: str):
    text = schedule_3(yaml.safe_dump(deal_data(sector, law), allow_unicode=True))
    categories = loaded(sector, law).deal.data_protection.special_categories
    assert categories and expected(sector, law)
    assert f"[{categories[0][0].upper()}{categories[0][1:]}" in text
    for category in categories[1:]:
        assert category in text
    assert "The entry in square brackets is proposed for the Parties to confirm." in text
    assert "None." not in text


def test_a_sector_that_implies_none_under_a_law_prints_none():
    assert not expected("bank", "eu-gdpr")
    text = schedule_3(yaml.safe_dump(deal_data("bank", "eu-gdpr"), allow_unicode=True))
    assert "None." in text and "square brackets is proposed" not in text


def test_stated_none_is_kept():
    written = {"personal_data": True, "regulations": ["GDPR"], "data_subjects": ["customers"],
               "data_categories": ["contact details"], "special_categories": [], "breach_notification": "24 hours",
               "roles": {"client": "controller", "supplier": "processor"}}  # fmt: skip
    raw = yaml.safe_dump(deal_data("insurer", "eu-gdpr", data_protection=written), allow_unicode=True)
    source = load_deal("stated.yaml", raw.encode("utf-8"))
    assert source.deal.data_protection.special_categories == []
    assert not any(n.id.startswith("special-data-") for n in source.notes)


def test_a_written_section_keeps_to_the_data_it_describes():
    written = {"personal_data": True, "regulations": ["GDPR"], "data_subjects": ["employees"],
               "data_categories": ["contact details", "device data"], "breach_notification": "24 hours",
               "roles": {"client": "controller", "supplier": "processor"}}  # fmt: skip
    raw = yaml.safe_dump(deal_data("insurer", "eu-gdpr", data_protection=written), allow_unicode=True)
    source = load_deal("written.yaml", raw.encode("utf-8"))
    assert source.deal.data_protection.special_categories == []
    assert not any(n.id.startswith("special-data-") for n in source.notes)


def test_a_final_contract_says_so_in_a_build_warning():
    data = deal_data("insurer", "uk-gdpr")
    data["contract"]["draft"] = False
    source = load_deal("final.yaml", yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))
    assert set(expected("insurer", "uk-gdpr")) <= set(source.deal.data_protection.special_categories)
    assert any("special" in w and "square brackets" in w for w in source.deal._assumed)
