"""GET /v1/siaga: the emergency telephone numbers (112 first) and what to say when calling."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import model_validator

from gemilang_tui.api.siaga import EMERGENCY, Siaga
from gemilang_tui.mockapi.fixtures import fixture

router = APIRouter(tags=["siaga"])


class DataSiaga(Siaga):
    """siaga.json: 112, the single emergency number, must come first."""

    @model_validator(mode="after")
    def _112_first(self) -> DataSiaga:
        if self.nomor[0].nomor != "112":
            raise ValueError("the first emergency number must be 112")
        return self


FIXTURES = {"siaga.json": DataSiaga}


@router.get(EMERGENCY.path, response_model=EMERGENCY.model)
def siaga(data: Annotated[DataSiaga, Depends(fixture("siaga.json", DataSiaga))]) -> Siaga:
    """Emergency numbers in the order the kiosk shows them, 112 first."""
    return data
