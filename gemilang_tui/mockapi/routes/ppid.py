"""PPID: GET /v1/ppid/informasi (the daftar informasi publik by kind, paged) and GET /v1/ppid/permohonan/{nomor}.

An information request is answered within 10 working days, extendable once by 7 (UU 14/2008 art. 22); both are
this server's configuration (`aturan` in ppid.json). Deadlines skip Saturdays, Sundays and `hari_libur`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import Field, model_validator

from gemilang_tui.api.model import ApiModel, Halaman
from gemilang_tui.api.ppid import (
    DAFTAR_INFORMASI,
    STATUS_PERMOHONAN,
    InformasiPublik,
    KategoriInformasi,
    StatusPermohonanInformasi,
)
from gemilang_tui.api.status import Riwayat, first_entry, stage
from gemilang_tui.domain.reference import PPID
from gemilang_tui.mockapi.app import today_of
from gemilang_tui.mockapi.fixtures import fixture
from gemilang_tui.mockapi.paging import PageNumber, PerPage, page_of
from gemilang_tui.mockapi.submitted import record_or_404

router = APIRouter(tags=["ppid"])

ANSWERED = {"Selesai", "Ditolak"}
_SPACES = re.compile(r"\s+")


class AturanPpid(ApiModel):
    jawaban_hari_kerja: int = Field(ge=0)
    perpanjangan_hari_kerja: int = Field(ge=0)
    hari_libur: list[date] = Field(default_factory=list)


class PermohonanInformasi(ApiModel):
    nomor: str = Field(pattern=r"^PPID-\d{4}-\d{4}$")
    tanggal: date
    status: str
    rincian: str
    dinas_tujuan: str
    diperpanjang: bool = False
    riwayat: list[Riwayat] = Field(min_length=1)

    @model_validator(mode="after")
    def _history_matches(self) -> PermohonanInformasi:
        if self.riwayat[-1].status != self.status:
            raise ValueError(f"request {self.nomor}: the last riwayat entry must carry the current status")
        return self


class PpidFixture(ApiModel):
    """ppid.json; the request form (another route) adds its own keys."""

    aturan: AturanPpid
    informasi: list[InformasiPublik]
    permohonan: list[PermohonanInformasi]

    @model_validator(mode="after")
    def _unique(self) -> PpidFixture:
        for name, keys in (("informasi", [i.id for i in self.informasi]),
                           ("permohonan", [p.nomor for p in self.permohonan])):
            if len(keys) != len(set(keys)):
                raise ValueError(f"an id in {name} appears twice")
        return self


FIXTURES = {"ppid.json": PpidFixture}


Data = Annotated[PpidFixture, Depends(fixture("ppid.json", PpidFixture))]


@router.get(DAFTAR_INFORMASI.path, response_model=DAFTAR_INFORMASI.model, response_model_exclude_none=True)
def daftar_informasi(
    data: Data,
    kategori: Annotated[KategoriInformasi | None, Query(description="berkala, serta_merta or setiap_saat")] = None,
    page: PageNumber = 1,
    per_page: PerPage = 20,
) -> Halaman[Any]:
    """The daftar informasi publik, newest year first, optionally of one kind."""
    items = [item for item in data.informasi if kategori is None or item.kategori == kategori]
    items.sort(key=lambda item: -item.tahun)  # stable: the fixture's order within a year
    return page_of(items, page, per_page)


def status_of(item: PermohonanInformasi, rule: AturanPpid, today: date) -> StatusPermohonanInformasi:
    answered = first_entry(item.riwayat, ANSWERED)
    extension = rule.perpanjangan_hari_kerja if item.diperpanjang else 0
    return StatusPermohonanInformasi(
        nomor=item.nomor,
        tanggal=item.tanggal,
        status=item.status,
        rincian=item.rincian,
        dinas_tujuan=item.dinas_tujuan,
        diperpanjang=item.diperpanjang,
        riwayat=sorted(item.riwayat, key=lambda event: event.tanggal),
        tahapan=[stage("jawaban", rule.jawaban_hari_kerja, item.tanggal, answered.tanggal if answered else None,
                       today, frozenset(rule.hari_libur), tambahan=extension)],
        dihitung_pada=today,
    )


@router.get(STATUS_PERMOHONAN.path, response_model=STATUS_PERMOHONAN.model)
def status_permohonan(nomor: str, request: Request, data: Data) -> StatusPermohonanInformasi:
    """An information request by its number (PPID-2026-0042, or its 8 digits 20260042), old or new."""
    item = record_or_404(request.app, "ppid", nomor, PPID, "Nomor permohonan tidak ditemukan", data.permohonan,
                         PermohonanInformasi.model_validate)
    return status_of(item, data.aturan, today_of(request))
