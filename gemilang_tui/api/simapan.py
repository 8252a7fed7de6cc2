"""SIMAPAN (Dinas Perkim): public cemeteries (TPU) per kecamatan, and the burial permit."""

from __future__ import annotations

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel, Halaman, Teks


class KecamatanTpu(ApiModel):
    kode_kecamatan: str
    nama: str
    jumlah_tpu: int
    petak_tersedia: int


class Tpu(ApiModel):
    id: str
    nama: str
    desa: str
    kode_desa: str
    kecamatan: str
    kode_kecamatan: str
    luas_m2: int = Field(ge=0)
    petak_total: int = Field(ge=0)
    petak_terisi: int = Field(ge=0)
    petak_tersedia: int = Field(ge=0)
    peruntukan: str = Field(description="untuk pemakaman umat agama apa")
    peruntukan_en: str | None = None


class Retribusi(ApiModel):
    biaya: int = Field(ge=0, description="rupiah")
    masa_tahun: int = Field(ge=1, description="untuk berapa tahun")
    gratis_dengan_sktm: bool


class IzinMakam(ApiModel):
    syarat: list[Teks]
    retribusi: Retribusi


KECAMATAN: Endpoint[Halaman[KecamatanTpu]] = Endpoint("GET", "/v1/simapan/kecamatan", Halaman[KecamatanTpu])
DAFTAR_TPU: Endpoint[Halaman[Tpu]] = Endpoint("GET", "/v1/simapan/tpu", Halaman[Tpu])
TPU: Endpoint[Tpu] = Endpoint("GET", "/v1/simapan/tpu/{id}", Tpu)
IZIN_MAKAM: Endpoint[IzinMakam] = Endpoint("GET", "/v1/simapan/izin-makam", IzinMakam)
