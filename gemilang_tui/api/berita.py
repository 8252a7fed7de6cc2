"""Berita (news of Kabupaten Tangerang): a paged list, newest first, and one article in full."""

from __future__ import annotations

from datetime import date

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel, Halaman


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


ARTICLES: Endpoint[Halaman[ArtikelRingkas]] = Endpoint("GET", "/v1/berita", Halaman[ArtikelRingkas])
ARTICLE: Endpoint[Artikel] = Endpoint("GET", "/v1/berita/{id_berita}", Artikel)
