"""SP4N LAPOR! as a citizen sees it at 80×24: the check-your-answers screen and the receipt once sent."""

from __future__ import annotations

import pytest

from gemilang_tui.app import GemilangApp
from gemilang_tui.wizard import CONFIRM_NUMBER
from tests.conftest import ready, wait_for
from tests.snapshots.walk import press_accepted

NIK = "3603284508710003"
PHONE = "081234567890"
TO_CHECK = ["1", "6", "1", "1", "1", "2", "1", "2", "2", "1", *NIK, "enter", "1", *PHONE, "enter"]


@pytest.fixture(autouse=True)
def fixed_receipt_code(monkeypatch):
    monkeypatch.setattr("gemilang_tui.outbox._new_local_ref", lambda: "K-7F3A2C")


def walk_lapor(*after: str, sent: bool = False):
    async def run_before(pilot) -> None:
        app = pilot.app
        await ready(pilot)
        await press_accepted(pilot, *TO_CHECK, *after)
        if sent:
            await wait_for(pilot, lambda: app.last_view is not None and app.last_view.big,
                           "the receipt shows its number big")

    return run_before


class TestLaporSnapshots:
    def test_check_your_answers(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk_lapor())

    def test_receipt_once_sent(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24),
                            run_before=walk_lapor(str(CONFIRM_NUMBER), sent=True))
