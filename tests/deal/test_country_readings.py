"""Readings of a deal's own words that bring a country's or a sector's rules: a regulation named by its number with a
description, an interest-free client, payment card data."""

from __future__ import annotations

import pytest

from contractgen.deal.readings.sector import apply_card_data, interest_free
from contractgen.law.sector import find_sector_regime
from tests.helpers import FIXTURES

DEALS = FIXTURES / "openworld" / "deals"


@pytest.mark.parametrize(
    "written,key",
    [
        ("POJK 11/POJK.03/2022 on IT by Commercial Banks", "POJK 11/POJK.03/2022"),
        ("BDDK Regulation on Procurement of Support Services by Banks", "BDDK Support Services Regulation"),
        ("CBN Risk-Based Cybersecurity Framework", "CBN Risk-Based Cybersecurity Framework"),
    ],
)
def test_a_regulation_as_practitioners_write_it_is_its_record(written, key):
    assert str(find_sector_regime(written)) == key


def test_a_name_without_a_number_is_not_read_by_its_opening_words():
    with pytest.raises(ValueError):
        find_sector_regime("DORA on the resilience of banks")


@pytest.mark.parametrize(
    "name,free",
    [
        ("Boğaziçi Katılım Bankası A.Ş.", True),
        ("PT Bank Syariah Nusantara", True),
        ("Gulf Islamic Bank PJSC", True),
        ("Northwind Bank plc", False),
        ("Bank Wiślany S.A.", False),
    ],
)
def test_an_interest_free_client_is_read_from_its_name(name, free):
    assert interest_free(name) is free


def _deal(name: str, **update):
    from contractgen.deal import load_deal

    deal = load_deal(DEALS / f"{name}.yaml").deal
    return deal.model_copy(update=update) if update else deal


def test_card_data_brings_pci_dss_with_a_note():
    deal = _deal("ng-bank-ndpa").model_copy(update={"regulatory": []})
    object.__setattr__(deal, "__pydantic_fields_set__", deal.model_fields_set - {"regulatory"})
    updated, notes = apply_card_data(deal)
    assert "PCI DSS" in updated.regulatory
    assert [n.kind for n in notes] == ["card-data"]


def test_a_deal_that_writes_no_regulation_keeps_none():
    deal = _deal("ng-bank-ndpa").model_copy(update={"regulatory": []})
    updated, notes = apply_card_data(deal)  # regulatory is set, and empty: the deal says there is none
    assert list(updated.regulatory) == [] and notes == []
