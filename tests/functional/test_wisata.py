"""Wisata: a citizen picks a kind of place, then a place, and reads its address, hours and ticket prices."""

from __future__ import annotations

from tests.conftest import kiosk, kiosk_at, press, screen_text

CATEGORIES = ("Tempat makan (Kuliner)", "Hutan, danau, bakau (Cagar Alam)", "Tempat belajar (Pendidikan)",
              "Tempat ibadah dan ziarah (Religi)", "Kebun dan sawah (Pertanian)", "Seni dan budaya (Budaya)",
              "Pantai dan laut (Bahari)")


async def test_seven_categories_by_number(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1", "4")
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Tempat wisata"
        for number, name in enumerate(CATEGORIES, start=1):
            assert f"{number}  {name}" in text
        assert "4 tempat" in text


async def test_pulau_cangkir_shows_where_and_ticket_prices(settings):
    async with kiosk_at(settings, "Tempat wisata") as (app, pilot):
        await press(pilot, "7")
        text = screen_text(app)
        assert "1  Pulau Cangkir" in text and "Kecamatan Kronjo" in text
        assert "Pantai Tanjung Kait" in text
        await press(pilot, "1")
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Pulau Cangkir"
        assert "Pantai dan laut (Bahari) · Desa Kronjo, Kecamatan Kronjo" in text
        assert "Tiket masuk: Rp10.000 (motor), Rp20.000 (mobil)" in text
        assert "Jam buka: 24 jam" in text
        assert "Fasilitas: parkir" in text
        await press(pilot, "0")
        assert "1  Pulau Cangkir" in screen_text(app)


async def test_free_place_says_gratis(settings):
    async with kiosk_at(settings, "Tempat wisata") as (app, pilot):
        await press(pilot, "4", "1")
        text = screen_text(app)
        assert "Klenteng Tjo Soe Kong" in text
        assert "Tiket masuk: Gratis" in text


async def test_kelurahan_is_named_as_such(settings):
    async with kiosk_at(settings, "Tempat wisata") as (app, pilot):
        await press(pilot, "3", "2")
        text = screen_text(app)
        assert "Perpustakaan Umum Daerah" in text
        assert "Kelurahan Kadu Agung, Kecamatan Tigaraksa" in text


async def test_api_failure_offers_retry_then_recovers(settings):
    async with kiosk(settings) as (app, pilot):
        app.api.warm_up()
        app.api.mock_app.state.faults.mode = "error"
        await press(pilot, "1", "4")
        text = screen_text(app)
        assert "Coba lagi" in text and "tidak dapat dihubungi" in text
        assert "503" not in text and "error" not in text.lower()
        app.api.mock_app.state.faults.mode = ""
        await press(pilot, "1")
        assert "7  Pantai dan laut (Bahari)" in screen_text(app)


async def test_place_failure_keeps_the_list_one_step_back(settings):
    async with kiosk_at(settings, "Tempat wisata") as (app, pilot):
        await press(pilot, "7")
        app.api.mock_app.state.faults.mode = "error"
        await press(pilot, "2")
        assert "Coba lagi" in screen_text(app)
        await press(pilot, "0")
        assert "1  Pulau Cangkir" in screen_text(app)


async def test_offline_shows_last_copy_with_its_date(settings):
    async with kiosk_at(settings, "Tempat wisata") as (app, pilot):
        await press(pilot, "7", "1")
        assert "Rp20.000" in screen_text(app)
        await press(pilot, "0", "0")
        app.api.mock_app.state.faults.mode = "down"
        await press(pilot, "7")
        text = screen_text(app)
        assert "Ini data tanggal" in text
        assert "1  Pulau Cangkir" in text
        await press(pilot, "1")
        text = screen_text(app)
        assert "Ini data tanggal" in text and "Rp10.000" in text


async def test_english_walk(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "2", "4")
        text = screen_text(app)
        assert "Places to visit" in text
        assert "7  Beaches and the sea (coastal)" in text and "4 places" in text
        await press(pilot, "7", "1")
        text = screen_text(app)
        assert "Beaches and the sea (coastal) · Village of Kronjo, Kronjo district" in text
        assert "Entrance ticket: Rp10,000 (motorbike), Rp20,000 (car)" in text
