"""`gemilang-tui mock-api` serves the same contract over real HTTP, and the kiosk's client talks to it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import replace

import httpx
import pytest

from gemilang_tui.api.client import GemilangApi
from gemilang_tui.api.errors import ApiNotFound, ApiRejected, ApiUnavailable

# Real servers on loopback ports and subprocesses: one xdist worker runs them all (`--dist loadgroup`).
pytestmark = pytest.mark.xdist_group("served")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served(tmp_path):
    yield from _serve(tmp_path)


def _serve(data_dir):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEMILANG_")}
    env.update(GEMILANG_TODAY="2026-11-28", GEMILANG_DATA_DIR=str(data_dir))
    process = subprocess.Popen(
        [sys.executable, "-m", "gemilang_tui.cli", "mock-api", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/openapi.json", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("mock-api did not start: " + process.stderr.read().decode())
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_served_mock_answers_the_catalogue_and_the_contract(served):
    assert httpx.get(served + "/v1/layanan").json()["layanan"][0]["kode"]
    assert "/v1/layanan" in httpx.get(served + "/openapi.json").json()["paths"]


async def test_kiosk_client_uses_the_served_mock(served, settings):
    api = GemilangApi(replace(settings, api_url=served))
    catalogue = await api.catalogue()
    await api.aclose()
    assert [str(entry.judul) for entry in catalogue.top_level()][:4] == [
        "Minta surat desa (Layanan Mandiri)", "Pajak rumah dan tanah (iPBB)", "Makam dan izin makam (SIMAPAN)",
        "Tempat wisata"]


async def test_an_unreachable_server_is_unavailable_not_a_crash(settings):
    api = GemilangApi(replace(settings, api_url=f"http://127.0.0.1:{_free_port()}", timeout=2))
    with pytest.raises(ApiUnavailable):
        await api.catalogue()
    await api.aclose()


async def test_bearer_token_is_sent_and_statuses_map_to_plain_errors(settings):
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/v1/layanan":
            return httpx.Response(404, json={"detail": "tidak ada"})
        return httpx.Response(422, json={"detail": "NIK tidak sah"})

    api = GemilangApi(replace(settings, api_url="https://api.example", api_token="t0ken"),
                      transport=httpx.MockTransport(answer))
    with pytest.raises(ApiNotFound):
        await api.catalogue()
    assert seen[0].headers["Authorization"] == "Bearer t0ken"
    from gemilang_tui.api.endpoint import Endpoint

    with pytest.raises(ApiRejected) as rejected:
        await api.send(Endpoint("POST", "/v1/_probe", None, read=lambda raw: raw), {"a": 1}, idempotency_key="k")
    assert rejected.value.reason == "NIK tidak sah"
    assert seen[1].headers["Idempotency-Key"] == "k"
    await api.aclose()


async def test_last_copy_is_served_with_its_date_when_the_server_fails(settings):
    from gemilang_tui.api.client import stale_copies

    mode = {"up": True}

    def answer(request: httpx.Request) -> httpx.Response:
        if mode["up"]:
            return httpx.Response(200, json={"grup": [], "layanan": [
                {"kode": "pbb", "nomor": 2, "grup": None, "aktif": True, "judul": {"id": "iPBB"},
                 "keterangan": {"id": "Cek PBB"}}]})
        return httpx.Response(503)

    api = GemilangApi(replace(settings, api_url="https://api.example"), transport=httpx.MockTransport(answer))
    await api.catalogue()
    mode["up"] = False
    marks: list = []
    stale_copies.set(marks)
    catalogue = await api.catalogue()
    assert catalogue.service("pbb") is not None
    assert len(marks) == 1
    await api.aclose()


async def test_nonsense_answers_are_bad_responses(settings):
    from gemilang_tui.api.errors import ApiBadResponse

    api = GemilangApi(replace(settings, api_url="https://api.example"),
                      transport=httpx.MockTransport(lambda request: httpx.Response(200, text="<html>")))
    with pytest.raises(ApiBadResponse):
        await api.catalogue()
    await api.aclose()


def test_served_mock_reads_its_records_and_keeps_numbering_after_a_restart(tmp_path):
    """The status routes answer for what was just submitted, by its digits; a restarted server continues."""
    import uuid

    from tests.contract.test_submit import AK1

    def apply(url: str) -> str:
        answer = httpx.post(url + "/v1/siap_kerja/ak1", json=AK1, headers={"Idempotency-Key": str(uuid.uuid4())})
        assert answer.status_code == 201, answer.text
        return answer.json()["nomor"]

    server = _serve(tmp_path)
    url = next(server)
    first = apply(url)
    status = httpx.get(url + "/v1/siap_kerja/ak1/" + "".join(ch for ch in first if ch.isdigit()))
    assert status.status_code == 200 and status.json()["status"] == "Diajukan"
    deep = httpx.post(url + "/v1/siap_kerja/ak1", content='{"a": ' + "[" * 30_000 + "]" * 30_000 + "}",
                      headers={"Idempotency-Key": str(uuid.uuid4()), "Content-Type": "application/json"})
    assert deep.status_code == 422 and "terlalu dalam" in deep.json()["detail"]
    next(server, None)  # stop it
    server = _serve(tmp_path)
    url = next(server)
    try:
        assert first == "AK1-2026-00001" and apply(url) == "AK1-2026-00002"
        assert httpx.get(url + "/v1/siap_kerja/ak1/1202600001").status_code == 200
    finally:
        next(server, None)
