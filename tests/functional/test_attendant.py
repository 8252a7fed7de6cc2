"""The attendant's panel: behind a hashed PIN, rate-limited; switches language, pauses the timer, closes the kiosk."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gemilang_tui.attendant import PinGate, hash_pin, verify_pin
from tests.conftest import kiosk, press, screen_text, type_text

PIN = "4321"


@pytest.fixture
def attended(settings):
    return replace(settings, attendant_pin_hash=hash_pin(PIN, iterations=1000))


def test_pin_is_stored_hashed_and_verified():
    stored = hash_pin(PIN, iterations=1000)
    # stored as algorithm$iterations$salt$hash; the hex of salt or hash may happen to hold "4321", so compare fields
    assert PIN not in stored.split("$") and len(stored) > 40
    assert verify_pin(PIN, stored) and not verify_pin("0000", stored)


def test_wrong_pins_lock_for_longer_each_time():
    now = [0.0]
    gate = PinGate(hash_pin(PIN, iterations=1000), clock=lambda: now[0])
    for _ in range(3):
        assert not gate.check("1111")
    assert gate.wait_seconds() == 30
    assert not gate.check(PIN)  # even the right PIN waits
    now[0] = 31
    assert not gate.check("1111")
    assert gate.wait_seconds() == 60
    now[0] = 100
    assert gate.check(PIN)


async def test_citizens_do_not_see_the_attendant_key(attended):
    async with kiosk(attended) as (app, pilot):
        assert "Ctrl" not in screen_text(app) and "Petugas" not in screen_text(app)


async def test_attendant_switches_language_and_closes_the_kiosk(attended):
    async with kiosk(attended) as (app, pilot):
        await press(pilot, "1", "ctrl+a")
        assert "PIN" in screen_text(app)
        await type_text(pilot, PIN)
        assert PIN not in screen_text(app)  # masked while typed
        await press(pilot, "enter")
        text = screen_text(app)
        assert "1  Bahasa" in text and "5  Tutup aplikasi anjungan" in text
        await press(pilot, "1", "2")
        assert "Attendant" in screen_text(app)  # English at once
        await press(pilot, "5", "1")
        assert not app.is_running


async def test_a_wrong_pin_is_refused_plainly(attended):
    async with kiosk(attended) as (app, pilot):
        await press(pilot, "ctrl+a")
        await type_text(pilot, "9999")
        await press(pilot, "enter")
        assert "PIN salah" in screen_text(app)
        assert app.is_running


async def test_pausing_the_idle_timer(attended):
    async with kiosk(attended) as (app, pilot):
        await press(pilot, "ctrl+a")
        await type_text(pilot, PIN)
        await press(pilot, "enter", "3")
        assert app.idle_paused()
        assert "3  Lanjutkan batas waktu" in screen_text(app)


async def test_assisted_mode_marks_what_is_submitted(attended):
    async with kiosk(attended) as (app, pilot):
        await press(pilot, "ctrl+a")
        await type_text(pilot, PIN)
        await press(pilot, "enter", "4")
        assert app.ctx.assisted is True
        assert "4  Hentikan mode dibantu" in screen_text(app)
