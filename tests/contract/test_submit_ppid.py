"""POST /v1/ppid/permohonan: idempotency (201/200, 422, 409, 400), refusals in Indonesian, numbers after the
fixture's, and the status lookup finding the new request."""

from __future__ import annotations

import copy

import pytest

from gemilang_tui.api.submit_ppid import (
    TOPIK_INFORMASI,
    PermohonanInformasiDiterima,
)
from tests.conftest import TODAY
from tests.contract.conftest import key

BODY = {
    "pemohon": {
        "jenis": "perorangan",
        "nik": "3603284508710003",
        "nama": "Siti Aminah",
        "alamat": {"kode_kecamatan": "36.03.03", "kecamatan": "Tigaraksa", "kode_desa": "36.03.03.2013",
                   "desa": "Tapos", "detail": "Kp. Tapos RT 002/RW 004"},
        "pekerjaan": "Wiraswasta atau pedagang",
        "telepon": "081234567890",
        "email": None,
    },
    "kode_informasi": "INF-009",
    "rincian": "Data Jalan Kabupaten dan Kondisinya Tahun 2026",
    "tujuan_penggunaan": "Pengetahuan pribadi",
    "cara_memperoleh": "salinan",
    "cara_mendapatkan_salinan": "ambil_langsung",
}


def body(**pemohon) -> dict:
    changed = copy.deepcopy(BODY)
    changed["pemohon"].update(pemohon)
    return changed


async def test_a_new_request_is_numbered_after_the_fixture_and_a_repeat_gets_the_same_answer(client):
    headers = key()
    first = await client.post("/v1/ppid/permohonan", json=BODY, headers=headers)
    assert first.status_code == 201
    answer = PermohonanInformasiDiterima.model_validate(first.json())
    assert answer.nomor == "PPID-2026-0046"  # PPID-2026-0045 is the highest in ppid.json
    assert answer.status == "Diterima" and answer.tanggal == TODAY
    assert answer.dinas_tujuan == "Dinas Bina Marga dan Sumber Daya Air"
    assert answer.batas_jawaban.isoformat() == "2026-12-11" and answer.jawaban_hari_kerja == 10
    assert answer.perpanjangan_hari_kerja == 7
    for personal in ("3603284508710003", "081234567890", "Siti Aminah", "Kp. Tapos"):
        assert personal not in first.text  # no personal data echoed
    again = await client.post("/v1/ppid/permohonan", json=BODY, headers=headers)
    assert again.status_code == 200 and again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    other = await client.post("/v1/ppid/permohonan", json=BODY, headers=key())
    assert other.status_code == 201 and other.json()["nomor"] == "PPID-2026-0047"


async def test_the_status_lookup_finds_the_new_request(client):
    nomor = (await client.post("/v1/ppid/permohonan", json=BODY, headers=key())).json()["nomor"]
    status = await client.get(f"/v1/ppid/permohonan/{nomor}")
    assert status.status_code == 200
    record = status.json()
    assert record["status"] == "Diterima" and record["rincian"] == BODY["rincian"]
    assert record["tahapan"][0]["tenggat"] == "2026-12-11" and record["tahapan"][0]["sisa_hari_kerja"] == 10
    assert (await client.get("/v1/ppid/permohonan/20260046")).status_code == 200
    assert (await client.get("/v1/ppid/permohonan/PPID-2026-0047")).status_code == 404
    assert (await client.get("/v1/ppid/permohonan/PPID-2026-0042")).json()["status"] == "Diproses"





@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (body(nik=None), "NIK pemohon wajib diisi untuk pemohon perorangan."),
        (body(nik="3603281513710003"), "NIK pemohon tidak valid."),
        (body(nik="360328450871000"), "pemohon.nik tidak sesuai bentuk yang diminta."),
        (body(pekerjaan=None), "Pekerjaan pemohon wajib diisi untuk pemohon perorangan."),
        (body(jenis="badan_hukum", nik=None, nama=None), "Nama badan hukum wajib diisi."),
        (body(alamat={**BODY["pemohon"]["alamat"], "kode_desa": "36.03.18.2001"}),
         "Desa atau kelurahan itu tidak ada di Kecamatan Tigaraksa."),
        (body(telepon="12345"), "pemohon.telepon tidak sesuai bentuk yang diminta."),
        (body(email="bukan-email"), "pemohon.email tidak sesuai bentuk yang diminta."),
        ({**BODY, "kode_informasi": "INF-999"}, "Informasi yang dipilih tidak ada dalam daftar informasi publik."),
        ({**BODY, "cara_mendapatkan_salinan": None}, "Cara mendapatkan salinan wajib diisi jika meminta salinan."),
        ({**BODY, "cara_memperoleh": "melihat_membaca"},
         "Cara mendapatkan salinan hanya diisi jika meminta salinan."),
        ({**BODY, "cara_mendapatkan_salinan": "email"},
         "Alamat email wajib diisi jika salinan dikirim lewat email."),
        ({**body(alamat={**BODY["pemohon"]["alamat"], "detail": None}), "cara_mendapatkan_salinan": "pos"},
         "Alamat jalan, RT/RW, dan nomor rumah wajib diisi jika salinan dikirim lewat pos."),
        ({**BODY, "cara_memperoleh": "fotokopi"},
         "cara_memperoleh harus salah satu dari: 'melihat_membaca' atau 'salinan'."),
        ({**BODY, "rincian": "Data"}, "rincian terlalu pendek (paling sedikit 5 huruf)."),
        ({**BODY, "warna": "merah"}, "warna tidak dikenal."),
    ],
)
async def test_refusals_say_why_in_indonesian(client, change, reason):
    answer = await client.post("/v1/ppid/permohonan", json=change, headers=key())
    assert answer.status_code == 422
    assert answer.json()["detail"] == reason


async def test_an_organisation_and_a_copy_by_email_are_accepted(client):
    organisation = body(jenis="badan_hukum", nik=None, nama="Yayasan Peduli Desa", pekerjaan=None,
                        email="yayasan@contoh.id")
    organisation["cara_mendapatkan_salinan"] = "email"
    organisation["kode_informasi"] = None
    answer = await client.post("/v1/ppid/permohonan", json=organisation, headers=key())
    assert answer.status_code == 201 and answer.json()["dinas_tujuan"] == "PPID Utama (Diskominfo)"
    assert "yayasan@contoh.id" not in answer.text


async def test_topics_come_with_their_entries(client):
    topics = TOPIK_INFORMASI.parse((await client.get("/v1/ppid/topik")).json())
    assert [topic.nama for topic in topics.items][:2] == ["Keuangan dan anggaran daerah",
                                                         "Rencana dan laporan pemerintah"]
    assert topics.items[2].informasi[0].judul == "Data Jalan Kabupaten dan Kondisinya Tahun 2026"
    assert topics.total == 5
