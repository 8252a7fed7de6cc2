"""SIMAPAN: kecamatan that have a TPU, the TPU of a kecamatan, one TPU, the burial permit (`simapan.json`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import model_validator

from gemilang_tui.api.model import ApiModel, Halaman, Teks
from gemilang_tui.api.simapan import (
    DAFTAR_TPU,
    IZIN_MAKAM,
    KECAMATAN,
    TPU,
    IzinMakam,
    KecamatanTpu,
    Retribusi,
    Tpu,
)
from gemilang_tui.mockapi.fixtures import fixture
from gemilang_tui.mockapi.paging import PageNumber, PerPage, page_of

router = APIRouter(tags=["simapan"])


class SimapanData(ApiModel):
    tpu: list[Tpu]
    syarat_izin: list[Teks]
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


Data = Annotated[SimapanData, Depends(fixture("simapan.json", SimapanData))]


@router.get(KECAMATAN.path, response_model=KECAMATAN.model)
def kecamatan(
    data: Data,
    page: PageNumber = 1,
    per_page: PerPage = 20,
) -> Halaman[Any]:
    """Only the kecamatan that have a TPU, by name, with how many TPU and free plots."""
    found: dict[str, KecamatanTpu] = {}
    for tpu in data.tpu:
        row = found.setdefault(
            tpu.kode_kecamatan,
            KecamatanTpu(
                kode_kecamatan=tpu.kode_kecamatan, nama=tpu.kecamatan, jumlah_tpu=0, petak_tersedia=0
            ),
        )
        row.jumlah_tpu += 1
        row.petak_tersedia += tpu.petak_tersedia
    rows = sorted(found.values(), key=lambda row: row.nama.casefold())
    return page_of(rows, page, per_page)


@router.get(DAFTAR_TPU.path, response_model=DAFTAR_TPU.model)
def daftar_tpu(
    data: Data,
    kecamatan: Annotated[str | None, Query(description="kode kecamatan, e.g. 36.03.03")] = None,
    page: PageNumber = 1,
    per_page: PerPage = 20,
) -> Halaman[Any]:
    """The TPU of one kecamatan (or all), in the order of the register."""
    rows = [tpu for tpu in data.tpu if kecamatan is None or tpu.kode_kecamatan == kecamatan]
    return page_of(rows, page, per_page)


@router.get(TPU.path, response_model=TPU.model)
def tpu(data: Data, id: str) -> Tpu:
    for row in data.tpu:
        if row.id == id:
            return row
    raise HTTPException(404, detail="TPU tidak ditemukan")


@router.get(IZIN_MAKAM.path, response_model=IZIN_MAKAM.model)
def izin_makam(data: Data) -> IzinMakam:
    """What to bring for a burial permit, and the fee (retribusi)."""
    return IzinMakam(syarat=data.syarat_izin, retribusi=data.retribusi)
