"""Sidoni: blood stock, donor sessions from a date on, and the eligibility lines (fixture `sidoni.json`)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import model_validator

from gemilang_tui.api.model import ApiModel, Halaman, Tanggal, Teks
from gemilang_tui.api.sidoni import (
    JADWAL,
    STOK,
    SYARAT,
    Jadwal,
    StokDarah,
    StokGolongan,
    SyaratDonor,
)
from gemilang_tui.mockapi.app import today_of
from gemilang_tui.mockapi.fixtures import fixture
from gemilang_tui.mockapi.paging import PageNumber, PerPage, page_of

router = APIRouter(tags=["sidoni"])


class SidoniData(ApiModel):
    """The fixture: one stock count, the donor sessions (past ones too) and who may donate."""

    tanggal_stok: date
    stok: list[StokGolongan]
    jadwal: list[Jadwal]
    syarat: list[Teks]

    @model_validator(mode="after")
    def _totals_add_up(self) -> SidoniData:
        for row in self.stok:
            if sum(row.komponen.values()) != row.total:
                raise ValueError(f"stok {row.golongan}{row.rhesus}: komponen do not add up to {row.total}")
        return self


FIXTURES = {"sidoni.json": SidoniData}


Data = Annotated[SidoniData, Depends(fixture("sidoni.json", SidoniData))]


@router.get(STOK.path, response_model=STOK.model)
def stok(data: Data) -> StokDarah:
    """Bags of blood per group, rhesus and component, as counted on `tanggal_stok`."""
    return StokDarah(tanggal_stok=data.tanggal_stok, stok=data.stok)


@router.get(JADWAL.path, response_model=JADWAL.model)
def jadwal(
    request: Request, data: Data,
    dari: Annotated[Tanggal | None, Query(description="sessions on or after this date; default today")] = None,
    page: PageNumber = 1,
    per_page: PerPage = 20,
) -> Halaman[Any]:
    """Donor sessions from `dari` (today) on, soonest first."""
    start = dari or today_of(request)
    sessions = sorted(
        (s for s in data.jadwal if s.tanggal >= start), key=lambda s: (s.tanggal, s.jam_mulai)
    )
    return page_of(sessions, page, per_page)


@router.get(SYARAT.path, response_model=SYARAT.model)
def syarat(data: Data) -> SyaratDonor:
    """Who may donate blood, one line per condition."""
    return SyaratDonor(syarat=data.syarat)
