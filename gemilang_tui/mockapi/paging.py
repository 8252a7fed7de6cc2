"""Pages of a list as every list route of the mock answers them: `?page=2&per_page=7` → `Halaman`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Any, TypeVar

from fastapi import Query
from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from gemilang_tui.api.model import Halaman

T = TypeVar("T")



def _digits(value: Any) -> Any:
    """Only digits: pydantic alone would read `17_60` as 1760, an integer no schema allows."""
    if isinstance(value, str) and not re.fullmatch(r"[0-9]+", value):
        raise PydanticCustomError("int_parsing", "not a whole number")
    return value


#: `page: PageNumber = 1`: 1 for the first page.
PageNumber = Annotated[int, Query(ge=1, description="1 for the first page"), BeforeValidator(_digits)]
#: `per_page: PerPage = 20`: at most 100 items a page.
PerPage = Annotated[int, Query(ge=1, le=100), BeforeValidator(_digits)]


def page_of(items: Sequence[T], page: int, per_page: int) -> Halaman[Any]:
    """Page `page` of `items`, `per_page` to a page (empty past the end), with the total."""
    start = (page - 1) * per_page
    return Halaman[Any](items=list(items[start:start + per_page]), total=len(items), page=page, per_page=per_page)


def one_page(items: Sequence[T]) -> Halaman[Any]:
    """Every item on one page: the short lists the kiosk asks for whole."""
    return page_of(items, 1, max(1, len(items)))
