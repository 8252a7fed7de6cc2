"""GET /v1/layanan: the service catalogue the Menu Utama is drawn from."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import Field

from gemilang_tui.api.model import ApiModel

router = APIRouter(tags=["katalog"])


class Teks(ApiModel):
    id: str = Field(description="Bahasa Indonesia")
    en: str | None = Field(default=None, description="English")


class Grup(ApiModel):
    kode: str
    nomor: int = Field(ge=1, le=9)
    judul: Teks
    keterangan: Teks


class Layanan(ApiModel):
    kode: str
    nomor: int = Field(ge=1, le=9)
    grup: str | None = Field(description="kode of its group, or null for the Menu Utama itself")
    aktif: bool
    judul: Teks
    keterangan: Teks


class Katalog(ApiModel):
    grup: list[Grup]
    layanan: list[Layanan]


FIXTURES = {"layanan.json": Katalog}


@router.get("/v1/layanan", response_model=Katalog)
def katalog(request: Request) -> Katalog:
    """Every service of the kiosk with its number, group and texts."""
    return request.app.state.fixtures.load("layanan.json", Katalog)
