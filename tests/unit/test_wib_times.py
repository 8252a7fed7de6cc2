"""Times shown are Western Indonesia Time whatever the machine's time zone, and dates follow GEMILANG_TODAY."""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from gemilang_tui.attendant import hash_pin
from gemilang_tui.config import Settings
from gemilang_tui.outbox import Outbox
from gemilang_tui.outbox_cli import run
from gemilang_tui.services import radio
from tests.conftest import TODAY, kiosk, press, screen_text, type_text
from tests.contract.test_submit_lapor import BODY

JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture(params=["UTC", "America/New_York"])
def machine_zone(request, monkeypatch):
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def test_on_air_now_is_wib(machine_zone):
    assert radio._time_of_day().hour == datetime.now(JAKARTA).hour


def test_today_is_wib(machine_zone):
    assert Settings().today_or_real() == datetime.now(JAKARTA).date()


def test_the_outbox_listing_is_in_wib_on_the_pinned_day(machine_zone, settings, capsys):
    Outbox(settings.data_dir / "outbox.sqlite3").put("lapor", BODY)
    assert run(settings, argparse.Namespace(resend=None, send=False)) == 0
    out = capsys.readouterr().out
    assert f"{TODAY.isoformat()} {datetime.now(JAKARTA):%H}:" in out and " WIB" in out


async def test_the_attendant_list_shows_the_pinned_day(machine_zone, settings):
    attended = replace(settings, attendant_pin_hash=hash_pin("4321", iterations=10_000), api_url="http://127.0.0.1:9")
    Outbox(settings.data_dir / "outbox.sqlite3").put("lapor", BODY)
    async with kiosk(attended, size=(100, 30)) as (app, pilot):
        await press(pilot, "ctrl+a")
        await type_text(pilot, "4321")
        await press(pilot, "enter", "2")
        assert "28 November 2026" in screen_text(app)
