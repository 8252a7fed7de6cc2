"""Layanan Mandiri letter request contract: the kinds of letter and `POST /v1/layanan_mandiri/permohonan`.

`SUBMIT` is what the outbox sender posts for kind `layanan_mandiri`; its answer carries `nomor` (LM-2026-00084).
The status lookup (`GET /v1/layanan_mandiri/permohonan/{nomor}`) lives in `api/layanan_mandiri.py`. Personal data
sits under `pemohon` (`nik`, `nama`, `telepon`), removed from the kiosk's outbox once the server has confirmed.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import ConfigDict, Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel, Halaman, Teks
from gemilang_tui.api.status import Riwayat

KODE_KECAMATAN = r"^36\.03\.\d{2}$"
KODE_DESA = r"^36\.03\.\d{2}\.[12]\d{3}$"
NOMOR_LM = r"^LM-\d{4}-\d{5}$"


class Pilihan(ApiModel):
    """A common purpose of the letter (or, for a business certificate, a kind of business), chosen by number."""

    kode: str
    nama: str
    nama_en: str | None = None


class JenisSurat(ApiModel):
    """A kind of letter the desa or kelurahan gives: its requirements, its promise, its fee."""

    kode: str
    nama: str
    nama_en: str | None = None
    syarat: list[Teks] = Field(default_factory=list)
    lama_hari_kerja: int = Field(ge=0, description="ready within this many working days")
    biaya: int = Field(ge=0, description="rupiah; 0 = free")
    isian: Literal["keperluan", "jenis_usaha"] = Field(
        default="keperluan", description="what `pilihan` lists: purposes, or kinds of business")
    pilihan: list[Pilihan] = Field(default_factory=list)


class DesaSurat(ApiModel):
    """The desa or kelurahan asked for the letter (where it is signed and collected)."""

    model_config = ConfigDict(extra="forbid")

    kode_kecamatan: str = Field(pattern=KODE_KECAMATAN)
    kecamatan: str = Field(min_length=1)
    kode_desa: str = Field(pattern=KODE_DESA)
    desa: str = Field(min_length=1)


class PemohonSurat(ApiModel):
    """Who asks: removed from the kiosk's outbox once the server has confirmed."""

    model_config = ConfigDict(extra="forbid")

    nik: str = Field(pattern=r"^\d{16}$")
    nama: str | None = Field(default=None, min_length=2, max_length=100,
                             description="null: the village officer takes the name from the NIK")
    telepon: str | None = Field(default=None, pattern=r"^08\d{8,11}$", description="optional: no SMS without it")


class PermohonanSuratBaru(ApiModel):
    """POST /v1/layanan_mandiri/permohonan body (with an `Idempotency-Key` header)."""

    model_config = ConfigDict(extra="forbid")

    kode_jenis: str = Field(min_length=1)
    desa: DesaSurat
    pemohon: PemohonSurat
    kode_keperluan: str | None = Field(default=None, description="a `pilihan` of the kind; null: own words")
    keperluan: str = Field(min_length=3, max_length=300, description="the purpose, or the kind of business")
    syarat_lengkap: bool = Field(description="the applicant confirmed bringing every requirement")
    kanal: Literal["kiosk"] = "kiosk"
    dibantu_petugas: bool = Field(default=False, description="an attendant typed for the citizen")


class PermohonanSuratDiterima(ApiModel):
    """The answer to a new request (201, or 200 when the same Idempotency-Key and body are sent again)."""

    nomor: str = Field(pattern=NOMOR_LM, description="the official request number")
    kode_jenis: str
    jenis_surat: str
    jenis_surat_en: str | None = None
    status: str
    kode_desa: str
    desa: str
    kode_kecamatan: str
    kecamatan: str
    tempat_ambil: str = Field(description="where the letter is collected, e.g. Kantor Desa Tapos")
    keperluan: str
    diajukan: date
    lama_hari_kerja: int = Field(ge=0)
    siap_paling_lambat: date = Field(description="diajukan + lama_hari_kerja working days")
    biaya: int = Field(ge=0)
    riwayat: list[Riwayat]


JENIS_SURAT: Endpoint[Halaman[JenisSurat]] = Endpoint("GET", "/v1/layanan_mandiri/jenis_surat", Halaman[JenisSurat])
SUBMIT: Endpoint[PermohonanSuratDiterima] = Endpoint(
    "POST", "/v1/layanan_mandiri/permohonan", PermohonanSuratDiterima
)
