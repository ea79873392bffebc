"""A Chronic Failure counts a missed Incident of a Priority whose target is 100%.

Checked on the rendered contract of every sample and practitioner deal with incident priorities and a
chronic-failure rule: the paragraph never says that a single missed Incident is not a failure (the most
severe Priority has a 100% target, so one miss fails its Service Level) and says that, for a 100% target,
one Incident that missed its time is a failure for the Measurement Period.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.content.test_top_priority_and_exit_rates import DEALS, built, clause, text_of


def with_chronic_failure() -> list[Path]:
    """The deals whose contract has both an incident priority table and a chronic-failure rule."""
    return [
        p
        for p in DEALS
        if "incident_priorities" in p.read_text(encoding="utf-8") and "chronic_failure" in p.read_text(encoding="utf-8")
    ]


def test_several_deals_have_a_chronic_failure_rule():
    assert len(with_chronic_failure()) >= 3


@pytest.mark.parametrize("path", with_chronic_failure(), ids=lambda p: p.stem)
def test_one_missed_incident_of_a_full_target_priority_is_a_failure(path):
    deal, document = built(path)
    found = clause(document, "sl-chronic-failure")
    if not (deal.service_levels.chronic_failure and deal.service_levels.incident_priorities):
        assert found is None or "not a single" not in text_of(found)
        return
    assert found is not None
    text = text_of(found)
    assert "not a single" not in text
    assert "where the target of a Priority is 100%, one" in text
    assert "of that Priority that missed its time is such a failure" in text
