"""GET /v1/layanan: the service catalogue the Menu Utama is drawn from."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel

if TYPE_CHECKING:
    from gemilang_tui.catalog import Catalogue


class Judul(ApiModel):
    """A title or description in the catalogue's two languages."""

    id: str = Field(description="Bahasa Indonesia")
    en: str | None = Field(default=None, description="English")


class Grup(ApiModel):
    kode: str
    nomor: int = Field(ge=1, le=9)
    judul: Judul
    keterangan: Judul


class Layanan(ApiModel):
    kode: str
    nomor: int = Field(ge=1, le=9)
    grup: str | None = Field(description="kode of its group, or null for the Menu Utama itself")
    aktif: bool
    judul: Judul
    keterangan: Judul


class Katalog(ApiModel):
    grup: list[Grup]
    layanan: list[Layanan]


def _catalogue(raw: Any) -> Catalogue:
    from gemilang_tui.catalog import Catalogue

    return Catalogue.from_json(raw)


CATALOGUE: Endpoint[Catalogue] = Endpoint("GET", "/v1/layanan", Katalog, read=_catalogue)
