"""What a server says is never stored or shown: a plain reason from a fixed vocabulary, in the kiosk's language.

A server (or a proxy) that echoes the request's headers in its error body must not put the bearer token on the
attendant's screen, in the outbox file or in `gemilang-tui outbox`.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from gemilang_tui import sending
from gemilang_tui.api.client import GemilangApi
from gemilang_tui.api.errors import ApiBadResponse, ApiConflict, ApiNotFound, ApiRejected, ApiUnavailable
from gemilang_tui.attendant import hash_pin
from gemilang_tui.outbox_cli import run
from gemilang_tui.send_reasons import REASONS, reason_of, reason_text
from tests.conftest import kiosk, press, screen_text, type_text
from tests.contract.test_submit_lapor import BODY

TOKEN = "s3cr3t-token-ABCDEF"
PIN = "4321"


def echoing(status: int) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json={"detail": f"refused; you sent {dict(request.headers)}"})

    return httpx.MockTransport(handle)


async def submit_through(settings, transport: httpx.MockTransport) -> sending.OutboxSummary:
    settings = replace(settings, api_url="https://api.example.id", api_token=TOKEN)
    api = GemilangApi(settings, transport=transport)
    outbox = sending.open_outbox(settings)
    entry = outbox.put("lapor", BODY)
    try:
        await sending.build_sender(outbox, api).run_once()
    finally:
        await api.aclose()
    return outbox.summary(entry.id)


@pytest.fixture
def attended(settings):
    return replace(settings, attendant_pin_hash=hash_pin(PIN, iterations=10_000))


async def test_an_echoed_token_is_neither_stored_nor_shown(attended, capsys):
    refused = await submit_through(attended, echoing(422))
    waiting = await submit_through(attended, echoing(401))
    assert (refused.status, waiting.status) == ("failed", "pending")
    assert refused.last_error == "incomplete" and waiting.last_error == "not_allowed"
    for path in Path(attended.data_dir).glob("outbox.sqlite3*"):
        assert TOKEN.encode() not in path.read_bytes()

    assert run(attended, argparse.Namespace(resend=None, send=False)) == 0
    out = capsys.readouterr().out
    assert TOKEN not in out and "data tidak lengkap" in out and "kios tidak diizinkan" in out

    offline = replace(attended, api_url="http://127.0.0.1:9")  # the kiosk's own sender cannot send the pending one
    async with kiosk(offline, size=(100, 30)) as (app, pilot):
        await press(pilot, "ctrl+a")
        await type_text(pilot, PIN)
        await press(pilot, "enter", "2")
        text = screen_text(app)
    assert TOKEN not in text and "refused" not in text
    assert "gagal" in text and "tertunda" in text and "data tidak lengkap" in text
    assert " failed " not in text and " pending " not in text


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (ApiRejected(400, "x"), "refused"),
        (ApiRejected(422, "x"), "incomplete"),
        (ApiRejected(403, "x"), "not_allowed"),
        (ApiConflict(409, "x"), "busy"),
        (ApiUnavailable("x", status=429), "busy"),
        (ApiUnavailable("x", status=502), "server_error"),
        (ApiUnavailable("x"), "unreachable"),
        (TimeoutError(), "unreachable"),
        (ApiNotFound("x"), "not_available"),
        (ApiBadResponse("x"), "bad_answer"),
        (RuntimeError("x"), "kiosk_error"),
    ],
)
def test_each_failure_has_a_plain_reason(error, code):
    assert reason_of(error) == code
    assert reason_text(code) and "x" != reason_text(code)


def test_a_stored_text_outside_the_vocabulary_is_never_shown(settings):
    outbox = sending.open_outbox(settings)
    entry = outbox.put("lapor", BODY)
    assert outbox.mark_failed(entry.id, f"Bearer {TOKEN}").last_error == "other"
    assert reason_text(f"Bearer {TOKEN}") == reason_text("other") == "masalah lain"
    assert set(REASONS) >= {"refused", "incomplete", "unreachable", "other"}
