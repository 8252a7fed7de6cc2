"""True to the rules of SIMAPAN: a burial time already past today is neither offered nor taken (the kiosk's day is
GEMILANG_TODAY, its time of day the clock in WIB)."""

from __future__ import annotations

from datetime import time

import pytest

from gemilang_tui import kiosk_time
from gemilang_tui.flow import Ask
from tests.conftest import kiosk, press, text
from tests.functional.test_izin_makam import DECEASED, enter, start


@pytest.fixture
def afternoon(monkeypatch):
    monkeypatch.setattr(kiosk_time, "time_of_day", lambda: time(14, 30))


async def to_burial_time(app, pilot, day: str) -> None:
    """The deceased named, the NIK skipped, died yesterday, buried on `day` ("1" today, "2" tomorrow)."""
    await start(app, pilot)
    await press(pilot, "1")
    await enter(pilot, DECEASED)
    await press(pilot, "2", "2", day)
    assert "Pukul berapa pemakamannya?" in text(app)


async def test_times_already_past_today_are_not_offered(settings, afternoon):
    async with kiosk(settings) as (app, pilot):
        await to_burial_time(app, pilot, "1")
        shown = text(app)
        assert "hanya jam yang belum lewat yang ditampilkan" in shown
        labels = [option.label for option in app.screen.current_view().options]
        assert labels[:2] == ["Pukul 15.00", "Pukul 16.00"] and len(labels) == 3  # and "another time"


async def test_a_typed_time_already_past_today_is_refused_plainly(settings, afternoon):
    async with kiosk(settings) as (app, pilot):
        await to_burial_time(app, pilot, "1")
        await press(pilot, "3")  # another time: type it
        await enter(pilot, "1000")
        assert "Pukul 10.00 hari ini sudah lewat." in text(app)
        assert isinstance(app.screen.step, Ask) and app.screen.step.value == ""
        await enter(pilot, "1430")  # now is not still to come either
        assert "Pukul 14.30 hari ini sudah lewat." in text(app)
        await enter(pilot, "1445")
        assert "Di kecamatan mana tempat pemakamannya (TPU)?" in text(app)


async def test_tomorrow_every_time_is_offered_and_taken(settings, afternoon):
    async with kiosk(settings) as (app, pilot):
        await to_burial_time(app, pilot, "2")
        labels = [option.label for option in app.screen.current_view().options]
        assert labels[0] == "Pukul 08.00" and len(labels) == 9
        await press(pilot, "1")
        assert "Di kecamatan mana tempat pemakamannya (TPU)?" in text(app)


async def test_changing_the_day_to_today_asks_the_time_again(settings, afternoon):
    async with kiosk(settings) as (app, pilot):
        await to_burial_time(app, pilot, "2")
        await press(pilot, "1")  # tomorrow at 08.00
        await press(pilot, "minus", "minus")  # back to the day
        assert "Hari apa pemakamannya?" in text(app)
        await press(pilot, "1")  # today: the 08.00 of tomorrow is forgotten, the time asked again
        assert "Pukul berapa pemakamannya?" in text(app) and "Pukul 08.00" not in text(app)
