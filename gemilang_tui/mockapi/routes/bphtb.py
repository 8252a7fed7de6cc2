"""e-BPHTB: GET /v1/bphtb/aturan, the rate and the kinds of acquisition with their NPOPTKP.

NPOPTKP values are **assumed** current ones (DOMAIN.md: Rp80.000.000 general, Rp300.000.000 for inheritance and
hibah wasiat to direct family; an older Perda had Rp60.000.000): configuration in bphtb.json, not code.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import model_validator

from gemilang_tui.api.bphtb import ATURAN, AturanBphtb
from gemilang_tui.mockapi.fixtures import fixture

router = APIRouter(tags=["e-bphtb"])


class BphtbFixture(AturanBphtb):
    @model_validator(mode="after")
    def _unique_codes(self) -> BphtbFixture:
        codes = [jenis.kode for jenis in self.jenis_perolehan]
        if len(codes) != len(set(codes)):
            raise ValueError("jenis_perolehan has the same kode twice")
        if len(codes) > 9:
            raise ValueError("at most 9 jenis_perolehan: each is chosen by one number key")
        return self


FIXTURES = {"bphtb.json": BphtbFixture}


@router.get(ATURAN.path, response_model=ATURAN.model)
def aturan(data: Annotated[BphtbFixture, Depends(fixture("bphtb.json", BphtbFixture))]) -> AturanBphtb:
    """The BPHTB rate and each kind of acquisition with the part that is not taxed (NPOPTKP)."""
    return AturanBphtb.model_validate(data.model_dump())
