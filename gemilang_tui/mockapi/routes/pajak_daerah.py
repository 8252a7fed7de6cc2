"""Pajak Daerah: GET /v1/pajak-daerah (the list, paged) and GET /v1/pajak-daerah/{kode} (one tax in full)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException
from pydantic import Field, model_validator

from gemilang_tui.api.model import ApiModel, Halaman
from gemilang_tui.api.pajak_daerah import DAFTAR, RINCIAN, Pajak
from gemilang_tui.mockapi.fixtures import fixture
from gemilang_tui.mockapi.paging import PageNumber, PerPage, page_of

router = APIRouter(tags=["pajak-daerah"])


class PajakFixture(ApiModel):
    pajak: list[Pajak] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_codes(self) -> PajakFixture:
        codes = [item.kode for item in self.pajak]
        if len(codes) != len(set(codes)):
            raise ValueError("pajak has the same kode twice")
        for item in self.pajak:
            if item.tempat_bayar_en is not None and len(item.tempat_bayar_en) != len(item.tempat_bayar):
                raise ValueError(f"{item.kode}: tempat_bayar_en must match tempat_bayar line by line")
        return self


FIXTURES = {"pajak_daerah.json": PajakFixture}


Data = Annotated[PajakFixture, Depends(fixture("pajak_daerah.json", PajakFixture))]


@router.get(DAFTAR.path, response_model=DAFTAR.model)
def daftar(
    data: Data,
    page: PageNumber = 1,
    per_page: PerPage = 7,
) -> Halaman[Any]:
    """The regional taxes of Kabupaten Tangerang (UU 1/2022), in the order Bapenda lists them."""
    taxes = data.pajak
    return page_of(taxes, page, per_page)


@router.get(RINCIAN.path, response_model=RINCIAN.model)
def rincian(kode: str, data: Data) -> Pajak:
    """One tax: what it is, its rate, how and where to pay it, and the kiosk service that helps with it."""
    found = next((item for item in data.pajak if item.kode == kode), None)
    if found is None:
        raise HTTPException(404, detail="Jenis pajak tidak ditemukan")
    return found
