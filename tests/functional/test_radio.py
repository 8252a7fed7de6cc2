"""Radio 91 FM: the frequency, what is on air now (pinned date, set clock), today's and tomorrow's programmes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from gemilang_tui.services import radio
from tests.conftest import choose, kiosk, kiosk_at, press, screen_text


def shown(app) -> str:
    """The screen's text with wrapped lines joined and spaces collapsed: a sentence is found whatever the width."""
    return " ".join(screen_text(app).split())


@pytest.fixture
def at_quarter_past_ten(monkeypatch):
    monkeypatch.setattr(radio, "clock", lambda: time(10, 15))


async def test_saturday_morning_shows_what_is_on_now(settings, at_quarter_past_ten):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1", "6", "4")  # the one walk by number keys: Bahasa Indonesia, Lapor masalah, Radio
        assert screen_text(app).splitlines()[0].strip() == "Radio daerah (Radio 91 FM)"
        text = shown(app)
        assert "Radio Gemilang 91 FM di frekuensi 91.0 FM." in text
        assert "Sedang mengudara (pukul 10.15): Jelajah Wisata Tangerang, bersama Rina Marlina" in text
        assert "09.00–12.00" in text
        assert "Berikutnya: Musik Nusantara" in text
        assert "Anjungan ini tidak memutar siaran radio." in text


async def test_todays_programmes_are_the_weekend_ones_with_now_marked(settings, at_quarter_past_ten):
    async with kiosk_at(settings, "Lapor masalah dan informasi", "Radio daerah (Radio 91 FM)") as (app, pilot):
        await press(pilot, "1")
        text = screen_text(app)
        assert "Sabtu, 28 November 2026" in text
        lines = text.splitlines()
        on_air = [line for line in lines if "sedang mengudara" in line]
        assert len(on_air) == 1 and "09.00–12.00  Jelajah Wisata Tangerang" in on_air[0]
        assert "06.00–09.00  Sabtu Ceria" in text
        assert "Gemilang Pagi" not in text  # a weekday programme
        await press(pilot, "0", "2")
        text = screen_text(app)
        assert "Minggu, 29 November 2026" in text
        assert "07.00–10.00  Minggu Pagi Keluarga" in text
        assert "sedang mengudara" not in text


async def test_a_weekday_has_the_weekday_programmes(settings, monkeypatch):
    monkeypatch.setattr(radio, "clock", lambda: time(7, 30))
    monday = replace(settings, today=date(2026, 11, 30))
    async with kiosk_at(monday, "Lapor masalah dan informasi", "Radio daerah (Radio 91 FM)") as (app, pilot):
        assert "Gemilang Pagi: Berita dan Info Lalu Lintas" in screen_text(app)
        await press(pilot, "1")
        text = screen_text(app)
        assert "Senin, 30 November 2026" in text
        assert "15.00–18.00  Gemilang Sore: Info Jalan Pulang" in text
        assert "Sabtu Ceria" not in text


async def test_late_at_night_the_night_programme(settings, monkeypatch):
    monkeypatch.setattr(radio, "clock", lambda: time(23, 59))
    async with kiosk_at(settings, "Lapor masalah dan informasi", "Radio daerah (Radio 91 FM)") as (app, pilot):
        text = shown(app)
        assert "Renungan Malam dan Musik Santai, 22.00–24.00" in text
        assert "Berikutnya: Gemilang Malam: Lagu Pilihan, besok mulai pukul 00.00." in text


async def test_api_failure_offers_retry_then_recovers(settings, at_quarter_past_ten):
    async with kiosk_at(settings, "Lapor masalah dan informasi") as (app, pilot):
        app.api.warm_up()
        app.api.mock_app.state.faults.mode = "error"
        await choose(app, pilot, "Radio daerah (Radio 91 FM)")
        assert "Coba lagi" in screen_text(app)
        app.api.mock_app.state.faults.mode = ""
        await press(pilot, "1")
        assert "Jelajah Wisata Tangerang" in screen_text(app)


async def test_offline_shows_last_copy_with_its_date(settings, at_quarter_past_ten):
    async with kiosk_at(settings, "Lapor masalah dan informasi", "Radio daerah (Radio 91 FM)") as (app, pilot):
        await press(pilot, "0")
        app.api.mock_app.state.faults.mode = "down"
        await choose(app, pilot, "Radio daerah (Radio 91 FM)")
        text = screen_text(app)
        assert "Ini data tanggal" in text and "Jelajah Wisata Tangerang" in text


async def test_english(settings, at_quarter_past_ten):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "2")  # English
        await choose(app, pilot, "Complaints and information", "Regional radio (Radio 91 FM)")
        text = shown(app)
        assert "On air now (it is 10.15): Jelajah Wisata Tangerang, with Rina Marlina" in text
        assert "This kiosk does not play the radio." in text
        assert "Saturday, November 28, 2026" in text
