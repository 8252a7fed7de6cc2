"""GET /v1/layanan: the service catalogue the Menu Utama is drawn from."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from gemilang_tui.api.katalog import CATALOGUE, Katalog
from gemilang_tui.mockapi.fixtures import fixture

router = APIRouter(tags=["katalog"])

FIXTURES = {"layanan.json": Katalog}


@router.get(CATALOGUE.path, response_model=CATALOGUE.model)
def katalog(data: Annotated[Katalog, Depends(fixture("layanan.json", Katalog))]) -> Katalog:
    """Every service of the kiosk with its number, group and texts."""
    return data
