"""A KPI target reached 'by month 9' has a base date and a base set, in every contract that has one; contracts
whose KPIs name no numbered month do not get the sentence."""

from __future__ import annotations

import pytest

from contractgen.deal import load_deal
from tests.helpers import SAMPLES
from tests.terms import contract_text

SAMPLE_PATHS = sorted(SAMPLES.glob("*.yaml"))
BASE = (
    "the months are counted from the Service Commencement Date of the Service concerned, month 1 being the month that "
    "starts on that date. The target must be reached by the end of the numbered month"
)


def _by_month(path) -> bool:
    levels = load_deal(path).deal.service_levels
    return bool(levels) and any("by month " in k.target.lower() for k in levels.kpis)


@pytest.mark.parametrize("path", SAMPLE_PATHS, ids=lambda p: p.stem)
def test_a_numbered_month_target_has_a_base_date_only_where_one_is_set(path):
    text = contract_text(path)
    assert (BASE in text) == _by_month(path)


def test_the_nearshore_automation_kpi_counts_from_commencement_against_a_recorded_set():
    text = contract_text(SAMPLES / "nearshore-eur.yaml")
    assert "80% of regression cases automated by month 9" in text
    assert BASE in text
    assert "the set is the one that the Parties record in writing before month 1 begins" in text
