"""Siaga (emergency): the emergency telephone numbers and what to say when calling."""

from __future__ import annotations

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel, Teks


class NomorDarurat(ApiModel):
    nomor: str = Field(pattern=r"^[0-9]{3,6}$", description="the number to dial, e.g. 112")
    nama: str
    nama_en: str | None = None
    keterangan: str = ""
    keterangan_en: str | None = None


class Siaga(ApiModel):
    nomor: list[NomorDarurat] = Field(min_length=1, description="112 first, then the others")
    cara_menelepon: list[Teks] = Field(default_factory=list, description="what to say when calling")


EMERGENCY: Endpoint[Siaga] = Endpoint("GET", "/v1/siaga", Siaga)
