"""Numbers of different services never look alike: the digits a citizen types tell the service."""

from __future__ import annotations

from itertools import combinations

from gemilang_tui.domain.reference import AK1, DNR, IZM, LM, PPID, SPT, TICKET_DIGITS, digits_of, format_reference

FORMATS = {"sipinter": SPT, "ppid": PPID, "layanan_mandiri": LM, "izin_makam": IZM, "donor": DNR, "ak1": AK1}


def _shape(digits: str) -> tuple[int, str]:
    """How a typed number is told apart: its length, and its first digit when a prefix digit gives one."""
    return len(digits), digits[0]


def test_no_two_services_give_numbers_of_the_same_shape():
    shapes = {kind: _shape(digits_of(format_reference(fmt, 2026, 1))) for kind, fmt in FORMATS.items()}
    shapes["lapor"] = (TICKET_DIGITS, "2")  # 2611001: seven digits
    for (one, a), (other, b) in combinations(shapes.items(), 2):
        assert a != b, f"{one} and {other} both give numbers like {a}"


def test_the_burial_permit_and_the_donor_registration_no_longer_share_202600001():
    assert digits_of(format_reference(IZM, 2026, 1)) == "4202600001"
    assert digits_of(format_reference(DNR, 2026, 1)) == "5202600001"
