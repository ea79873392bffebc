"""The price revision a procurement law makes compulsory (`public_sector.price_revision`) and the forum a public body's
law requires (`public_contracts.forum`), as law records give them: every record that has one is sourced and
complete, and the reader gives a public body what the record says (and nothing to a company)."""

from __future__ import annotations

import pytest

from contractgen.law.library import active
from contractgen.law.public_contracts import public_contract_of
from contractgen.law.public_sector import public_sector_of
from contractgen.deal.readings.public_formalities import seat_of

JURISDICTIONS = active().records("jurisdictions")
REVISIONS = sorted(
    (key, r.data) for key, r in JURISDICTIONS.items() if (r.data.get("public_sector") or {}).get("price_revision")
)
FORUMS = sorted(
    (key, r.data) for key, r in JURISDICTIONS.items() if (r.data.get("public_contracts") or {}).get("forum")
)


def test_italy_poland_and_brazil_record_a_compulsory_price_revision():
    assert {"italy", "poland", "brazil"} <= {key for key, _ in REVISIONS}
    assert {"brazil"} <= {key for key, _ in FORUMS}


@pytest.mark.parametrize("key,record", REVISIONS, ids=[key for key, _ in REVISIONS])
def test_each_price_revision_is_sourced_and_read_as_written(key, record):
    block = record["public_sector"]
    written = block["price_revision"]
    assert block["sources"] and block["as_of"] and written["law"], key
    read = public_sector_of(key, "government_department", True).price_revision
    assert read is not None and read.law == written["law"]
    assert read.by_index == ("threshold_percent" not in written)
    assert (read.min_months, read.interval_months, read.base_date, read.both_ways) == (
        written.get("min_months"), written.get("interval_months"), written.get("base_date", ""),
        bool(written.get("both_ways")),
    )  # fmt: skip
    if read.by_index:  # a revision by index says what the contract must state, or the clause has nothing to print
        assert read.base_date or read.threshold_required or read.cap_required or read.interval_months
    assert public_sector_of(key, "company", False).price_revision is None


@pytest.mark.parametrize("key,record", FORUMS, ids=[key for key, _ in FORUMS])
def test_each_public_forum_is_sourced_and_names_the_seat(key, record):
    block = record["public_contracts"]
    forum = block["forum"]
    assert block["sources"] and block["as_of"] and forum["law"], key
    national = public_contract_of(record["country"], "agency", True, "national", "", "Brasília").forum
    local = public_contract_of(record["country"], "local_authority", True, None, "", "Campinas").forum
    assert national.law == forum["law"] and local.courts == "the courts of Campinas"
    if forum.get("federal_courts"):
        assert national.courts == f"{forum['federal_courts']} sitting in Brasília"
    assert public_contract_of(record["country"], "agency", True, "national").forum.courts.endswith("[●]")
    assert not public_contract_of(record["country"], "company", False).forum.law


@pytest.mark.parametrize(
    "address,city",
    [
        ("SAUS Quadra 6, Blocos C, E, F e H, Brasília - DF, 70070-940, Brazil", "Brasília"),
        ("Avenida Paulista 1000, São Paulo - SP, 01310-100, Brazil", "São Paulo"),
        ("Rua Alfa 10, 20000-000 Rio de Janeiro, Brazil", "Rio de Janeiro"),
        ("ul. Królewska 27, 00-060 Warszawa, Poland", "Warszawa"),
    ],
)
def test_a_public_bodys_seat_is_read_from_its_address(address, city):
    assert seat_of(address) == city
