"""Which CCPA data subjects are the client's own customers' people (the client their service provider)."""

from __future__ import annotations

import pytest

from contractgen.law.privacy import CUSTOMERS_PEOPLE


@pytest.mark.parametrize(
    "subjects",
    ["employees of PeoplePulse's customers", "customers' employees", "end users of its clients", "customers’ patients"],
)
def test_people_of_the_clients_customers_are_recognised(subjects):
    assert CUSTOMERS_PEOPLE.search(subjects)


@pytest.mark.parametrize(
    "subjects", ["customers", "customer contacts", "clients of the Bank", "retail customers", "job applicants"]
)
def test_the_clients_own_customers_are_not(subjects):
    assert not CUSTOMERS_PEOPLE.search(subjects)
