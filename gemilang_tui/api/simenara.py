"""Simenara: the register of telecommunication towers per kecamatan (fields assumed, see DOMAIN.md)."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint, model
from gemilang_tui.api.model import ApiModel


class KecamatanMenara(ApiModel):
    kode_kecamatan: str
    nama: str
    jumlah_menara: int = Field(ge=0)


class DaftarKecamatanMenara(ApiModel):
    items: list[KecamatanMenara]
    total: int
    page: int
    per_page: int


class Koordinat(ApiModel):
    lat: float
    lon: float


class Menara(ApiModel):
    kode: str = Field(description="MNR-KK-NNNN: KK = nomor kecamatan")
    alamat: str
    desa: str
    kode_desa: str
    kecamatan: str
    kode_kecamatan: str
    koordinat: Koordinat | None = None
    tinggi_m: float = Field(gt=0)
    pemilik: str
    operator: list[str] = Field(description="operator seluler yang menyewa")
    status_izin: str = Field(description="Berlaku | Dalam perpanjangan | Kedaluwarsa")
    berlaku_sampai: date


class DaftarMenara(ApiModel):
    items: list[Menara]
    total: int
    page: int
    per_page: int


KECAMATAN: Endpoint[DaftarKecamatanMenara] = Endpoint("GET", "/v1/simenara/kecamatan", model(DaftarKecamatanMenara))
DAFTAR_MENARA: Endpoint[DaftarMenara] = Endpoint("GET", "/v1/simenara/menara", model(DaftarMenara))
MENARA: Endpoint[Menara] = Endpoint("GET", "/v1/simenara/menara/{kode}", model(Menara))
