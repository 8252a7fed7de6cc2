"""Wisata, Berita, Radio 91 FM and Siaga as a citizen sees them, at 80×24 (and Siaga on a large screen)."""

from __future__ import annotations

from datetime import time

import pytest

from gemilang_tui.app import GemilangApp
from gemilang_tui.services import radio
from tests.snapshots.walk import walk


@pytest.fixture
def quarter_past_ten(monkeypatch):
    monkeypatch.setattr(radio, "clock", lambda: time(10, 15))


class TestWisataSnapshots:
    def test_categories(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "4"))

    def test_pulau_cangkir(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "4", "7", "1"))

    def test_pulau_cangkir_in_english(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("2", "4", "7", "1"))


class TestBeritaSnapshots:
    def test_second_page(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "6", "3", "+"))

    def test_article(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "6", "3", "1"))


class TestRadioSnapshots:
    def test_on_air_now(self, snap_compare, settings, quarter_past_ten):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "6", "4"))

    def test_todays_programmes(self, snap_compare, settings, quarter_past_ten):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "6", "4", "1"))


class TestSiagaSnapshots:
    @pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
    def test_112_first(self, snap_compare, settings, size):
        assert snap_compare(GemilangApp(settings), terminal_size=size, run_before=walk("1", "5"))

    def test_other_numbers(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "5", "1"))
