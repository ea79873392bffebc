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


def test_the_argentine_adequacy_list_is_recorded_with_its_source():
    """Law No. 25,326 has a list (Disposición 60-E/2016, Article 3, as substituted in 2019); it is data with a source."""
    from contractgen.law.library import active

    adequacy = active().records("privacy")["ar-pdpl"].data["transfers"]["adequacy"]
    assert "60-E/2016" in adequacy["name"] and "34/2019" in adequacy["source"]
    assert {"GB", "CH", "UY", "NZ", "DE"} <= set(adequacy["adequate"]) and adequacy["inside"] == ["AR"]
    assert {"BR", "US"}.isdisjoint(adequacy["adequate"]) and {"CA", "IL"} == set(adequacy["partial"])


@pytest.mark.parametrize("key", ["ph-dpa", "vn-pdpl", "eg-pdpl", "my-pdpa"])
def test_a_new_law_without_an_adequacy_list_says_so(key):
    """The newer laws have no list of adequate countries: the record says so rather than leaving it open."""
    regime = load_registry()[0][key]
    assert regime.adequacy is None
    assert any(
        words in regime.transfer_rule
        for words in ("no adequacy list", "no published adequacy list", "whitelist) is gone")
    )
