"""`paged(ENDPOINT, …)`: the query a page of a list sends, and the `flow.Page` it gives back."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from gemilang_tui.api.model import Halaman
from gemilang_tui.api.paged import paged
from gemilang_tui.api.wisata import PLACES
from gemilang_tui.flow import Page


class _Api:
    def __init__(self) -> None:
        self.asked: list[tuple[object, dict[str, object]]] = []

    async def fetch(self, endpoint, params):
        self.asked.append((endpoint, params))
        return Halaman[str](items=["a", "b"], total=9, page=params["page"], per_page=params["per_page"])


async def test_filters_go_along_none_is_left_out_and_a_function_reads_the_context():
    api = _Api()
    ctx = SimpleNamespace(api=api, today=date(2026, 11, 28))
    fetch = paged(PLACES, kategori="bahari", kecamatan=None, dari=lambda ctx: ctx.today.isoformat())
    page = await fetch(ctx, 2, 7)
    assert page == Page(["a", "b"], 9)
    assert api.asked == [(PLACES, {"kategori": "bahari", "dari": "2026-11-28", "page": 2, "per_page": 7})]
