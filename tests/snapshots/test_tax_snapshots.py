"""iPBB, e-BPHTB and Pajak Daerah at 80×24 (and one on a large kiosk screen), walked by number keys."""

from __future__ import annotations

import pytest

from gemilang_tui.app import GemilangApp
from tests.snapshots.walk import walk

SITI = tuple("360303001300501170")
BUDI = tuple("360318000700200330")
UNKNOWN = tuple("360302000100100010")
SHORT = tuple("36030300130050117")


class TestIpbbSnapshots:
    def test_question(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "2", *SITI[:9]))

    @pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
    def test_arrears(self, snap_compare, settings, size):
        assert snap_compare(GemilangApp(settings), terminal_size=size, run_before=walk("1", "2", *SITI, "enter"))

    def test_arrears_english(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24),
                            run_before=walk("2", "2", *SITI, "enter"))

    def test_nothing_owed(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "2", *BUDI, "enter"))

    def test_how_to_pay(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24),
                            run_before=walk("1", "2", *SITI, "enter", "1"))

    def test_not_found(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24),
                            run_before=walk("1", "2", *UNKNOWN, "enter"))

    def test_seventeen_digits(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "2", *SHORT, "enter"))


class TestBphtbSnapshots:
    def test_kinds(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "7", "2"))

    def test_price_while_typing(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24),
                            run_before=walk("1", "7", "2", "1", *"415000000"))

    def test_jual_beli_result(self, snap_compare, settings):
        keys = ("1", "7", "2", "1", *"415000000", "enter", *"380000000", "enter")
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk(*keys))

    def test_waris_result_english(self, snap_compare, settings):
        keys = ("2", "7", "2", "2", "enter", *"500000000", "enter")
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk(*keys))

    def test_njop_empty(self, snap_compare, settings):
        keys = ("1", "7", "2", "1", *"415000000", "enter", "enter")
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk(*keys))


class TestPajakDaerahSnapshots:
    def test_list(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "7", "1"))

    def test_second_page(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "7", "1", "+"))

    def test_pbb_p2(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "7", "1", "1"))

    def test_bphtb(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "7", "1", "2"))
