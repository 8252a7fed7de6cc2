"""SIMAPAN: kecamatan that have a TPU, the TPU of a kecamatan, one TPU, the burial permit (`simapan.json`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import model_validator

from gemilang_tui.api.model import ApiModel
from gemilang_tui.api.simapan import (
    DaftarKecamatanTpu,
    DaftarTpu,
    IzinMakam,
    KecamatanTpu,
    Retribusi,
    TeksIzinMakam,
    Tpu,
)

Page = Annotated[int, Query(ge=1)]
PerPage = Annotated[int, Query(ge=1, le=100)]
router = APIRouter(tags=["simapan"])


class SimapanData(ApiModel):
    tpu: list[Tpu]
    syarat_izin: list[TeksIzinMakam]
    retribusi: Retribusi

    @model_validator(mode="after")
    def _plots_add_up(self) -> SimapanData:
        for tpu in self.tpu:
            if tpu.petak_total - tpu.petak_terisi != tpu.petak_tersedia:
                raise ValueError(f"{tpu.id}: petak_tersedia is not petak_total - petak_terisi")
        if len({tpu.id for tpu in self.tpu}) != len(self.tpu):
            raise ValueError("two TPU share an id")
        return self


FIXTURES = {"simapan.json": SimapanData}


def _data(request: Request) -> SimapanData:
    return request.app.state.fixtures.load("simapan.json", SimapanData)


@router.get("/v1/simapan/kecamatan", response_model=DaftarKecamatanTpu)
def kecamatan(
    request: Request,
    page: Page = 1,
    per_page: PerPage = 20,
) -> DaftarKecamatanTpu:
    """Only the kecamatan that have a TPU, by name, with how many TPU and free plots."""
    found: dict[str, KecamatanTpu] = {}
    for tpu in _data(request).tpu:
        row = found.setdefault(
            tpu.kode_kecamatan,
            KecamatanTpu(
                kode_kecamatan=tpu.kode_kecamatan, nama=tpu.kecamatan, jumlah_tpu=0, petak_tersedia=0
            ),
        )
        row.jumlah_tpu += 1
        row.petak_tersedia += tpu.petak_tersedia
    rows = sorted(found.values(), key=lambda row: row.nama.casefold())
    first = (page - 1) * per_page
    return DaftarKecamatanTpu(items=rows[first:first + per_page], total=len(rows), page=page, per_page=per_page)


@router.get("/v1/simapan/tpu", response_model=DaftarTpu)
def daftar_tpu(
    request: Request,
    kecamatan: Annotated[str | None, Query(description="kode kecamatan, e.g. 36.03.03")] = None,
    page: Page = 1,
    per_page: PerPage = 20,
) -> DaftarTpu:
    """The TPU of one kecamatan (or all), in the order of the register."""
    rows = [tpu for tpu in _data(request).tpu if kecamatan is None or tpu.kode_kecamatan == kecamatan]
    first = (page - 1) * per_page
    return DaftarTpu(items=rows[first:first + per_page], total=len(rows), page=page, per_page=per_page)


@router.get("/v1/simapan/tpu/{id}", response_model=Tpu, responses={404: {"description": "unknown TPU"}})
def tpu(request: Request, id: str) -> Tpu:
    for row in _data(request).tpu:
        if row.id == id:
            return row
    raise HTTPException(404, detail="TPU tidak ditemukan")


@router.get("/v1/simapan/izin-makam", response_model=IzinMakam)
def izin_makam(request: Request) -> IzinMakam:
    """What to bring for a burial permit, and the fee (retribusi)."""
    data = _data(request)
    return IzinMakam(syarat=data.syarat_izin, retribusi=data.retribusi)
