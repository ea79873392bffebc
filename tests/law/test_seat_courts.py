"""Where a deal names no forum, the client's draft goes to the courts of the client's seat, under every law whose
default courts are one city's; a law whose default courts are the whole jurisdiction's keeps them."""

from __future__ import annotations

import pytest

from contractgen.law.jurisdictions import load_jurisdictions
from contractgen.law.seat_courts import client_seat_forum, seat_city, whole_jurisdiction

RECORDS = sorted(load_jurisdictions().items())


@pytest.mark.parametrize(
    ("address", "city", "country"),
    [
        ("August Palms plats 1, 211 54 Malmö, Sweden", "Malmö", "SE"),
        ("Viale Golgi 19, 27100 Pavia, Italy", "Pavia", "IT"),
        ("Mantralaya, Madame Cama Road, Mumbai 400032, India", "Mumbai", "IN"),
        ("Römerberg 23, 60311 Frankfurt am Main, Germany", "Frankfurt am Main", "DE"),
        ("1 Victoria Street, London SW1H 0ET, United Kingdom", "London", "GB"),
    ],
)
def test_the_seat_is_read_from_the_address(address, city, country):
    assert seat_city(address) == (city, country)


@pytest.mark.parametrize(("key", "record"), RECORDS, ids=[k for k, _ in RECORDS])
def test_every_law_sends_a_client_seated_elsewhere_to_its_own_courts_unless_they_are_the_whole_jurisdictions(
    key, record
):
    address = f"1 Harbour Road, 4711 Testville, {record.name}"
    forum = client_seat_forum(record.name, address)
    if whole_jurisdiction(record):
        assert forum is None, record.courts
    else:
        assert forum is not None and forum.courts == "the courts of Testville", record.courts


def test_the_default_stands_for_a_client_in_its_city_and_for_one_abroad():
    assert client_seat_forum("Swedish law", "Drottninggatan 1, 111 51 Stockholm, Sweden") is None
    assert client_seat_forum("Italian law", "Marienplatz 1, 80331 München, Germany") is None
    assert client_seat_forum("English law", "1 Corporation Street, Manchester M4 3AQ, United Kingdom") is None


def test_the_whole_jurisdictions_courts_are_recognised():
    wide = {k for k, r in RECORDS if whole_jurisdiction(r)}
    assert {"england-and-wales", "scotland", "new-york", "singapore", "hong-kong", "new-zealand", "ontario"} <= wide
    assert not {"sweden", "italy", "germany", "switzerland", "india", "france", "japan"} & wide
