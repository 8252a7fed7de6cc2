"""Working-day arithmetic for service deadlines (Saturdays, Sundays and holidays skipped)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

_ONE_DAY = timedelta(days=1)


class WorkdaysError(ValueError):
    """Invalid working-day inputs; `reason` is a machine code, `params` its details."""

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason, params)
        self.reason = reason
        self.params: dict[str, Any] = params


def is_working_day(day: date, holidays: frozenset[date] = frozenset()) -> bool:
    """True for Monday to Friday outside the given holidays."""
    return day.weekday() < 5 and day not in holidays


def add_working_days(start: date, n: int, holidays: frozenset[date] = frozenset()) -> date:
    """The date n working days after start (the start day itself is not counted)."""
    if n < 0:
        raise WorkdaysError("negative", got=n)
    day = start
    remaining = n
    while remaining:
        day += _ONE_DAY
        if is_working_day(day, holidays):
            remaining -= 1
    return day


def working_days_between(a: date, b: date, holidays: frozenset[date] = frozenset()) -> int:
    """Working days in (a, b]; negative when b is before a, so it inverts add_working_days."""
    if b < a:
        return -working_days_between(b, a, holidays)
    # Whole weeks are counted arithmetically so long ranges stay cheap.
    span = (b - a).days
    weeks, rest = divmod(span, 7)
    count = 5 * weeks
    day = a + timedelta(days=7 * weeks)
    for _ in range(rest):
        day += _ONE_DAY
        if day.weekday() < 5:
            count += 1
    count -= sum(1 for h in holidays if a < h <= b and h.weekday() < 5)
    return count
