"""A resolution time that is a release ('next release', 'next sprint') is measurable: the contract says by when the
Incident must be resolved, with an outer limit, so the Priority's target can be met or missed."""

from __future__ import annotations

import pytest

from contractgen.deal import load_deal
from contractgen.deal.derived import compute_derived
from tests.helpers import SAMPLES
from tests.terms import contract_text

SAMPLE_PATHS = sorted(SAMPLES.glob("*.yaml"))


def _release_priorities(path):
    levels = load_deal(path).deal.service_levels
    if levels is None:
        return []
    return [p for p in levels.incident_priorities if isinstance(p.resolution, str) and p.resolution.startswith("next ")]


@pytest.mark.parametrize("path", SAMPLE_PATHS, ids=lambda p: p.stem)
def test_every_release_resolution_time_has_a_measurable_end(path):
    priorities = _release_priorities(path)
    text = contract_text(path)
    if not priorities:  # the release rule is not printed where no Priority is resolved by a release
        assert "the first scheduled release of the affected Service" not in text
        return
    for p in priorities:
        assert (
            f"Where the resolution time of Priority {p.priority} is the {p.resolution}, an Incident of that Priority meets it"
            in text
        )
    # the outer limit: two sprints where a service's description names its sprint length, else 90 days
    sprints = compute_derived(load_deal(path).deal).sprint_days
    assert f"and in any case within {2 * sprints if sprints else 90} days after the Incident is logged." in text
    if sprints:
        assert "and in any case within 90 days after the Incident is logged" not in text


def test_two_week_sprints_bound_a_next_sprint_resolution_at_28_days():
    text = contract_text(SAMPLES / "us-saas-mexico.yaml")  # "Feature development and maintenance in two-week sprints"
    assert (
        "no later than the end of the first sprint for the affected Service that starts after the Incident is logged, "
        "and in any case within 28 days after the Incident is logged."
    ) in text


def test_the_german_low_priority_is_resolved_by_the_next_scheduled_release():
    text = contract_text(SAMPLES / "de-manufacturer-poland.yaml")
    assert (
        "Where the resolution time of Priority Low is the next release, an Incident of that Priority meets it if the "
        "Service is restored to normal operation, by a workaround that the Customer has accepted or by a fix deployed to "
        "production, no later than the first scheduled release of the affected Service whose content is settled after "
        "the Incident is logged, and in any case within 90 days after the Incident is logged."
    ) in text


def test_a_sprint_resolution_ends_with_the_first_sprint_that_starts_after_logging():
    text = contract_text(SAMPLES / "us-saas-mexico.yaml")
    assert (
        "no later than the end of the first sprint for the affected Service that starts after the Incident is logged"
        in text
    )
