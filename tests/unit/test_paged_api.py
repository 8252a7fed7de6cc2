"""`paged(ENDPOINT, …)`: the query a page of a list sends, and the `flow.Page` it gives back."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from gemilang_tui.api.bounds import MAX_ITEMS
from gemilang_tui.api.model import Halaman
from gemilang_tui.api.paged import WHOLE_PAGE, paged, whole
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


class _Pages:
    """A list of `total` numbered items, served `per_page` at a time (as many as the server says, never more)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.asked: list[dict[str, object]] = []

    async def fetch(self, endpoint, params):
        self.asked.append(params)
        first = (params["page"] - 1) * params["per_page"]
        items = list(range(first, min(first + params["per_page"], self.total)))
        return Halaman[int](items=items, total=self.total, page=params["page"], per_page=params["per_page"])


async def test_whole_reads_page_after_page_until_the_total():
    api = _Pages(total=150)
    items = await whole(SimpleNamespace(api=api), PLACES, kategori="bahari")
    assert items == list(range(150))
    assert [params["page"] for params in api.asked] == [1, 2]
    assert all(params["kategori"] == "bahari" and params["per_page"] == WHOLE_PAGE for params in api.asked)


async def test_whole_stops_at_what_the_client_accepts_of_one_list():
    api = _Pages(total=100_000)
    items = await whole(SimpleNamespace(api=api), PLACES)
    assert len(items) == MAX_ITEMS and len(api.asked) == -(-MAX_ITEMS // WHOLE_PAGE)
