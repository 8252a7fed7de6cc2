"""The key screens at the sizes a kiosk meets: 80x24 (everything in view), 120x40 and a 200x50 kiosk screen
(a centred column, roomier options, the key figure and the typed number in big digits)."""

from __future__ import annotations

import pytest

from gemilang_tui.app import GemilangApp
from tests.snapshots.walk import walk

SIZES = [(80, 24), (120, 40), (200, 50)]
size_ids = {"ids": lambda s: f"{s[0]}x{s[1]}"}


class TestKioskSizes:
    @pytest.mark.parametrize("size", SIZES, **size_ids)
    def test_menu_utama(self, snap_compare, settings, size):
        assert snap_compare(GemilangApp(settings), terminal_size=size, run_before=walk("1"))

    @pytest.mark.parametrize("size", SIZES, **size_ids)
    def test_nop_typed_large_and_grouped(self, snap_compare, settings, size):
        keys = ("1", "2", *"36030300130")
        assert snap_compare(GemilangApp(settings), terminal_size=size, run_before=walk(*keys))

    @pytest.mark.parametrize("size", SIZES, **size_ids)
    def test_pbb_amount_due(self, snap_compare, settings, size):
        keys = ("1", "2", *"360303001300501170", "enter")
        assert snap_compare(GemilangApp(settings), terminal_size=size, run_before=walk(*keys))

    @pytest.mark.parametrize("size", SIZES, **size_ids)
    def test_siaga_112(self, snap_compare, settings, size):
        assert snap_compare(GemilangApp(settings), terminal_size=size, run_before=walk("1", "5"))
