"""The mediation tier before courts works as the arbitration tier does: a named appointer where a law record gives
one for the courts' place (law/seats, law/jurisdictions `mediation`), else a time limit after which the mediation
has ended; a 10-Business-Day window to propose it; conditions precedent with a 90-day long-stop; and, where the
courts' jurisdiction is asymmetric or non-exclusive, the courts having jurisdiction under the jurisdiction clause."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from contractgen.law.forums import mediation_of
from contractgen.deal.parties import Mediation
from tests.helpers import FIXTURES, REFERENCE, SAMPLES
from tests.terms import contract_text, overlaid

OVERLAYS = FIXTURES / "deals" / "overlays"


@lru_cache(maxsize=None)
def text_of(path: str, overlay: str = "") -> str:
    """The rendered text of a sample, or of the reference deal with an overlay, built once per test run."""
    if not overlay:
        return contract_text(Path(path))
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="court-mediation-"))
    return contract_text(overlaid(Path(path), OVERLAYS / overlay, folder))


def dispute_clause(text: str) -> str:
    """The Dispute Resolution clause, from its first words to the duty to keep performing."""
    return text.split("The Parties will try to resolve any Dispute promptly")[1].split("will continue to perform")[0]


@pytest.mark.parametrize(
    ("courts", "key", "body"),
    [
        ("the courts of England and Wales", "england-and-wales", "the Centre for Effective Dispute Resolution (CEDR)"),
        ("the courts of Frankfurt am Main", "", "the German Arbitration Institute (DIS)"),
        ("the courts of Singapore", "singapore", "the Singapore International Mediation Centre"),
        ("the courts of Paris", "france", ""),
    ],
)
def test_the_mediator_appointer_before_courts_comes_from_the_law_records(courts, key, body):
    assert mediation_of(Mediation(), None, (courts, key)).body == body


def test_a_body_the_deal_names_wins_and_still_makes_the_clause_tiered():
    view = mediation_of(Mediation(body="the Law Society of Singapore"), None, ("the courts of Singapore", ""))
    assert view.body == "the Law Society of Singapore" and not view.from_record


COURT_SAMPLES = sorted(
    p.name for p in SAMPLES.glob("*.yaml") if "arbitration" not in p.read_text(encoding="utf-8").casefold()
)


@pytest.mark.parametrize("name", COURT_SAMPLES)
def test_every_court_sample_has_the_workable_tier(name):
    clause = dispute_clause(text_of(str(SAMPLES / name)))
    assert "recognised standing" not in clause
    if "referred to mediation" in clause:
        assert "by written notice given within 10 Business Days after escalation ends" in clause
        assert re.search(r"appointed by [^.]+|If no mediator has been appointed within 20 Business Days", clause)
    assert "The steps in this clause are conditions precedent" in clause
    assert "once 90 days have passed since the notice that started this procedure" in clause


def test_english_courts_name_cedr():
    clause = dispute_clause(text_of(str(REFERENCE)))
    assert "appointed by the Centre for Effective Dispute Resolution (CEDR) under the CEDR Model Mediation" in clause
    assert "Procedure, which applies to the mediation except as this clause provides" in clause


def test_courts_without_a_mediation_record_fall_back_to_a_time_limit_and_non_exclusive_courts():
    clause = dispute_clause(text_of(str(REFERENCE), "french-courts-non-exclusive.yaml"))
    assert (
        "The mediation will be conducted by a single mediator agreed by the Parties. If no mediator has been" in clause
    )
    assert "appointed within 20 Business Days after the notice proposing mediation, the mediation has ended" in clause
    assert re.search(r"either Party may refer the Dispute to the courts having jurisdiction under clause \d+\.", clause)
    assert "the courts of Paris in accordance with" not in clause


def test_singapore_courts_with_an_expert_step_name_simc_and_what_the_contract_has():
    clause = dispute_clause(text_of(str(REFERENCE), "singapore-courts.yaml"))
    assert "appointed by the Singapore International Mediation Centre under the SIMC Mediation Rules" in clause
    assert "whether a Service Level was met" in clause
    assert "If no expert has been appointed within 20 Business Days after the notice, the referral" in clause
    assert "neither Party may refer a Dispute to the courts until escalation has ended" in clause
