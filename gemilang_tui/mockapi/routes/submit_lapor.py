"""SP4N LAPOR! submissions: the complaint form's categories and `POST /v1/lapor/laporan` (idempotent).

A new report gets the next 7-digit ticket number (2611002, 2611003… from `SubmissionStore.next_number`), skipping
the numbers the fixture's existing tickets already use. The categories and tickets are read from lapor.json as
it is (the status routes in `lapor.py` validate that file with their own model).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from pydantic import ConfigDict, Field

from gemilang_tui.api.model import ApiModel, Halaman
from gemilang_tui.api.status import Riwayat
from gemilang_tui.api.submit_lapor import JENIS, KATEGORI_LAPOR, SUBMIT, KategoriLaporan, LaporanBaru, LaporanDiterima
from gemilang_tui.domain.nik import NikError, parse_nik
from gemilang_tui.domain.regions import region
from gemilang_tui.mockapi.idempotent import (
    SubmissionRoute,
    ensure_store,
    submission_route,
)
from gemilang_tui.mockapi.paging import PageNumber, PerPage, page_of
from gemilang_tui.mockapi.submissions import SubmissionStore

router = APIRouter(tags=["lapor"], route_class=SubmissionRoute)

KIND = "lapor"
FIXTURE = "lapor.json"
NEW_STATUS = "Belum Terverifikasi"


class _Ticket(ApiModel):
    model_config = ConfigDict(extra="ignore")
    nomor: str


class LaporForm(ApiModel):
    """The parts of lapor.json the complaint form needs."""

    model_config = ConfigDict(extra="ignore")
    kategori: list[KategoriLaporan] = Field(min_length=1)
    tiket: list[_Ticket] = Field(default_factory=list)

    def category(self, kode: str) -> KategoriLaporan | None:
        return next((item for item in self.kategori if item.kode == kode), None)

    @property
    def taken(self) -> frozenset[str]:
        return frozenset(ticket.nomor for ticket in self.tiket)


def _read_form(app: Any) -> LaporForm:
    return app.state.fixtures.load(FIXTURE, LaporForm)


def setup(app: Any) -> None:
    ensure_store(app)
    app.state.lapor_form = _read_form(app)


def _form(request: Request) -> LaporForm:
    return request.app.state.lapor_form


@router.get(KATEGORI_LAPOR.path, response_model=KATEGORI_LAPOR.model)
def kategori(request: Request, page: PageNumber = 1, per_page: PerPage = 50) -> Halaman[Any]:
    """The categories of a report, each with its common problems (chosen by number at the kiosk)."""
    items = _form(request).kategori
    return page_of(items, page, per_page)


def problem_with(laporan: LaporanBaru, form: LaporForm, today: date) -> str | None:
    """Why the report cannot be accepted, in plain Indonesian; None when it can."""
    if laporan.tanggal_kejadian > today:
        return "Tanggal kejadian tidak boleh setelah hari ini."
    category = form.category(laporan.kode_kategori)
    if category is None:
        return "Kategori laporan tidak dikenal."
    if laporan.kode_masalah is not None and all(m.kode != laporan.kode_masalah for m in category.masalah):
        return "Masalah yang dipilih bukan bagian dari kategori ini."
    kecamatan = region(laporan.lokasi.kode_kecamatan)
    if kecamatan is None or kecamatan.jenis != "kecamatan":
        return "Kecamatan tidak dikenal di Kabupaten Tangerang."
    desa = region(laporan.lokasi.kode_desa)
    if desa is None or desa.kode_kecamatan != kecamatan.kode:
        return f"Desa atau kelurahan itu tidak ada di Kecamatan {kecamatan.nama}."
    if laporan.pelapor.nik is None and not laporan.anonim:
        return "NIK pelapor wajib diisi jika laporan tidak anonim."
    if laporan.pelapor.nik is not None:
        try:
            parse_nik(laporan.pelapor.nik, today=today)
        except NikError:
            return "NIK pelapor tidak valid."
    return None


def next_ticket(store: SubmissionStore, taken: frozenset[str]) -> str:
    """The next 7-digit ticket number that no existing ticket uses."""
    for _ in range(10_000):
        number = store.next_number(KIND)
        if number not in taken:
            return number
    raise RuntimeError("no free LAPOR! ticket number")  # pragma: no cover


def accept(store: SubmissionStore, laporan: LaporanBaru, form: LaporForm, today: date) -> dict[str, Any]:
    category = form.category(laporan.kode_kategori)
    assert category is not None  # checked by problem_with
    received = LaporanDiterima(
        nomor=next_ticket(store, form.taken),
        judul=laporan.judul,
        jenis=JENIS[laporan.kode_jenis],
        kategori=category.nama,
        kode_kategori=category.kode,
        kode_masalah=laporan.kode_masalah,
        status=NEW_STATUS,
        instansi=None,
        dibuat=today,
        tanggal_kejadian=laporan.tanggal_kejadian,
        lokasi=laporan.lokasi,
        anonim=laporan.anonim,
        rahasia=laporan.rahasia,
        riwayat=[Riwayat(tanggal=today, status=NEW_STATUS, keterangan="Laporan diterima melalui anjungan.")],
    )
    return received.model_dump(mode="json")


submission_route(router, SUBMIT, KIND, LaporanBaru, data=_form, problem=problem_with, accept=accept,
                 doc="A new report. "
                 "Send an Idempotency-Key: retrying with the same key and body returns the same ticket.")
