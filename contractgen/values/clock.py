"""Clock windows on a given day as UTC spans, and the parts of a window that other spans leave uncovered."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

Span = tuple[datetime, datetime]


def utc_span(day: date, start: int, end: int, zone: str) -> Span:
    """The window from `start` to `end` minutes after local midnight of `day` in `zone`, in UTC."""
    midnight = datetime.combine(day, time(0), ZoneInfo(zone))
    # Wall-clock arithmetic on aware datetimes, then UTC: correct across DST changes at night.
    first, last = ((midnight + timedelta(minutes=m)).astimezone(timezone.utc) for m in (start, end))
    return first, last


def uncovered(window: Span, covered: list[Span]) -> list[Span]:
    """The parts of the window that no covered span reaches."""
    gaps, cursor = [], window[0]
    for start, end in sorted(covered):
        if start > cursor and cursor < window[1]:
            gaps.append((cursor, min(start, window[1])))
        cursor = max(cursor, end)
    if cursor < window[1]:
        gaps.append((cursor, window[1]))
    return gaps


def mid_month_wednesday(year: int, month: int) -> date:
    """The first Wednesday on or after the 15th of the month: a working day away from any DST change."""
    day = date(year, month, 15)
    return day + timedelta(days=(2 - day.weekday()) % 7)
