"""The glossary: terms found by their spelling only, their plain words added once, and the burial time typed."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gemilang_tui import i18n
from gemilang_tui.flow import FieldError
from gemilang_tui.i18n import glossary
from gemilang_tui.services.izin_makam import parse_time, report_by


def test_terms_are_found_as_words_not_inside_others():
    assert [term.term for term in glossary.terms_in("NPOP − NPOPTKP")] == ["NPOP", "NPOPTKP"]
    assert glossary.terms_in("NPOPTKP saja") == [glossary.TERMS[1]]
    assert glossary.terms_in("secara berkala") == []  # plain Indonesian; only "informasi berkala" is the term
    assert glossary.terms_in("TCP WBS") == []


def test_notes_explain_only_what_is_not_explained_yet():
    i18n.set_locale("id")
    assert glossary.notes("Tarif 5% dari NPOP.") == ["Arti kata:\n• NPOP: harga tanah dan bangunan yang dikenai pajak"]
    assert glossary.notes("SKTM (surat keterangan tidak mampu)") == []
    assert glossary.notes("Tidak ada istilah di sini.") == []
    assert glossary.with_notes(["Retribusi Rp100.000"])[-1].endswith("biaya yang dibayar kepada pemerintah daerah")


def test_a_status_that_is_a_term_carries_its_plain_words():
    i18n.set_locale("id")
    assert glossary.with_plain("Didisposisi") == "Didisposisi (diteruskan ke dinas yang menangani)"
    assert glossary.with_plain("Selesai") == "Selesai"


def test_english_plain_words():
    i18n.set_locale("en")
    try:
        assert glossary.explain("NPOPTKP") == "NPOPTKP: the part of the price that is not taxed"
    finally:
        i18n.set_locale("id")


@pytest.mark.parametrize(("typed", "expected"), [("1530", time(15, 30)), ("930", time(9, 30)), ("0000", time(0))])
def test_a_time_of_burial_is_typed_as_digits(typed, expected):
    assert parse_time(None, typed)[0] == expected


@pytest.mark.parametrize("typed", ["2575", "2400", "15", "15300", ""])
def test_impossible_times_are_refused(typed):
    with pytest.raises(FieldError):
        parse_time(None, typed)


@given(st.integers(0, 23), st.integers(0, 59))
def test_report_two_hours_before_and_never_the_day_before(hours, minutes):
    said = report_by(date(2026, 11, 28), time(hours, minutes))
    expected = max(0, hours * 60 + minutes - 120)
    assert said == f"{expected // 60:02d}.{expected % 60:02d}"
