"""iPBB: GET /v1/pbb/objek/{nop} (SPPT history, fines and arrears computed here) and GET /v1/pbb/kanal-bayar.

The fine rule is this server's configuration (`aturan_denda` in pbb.json): rate per month, cap in months, and the
usual due date. Kabupaten Tangerang charged 2% per started month, at most 24 months (DOMAIN.md); newer regional
practice is 1%, so a deployment changes the fixture, not the kiosk.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from pydantic import Field, field_validator, model_validator

from gemilang_tui.api.model import ApiModel, Halaman
from gemilang_tui.api.pbb import (
    KANAL_BAYAR,
    TAGIHAN,
    AturanDendaBerlaku,
    KanalBayar,
    SpptTahun,
    TagihanPbb,
)
from gemilang_tui.domain.nop import NOP_LENGTH, format_nop
from gemilang_tui.domain.pbb_fine import fine, months_late
from gemilang_tui.mockapi.app import today_of
from gemilang_tui.mockapi.fixtures import fixture
from gemilang_tui.mockapi.paging import PageNumber, PerPage, page_of

router = APIRouter(tags=["ipbb"])

_NON_DIGITS = re.compile(r"[^0-9]+")


class AturanDenda(ApiModel):
    """Server policy for late payment."""

    tarif_persen: float = Field(ge=0, le=100)
    maks_bulan: int = Field(ge=0)
    jatuh_tempo: str = Field(pattern=r"^\d{2}-\d{2}$", description="usual due date MM-DD, when an SPPT has none")

    @field_validator("jatuh_tempo")
    @classmethod
    def _real_day(cls, value: str) -> str:
        month, day = (int(part) for part in value.split("-"))
        date(2001, month, day)  # raises ValueError for 02-30 and the like
        return value

    def due_date(self, year: int) -> date:
        month, day = (int(part) for part in self.jatuh_tempo.split("-"))
        return date(year, month, day)


class SpptData(ApiModel):
    tahun_pajak: int = Field(ge=1990, le=2100)
    pbb: int = Field(ge=0)
    jatuh_tempo: date | None = None
    status: Literal["lunas", "belum_bayar"]
    tanggal_bayar: date | None = None

    @model_validator(mode="after")
    def _paid_has_a_date(self) -> SpptData:
        if self.status == "lunas" and self.tanggal_bayar is None:
            raise ValueError("an SPPT with status lunas needs tanggal_bayar")
        if self.status == "belum_bayar" and self.tanggal_bayar is not None:
            raise ValueError("an unpaid SPPT cannot have tanggal_bayar")
        return self


class ObjekPajak(ApiModel):
    nop: str = Field(pattern=r"^3603\d{14}$")
    wajib_pajak: str
    alamat_objek: str
    desa: str
    kode_desa: str = Field(pattern=r"^36\.03\.\d{2}\.[12]\d{3}$")
    kecamatan: str
    kode_kecamatan: str = Field(pattern=r"^36\.03\.\d{2}$")
    luas_bumi: int = Field(ge=0)
    luas_bangunan: int = Field(ge=0)
    njop_bumi: int = Field(ge=0)
    njop_bangunan: int = Field(ge=0)
    njoptkp: int = Field(ge=0)
    sppt: list[SpptData] = Field(min_length=1)


class PbbFixture(ApiModel):
    aturan_denda: AturanDenda
    objek: list[ObjekPajak]
    kanal_bayar: list[KanalBayar] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> PbbFixture:
        seen: set[str] = set()
        for objek in self.objek:
            if objek.nop in seen:
                raise ValueError(f"NOP {objek.nop} appears twice")
            seen.add(objek.nop)
            years = [sppt.tahun_pajak for sppt in objek.sppt]
            if len(years) != len(set(years)):
                raise ValueError(f"NOP {objek.nop} has the same tahun_pajak twice")
        return self


FIXTURES = {"pbb.json": PbbFixture}


Data = Annotated[PbbFixture, Depends(fixture("pbb.json", PbbFixture))]


def bill(objek: ObjekPajak, rule: AturanDenda, today: date) -> TagihanPbb:
    """Each year's state on `today`: unpaid years carry the capped fine; the totals add them up."""
    years: list[SpptTahun] = []
    for sppt in sorted(objek.sppt, key=lambda item: item.tahun_pajak):
        due = sppt.jatuh_tempo or rule.due_date(sppt.tahun_pajak)
        if sppt.status == "lunas":
            months = denda = jumlah = 0
        else:
            months = min(months_late(due, today), rule.maks_bulan)
            denda = fine(sppt.pbb, due, today, rule.tarif_persen, rule.maks_bulan)
            jumlah = sppt.pbb + denda
        years.append(
            SpptTahun(
                tahun_pajak=sppt.tahun_pajak,
                pbb=sppt.pbb,
                jatuh_tempo=due,
                status=sppt.status,
                tanggal_bayar=sppt.tanggal_bayar,
                bulan_terlambat=months,
                denda=denda,
                jumlah=jumlah,
            )
        )
    unpaid = [year for year in years if year.status == "belum_bayar"]
    total_pokok = sum(year.pbb for year in unpaid)
    total_denda = sum(year.denda for year in unpaid)
    return TagihanPbb(
        nop=objek.nop,
        nop_format=format_nop(objek.nop),
        wajib_pajak=objek.wajib_pajak,
        alamat_objek=objek.alamat_objek,
        desa=objek.desa,
        kode_desa=objek.kode_desa,
        kecamatan=objek.kecamatan,
        kode_kecamatan=objek.kode_kecamatan,
        luas_bumi=objek.luas_bumi,
        luas_bangunan=objek.luas_bangunan,
        njop_bumi=objek.njop_bumi,
        njop_bangunan=objek.njop_bangunan,
        njoptkp=objek.njoptkp,
        dihitung_pada=today,
        aturan_denda=AturanDendaBerlaku(tarif_persen=rule.tarif_persen, maks_bulan=rule.maks_bulan),
        sppt=years,
        tahun_belum_bayar=[year.tahun_pajak for year in unpaid],
        total_pokok=total_pokok,
        total_denda=total_denda,
        total_tunggakan=total_pokok + total_denda,
    )


#: 18 digits, with the dots, dashes or spaces of the printed form (36.03.010.001.001-0001.0) or none.
NOP_PATTERN = rf"^[-. ]*(\d[-. ]*){{{NOP_LENGTH}}}$"


@router.get(TAGIHAN.path, response_model=TAGIHAN.model)
def tagihan(nop: Annotated[str, Path(pattern=NOP_PATTERN)], request: Request, data: Data) -> TagihanPbb:
    """A tax object by its NOP (separators allowed): every SPPT year, the fine of each unpaid year and the total."""
    digits = _NON_DIGITS.sub("", nop)
    objek = next((item for item in data.objek if item.nop == digits), None)
    if objek is None:
        raise HTTPException(404, detail="NOP tidak ditemukan")
    return bill(objek, data.aturan_denda, today_of(request))


@router.get(KANAL_BAYAR.path, response_model=KANAL_BAYAR.model)
def kanal_bayar(
    data: Data,
    page: PageNumber = 1,
    per_page: PerPage = 50,
) -> Halaman[Any]:
    """Where and how PBB of Kabupaten Tangerang can be paid (Bapenda 2025)."""
    channels = data.kanal_bayar
    return page_of(channels, page, per_page)
