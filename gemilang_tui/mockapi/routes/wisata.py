"""GET /v1/wisata/...: the tourism categories, the places of one category (paged), one place in full."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import model_validator

from gemilang_tui.api.model import ApiModel
from gemilang_tui.api.wisata import DaftarKategori, HalamanTempat, Kategori, Tempat, TempatRingkas

router = APIRouter(tags=["wisata"])


class DataWisata(ApiModel):
    """wisata.json: the categories in the order the kiosk numbers them, and every place."""

    kategori: list[Kategori]
    tempat: list[Tempat]

    @model_validator(mode="after")
    def _consistent(self) -> DataWisata:
        codes = [k.kode for k in self.kategori]
        if len(set(codes)) != len(codes):
            raise ValueError("two categories share a kode")
        ids = [t.id for t in self.tempat]
        if len(set(ids)) != len(ids):
            raise ValueError("two places share an id")
        for place in self.tempat:
            if place.kategori not in codes:
                raise ValueError(f"place {place.id} names an unknown category {place.kategori!r}")
        return self


FIXTURES = {"wisata.json": DataWisata}


def _data(request: Request) -> DataWisata:
    return request.app.state.fixtures.load("wisata.json", DataWisata)


@router.get("/v1/wisata/kategori", response_model=DaftarKategori)
def kategori(
    request: Request,
    page: int = Query(1, ge=1),
    per_page: int = Query(20, ge=1, le=100),
) -> DaftarKategori:
    """The categories of places, each with how many places it has."""
    data = _data(request)
    every = [
        k.model_copy(update={"jumlah_tempat": sum(1 for t in data.tempat if t.kategori == k.kode)})
        for k in data.kategori
    ]
    start = (page - 1) * per_page
    return DaftarKategori(items=every[start:start + per_page], total=len(every), page=page, per_page=per_page)


@router.get("/v1/wisata/tempat", response_model=HalamanTempat)
def daftar_tempat(
    request: Request,
    kategori: str | None = Query(None, description="kode of a category, e.g. bahari"),
    kecamatan: str | None = Query(None, description="kode of a kecamatan, e.g. 36.03.07"),
    page: int = Query(1, ge=1),
    per_page: int = Query(20, ge=1, le=100),
) -> HalamanTempat:
    """The places, optionally of one category and/or one kecamatan, in the order the fixture gives."""
    data = _data(request)
    if kategori is not None and kategori not in {k.kode for k in data.kategori}:
        raise HTTPException(404, detail=f"Kategori wisata {kategori} tidak dikenal.")
    places = [
        t for t in data.tempat
        if kategori in (None, t.kategori) and kecamatan in (None, t.kode_kecamatan)
    ]
    start = (page - 1) * per_page
    items = [TempatRingkas.model_validate(t.model_dump()) for t in places[start:start + per_page]]
    return HalamanTempat(items=items, total=len(places), page=page, per_page=per_page)


@router.get("/v1/wisata/tempat/{id_tempat}", response_model=Tempat)
def tempat(request: Request, id_tempat: str) -> Tempat:
    """One place in full: address, opening hours, ticket prices, facilities."""
    for place in _data(request).tempat:
        if place.id == id_tempat:
            return place
    raise HTTPException(404, detail=f"Tempat wisata {id_tempat} tidak ditemukan.")
