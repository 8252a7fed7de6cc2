"""Sipinter: the kinds of permit (GET /v1/sipinter/jenis-izin), where to apply (GET /v1/sipinter/tempat), and
GET /v1/sipinter/registrasi/{nomor}, a permit application's status, history and deadline.

Each permit type has a promise in working days (`sla_hari_kerja`). When its clock starts is this server's
configuration (`aturan.sla_dihitung_sejak` in sipinter.json): **(assumed)** "berkas_lengkap", as licensing offices
count "sejak berkas lengkap dan benar" — the day the application passes the document check; or "diajukan".
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import Field, model_validator

from gemilang_tui.api.model import ApiModel, Halaman
from gemilang_tui.api.sipinter import (
    JENIS_IZIN,
    STATUS_IZIN,
    TEMPAT,
    StatusIzin,
    TempatPengajuan,
)
from gemilang_tui.api.sipinter import JenisIzin as InfoIzin
from gemilang_tui.api.status import Riwayat, Tahap, first_entry, stage
from gemilang_tui.domain.reference import SPT, ReferenceNumberError, normalise_reference
from gemilang_tui.mockapi.app import today_of
from gemilang_tui.mockapi.fixtures import fixture
from gemilang_tui.mockapi.paging import PageNumber, PerPage, one_page, page_of

router = APIRouter(tags=["sipinter"])

#: The application has passed the document check once it reaches one of these.
DOCUMENTS_COMPLETE = {"Peninjauan Lapangan", "Penandatanganan", "Terbit"}
DONE = {"Terbit", "Ditolak"}
_SPACES = re.compile(r"\s+")


class AturanSipinter(ApiModel):
    sla_dihitung_sejak: Literal["berkas_lengkap", "diajukan"] = "berkas_lengkap"
    hari_libur: list[date] = Field(default_factory=list)


class JenisIzin(InfoIzin):
    """A kind of permit as sipinter.json holds it: what the kiosk shows of it (api/sipinter.py)."""


class Registrasi(ApiModel):
    nomor: str = Field(pattern=r"^SPT-\d{4}-\d{6}$")
    jenis_izin: str
    kode_jenis_izin: str
    pemohon: str
    diajukan: date
    status: str
    sla_hari_kerja: int = Field(ge=0)
    riwayat: list[Riwayat] = Field(min_length=1)

    @model_validator(mode="after")
    def _history_matches(self) -> Registrasi:
        if self.riwayat[-1].status != self.status:
            raise ValueError(f"registration {self.nomor}: the last riwayat entry must carry the current status")
        return self


class SipinterFixture(ApiModel):
    aturan: AturanSipinter = Field(default_factory=AturanSipinter)
    tempat: list[TempatPengajuan] = Field(default_factory=list)
    jenis_izin: list[JenisIzin]
    registrasi: list[Registrasi]

    @model_validator(mode="after")
    def _known_types(self) -> SipinterFixture:
        kinds = {kind.kode for kind in self.jenis_izin}
        numbers: set[str] = set()
        for item in self.registrasi:
            if item.kode_jenis_izin not in kinds:
                raise ValueError(f"registration {item.nomor}: unknown kode_jenis_izin {item.kode_jenis_izin}")
            if item.nomor in numbers:
                raise ValueError(f"registration {item.nomor} appears twice")
            numbers.add(item.nomor)
        return self


FIXTURES = {"sipinter.json": SipinterFixture}


Data = Annotated[SipinterFixture, Depends(fixture("sipinter.json", SipinterFixture))]


def stages(item: Registrasi, rule: AturanSipinter, today: date) -> list[Tahap]:
    if rule.sla_dihitung_sejak == "diajukan":
        start: date | None = item.diajukan
    else:
        complete = first_entry(item.riwayat, DOCUMENTS_COMPLETE)
        start = complete.tanggal if complete else None
    done = first_entry(item.riwayat, DONE, after=start) if start else None
    if start is None and item.status in DONE:
        return []  # refused at the document check: the promise never started
    return [stage("penyelesaian", item.sla_hari_kerja, start, done.tanggal if done else None, today,
                  frozenset(rule.hari_libur))]


@router.get(JENIS_IZIN.path, response_model=JENIS_IZIN.model)
def jenis_izin(data: Data, page: PageNumber = 1,
               per_page: PerPage = 50) -> Halaman[Any]:
    """The kinds of permit: what each is for, its requirements, where it is applied for, its usual working days."""
    items = [InfoIzin.model_validate(kind.model_dump()) for kind in data.jenis_izin]
    return page_of(items, page, per_page)


@router.get(TEMPAT.path, response_model=TEMPAT.model)
def tempat(data: Data) -> Halaman[Any]:
    """Where to apply: the DPMPTSP counter at the Mal Pelayanan Publik, the DPMPTSP office, online."""
    items = data.tempat
    return one_page(items)


@router.get(STATUS_IZIN.path, response_model=STATUS_IZIN.model)
def status_izin(nomor: str, request: Request, data: Data) -> StatusIzin:
    """A permit application by its registration number (SPT-2026-000123, or its 10 digits 2026000123)."""
    try:
        reference = normalise_reference(_SPACES.sub("", nomor), SPT)
    except ReferenceNumberError:
        raise HTTPException(404, detail="Nomor registrasi tidak ditemukan") from None
    item = next((entry for entry in data.registrasi if entry.nomor == reference), None)
    if item is None:
        raise HTTPException(404, detail="Nomor registrasi tidak ditemukan")
    kind = next(kind for kind in data.jenis_izin if kind.kode == item.kode_jenis_izin)
    today = today_of(request)
    return StatusIzin(
        nomor=item.nomor,
        jenis_izin=item.jenis_izin,
        jenis_izin_en=kind.nama_en,
        pemohon=item.pemohon,
        diajukan=item.diajukan,
        status=item.status,
        riwayat=sorted(item.riwayat, key=lambda event: event.tanggal),
        tahapan=stages(item, data.aturan, today),
        dihitung_pada=today,
    )
