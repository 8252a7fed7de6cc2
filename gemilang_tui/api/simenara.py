"""Simenara: the register of telecommunication towers per kecamatan (fields assumed, see DOMAIN.md)."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel, Halaman


class KecamatanMenara(ApiModel):
    kode_kecamatan: str
    nama: str
    jumlah_menara: int = Field(ge=0)


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


KECAMATAN: Endpoint[Halaman[KecamatanMenara]] = Endpoint("GET", "/v1/simenara/kecamatan", Halaman[KecamatanMenara])
DAFTAR_MENARA: Endpoint[Halaman[Menara]] = Endpoint("GET", "/v1/simenara/menara", Halaman[Menara])
MENARA: Endpoint[Menara] = Endpoint("GET", "/v1/simenara/menara/{kode}", Menara)
