"""The mock refuses a body larger than 64 KiB with 413 and a plain `detail` without reading it whole, and tells in
/openapi.json which 422 is a rule of the service (well-formed data refused) and which a request not in the contract's
form, so a contract fuzzer can tell a rule from a defect."""

from __future__ import annotations

import json
import socket
import time
import uuid
from urllib.parse import urlsplit

import httpx
import pytest

from gemilang_tui.mockapi.app import create_app
from gemilang_tui.mockapi.body_limit import MAX_REQUEST_BODY
from tests.conftest import TODAY
from tests.contract.test_served_mock import served  # noqa: F401  (a fixture)
from tests.contract.test_submission_status import FORMS, IDS, client_of
from tests.contract.test_submit_lapor import BODY as LAPOR

LAPOR_PATH = "/v1/lapor/laporan"


def _key() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid.uuid4()), "Content-Type": "application/json"}


async def test_a_body_declared_too_large_is_refused_before_a_route_runs():
    app = create_app(today=TODAY)
    async with client_of(app) as client:
        answer = await client.post(LAPOR_PATH, content=b'{"isi": "' + b"a" * MAX_REQUEST_BODY + b'"}',
                                   headers=_key())
    assert answer.status_code == 413
    assert answer.json() == {"detail": "Isi permintaan terlalu besar (paling banyak 64 KiB)."}
    assert getattr(app.state, "submissions", None) is None or app.state.submissions.count() == 0


async def test_a_streamed_body_is_counted_and_refused_at_the_first_byte_over():
    sent = 0

    async def chunks():
        nonlocal sent
        for _ in range(800):  # 50 MiB, were it all read
            sent += 1
            yield b"x" * 65_536

    async with client_of(create_app(today=TODAY)) as client:
        answer = await client.post(LAPOR_PATH, content=chunks(), headers=_key())
    assert answer.status_code == 413 and answer.json()["detail"].startswith("Isi permintaan terlalu besar")
    assert sent < 10  # the rest was never asked for


async def test_a_body_within_the_limit_is_read_as_before():
    async with client_of(create_app(today=TODAY)) as client:
        answer = await client.post(LAPOR_PATH, json=LAPOR, headers=_key())
    assert answer.status_code == 201, answer.text


@pytest.mark.xdist_group("served")
def test_the_served_mock_answers_413_to_a_50_mb_body_without_reading_it(served):  # noqa: F811
    parts = urlsplit(served)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(f"POST {LAPOR_PATH} HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\n"
                     f"Idempotency-Key: {uuid.uuid4()}\r\nContent-Length: {50 * 1024 * 1024}\r\n\r\n".encode())
        sock.sendall(b"x" * 65_536)  # a first part; the answer comes without the rest
        answer = b""
        deadline = time.monotonic() + 10
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            assert time.monotonic() < deadline, answer
            answer += sock.recv(65_536)
    assert answer.startswith(b"HTTP/1.1 413")
    assert json.loads(answer.partition(b"\r\n\r\n")[2]) == {
        "detail": "Isi permintaan terlalu besar (paling banyak 64 KiB)."}
    assert httpx.get(served + "/v1/layanan").status_code == 200  # and the mock serves on


@pytest.mark.parametrize(("kind", "path", "body", "status_path", "status"), FORMS, ids=IDS)
def test_every_body_route_declares_413_and_a_422_that_names_its_rule(kind, path, body, status_path, status):
    document = create_app(today=TODAY).openapi()
    operation = document["paths"][path]["post"]
    assert "413" in operation["responses"]
    refusal = operation["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    schema = document["components"]["schemas"][refusal]
    assert set(schema["properties"]["rule"]["enum"]) == {"form", "service_rule", "key_reused"}
    assert set(schema["required"]) >= {"detail", "rule"}


async def test_a_well_formed_body_refused_by_a_rule_says_so_and_a_malformed_one_says_form():
    async with client_of(create_app(today=TODAY)) as client:
        ruled = await client.post(LAPOR_PATH, json={**LAPOR, "kode_kategori": "cuaca"}, headers=_key())
        malformed = await client.post(LAPOR_PATH, json={**LAPOR, "nik": 5}, headers=_key())
        key = _key()
        await client.post(LAPOR_PATH, json=LAPOR, headers=key)
        reused = await client.post(LAPOR_PATH, json={**LAPOR, "isi": LAPOR["isi"] + " Lagi."}, headers=key)
    assert ruled.status_code == 422 and ruled.json()["rule"] == "service_rule", ruled.text
    assert malformed.status_code == 422 and malformed.json()["rule"] == "form", malformed.text
    assert reused.status_code == 422 and reused.json()["rule"] == "key_reused", reused.text
