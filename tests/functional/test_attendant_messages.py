"""A citizen never reads about configuration; during a lock-out the attendant is told how long to wait."""

from __future__ import annotations

import re
from dataclasses import replace

from gemilang_tui.attendant import hash_pin
from gemilang_tui.i18n import set_locale
from gemilang_tui.services.attendant import wait_message
from tests.conftest import kiosk, press, screen_text, type_text

PIN = "4321"


async def test_without_a_pin_the_attendant_key_does_nothing_visible(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1")
        before = screen_text(app)
        await press(pilot, "ctrl+a")
        assert screen_text(app) == before
        assert "GEMILANG" not in screen_text(app) and "PIN" not in screen_text(app)


async def test_a_lockout_says_how_long_to_wait(settings):
    attended = replace(settings, attendant_pin_hash=hash_pin(PIN, iterations=10_000))
    async with kiosk(attended) as (app, pilot):
        await press(pilot, "ctrl+a")
        for _ in range(3):
            await type_text(pilot, "9999")
            await press(pilot, "enter")
            for _ in range(4):
                await press(pilot, "backspace")
        await type_text(pilot, PIN)  # the right PIN, during the lock-out
        await press(pilot, "enter")
        text = " ".join(screen_text(app).split())
        assert re.search(r"Tunggu (2[0-9]|30) detik, lalu ketik PIN lagi\.", text), text  # the clock runs on
        assert "PIN salah" not in text


def test_long_waits_are_in_minutes():
    set_locale("id")
    assert wait_message(45) == "Tunggu 45 detik, lalu ketik PIN lagi."
    assert wait_message(240) == "Tunggu 4 menit, lalu ketik PIN lagi."
    assert wait_message(3599) == "Tunggu 60 menit, lalu ketik PIN lagi."
