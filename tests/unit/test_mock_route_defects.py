"""A mock route that raises is a defect: logged with its traceback, raised in tests and --dev, calm for a citizen."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest

from gemilang_tui.api.berita import ARTICLES
from gemilang_tui.api.client import GemilangApi
from gemilang_tui.api.errors import ApiUnavailable
from tests.conftest import kiosk, press, screen_text


def broken(settings) -> GemilangApi:
    api = GemilangApi(settings)
    api.warm_up()
    api.mock_app.state.faults.mode = "raise"
    return api


@pytest.mark.parametrize("dev", [False, True])
async def test_tests_and_dev_mode_see_the_defect(settings, caplog, dev):
    api = broken(replace(settings, dev=dev))
    caplog.set_level(logging.ERROR, logger="gemilang_tui")
    try:
        with pytest.raises(RuntimeError, match="a mock route failed"):
            await api.fetch(ARTICLES, params={"page": 1, "per_page": 7})
    finally:
        await api.aclose()
    [record] = [r for r in caplog.records if r.name.startswith("gemilang_tui")]
    assert record.exc_info is not None and "mock route failed" in record.getMessage()


async def test_a_citizen_sees_try_again_and_the_log_has_the_traceback(settings, caplog, monkeypatch):
    monkeypatch.delenv("PYTEST_CURRENT_TEST")  # as on a kiosk
    caplog.set_level(logging.ERROR, logger="gemilang_tui")
    api = broken(settings)
    with pytest.raises(ApiUnavailable):
        await api.fetch(ARTICLES, params={"page": 1, "per_page": 7})
    async with kiosk(settings, api=api) as (app, pilot):
        await press(pilot, "1", "6", "3")
        assert "Coba lagi" in screen_text(app)
    await api.aclose()
    assert any(r.exc_info and r.name.startswith("gemilang_tui") for r in caplog.records)
