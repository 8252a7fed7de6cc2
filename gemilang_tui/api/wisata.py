"""Wisata (tourism): the seven categories, the places of a category, and one place in full.

Rupiah are integers; a place without tickets (`tiket: []`) is free to enter.
"""

from __future__ import annotations

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel, Halaman


class Kategori(ApiModel):
    kode: str = Field(description="kuliner, cagar_alam, pendidikan, religi, pertanian, budaya, bahari")
    nama: str
    nama_en: str | None = None
    jumlah_tempat: int = Field(default=0, ge=0, description="how many places the category has")


class Tiket(ApiModel):
    jenis: str = Field(description="what the price is for: perorangan, dewasa, anak, motor, mobil…")
    jenis_en: str | None = None
    harga: int = Field(ge=0, description="rupiah")


class TempatRingkas(ApiModel):
    """A place as a list shows it."""

    id: str
    kategori: str
    nama: str
    desa: str
    kecamatan: str
    kode_kecamatan: str


class Tempat(TempatRingkas):
    """A place in full."""

    alamat: str
    kode_desa: str
    jam_buka: str = Field(description="opening hours as written, e.g. 06.00–18.00 or 24 jam")
    tiket: list[Tiket] = Field(default_factory=list, description="empty when entry is free")
    fasilitas: list[str] = Field(default_factory=list)
    keterangan: str = ""
    keterangan_en: str | None = None


CATEGORIES: Endpoint[Halaman[Kategori]] = Endpoint("GET", "/v1/wisata/kategori", Halaman[Kategori])
PLACES: Endpoint[Halaman[TempatRingkas]] = Endpoint("GET", "/v1/wisata/tempat", Halaman[TempatRingkas])
PLACE: Endpoint[Tempat] = Endpoint("GET", "/v1/wisata/tempat/{id_tempat}", Tempat)
