"""Layanan Mandiri letter requests: the kinds of letter (`GET /v1/layanan_mandiri/jenis_surat`) and
`POST /v1/layanan_mandiri/permohonan` (idempotent).

A new request gets the next number of the year after the highest in layanan_mandiri.json (LM-2026-00083 exists,
so the first new one is LM-2026-00084), status "Diajukan", to be collected at the office of the desa or
kelurahan asked, ready within the kind's `lama_hari_kerja`. The status route (`layanan_mandiri.py`) finds it
through `mockapi/submitted.py`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from pydantic import ConfigDict, Field

from gemilang_tui.api.model import ApiModel, Halaman
from gemilang_tui.api.status import Riwayat
from gemilang_tui.api.submit_layanan_mandiri import (
    JENIS_SURAT,
    SUBMIT,
    JenisSurat,
    PermohonanSuratBaru,
    PermohonanSuratDiterima,
)
from gemilang_tui.domain.nik import NikError, parse_nik
from gemilang_tui.domain.regions import region
from gemilang_tui.domain.workdays import add_working_days
from gemilang_tui.mockapi.idempotent import (
    SubmissionRoute,
    ensure_store,
    submission_route,
)
from gemilang_tui.mockapi.paging import PageNumber, PerPage, page_of
from gemilang_tui.mockapi.submissions import SubmissionStore
from gemilang_tui.mockapi.submitted import next_reference

router = APIRouter(tags=["layanan_mandiri"], route_class=SubmissionRoute)

KIND = "layanan_mandiri"
FIXTURE = "layanan_mandiri.json"
NEW_STATUS = "Diajukan"


class _Rules(ApiModel):
    model_config = ConfigDict(extra="ignore")
    hari_libur: list[date] = Field(default_factory=list)


class _Request(ApiModel):
    model_config = ConfigDict(extra="ignore")
    nomor: str


class LetterForm(ApiModel):
    """The parts of layanan_mandiri.json the request form needs (the status route validates the rest)."""

    model_config = ConfigDict(extra="ignore")
    aturan: _Rules = Field(default_factory=_Rules)
    jenis_surat: list[JenisSurat] = Field(min_length=1)
    permohonan: list[_Request] = Field(default_factory=list)

    def kind(self, kode: str) -> JenisSurat | None:
        return next((item for item in self.jenis_surat if item.kode == kode), None)

    @property
    def taken(self) -> frozenset[str]:
        return frozenset(item.nomor for item in self.permohonan)


def _read_form(app: Any) -> LetterForm:
    return app.state.fixtures.load(FIXTURE, LetterForm)


def setup(app: Any) -> None:
    ensure_store(app)
    app.state.letter_form = _read_form(app)


def _form(request: Request) -> LetterForm:
    return request.app.state.letter_form


@router.get(JENIS_SURAT.path, response_model=JENIS_SURAT.model)
def jenis_surat(request: Request, page: PageNumber = 1,
                per_page: PerPage = 50) -> Halaman[Any]:
    """The kinds of letter: requirements, working days, fee, and the purposes offered by number."""
    items = _form(request).jenis_surat
    return page_of(items, page, per_page)


def office_of(kode_desa: str, desa: str) -> str:
    """`Kantor Desa Tapos` or `Kantor Kelurahan Binong`."""
    found = region(kode_desa)
    kind = "Kelurahan" if found is not None and found.jenis == "kelurahan" else "Desa"
    return f"Kantor {kind} {desa}"


def problem_with(permohonan: PermohonanSuratBaru, form: LetterForm, today: date) -> str | None:
    """Why the request cannot be accepted, in plain Indonesian; None when it can."""
    kind = form.kind(permohonan.kode_jenis)
    if kind is None:
        return "Jenis surat tidak dikenal."
    if permohonan.kode_keperluan is not None and all(p.kode != permohonan.kode_keperluan for p in kind.pilihan):
        return "Keperluan yang dipilih bukan pilihan untuk surat ini."
    if not permohonan.syarat_lengkap:
        return "Persyaratan harus lengkap sebelum permohonan diajukan."
    kecamatan = region(permohonan.desa.kode_kecamatan)
    if kecamatan is None or kecamatan.jenis != "kecamatan":
        return "Kecamatan tidak dikenal di Kabupaten Tangerang."
    desa = region(permohonan.desa.kode_desa)
    if desa is None or desa.kode_kecamatan != kecamatan.kode:
        return f"Desa atau kelurahan itu tidak ada di Kecamatan {kecamatan.nama}."
    try:
        parse_nik(permohonan.pemohon.nik, today=today)
    except NikError:
        return "NIK pemohon tidak valid."
    return None


def accept(store: SubmissionStore, permohonan: PermohonanSuratBaru, form: LetterForm, today: date) -> dict[str, Any]:
    kind = form.kind(permohonan.kode_jenis)
    assert kind is not None  # checked by problem_with
    where = permohonan.desa
    office = office_of(where.kode_desa, where.desa)
    received = PermohonanSuratDiterima(
        nomor=next_reference(store, KIND, "LM", 5, today, form.taken),
        kode_jenis=kind.kode,
        jenis_surat=kind.nama,
        jenis_surat_en=kind.nama_en,
        status=NEW_STATUS,
        kode_desa=where.kode_desa,
        desa=where.desa,
        kode_kecamatan=where.kode_kecamatan,
        kecamatan=where.kecamatan,
        tempat_ambil=office,
        keperluan=permohonan.keperluan,
        diajukan=today,
        lama_hari_kerja=kind.lama_hari_kerja,
        siap_paling_lambat=add_working_days(today, kind.lama_hari_kerja, frozenset(form.aturan.hari_libur)),
        biaya=kind.biaya,
        riwayat=[Riwayat(tanggal=today, status=NEW_STATUS,
                         keterangan="Permohonan diterima melalui anjungan dan menunggu verifikasi petugas.")],
    )
    return received.model_dump(mode="json")


submission_route(router, SUBMIT, KIND, PermohonanSuratBaru, data=_form, problem=problem_with, accept=accept,
                 doc="A new letter request. "
                 "Send an Idempotency-Key: the same key and body return the same number.")
