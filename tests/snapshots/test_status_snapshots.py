"""Cek Status Permohonan and PPID at 80×24 (and one on a large kiosk screen), walked by number keys."""

from __future__ import annotations

import pytest

from gemilang_tui.app import GemilangApp
from tests.snapshots.walk import walk


class TestStatusSnapshots:
    def test_question_reads_back_the_reference(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24),
                            run_before=walk("1", "9", "3", *"2026004"))

    @pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
    def test_ppid_request(self, snap_compare, settings, size):
        assert snap_compare(GemilangApp(settings), terminal_size=size,
                            run_before=walk("1", "9", "3", *"20260042", "enter"))

    def test_ppid_request_english(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24),
                            run_before=walk("2", "9", "3", *"20260042", "enter"))

    def test_lapor_ticket(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24),
                            run_before=walk("1", "9", "1", *"2611001", "enter"))

    def test_sipinter_registration(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24),
                            run_before=walk("1", "9", "2", *"2026000123", "enter"))

    def test_layanan_mandiri_letter(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24),
                            run_before=walk("1", "9", "4", *"202600077", "enter"))

    def test_not_found(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24),
                            run_before=walk("1", "9", "3", *"20260099", "enter"))

    def test_wrong_length(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24),
                            run_before=walk("1", "9", "1", *"261100", "enter"))


class TestPpidSnapshots:
    def test_menu(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "6", "2"))

    def test_kinds(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk("1", "6", "2", "1"))

    def test_list(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24),
                            run_before=walk("1", "6", "2", "1", "1"))

    def test_entry(self, snap_compare, settings):
        assert snap_compare(GemilangApp(settings), terminal_size=(80, 24),
                            run_before=walk("1", "6", "2", "1", "2", "1"))
