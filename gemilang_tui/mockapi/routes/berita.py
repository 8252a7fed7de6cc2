"""GET /v1/berita: news articles, newest first, paged; GET /v1/berita/{id}: one article in full."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import model_validator

from gemilang_tui.api.berita import ARTICLE, ARTICLES, Artikel
from gemilang_tui.api.model import ApiModel, Halaman
from gemilang_tui.mockapi.paging import page_of

router = APIRouter(tags=["berita"])


class DataBerita(ApiModel):
    """berita.json: every article, in any order."""

    artikel: list[Artikel]

    @model_validator(mode="after")
    def _unique(self) -> DataBerita:
        ids = [a.id for a in self.artikel]
        if len(set(ids)) != len(ids):
            raise ValueError("two articles share an id")
        return self


FIXTURES = {"berita.json": DataBerita}


def _newest_first(request: Request) -> list[Artikel]:
    data = request.app.state.fixtures.load("berita.json", DataBerita)
    return sorted(data.artikel, key=lambda a: (a.tanggal, a.id), reverse=True)


@router.get(ARTICLES.path, response_model=ARTICLES.model)
def daftar_berita(
    request: Request,
    page: int = Query(1, ge=1),
    per_page: int = Query(20, ge=1, le=100),
) -> Halaman[Any]:
    """The articles, newest first, without their full text."""
    articles = _newest_first(request)
    return page_of(articles, page, per_page)  # the answer's model leaves out `isi`


@router.get(ARTICLE.path, response_model=ARTICLE.model)
def berita(request: Request, id_berita: str) -> Artikel:
    """One article with its full text."""
    for article in _newest_first(request):
        if article.id == id_berita:
            return article
    raise HTTPException(404, detail=f"Berita {id_berita} tidak ditemukan.")
