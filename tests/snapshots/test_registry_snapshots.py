"""Sidoni, SIMAPAN, Simenara and Siap Kerja at 80×24: the screens that must fit a small terminal."""

from __future__ import annotations

import pytest

from gemilang_tui.app import GemilangApp
from tests.conftest import press


def walk(*keys: str):
    """Like `tests.snapshots.walk.walk`, but first waits for the catalogue: the Menu Utama needs it."""

    async def run_before(pilot) -> None:
        for _ in range(500):
            await pilot.pause(0.01)
            if "catalogue" in pilot.app.ctx.services:
                break
        await press(pilot, *keys)

    return run_before


WALKS = {
    "sidoni_stock": ("1", "8", "1", "1"),
    "sidoni_schedule": ("1", "8", "1", "2"),
    "simapan_kecamatan": ("1", "3", "1"),
    "simapan_tpu_tapos": ("1", "3", "1", "9", "5", "1"),
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
