"""SP4N LAPOR! submission contract: the complaint form's choices and `POST /v1/lapor/laporan`.

`SUBMIT` is what the outbox sender posts for kind `lapor` (`gemilang_tui.sending.submission_endpoint`): every
submission kind has a module `api/submit_<kind>.py` with a `SUBMIT` endpoint whose answer carries `nomor`, the
official reference. The status lookup (`GET /v1/lapor/tiket/{nomor}`) lives in `api/lapor.py`.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import ConfigDict, Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel, Halaman
from gemilang_tui.api.status import Riwayat

KODE_KECAMATAN = r"^36\.03\.\d{2}$"
KODE_DESA = r"^36\.03\.\d{2}\.[12]\d{3}$"
JENIS = {"pengaduan": "Pengaduan", "aspirasi": "Aspirasi", "permintaan_informasi": "Permintaan Informasi"}


class Masalah(ApiModel):
    """A common problem of a category, offered by number so nobody has to write it."""

    kode: str
    nama: str
    nama_en: str | None = None


class KategoriLaporan(ApiModel):
    kode: str
    nama: str
    nama_en: str | None = None
    masalah: list[Masalah] = Field(default_factory=list)


class LokasiLaporan(ApiModel):
    """Where it happened: a desa or kelurahan of Kabupaten Tangerang, by its Kemendagri code."""

    kode_kecamatan: str = Field(pattern=KODE_KECAMATAN)
    kecamatan: str = Field(min_length=1)
    kode_desa: str = Field(pattern=KODE_DESA)
    desa: str = Field(min_length=1)


class Pelapor(ApiModel):
    """Who reports: removed from the kiosk's outbox once the server has confirmed."""

    nik: str | None = Field(default=None, pattern=r"^\d{16}$")
    telepon: str | None = Field(default=None, pattern=r"^08\d{8,11}$")


class LaporanBaru(ApiModel):
    """POST /v1/lapor/laporan body (with an `Idempotency-Key` header)."""

    model_config = ConfigDict(extra="forbid")

    kode_jenis: Literal["pengaduan", "aspirasi", "permintaan_informasi"]
    kode_kategori: str = Field(min_length=1)
    kode_masalah: str | None = Field(default=None, description="null when the reporter wrote it in own words")
    judul: str = Field(min_length=5, max_length=150)
    isi: str = Field(min_length=10, max_length=4000)
    tanggal_kejadian: date = Field(description="not after today")
    lokasi: LokasiLaporan
    anonim: bool = Field(default=False, description="the reporter's identity is hidden from the public")
    rahasia: bool = Field(default=False, description="the report is hidden from the public")
    pelapor: Pelapor = Field(default_factory=Pelapor, description="NIK required unless anonim")
    kanal: Literal["kiosk"] = "kiosk"
    dibantu_petugas: bool = Field(default=False, description="an attendant typed for the citizen")


class LaporanDiterima(ApiModel):
    """The answer to a new report (201, or 200 when the same Idempotency-Key and body are sent again)."""

    nomor: str = Field(pattern=r"^\d{7}$", description="the LAPOR! ticket number")
    judul: str
    jenis: str = Field(description="Pengaduan | Aspirasi | Permintaan Informasi")
    kategori: str
    kode_kategori: str
    kode_masalah: str | None = None
    status: str
    instansi: str | None = None
    dibuat: date
    tanggal_kejadian: date
    lokasi: LokasiLaporan
    anonim: bool
    rahasia: bool
    riwayat: list[Riwayat]


KATEGORI_LAPOR: Endpoint[Halaman[KategoriLaporan]] = Endpoint("GET", "/v1/lapor/kategori", Halaman[KategoriLaporan])
SUBMIT: Endpoint[LaporanDiterima] = Endpoint("POST", "/v1/lapor/laporan", LaporanDiterima)
