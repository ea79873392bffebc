"""Reports asked for more often than the Measurement Period: the performance report is given for each Measurement
Period, and an operational report at the deal's frequency, instead of one report 'for each Measurement Period,
weekly'. Monthly reporting is unchanged. Checked on the rendered text of every sample (round-4 review, Mexico F10,
NSW F7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from contractgen.deal import load_deal
from tests.helpers import SAMPLES
from tests.terms import contract_text

OFTEN = {"us-saas-mexico": "fortnightly", "au-retailer-philippines": "weekly"}


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_performance_report_follows_the_measurement_period(sample: Path) -> None:
    text = contract_text(sample)
    governance = load_deal(sample).deal.governance
    reporting = governance.reporting if governance else None
    assert "for each Measurement Period, weekly" not in text and "for each Measurement Period, fortnightly" not in text
    if sample.stem in OFTEN:
        assert (
            "a written performance report for each Measurement Period, within 10 Business Days after the end of the "
            f"Measurement Period it covers, and, {OFTEN[sample.stem]}, a written operational report within 3 Business "
            "Days after the end of the period it covers"
        ) in text
    else:
        assert reporting is None or reporting.frequency.unit not in ("day", "week")
        assert "a written operational report" not in text
