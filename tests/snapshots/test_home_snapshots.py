"""The welcome screen and the Menu Utama, at 80×24 and on a large kiosk screen, in both languages."""

from __future__ import annotations

import pytest

from gemilang_tui.app import GemilangApp
from tests.snapshots.walk import walk

SIZES = [(80, 24), (120, 40)]


class TestHomeSnapshots:
    @pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
    def test_welcome(self, snap_compare, settings, size):
        assert snap_compare(GemilangApp(settings), terminal_size=size, run_before=walk())

    @pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
    @pytest.mark.parametrize("language_key", ["1", "2"], ids=["id", "en"])
    def test_menu_utama(self, snap_compare, settings, size, language_key):
        assert snap_compare(GemilangApp(settings), terminal_size=size, run_before=walk(language_key))

    def test_group_menu(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "7"))
