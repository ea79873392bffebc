"""Durations, frequencies, clock ranges and time spans: parsing, printing, ordering, pydantic use."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from contractgen.values.durations import ClockRange, Duration, Frequency, TimeSpan


@pytest.mark.parametrize(
    "text, value, unit, business, printed",
    [
        ("15 minutes", 15, "minute", False, "15 minutes"),
        ("30 min", 30, "minute", False, "30 minutes"),
        ("1 hour", 1, "hour", False, "1 hour"),
        ("4 hours", 4, "hour", False, "4 hours"),
        ("1 business day", 1, "day", True, "1 business day"),
        ("3 Business Days", 3, "day", True, "3 business days"),
        ("2 working days", 2, "day", True, "2 business days"),
        ("4 business hours", 4, "hour", True, "4 business hours"),
        ("10 days", 10, "day", False, "10 days"),
        ("1 week", 1, "week", False, "1 week"),
        ("six months", 6, "month", False, "6 months"),
        ("  2   years ", 2, "year", False, "2 years"),
        ("an hour", 1, "hour", False, "1 hour"),
    ],
)
def test_duration_parses_and_prints(text, value, unit, business, printed):
    d = Duration.parse(text)
    assert (d.value, d.unit, d.business) == (value, unit, business)
    assert str(d) == printed


@pytest.mark.parametrize(
    "text",
    [
        "fortnight-ish",
        "",
        "15",
        "minutes",
        "0 days",
        "1.5 hours",
        "-3 days",
        "3 business months",
        "a hundred and one days",
        "\u0661\u0665 minutes",
    ],
)
def test_duration_refuses_nonsense_in_plain_english(text):
    with pytest.raises(ValueError, match="duration|number|business"):
        Duration.parse(text)


def test_duration_error_message_gives_examples():
    with pytest.raises(ValueError) as info:
        Duration.parse("fortnight-ish")
    assert str(info.value).startswith("'fortnight-ish' is not a duration; write e.g. '15 minutes'")


def test_ordering_uses_calendar_equivalents():
    d = Duration.parse
    assert d("15 minutes") < d("1 hour") < d("1 business day") < d("2 days") < d("1 week") < d("1 month") < d("1 year")
    assert d("1 business day") <= d("1 day") and d("1 day") <= d("1 business day")
    assert d("24 hours") != d("1 day")  # equality is exact, ordering approximate
    assert d("1 month").minutes == 30 * 24 * 60 and d("1 year").minutes == 365 * 24 * 60
    assert max([d("3 business days"), d("4 hours")]) == d("3 business days")


def test_upper_bound_counts_weekends_and_long_months():
    assert Duration.parse("1 business day").upper_minutes == 3 * 1440
    assert Duration.parse("5 business days").upper_minutes == 7 * 1440
    assert Duration.parse("72 hours").upper_minutes == 72 * 60
    assert Duration.parse("1 month").upper_minutes == 31 * 1440


def test_add_to_dates():
    assert Duration.parse("36 months").add_to(date(2027, 2, 1)) == date(2030, 2, 1)
    assert Duration.parse("1 month").add_to(date(2027, 1, 31)) == date(2027, 2, 28)
    assert Duration.parse("1 year").add_to(date(2028, 2, 29)) == date(2029, 2, 28)
    assert Duration.parse("1 business day").add_to(date(2027, 1, 1)) == date(2027, 1, 4)  # Friday → Monday
    assert Duration.parse("10 days").add_to(date(2027, 1, 1)) == date(2027, 1, 11)


durations = st.one_of(
    st.builds(Duration, st.integers(1, 100_000), st.sampled_from(["minute", "week", "month", "year"])),
    st.builds(Duration, st.integers(1, 100_000), st.sampled_from(["hour", "day"]), st.booleans()),
)


@given(durations)
def test_any_duration_prints_and_reparses_to_itself(d):
    assert Duration.parse(str(d)) == d


@given(durations, durations)
def test_ordering_is_consistent_with_minutes(a, b):
    assert (a < b) == (a.minutes < b.minutes)
    assert (a <= b) or (b <= a)


@pytest.mark.parametrize(
    "text, printed, per_year",
    [
        ("daily", "daily", 365),
        ("weekly", "weekly", 52),
        ("fortnightly", "fortnightly", 26),
        ("Monthly", "monthly", 12),
        ("quarterly", "quarterly", 4),
        ("twice a year", "twice a year", 2),
        ("every six months", "twice a year", 2),
        ("annually", "annually", 1),
        ("yearly", "annually", 1),
        ("once a year", "annually", 1),
        ("every two years", "every two years", 0.5),
        ("every 24 months", "every two years", 0.5),
        ("every 18 months", "every 18 months", 12 / 18),
        ("every 3 weeks", "every three weeks", 52 / 3),
    ],
)
def test_frequency_parses_prints_and_counts(text, printed, per_year):
    f = Frequency.parse(text)
    assert str(f) == printed
    assert f.per_year == pytest.approx(per_year)


@pytest.mark.parametrize("text", ["sometimes", "every", "every 0 months", "bimonthly", ""])
def test_frequency_refuses_unknown_phrases(text):
    with pytest.raises(ValueError, match="not a frequency|from 1"):
        Frequency.parse(text)


@given(st.integers(1, 1000), st.sampled_from(["day", "week", "month", "year"]))
def test_any_frequency_round_trips(every, unit):
    f = Frequency(every, unit)
    assert Frequency.parse(str(f)) == f


def test_clock_range():
    r = ClockRange.parse("08:00-18:00")
    assert (r.start, r.end, r.hours, str(r)) == ("08:00", "18:00", 10.0, "08:00-18:00")
    assert str(ClockRange.parse("0:00 – 24:00")) == "00:00-24:00"
    for bad in ["18:00-08:00", "08:00-08:00", "25:00-26:00", "08:60-09:00", "8-18", "24:30-24:45", ""]:
        with pytest.raises(ValueError):
            ClockRange.parse(bad)


def test_time_span_words():
    assert str(TimeSpan.from_minutes(21.6)) == "21 minutes 36 seconds"
    assert str(TimeSpan.from_minutes(216)) == "3 hours 36 minutes"
    assert str(TimeSpan.from_minutes(1440 + 1)) == "1 day 1 minute"
    assert str(TimeSpan(0)) == "0 minutes"
    assert TimeSpan.from_minutes(21.6).minutes == pytest.approx(21.6)


class _Model(BaseModel):
    wait: Duration
    how_often: Frequency
    hours: ClockRange


def test_pydantic_fields_validate_serialise_and_describe_themselves():
    m = _Model(wait="3 business days", how_often="quarterly", hours="09:00-17:30")
    assert m.wait == Duration(3, "day", True)
    assert m.model_dump(mode="json") == {"wait": "3 business days", "how_often": "quarterly", "hours": "09:00-17:30"}
    assert _Model.model_validate(m.model_dump()) == m
    schema = _Model.model_json_schema()["properties"]
    assert schema["wait"]["type"] == "string" and "pattern" in schema["wait"]
    assert schema["how_often"]["type"] == "string" and "description" in schema["how_often"]


def test_pydantic_errors_are_plain_english():
    with pytest.raises(ValidationError) as info:
        _Model(wait="fortnight-ish", how_often="now and then", hours="late")
    messages = {e["loc"][0]: e["msg"] for e in info.value.errors()}
    assert messages["wait"].startswith("'fortnight-ish' is not a duration; write e.g.")
    assert "is not a frequency" in messages["how_often"]
    assert "is not a range of clock times" in messages["hours"]


def test_braces_in_input_do_not_break_messages():
    with pytest.raises(ValidationError) as info:
        _Model(wait="{0} {x}", how_often="weekly", hours="08:00-09:00")
    assert "'{0} {x}' is not a duration" in info.value.errors()[0]["msg"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Net 30", "30 days"),
        ("net 45 days", "45 days"),
        ("30 days net", "30 days"),
        ("thirteen days", "13 days"),
        ("twenty-four months", "24 months"),
        ("30 calendar days", "30 days"),
    ],
)
def test_durations_as_people_write_them(text, expected):
    assert str(Duration.parse(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("bi-weekly", "fortnightly"),
        ("every two weeks", "fortnightly"),
        ("semi-annually", "twice a year"),
        ("half-yearly", "twice a year"),
        ("annual", "annually"),
    ],
)
def test_frequency_synonyms(text, expected):
    assert str(Frequency.parse(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("8am-6pm", "08:00-18:00"),
        ("8:00 a.m. – 6:00 p.m.", "08:00-18:00"),
        ("08.00–18.00", "08:00-18:00"),
        ("8h-18h", "08:00-18:00"),
        ("8h30-18h", "08:30-18:00"),
        ("9:00 AM - 5:30 PM", "09:00-17:30"),
        ("08:00 to 18:00", "08:00-18:00"),
        ("12am-12pm", "00:00-12:00"),
    ],
)
def test_clock_ranges_as_markets_write_them(text, expected):
    assert str(ClockRange.parse(text)) == expected


@pytest.mark.parametrize("text", ["8-6pm", "13pm-14pm", "8-18"])
def test_a_clock_range_that_could_be_read_otherwise_is_refused(text):
    with pytest.raises(ValueError):
        ClockRange.parse(text)
