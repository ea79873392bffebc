"""Second-round review findings on the samples, each held by rendered text across every sample it applies to."""

from __future__ import annotations

from functools import lru_cache

import pytest
import yaml

from tests.helpers import FIXTURES, SAMPLES
from tests.library.terms import contract_text, overlaid

ALL = sorted(p.stem for p in SAMPLES.glob("*.yaml"))
OVERLAYS = FIXTURES / "deals" / "overlays"


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


@lru_cache(maxsize=None)
def deal(name: str) -> dict:
    """The sample's deal as written."""
    return yaml.safe_load((SAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


def with_transition(name: str) -> bool:
    """Whether the sample has a Transition (the default)."""
    return (deal(name).get("scope") or {}).get("transition", True) is not False


# The Services run from each Service's Service Commencement Date when there is a Transition


@pytest.mark.parametrize("name", ALL)
def test_services_start_when_responsibility_passes(name):
    text = sample(name)
    if with_transition(name):
        assert "The Services From the Service Commencement Date of each Service and throughout the Term," in text
        assert (
            "Service Commencement Date, " in text
            and "obligation for that Service is to carry out its Transition" in text
        )
        assert "From the Effective Date and throughout the Term" not in text
    else:
        assert "From the Effective Date and throughout the Term" in text
        assert "carry out its Transition" not in text


def test_services_without_transition_start_on_the_named_commencement_date(tmp_path):
    text = contract_text(
        overlaid(SAMPLES / "uk-charity-minimal.yaml", OVERLAYS / "no-transition-later-start.yaml", tmp_path)
    )
    assert "From the Service Commencement Date and throughout the Term" in text
    assert "From the Effective Date and throughout the Term" not in text
    assert "carry out its Transition" not in text


# Late-payment interest is never the supplier's only remedy; Swiss law's rate is Article 104(1) CO's 5 %


@pytest.mark.parametrize("name", ALL)
def test_late_payment_interest_is_not_the_only_remedy(name):
    text = sample(name)
    assert "may charge simple interest on it from the due date until payment" in text
    assert "only remedy for late payment" not in text


def test_swiss_late_payment_interest_is_the_code_of_obligations_rate():
    text = sample("ch-bank-portugal")
    assert (
        "at 5% a year, the rate of default interest that Article 104(1) of the Swiss Code of Obligations sets" in text
    )
    assert "(Article 102(2) of the Swiss Code of Obligations)" in text
    assert "late commercial payments under the law governing this Agreement" not in text
