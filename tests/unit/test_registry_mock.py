"""The mock's Sidoni, SIMAPAN, Simenara and Siap Kerja routes: paging, today's date, filters, unknown records."""

from __future__ import annotations

import httpx
import pytest

from gemilang_tui.mockapi.app import create_app
from tests.conftest import TODAY


@pytest.fixture
async def client():
    transport = httpx.ASGITransport(app=create_app(today=TODAY))
    async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
        yield client


async def test_sidoni_sessions_from_today_soonest_first(client):
    answer = (await client.get("/v1/sidoni/jadwal")).json()
    assert answer["total"] == 4
    first = answer["items"][0]
    assert (first["tanggal"], first["jam_mulai"], first["lokasi"]) == ("2026-12-05", "08:00:00",
                                                                         "Kantor Kecamatan Cikupa")
    earlier = (await client.get("/v1/sidoni/jadwal", params={"dari": "2026-11-01"})).json()
    assert earlier["total"] == 8


async def test_sidoni_stock_canon(client):
    answer = (await client.get("/v1/sidoni/stok")).json()
    totals = {row["golongan"] + row["rhesus"]: row["total"] for row in answer["stok"]}
    assert answer["tanggal_stok"] == "2026-11-28"
    assert totals == {"A+": 33, "B+": 159, "O+": 41, "AB+": 6, "A-": 0, "B-": 0, "O-": 0, "AB-": 0}


async def test_simapan_kecamatan_paged_with_totals(client):
    first = (await client.get("/v1/simapan/kecamatan", params={"per_page": 7})).json()
    second = (await client.get("/v1/simapan/kecamatan", params={"per_page": 7, "page": 2})).json()
    assert first["total"] == second["total"] == 12
    assert len(first["items"]) == 7 and len(second["items"]) == 5
    tigaraksa = next(row for row in second["items"] if row["nama"] == "Tigaraksa")
    assert tigaraksa["jumlah_tpu"] == 5


async def test_simapan_tpu_and_unknown(client):
    tapos = (await client.get("/v1/simapan/tpu/TPU-001")).json()
    assert (tapos["nama"], tapos["petak_total"], tapos["petak_terisi"], tapos["petak_tersedia"]) == (
        "TPU Tapos", 800, 680, 120)
    assert (await client.get("/v1/simapan/tpu/TPU-999")).status_code == 404


async def test_simenara_every_kecamatan_and_the_canonical_tower(client):
    answer = (await client.get("/v1/simenara/kecamatan", params={"per_page": 100})).json()
    assert answer["total"] == 29
    assert {row["nama"]: row["jumlah_menara"] for row in answer["items"]}["Cikupa"] == 4
    tower = (await client.get("/v1/simenara/menara/mnr-18-0007")).json()
    assert (tower["desa"], tower["kecamatan"], tower["tinggi_m"]) == ("Bitung Jaya", "Cikupa", 42)
    assert (await client.get("/v1/simenara/menara/MNR-18-9999")).status_code == 404


async def test_siap_kerja_hides_closed_and_filters(client):
    everything = (await client.get("/v1/siap_kerja/lowongan", params={"per_page": 100})).json()
    assert everything["total"] == 20
    assert all(row["ditutup"] >= "2026-11-28" for row in everything["items"])
    cikupa_smp = (await client.get("/v1/siap_kerja/lowongan",
                                   params={"kecamatan": "36.03.18", "pendidikan": "SMP"})).json()
    assert [row["jabatan"] for row in cikupa_smp["items"]] == ["Operator Mesin Jahit"]
    assert (await client.get("/v1/siap_kerja/lowongan", params={"pendidikan": "SMA"})).status_code == 422
    places = (await client.get("/v1/siap_kerja/kecamatan", params={"per_page": 100})).json()
    assert "Kresek" not in {row["nama"] for row in places["items"]}
    assert sum(row["jumlah_lowongan"] for row in places["items"]) == 20
