"""Hours beyond the Delivery Centres' business hours are not covered by personnel on call at home where the service is
scheduled front-line customer contact (a contact centre) or the deal is under PCI DSS (agents handle card data): the
supplier staffs a Delivery Centre for those hours in shifts, with no remote working, and the build warning says so.
Checked on the rendered text of every sample (round-4 review, template item 7; NSW F2)."""

from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace

import pytest

from contractgen.deal.derived import compute_derived, staffed_at_centre
from contractgen.deal.load import load_deal
from contractgen.deal.readings.support_hours import support_hours_warnings
from tests.helpers import SAMPLES
from tests.terms import contract_text

STAFFED = "will staff a Delivery Centre for "
NSW = "au-retailer-philippines"


@lru_cache(maxsize=None)
def _deal(name: str):
    return load_deal(SAMPLES / f"{name}.yaml").deal


@lru_cache(maxsize=None)
def _text(name: str) -> str:
    return contract_text(SAMPLES / f"{name}.yaml")


def _service(name: str, id_: str = "S1") -> SimpleNamespace:
    return SimpleNamespace(id=id_, name=name)


def test_contact_centres_and_card_data_are_worked_at_a_centre_and_other_support_on_call() -> None:
    plain = SimpleNamespace(regulatory=[])
    assert staffed_at_centre(plain, _service("Customer Contact Centre", "CC"))
    assert staffed_at_centre(plain, _service("Call Center"))
    assert not staffed_at_centre(plain, _service("Tier-2 Support", "T2"))
    assert not staffed_at_centre(plain, _service("Service Desk"))
    assert staffed_at_centre(_deal(NSW), _service("E-commerce Support", "ECS"))  # under PCI DSS


def test_the_nsw_contact_centre_is_staffed_at_the_centre_with_no_remote_work() -> None:
    derived = compute_derived(_deal(NSW))
    assert derived.staffed_support == ["Customer Contact Centre", "E-commerce Support"]
    assert derived.uncovered_support == []
    text = _text(NSW)
    assert (
        "MBCS will staff a Delivery Centre for those Services throughout their support hours, in shifts beyond the "
        "business hours stated above where needed, and will not provide them through personnel working remotely or "
        "from any other location, because payment card data is handled in them"
    ) in text
    assert "on call and work remotely" not in text and "on-call support" not in text
    assert "MBCS will staff a Delivery Centre beyond them for Customer Contact Centre and E-commerce Support" in text
    warnings = " ".join(support_hours_warnings(_deal(NSW)))
    assert "no remote working, because payment card data is handled (PCI DSS)" in warnings
    assert "on-call personnel" not in warnings


def test_a_service_without_its_own_hours_is_checked_against_the_clients_business_hours() -> None:
    warnings = support_hours_warnings(_deal("us-saas-mexico"))
    engineering = next(w for w in warnings if w.startswith("scope.services.0"))
    assert "Platform Engineering is supported in the client's business hours (08:00-17:00)" in engineering
    assert "16:00-17:00 in winter" in engineering


@pytest.mark.parametrize("name", sorted(p.stem for p in SAMPLES.glob("*.yaml")))
def test_every_sample_staffs_or_puts_on_call_exactly_the_services_the_centres_miss(name: str) -> None:
    derived, text = compute_derived(_deal(name)), _text(name)
    assert (STAFFED in text) == bool(derived.staffed_support)
    assert ("who are on call and work remotely" in text) == bool(derived.uncovered_support)
    assert not set(derived.staffed_support) & set(derived.uncovered_support)
