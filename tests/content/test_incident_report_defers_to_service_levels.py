"""The drafted scope of an incident response service defers to the service levels' report time.

Schedule 1 ranks above Schedule 2, so a scope that gave its own time for the written incident report would
defeat a shorter time the service levels set for the top Priority. Checked on the rendered contract of every
sample and practitioner deal: where the service levels set a report time, the scope's report bullet names
that time as prevailing and keeps its own 10 Business Days only for incidents without one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.content.test_top_priority_and_exit_rates import DEALS, built, clause, text_of

REPORT = "a written report on each incident, with its timeline, root cause, impact"


def with_report_times() -> list[Path]:
    """The deals whose service levels give the top Priority's written incident report a time."""
    found = []
    for path in DEALS:
        _, document = built(path)
        levels = clause(document, "sl-priorities")
        if levels is not None and "written incident report within" in text_of(levels):
            found.append(path)
    return found


def test_the_nl_soc_sample_sets_a_report_time():
    paths = [p for p in with_report_times() if p.stem == "nl-fintech-uk-soc"]
    assert paths
    assert REPORT in text_of(clause(built(paths[0])[1], "svc-descriptions"))


@pytest.mark.parametrize("path", with_report_times(), ids=lambda p: p.stem)
def test_the_scope_report_time_yields_to_the_service_levels(path):
    _, document = built(path)
    scope = clause(document, "svc-descriptions")
    assert scope is not None
    text = text_of(scope)
    if REPORT not in text:
        return
    bullet = text[text.index(REPORT) :]
    bullet = bullet[: bullet.index("closed.") + len("closed.")]
    assert "sets for the written report on an incident of its Priority, which prevails over this paragraph" in bullet
    assert bullet.endswith("sets no such time, within 10 Business Days after the incident is closed.")
