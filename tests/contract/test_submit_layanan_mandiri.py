"""POST /v1/layanan_mandiri/permohonan: idempotency (201/200, 422, 409, 400), refusals in Indonesian, numbers
after the fixture's, the kinds of letter, and the status lookup finding the new request."""

from __future__ import annotations

import pytest

from gemilang_tui.api.submit_layanan_mandiri import (
    JENIS_SURAT,
    PermohonanSuratDiterima,
)
from tests.conftest import TODAY
from tests.contract.conftest import key

BODY = {
    "kode_jenis": "domisili",
    "desa": {"kode_kecamatan": "36.03.03", "kecamatan": "Tigaraksa", "kode_desa": "36.03.03.2013", "desa": "Tapos"},
    "pemohon": {"nik": "3603284508710003", "nama": "Siti Aminah", "telepon": "081234567890"},
    "kode_keperluan": "melamar_kerja",
    "keperluan": "Melamar pekerjaan",
    "syarat_lengkap": True,
}
PATH = "/v1/layanan_mandiri/permohonan"


async def test_a_new_request_is_numbered_after_the_fixture_and_a_repeat_gets_the_same_answer(client):
    headers = key()
    first = await client.post(PATH, json=BODY, headers=headers)
    assert first.status_code == 201
    answer = PermohonanSuratDiterima.model_validate(first.json())
    assert answer.nomor == "LM-2026-00084"  # LM-2026-00083 is the highest in layanan_mandiri.json
    assert answer.status == "Diajukan" and answer.diajukan == TODAY
    assert answer.tempat_ambil == "Kantor Desa Tapos" and answer.jenis_surat == "Surat Keterangan Domisili"
    assert answer.siap_paling_lambat.isoformat() == "2026-12-02" and answer.lama_hari_kerja == 3
    assert answer.biaya == 0
    for personal in ("3603284508710003", "081234567890", "Siti Aminah"):
        assert personal not in first.text
    again = await client.post(PATH, json=BODY, headers=headers)
    assert again.status_code == 200 and again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    other = await client.post(PATH, json=BODY, headers=key())
    assert other.status_code == 201 and other.json()["nomor"] == "LM-2026-00085"


async def test_the_status_lookup_finds_the_new_request(client):
    nomor = (await client.post(PATH, json=BODY, headers=key())).json()["nomor"]
    status = await client.get(f"{PATH}/{nomor}")
    assert status.status_code == 200
    record = status.json()
    assert record["status"] == "Diajukan" and record["tempat_ambil"] == "Kantor Desa Tapos"
    assert record["jenis_surat"] == "Surat Keterangan Domisili"
    assert record["tahapan"][0]["tenggat"] == "2026-12-02"
    assert (await client.get(f"{PATH}/202600084")).status_code == 200
    assert (await client.get(f"{PATH}/LM-2026-00085")).status_code == 404
    assert (await client.get(f"{PATH}/LM-2026-00077")).json()["status"] == "Siap diambil"


async def test_a_kelurahan_is_collected_at_the_kantor_kelurahan(client):
    binong = {"kode_kecamatan": "36.03.17", "kecamatan": "Curug", "kode_desa": "36.03.17.1006", "desa": "Binong"}
    answer = await client.post(PATH, json={**BODY, "kode_jenis": "pengantar_skck", "kode_keperluan": None,
                                           "keperluan": "Melamar kerja di pabrik", "desa": binong}, headers=key())
    assert answer.status_code == 201
    assert answer.json()["tempat_ambil"] == "Kantor Kelurahan Binong"
    assert answer.json()["siap_paling_lambat"] == "2026-11-30"





@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"kode_jenis": "surat_nikah"}, "Jenis surat tidak dikenal."),
        ({"kode_keperluan": "beasiswa"}, "Keperluan yang dipilih bukan pilihan untuk surat ini."),
        ({"syarat_lengkap": False}, "Persyaratan harus lengkap sebelum permohonan diajukan."),
        ({"desa": {**BODY["desa"], "kode_desa": "36.03.18.2001"}},
         "Desa atau kelurahan itu tidak ada di Kecamatan Tigaraksa."),
        ({"desa": {**BODY["desa"], "kode_kecamatan": "36.03.99"}}, "Kecamatan tidak dikenal di Kabupaten Tangerang."),
        ({"pemohon": {**BODY["pemohon"], "nik": "3603281513710003"}}, "NIK pemohon tidak valid."),
        ({"pemohon": {**BODY["pemohon"], "nik": "360328450871000"}},
         "pemohon.nik tidak sesuai bentuk yang diminta."),
        ({"pemohon": {"nik": "3603284508710003", "telepon": "12345"}},
         "pemohon.telepon tidak sesuai bentuk yang diminta."),
        ({"keperluan": "ok"}, "keperluan terlalu pendek (paling sedikit 3 huruf)."),
        ({"syarat_lengkap": "mungkin"}, "syarat_lengkap harus true atau false."),
        ({"warna": "merah"}, "warna tidak dikenal."),
    ],
)
async def test_refusals_say_why_in_indonesian(client, change, reason):
    answer = await client.post(PATH, json={**BODY, **change}, headers=key())
    assert answer.status_code == 422
    assert answer.json()["detail"] == reason


async def test_kinds_of_letter_come_with_requirements_days_fee_and_choices(client):
    kinds = JENIS_SURAT.parse((await client.get("/v1/layanan_mandiri/jenis_surat")).json())
    assert [kind.kode for kind in kinds.items] == ["domisili", "sktm", "pengantar_skck", "keterangan_usaha"]
    assert kinds.items[1].lama_hari_kerja == 2 and kinds.items[1].biaya == 0
    assert kinds.items[1].syarat[3].teks == "Surat pernyataan tidak mampu bermeterai."
    assert kinds.items[3].isian == "jenis_usaha" and kinds.items[3].pilihan[0].nama == "Warung kelontong"


async def test_a_letter_without_a_phone_is_accepted(client):
    """A letter can be asked without a phone: the citizen then gets no SMS, nothing else is lost."""
    answer = await client.post(PATH, json={**BODY, "pemohon": {"nik": "3603284508710003"}}, headers=key())
    assert answer.status_code == 201
