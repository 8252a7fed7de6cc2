"""Simenara: every kecamatan with its number of towers, the towers of a kecamatan, one tower.

Fixture: `simenara.json`.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import model_validator

from gemilang_tui.api.model import ApiModel, Halaman
from gemilang_tui.api.simenara import (
    DAFTAR_MENARA,
    KECAMATAN,
    MENARA,
    KecamatanMenara,
    Menara,
)
from gemilang_tui.domain import regions
from gemilang_tui.mockapi.fixtures import fixture
from gemilang_tui.mockapi.paging import PageNumber, PerPage, page_of

router = APIRouter(tags=["simenara"])


class SimenaraData(ApiModel):
    menara: list[Menara]

    @model_validator(mode="after")
    def _codes_unique(self) -> SimenaraData:
        if len({row.kode for row in self.menara}) != len(self.menara):
            raise ValueError("two towers share a kode")
        return self


FIXTURES = {"simenara.json": SimenaraData}


Data = Annotated[SimenaraData, Depends(fixture("simenara.json", SimenaraData))]


@router.get(KECAMATAN.path, response_model=KECAMATAN.model)
def kecamatan(
    data: Data,
    page: PageNumber = 1,
    per_page: PerPage = 20,
) -> Halaman[Any]:
    """All 29 kecamatan of the regency by name, each with how many towers are registered there."""
    counts: dict[str, int] = {}
    for row in data.menara:
        counts[row.kode_kecamatan] = counts.get(row.kode_kecamatan, 0) + 1
    rows = [
        KecamatanMenara(
            kode_kecamatan=region.kode, nama=region.nama, jumlah_menara=counts.get(region.kode, 0)
        )
        for region in regions.kecamatan()
    ]
    return page_of(rows, page, per_page)


@router.get(DAFTAR_MENARA.path, response_model=DAFTAR_MENARA.model)
def daftar_menara(
    data: Data,
    kecamatan: Annotated[str | None, Query(description="kode kecamatan, e.g. 36.03.18")] = None,
    page: PageNumber = 1,
    per_page: PerPage = 20,
) -> Halaman[Any]:
    """The towers of one kecamatan (or all), by code."""
    rows = sorted(
        (row for row in data.menara if kecamatan is None or row.kode_kecamatan == kecamatan),
        key=lambda row: row.kode,
    )
    return page_of(rows, page, per_page)


@router.get(MENARA.path, response_model=MENARA.model)
def menara(data: Data, kode: str) -> Menara:
    wanted = kode.strip().upper()
    for row in data.menara:
        if row.kode == wanted:
            return row
    raise HTTPException(404, detail="Menara tidak ditemukan")
