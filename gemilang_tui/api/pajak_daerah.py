"""Pajak Daerah contract: the regional taxes of Kabupaten Tangerang (UU 1/2022), what each is and how to pay it."""

from __future__ import annotations

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel, Halaman


class PajakRingkas(ApiModel):
    """One line of the list."""

    kode: str
    nama: str
    nama_en: str | None = None
    nama_singkat: str = Field(description="short name for a numbered list line")
    nama_singkat_en: str | None = None


class Pajak(PajakRingkas):
    """GET /v1/pajak-daerah/{kode}: what the tax is, its rate, how and where to pay."""

    keterangan: str
    keterangan_en: str | None = None
    tarif: str
    tarif_en: str | None = None
    cara_bayar: str
    cara_bayar_en: str | None = None
    tempat_bayar: list[str]
    tempat_bayar_en: list[str] | None = None
    layanan_terkait: str | None = Field(default=None, description="kode of a kiosk service that helps with it")


DAFTAR: Endpoint[Halaman[PajakRingkas]] = Endpoint("GET", "/v1/pajak-daerah", Halaman[PajakRingkas])
RINCIAN: Endpoint[Pajak] = Endpoint("GET", "/v1/pajak-daerah/{kode}", Pajak)
