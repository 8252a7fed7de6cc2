"""Sidoni donor registrations: `POST /v1/sidoni/pendaftaran` (idempotent) and their status,
`GET /v1/sidoni/pendaftaran/{nomor}` (DNR5-2026-00001, or its digits 5202600001), read from the mock's own records.

A registration names a session of `sidoni.json` (date, start time, kecamatan) that is not over, and carries the
answers to the eligibility questions; the rules are checked here again (DOMAIN.md: age 17–60, at least 45 kg, at
least 2 months since the last donation, at most 5 donations a year, healthy). The number is `DNR5-2026-00001`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request

from gemilang_tui.api.sidoni import Jadwal
from gemilang_tui.api.submit_donor import (
    STATUS_PENDAFTARAN,
    SUBMIT,
    Kelayakan,
    PendaftaranDonorBaru,
    PendaftaranDonorDiterima,
    StatusPendaftaranDonor,
)
from gemilang_tui.domain.nik import NikError, parse_nik
from gemilang_tui.domain.reference import DNR
from gemilang_tui.mockapi.app import today_of
from gemilang_tui.mockapi.fixtures import fixture
from gemilang_tui.mockapi.idempotent import (
    SubmissionRoute,
    ensure_store,
    submission_route,
)
from gemilang_tui.mockapi.routes.sidoni import SidoniData
from gemilang_tui.mockapi.submissions import SubmissionStore
from gemilang_tui.mockapi.submitted import history_of, submitted_or_404

router = APIRouter(tags=["sidoni"], route_class=SubmissionRoute)

KIND = "donor"
FIXTURE = "sidoni.json"
NEW_STATUS = "Terdaftar"
NOT_FOUND = "Nomor pendaftaran donor tidak ditemukan."
MIN_AGE, MAX_AGE = 17, 60
BAWA = [
    "Bawa KTP.",
    "Makan dulu sebelum donor.",
    "Tidur cukup pada malam sebelumnya.",
]


def setup(app: Any) -> None:
    ensure_store(app)


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def not_eligible(kelayakan: Kelayakan) -> str | None:
    """Why the answers rule the donor out, in plain Indonesian; None when they may donate."""
    if kelayakan.usia == "di_bawah_17":
        return f"Pendonor harus berumur paling sedikit {MIN_AGE} tahun."
    if kelayakan.usia == "di_atas_60":
        return f"Pendaftaran di anjungan hanya untuk umur {MIN_AGE} sampai {MAX_AGE} tahun."
    if not kelayakan.berat_minimal_45_kg:
        return "Berat badan pendonor paling sedikit 45 kg."
    if kelayakan.donor_terakhir == "kurang_2_bulan":
        return "Jarak dari donor darah terakhir paling sedikit 2 bulan."
    if not kelayakan.sehat:
        return "Pendonor harus dalam keadaan sehat."
    if kelayakan.donor_terakhir != "belum_pernah" and kelayakan.lima_kali_tahun_ini is None:
        return "Jumlah donor tahun ini wajib diisi jika pernah donor."
    if kelayakan.lima_kali_tahun_ini:
        return "Donor darah paling banyak 5 kali dalam setahun."
    return None


def session_of(daftar: PendaftaranDonorBaru, data: SidoniData) -> Jadwal | None:
    wanted = daftar.jadwal
    return next((s for s in data.jadwal if s.tanggal == wanted.tanggal and s.jam_mulai == wanted.jam_mulai
                 and s.kode_kecamatan == wanted.kode_kecamatan), None)


def problem_with(daftar: PendaftaranDonorBaru, data: SidoniData, today: date) -> str | None:
    """Why the registration cannot be accepted, in plain Indonesian; None when it can."""
    session = session_of(daftar, data)
    if session is None:
        return "Sesi donor itu tidak ada di jadwal. Pilih sesi dari jadwal."
    if session.tanggal < today:
        return "Sesi donor itu sudah lewat. Pilih sesi lain."
    reason = not_eligible(daftar.kelayakan)
    if reason:
        return "Pendonor belum memenuhi syarat. " + reason
    try:
        born = parse_nik(daftar.nik, today=today).birth_date
    except NikError:
        return "NIK pendonor tidak valid."
    if not MIN_AGE <= age_on(born, session.tanggal) <= MAX_AGE:
        return f"Menurut NIK, umur pendonor pada hari donor tidak {MIN_AGE} sampai {MAX_AGE} tahun."
    return None


def accept(store: SubmissionStore, daftar: PendaftaranDonorBaru, data: SidoniData, today: date) -> dict[str, Any]:
    session = session_of(daftar, data)
    assert session is not None  # checked by problem_with
    received = PendaftaranDonorDiterima(
        nomor=store.next_number(f"{KIND}:{today.year}", f"DNR5-{today.year}-{{n:05d}}", start=1),
        status=NEW_STATUS,
        dibuat=today,
        jadwal=session,
        golongan_darah=daftar.golongan_darah,
        bawa=BAWA,
    )
    return received.model_dump(mode="json")


submission_route(router, SUBMIT, KIND, PendaftaranDonorBaru, data=fixture(FIXTURE, SidoniData),
                 problem=problem_with, accept=accept,
                 doc="Register for a donor session. "
                 "Retrying with the same Idempotency-Key and body returns the same number.")


@router.get(STATUS_PENDAFTARAN.path, response_model=STATUS_PENDAFTARAN.model)
def status_pendaftaran(nomor: str, request: Request) -> StatusPendaftaranDonor:
    """A donor registration by its number (DNR5-2026-00001, or its 10 digits 5202600001): status and session."""
    found = submitted_or_404(request.app, KIND, nomor, DNR, NOT_FOUND)
    riwayat = history_of(found, "Pendaftaran diterima melalui anjungan.")
    return StatusPendaftaranDonor(
        nomor=found["nomor"],
        status=riwayat[-1].status,
        dibuat=found["dibuat"],
        jadwal=found["jadwal"],
        golongan_darah=found["golongan_darah"],
        bawa=found.get("bawa") or [],
        riwayat=riwayat,
        tahapan=[],
        dihitung_pada=today_of(request),
    )
