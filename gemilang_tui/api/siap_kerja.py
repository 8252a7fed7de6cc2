"""Siap Kerja (Disnaker): open job vacancies and the job seeker's card (Kartu AK/1)."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel, Halaman, Teks

#: Levels of schooling, lowest first. The `pendidikan` filter lists the vacancies open to that level.
#: "Tidak tamat SD": no schooling, or primary school not finished.
PENDIDIKAN = ("Tidak tamat SD", "SD", "SMP", "SMA/SMK", "D3", "S1")


class Lamaran(ApiModel):
    """How to apply for any vacancy: what to bring, and the Disnaker job fair (where and when)."""

    berkas: list[Teks]
    bursa_kerja: Teks


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


class KecamatanLowongan(ApiModel):
    kode_kecamatan: str
    nama: str
    jumlah_lowongan: int


class KartuAk1(ApiModel):
    syarat: list[Teks]
    masa_berlaku_tahun: int = Field(ge=1)
    biaya: int = Field(ge=0, description="rupiah; 0 = gratis")
    tempat: str
    tempat_en: str | None = None


LOWONGAN_LIST: Endpoint[Halaman[Lowongan]] = Endpoint("GET", "/v1/siap_kerja/lowongan", Halaman[Lowongan])
LOWONGAN: Endpoint[Lowongan] = Endpoint("GET", "/v1/siap_kerja/lowongan/{id}", Lowongan)
KECAMATAN: Endpoint[Halaman[KecamatanLowongan]] = Endpoint(
    "GET", "/v1/siap_kerja/kecamatan", Halaman[KecamatanLowongan]
)
AK1: Endpoint[KartuAk1] = Endpoint("GET", "/v1/siap_kerja/ak1", KartuAk1)
