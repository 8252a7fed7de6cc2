"""The attendant PIN's lock-out survives a restart: a power cut gives no new free tries."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from gemilang_tui.attendant import MAX_LOCKOUT_SECONDS, STATE_FILE, PinGate, hash_pin
from tests.conftest import kiosk, press, screen_text, type_text

PIN = "4321"
STORED = hash_pin(PIN, iterations=10_000)


class Clock:
    def __init__(self) -> None:
        self.now = 1_772_870_400.0

    def __call__(self) -> float:
        return self.now


def test_failures_and_lockout_survive_a_restart(tmp_path: Path):
    clock, state = Clock(), tmp_path / STATE_FILE
    gate = PinGate(STORED, clock=clock, state=state)
    for _ in range(3):
        assert not gate.check("1111")
    assert gate.wait_seconds() == 30
    assert oct(state.stat().st_mode & 0o777) == "0o600"

    after_power_cut = PinGate(STORED, clock=clock, state=state)
    assert after_power_cut.wait_seconds() == 30
    assert not after_power_cut.check(PIN)  # even the right PIN waits
    clock.now += 31
    assert not after_power_cut.check("2222")
    assert PinGate(STORED, clock=clock, state=state).wait_seconds() == 60  # the count went on: 4 failures
    clock.now += 61
    assert after_power_cut.check(PIN)
    assert PinGate(STORED, clock=clock, state=state).failures == 0


def test_a_clock_that_went_backwards_or_a_damaged_file_never_open_the_gate(tmp_path: Path):
    clock, state = Clock(), tmp_path / STATE_FILE
    gate = PinGate(STORED, clock=clock, state=state)
    for _ in range(3):
        gate.check("1111")
    clock.now -= 10 * 24 * 3600  # booted without network time
    assert gate.wait_seconds() == MAX_LOCKOUT_SECONDS  # the longest wait, not ten days
    state.write_text("{not json")
    assert PinGate(STORED, clock=clock, state=state).wait_seconds() > 0


async def test_the_kiosk_keeps_the_lockout_across_a_restart(settings):
    attended = replace(settings, attendant_pin_hash=STORED)
    async with kiosk(attended) as (app, pilot):
        await press(pilot, "ctrl+a")
        for _ in range(3):
            await type_text(pilot, "9999")
            await press(pilot, "enter")
            for _ in range(4):
                await press(pilot, "backspace")
    async with kiosk(attended) as (app, pilot):
        await press(pilot, "ctrl+a")
        await type_text(pilot, PIN)
        await press(pilot, "enter")
        assert "Bahasa" not in screen_text(app)  # the panel stays shut
