"""Siap Kerja (Disnaker): open job vacancies and the job seeker's card (Kartu AK/1)."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint, model
from gemilang_tui.api.model import ApiModel

#: Levels of schooling, lowest first. The `pendidikan` filter lists the vacancies open to that level.
#: "Tidak tamat SD": no schooling, or primary school not finished.
PENDIDIKAN = ("Tidak tamat SD", "SD", "SMP", "SMA/SMK", "D3", "S1")


class TeksAk1(ApiModel):
    teks: str = Field(description="Bahasa Indonesia")
    teks_en: str | None = Field(default=None, description="English")


class Lamaran(ApiModel):
    """How to apply for any vacancy: what to bring, and the Disnaker job fair (where and when)."""

    berkas: list[TeksAk1]
    bursa_kerja: TeksAk1


class Lowongan(ApiModel):
    id: str
    jabatan: str
    perusahaan: str
    kecamatan: str
    kode_kecamatan: str
    pendidikan_minimal: str = Field(description="Tidak tamat SD | SD | SMP | SMA/SMK | D3 | S1")
    usia_maksimal: int | None = Field(default=None, ge=15)
    gaji: int | None = Field(default=None, ge=0, description="rupiah per bulan")
    ditutup: date
    keterangan: str = ""
    keterangan_en: str | None = None
    alamat_perusahaan: str | None = Field(default=None, description="where to bring the application")
    lewat_bursa_kerja: bool = Field(default=False, description="also taken at the Disnaker job fair")
    lamaran: Lamaran | None = Field(default=None, description="how to apply: sent with one vacancy, not in lists")


class DaftarLowongan(ApiModel):
    items: list[Lowongan]
    total: int
    page: int
    per_page: int


class KecamatanLowongan(ApiModel):
    kode_kecamatan: str
    nama: str
    jumlah_lowongan: int


class DaftarKecamatanLowongan(ApiModel):
    items: list[KecamatanLowongan]
    total: int
    page: int
    per_page: int


class KartuAk1(ApiModel):
    syarat: list[TeksAk1]
    masa_berlaku_tahun: int = Field(ge=1)
    biaya: int = Field(ge=0, description="rupiah; 0 = gratis")
    tempat: str
    tempat_en: str | None = None


LOWONGAN_LIST: Endpoint[DaftarLowongan] = Endpoint("GET", "/v1/siap_kerja/lowongan", model(DaftarLowongan))
LOWONGAN: Endpoint[Lowongan] = Endpoint("GET", "/v1/siap_kerja/lowongan/{id}", model(Lowongan))
KECAMATAN: Endpoint[DaftarKecamatanLowongan] = Endpoint(
    "GET", "/v1/siap_kerja/kecamatan", model(DaftarKecamatanLowongan)
)
AK1: Endpoint[KartuAk1] = Endpoint("GET", "/v1/siap_kerja/ak1", model(KartuAk1))
