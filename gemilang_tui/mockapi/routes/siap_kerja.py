"""Siap Kerja: open vacancies (closed ones hidden), their kecamatan, one vacancy, Kartu AK/1.

Fixture: `siap_kerja.json`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import model_validator

from gemilang_tui.api.model import ApiModel, Halaman
from gemilang_tui.api.siap_kerja import (
    AK1,
    KECAMATAN,
    LOWONGAN,
    LOWONGAN_LIST,
    PENDIDIKAN,
    KartuAk1,
    KecamatanLowongan,
    Lamaran,
    Lowongan,
)
from gemilang_tui.mockapi.app import today_of
from gemilang_tui.mockapi.fixtures import fixture
from gemilang_tui.mockapi.paging import PageNumber, PerPage, page_of

PENDIDIKAN_FILTER = "the applicant's schooling: vacancies asking for this level or a lower one"

router = APIRouter(tags=["siap_kerja"])


class SiapKerjaData(ApiModel):
    lowongan: list[Lowongan]
    ak1: KartuAk1
    lamaran: Lamaran | None = None

    @model_validator(mode="after")
    def _known_levels(self) -> SiapKerjaData:
        for row in self.lowongan:
            if row.pendidikan_minimal not in PENDIDIKAN:
                raise ValueError(f"{row.id}: pendidikan_minimal must be one of {', '.join(PENDIDIKAN)}")
        if len({row.id for row in self.lowongan}) != len(self.lowongan):
            raise ValueError("two vacancies share an id")
        return self


FIXTURES = {"siap_kerja.json": SiapKerjaData}


Data = Annotated[SiapKerjaData, Depends(fixture("siap_kerja.json", SiapKerjaData))]


def open_vacancies(rows: list[Lowongan], today: date) -> list[Lowongan]:
    """Vacancies still taking applications: the closing day itself still counts."""
    return [row for row in rows if row.ditutup >= today]


def open_to(rows: list[Lowongan], pendidikan: str) -> list[Lowongan]:
    """The vacancies someone with this schooling may apply for: those asking for that level or a lower one."""
    level = PENDIDIKAN.index(pendidikan)
    return [row for row in rows if PENDIDIKAN.index(row.pendidikan_minimal) <= level]


@router.get(LOWONGAN_LIST.path, response_model=LOWONGAN_LIST.model)
def daftar_lowongan(
    request: Request, data: Data,
    kecamatan: Annotated[str | None, Query(description="kode kecamatan, e.g. 36.03.18")] = None,
    pendidikan: Annotated[Literal[PENDIDIKAN] | None, Query(description=PENDIDIKAN_FILTER)] = None,  # type: ignore[valid-type]
    page: PageNumber = 1,
    per_page: PerPage = 20,
) -> Halaman[Any]:
    """Open vacancies (closing today or later), by kecamatan and by what the applicant's schooling allows."""
    rows = open_vacancies(data.lowongan, today_of(request))
    if kecamatan is not None:
        rows = [row for row in rows if row.kode_kecamatan == kecamatan]
    if pendidikan is not None:
        rows = open_to(rows, pendidikan)
    return page_of(rows, page, per_page)


@router.get(LOWONGAN.path, response_model=LOWONGAN.model)
def lowongan(data: Data, id: str) -> Lowongan:
    for row in data.lowongan:
        if row.id == id:
            return row.model_copy(update={"lamaran": data.lamaran})
    raise HTTPException(404, detail="Lowongan tidak ditemukan")


@router.get(KECAMATAN.path, response_model=KECAMATAN.model)
def kecamatan(
    request: Request, data: Data,
    page: PageNumber = 1,
    per_page: PerPage = 20,
) -> Halaman[Any]:
    """The kecamatan with at least one open vacancy, by name, with how many."""
    found: dict[str, KecamatanLowongan] = {}
    for row in open_vacancies(data.lowongan, today_of(request)):
        entry = found.setdefault(
            row.kode_kecamatan,
            KecamatanLowongan(kode_kecamatan=row.kode_kecamatan, nama=row.kecamatan, jumlah_lowongan=0),
        )
        entry.jumlah_lowongan += 1
    rows = sorted(found.values(), key=lambda entry: entry.nama.casefold())
    return page_of(rows, page, per_page)


@router.get(AK1.path, response_model=AK1.model)
def ak1(data: Data) -> KartuAk1:
    """How to get the job seeker's card (Kartu AK/1, "kartu kuning")."""
    return data.ak1
