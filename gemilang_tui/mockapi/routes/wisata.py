"""GET /v1/wisata/...: the tourism categories, the places of one category (paged), one place in full."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import model_validator

from gemilang_tui.api.model import ApiModel, Halaman
from gemilang_tui.api.wisata import (
    CATEGORIES,
    PLACE,
    PLACES,
    Kategori,
    Tempat,
)
from gemilang_tui.mockapi.answers import NOT_FOUND
from gemilang_tui.mockapi.fixtures import fixture
from gemilang_tui.mockapi.paging import PageNumber, PerPage, page_of

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


Data = Annotated[DataWisata, Depends(fixture("wisata.json", DataWisata))]


@router.get(CATEGORIES.path, response_model=CATEGORIES.model)
def kategori(
    data: Data,
    page: PageNumber = 1,
    per_page: PerPage = 20,
) -> Halaman[Any]:
    """The categories of places, each with how many places it has."""
    every = [
        k.model_copy(update={"jumlah_tempat": sum(1 for t in data.tempat if t.kategori == k.kode)})
        for k in data.kategori
    ]
    return page_of(every, page, per_page)


@router.get(PLACES.path, response_model=PLACES.model, responses=NOT_FOUND)
def daftar_tempat(
    data: Data,
    kategori: str | None = Query(None, description="kode of a category, e.g. bahari"),
    kecamatan: str | None = Query(None, description="kode of a kecamatan, e.g. 36.03.07"),
    page: PageNumber = 1,
    per_page: PerPage = 20,
) -> Halaman[Any]:
    """The places, optionally of one category and/or one kecamatan, in the order the fixture gives."""
    if kategori is not None and kategori not in {k.kode for k in data.kategori}:
        raise HTTPException(404, detail=f"Kategori wisata {kategori} tidak dikenal.")
    places = [
        t for t in data.tempat
        if kategori in (None, t.kategori) and kecamatan in (None, t.kode_kecamatan)
    ]
    return page_of(places, page, per_page)


@router.get(PLACE.path, response_model=PLACE.model)
def tempat(data: Data, id_tempat: str) -> Tempat:
    """One place in full: address, opening hours, ticket prices, facilities."""
    for place in data.tempat:
        if place.id == id_tempat:
            return place
    raise HTTPException(404, detail=f"Tempat wisata {id_tempat} tidak ditemukan.")
