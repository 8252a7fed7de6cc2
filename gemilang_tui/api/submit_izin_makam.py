"""SIMAPAN burial permit (izin pemakaman) submission contract: `POST /v1/simapan/izin-makam`.

`SUBMIT` is what the outbox sender posts for kind `izin_makam` (`gemilang_tui.sending.submission_endpoint`); its
answer carries `nomor`, the official permit number (`IZM4-2026-00001`). The TPU list and the fee come from the
information routes of `api/simapan.py` (`GET /v1/simapan/kecamatan`, `/tpu`, `/izin-makam`).

The choices a citizen makes by number (the family relationship, the documents) are part of the contract, so that
the kiosk and the server agree on their codes. Each has its Indonesian name (what the office reads) and English.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import ConfigDict, Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel, Jam
from gemilang_tui.api.status import Riwayat, Tahap

#: The relationship of the person responsible to the deceased: code → (Indonesian, English).
HUBUNGAN: dict[str, tuple[str, str]] = {
    "suami_istri": ("Suami atau istri", "Husband or wife"),
    "anak": ("Anak", "Son or daughter"),
    "orang_tua": ("Orang tua", "Father or mother"),
    "saudara": ("Saudara kandung", "Brother or sister"),
    "cucu": ("Cucu", "Grandchild"),
    "kerabat": ("Kerabat lain", "Other relative"),
    "bukan_keluarga": ("Bukan keluarga", "Not family"),
}

#: The documents of a burial permit (DOMAIN.md, after Kota Tangerang): code → (Indonesian, English).
DOKUMEN: dict[str, tuple[str, str]] = {
    "ktp_almarhum": ("KTP almarhum", "KTP of the deceased"),
    "ktp_penanggung_jawab": ("KTP penanggung jawab", "KTP of the person responsible"),
    "kk": ("Kartu Keluarga (KK)", "Kartu Keluarga (KK)"),
    "pengantar_rt_rw": ("Surat pengantar RT/RW", "Covering letter from the RT/RW"),
    "keterangan_kematian": ("Surat keterangan kematian", "Death certificate"),
}

KodeHubungan = Literal["suami_istri", "anak", "orang_tua", "saudara", "cucu", "kerabat", "bukan_keluarga"]
KodeDokumen = Literal["ktp_almarhum", "ktp_penanggung_jawab", "kk", "pengantar_rt_rw", "keterangan_kematian"]
NIK = r"^\d{16}$"
TELEPON = r"^08\d{8,11}$"


class Almarhum(ApiModel):
    """The deceased. Removed from the kiosk's outbox once the server has confirmed (nama, nik)."""

    model_config = ConfigDict(extra="forbid")

    nama: str = Field(min_length=2, max_length=100)
    nik: str | None = Field(default=None, pattern=NIK, description="null when the family does not know it")
    tanggal_wafat: date = Field(description="not after today, not before the birth date in the NIK")


class PenanggungJawab(ApiModel):
    """The person responsible for the burial (usually the one at the kiosk)."""

    model_config = ConfigDict(extra="forbid")

    nama: str | None = Field(default=None, min_length=2, max_length=100, description="null: taken from the NIK")
    nik: str = Field(pattern=NIK)
    hubungan: KodeHubungan = Field(description="relationship to the deceased (codes in HUBUNGAN)")
    telepon: str = Field(pattern=TELEPON)


class IzinMakamBaru(ApiModel):
    """POST /v1/simapan/izin-makam body (with an `Idempotency-Key` header)."""

    model_config = ConfigDict(extra="forbid")

    almarhum: Almarhum
    kode_tpu: str = Field(min_length=1, description="the TPU's id, e.g. TPU-001; it must have a free plot")
    tanggal_makam: date = Field(description="the day of the burial: not before today, not before the death")
    jam_makam: Jam = Field(description="the time of the burial, e.g. 10:00 (the TPU is told 2 hours before)")
    penanggung_jawab: PenanggungJawab
    dokumen: list[KodeDokumen] = Field(description="the documents the applicant confirmed having: all five")
    sktm: bool = Field(description="the applicant has an SKTM (surat keterangan tidak mampu): no retribusi")
    kanal: Literal["kiosk"] = "kiosk"
    dibantu_petugas: bool = Field(default=False, description="an attendant typed for the citizen")


class TpuTujuan(ApiModel):
    id: str
    nama: str
    desa: str
    kecamatan: str


class RetribusiIzin(ApiModel):
    """What the permit costs this applicant: `biaya` 0 when free with an SKTM."""

    biaya: int = Field(ge=0, description="rupiah")
    masa_tahun: int = Field(ge=1, description="the plot is paid for this many years")
    gratis: bool
    keterangan: str


class IzinMakamDiterima(ApiModel):
    """The answer to a new application (201, or 200 when the same Idempotency-Key and body are sent again)."""

    nomor: str = Field(pattern=r"^IZM4-\d{4}-\d{5}$", description="the official permit application number")
    status: str
    dibuat: date
    tanggal_wafat: date
    tanggal_makam: date
    jam_makam: Jam
    tpu: TpuTujuan
    retribusi: RetribusiIzin
    hari_kerja: int = Field(ge=0, description="working days until the permit letter is issued")
    terbit_paling_lambat: date
    catatan: list[str] = Field(description="what the family must do next, in Indonesian")


class StatusIzinMakam(ApiModel):
    """GET /v1/simapan/izin-makam/{nomor}: a burial permit application's status (IZM4-2026-00001, or 4202600001)."""

    nomor: str = Field(pattern=r"^IZM4-\d{4}-\d{5}$")
    status: str = Field(description="Diajukan, Diverifikasi, Terbit, Ditolak")
    dibuat: date
    tpu: TpuTujuan
    retribusi: RetribusiIzin
    catatan: list[str] = Field(default_factory=list, description="what the family must do next, in Indonesian")
    riwayat: list[Riwayat] = Field(description="oldest first")
    tahapan: list[Tahap] = Field(description="penerbitan: the permit letter's promise in working days")
    dihitung_pada: date


SUBMIT: Endpoint[IzinMakamDiterima] = Endpoint("POST", "/v1/simapan/izin-makam", IzinMakamDiterima)
STATUS_IZIN_MAKAM: Endpoint[StatusIzinMakam] = Endpoint(
    "GET", "/v1/simapan/izin-makam/{nomor}", StatusIzinMakam, personal=True
)
