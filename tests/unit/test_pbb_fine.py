from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gemilang_tui.domain.pbb_fine import FineError, fine, months_late

TODAY = date(2026, 11, 28)


def test_canonical_2025_arrears() -> None:
    assert months_late(date(2025, 8, 31), TODAY) == 15
    assert fine(487_500, date(2025, 8, 31), TODAY) == 146_250


def test_canonical_2026_arrears() -> None:
    assert months_late(date(2026, 8, 31), TODAY) == 3
    assert fine(487_500, date(2026, 8, 31), TODAY) == 29_250


def test_canonical_total_arrears() -> None:
    total = sum(487_500 + fine(487_500, date(y, 8, 31), TODAY) for y in (2025, 2026))
    assert total == 1_150_500


@pytest.mark.parametrize(
    ("due", "today", "months"),
    [
        (date(2026, 8, 31), date(2026, 8, 31), 0),
        (date(2026, 8, 31), date(2026, 1, 15), 0),
        (date(2026, 8, 31), date(2026, 9, 1), 1),
        (date(2026, 8, 31), date(2026, 9, 30), 1),
        (date(2026, 8, 31), date(2026, 10, 1), 2),
        (date(2026, 8, 15), date(2026, 8, 16), 1),
        (date(2020, 8, 31), date(2026, 11, 28), 75),
    ],
)
def test_months_late(due: date, today: date, months: int) -> None:
    assert months_late(due, today) == months


def test_cap_at_24_months() -> None:
    assert fine(100_000, date(2020, 8, 31), TODAY) == 48_000
    assert fine(100_000, date(2020, 8, 31), TODAY, cap_months=12) == 24_000


def test_configurable_rate_and_rounding_half_up() -> None:
    assert fine(487_500, date(2025, 8, 31), TODAY, rate_percent=1) == 73_125
    assert fine(487_500, date(2025, 8, 31), TODAY, rate_percent=Decimal("1.5")) == 109_688
    # 0.1 % of 1 250 000 over 1 month = 1 250.0; 0.1 % of 1 250 over 1 month = 1.25 → 1
    assert fine(1_250, date(2026, 8, 31), date(2026, 9, 1), rate_percent=0.1) == 1
    # 2 % of 25 = 0.5 → rounds up to 1
    assert fine(25, date(2026, 8, 31), date(2026, 9, 1)) == 1


def test_not_late_means_no_fine() -> None:
    assert fine(487_500, date(2026, 8, 31), date(2026, 8, 31)) == 0


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"amount": -1}, "amount"), ({"rate_percent": -2}, "rate_percent"), ({"cap_months": -1}, "cap_months")],
)
def test_negative_inputs_rejected(kwargs: dict[str, int], field: str) -> None:
    args: dict[str, object] = {"amount": 1000, "due": date(2025, 8, 31), "today": TODAY} | kwargs
    with pytest.raises(FineError) as info:
        fine(**args)  # type: ignore[arg-type]
    assert info.value.reason == "negative"
    assert info.value.params["field"] == field


_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


@given(_dates, _dates, st.integers(min_value=0, max_value=2000))
def test_months_late_is_monotone_in_today(due: date, today: date, step: int) -> None:
    later = today + timedelta(days=step)
    assert 0 <= months_late(due, today) <= months_late(due, later)


@given(st.integers(min_value=0, max_value=10**12), _dates, _dates, st.integers(min_value=0, max_value=2000))
def test_fine_is_monotone_in_today_and_capped(amount: int, due: date, today: date, step: int) -> None:
    now = fine(amount, due, today)
    later = fine(amount, due, today + timedelta(days=step))
    assert 0 <= now <= later
    cap = (amount * 48 + 50) // 100  # 24 months × 2 %, half up
    assert later <= cap


@given(st.integers(min_value=0, max_value=10**12), _dates)
def test_fine_reaches_the_cap_after_24_months(amount: int, due: date) -> None:
    far = due + timedelta(days=366 * 3)
    assert fine(amount, due, far) == (amount * 48 + 50) // 100
