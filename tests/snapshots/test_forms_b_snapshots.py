"""The burial permit and the donor registration as a citizen sees them at 80×24: a check-your-answers screen and a
receipt once sent."""

from __future__ import annotations

import pytest

from gemilang_tui.app import GemilangApp
from gemilang_tui.wizard import CONFIRM_NUMBER
from tests.conftest import ready, type_text, wait_for
from tests.snapshots.walk import press_accepted

NIK = "3603284508710003"
PHONE = "081234567890"


@pytest.fixture(autouse=True)
def fixed_receipt_code(monkeypatch):
    monkeypatch.setattr("gemilang_tui.outbox._new_local_ref", lambda: "K-7F3A2C")


async def _enter(pilot, typed: str) -> None:
    await type_text(pilot, typed)
    await press_accepted(pilot, "enter")


def burial_permit_check():
    """SIMAPAN → Minta izin makam: documents ready, the deceased's NIK skipped, died yesterday, buried today at
    10.00, TPU Tapos, no SKTM."""

    async def run_before(pilot) -> None:
        await ready(pilot)
        await press_accepted(pilot, "1", "3", "3", "1")
        await _enter(pilot, "SITI AMINAH")
        await press_accepted(pilot, "2", "2", "1", "3", "1", "1")
        await _enter(pilot, NIK)
        await press_accepted(pilot, "1")
        await _enter(pilot, "BUDI SANTOSO")
        await press_accepted(pilot, "2")
        await _enter(pilot, PHONE)
        await press_accepted(pilot, "2")

    return run_before


def donor_receipt():
    """Sidoni → Daftar sebagai pendonor darah: 5 December at Cikupa, eligible, sent."""

    async def run_before(pilot) -> None:
        app = pilot.app
        await ready(pilot)
        await press_accepted(pilot, "1", "8", "1", "4", "1", "2", "1", "1", "1")
        await _enter(pilot, NIK)
        await press_accepted(pilot, "1")
        await _enter(pilot, "SITI AMINAH")
        await press_accepted(pilot, "1")
        await _enter(pilot, PHONE)
        await press_accepted(pilot, "4", str(CONFIRM_NUMBER))
        await wait_for(pilot, lambda: app.last_view is not None and app.last_view.big,
                       "the receipt shows its number big")

    return run_before


class TestFormsSnapshots:
    def test_burial_permit_check_your_answers(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=burial_permit_check())

    def test_donor_receipt_once_sent(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=donor_receipt())
