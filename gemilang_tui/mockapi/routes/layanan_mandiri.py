"""Layanan Mandiri: GET /v1/layanan_mandiri/permohonan/{nomor}, a letter request's status, history and deadline.

Each kind of letter has its promise in working days (`lama_hari_kerja` in layanan_mandiri.json), counted from the
day the request was made; **(assumed)** the letter counts as done once it is ready to collect.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import Field, model_validator

from gemilang_tui.api.layanan_mandiri import STATUS_SURAT, StatusSurat
from gemilang_tui.api.model import ApiModel
from gemilang_tui.api.status import Riwayat, first_entry, stage
from gemilang_tui.domain.reference import LM
from gemilang_tui.mockapi.app import today_of
from gemilang_tui.mockapi.fixtures import fixture
from gemilang_tui.mockapi.submitted import record_or_404

router = APIRouter(tags=["layanan_mandiri"])

DONE = {"Siap diambil", "Selesai", "Ditolak"}
_SPACES = re.compile(r"\s+")


class AturanLayananMandiri(ApiModel):
    hari_libur: list[date] = Field(default_factory=list)


class JenisSurat(ApiModel):
    kode: str
    nama: str
    nama_en: str | None = None
    lama_hari_kerja: int = Field(ge=0)


class PermohonanSurat(ApiModel):
    nomor: str = Field(pattern=r"^LM-\d{4}-\d{5}$")
    jenis: str
    status: str
    desa: str
    kecamatan: str
    tempat_ambil: str
    diajukan: date
    riwayat: list[Riwayat] = Field(min_length=1)

    @model_validator(mode="after")
    def _history_matches(self) -> PermohonanSurat:
        if self.riwayat[-1].status != self.status:
            raise ValueError(f"request {self.nomor}: the last riwayat entry must carry the current status")
        return self


class LayananMandiriFixture(ApiModel):
    """layanan_mandiri.json; the keys the request form reads (jenis_surat, status) stay as they are."""

    aturan: AturanLayananMandiri = Field(default_factory=AturanLayananMandiri)
    jenis_surat: list[JenisSurat]
    permohonan: list[PermohonanSurat]

    @model_validator(mode="after")
    def _known_kinds(self) -> LayananMandiriFixture:
        kinds = {kind.kode for kind in self.jenis_surat}
        numbers: set[str] = set()
        for item in self.permohonan:
            if item.jenis not in kinds:
                raise ValueError(f"request {item.nomor}: unknown jenis {item.jenis}")
            if item.nomor in numbers:
                raise ValueError(f"request {item.nomor} appears twice")
            numbers.add(item.nomor)
        return self


FIXTURES = {"layanan_mandiri.json": LayananMandiriFixture}


Data = Annotated[LayananMandiriFixture, Depends(fixture("layanan_mandiri.json", LayananMandiriFixture))]


@router.get(STATUS_SURAT.path, response_model=STATUS_SURAT.model)
def status_surat(nomor: str, request: Request, data: Data) -> StatusSurat:
    """A letter request by its number (LM-2026-00077, or its 9 digits 202600077), old or new."""
    item = record_or_404(request.app, "layanan_mandiri", nomor, LM, "Nomor permohonan tidak ditemukan",
                         data.permohonan, _from_store)
    kind = next(kind for kind in data.jenis_surat if kind.kode == item.jenis)
    today = today_of(request)
    done = first_entry(item.riwayat, DONE)
    return StatusSurat(
        nomor=item.nomor,
        jenis_surat=kind.nama,
        jenis_surat_en=kind.nama_en,
        status=item.status,
        desa=item.desa,
        kecamatan=item.kecamatan,
        tempat_ambil=item.tempat_ambil,
        diajukan=item.diajukan,
        riwayat=sorted(item.riwayat, key=lambda event: event.tanggal),
        tahapan=[stage("penyelesaian", kind.lama_hari_kerja, item.diajukan, done.tanggal if done else None,
                       today, frozenset(data.aturan.hari_libur))],
        dihitung_pada=today,
    )


def _from_store(found: dict[str, Any]) -> PermohonanSurat:
    """A request made through `POST /v1/layanan_mandiri/permohonan` (submit_layanan_mandiri.py)."""
    return PermohonanSurat.model_validate({**found, "jenis": found["kode_jenis"]})
