"""GET /v1/radio: Radio Gemilang 91 FM, its frequency and its weekly programme schedule."""

from __future__ import annotations

from fastapi import APIRouter, Request

from gemilang_tui.api.radio import STATION, Radio

router = APIRouter(tags=["radio"])

FIXTURES = {"radio.json": Radio}


@router.get(STATION.path, response_model=STATION.model)
def radio(request: Request) -> Radio:
    """The station and every programme of the week; the kiosk works out what is on air now."""
    return request.app.state.fixtures.load("radio.json", Radio)
