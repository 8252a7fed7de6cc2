"""Siap Kerja job seeker's card (Kartu AK/1) applications: `POST /v1/siap_kerja/ak1` (idempotent) and their status,
`GET /v1/siap_kerja/ak1/{nomor}` (AK1-2026-00001, or its digits 1202600001), read from the mock's own records.

Only for Kabupaten Tangerang NIKs (3603…): the card is made where the job seeker's KTP is. The place, the fee and
how long the card is valid come from `siap_kerja.json` (`ak1`). Policy of the mock (assumed): the card can be
collected `HARI_KERJA_SIAP` working days after the application. The number is `AK1-2026-00001`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request

from gemilang_tui.api.submit_ak1 import STATUS_AK1, SUBMIT, PermohonanAk1Baru, PermohonanAk1Diterima, StatusAk1
from gemilang_tui.domain.nik import TANGERANG_PREFIX, NikError, parse_nik
from gemilang_tui.domain.reference import AK1
from gemilang_tui.domain.workdays import add_working_days
from gemilang_tui.mockapi.fixtures import fixture
from gemilang_tui.mockapi.idempotent import (
    SubmissionRoute,
    ensure_store,
    submission_route,
)
from gemilang_tui.mockapi.routes.siap_kerja import SiapKerjaData
from gemilang_tui.mockapi.submissions import SubmissionStore
from gemilang_tui.mockapi.submitted import progress_of

router = APIRouter(tags=["siap_kerja"], route_class=SubmissionRoute)

KIND = "ak1"
FIXTURE = "siap_kerja.json"
NEW_STATUS = "Diajukan"
DONE = {"Siap diambil", "Selesai", "Ditolak"}
NOT_FOUND = "Nomor permohonan kartu AK/1 tidak ditemukan."
HARI_KERJA_SIAP = 3  # (assumed) working days until the card can be collected


def setup(app: Any) -> None:
    ensure_store(app)


def problem_with(permohonan: PermohonanAk1Baru, data: SiapKerjaData, today: date) -> str | None:
    """Why the application cannot be accepted, in plain Indonesian; None when it can."""
    try:
        parse_nik(permohonan.nik, today=today)
    except NikError:
        return "NIK tidak valid."
    if not permohonan.nik.startswith(TANGERANG_PREFIX):
        return "Kartu AK/1 di sini hanya untuk warga Kabupaten Tangerang (NIK diawali 3603)."
    if not permohonan.dokumen_lengkap:
        return "Dokumen belum lengkap: siapkan KTP, ijazah terakhir, dan pas foto 3×4."
    if len(set(permohonan.keterampilan)) != len(permohonan.keterampilan):
        return "Keterampilan yang sama tidak boleh dipilih dua kali."
    return None


def accept(store: SubmissionStore, permohonan: PermohonanAk1Baru, data: SiapKerjaData,
           today: date) -> dict[str, Any]:
    card = data.ak1
    received = PermohonanAk1Diterima(
        nomor=store.next_number(f"{KIND}:{today.year}", f"AK1-{today.year}-{{n:05d}}", start=1),
        status=NEW_STATUS,
        dibuat=today,
        hari_kerja=HARI_KERJA_SIAP,
        siap_diambil=add_working_days(today, HARI_KERJA_SIAP),
        tempat=card.tempat,
        biaya=card.biaya,
        masa_berlaku_tahun=card.masa_berlaku_tahun,
        bantuan_akun_siapkerja=not permohonan.akun_siapkerja,
    )
    return received.model_dump(mode="json")


submission_route(router, SUBMIT, KIND, PermohonanAk1Baru, data=fixture(FIXTURE, SiapKerjaData),
                 problem=problem_with, accept=accept,
                 doc="Apply for the AK/1 card. "
                 "Retrying with the same Idempotency-Key and body returns the same number.")


@router.get(STATUS_AK1.path, response_model=STATUS_AK1.model)
def status_ak1(nomor: str, request: Request) -> StatusAk1:
    """An AK/1 application by its number (AK1-2026-00001, or its 10 digits 1202600001): status and deadline."""
    found, shared = progress_of(request, KIND, nomor, AK1, NOT_FOUND, "penyelesaian", DONE)
    return StatusAk1(
        **shared,
        tempat=found["tempat"],
        siap_diambil=found["siap_diambil"],
        biaya=found["biaya"],
        masa_berlaku_tahun=found["masa_berlaku_tahun"],
    )
