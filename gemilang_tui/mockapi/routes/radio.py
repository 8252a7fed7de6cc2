"""GET /v1/radio: Radio Gemilang 91 FM, its frequency and its weekly programme schedule."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from gemilang_tui.api.radio import STATION, Radio
from gemilang_tui.mockapi.fixtures import fixture

router = APIRouter(tags=["radio"])

FIXTURES = {"radio.json": Radio}


@router.get(STATION.path, response_model=STATION.model)
def radio(data: Annotated[Radio, Depends(fixture("radio.json", Radio))]) -> Radio:
    """The station and every programme of the week; the kiosk works out what is on air now."""
    return data
