"""Sipinter (DPMPTSP licensing) contract: the kinds of permit (what each is for, what it needs, how long it takes),
where to apply, and a permit application's status by its registration number."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel, Halaman, Teks
from gemilang_tui.api.status import Riwayat, Tahap


class StatusIzin(ApiModel):
    """GET /v1/sipinter/registrasi/{nomor}: a permit application (SPT-2026-000123)."""

    nomor: str = Field(pattern=r"^SPT-\d{4}-\d{6}$")
    jenis_izin: str
    jenis_izin_en: str | None = None
    pemohon: str
    diajukan: date
    status: str = Field(description="Diajukan, Verifikasi Berkas, Perbaikan, Peninjauan Lapangan, Penandatanganan, "
                        "Terbit, Ditolak")
    riwayat: list[Riwayat] = Field(description="oldest first")
    tahapan: list[Tahap] = Field(description="penyelesaian: the permit's SLA, counted from complete documents")
    dihitung_pada: date


STATUS_IZIN: Endpoint[StatusIzin] = Endpoint("GET", "/v1/sipinter/registrasi/{nomor}", StatusIzin, personal=True)


class JenisIzin(ApiModel):
    """A kind of permit: its plain name first (`nama_umum`), the official one after (`nama`)."""

    kode: str
    nama: str = Field(description="the official name, e.g. Persetujuan Bangunan Gedung (PBG)")
    nama_en: str | None = None
    nama_umum: str = Field(description="what it is in plain words, e.g. Izin membangun atau mengubah bangunan")
    nama_umum_en: str | None = None
    keterangan: str = Field(description="who needs it, in one or two plain sentences")
    keterangan_en: str | None = None
    layanan: Literal["online", "offline"] = Field(description="online: through OSS and Sipinter; offline: in person")
    sla_hari_kerja: int = Field(ge=0, description="the usual processing time, in working days from complete documents")
    syarat: list[Teks]


class TempatPengajuan(ApiModel):
    """Where a permit is applied for: a counter, an office, or online."""

    nama: str
    alamat: str
    jam: str = Field(description="opening hours as the office writes them")
    keterangan: str
    keterangan_en: str | None = None


JENIS_IZIN: Endpoint[Halaman[JenisIzin]] = Endpoint("GET", "/v1/sipinter/jenis-izin", Halaman[JenisIzin])
TEMPAT: Endpoint[Halaman[TempatPengajuan]] = Endpoint("GET", "/v1/sipinter/tempat", Halaman[TempatPengajuan])
