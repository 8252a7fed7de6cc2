"""Sipinter (DPMPTSP licensing) contract: a permit application's status by its registration number."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint, model
from gemilang_tui.api.model import ApiModel
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


STATUS_IZIN: Endpoint[StatusIzin] = Endpoint("GET", "/v1/sipinter/registrasi/{nomor}", model(StatusIzin), personal=True)
