"""The European samples' open round-four points, on the rendered text: a deadline for every periodic report,
employers' liability insurance named only under the law that binds the supplier."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from tests.helpers import SAMPLES
from tests.terms import contract_text

EUROPE = ["deal-example", "nearshore-eur", "de-manufacturer-poland", "nl-fintech-uk-soc", "ch-bank-portugal"]


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


@pytest.mark.parametrize("name", EUROPE)
def test_every_periodic_report_has_a_deadline(name):
    text = sample(name)
    reports = re.findall(
        r"(?:performance|service) report (?:to [A-Z][\w ]*? |for each Measurement Period, )?\w+[^.]*\.", text
    )
    assert reports, "no periodic report found"
    for sentence in reports:
        if "monthly" in sentence or "quarterly" in sentence:
            assert re.search(r"within \d+ Business Days after the end of the period it covers", sentence), sentence


def test_a_monthly_report_without_a_deal_deadline_is_due_in_10_business_days():
    text = sample("ch-bank-portugal")
    assert (
        "a written performance report to the Bank monthly, within 10 Business Days after the end of the period" in text
    )
    assert "a written service report monthly, within 10 Business Days after the end of the period it covers" in text
    assert "for each Measurement Period, monthly, within 10 Business Days after the end of the period" in text


def test_a_deadline_the_deal_states_is_kept():
    text = sample("nl-fintech-uk-soc")
    assert "monthly, within 5 Business Days after the end of the period it covers" in text
    assert "within 10 Business Days after the end of the period" not in text


def insurance(text: str) -> str:
    """The Insurance clause, from its first sentence to the certificates of insurance."""
    return text.split("will take out and maintain, with reputable insurers")[1].split("certificates of insurance")[0]


@pytest.mark.parametrize("name", ["deal-example", "uk-charity-minimal"])
def test_no_northern_ireland_law_outside_northern_ireland(name):
    assert "Northern Ireland" not in insurance(sample(name))


def test_a_supplier_with_no_one_in_the_uk_is_not_put_under_the_1969_act():
    clause = insurance(sample("deal-example"))
    assert "Employers' Liability (Compulsory Insurance) Act 1969" not in clause
    assert "including insurance against liability to its employees" in clause


def test_a_scottish_supplier_insures_its_employees_in_great_britain_under_the_1969_act():
    clause = insurance(sample("uk-charity-minimal"))
    assert "under the Employers' Liability (Compulsory Insurance) Act 1969 for its employees in Great Britain" in clause
