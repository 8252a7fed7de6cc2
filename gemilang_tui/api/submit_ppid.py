"""PPID information request contract (UU 14/2008): the form's topics and `POST /v1/ppid/permohonan`.

`SUBMIT` is what the outbox sender posts for kind `ppid` (`gemilang_tui.sending.submission_endpoint`); its answer
carries `nomor` (PPID-2026-0046). The status lookup (`GET /v1/ppid/permohonan/{nomor}`) lives in `api/ppid.py`.
Personal data sits under `pemohon` in keys the kiosk's outbox removes once the server has confirmed (`nik`, `nama`,
`telepon`, `email`, `alamat`); the answer carries none of it.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import ConfigDict, Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel, Halaman
from gemilang_tui.api.ppid import InformasiPublik
from gemilang_tui.api.status import Riwayat

KODE_KECAMATAN = r"^36\.03\.\d{2}$"
KODE_DESA = r"^36\.03\.\d{2}\.[12]\d{3}$"
NOMOR_PPID = r"^PPID-\d{4}-\d{4}$"
EMAIL = r"^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$"

JenisPemohon = Literal["perorangan", "badan_hukum"]
CaraMemperoleh = Literal["melihat_membaca", "salinan"]
CaraSalinan = Literal["ambil_langsung", "pos", "email"]


class TopikInformasi(ApiModel):
    """A topic of the daftar informasi publik, with its entries: what a citizen picks by number."""

    kode: str
    nama: str
    nama_en: str | None = None
    informasi: list[InformasiPublik] = Field(default_factory=list)


class AlamatPemohon(ApiModel):
    """Where the applicant lives: a desa or kelurahan of Kabupaten Tangerang, and optional details."""

    model_config = ConfigDict(extra="forbid")

    kode_kecamatan: str = Field(pattern=KODE_KECAMATAN)
    kecamatan: str = Field(min_length=1)
    kode_desa: str = Field(pattern=KODE_DESA)
    desa: str = Field(min_length=1)
    detail: str | None = Field(default=None, max_length=200,
                               description="street, kampung, RT/RW, house number: required for a copy by post")


class Pemohon(ApiModel):
    """Who asks: removed from the kiosk's outbox once the server has confirmed."""

    model_config = ConfigDict(extra="forbid")

    jenis: JenisPemohon
    nik: str | None = Field(default=None, pattern=r"^\d{16}$", description="required for perorangan")
    nama: str | None = Field(default=None, min_length=2, max_length=100,
                             description="required for badan_hukum; a person may leave it to the officer, who "
                             "takes it from the NIK")
    alamat: AlamatPemohon
    pekerjaan: str | None = Field(default=None, min_length=2, max_length=100, description="required for perorangan")
    telepon: str | None = Field(default=None, pattern=r"^08\d{8,11}$", description="optional: no SMS without it")
    email: str | None = Field(default=None, max_length=100, pattern=EMAIL,
                              description="required when the copy is sent by email")


class PermohonanInformasiBaru(ApiModel):
    """POST /v1/ppid/permohonan body (with an `Idempotency-Key` header)."""

    model_config = ConfigDict(extra="forbid")

    pemohon: Pemohon
    kode_informasi: str | None = Field(default=None, description="an id of the daftar informasi publik; null when "
                                       "the applicant wrote it in own words")
    rincian: str = Field(min_length=5, max_length=1000, description="the information asked for")
    tujuan_penggunaan: str = Field(min_length=3, max_length=500)
    cara_memperoleh: CaraMemperoleh
    cara_mendapatkan_salinan: CaraSalinan | None = Field(default=None, description="only with salinan")
    kanal: Literal["kiosk"] = "kiosk"
    dibantu_petugas: bool = Field(default=False, description="an attendant typed for the citizen")


class PermohonanInformasiDiterima(ApiModel):
    """The answer to a new request (201, or 200 when the same Idempotency-Key and body are sent again)."""

    nomor: str = Field(pattern=NOMOR_PPID, description="the official request number")
    tanggal: date = Field(description="the day the request was registered")
    status: str
    rincian: str
    dinas_tujuan: str = Field(description="the office that holds the information")
    kode_informasi: str | None = None
    tujuan_penggunaan: str
    cara_memperoleh: CaraMemperoleh
    cara_mendapatkan_salinan: CaraSalinan | None = None
    jawaban_hari_kerja: int = Field(ge=0, description="the answer is due within this many working days")
    perpanjangan_hari_kerja: int = Field(ge=0, description="extendable once by this many working days")
    batas_jawaban: date
    riwayat: list[Riwayat]


TOPIK_INFORMASI: Endpoint[Halaman[TopikInformasi]] = Endpoint("GET", "/v1/ppid/topik", Halaman[TopikInformasi])
SUBMIT: Endpoint[PermohonanInformasiDiterima] = Endpoint(
    "POST", "/v1/ppid/permohonan", PermohonanInformasiDiterima
)
