"""Siaga (emergency): the emergency telephone numbers and what to say when calling."""

from __future__ import annotations

from pydantic import BaseModel, Field

from gemilang_tui.api.endpoint import Endpoint, model


class NomorDarurat(BaseModel):
    nomor: str = Field(pattern=r"^[0-9]{3,6}$", description="the number to dial, e.g. 112")
    nama: str
    nama_en: str | None = None
    keterangan: str = ""
    keterangan_en: str | None = None


class Petunjuk(BaseModel):
    teks: str
    teks_en: str | None = None


class Siaga(BaseModel):
    nomor: list[NomorDarurat] = Field(min_length=1, description="112 first, then the others")
    cara_menelepon: list[Petunjuk] = Field(default_factory=list, description="what to say when calling")


EMERGENCY: Endpoint[Siaga] = Endpoint("GET", "/v1/siaga", model(Siaga))
