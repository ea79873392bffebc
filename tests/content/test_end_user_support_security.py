"""A deal whose every Service is support for end users (an IT helpdesk) gets terms that fit it: no secure software
development, no data centres or CCTV, no test-data clause and, unless the deal asks for it, no step-in; and no deal's
security report covers penetration tests nothing requires."""

from __future__ import annotations

from functools import lru_cache

import pytest
import yaml

from contractgen.deal import load_deal
from contractgen.deal.derived import compute_derived, is_end_user_support
from contractgen.deal.model import Service
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid

SAMPLE_FILES = sorted(SAMPLES.glob("*.yaml"))


@lru_cache(maxsize=None)
def text(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


def deal(name: str) -> dict:
    """The sample's YAML as written."""
    return yaml.safe_load((SAMPLES / f"{name}.yaml").read_text("utf-8"))


def test_a_service_is_end_user_support_by_its_name():
    assert is_end_user_support(Service(id="SUP", name="IT Support"))
    assert is_end_user_support(Service(id="HD", name="Helpdesk"))
    assert not is_end_user_support(Service(id="AMS", name="Application Maintenance and Support"))
    assert not is_end_user_support(Service(id="T3", name="Third-Line Support"))


def test_a_helpdesk_only_deal_has_no_secure_development_or_cctv():
    body = text("uk-charity-minimal")
    assert "Controlled access to delivery locations, with visitor logging." in body
    assert "Secure coding standards" not in body
    assert "CCTV" not in body


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_security_controls_fit_the_services(path):
    services = deal(path.stem)["scope"]["services"]
    body = text(path.stem)
    if "Security Controls" not in body:  # no security schedule: none of its rows either
        assert "Secure coding standards" not in body and "CCTV in secure areas" not in body
        return
    helpdesk_only = all(is_end_user_support(Service(id=s["id"], name=s["name"])) for s in services)
    assert ("Secure coding standards" in body) is not helpdesk_only
    assert ("CCTV in secure areas" in body) is not helpdesk_only


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_the_security_report_covers_only_the_tests_the_contract_requires(path):
    asked = bool((deal(path.stem).get("security") or {}).get("penetration_testing"))
    body = text(path.stem)
    assert ("vulnerability scans and penetration tests" in body) is asked or "Security Assurance" not in body


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_test_data_and_step_in_only_where_the_services_can_have_them(path):
    written = deal(path.stem)
    helpdesk_only = all(is_end_user_support(Service(id=s["id"], name=s["name"])) for s in written["scope"]["services"])
    body = text(path.stem)
    assert ("Test Data and Non-Production Environments" in body) is not helpdesk_only
    if written.get("step_in", True) is not False and "step_in" not in written:
        assert ("Step-In Rights" in body) is not helpdesk_only


def test_a_helpdesk_deal_that_asks_for_step_in_gets_it(tmp_path):
    body = contract_text(
        overlaid(SAMPLES / "uk-charity-minimal.yaml", FIXTURES / "deals/overlays/step-in-stated.yaml", tmp_path)
    )
    assert "Step-In Rights" in body
    assert "Step-In Rights" not in text("uk-charity-minimal")


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_notices_go_by_recorded_post_between_parties_of_one_country(path):
    domestic = compute_derived(load_deal(path).deal).one_country
    body = text(path.stem)
    assert (
        "if sent by pre-paid recorded post, at the time of delivery recorded by the postal service" in body
    ) is domestic
    assert ("must be sent by hand, by courier or by recorded post" in body) is domestic
    assert ("if sent by an internationally recogni" in body) is not domestic


def test_parties_of_one_country_are_recognised_by_where_they_are_incorporated():
    assert compute_derived(load_deal(SAMPLES / "uk-charity-minimal.yaml").deal).one_country  # Scotland, Scotland
    assert compute_derived(load_deal(SAMPLES / "onshore-us-hipaa.yaml").deal).one_country  # New York, Delaware
    assert not compute_derived(load_deal(SAMPLES / "deal-example.yaml").deal).one_country  # England, India
