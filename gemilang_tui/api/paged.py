"""`paged(ENDPOINT, filter=value)`: the fetch of a `PagedList`, one page of a list endpoint as a `flow.Page`;
`whole(ctx, ENDPOINT)`: every item of a list a form offers as its choices."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from gemilang_tui.api.bounds import MAX_ITEMS
from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import Halaman
from gemilang_tui.flow import Page

if TYPE_CHECKING:
    from gemilang_tui.flow import Context

T = TypeVar("T")


def paged(endpoint: Endpoint[Halaman[T]], **filters: Any) -> Callable[[Context, int, int], Awaitable[Page[T]]]:
    """Page `page` of `endpoint`, `per_page` to a page, with `filters` as query parameters: a filter may be a
    function of the context (`dari=lambda ctx: ctx.today.isoformat()`); one that is None is left out."""

    async def fetch(ctx: Context, page: int, per_page: int) -> Page[T]:
        params = {name: value(ctx) if callable(value) else value for name, value in filters.items()}
        params = {name: value for name, value in params.items() if value is not None}
        answer = await ctx.api.fetch(endpoint, {**params, "page": page, "per_page": per_page})
        return Page(answer.items, answer.total)

    return fetch


WHOLE_PAGE = 100  # the contract's largest per_page


async def whole(ctx: Context, endpoint: Endpoint[Halaman[T]], **params: Any) -> list[T]:
    """Every item of a list endpoint that a form offers as its choices (categories, letters, sessions), page after
    page, with `params` as query parameters; never more than the client accepts of one list."""
    items: list[T] = []
    page = 1
    while True:
        answer = await ctx.api.fetch(endpoint, {**params, "page": page, "per_page": WHOLE_PAGE})
        items.extend(answer.items)
        if not answer.items or len(items) >= min(answer.total, MAX_ITEMS):
            return items[:MAX_ITEMS]
        page += 1
