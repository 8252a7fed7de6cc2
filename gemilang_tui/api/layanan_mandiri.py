"""Layanan Mandiri contract: a self-service letter request's status by its number (LM-2026-00077)."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel
from gemilang_tui.api.status import Riwayat, Tahap


class StatusSurat(ApiModel):
    """GET /v1/layanan_mandiri/permohonan/{nomor}."""

    nomor: str = Field(pattern=r"^LM-\d{4}-\d{5}$")
    jenis_surat: str
    jenis_surat_en: str | None = None
    status: str = Field(description="Diajukan, Diproses, Siap diambil, Selesai, Ditolak")
    desa: str
    kecamatan: str
    tempat_ambil: str = Field(description="where the letter is collected, e.g. Kantor Desa Tapos")
    diajukan: date
    riwayat: list[Riwayat] = Field(description="oldest first")
    tahapan: list[Tahap] = Field(description="penyelesaian: the letter's promise in working days")
    dihitung_pada: date


STATUS_SURAT: Endpoint[StatusSurat] = Endpoint(
    "GET", "/v1/layanan_mandiri/permohonan/{nomor}", StatusSurat, personal=True
)
