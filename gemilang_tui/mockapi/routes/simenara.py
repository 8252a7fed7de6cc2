"""Simenara: every kecamatan with its number of towers, the towers of a kecamatan, one tower.

Fixture: `simenara.json`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import model_validator

from gemilang_tui.api.model import ApiModel
from gemilang_tui.api.simenara import DaftarKecamatanMenara, DaftarMenara, KecamatanMenara, Menara
from gemilang_tui.domain import regions

Page = Annotated[int, Query(ge=1)]
PerPage = Annotated[int, Query(ge=1, le=100)]
router = APIRouter(tags=["simenara"])


class SimenaraData(ApiModel):
    menara: list[Menara]

    @model_validator(mode="after")
    def _codes_unique(self) -> SimenaraData:
        if len({row.kode for row in self.menara}) != len(self.menara):
            raise ValueError("two towers share a kode")
        return self


FIXTURES = {"simenara.json": SimenaraData}


def _data(request: Request) -> SimenaraData:
    return request.app.state.fixtures.load("simenara.json", SimenaraData)


@router.get("/v1/simenara/kecamatan", response_model=DaftarKecamatanMenara)
def kecamatan(
    request: Request,
    page: Page = 1,
    per_page: PerPage = 20,
) -> DaftarKecamatanMenara:
    """All 29 kecamatan of the regency by name, each with how many towers are registered there."""
    counts: dict[str, int] = {}
    for row in _data(request).menara:
        counts[row.kode_kecamatan] = counts.get(row.kode_kecamatan, 0) + 1
    rows = [
        KecamatanMenara(
            kode_kecamatan=region.kode, nama=region.nama, jumlah_menara=counts.get(region.kode, 0)
        )
        for region in regions.kecamatan()
    ]
    first = (page - 1) * per_page
    return DaftarKecamatanMenara(items=rows[first:first + per_page], total=len(rows), page=page, per_page=per_page)


@router.get("/v1/simenara/menara", response_model=DaftarMenara)
def daftar_menara(
    request: Request,
    kecamatan: Annotated[str | None, Query(description="kode kecamatan, e.g. 36.03.18")] = None,
    page: Page = 1,
    per_page: PerPage = 20,
) -> DaftarMenara:
    """The towers of one kecamatan (or all), by code."""
    rows = sorted(
        (row for row in _data(request).menara if kecamatan is None or row.kode_kecamatan == kecamatan),
        key=lambda row: row.kode,
    )
    first = (page - 1) * per_page
    return DaftarMenara(items=rows[first:first + per_page], total=len(rows), page=page, per_page=per_page)


@router.get(
    "/v1/simenara/menara/{kode}", response_model=Menara, responses={404: {"description": "unknown tower"}}
)
def menara(request: Request, kode: str) -> Menara:
    wanted = kode.strip().upper()
    for row in _data(request).menara:
        if row.kode == wanted:
            return row
    raise HTTPException(404, detail="Menara tidak ditemukan")
