"""Sidoni donor registration contract: `POST /v1/sidoni/pendaftaran`.

`SUBMIT` is what the outbox sender posts for kind `donor`; its answer carries `nomor` (`DNR5-2026-00001`) and the
session the donor comes to. The sessions themselves come from `GET /v1/sidoni/jadwal` (`api/sidoni.py`).

The eligibility answers are sent as the codes below; the server checks them again (DOMAIN.md: age 17–60, at least
45 kg, at least 2 months since the last donation, at most 5 donations a year, healthy).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import ConfigDict, Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel, Jam
from gemilang_tui.api.sidoni import Jadwal
from gemilang_tui.api.status import Riwayat, Tahap

KodeUsia = Literal["di_bawah_17", "17_60", "di_atas_60"]
KodeDonorTerakhir = Literal["belum_pernah", "kurang_2_bulan", "2_3_bulan", "lebih_3_bulan"]
GolonganDarah = Literal["A", "B", "AB", "O", "belum_tahu"]


class SesiDonor(ApiModel):
    """Which session of the schedule: its date, start time and kecamatan."""

    model_config = ConfigDict(extra="forbid")

    tanggal: date
    jam_mulai: Jam
    kode_kecamatan: str = Field(pattern=r"^36\.03\.\d{2}$")


class Kelayakan(ApiModel):
    """The answers to the eligibility questions, as given at the kiosk."""

    model_config = ConfigDict(extra="forbid")

    usia: KodeUsia
    berat_minimal_45_kg: bool
    donor_terakhir: KodeDonorTerakhir
    sehat: bool = Field(description="feeling healthy today: no fever, no flu, no antibiotics")
    lima_kali_tahun_ini: bool | None = Field(
        default=None, description="already 5 donations or more this year; null when never donated")


class PendaftaranDonorBaru(ApiModel):
    """POST /v1/sidoni/pendaftaran body (with an `Idempotency-Key` header)."""

    model_config = ConfigDict(extra="forbid")

    jadwal: SesiDonor
    kelayakan: Kelayakan
    nama: str | None = Field(default=None, min_length=2, max_length=100, description="null: taken from the NIK")
    nik: str = Field(pattern=r"^\d{16}$")
    telepon: str | None = Field(default=None, pattern=r"^08\d{8,11}$", description="optional: no SMS without it")
    golongan_darah: GolonganDarah
    kanal: Literal["kiosk"] = "kiosk"
    dibantu_petugas: bool = Field(default=False, description="an attendant typed for the citizen")


class PendaftaranDonorDiterima(ApiModel):
    """The answer to a new registration (201, or 200 when the same Idempotency-Key and body are sent again)."""

    nomor: str = Field(pattern=r"^DNR5-\d{4}-\d{5}$", description="the registration number")
    status: str
    dibuat: date
    jadwal: Jadwal
    golongan_darah: GolonganDarah
    bawa: list[str] = Field(description="what to bring and do before donating, in Indonesian")


class StatusPendaftaranDonor(ApiModel):
    """GET /v1/sidoni/pendaftaran/{nomor}: a donor registration's status (DNR5-2026-00001, or 5202600001)."""

    nomor: str = Field(pattern=r"^DNR5-\d{4}-\d{5}$")
    status: str = Field(description="Terdaftar, Sudah donor, Tidak hadir, Dibatalkan")
    dibuat: date
    jadwal: Jadwal
    golongan_darah: GolonganDarah
    bawa: list[str] = Field(default_factory=list, description="what to bring and do before donating, in Indonesian")
    riwayat: list[Riwayat] = Field(description="oldest first")
    tahapan: list[Tahap] = Field(default_factory=list, description="none: a session has a date, not a promise")
    dihitung_pada: date


SUBMIT: Endpoint[PendaftaranDonorDiterima] = Endpoint(
    "POST", "/v1/sidoni/pendaftaran", PendaftaranDonorDiterima
)
STATUS_PENDAFTARAN: Endpoint[StatusPendaftaranDonor] = Endpoint(
    "GET", "/v1/sidoni/pendaftaran/{nomor}", StatusPendaftaranDonor, personal=True
)
