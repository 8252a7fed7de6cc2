"""Sidoni, SIMAPAN, Simenara and Siap Kerja at 80×24: the screens that must fit a small terminal."""

from __future__ import annotations

import pytest

from gemilang_tui.app import GemilangApp
from tests.snapshots.walk import walk

WALKS = {
    "sidoni_stock": ("1", "8", "1", "1"),
    "sidoni_schedule": ("1", "8", "1", "2"),
    "simapan_kecamatan": ("1", "3", "1"),
    "simapan_tpu_tapos": ("1", "3", "1", "+", "5", "1"),
    "simapan_permit": ("1", "3", "2"),
    "simenara_cikupa": ("1", "7", "4", "1", "2"),
    "simenara_tower": ("1", "7", "4", "1", "2", "2"),
    "siap_kerja_list": ("1", "8", "2", "1"),
    "siap_kerja_vacancy": ("1", "8", "2", "1", "1"),
    "siap_kerja_ak1": ("1", "8", "2", "4"),
}


@pytest.mark.parametrize("name", WALKS)
def test_registry_screen(snap_compare, settings, name):
    assert snap_compare(GemilangApp(settings), terminal_size=(80, 24), run_before=walk(*WALKS[name]))
