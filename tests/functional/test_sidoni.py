"""Sidoni: blood stock by group and component with its date, donor sessions from today on, who may donate."""

from __future__ import annotations

import re

from tests.conftest import choose, kiosk, kiosk_at, press, screen_text

SIDONI = ("1", "8", "1")  # Bahasa Indonesia, Donor Darah dan Pekerjaan, Sidoni: the one walk by number keys
AT_SIDONI = ("Donor darah dan pekerjaan", "Donor darah (Sidoni)")


def _row(text: str, group: str, total: str) -> bool:
    """A stock row: the group first, then its total, in the table's columns."""
    return re.search(rf"^\s*{re.escape(group)}\s+{total}\s", text, re.MULTILINE) is not None


async def test_menu_offers_stock_schedule_and_eligibility(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, *SIDONI)
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Donor darah (Sidoni)"
        assert "1  Stok darah" in text
        assert "2  Jadwal donor darah" in text
        assert "3  Siapa yang boleh donor darah" in text


async def test_stock_by_group_and_component_with_its_date(settings):
    async with kiosk_at(settings, *AT_SIDONI) as (app, pilot):
        await press(pilot, "1")
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Stok darah per 28 November 2026"
        for group, total in (("A+", "33"), ("B+", "159"), ("O+", "41"), ("AB+", "6")):
            assert _row(text, group, total), group
        for group in ("A−", "B−", "O−", "AB−"):
            assert _row(text, group, "0"), group
        header = next(line for line in text.splitlines() if "Golongan" in line)
        assert header.split() == ["Golongan", "Jumlah", "WB", "PRC", "TC", "FFP"]
        assert re.search(r"B\+\s+159\s+12\s+98\s+27\s+22", text)  # every component of B+
        flat = " ".join(text.split())
        assert "PRC: sel darah merah" in flat and "TC: keping darah (trombosit)" in flat
        assert "1  Jadwal donor darah" in text  # the whole table fits 80×24, with the way on


async def test_schedule_starts_today_and_opens_the_address(settings):
    async with kiosk_at(settings, *AT_SIDONI) as (app, pilot):
        await press(pilot, "2")
        text = screen_text(app)
        first = next(line for line in text.splitlines() if line.strip().startswith("1  "))
        assert "Sabtu, 5 Desember 2026" in first
        assert "08.00–12.00" in first and "Kantor Kecamatan Cikupa" in first
        assert "26 November 2026" not in text and "Puskesmas Kelapa Dua" not in text  # already past
        await press(pilot, "1")
        text = screen_text(app)
        assert "Jl. Raya Serang, Cikupa" in text
        assert re.search(r"Jam\s+08\.00–12\.00", text)
        assert "Bawa KTP Anda." in text


async def test_a_session_page_opens_the_registration_with_that_session(settings):
    async with kiosk_at(settings, *AT_SIDONI) as (app, pilot):
        await press(pilot, "2", "1")
        assert re.search(r"1  Daftar donor di jadwal ini\s+Jawab beberapa pertanyaan", screen_text(app))
        await press(pilot, "1")
        text = screen_text(app)
        assert "Berapa umur Anda?" in text  # the session is chosen: the form goes on with the next question
        assert text.splitlines()[0].strip() == "Daftar donor darah · langkah 2"  # no "dari M" any more
        await press(pilot, "escape")
        assert "Daftar donor di jadwal ini" in screen_text(app)  # back on the session's page
        draft = app.ctx.visit.draft("donor")
        assert draft["sesi"].value == ("2026-12-05", "08:00:00", "36.03.18")


async def test_who_may_donate(settings):
    async with kiosk_at(settings, *AT_SIDONI) as (app, pilot):
        await press(pilot, "3")
        text = screen_text(app)
        assert "Anda boleh donor darah jika:" in text
        assert "Berusia 17–60 tahun." in text
        assert "Berat badan minimal 45 kg." in text
        assert "12,5 g/dL" in text
        await press(pilot, "1")
        assert "Jadwal donor darah" in screen_text(app).splitlines()[0]


async def test_unreachable_service_offers_retry_then_shows_the_stock(settings):
    async with kiosk_at(settings, *AT_SIDONI) as (app, pilot):
        # the Menu Utama needs the catalogue: break the API only after it
        app.api.mock_app.state.faults.mode = "error"
        await press(pilot, "1")
        text = screen_text(app)
        assert "1  Coba lagi" in text
        assert "503" not in text and "error" not in text.lower()
        app.api.mock_app.state.faults.mode = ""
        await press(pilot, "1")
        text = screen_text(app)
        assert _row(text, "B+", "159")
        assert "Coba lagi" not in text


async def test_english_stock(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "2")  # English
        await choose(app, pilot, "Blood donation and jobs", "Blood donation (Sidoni)")
        await press(pilot, "1")
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Blood stock on November 28, 2026"
        assert _row(text, "A+", "33")
        assert "Group" in text and "Total" in text and "PRC: red blood cells" in " ".join(text.split())
        await press(pilot, "0", "2")
        assert "Saturday, December 5, 2026" in screen_text(app)
