"""Radio Gemilang 91 FM: name, frequency and the weekly programme schedule.

A programme says on which days it is on air (`hari`: "setiap hari", "senin-jumat", "sabtu",
"sabtu-minggu", "senin,rabu"…) and from when to when (`mulai`/`selesai`, "HH.MM" local time, "24.00" for
midnight at the end of a day; a programme whose end is before its start runs past midnight).
"""

from __future__ import annotations

from pydantic import Field, field_validator

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel

#: Monday = 0 … Sunday = 6, as `date.weekday()`.
DAY_NAMES = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
EVERY_DAY = "setiap hari"
TIME_PATTERN = r"^([01][0-9]|2[0-3])\.[0-5][0-9]$|^24\.00$"


def days_of(spec: str) -> frozenset[int]:
    """The weekdays (0 = Monday) a `hari` text names; ValueError when it names none we know."""
    text = spec.strip().lower().replace("jum'at", "jumat")
    if text == EVERY_DAY:
        return frozenset(range(7))
    days: set[int] = set()
    for part in text.split(","):
        ends = [end.strip() for end in part.split("-")]
        if len(ends) not in (1, 2) or not all(end in DAY_NAMES for end in ends):
            raise ValueError(f"unknown day {part.strip()!r}: use {', '.join(DAY_NAMES)} or {EVERY_DAY!r}")
        first, last = DAY_NAMES.index(ends[0]), DAY_NAMES.index(ends[-1])
        day = first
        while True:
            days.add(day)
            if day == last:
                break
            day = (day + 1) % 7
    return frozenset(days)


def minutes_of(clock_text: str) -> int:
    """'06.30' → 390; '24.00' → 1440."""
    hours, minutes = clock_text.split(".")
    return int(hours) * 60 + int(minutes)


class Acara(ApiModel):
    hari: str = Field(description="days on air: 'setiap hari', 'senin-jumat', 'sabtu', 'senin,rabu'…")
    mulai: str = Field(pattern=TIME_PATTERN, description="start, HH.MM")
    selesai: str = Field(pattern=TIME_PATTERN, description="end, HH.MM (24.00 = midnight)")
    acara: str
    acara_en: str | None = None
    penyiar: str = ""

    @field_validator("hari")
    @classmethod
    def _known_days(cls, value: str) -> str:
        days_of(value)
        return value

    @property
    def days(self) -> frozenset[int]:
        return days_of(self.hari)

    @property
    def start(self) -> int:
        return minutes_of(self.mulai)

    @property
    def end(self) -> int:
        return minutes_of(self.selesai)


class Radio(ApiModel):
    nama: str
    frekuensi: str = Field(description="e.g. 91.0 FM")
    jadwal: list[Acara]


STATION: Endpoint[Radio] = Endpoint("GET", "/v1/radio", Radio)
