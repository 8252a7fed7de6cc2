"""A submission is refused for good only by the contract's 400 / 422; 408, 429, 5xx and a gateway's page are retried,
when the server's Retry-After says if it says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest

from gemilang_tui import sending
from gemilang_tui.api.client import GemilangApi, retry_after
from gemilang_tui.config import Settings
from gemilang_tui.outbox import BACKOFF_CAP, Outbox, backoff_delay
from tests.conftest import TODAY
from tests.contract.test_submit_lapor import BODY

T0 = 1_772_870_400.0


class Clock:
    now = T0

    def __call__(self) -> float:
        return self.now


def answering(*responses: httpx.Response) -> httpx.MockTransport:
    script = list(responses)

    def handle(request: httpx.Request) -> httpx.Response:
        return script.pop(0) if script else httpx.Response(201, json={"nomor": "2611007"})

    return httpx.MockTransport(handle)


async def send_once(tmp_path: Path, *responses: httpx.Response):
    settings = Settings(today=TODAY, data_dir=tmp_path, api_url="https://api.example.id")
    api = GemilangApi(settings, transport=answering(*responses))
    outbox = Outbox(tmp_path / "outbox.sqlite3", clock=Clock(), backoff=lambda attempts: 7.0)
    entry = outbox.put("lapor", BODY)
    try:
        await sending.build_sender(outbox, api).run_once()
    finally:
        await api.aclose()
    return outbox.summary(entry.id)


@pytest.mark.parametrize(
    ("response", "wait"),
    [
        (httpx.Response(429, json={"detail": "Terlalu banyak permintaan"}, headers={"Retry-After": "120"}), 120),
        (httpx.Response(429, text="slow down"), 7),
        (httpx.Response(408, text=""), 7),
        (httpx.Response(400, text="<html><h1>400 Bad Request</h1>nginx</html>"), 7),
        (httpx.Response(403, text="<html>blocked by the gateway</html>"), 7),
        (httpx.Response(503, json={"detail": "maintenance"}, headers={"Retry-After": "30"}), 30),
        (httpx.Response(404, json={"detail": "Not Found"}), 7),  # the endpoint is not deployed (yet)
        (httpx.Response(401, json={"detail": "token salah"}), 7),  # fixed by the attendant, then it goes
    ],
)
async def test_what_is_not_a_final_refusal_is_retried(tmp_path: Path, response: httpx.Response, wait: float):
    summary = await send_once(tmp_path, response)
    assert summary.status == "pending" and summary.attempts == 1
    assert summary.next_attempt_at == T0 + wait


async def test_retry_after_as_an_http_date_is_honoured(tmp_path: Path):
    when = datetime.now(UTC) + timedelta(seconds=90)
    summary = await send_once(tmp_path, httpx.Response(429, headers={"Retry-After": format_datetime(when, True)}))
    assert summary.status == "pending"
    assert 80 <= summary.next_attempt_at - T0 <= 91


@pytest.mark.parametrize("status", [400, 422])
async def test_the_contracts_refusals_are_final(tmp_path: Path, status: int):
    summary = await send_once(tmp_path, httpx.Response(status, json={"detail": "Isian tidak valid."}))
    assert summary.status == "failed"


def test_retry_after_reads_seconds_and_dates():
    now = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    assert retry_after({"Retry-After": "120"}, now) == 120
    assert retry_after({"Retry-After": "Sat, 28 Nov 2026 08:02:00 GMT"}, now) == 120
    assert retry_after({"Retry-After": "Sat, 28 Nov 2026 07:00:00 GMT"}, now) == 0  # already past
    assert retry_after({"Retry-After": "soon"}, now) is None
    assert retry_after({}, now) is None


def test_backoff_is_the_full_jitter_formula():
    for attempts in (1, 2, 5, 9, 10, 1000, 10**9):
        window = min(BACKOFF_CAP, 2.0 ** (attempts - 1)) if attempts < 64 else BACKOFF_CAP
        assert all(0 <= backoff_delay(attempts) <= window for _ in range(50))
