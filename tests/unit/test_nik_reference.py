"""Our NIK rules agree with python-stdnum's `stdnum.id.nik` on well-formed numbers."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from stdnum.exceptions import ValidationError
from stdnum.id import nik as stdnum_nik

from gemilang_tui.domain.nik import NikError, parse_nik

TODAY = date(2026, 11, 28)


@st.composite
def niks(draw) -> str:
    born = draw(st.dates(min_value=date(1940, 1, 1), max_value=date(2008, 12, 31)))
    day = born.day + (40 if draw(st.booleans()) else 0)
    serial = draw(st.integers(min_value=1, max_value=9999))
    return f"3603{draw(st.integers(1, 29)):02d}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


@given(niks())
def test_birth_date_agrees_with_stdnum(text):
    ours = parse_nik(text, today=TODAY)
    assert ours.birth_date.month == stdnum_nik.get_birth_date(text).month
    assert ours.birth_date.day == stdnum_nik.get_birth_date(text).day


@given(st.text(alphabet="0123456789", min_size=16, max_size=16))
def test_what_stdnum_rejects_as_a_date_we_reject_too(text):
    try:
        stdnum_nik.get_birth_date(text)
    except ValidationError:
        try:
            parse_nik(text, today=TODAY)
        except NikError:
            return
        raise AssertionError(f"{text} has no real birth date but was accepted")  # noqa: B904
