"""POST /v1/lapor/laporan: the idempotency contract (201/200, 422, 409, 400) and refusals in Indonesian."""

from __future__ import annotations

import pytest

from gemilang_tui.api.submit_lapor import KATEGORI_LAPOR, LaporanDiterima
from tests.conftest import TODAY
from tests.contract.conftest import key

BODY = {
    "kode_jenis": "pengaduan",
    "kode_kategori": "infrastruktur",
    "kode_masalah": "lampu_jalan_mati",
    "judul": "Lampu jalan mati di Desa Tapos, Kecamatan Tigaraksa",
    "isi": "Warga melaporkan lampu jalan mati di Desa Tapos, Kecamatan Tigaraksa, Kabupaten Tangerang.",
    "tanggal_kejadian": "2026-11-27",
    "lokasi": {"kode_kecamatan": "36.03.03", "kecamatan": "Tigaraksa", "kode_desa": "36.03.03.2013",
               "desa": "Tapos"},
    "anonim": False,
    "rahasia": False,
    "pelapor": {"nik": "3603284508710003", "telepon": "081234567890"},
}


async def test_a_new_report_gets_a_seven_digit_ticket_and_a_repeat_the_same_answer(client):
    headers = key()
    first = await client.post("/v1/lapor/laporan", json=BODY, headers=headers)
    assert first.status_code == 201
    answer = LaporanDiterima.model_validate(first.json())
    assert answer.nomor == "2611007"  # 2611002…2611006 are tickets of the fixture set already
    assert answer.status == "Belum Terverifikasi" and answer.dibuat == TODAY and answer.kategori == "Infrastruktur"
    assert "nik" not in first.text and "081234567890" not in first.text  # no personal data echoed
    again = await client.post("/v1/lapor/laporan", json=BODY, headers=headers)
    assert again.status_code == 200 and again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    other = await client.post("/v1/lapor/laporan", json=BODY, headers=key())
    assert other.status_code == 201 and other.json()["nomor"] == "2611008"





@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"tanggal_kejadian": "2026-11-29"}, "Tanggal kejadian tidak boleh setelah hari ini."),
        ({"kode_kategori": "cuaca"}, "Kategori laporan tidak dikenal."),
        ({"kode_masalah": "obat_kosong"}, "Masalah yang dipilih bukan bagian dari kategori ini."),
        ({"lokasi": {**BODY["lokasi"], "kode_desa": "36.03.18.2001"}},
         "Desa atau kelurahan itu tidak ada di Kecamatan Tigaraksa."),
        ({"pelapor": {}}, "NIK pelapor wajib diisi jika laporan tidak anonim."),
        ({"pelapor": {"nik": "3603281513710003"}}, "NIK pelapor tidak valid."),
        ({"judul": "Oh"}, "judul terlalu pendek (paling sedikit 5 huruf)."),
        ({"kode_jenis": "keluhan"},
         "kode_jenis harus salah satu dari: 'pengaduan', 'aspirasi' atau 'permintaan_informasi'."),
        ({"tanggal_kejadian": "kemarin"}, "tanggal_kejadian harus tanggal dengan bentuk TTTT-BB-HH."),
        ({"warna": "merah"}, "warna tidak dikenal."),
    ],
)
async def test_refusals_say_why_in_indonesian(client, change, reason):
    answer = await client.post("/v1/lapor/laporan", json={**BODY, **change}, headers=key())
    assert answer.status_code == 422
    assert answer.json()["detail"] == reason


async def test_a_missing_field_and_broken_json_are_refused_in_indonesian(client):
    body = {name: value for name, value in BODY.items() if name != "isi"}
    assert (await client.post("/v1/lapor/laporan", json=body, headers=key())).json()["detail"] == "isi wajib diisi."
    broken = await client.post("/v1/lapor/laporan", content=b"{", headers={**key(), "Content-Type": "application/json"})
    assert broken.status_code == 422 and broken.json()["detail"] == "Isi permintaan bukan JSON yang benar."


async def test_an_anonymous_report_needs_no_nik(client):
    body = {**BODY, "anonim": True, "pelapor": {"nik": None, "telepon": None}}
    assert (await client.post("/v1/lapor/laporan", json=body, headers=key())).status_code == 201


async def test_categories_come_with_their_common_problems(client):
    answer = await client.get("/v1/lapor/kategori")
    daftar = KATEGORI_LAPOR.parse(answer.json())
    assert daftar.total == 8 and daftar.items[0].nama == "Infrastruktur"
    assert [m.nama for m in daftar.items[0].masalah][:2] == ["Jalan rusak atau berlubang", "Lampu jalan mati"]
    assert (await client.get("/v1/lapor/kategori", params={"page": 2, "per_page": 5})).json()["total"] == 8
