"""GET /v1/berita: news articles, newest first, paged; GET /v1/berita/{id}: one article in full."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException
from pydantic import model_validator

from gemilang_tui.api.berita import ARTICLE, ARTICLES, Artikel
from gemilang_tui.api.model import ApiModel, Halaman
from gemilang_tui.mockapi.fixtures import fixture
from gemilang_tui.mockapi.paging import PageNumber, PerPage, page_of

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


def _newest_first(data: Annotated[DataBerita, Depends(fixture("berita.json", DataBerita))]) -> list[Artikel]:
    return sorted(data.artikel, key=lambda a: (a.tanggal, a.id), reverse=True)


NewestFirst = Annotated[list[Artikel], Depends(_newest_first)]


@router.get(ARTICLES.path, response_model=ARTICLES.model)
def daftar_berita(
    articles: NewestFirst,
    page: PageNumber = 1,
    per_page: PerPage = 20,
) -> Halaman[Any]:
    """The articles, newest first, without their full text."""
    return page_of(articles, page, per_page)  # the answer's model leaves out `isi`


@router.get(ARTICLE.path, response_model=ARTICLE.model)
def berita(articles: NewestFirst, id_berita: str) -> Artikel:
    """One article with its full text."""
    for article in articles:
        if article.id == id_berita:
            return article
    raise HTTPException(404, detail=f"Berita {id_berita} tidak ditemukan.")
