"""Every GET endpoint of the contract through the poisoning layer: what the client hands the kiosk (the parsed model,
and the offline copy it keeps) holds no control, bidi or zero-width character and not the kiosk's token."""

from __future__ import annotations

import importlib
import json
import pkgutil
import sqlite3
from dataclasses import replace

import httpx
import pytest

import gemilang_tui.api as api_package
from gemilang_tui.api.client import GemilangApi
from gemilang_tui.api.endpoint import ENDPOINTS
from gemilang_tui.mockapi.app import create_app
from tests.poison import holds_poison, poisoned

TOKEN = "kiosk-token-5b1e0c77d2"

for module in pkgutil.iter_modules(api_package.__path__):
    importlib.import_module(f"{api_package.__name__}.{module.name}")

LISTED = sorted({endpoint.path: endpoint for endpoint in ENDPOINTS
                 if endpoint.method == "GET" and "{" not in endpoint.path}.values(), key=lambda e: e.path)


@pytest.mark.parametrize("endpoint", LISTED, ids=[endpoint.path for endpoint in LISTED])
async def test_a_poisoned_answer_reaches_the_kiosk_clean(endpoint, settings):
    settings = replace(settings, api_token=TOKEN)
    settings.data_dir.mkdir(parents=True)
    mock = create_app(today=settings.today, database=settings.data_dir / "mock.sqlite3", check_fixtures=False)
    api = GemilangApi(settings, transport=httpx.ASGITransport(app=poisoned(mock)))
    try:
        answer = await api.fetch(endpoint)
    finally:
        await api.aclose()
    dumped = json.dumps(answer.model_dump(mode="json") if hasattr(answer, "model_dump") else repr(answer),
                        ensure_ascii=False)
    assert not holds_poison(dumped, TOKEN), holds_poison(dumped, TOKEN)
    assert not holds_poison(repr(answer), TOKEN)
    if not endpoint.personal:
        connection = sqlite3.connect(settings.data_dir / "offline-copies.sqlite3")
        kept = "\n".join(connection.iterdump())
        connection.close()
        assert endpoint.path in kept and not holds_poison(kept, TOKEN)
