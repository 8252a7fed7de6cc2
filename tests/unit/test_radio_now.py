"""Radio 91 FM: which programme is on air at a given moment, and the days a schedule line names."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pydantic import ValidationError

from gemilang_tui.api.radio import Acara, days_of, minutes_of
from gemilang_tui.services.radio import next_on_air, on_air, slots_on

SATURDAY = date(2026, 11, 28)
SUNDAY = date(2026, 11, 29)
MONDAY = date(2026, 11, 30)


def programme(hari: str, mulai: str, selesai: str, acara: str) -> Acara:
    return Acara(hari=hari, mulai=mulai, selesai=selesai, acara=acara)


SCHEDULE = [
    programme("setiap hari", "00.00", "05.00", "Malam"),
    programme("senin-jumat", "05.00", "09.00", "Pagi Kerja"),
    programme("sabtu-minggu", "06.00", "09.00", "Pagi Libur"),
    programme("senin-jumat", "09.00", "22.00", "Siang Kerja"),
    programme("sabtu", "21.00", "02.00", "Malam Minggu"),  # runs past midnight into Sunday
    programme("setiap hari", "22.00", "24.00", "Larut"),
]


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def name(slot) -> str | None:
    return slot.programme.acara if slot else None


@pytest.mark.parametrize(
    ("spec", "days"),
    [
        ("setiap hari", {0, 1, 2, 3, 4, 5, 6}),
        ("senin-jumat", {0, 1, 2, 3, 4}),
        ("Sabtu", {5}),
        ("sabtu-minggu", {5, 6}),
        ("jumat-senin", {4, 5, 6, 0}),
        ("senin, rabu", {0, 2}),
        ("jum'at", {4}),
    ],
)
def test_days_of(spec, days):
    assert days_of(spec) == frozenset(days)


@pytest.mark.parametrize("spec", ["", "weekend", "senin-", "senin-rabu-jumat", "hari libur"])
def test_unknown_days_are_refused(spec):
    with pytest.raises(ValueError):
        days_of(spec)


def test_a_fixture_with_an_unknown_day_or_time_does_not_validate():
    with pytest.raises(ValidationError):
        programme("akhir pekan", "06.00", "09.00", "X")
    with pytest.raises(ValidationError):
        programme("sabtu", "6.00", "09.00", "X")
    with pytest.raises(ValidationError):
        programme("sabtu", "06.00", "24.30", "X")


def test_minutes_of():
    assert minutes_of("00.00") == 0
    assert minutes_of("06.30") == 390
    assert minutes_of("24.00") == 1440


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(MONDAY, 4, 59), "Malam"),
        (at(MONDAY, 5, 0), "Pagi Kerja"),  # a programme starts at its first minute
        (at(MONDAY, 8, 59), "Pagi Kerja"),
        (at(MONDAY, 9, 0), "Siang Kerja"),  # and the previous one has ended
        (at(MONDAY, 23, 59), "Larut"),  # 24.00 is the end of the day
        (at(SATURDAY, 5, 30), None),  # nothing is scheduled then
        (at(SATURDAY, 6, 0), "Pagi Libur"),
        (at(SATURDAY, 21, 30), "Malam Minggu"),
        (at(SUNDAY, 1, 0), "Malam"),  # both run; the day's own programme comes first
        (at(SUNDAY, 2, 0), "Malam"),
    ],
)
def test_on_air(moment, expected):
    assert name(on_air(SCHEDULE, moment)) == expected


def test_a_programme_past_midnight_is_on_air_the_next_morning():
    schedule = [programme("sabtu", "22.00", "02.00", "Begadang")]
    assert name(on_air(schedule, at(SUNDAY, 1, 30))) == "Begadang"
    assert on_air(schedule, at(SUNDAY, 2, 0)) is None
    assert on_air(schedule, at(MONDAY, 1, 0)) is None


def test_slots_of_a_day_are_in_order_and_only_that_day():
    assert [s.programme.acara for s in slots_on(SCHEDULE, SATURDAY)] == [
        "Malam", "Pagi Libur", "Malam Minggu", "Larut",
    ]
    assert [s.programme.acara for s in slots_on(SCHEDULE, MONDAY)] == [
        "Malam", "Pagi Kerja", "Siang Kerja", "Larut",
    ]
    late = slots_on(SCHEDULE, SATURDAY)[2]
    assert late.end == at(SUNDAY, 2, 0)


def test_next_on_air():
    assert name(next_on_air(SCHEDULE, at(SATURDAY, 5, 30))) == "Pagi Libur"
    assert name(next_on_air(SCHEDULE, at(SATURDAY, 23, 0))) == "Malam"
    following = next_on_air(SCHEDULE, at(MONDAY, 9, 0))
    assert name(following) == "Larut"
    assert next_on_air([], at(MONDAY, 9, 0)) is None


def test_the_bundled_schedule_has_no_gap():
    """Every minute of the week of the fixture has a programme (checked every 15 minutes)."""
    import json
    from importlib.resources import files

    from gemilang_tui.api.radio import Radio

    station = Radio.model_validate(json.loads(files("gemilang_tui").joinpath("fixtures/radio.json").read_text()))
    for day in (MONDAY, date(2026, 12, 4), SATURDAY, SUNDAY):
        for minute in range(0, 24 * 60, 15):
            assert on_air(station.jadwal, at(day, minute // 60, minute % 60)) is not None, (day, minute)
