"""Berita (news of Kabupaten Tangerang): a paged list, newest first, and one article in full."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint, model
from gemilang_tui.api.model import ApiModel


class ArtikelRingkas(ApiModel):
    """An article as a list shows it."""

    id: str
    judul: str
    tanggal: date
    kategori: str = ""
    ringkasan: str = ""


class Artikel(ArtikelRingkas):
    """An article in full: `isi` holds paragraphs separated by a blank line."""

    isi: str


class HalamanBerita(ApiModel):
    items: list[ArtikelRingkas] = Field(description="newest first")
    total: int = Field(ge=0)
    page: int = Field(ge=1)
    per_page: int = Field(ge=1)


ARTICLES: Endpoint[HalamanBerita] = Endpoint("GET", "/v1/berita", model(HalamanBerita))
ARTICLE: Endpoint[Artikel] = Endpoint("GET", "/v1/berita/{id_berita}", model(Artikel))
