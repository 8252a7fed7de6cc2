"""Sidoni (UDD PMI Kabupaten Tangerang): blood stock, donor sessions and who may donate."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel, Halaman, Jam, Teks

#: Blood groups and components in the order PMI publishes them.
GOLONGAN = ("A", "B", "O", "AB")
KOMPONEN = ("WB", "PRC", "TC", "FFP")


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
    jam_mulai: Jam
    jam_selesai: Jam
    lokasi: str
    alamat: str
    kecamatan: str
    kode_kecamatan: str


class SyaratDonor(ApiModel):
    syarat: list[Teks]


STOK: Endpoint[StokDarah] = Endpoint("GET", "/v1/sidoni/stok", StokDarah)
JADWAL: Endpoint[Halaman[Jadwal]] = Endpoint("GET", "/v1/sidoni/jadwal", Halaman[Jadwal])
SYARAT: Endpoint[SyaratDonor] = Endpoint("GET", "/v1/sidoni/syarat", SyaratDonor)
