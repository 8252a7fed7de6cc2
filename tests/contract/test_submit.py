"""The six submissions (LAPOR!, PPID, Layanan Mandiri, burial permit, donor registration, AK/1 card): the
idempotency contract (201/200, 422, 409, 400) and official numbers of each, checked the same way; the refusals of
the last three in Indonesian. The first three's own checks: tests/contract/test_submit_<kind>.py."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
import pytest

from gemilang_tui.api import (
    submit_ak1,
    submit_donor,
    submit_izin_makam,
    submit_lapor,
    submit_layanan_mandiri,
    submit_ppid,
)
from gemilang_tui.api.client import GemilangApi
from gemilang_tui.api.errors import ApiConflict, ApiRejected
from tests.contract.conftest import key
from tests.contract.test_submit_lapor import BODY as LAPOR
from tests.contract.test_submit_layanan_mandiri import BODY as SURAT
from tests.contract.test_submit_ppid import BODY as PPID

NIK = "3603284508710003"
PHONE = "081234567890"

IZIN_MAKAM = {
    "almarhum": {"nama": "SITI AMINAH", "nik": "3603285508460002", "tanggal_wafat": "2026-11-27"},
    "kode_tpu": "TPU-001",
    "tanggal_makam": "2026-11-28",
    "jam_makam": "10:00",
    "penanggung_jawab": {"nama": "BUDI SANTOSO", "nik": NIK, "hubungan": "anak", "telepon": PHONE},
    "dokumen": ["ktp_almarhum", "ktp_penanggung_jawab", "kk", "pengantar_rt_rw", "keterangan_kematian"],
    "sktm": False,
}
DONOR = {
    "jadwal": {"tanggal": "2026-12-05", "jam_mulai": "08:00:00", "kode_kecamatan": "36.03.18"},
    "kelayakan": {"usia": "17_60", "berat_minimal_45_kg": True, "donor_terakhir": "belum_pernah", "sehat": True},
    "nama": "SITI AMINAH", "nik": NIK, "telepon": PHONE, "golongan_darah": "O",
}
AK1 = {
    "nik": NIK, "nama": "SITI AMINAH", "telepon": PHONE, "pendidikan": "SMA/SMK",
    "keterampilan": ["menjahit", "mengemudi"], "dokumen_lengkap": True, "akun_siapkerja": False,
}

#: (kind, path, body, the module with SUBMIT and the models, the first official number)
FORMS = [
    ("lapor", "/v1/lapor/laporan", LAPOR, submit_lapor, "2611007"),  # 2611002…2611006: tickets of the fixture set
    ("ppid", "/v1/ppid/permohonan", PPID, submit_ppid, "PPID-2026-0046"),  # after PPID-2026-0045 of ppid.json
    ("layanan_mandiri", "/v1/layanan_mandiri/permohonan", SURAT, submit_layanan_mandiri, "LM-2026-00084"),
    ("izin_makam", "/v1/simapan/izin-makam", IZIN_MAKAM, submit_izin_makam, "IZM4-2026-00001"),
    ("donor", "/v1/sidoni/pendaftaran", DONOR, submit_donor, "DNR5-2026-00001"),
    ("ak1", "/v1/siap_kerja/ak1", AK1, submit_ak1, "AK1-2026-00001"),
]
IDS = [form[0] for form in FORMS]


def following(number: str) -> str:
    """The official number after `number`: PPID-2026-0046 → PPID-2026-0047."""
    return re.sub(r"\d+$", lambda digits: str(int(digits.group()) + 1).zfill(len(digits.group())), number)


def changed(body: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of `body` with one (dotted) field replaced, or removed when `value` is `...`."""
    copy = {name: dict(item) if isinstance(item, dict) else item for name, item in body.items()}
    *parents, last = path.split(".")
    target = copy
    for part in parents:
        target = target[part]
    if value is ...:
        target.pop(last)
    else:
        target[last] = value
    return copy


@pytest.mark.parametrize(("kind", "path", "body", "module", "first"), FORMS, ids=IDS)
async def test_a_new_submission_gets_its_number_and_a_repeat_the_same_answer(client, kind, path, body, module,
                                                                           first):
    headers = key()
    answer = await client.post(path, json=body, headers=headers)
    assert answer.status_code == 201, answer.text
    assert module.SUBMIT.parse(answer.json()).nomor == first
    assert NIK not in answer.text and PHONE not in answer.text  # no personal data echoed
    again = await client.post(path, json=body, headers=headers)
    assert again.status_code == 200 and again.json() == answer.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    other = await client.post(path, json=body, headers=key())
    assert other.status_code == 201 and other.json()["nomor"] == following(first)


@pytest.mark.parametrize(("kind", "path", "body", "module", "first"), FORMS, ids=IDS)
async def test_the_same_key_with_another_body_is_refused(client, kind, path, body, module, first):
    headers = key()
    assert (await client.post(path, json=body, headers=headers)).status_code == 201
    other = changed(body, "dibantu_petugas", True)
    refused = await client.post(path, json=other, headers=headers)
    assert refused.status_code == 422
    assert refused.json()["detail"] == "Idempotency-Key sudah dipakai untuk isian yang berbeda"


@pytest.mark.parametrize(("kind", "path", "body", "module", "first"), FORMS, ids=IDS)
async def test_the_same_key_while_the_first_is_in_flight_is_409(client, mock, kind, path, body, module, first):
    headers = key()
    model = next(cls for name, cls in vars(module).items() if name.endswith("Baru"))
    canonical = model.model_validate(body).model_dump(mode="json")
    assert mock.state.submissions.begin(kind, headers["Idempotency-Key"], canonical) == ("new", None)
    answer = await client.post(path, json=body, headers=headers)
    assert answer.status_code == 409
    assert answer.json()["detail"] == "Permintaan dengan Idempotency-Key ini masih diproses"


@pytest.mark.parametrize(("kind", "path", "body", "module", "first"), FORMS, ids=IDS)
async def test_a_missing_key_is_400(client, kind, path, body, module, first):
    answer = await client.post(path, json=body)
    assert answer.status_code == 400
    assert answer.json()["detail"] == "Header Idempotency-Key wajib diisi (sebuah UUID)."
    blank = await client.post(path, json=body, headers={"Idempotency-Key": " "})
    assert blank.status_code == 400 and blank.json() == answer.json()
    long = await client.post(path, json=body, headers={"Idempotency-Key": "k" * 201})
    assert long.status_code == 400 and "terlalu panjang" in long.json()["detail"]


@pytest.mark.parametrize(
    ("kind", "field", "value", "reason"),
    [
        ("izin_makam", "almarhum.tanggal_wafat", "2026-11-29", "Tanggal wafat tidak boleh setelah hari ini."),
        ("izin_makam", "almarhum.tanggal_wafat", "1940-01-01",
         "Tanggal wafat tidak boleh sebelum tanggal lahir almarhum."),
        ("izin_makam", "almarhum.nik", "3603281513710003", "NIK almarhum tidak valid."),
        ("izin_makam", "almarhum.nik", NIK, "NIK penanggung jawab tidak boleh sama dengan NIK almarhum."),
        ("izin_makam", "penanggung_jawab.nik", "360328450871000",
         "penanggung_jawab.nik tidak sesuai bentuk yang diminta."),
        ("izin_makam", "kode_tpu", "TPU-999", "TPU tidak dikenal. Pilih TPU dari daftar."),
        ("izin_makam", "kode_tpu", "TPU-011", "TPU Sindangsari tidak punya petak kosong lagi. Pilih TPU lain."),
        ("izin_makam", "dokumen", ["ktp_almarhum", "kk"],
         "Dokumen belum lengkap: KTP penanggung jawab, Surat pengantar RT/RW, Surat keterangan kematian."),
        ("izin_makam", "penanggung_jawab.hubungan", "teman",
         "penanggung_jawab.hubungan harus salah satu dari: 'suami_istri', 'anak', 'orang_tua', 'saudara', 'cucu', "
         "'kerabat' atau 'bukan_keluarga'."),
        ("izin_makam", "sktm", ..., "sktm wajib diisi."),
        ("izin_makam", "tanggal_makam", "2026-11-27", "Tanggal pemakaman tidak boleh sebelum hari ini."),
        ("izin_makam", "tanggal_makam", ..., "tanggal_makam wajib diisi."),
        ("izin_makam", "jam_makam", ..., "jam_makam wajib diisi."),
        ("donor", "jadwal.tanggal", "2026-12-06", "Sesi donor itu tidak ada di jadwal. Pilih sesi dari jadwal."),
        ("donor", "jadwal", {"tanggal": "2026-11-21", "jam_mulai": "09:00:00", "kode_kecamatan": "36.03.12"},
         "Sesi donor itu sudah lewat. Pilih sesi lain."),
        ("donor", "kelayakan.usia", "di_bawah_17",
         "Pendonor belum memenuhi syarat. Pendonor harus berumur paling sedikit 17 "
         "tahun."),
        ("donor", "kelayakan.berat_minimal_45_kg", False, "Pendonor belum memenuhi syarat. Berat badan pendonor paling "
         "sedikit 45 kg."),
        ("donor", "kelayakan.donor_terakhir", "kurang_2_bulan",
         "Pendonor belum memenuhi syarat. Jarak dari donor darah "
         "terakhir paling sedikit 2 bulan."),
        ("donor", "kelayakan.sehat", False, "Pendonor belum memenuhi syarat. Pendonor harus dalam keadaan sehat."),
        ("donor", "kelayakan.donor_terakhir", "lebih_3_bulan",
         "Pendonor belum memenuhi syarat. Jumlah donor tahun ini wajib "
         "diisi jika pernah donor."),
        ("donor", "nik", "3603281501600001", "Menurut NIK, umur pendonor pada hari donor tidak 17 sampai 60 tahun."),
        ("donor", "nik", "3603281513710003", "NIK pendonor tidak valid."),
        ("donor", "golongan_darah", "C",
         "golongan_darah harus salah satu dari: 'A', 'B', 'AB', 'O' atau 'belum_tahu'."),
        ("donor", "telepon", "0212345678", "telepon tidak sesuai bentuk yang diminta."),
        ("ak1", "nik", "3171284508710003",
         "Kartu AK/1 di sini hanya untuk warga Kabupaten Tangerang (NIK diawali 3603)."),
        ("ak1", "nik", "3603281513710003", "NIK tidak valid."),
        ("ak1", "nik", "360328450871000", "nik tidak sesuai bentuk yang diminta."),
        ("ak1", "dokumen_lengkap", False, "Dokumen belum lengkap: siapkan KTP, ijazah terakhir, dan pas foto 3×4."),
        ("ak1", "keterampilan", ["menjahit", "menjahit"], "Keterampilan yang sama tidak boleh dipilih dua kali."),
        ("ak1", "pendidikan", "SMA",
         "pendidikan harus salah satu dari: 'Tidak tamat SD', 'SD', 'SMP', 'SMA/SMK', 'D3' atau 'S1'."),
        ("ak1", "nama", "A", "nama terlalu pendek (paling sedikit 2 huruf)."),
        ("ak1", "alamat", "Jl. Raya", "alamat tidak dikenal."),
    ],
)
async def test_refusals_say_why_in_indonesian(client, kind, field, value, reason):
    path, body = next((form[1], form[2]) for form in FORMS if form[0] == kind)
    answer = await client.post(path, json=changed(body, field, value), headers=key())
    assert answer.status_code == 422
    assert answer.json()["detail"] == reason


async def test_burial_permit_fee_is_free_with_an_sktm(client):
    paid = (await client.post("/v1/simapan/izin-makam", json=IZIN_MAKAM, headers=key())).json()
    assert paid["retribusi"] == {"biaya": 100000, "masa_tahun": 3, "gratis": False,
         "keterangan": "Rp100.000 untuk 3 tahun."}
    assert paid["terbit_paling_lambat"] == "2026-12-02" and paid["hari_kerja"] == 3
    assert paid["tpu"] == {"id": "TPU-001", "nama": "TPU Tapos", "desa": "Tapos", "kecamatan": "Tigaraksa"}
    free = (await client.post("/v1/simapan/izin-makam", json={**IZIN_MAKAM, "sktm": True}, headers=key())).json()
    assert free["retribusi"]["biaya"] == 0 and free["retribusi"]["gratis"] is True
    assert ("Lapor ke pengelola TPU Tapos di Desa Tapos, Kecamatan Tigaraksa, paling lambat pukul 08.00 pada hari "
            "pemakaman (2 jam sebelumnya).") in free["catatan"]
    assert free["tanggal_makam"] == "2026-11-28" and free["jam_makam"] == "10:00:00"


async def test_five_donations_this_year_are_refused_and_the_session_is_echoed(client):
    body = changed(DONOR, "kelayakan", {**DONOR["kelayakan"], "donor_terakhir": "lebih_3_bulan",
         "lima_kali_tahun_ini": True})
    refused = await client.post("/v1/sidoni/pendaftaran", json=body, headers=key())
    assert refused.json()["detail"] == "Pendonor belum memenuhi syarat. Donor darah paling banyak 5 kali dalam setahun."
    answer = (await client.post("/v1/sidoni/pendaftaran", json=DONOR, headers=key())).json()
    assert answer["jadwal"]["lokasi"] == "Kantor Kecamatan Cikupa" and answer["jadwal"]["jam_selesai"] == "12:00:00"
    assert answer["bawa"][0] == "Bawa KTP." and answer["status"] == "Terdaftar"


async def test_ak1_answer_says_where_when_and_what_it_costs(client):
    answer = (await client.post("/v1/siap_kerja/ak1", json=AK1, headers=key())).json()
    assert answer["siap_diambil"] == "2026-12-02" and answer["hari_kerja"] == 3
    assert answer["biaya"] == 0 and answer["masa_berlaku_tahun"] == 2 and answer["bantuan_akun_siapkerja"] is True
    assert answer["tempat"].startswith("Kantor Dinas Ketenagakerjaan Kabupaten Tangerang")


async def test_ak1_takes_no_schooling_and_the_other_kinds_of_work(client):
    body = {**AK1, "pendidikan": "Tidak tamat SD", "keterampilan": ["pertanian", "bangunan", "kebersihan", "lainnya"]}
    answer = await client.post("/v1/siap_kerja/ak1", json=body, headers=key())
    assert answer.status_code == 201 and answer.json()["nomor"] == "AK1-2026-00001"


async def test_numbers_are_counted_per_kind(client):
    for _kind, path, body, _module, first in FORMS:
        assert (await client.post(path, json=body, headers=key())).json()["nomor"] == first


@pytest.mark.parametrize(("kind", "path", "body", "module", "first"), FORMS, ids=IDS)
async def test_the_kiosk_client_maps_the_answers(settings, mock, kind, path, body, module, first):
    api = GemilangApi(settings, transport=httpx.ASGITransport(app=mock))
    try:
        idempotency_key = str(uuid.uuid4())
        answer = await api.send(module.SUBMIT, body, idempotency_key=idempotency_key)
        assert answer.nomor == first
        assert (await api.send(module.SUBMIT, body, idempotency_key=idempotency_key)).nomor == first
        with pytest.raises(ApiRejected) as refused:
            await api.send(module.SUBMIT, changed(body, "dibantu_petugas", True), idempotency_key=idempotency_key)
        assert refused.value.status == 422
        model = next(cls for name, cls in vars(module).items() if name.endswith("Baru"))
        in_flight = str(uuid.uuid4())
        mock.state.submissions.begin(kind, in_flight, model.model_validate(body).model_dump(mode="json"))
        with pytest.raises(ApiConflict):
            await api.send(module.SUBMIT, body, idempotency_key=in_flight)
    finally:
        await api.aclose()


@pytest.mark.parametrize(("kind", "path", "body", "module", "first"), FORMS, ids=IDS)
def test_the_post_is_documented(mock, kind, path, body, module, first):
    operation = mock.openapi()["paths"][path]["post"]
    assert {"201", "200", "400", "409", "422"} <= set(operation["responses"])
    assert any(p["name"] == "Idempotency-Key" and p["in"] == "header" for p in operation["parameters"])
    assert module.SUBMIT.path == path and module.SUBMIT.method == "POST"
