"""SP4N LAPOR! contract: a complaint's status by its 7-digit ticket number, with its history and deadlines."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel
from gemilang_tui.api.status import Riwayat, Tahap


class StatusLaporan(ApiModel):
    """GET /v1/lapor/tiket/{nomor}: what a citizen may see of a report by its ticket number."""

    nomor: str = Field(pattern=r"^\d{7}$")
    judul: str
    jenis: str = Field(description="Pengaduan | Aspirasi | Permintaan Informasi")
    kategori: str
    kategori_en: str | None = None
    status: str = Field(description="Belum Terverifikasi, Terverifikasi, Didisposisi, Ditindaklanjuti, Selesai, "
                        "Ditunda, Bukan Wewenang, Diarsipkan")
    instansi: str | None = Field(default=None, description="the agency handling it; null until disposed")
    dibuat: date
    lokasi: str | None = Field(default=None, description="desa and kecamatan, e.g. Kadu Agung, Kec. Tigaraksa")
    riwayat: list[Riwayat] = Field(description="oldest first")
    tahapan: list[Tahap] = Field(description="verifikasi, tanggapan, penutupan: the LAPOR! promises")
    dihitung_pada: date = Field(description="the day sisa_hari_kerja is counted from (today)")


STATUS_LAPORAN: Endpoint[StatusLaporan] = Endpoint(
    "GET", "/v1/lapor/tiket/{nomor}", StatusLaporan, personal=True
)
