"""Simenara: 29 kecamatan paged with + → towers → one tower; or a tower found by the code on its sign."""

from __future__ import annotations

import re

from tests.conftest import choose, kiosk, kiosk_at, press, screen_text, type_text

SIMENARA = ("1", "7", "4")  # Bahasa Indonesia, Pajak dan Perizinan, Simenara: the one walk by number keys
AT_SIMENARA = ("Pajak dan izin", "Menara telepon seluler (Simenara)")


def _assert_canonical_tower(text: str) -> None:
    assert text.splitlines()[0].strip() == "Menara MNR-18-0007"
    assert re.search(r"Kode menara\s+MNR-18-0007", text)
    assert re.search(r"Alamat\s+Jl\. Raya Serang Km\. 12, Kp\. Bitung", text)
    assert re.search(r"Desa\s+Bitung Jaya", text)
    assert re.search(r"Kecamatan\s+Cikupa", text)
    assert re.search(r"Tinggi\s+42 m", text)
    assert re.search(r"Pemilik\s+PT Menara Nusa Gemilang", text)
    assert re.search(r"Operator\s+Telkomsel, Indosat, XL", text)
    assert re.search(r"Status izin\s+Berlaku", text)
    assert re.search(r"Berlaku sampai\s+30 Juni 2029", text)


async def test_cikupa_towers_and_the_canonical_one(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, *SIMENARA)
        assert "1  Daftar menara per kecamatan" in screen_text(app)
        await press(pilot, "1")
        text = screen_text(app)
        assert re.search(r"2  Cikupa\s+Menara: 4", text)
        await press(pilot, "2")
        text = screen_text(app)
        assert "Menara di Kecamatan Cikupa" in text
        assert re.search(r"2  MNR-18-0007\s+Desa Bitung Jaya, 42 m", text)
        await press(pilot, "2")
        _assert_canonical_tower(screen_text(app))


async def test_all_29_kecamatan_page_by_plus(settings):
    async with kiosk_at(settings, *AT_SIMENARA) as (app, pilot):
        await press(pilot, "1")
        await press(pilot, "9")  # 8 and 9 are never page keys
        assert app.last_view.page == "Halaman 1 dari 5"
        seen = []
        for page in range(1, 6):
            text = screen_text(app)
            assert app.last_view.page == f"Halaman {page} dari 5"
            assert "+  Halaman berikutnya" in text
            seen += [line.split()[1] for line in text.splitlines() if re.match(r"\s+[1-9]  \S", line)]
            await press(pilot, "plus")
        assert len(seen) == 29 and seen[0] == "Balaraja" and seen[-1] == "Tigaraksa"
        assert app.last_view.page == "Halaman 1 dari 5"  # + on the last page comes round to the first
        await press(pilot, "pageup")
        assert app.last_view.page == "Halaman 5 dari 5"
        await press(pilot, "pageup")
        assert app.last_view.page == "Halaman 4 dari 5"


async def test_a_kecamatan_without_towers_says_so(settings):
    async with kiosk_at(settings, *AT_SIMENARA) as (app, pilot):
        await press(pilot, "1")
        assert re.search(r"3  Cisauk\s+Belum ada menara terdaftar", screen_text(app))
        await press(pilot, "3")
        assert "Belum ada menara yang terdaftar di kecamatan ini." in screen_text(app)


async def test_find_by_code(settings):
    async with kiosk_at(settings, *AT_SIMENARA) as (app, pilot):
        await press(pilot, "2")
        assert "Untuk MNR-18-0007, ketik 180007." in screen_text(app)
        await type_text(pilot, "180")
        await press(pilot, "enter")
        text = screen_text(app)
        assert "Kode menara berisi 6 angka setelah MNR. Anda mengetik 3 angka." in text
        assert "Yang Anda ketik: MNR-180" in " ".join(text.split())  # said beside the message; the field starts again
        assert app.screen.step.value == ""
        await type_text(pilot, "180007")
        await press(pilot, "enter")
        _assert_canonical_tower(screen_text(app))


async def test_unknown_code_keeps_what_was_typed(settings):
    async with kiosk_at(settings, *AT_SIMENARA) as (app, pilot):
        await press(pilot, "2")
        await type_text(pilot, "189999")
        await press(pilot, "enter")
        text = screen_text(app)
        assert "Menara dengan kode MNR-18-9999 tidak ditemukan." in text
        assert "MNR-18-9999" in text and app.screen.step.value == ""  # the refused code is said, not extended


async def test_unreachable_service_offers_retry_then_shows_the_towers(settings):
    async with kiosk_at(settings, *AT_SIMENARA) as (app, pilot):
        await press(pilot, "1")
        app.api.mock_app.state.faults.mode = "error"
        await press(pilot, "2")
        assert "1  Coba lagi" in screen_text(app)
        app.api.mock_app.state.faults.mode = ""
        await press(pilot, "1")
        assert "MNR-18-0007" in screen_text(app)


async def test_english_tower(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "2")  # English
        await choose(app, pilot, "Taxes and permits", "Mobile phone towers (Simenara)")
        await press(pilot, "1", "2", "2")
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Tower MNR-18-0007"
        assert re.search(r"Height\s+42 m", text)
        assert re.search(r"Permit status\s+Valid", text)
        assert re.search(r"Valid until\s+June 30, 2029", text)
