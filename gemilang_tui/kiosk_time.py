"""The kiosk's time is Western Indonesia Time (WIB, Asia/Jakarta), whatever the machine's time zone.

With a pinned date (`GEMILANG_TODAY`) every date shown moves with it: what happened today shows on the pinned day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

JAKARTA = ZoneInfo("Asia/Jakarta")  # the tzdata package brings it where the OS has no zone data


def now() -> datetime:
    """The real time now, in WIB."""
    return datetime.now(JAKARTA)


def today(pinned: date | None = None) -> date:
    """The pinned date, else today's date in WIB."""
    return pinned or now().date()


def time_of_day() -> time:
    """The real time of day in WIB (tests pin it)."""
    return now().time().replace(tzinfo=None)


def moment(pinned: date | None = None) -> datetime:
    """Now as the kiosk counts it: the pinned date (or today) at the real time of day, in WIB."""
    return datetime.combine(today(pinned), time_of_day(), tzinfo=JAKARTA)


def shown(moment: datetime, pinned: date | None = None) -> datetime:
    """`moment` in WIB (a naive one is taken as UTC), moved by as many days as the pinned date is from today."""
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(JAKARTA)
    if pinned is not None:
        local += timedelta(days=(pinned - now().date()).days)
    return local
