"""Property tests: valid variations of the reference validate, broken ones are refused."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contractgen.deal.derived import compute_derived, daily_overlap
from contractgen.values.durations import ClockRange, Duration
from contractgen.deal import validate_data
from contractgen.deal.yamlsource import load_deal_file, load_yaml
from contractgen.errors import DealError
from tests.helpers import REFERENCE

_DATA, _LINES = load_deal_file(REFERENCE)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

durations = st.one_of(
    st.builds(Duration, st.integers(1, 500), st.sampled_from(["minute", "week", "month", "year"])),
    st.builds(Duration, st.integers(1, 500), st.sampled_from(["hour", "day"]), st.booleans()),
)


@st.composite
def priority_times(draw, count: int = 4):
    """Response/resolution pairs that satisfy every priority rule."""
    pairs = [sorted(draw(st.tuples(durations, durations)), key=lambda d: d.minutes) for _ in range(count)]
    responses = sorted((p[0] for p in pairs), key=lambda d: d.minutes)
    resolutions = sorted((p[1] for p in pairs), key=lambda d: d.minutes)
    return list(zip(responses, resolutions))


def with_priorities(times) -> dict:
    data = copy.deepcopy(_DATA)
    items = data["service_levels"]["incident_priorities"]
    for item, (response, resolution) in zip(items, times):
        item["response"], item["resolution"] = str(response), str(resolution)
    return data


@SETTINGS
@given(priority_times())
def test_ordered_priority_times_validate(times):
    deal = validate_data(with_priorities(times))
    got = [(p.response, p.resolution) for p in deal.service_levels.incident_priorities]
    assert got == times


@SETTINGS
@given(priority_times(), st.integers(0, 3), st.data())
def test_a_response_slower_than_its_resolution_is_refused(times, index, data):
    response, resolution = times[index]
    slower = data.draw(durations.filter(lambda d: d.minutes > resolution.minutes))
    times[index] = (slower, resolution)
    with pytest.raises(DealError) as info:
        validate_data(with_priorities(times), "deal.yaml", _LINES)
    paths = {p.path: p for p in info.value.problems}
    problem = paths[f"service_levels.incident_priorities[{index}].resolution"]
    assert problem.message == f"P{index + 1} resolution ({resolution}) is faster than its response ({slower})"
    assert problem.line == _LINES[("service_levels", "incident_priorities", index, "resolution")]


percent = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100"), places=2)


@st.composite
def credit_scheme(draw):
    """An availability target, an amount at risk and tiers obeying the credit rules."""
    target = draw(percent)
    at_risk = draw(st.integers(1, 100))
    count = draw(st.integers(1, min(4, at_risk)))
    below = draw(
        st.lists(
            st.decimals(min_value=Decimal("0.01"), max_value=target, places=2),
            min_size=count,
            max_size=count,
            unique=True,
        )
    )
    credits = draw(st.lists(st.integers(1, at_risk), min_size=count, max_size=count, unique=True))
    tiers = list(zip(sorted(below, reverse=True), sorted(credits)))
    return target, at_risk, tiers


def with_credits(target, at_risk, tiers) -> dict:
    data = copy.deepcopy(_DATA)
    levels = data["service_levels"]
    levels["availability"][0]["target"] = str(target)
    levels["service_credits"] = {
        "at_risk": str(at_risk),
        "tiers": [{"service": "INF", "below": str(b), "credit": str(c)} for b, c in tiers],
    }
    return data


@SETTINGS
@given(credit_scheme())
def test_valid_credit_schemes_validate_and_give_the_downtime(scheme):
    target, at_risk, tiers = scheme
    deal = validate_data(with_credits(target, at_risk, tiers))
    figure = compute_derived(deal).availability[0]
    assert figure.target == target
    assert figure.allowed_downtime_minutes == pytest.approx(float((100 - target) / 100 * 43200))
    assert abs(figure.allowed_downtime.seconds - figure.allowed_downtime_minutes * 60) <= 0.5


@SETTINGS
@given(credit_scheme().filter(lambda s: len(s[2]) >= 2))
def test_credits_that_do_not_grow_are_refused(scheme):
    target, at_risk, tiers = scheme
    credits = [c for _, c in tiers]
    tiers = [(b, c) for (b, _), c in zip(tiers, reversed(credits))]  # lowest threshold, lowest credit
    with pytest.raises(DealError) as info:
        validate_data(with_credits(target, at_risk, tiers))
    assert any(
        p.path.startswith("service_levels.service_credits.tiers[")
        and "a lower threshold must give a higher credit" in p.message
        for p in info.value.problems
    )


@SETTINGS
@given(st.decimals(min_value=Decimal("-1000"), max_value=Decimal("1000"), places=3))
def test_availability_targets_outside_0_to_100_are_refused(target):
    data = copy.deepcopy(_DATA)
    data["service_levels"]["availability"][1]["target"] = str(target)
    data["service_levels"]["service_credits"]["tiers"].pop()  # the AMS tier depends on the target
    if Decimal(0) < target <= Decimal(100):
        validate_data(data)
    else:
        with pytest.raises(DealError) as info:
            validate_data(data)
        assert [p.path for p in info.value.problems] == ["service_levels.availability[1].target"]


zones = st.sampled_from(
    [
        "Europe/London",
        "Asia/Kolkata",
        "America/New_York",
        "Australia/Sydney",
        "Asia/Kathmandu",
        "Pacific/Auckland",
        "UTC",
    ]
)
clock = (
    st.tuples(st.integers(0, 1439), st.integers(1, 1440)).filter(lambda t: t[0] < t[1]).map(lambda t: ClockRange(*t))
)


@SETTINGS
@given(st.dates(), zones, clock, zones, clock)
def test_overlap_is_bounded_by_both_working_days(day, zone_a, hours_a, zone_b, hours_b):
    from datetime import date

    day = max(min(day, date(2200, 1, 1)), date(1971, 1, 1))
    overlap = daily_overlap(day, zone_a, hours_a, zone_b, hours_b)
    assert 0 <= overlap <= min(hours_a.hours, hours_b.hours) + 1  # a DST day may add an hour


@SETTINGS
@given(st.dates(), zones, clock)
def test_overlap_with_oneself_is_the_whole_day(day, zone, hours):
    from datetime import date

    day = max(min(day, date(2200, 1, 1)), date(1971, 1, 1))
    overlap = daily_overlap(day, zone, hours, zone, hours)
    assert abs(overlap - hours.hours) <= 1  # the night the clocks change, a local day is 23 or 25 hours


text = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
trees = st.recursive(
    text | st.none(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(text, children, max_size=4),
    max_leaves=20,
)


@SETTINGS
@given(st.dictionaries(text, trees, max_size=5))
def test_yaml_text_round_trips_as_text(tree):
    dumped = yaml.safe_dump(tree, allow_unicode=False)
    data, lines = load_yaml(dumped, "x.yaml")
    assert data == tree
    assert set(lines) >= {(key,) for key in tree}


@SETTINGS
@given(st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=200).filter(lambda s: s.strip()))
def test_any_printable_single_line_name_is_accepted_and_stripped(name):
    data = copy.deepcopy(_DATA)
    data["parties"]["client"]["name"] = name
    if "\n" in name or "\u2028" in name:
        return
    assert validate_data(data).parties.client.name == name.strip()
