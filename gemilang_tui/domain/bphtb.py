"""BPHTB (land and building acquisition duty) computation."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

DEFAULT_RATE_PERCENT = 5
# Assumed current NPOPTKP values (DOMAIN.md); configuration, not law encoded here.
NPOPTKP_GENERAL = 80_000_000
NPOPTKP_INHERITANCE = 300_000_000


class BphtbError(ValueError):
    """Invalid BPHTB inputs; `reason` is a machine code, `params` its details."""

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason, params)
        self.reason = reason
        self.params: dict[str, Any] = params


@dataclass(frozen=True, slots=True)
class BphtbResult:
    """Every step of a BPHTB computation, in whole rupiah."""

    npop: int
    npoptkp: int
    npopkp: int
    bphtb: int
    rate_percent: Decimal


def compute_bphtb(
    price: int,
    njop: int,
    npoptkp: int,
    rate_percent: Decimal | float | int = DEFAULT_RATE_PERCENT,
) -> BphtbResult:
    """BPHTB = rate × max(0, max(price, njop) − npoptkp), rounded half up to whole rupiah."""
    for field, value in (("price", price), ("njop", njop), ("npoptkp", npoptkp)):
        if value < 0:
            raise BphtbError("negative", field=field, got=value)
    rate = rate_percent if isinstance(rate_percent, Decimal) else Decimal(str(rate_percent))
    if rate < 0:
        raise BphtbError("negative", field="rate_percent", got=rate_percent)
    npop = max(price, njop)
    npopkp = max(0, npop - npoptkp)
    bphtb = int((Decimal(npopkp) * rate / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return BphtbResult(npop=npop, npoptkp=npoptkp, npopkp=npopkp, bphtb=bphtb, rate_percent=rate)
