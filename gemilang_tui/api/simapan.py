"""SIMAPAN (Dinas Perkim): public cemeteries (TPU) per kecamatan, and the burial permit."""

from __future__ import annotations

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint, model
from gemilang_tui.api.model import ApiModel


class TeksIzinMakam(ApiModel):
    teks: str = Field(description="Bahasa Indonesia")
    teks_en: str | None = Field(default=None, description="English")


class KecamatanTpu(ApiModel):
    kode_kecamatan: str
    nama: str
    jumlah_tpu: int
    petak_tersedia: int


class DaftarKecamatanTpu(ApiModel):
    items: list[KecamatanTpu]
    total: int
    page: int
    per_page: int


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


class DaftarTpu(ApiModel):
    items: list[Tpu]
    total: int
    page: int
    per_page: int


class Retribusi(ApiModel):
    biaya: int = Field(ge=0, description="rupiah")
    masa_tahun: int = Field(ge=1, description="untuk berapa tahun")
    gratis_dengan_sktm: bool


class IzinMakam(ApiModel):
    syarat: list[TeksIzinMakam]
    retribusi: Retribusi


KECAMATAN: Endpoint[DaftarKecamatanTpu] = Endpoint("GET", "/v1/simapan/kecamatan", model(DaftarKecamatanTpu))
DAFTAR_TPU: Endpoint[DaftarTpu] = Endpoint("GET", "/v1/simapan/tpu", model(DaftarTpu))
TPU: Endpoint[Tpu] = Endpoint("GET", "/v1/simapan/tpu/{id}", model(Tpu))
IZIN_MAKAM: Endpoint[IzinMakam] = Endpoint("GET", "/v1/simapan/izin-makam", model(IzinMakam))
