"""PBB late-payment fine (denda): months late and the capped fine."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

# Kabupaten Tangerang's historical rule (DOMAIN.md): 2% per started month, at most 24 months.
# Newer regional practice is 1%: callers pass the configured values.
DEFAULT_RATE_PERCENT = 2
DEFAULT_CAP_MONTHS = 24


class FineError(ValueError):
    """Invalid fine inputs; `reason` is a machine code, `params` its details."""

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason, params)
        self.reason = reason
        self.params: dict[str, Any] = params


def months_late(due: date, today: date) -> int:
    """Months started after the due date: 12×Δyear + Δmonth, +1 if today's day is after the due day."""
    months = 12 * (today.year - due.year) + (today.month - due.month)
    if today.day > due.day:
        months += 1
    return max(0, months)


def fine(
    amount: int,
    due: date,
    today: date,
    rate_percent: Decimal | float | int = DEFAULT_RATE_PERCENT,
    cap_months: int = DEFAULT_CAP_MONTHS,
) -> int:
    """The fine in whole rupiah (half up) on an unpaid amount, rate_percent per month late, capped."""
    if amount < 0:
        raise FineError("negative", field="amount", got=amount)
    if cap_months < 0:
        raise FineError("negative", field="cap_months", got=cap_months)
    # str() so that a float like 2.1 means exactly 2.1, not its binary approximation.
    rate = rate_percent if isinstance(rate_percent, Decimal) else Decimal(str(rate_percent))
    if rate < 0:
        raise FineError("negative", field="rate_percent", got=rate_percent)
    months = min(months_late(due, today), cap_months)
    exact = Decimal(amount) * rate * months / 100
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
