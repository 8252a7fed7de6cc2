"""A data folder that is full, read-only or not a folder at all costs the kiosk its offline copies, nothing more."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import httpx
import pytest

from gemilang_tui.api.client import GemilangApi
from gemilang_tui.api.offline import OfflineCopies
from gemilang_tui.config import Settings
from gemilang_tui.mockapi.app import create_app
from tests.conftest import TODAY


async def test_a_good_answer_is_shown_when_its_copy_cannot_be_written(tmp_path: Path, caplog):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    api = GemilangApi(Settings(today=TODAY, data_dir=blocked),
                      transport=httpx.ASGITransport(app=create_app(today=TODAY)))
    caplog.set_level(logging.WARNING, logger="gemilang_tui")
    try:
        first = await api.catalogue()
        again = await api.catalogue()
    finally:
        await api.aclose()
    assert first and again
    warnings = [r for r in caplog.records if "offline cop" in r.getMessage()]
    assert len(warnings) == 1  # logged once, not on every answer


def test_a_failing_store_degrades_to_no_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    copies = OfflineCopies(tmp_path / "copies.sqlite3")
    copies.store("/v1/layanan", "[]")

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(sqlite3, "connect", full)
    copies.store("/v1/berita", "[]")  # no exception
    assert copies.recall("/v1/layanan") is None
