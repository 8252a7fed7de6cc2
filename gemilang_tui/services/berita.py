"""Berita: the news of Kabupaten Tangerang, newest first, seven to a page; an article to read and scroll."""

from __future__ import annotations

from gemilang_tui.api.berita import ARTICLE, ARTICLES, Artikel, ArtikelRingkas
from gemilang_tui.api.paged import paged
from gemilang_tui.catalog import ServiceEntry
from gemilang_tui.flow import Content, Context, Detail, Next, PagedList, Step
from gemilang_tui.i18n import L, long_date


def start(ctx: Context, entry: ServiceEntry) -> Step:
    return PagedList(
        title=lambda: str(entry.judul),
        question=L("Press the number of a news item to read it."),
        fetch=paged(ARTICLES),
        label=lambda item: item.judul,
        hint=lambda item: long_date(item.tanggal),
        open_item=_open_article,
        empty=L("There is no news yet."),
    )


def _open_article(item: ArtikelRingkas) -> Next:
    return lambda ctx: article(item)


def article(item: ArtikelRingkas) -> Step:
    """One article: title, date, then its paragraphs; arrow keys and +/- scroll."""

    async def fetch(ctx: Context) -> Artikel:
        return await ctx.api.fetch(ARTICLE, id_berita=item.id)

    return Detail(title=lambda: item.judul, fetch=fetch, render=lambda ctx, full: render_article(full))


def paragraphs(text: str) -> list[str]:
    """The article's paragraphs: split on blank lines, each with its own line breaks joined."""
    blocks = [" ".join(line.strip() for line in block.splitlines()) for block in text.split("\n\n")]
    return [block.strip() for block in blocks if block.strip()]


def render_article(full: Artikel) -> Content:
    dateline = long_date(full.tanggal)
    if full.kategori:
        dateline = f"{dateline} · {full.kategori}"
    return Content(body=[dateline, *paragraphs(full.isi)], title=full.judul)
