"""A deal whose due dates (or, in a draft, Effective Date) are already past is flagged by `validate`, never edited or\nrefused."""

from __future__ import annotations

import os
from datetime import date

from contractgen.deal.derived import dates_before
from contractgen.deal.load import load_deal
from tests.helpers import SAMPLES, run_contractgen

HIPAA = SAMPLES / "onshore-us-hipaa.yaml"  # a draft: Effective Date 2026-07-01, D1 due 2026-08-15


def test_a_drafts_past_effective_date_and_due_dates_are_named_by_field():
    found = dict(dates_before(load_deal(HIPAA).deal, date(2026, 12, 4)))
    assert list(found) == ["contract.effective_date", "deliverables[0].due"]  # D2 falls due in 2027
    assert found["contract.effective_date"].startswith("the Effective Date 2026-07-01 is before today (2026-12-04)")
    assert "D1 is due on 2026-08-15" in found["deliverables[0].due"]


def test_nothing_is_flagged_before_the_dates():
    assert dates_before(load_deal(HIPAA).deal, date(2026, 6, 30)) == []


def test_a_final_document_may_take_effect_earlier_but_its_past_due_dates_are_named():
    # nearshore-eur is final (draft: false) with an Effective Date of 2026-09-01 and D1 due on 2026-10-15
    found = dict(dates_before(load_deal(SAMPLES / "nearshore-eur.yaml").deal, date(2026, 12, 4)))
    assert list(found) == ["deliverables[0].due"]
    assert "is due on 2026-10-15, before today (2026-12-04)" in found["deliverables[0].due"]
    assert dates_before(load_deal(SAMPLES / "nearshore-eur.yaml").deal, date(2026, 10, 1)) == []


def test_validate_prints_the_past_dates_as_warnings_and_passes():
    env = {**os.environ, "CONTRACTGEN_TODAY": "2026-12-04"}
    result = run_contractgen("validate", str(HIPAA), env=env)
    assert result.returncode == 0, result.stderr
    assert "warning: contract.effective_date: the Effective Date 2026-07-01 is before today (2026-12-04)" in (
        result.stderr
    )
    assert "D1 is due on 2026-08-15" in result.stderr
    later = run_contractgen("validate", str(HIPAA), env={**os.environ, "CONTRACTGEN_TODAY": "2026-06-01"})
    assert "before today" not in later.stderr


def test_render_says_the_past_dates_too_and_writes_the_same_bytes_whatever_the_day(tmp_path):
    outputs = {}
    for today in ("2026-12-04", "2026-06-01"):
        out = tmp_path / today
        env = {**os.environ, "CONTRACTGEN_TODAY": today}
        result = run_contractgen("render", str(HIPAA), "-o", str(out), "--format", "docx", env=env)
        assert result.returncode == 0, result.stderr
        outputs[today] = (result, (out / "onshore-us-hipaa.docx").read_bytes())
    said, _ = outputs["2026-12-04"]
    assert "warning: contract.effective_date: the Effective Date 2026-07-01 is before today (2026-12-04)" in (
        said.stderr
    )
    assert "warning: deliverables[0].due: D1 is due on 2026-08-15" in said.stderr
    assert "before today" not in outputs["2026-06-01"][0].stderr
    assert outputs["2026-12-04"][1] == outputs["2026-06-01"][1]  # the outputs do not depend on the clock


def test_the_counterparty_copy_is_rendered_with_the_same_warning(tmp_path):
    env = {**os.environ, "CONTRACTGEN_TODAY": "2026-12-04"}
    result = run_contractgen(
        "render", str(HIPAA), "-o", str(tmp_path), "--format", "docx", "--for-counterparty", env=env
    )
    assert result.returncode == 0, result.stderr
    assert "D1 is due on 2026-08-15, before today (2026-12-04)" in result.stderr
