"""What a paper receipt says, as plain data (already in the citizen's language), and the kiosk's clock in WIB."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import Any


def _wib() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Asia/Jakarta")
    except Exception:  # no tz database on the machine: Indonesia has no daylight saving, UTC+7 is exact
        return timezone(timedelta(hours=7), "WIB")


WIB = _wib()


def in_wib(moment: datetime | None = None, pinned: date | None = None) -> datetime:
    """`moment` (now when None) in Western Indonesia Time; on the pinned date of a test or demo when given."""
    local = (moment or datetime.now(UTC)).astimezone(WIB)
    if pinned is not None:
        local = local.replace(year=pinned.year, month=pinned.month, day=pinned.day)
    return local


@dataclass
class ReceiptDoc:
    """One receipt: the service, the number to keep (printed large) and its label, when, the masked NIK, what
    happens next, where to check the status, and the status itself. A page a citizen looked up and carries away
    (a PBB bill to the cashier) is the same paper: its number (the NOP) large, its `details`, `keep` False."""

    service: str
    number: str
    number_label: str
    when: datetime
    masked_nik: str | None = None
    next_steps: list[str] = field(default_factory=list)
    where_to_check: str = ""
    status: str = ""
    code: str = ""  # the kiosk's receipt code (K-…): names the attendant's copy
    details: list[str] = field(default_factory=list)  # what a looked-up page says (a bill's years), under the number
    keep: bool = True  # a receipt's number is to keep; a looked-up page's (a NOP, 112) is to show or to call

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["when"] = self.when.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReceiptDoc:
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        known["when"] = datetime.fromisoformat(str(data["when"]))
        known["next_steps"] = [str(line) for line in data.get("next_steps", [])]
        known["details"] = [str(line) for line in data.get("details", [])]
        return cls(**known)
