"""Every privacy law record, as a deal uses it: its role words, its breach limit and a deal stating both."""

from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from contractgen.law.privacy import check_privacy
from contractgen.law.regimes import load_registry
from contractgen.values.durations import Duration

REGIMES = sorted(load_registry()[0].items())
WITH_ROLES = [(key, regime) for key, regime in REGIMES if len(regime.roles) >= 2]


@pytest.mark.parametrize("key,regime", REGIMES, ids=[key for key, _ in REGIMES])
def test_each_role_spelling_names_one_role_of_its_law(key, regime):
    for canonical, ways in regime.roles.items():
        assert regime.role(canonical) == canonical, (key, canonical)
        for way in ways:
            assert regime.role(way) == canonical, (key, way)


@pytest.mark.parametrize("key,regime", REGIMES, ids=[key for key, _ in REGIMES])
def test_each_breach_limit_reads_as_a_duration(key, regime):
    if regime.breach_limit:
        assert Duration.parse(regime.breach_limit).minutes > 0, key


def _deal(alias, client, supplier, notice):
    return NS(
        sourcing=NS(delivery_centres=[]),
        data_protection=NS(
            personal_data=True,
            regulations=[alias],
            data_subjects=["customers"],
            data_categories=["contact details"],
            breach_notification=Duration.parse(notice),
            roles=NS(client=client, supplier=supplier),
            data_residency=[],
            international_transfers=None,
            subprocessors=None,
        ),
    )


@pytest.mark.parametrize("key,regime", WITH_ROLES, ids=[key for key, _ in WITH_ROLES])
def test_a_deal_in_the_laws_own_role_words_and_within_its_limit_passes(key, regime):
    client, supplier = list(regime.roles)[:2]
    notice = "24 hours"
    problems = [
        (path, message)
        for path, message in check_privacy(_deal(regime.aliases[0], client, supplier, notice))
        if path[:2] == ("data_protection", "roles") or path[:2] == ("data_protection", "breach_notification")
    ]
    assert problems == [], key
    wrong = list(check_privacy(_deal(regime.aliases[0], client, "covered entity and business associate", notice)))
    assert any(path == ("data_protection", "roles", "supplier") for path, _ in wrong), key


LIMITED = [(key, regime) for key, regime in REGIMES if regime.breach_limit]


@pytest.mark.parametrize("key,regime", LIMITED, ids=[key for key, _ in LIMITED])
def test_a_notice_longer_than_the_laws_limit_is_refused_with_its_source(key, regime):
    client, supplier = (list(regime.roles) + ["controller", "processor"])[:2]
    found = [
        message
        for path, message in check_privacy(_deal(regime.aliases[0], client, supplier, "400 days"))
        if path == ("data_protection", "breach_notification")
    ]
    assert found and regime.breach_source in found[0], key
