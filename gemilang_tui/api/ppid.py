"""PPID contract (UU 14/2008): the list of public information by kind, and a request's status by its number."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel, Halaman
from gemilang_tui.api.status import Riwayat, Tahap

KategoriInformasi = Literal["berkala", "serta_merta", "setiap_saat"]
KATEGORI_INFORMASI: tuple[str, ...] = ("berkala", "serta_merta", "setiap_saat")


class InformasiPublik(ApiModel):
    """One entry of the daftar informasi publik."""

    id: str
    kategori: KategoriInformasi
    judul: str
    judul_en: str | None = None
    ringkasan: str
    ringkasan_en: str | None = None
    dinas: str = Field(description="the office that holds the information")
    tahun: int = Field(ge=1990, le=2100)


class StatusPermohonanInformasi(ApiModel):
    """GET /v1/ppid/permohonan/{nomor}: an information request (PPID-2026-0042)."""

    nomor: str = Field(pattern=r"^PPID-\d{4}-\d{4}$")
    tanggal: date = Field(description="the day the request was registered")
    status: str = Field(description="Diterima, Diproses, Diperpanjang, Selesai, Ditolak")
    rincian: str = Field(description="the information asked for")
    dinas_tujuan: str
    diperpanjang: bool = False
    riwayat: list[Riwayat] = Field(description="oldest first")
    tahapan: list[Tahap] = Field(description="jawaban: answered within 10 working days, extendable once by 7")
    dihitung_pada: date


DAFTAR_INFORMASI: Endpoint[Halaman[InformasiPublik]] = Endpoint("GET", "/v1/ppid/informasi", Halaman[InformasiPublik])
STATUS_PERMOHONAN: Endpoint[StatusPermohonanInformasi] = Endpoint(
    "GET", "/v1/ppid/permohonan/{nomor}", StatusPermohonanInformasi, personal=True
)
