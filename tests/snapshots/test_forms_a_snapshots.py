"""PPID information request and Layanan Mandiri letter request at 80×24: the check screen and the receipt once sent."""

from __future__ import annotations

import pytest

from gemilang_tui.app import GemilangApp
from gemilang_tui.wizard import CONFIRM_NUMBER
from tests.conftest import ready, wait_for
from tests.snapshots.walk import press_accepted

NIK = "3603284508710003"
PHONE = "081234567890"
NAME = "Siti Aminah"
PPID_TO_CHECK = ["1", "6", "2", "3", "1", *NIK, "enter", "1", *NAME, "enter", "1", "2", "3", "1", *PHONE, "enter",
                 "3", "1", "2", "2", "1", "2"]
LETTER_TO_CHECK = ["1", "1", "1", "1", "1", *NIK, "enter", "1", "1", *NAME, "enter", "1", *PHONE, "enter", "1"]


@pytest.fixture(autouse=True)
def fixed_receipt_code(monkeypatch):
    monkeypatch.setattr("gemilang_tui.outbox._new_local_ref", lambda: "K-7F3A2C")


def _sent(app) -> bool:
    view = app.last_view
    return view is not None and any("PPID-2026-" in line or "LM-2026-" in line for line in view.body)


def walk(keys: list[str], *after: str, sent: bool = False):
    async def run_before(pilot) -> None:
        app = pilot.app
        await ready(pilot)
        await press_accepted(pilot, *keys, *after)
        if sent:
            await wait_for(pilot, lambda: _sent(app), "the receipt shows the number the service gave")

    return run_before


def _keys(keys: list[str]) -> list[str]:
    return ["space" if key == " " else key for key in keys]


class TestPpidRequestSnapshots:
    def test_check_your_answers(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk(_keys(PPID_TO_CHECK)))

    def test_receipt_once_sent(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24),
                            run_before=walk(_keys(PPID_TO_CHECK), str(CONFIRM_NUMBER), sent=True))


class TestLetterRequestSnapshots:
    def test_check_your_answers(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk(_keys(LETTER_TO_CHECK)))

    def test_receipt_once_sent(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24),
                            run_before=walk(_keys(LETTER_TO_CHECK), str(CONFIRM_NUMBER), sent=True))
