"""Sidoni (UDD PMI Kabupaten Tangerang): blood stock, donor sessions and who may donate."""

from __future__ import annotations

from datetime import date, time
from typing import Literal

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint, model
from gemilang_tui.api.model import ApiModel

#: Blood groups and components in the order PMI publishes them.
GOLONGAN = ("A", "B", "O", "AB")
KOMPONEN = ("WB", "PRC", "TC", "FFP")


class TeksDonor(ApiModel):
    teks: str = Field(description="Bahasa Indonesia")
    teks_en: str | None = Field(default=None, description="English")


class StokGolongan(ApiModel):
    golongan: Literal["A", "B", "AB", "O"]
    rhesus: Literal["+", "-"]
    komponen: dict[str, int] = Field(description="kantong per komponen: WB, PRC, TC, FFP")
    total: int = Field(ge=0, description="kantong seluruh komponen")


class StokDarah(ApiModel):
    tanggal_stok: date
    stok: list[StokGolongan]


class Jadwal(ApiModel):
    tanggal: date
    jam_mulai: time
    jam_selesai: time
    lokasi: str
    alamat: str
    kecamatan: str
    kode_kecamatan: str


class DaftarJadwal(ApiModel):
    items: list[Jadwal]
    total: int
    page: int
    per_page: int


class SyaratDonor(ApiModel):
    syarat: list[TeksDonor]


STOK: Endpoint[StokDarah] = Endpoint("GET", "/v1/sidoni/stok", model(StokDarah))
JADWAL: Endpoint[DaftarJadwal] = Endpoint("GET", "/v1/sidoni/jadwal", model(DaftarJadwal))
SYARAT: Endpoint[SyaratDonor] = Endpoint("GET", "/v1/sidoni/syarat", model(SyaratDonor))
