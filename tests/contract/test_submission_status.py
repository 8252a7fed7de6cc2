"""The mock's status routes read its own records of submissions, by the digits a citizen types; its numbering
survives a restart (a new mock on the same data folder continues); deeply nested JSON is refused plainly (422)."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx
import pytest

from gemilang_tui.api import submit_ak1, submit_donor, submit_izin_makam
from gemilang_tui.api.client import GemilangApi
from gemilang_tui.api.errors import ApiNotFound
from gemilang_tui.domain.reference import digits_of
from gemilang_tui.mockapi.app import create_app
from gemilang_tui.mockapi.submissions import STORE_FILE
from tests.conftest import TODAY
from tests.contract.test_submit import AK1, DONOR, IZIN_MAKAM
from tests.contract.test_submit_lapor import BODY as LAPOR
from tests.contract.test_submit_layanan_mandiri import BODY as LAYANAN_MANDIRI
from tests.contract.test_submit_ppid import BODY as PPID

#: (kind, POST path, body, status path, the status of a new one)
FORMS = [
    ("lapor", "/v1/lapor/laporan", LAPOR, "/v1/lapor/tiket/{}", "Belum Terverifikasi"),
    ("ppid", "/v1/ppid/permohonan", PPID, "/v1/ppid/permohonan/{}", "Diterima"),
    ("layanan_mandiri", "/v1/layanan_mandiri/permohonan", LAYANAN_MANDIRI, "/v1/layanan_mandiri/permohonan/{}",
     "Diajukan"),
    ("izin_makam", "/v1/simapan/izin-makam", IZIN_MAKAM, "/v1/simapan/izin-makam/{}", "Diajukan"),
    ("donor", "/v1/sidoni/pendaftaran", DONOR, "/v1/sidoni/pendaftaran/{}", "Terdaftar"),
    ("ak1", "/v1/siap_kerja/ak1", AK1, "/v1/siap_kerja/ak1/{}", "Diajukan"),
]
IDS = [form[0] for form in FORMS]


def client_of(app) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://mock")


async def submit(app, path: str, body: dict) -> str:
    async with client_of(app) as client:
        answer = await client.post(path, json=body, headers={"Idempotency-Key": str(uuid.uuid4())})
    assert answer.status_code == 201, answer.text
    return answer.json()["nomor"]


@pytest.mark.parametrize(("kind", "path", "body", "status_path", "status"), FORMS, ids=IDS)
async def test_a_new_submission_is_found_at_once_by_its_digits_and_by_its_number(tmp_path, kind, path, body,
                                                                                status_path, status):
    app = create_app(today=TODAY, database=tmp_path / STORE_FILE)
    official = await submit(app, path, body)
    async with client_of(app) as client:
        for typed in (digits_of(official), official):
            answer = await client.get(status_path.format(typed))
            assert answer.status_code == 200, (typed, answer.text)
            record = answer.json()
            assert record["nomor"] == official and record["status"] == status
            assert record["riwayat"][-1]["status"] == status
        unknown = await client.get(status_path.format(digits_of(official)[:-1] + "9"))
        assert unknown.status_code == 404 and "tidak ditemukan" in unknown.json()["detail"]


@pytest.mark.parametrize(("kind", "path", "body", "status_path", "status"), FORMS, ids=IDS)
async def test_a_restarted_mock_continues_its_numbering(tmp_path, kind, path, body, status_path, status):
    database = tmp_path / STORE_FILE
    first = await submit(create_app(today=TODAY, database=database), path, body)
    restarted = create_app(today=TODAY, database=database)
    second = await submit(restarted, path, body)
    assert digits_of(second) == str(int(digits_of(first)) + 1), (first, second)
    async with client_of(restarted) as client:  # the restarted mock still knows the first one
        assert (await client.get(status_path.format(digits_of(first)))).status_code == 200


@pytest.mark.parametrize(("endpoint", "path", "body"), [
    (submit_izin_makam.STATUS_IZIN_MAKAM, "/v1/simapan/izin-makam", IZIN_MAKAM),
    (submit_donor.STATUS_PENDAFTARAN, "/v1/sidoni/pendaftaran", DONOR),
    (submit_ak1.STATUS_AK1, "/v1/siap_kerja/ak1", AK1),
], ids=["izin_makam", "donor", "ak1"])
async def test_the_kiosk_client_reads_the_new_status_routes(settings, endpoint, path, body):
    api = GemilangApi(settings)
    api.warm_up()
    official = await submit(api.mock_app, path, body)
    record = await api.fetch(endpoint, nomor=digits_of(official))
    assert record.nomor == official and record.riwayat
    with pytest.raises(ApiNotFound):
        await api.fetch(endpoint, nomor="202699999")
    await api.aclose()


def test_the_status_routes_are_documented():
    paths = create_app(today=TODAY).openapi()["paths"]
    for *_, status_path, _status in FORMS:
        assert status_path.format("{nomor}") in paths


@pytest.mark.parametrize(("kind", "path", "body", "status_path", "status"), FORMS, ids=IDS)
async def test_deeply_nested_json_is_a_plain_422(kind, path, body, status_path, status):
    deep = "[" * 30_000 + "]" * 30_000  # within the 64 KiB a body may have
    async with client_of(create_app(today=TODAY)) as client:
        answer = await client.post(path, content='{"a": ' + deep + "}", headers={
            "Idempotency-Key": str(uuid.uuid4()), "Content-Type": "application/json"})
    assert answer.status_code == 422
    assert answer.json() == {"detail": "Isi permintaan tidak dapat dibaca: susunan JSON-nya terlalu dalam.",
                             "rule": "form"}


async def test_error_answers_are_in_indonesian():
    async with client_of(create_app(today=TODAY)) as client:
        assert (await client.get("/v1/tidak-ada")).json() == {"detail": "Alamat tidak ditemukan."}
        assert (await client.delete("/v1/layanan")).json()["detail"].startswith("Metode ini tidak dapat dipakai")
        both = await client.delete("/v1/siap_kerja/ak1")  # a GET route and a POST route share the path
        assert both.status_code == 405 and both.headers["Allow"] == "GET, POST"
        wrong = await client.get("/v1/berita", params={"page": "satu"})
        assert wrong.status_code == 422 and wrong.json() == {"detail": "page harus bilangan bulat.", "rule": "form"}
        vacancies = await client.get("/v1/siap_kerja/lowongan", params={"pendidikan": "TK"})
        assert vacancies.status_code == 422 and vacancies.json()["detail"].startswith("pendidikan harus salah satu")


def test_the_embedded_mock_keeps_its_records_in_the_data_folder(settings):
    api = GemilangApi(settings)
    api.warm_up()
    assert api.mock_app.state.database == Path(settings.data_dir) / STORE_FILE
