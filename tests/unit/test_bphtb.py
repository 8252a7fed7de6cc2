from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gemilang_tui.domain.bphtb import (
    NPOPTKP_GENERAL,
    NPOPTKP_INHERITANCE,
    BphtbError,
    BphtbResult,
    compute_bphtb,
)


def test_canonical_jual_beli() -> None:
    result = compute_bphtb(price=415_000_000, njop=380_000_000, npoptkp=NPOPTKP_GENERAL)
    assert result == BphtbResult(
        npop=415_000_000, npoptkp=80_000_000, npopkp=335_000_000, bphtb=16_750_000, rate_percent=Decimal(5)
    )


def test_canonical_waris_uses_njop() -> None:
    result = compute_bphtb(price=0, njop=500_000_000, npoptkp=NPOPTKP_INHERITANCE)
    assert (result.npop, result.npopkp, result.bphtb) == (500_000_000, 200_000_000, 10_000_000)


def test_textbook_example_with_older_npoptkp() -> None:
    assert compute_bphtb(415_000_000, 0, 60_000_000).bphtb == 17_750_000


def test_below_npoptkp_owes_nothing() -> None:
    result = compute_bphtb(50_000_000, 70_000_000, 80_000_000)
    assert (result.npop, result.npopkp, result.bphtb) == (70_000_000, 0, 0)


def test_rounding_half_up() -> None:
    assert compute_bphtb(10, 0, 0).bphtb == 1  # 0.5 → 1
    assert compute_bphtb(9, 0, 0).bphtb == 0  # 0.45 → 0
    assert compute_bphtb(1_000, 0, 0, rate_percent=2.5).bphtb == 25


@pytest.mark.parametrize("field", ["price", "njop", "npoptkp"])
def test_negative_inputs_rejected(field: str) -> None:
    args = {"price": 1, "njop": 1, "npoptkp": 1} | {field: -1}
    with pytest.raises(BphtbError) as info:
        compute_bphtb(**args)
    assert (info.value.reason, info.value.params) == ("negative", {"field": field, "got": -1})


_money = st.integers(min_value=0, max_value=10**13)


@given(_money, _money, _money)
def test_bphtb_is_five_percent_of_taxable_value_never_negative(price: int, njop: int, npoptkp: int) -> None:
    result = compute_bphtb(price, njop, npoptkp)
    taxable = max(0, max(price, njop) - npoptkp)
    assert result.npop == max(price, njop)
    assert result.npopkp == taxable
    assert result.bphtb >= 0
    # 5 % half up in integer arithmetic: (taxable × 5 + 50) // 100
    assert result.bphtb == (taxable * 5 + 50) // 100


@given(_money, _money, _money, st.integers(min_value=0, max_value=10**9))
def test_bphtb_is_monotone_in_price(price: int, njop: int, npoptkp: int, extra: int) -> None:
    assert compute_bphtb(price, njop, npoptkp).bphtb <= compute_bphtb(price + extra, njop, npoptkp).bphtb
