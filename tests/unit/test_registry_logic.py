"""Pure logic of Sidoni, SIMAPAN, Simenara and Siap Kerja: the stock table, tower codes, open vacancies, labels."""

from __future__ import annotations

from datetime import date, time

import pytest

from gemilang_tui.api.siap_kerja import Lowongan
from gemilang_tui.api.sidoni import StokDarah
from gemilang_tui.flow import FieldError
from gemilang_tui.i18n import set_locale
from gemilang_tui.mockapi.routes.siap_kerja import open_to, open_vacancies
from gemilang_tui.services import sidoni, simapan, simenara


def _stock(*rows: tuple[str, str, dict[str, int]]) -> StokDarah:
    return StokDarah.model_validate({
        "tanggal_stok": "2026-11-28",
        "stok": [
            {"golongan": g, "rhesus": r, "komponen": k, "total": sum(k.values())} for g, r, k in rows
        ],
    })


def test_stock_table_positive_first_in_pmi_order_and_aligned():
    stock = _stock(
        ("AB", "-", {"WB": 0, "PRC": 0, "TC": 0, "FFP": 0}),
        ("AB", "+", {"WB": 0, "PRC": 4, "TC": 1, "FFP": 1}),
        ("O", "+", {"WB": 4, "PRC": 27, "TC": 6, "FFP": 4}),
        ("B", "+", {"WB": 12, "PRC": 98, "TC": 27, "FFP": 22}),
        ("A", "+", {"WB": 3, "PRC": 22, "TC": 5, "FFP": 3}),
    )
    lines = sidoni.stock_table(stock).splitlines()
    assert [line.split()[0] if line else "" for line in lines] == ["Golongan", "A+", "B+", "O+", "AB+", "", "AB−"]
    assert lines[2].split() == ["B+", "159", "12", "98", "27", "22"]
    # every number ends in the same column as its header
    header = lines[0]
    for name in ("Jumlah", "WB", "PRC", "TC", "FFP"):
        end = header.index(name) + len(name)
        assert all(line[end - 1].isdigit() for line in lines[1:] if line), name


def test_stock_table_shows_an_unknown_component_after_the_known_ones():
    stock = _stock(("A", "+", {"WB": 1, "PRC": 2, "LP": 3}))
    header = sidoni.stock_table(stock).splitlines()[0].split()
    assert header == ["Golongan", "Jumlah", "WB", "PRC", "LP"]


def test_session_date_has_no_leading_zero_and_hours_follow_the_language():
    assert sidoni.day_and_date(date(2026, 12, 5)) == "Sabtu, 5 Desember 2026"
    assert sidoni.clock(time(8, 0)) == "08.00"
    set_locale("en")
    assert sidoni.day_and_date(date(2026, 12, 5)) == "Saturday, December 5, 2026"
    assert sidoni.clock(time(13, 0)) == "13:00"


@pytest.mark.parametrize(("typed", "code"), [("180007", "MNR-18-0007"), ("03 0001", "MNR-03-0001")])
def test_tower_code_from_six_digits(typed, code):
    assert simenara.parse_code(typed) == code


@pytest.mark.parametrize(("typed", "message"), [
    ("", "Ketik 6 angka kode menara."),
    ("1800", "Kode menara berisi 6 angka setelah MNR. Anda mengetik 4 angka."),
    ("1800071", "Anda mengetik 7 angka."),
])
def test_tower_code_errors_say_what_to_do(typed, message):
    with pytest.raises(FieldError, match=message):
        simenara.parse_code(typed)


def test_tower_status_translated_and_unknown_kept():
    assert simenara.status_text("Kedaluwarsa") == "Kedaluwarsa"
    assert simenara.status_text("Dicabut") == "Dicabut"
    set_locale("en")
    assert simenara.status_text("Dalam perpanjangan") == "Being renewed"


def test_desa_and_kelurahan_named_by_their_code():
    assert simapan.village_kind("36.03.03.2013") == "Desa"  # Tapos
    assert simapan.village_kind("36.03.03.1001") == "Kelurahan"  # Tigaraksa
    assert simenara.village_kind("36.03.18.2009") == "Desa"  # Bitung Jaya


def _job(ident: str, pendidikan: str, ditutup: date) -> Lowongan:
    return Lowongan(id=ident, jabatan="x", perusahaan="x", kecamatan="Cikupa", kode_kecamatan="36.03.18",
                    pendidikan_minimal=pendidikan, ditutup=ditutup)


def test_closing_day_still_open_day_after_closed():
    today = date(2026, 11, 28)
    jobs = [_job("a", "SD", date(2026, 11, 27)), _job("b", "SD", today), _job("c", "SD", date(2026, 12, 1))]
    assert [job.id for job in open_vacancies(jobs, today)] == ["b", "c"]


@pytest.mark.parametrize(("schooling", "expected"), [
    ("SD", ["sd"]),
    ("SMP", ["sd", "smp"]),
    ("SMA/SMK", ["sd", "smp", "sma"]),
    ("S1", ["sd", "smp", "sma", "d3", "s1"]),
])
def test_schooling_filter_lists_what_it_may_apply_for(schooling, expected):
    day = date(2026, 12, 1)
    jobs = [_job("sd", "SD", day), _job("smp", "SMP", day), _job("sma", "SMA/SMK", day),
            _job("d3", "D3", day), _job("s1", "S1", day)]
    assert [job.id for job in open_to(jobs, schooling)] == expected
