"""What the tax services make of typed digits: a NOP shown with its dots, rupiah grouped, plain refusals."""

from __future__ import annotations

import pytest

from gemilang_tui.flow import FieldError
from gemilang_tui.services.bphtb import MAX_DIGITS, rupiah_answer, rupiah_shown
from gemilang_tui.services.pbb import shown_nop


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("", ""),
        ("3", "3"),
        ("36", "36"),
        ("360", "36.0"),
        ("3603030", "36.03.030"),
        ("3603030013005", "36.03.030.013.005"),
        ("36030300130050", "36.03.030.013.005-0"),
        ("360303001300501170", "36.03.030.013.005-0117.0"),
        ("3603030013005011701", "36.03.030.013.005-0117.01"),  # too long: shown, then refused on Enter
    ],
)
def test_nop_gets_its_dots_while_typed(typed, shown):
    assert shown_nop(typed) == shown


def test_rupiah_is_grouped_while_typed():
    assert rupiah_shown("") == ""
    assert rupiah_shown("0415000000") == "415.000.000"


def test_rupiah_answers():
    assert rupiah_answer("415000000", "harga transaksi") == 415_000_000
    assert rupiah_answer("0", "harga transaksi") == 0
    assert rupiah_answer("0" * 3 + "9" * MAX_DIGITS, "NJOP", allow_zero=False) == int("9" * MAX_DIGITS)


@pytest.mark.parametrize(
    ("typed", "allow_zero", "message"),
    [
        ("", True, "Ketik NJOP dalam rupiah, hanya angka."),
        ("12345678901234", True, "Angka ini terlalu panjang: paling banyak 13 angka. Anda mengetik 14 angka."),
        ("0", False, "NJOP tidak boleh 0. Lihat SPPT PBB, lalu ketik lagi."),
        ("4.15", True, "Ketik angka saja, tanpa titik atau koma."),
    ],
)
def test_rupiah_refusals_say_what_to_do(typed, allow_zero, message):
    with pytest.raises(FieldError) as refused:
        rupiah_answer(typed, "NJOP", allow_zero=allow_zero)
    assert message in str(refused.value)
