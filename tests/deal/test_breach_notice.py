"""A deal silent on the supplier's breach-notice period is drafted by the listed law's processor rule (its words and
period), or with a period proposed in brackets where no record gives one; each with a note, never a refusal."""

from __future__ import annotations

import pytest

from contractgen.deal import load_deal
from contractgen.deal.readings.breach_notice import apply_breach_notice
from contractgen.law.privacy import breach_rule, privacy_of
from contractgen.law.privacy_names import words
from contractgen.law.regimes import AppliedRegime, load_registry
from contractgen.values.durations import Duration
from tests.helpers import ROOT

REGIMES = sorted(load_registry()[0].items())


@pytest.mark.parametrize("key,regime", REGIMES, ids=[key for key, _ in REGIMES])
def test_every_record_gives_its_processor_rule_or_a_bracketed_proposal(key, regime):
    rule = breach_rule([AppliedRegime(regime, (), (regime.name,))])
    if regime.processor_notice or regime.processor_within:
        assert (rule.words, rule.law, rule.source) == (regime.processor_notice, regime.name, regime.processor_source)
        assert rule.within == (Duration.parse(regime.processor_within) if regime.processor_within else None)
        assert rule.proposed is None and rule.source
    elif regime.terms.get("breach_notice"):
        assert rule == type(rule)()  # the law's own words are printed (privacy.words.breach_notice)
    else:
        assert rule.proposed == Duration.parse(words()["proposed_breach_notice"]) and not rule.words
    # a period the deal states is never replaced by a proposal
    assert breach_rule([AppliedRegime(regime, (), (regime.name,))], Duration.parse("24 hours")).proposed is None


def _silent(sample: str):
    source = load_deal(ROOT / "samples" / f"{sample}.yaml")
    deal = source.deal
    dp = deal.data_protection.model_copy(update={"breach_notification": None})
    return deal.model_copy(update={"data_protection": dp, "status": "draft"})


def test_a_uk_gdpr_deal_silent_on_the_period_notifies_without_undue_delay_with_a_note():
    deal, notes = apply_breach_notice(_silent("deal-example"))
    assert deal.data_protection.breach_notification is None
    assert privacy_of(deal).breach.words == "without undue delay" and privacy_of(deal).breach.proposed is None
    (note,) = notes
    assert note.kind == "breach-notice-default" and "Article 33(2) UK GDPR" in note.drafted
    assert "no fixed period" in note.drafted


def test_a_swiss_deal_silent_on_the_period_notifies_as_quickly_as_possible():
    deal, notes = apply_breach_notice(_silent("ch-bank-portugal"))
    assert privacy_of(deal).breach.words == "as quickly as possible"
    assert "Article 24(3) FADP" in notes[0].drafted


def test_a_hipaa_deal_silent_on_the_period_takes_the_60_days_of_the_rule():
    deal, notes = apply_breach_notice(_silent("onshore-us-hipaa"))
    assert deal.data_protection.breach_notification == Duration.parse("60 days")
    assert "164.410(b)" in notes[0].drafted


def test_a_deal_that_states_its_period_is_left_alone():
    source = load_deal(ROOT / "samples" / "deal-example.yaml")
    assert apply_breach_notice(source.deal) == (source.deal, [])
