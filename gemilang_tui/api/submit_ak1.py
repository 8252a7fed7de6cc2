"""Siap Kerja job seeker's card (Kartu AK/1) application contract: `POST /v1/siap_kerja/ak1`.

`SUBMIT` is what the outbox sender posts for kind `ak1`; its answer carries `nomor` (`AK1-2026-00001`), when and
where the card can be collected. `GET /v1/siap_kerja/ak1` (`api/siap_kerja.py`) tells what the card needs.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import ConfigDict, Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel
from gemilang_tui.api.status import Riwayat, Tahap

#: Skills chosen by number (several): code → (Indonesian, English). Two screens of at most 8 (so "Selesai" is the
#: 9th key): work in factories, shops and offices, then other work (KETERAMPILAN_LAIN).
KETERAMPILAN: dict[str, tuple[str, str]] = {
    "operator_produksi": ("Operator produksi atau mesin", "Production or machine operator"),
    "menjahit": ("Menjahit", "Sewing"),
    "mengemudi": ("Mengemudi (punya SIM)", "Driving (with a licence)"),
    "komputer": ("Komputer dan administrasi", "Computers and office work"),
    "gudang": ("Gudang dan logistik", "Warehouse and logistics"),
    "teknik": ("Listrik dan teknik", "Electrical and technical work"),
    "tata_boga": ("Memasak dan tata boga", "Cooking and catering"),
    "penjualan": ("Penjualan dan kasir", "Sales and cashier"),
}
KETERAMPILAN_LAIN: dict[str, tuple[str, str]] = {
    "pertanian": ("Bertani, berkebun, atau beternak", "Farming, gardening or livestock"),
    "bangunan": ("Bangunan: tukang batu, kayu, atau cat", "Building: bricks, wood or paint"),
    "kebersihan": ("Kebersihan: menyapu, mengepel, mencuci", "Cleaning: sweeping, mopping, washing"),
    "lainnya": ("Pekerjaan lain", "Other work"),
}

KodeKeterampilan = Literal[
    "operator_produksi", "menjahit", "mengemudi", "komputer", "gudang", "teknik", "tata_boga", "penjualan",
    "pertanian", "bangunan", "kebersihan", "lainnya",
]
Pendidikan = Literal["Tidak tamat SD", "SD", "SMP", "SMA/SMK", "D3", "S1"]  # api/siap_kerja.py PENDIDIKAN


class PermohonanAk1Baru(ApiModel):
    """POST /v1/siap_kerja/ak1 body (with an `Idempotency-Key` header)."""

    model_config = ConfigDict(extra="forbid")

    nik: str = Field(pattern=r"^\d{16}$", description="a Kabupaten Tangerang NIK (3603…)")
    nama: str | None = Field(default=None, min_length=2, max_length=100, description="null: taken from the NIK")
    telepon: str | None = Field(default=None, pattern=r"^08\d{8,11}$", description="optional: no SMS without it")
    pendidikan: Pendidikan = Field(description="pendidikan terakhir ('Tidak tamat SD': tidak sekolah atau tidak tamat)")
    keterampilan: list[KodeKeterampilan] = Field(default_factory=list, max_length=12,
                                                 description="codes of KETERAMPILAN and KETERAMPILAN_LAIN, "
                                                             "each at most once")
    dokumen_lengkap: bool = Field(description="KTP, ijazah terakhir and pas foto 3×4 are ready: must be true")
    akun_siapkerja: bool = Field(description="false: the officer helps to make the SIAPkerja account")
    kanal: Literal["kiosk"] = "kiosk"
    dibantu_petugas: bool = Field(default=False, description="an attendant typed for the citizen")


class PermohonanAk1Diterima(ApiModel):
    """The answer to a new application (201, or 200 when the same Idempotency-Key and body are sent again)."""

    nomor: str = Field(pattern=r"^AK1-\d{4}-\d{5}$", description="the application number")
    status: str
    dibuat: date
    hari_kerja: int = Field(ge=0, description="working days until the card can be collected")
    siap_diambil: date
    tempat: str = Field(description="where the card is collected")
    biaya: int = Field(ge=0, description="rupiah; 0 = free")
    masa_berlaku_tahun: int = Field(ge=1)
    bantuan_akun_siapkerja: bool = Field(description="the officer helps to make the SIAPkerja account")


class StatusAk1(ApiModel):
    """GET /v1/siap_kerja/ak1/{nomor}: an AK/1 card application's status (AK1-2026-00001, or its digits 1202600001)."""

    nomor: str = Field(pattern=r"^AK1-\d{4}-\d{5}$")
    status: str = Field(description="Diajukan, Diverifikasi, Siap diambil, Selesai, Ditolak")
    dibuat: date
    tempat: str = Field(description="where the card is collected")
    siap_diambil: date
    biaya: int = Field(ge=0, description="rupiah; 0 = free")
    masa_berlaku_tahun: int = Field(ge=1)
    riwayat: list[Riwayat] = Field(description="oldest first")
    tahapan: list[Tahap] = Field(description="penyelesaian: the card's promise in working days")
    dihitung_pada: date


SUBMIT: Endpoint[PermohonanAk1Diterima] = Endpoint("POST", "/v1/siap_kerja/ak1", PermohonanAk1Diterima)
STATUS_AK1: Endpoint[StatusAk1] = Endpoint("GET", "/v1/siap_kerja/ak1/{nomor}", StatusAk1, personal=True)
