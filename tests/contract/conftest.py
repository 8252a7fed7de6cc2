"""The mock in process and a client on it, shared by the contract tests; `key()` a fresh Idempotency-Key."""

from __future__ import annotations

import uuid

import httpx
import pytest

from gemilang_tui.mockapi.app import create_app
from tests.conftest import TODAY


@pytest.fixture
def mock():
    return create_app(today=TODAY)


@pytest.fixture
async def client(mock):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=mock), base_url="http://mock") as client:
        yield client


def key() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid.uuid4())}
