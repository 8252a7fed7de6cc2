"""SIMAPAN burial permit applications: `POST /v1/simapan/izin-makam` (idempotent) and their status,
`GET /v1/simapan/izin-makam/{nomor}` (IZM4-2026-00001, or its digits 4202600001), read from the mock's own records.

A new application gets the next number of the year, `IZM4-2026-00001`, from `SubmissionStore.next_number` (the year
is the mock's today, so `GEMILANG_TODAY` pins it too). The TPU and the fee are read from `simapan.json`, the same
data the information routes of `simapan.py` serve. Policy of the mock (assumed, not from a public source): the
permit letter is issued within `HARI_KERJA_TERBIT` working days.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from babel.numbers import format_decimal
from fastapi import APIRouter, Request

from gemilang_tui.api.submit_izin_makam import (
    DOKUMEN,
    STATUS_IZIN_MAKAM,
    SUBMIT,
    IzinMakamBaru,
    IzinMakamDiterima,
    StatusIzinMakam,
)
from gemilang_tui.domain import regions
from gemilang_tui.domain.nik import NikError, parse_nik
from gemilang_tui.domain.reference import IZM
from gemilang_tui.domain.workdays import add_working_days
from gemilang_tui.mockapi.fixtures import fixture
from gemilang_tui.mockapi.idempotent import (
    SubmissionRoute,
    ensure_store,
    submission_route,
)
from gemilang_tui.mockapi.routes.simapan import SimapanData
from gemilang_tui.mockapi.submissions import SubmissionStore
from gemilang_tui.mockapi.submitted import progress_of

router = APIRouter(tags=["simapan"], route_class=SubmissionRoute)

KIND = "izin_makam"
FIXTURE = "simapan.json"
NEW_STATUS = "Diajukan"
DONE = {"Terbit", "Ditolak"}
NOT_FOUND = "Nomor izin makam tidak ditemukan."
HARI_KERJA_TERBIT = 3  # (assumed) working days until the permit letter is issued
LAPOR_SEBELUM = ("Lapor ke pengelola {tpu} di {jenis} {desa}, Kecamatan {kecamatan}, paling lambat pukul {jam} "
                 "pada hari pemakaman (2 jam sebelumnya).")


def setup(app: Any) -> None:
    ensure_store(app)


def problem_with(izin: IzinMakamBaru, data: SimapanData, today: date) -> str | None:
    """Why the application cannot be accepted, in plain Indonesian; None when it can."""
    almarhum, penanggung_jawab = izin.almarhum, izin.penanggung_jawab
    if almarhum.tanggal_wafat > today:
        return "Tanggal wafat tidak boleh setelah hari ini."
    if izin.tanggal_makam < today:  # and so not before the death, which is not after today
        return "Tanggal pemakaman tidak boleh sebelum hari ini."
    if almarhum.nik is not None:
        try:
            lahir = parse_nik(almarhum.nik, today=today).birth_date
        except NikError:
            return "NIK almarhum tidak valid."
        if almarhum.tanggal_wafat < lahir:
            return "Tanggal wafat tidak boleh sebelum tanggal lahir almarhum."
    try:
        parse_nik(penanggung_jawab.nik, today=today)
    except NikError:
        return "NIK penanggung jawab tidak valid."
    if almarhum.nik is not None and almarhum.nik == penanggung_jawab.nik:
        return "NIK penanggung jawab tidak boleh sama dengan NIK almarhum."
    tpu = next((row for row in data.tpu if row.id == izin.kode_tpu), None)
    if tpu is None:
        return "TPU tidak dikenal. Pilih TPU dari daftar."
    if tpu.petak_tersedia <= 0:
        return f"{tpu.nama} tidak punya petak kosong lagi. Pilih TPU lain."
    missing = [nama for code, (nama, _en) in DOKUMEN.items() if code not in izin.dokumen]
    if missing:
        return "Dokumen belum lengkap: " + ", ".join(missing) + "."
    return None


def jenis_desa(kode_desa: str) -> str:
    found = regions.region(kode_desa)
    return "Kelurahan" if found is not None and found.jenis == "kelurahan" else "Desa"


def lapor_paling_lambat(jam: time) -> str:
    """2 hours before the burial, `08.00` (a burial before 02.00: midnight)."""
    minutes = max(0, jam.hour * 60 + jam.minute - 120)
    return f"{minutes // 60:02d}.{minutes % 60:02d}"


def accept(store: SubmissionStore, izin: IzinMakamBaru, data: SimapanData, today: date) -> dict[str, Any]:
    tpu = next(row for row in data.tpu if row.id == izin.kode_tpu)
    fee = data.retribusi
    free = izin.sktm and fee.gratis_dengan_sktm
    if free:
        keterangan = "Gratis dengan SKTM."
    else:
        keterangan = f"Rp{format_decimal(fee.biaya, locale='id_ID')} untuk {fee.masa_tahun} tahun."
    number = store.next_number(f"{KIND}:{today.year}", f"IZM4-{today.year}-{{n:05d}}", start=1)
    received = IzinMakamDiterima(
        nomor=number,
        status=NEW_STATUS,
        dibuat=today,
        tanggal_wafat=izin.almarhum.tanggal_wafat,
        tanggal_makam=izin.tanggal_makam,
        jam_makam=izin.jam_makam,
        tpu={"id": tpu.id, "nama": tpu.nama, "desa": tpu.desa, "kecamatan": tpu.kecamatan},
        retribusi={"biaya": 0 if free else fee.biaya, "masa_tahun": fee.masa_tahun, "gratis": free,
                   "keterangan": keterangan},
        hari_kerja=HARI_KERJA_TERBIT,
        terbit_paling_lambat=add_working_days(today, HARI_KERJA_TERBIT),
        catatan=[
            LAPOR_SEBELUM.format(tpu=tpu.nama, jenis=jenis_desa(tpu.kode_desa), desa=tpu.desa, kecamatan=tpu.kecamatan,
                                 jam=lapor_paling_lambat(izin.jam_makam)),
            "Bawa dokumen asli saat mengambil surat izin.",
        ],
    )
    return received.model_dump(mode="json")


submission_route(router, SUBMIT, KIND, IzinMakamBaru, data=fixture(FIXTURE, SimapanData),
                 problem=problem_with, accept=accept,
                 doc="A new burial permit application. "
                 "Retrying with the same Idempotency-Key and body returns the same number.")


@router.get(STATUS_IZIN_MAKAM.path, response_model=STATUS_IZIN_MAKAM.model)
def status_izin_makam(nomor: str, request: Request) -> StatusIzinMakam:
    """A burial permit application by its number (IZM4-2026-00001, or its 10 digits 4202600001): status, deadline."""
    found, shared = progress_of(request, KIND, nomor, IZM, NOT_FOUND, "penerbitan", DONE)
    return StatusIzinMakam(
        **shared,
        tpu=found["tpu"],
        retribusi=found["retribusi"],
        catatan=found.get("catatan") or [],
    )
