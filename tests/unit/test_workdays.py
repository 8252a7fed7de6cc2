from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gemilang_tui.domain.workdays import (
    WorkdaysError,
    add_working_days,
    is_working_day,
    working_days_between,
)


def test_canonical_ppid_deadline() -> None:
    assert add_working_days(date(2026, 11, 23), 10) == date(2026, 12, 7)
    assert working_days_between(date(2026, 11, 23), date(2026, 12, 7)) == 10


def test_start_day_not_counted_and_weekend_skipped() -> None:
    friday = date(2026, 11, 27)
    assert add_working_days(friday, 1) == date(2026, 11, 30)
    assert add_working_days(date(2026, 11, 28), 1) == date(2026, 11, 30)  # from a Saturday
    assert add_working_days(friday, 0) == friday


def test_holidays_are_skipped() -> None:
    christmas = date(2026, 12, 25)
    assert add_working_days(date(2026, 12, 24), 1) == christmas
    assert add_working_days(date(2026, 12, 24), 1, frozenset({christmas})) == date(2026, 12, 28)
    assert add_working_days(date(2026, 12, 23), 2, frozenset({christmas})) == date(2026, 12, 28)
    assert working_days_between(date(2026, 12, 23), date(2026, 12, 28), frozenset({christmas})) == 2


def test_between_is_antisymmetric() -> None:
    assert working_days_between(date(2026, 12, 7), date(2026, 11, 23)) == -10
    assert working_days_between(date(2026, 11, 23), date(2026, 11, 23)) == 0


def test_negative_n_rejected() -> None:
    with pytest.raises(WorkdaysError) as info:
        add_working_days(date(2026, 11, 23), -1)
    assert (info.value.reason, info.value.params) == ("negative", {"got": -1})


_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))
_holidays = st.frozensets(st.dates(min_value=date(2000, 1, 1), max_value=date(2042, 12, 31)), max_size=40)


@given(_dates, st.integers(min_value=1, max_value=400), _holidays)
def test_never_lands_on_weekend_or_holiday_and_between_inverts(
    start: date, n: int, holidays: frozenset[date]
) -> None:
    end = add_working_days(start, n, holidays)
    assert end.weekday() < 5
    assert end not in holidays
    assert working_days_between(start, end, holidays) == n
    assert working_days_between(end, start, holidays) == -n


@given(_dates, st.integers(min_value=0, max_value=400), _holidays)
def test_between_matches_day_by_day_count(start: date, span: int, holidays: frozenset[date]) -> None:
    end = start + timedelta(days=span)
    expected = sum(1 for i in range(1, span + 1) if is_working_day(start + timedelta(days=i), holidays))
    assert working_days_between(start, end, holidays) == expected


@given(_dates, st.integers(min_value=0, max_value=100), st.integers(min_value=0, max_value=100))
def test_adding_is_additive(start: date, m: int, n: int) -> None:
    assert add_working_days(add_working_days(start, m), n) == add_working_days(start, m + n)
