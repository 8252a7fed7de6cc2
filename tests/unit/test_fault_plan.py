"""The fault plan: a plain parser for untrusted text, seeded dice, and each kind as the kiosk's client meets it."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gemilang_tui.config import SettingError, load_settings
from gemilang_tui.mockapi.app import create_app
from gemilang_tui.mockapi.faults import (
    DEFAULT_ROUTE,
    HUGE_ITEMS,
    Fault,
    FaultPlanError,
    FaultState,
    faulty,
    parse_plan,
)


def test_a_plan_reads_kinds_arguments_probabilities_routes_and_seed():
    plan = parse_plan("latency=2s, error=503@0.3; /v1/berita*:huge, drop@0.05, html=502, seed=7")
    assert plan.seed == 7
    assert plan.faults == (
        Fault("latency", DEFAULT_ROUTE, 1.0, seconds=2.0),
        Fault("error", DEFAULT_ROUTE, 0.3, status=503),
        Fault("huge", "/v1/berita*"),
        Fault("drop", DEFAULT_ROUTE, 0.05),
        Fault("html", DEFAULT_ROUTE, status=502),
    )
    assert parse_plan("latency=500ms").faults[0].seconds == 0.5
    assert parse_plan("error").faults[0].status == 503 and parse_plan("html").faults[0].status == 200
    assert [fault.kind for fault in parse_plan("truncate;schema;empty").faults] == ["truncate", "schema", "empty"]
    assert parse_plan("  ").faults == ()


@pytest.mark.parametrize("text", [
    "lag", "latency", "latency=2 hours", "latency=9999s", "error=99", "error=abc", "error@1.5", "drop@-1",
    "drop@nan", "huge=3", "seed=x", "berita:huge", "error=503@0.3@0.2", "latency=٣s",
])
def test_a_bad_plan_is_refused_naming_the_term(text):
    with pytest.raises(FaultPlanError) as refused:
        parse_plan(text)
    assert "\n" not in str(refused.value)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=80))
def test_any_text_is_a_plan_or_a_one_line_refusal(text):
    try:
        plan = parse_plan(text)
    except FaultPlanError as refused:
        assert "\n" not in str(refused)
    else:
        assert all(0 <= fault.probability <= 1 and fault.seconds <= 600 for fault in plan.faults)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["latency=1s", "error=500@0.5", "/v1/b*:drop@0.2", "html@1", "schema@0.01",
                                 "truncate", "empty@0.9", "huge@0"]), max_size=6), st.integers(0, 10**6))
def test_written_plans_read_back(terms, seed):
    plan = parse_plan(", ".join(terms) + f"; seed={seed}")
    assert len(plan.faults) == len(terms) and plan.seed == seed


def test_the_same_seed_meets_the_same_faults():
    def run(seed: int) -> list[str]:
        state = FaultState()
        state.use(f"error@0.5, drop@0.3, latency=1s@0.5, seed={seed}")
        return [f"{delay}:{fault.kind if fault else '-'}" for delay, fault in
                (state.decide(f"/v1/x/{index}") for index in range(200))]

    assert run(3) == run(3)
    assert run(3) != run(4)
    assert {"0.0:-", "1.0:error", "0.0:drop"} <= set(run(3))


def test_a_route_glob_limits_a_term_and_the_default_is_the_contract():
    state = FaultState()
    state.use("/v1/berita*:error")
    assert state.decide("/v1/berita/BRT-1")[1] is not None
    assert state.decide("/v1/layanan")[1] is None
    state.use("error")
    assert state.decide("/openapi.json")[1] is None


def test_the_setting_and_the_flag_take_a_plan_and_refuse_a_bad_one_in_one_line(tmp_path):
    settings = load_settings(environ={"GEMILANG_MOCK_FAULTS": "error@0.3, seed=2"})
    assert settings.mock_faults is not None and settings.mock_faults.seed == 2
    assert load_settings(environ={"GEMILANG_MOCK_FAULTS": ""}).mock_faults is None
    with pytest.raises(SettingError, match="GEMILANG_MOCK_FAULTS"):
        load_settings(environ={"GEMILANG_MOCK_FAULTS": "explode"})
    done = subprocess.run([sys.executable, "-m", "gemilang_tui.cli", "mock-api", "--faults", "error=42"],
                          capture_output=True, text=True, timeout=60,
                          env={"GEMILANG_DATA_DIR": str(tmp_path), "PATH": "", "GEMILANG_CONFIG": "",
                               "PYTHONPATH": sys.path[0]})
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "--mock-faults='error=42'" in done.stderr


async def _get(plan: str, path: str = "/v1/berita") -> httpx.Response:
    app = faulty(create_app(check_fixtures=False), plan)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://mock") as client:
        return await client.get(path)


async def test_each_kind_changes_the_answer_as_named():
    real = (await _get("")).json()
    assert (await _get("error=502")).status_code == 502
    page = await _get("html")
    assert page.status_code == 200 and page.text.startswith("<!DOCTYPE html>")
    with pytest.raises(ConnectionResetError):
        await _get("drop")
    cut = await _get("truncate")
    with pytest.raises(ValueError):
        cut.json()
    schema = (await _get("schema")).json()
    assert schema["items"][0]["judul"] == 12345 and schema["total"] == str(real["total"])
    assert (await _get("empty")).json()["items"] == []
    huge = (await _get("huge")).json()
    assert len(huge["items"]) == HUGE_ITEMS
    assert max(len(value) for value in huge["items"][0].values() if isinstance(value, str)) >= 1_000_000
    assert (await _get("/v1/layanan:huge")).json() == real  # another route's term leaves this one alone


async def test_a_refusal_stays_a_refusal_under_schema():
    answer = await _get("schema", "/v1/berita/NO-SUCH")
    assert answer.status_code == 404 and isinstance(answer.json()["detail"], str)


def test_the_served_mock_takes_the_plan_and_really_drops_the_connection(tmp_path):
    import os
    import socket
    import time

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEMILANG_")}
    env.update(GEMILANG_DATA_DIR=str(tmp_path), GEMILANG_CONFIG="")
    process = subprocess.Popen(
        [sys.executable, "-m", "gemilang_tui.cli", "mock-api", "--port", str(port),
         "--faults", "/v1/berita:drop; /v1/layanan:error=502@1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(300):
            try:
                httpx.get(url + "/openapi.json", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert httpx.get(url + "/v1/layanan", timeout=5).status_code == 502
        with pytest.raises(httpx.RemoteProtocolError):
            httpx.get(url + "/v1/berita", timeout=5)
        assert httpx.get(url + "/v1/berita/BRT-2026-036", timeout=5).status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
