"""Siaga: 112 first and in big digits, then the other numbers, what to say; the kiosk never pretends to call."""

from __future__ import annotations

from tests.conftest import choose, kiosk, kiosk_at, press, screen_text


def shown(app) -> str:
    """The screen's text with wrapped lines joined and spaces collapsed: a sentence is found whatever the width."""
    return " ".join(screen_text(app).split())

CANNOT_CALL = "Telepon dari HP Anda; anjungan ini tidak dapat menelepon."
ORDER = ("112", "110", "113", "115", "119", "123")


def big_digits(app) -> str:
    """The number the screen shows in big digits, if a visible Digits widget shows one."""
    from textual.widgets import Digits

    shown_digits = [d for d in app.screen.query(Digits) if d.display and d.region.height >= 3]
    return shown_digits[0].value if shown_digits else ""


def _in_order(text: str, needles) -> bool:
    positions = [text.find(needle) for needle in needles]
    return all(position >= 0 for position in positions) and positions == sorted(positions)


async def test_112_first_in_big_digits(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1", "5")  # the one walk by number keys: Bahasa Indonesia, Nomor darurat
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Nomor darurat (Siaga Darurat)"
        assert "Dalam keadaan darurat, telepon 112." in text
        assert app.last_view.big == "112"
        assert big_digits(app) == "112"
        assert CANNOT_CALL in text
        assert _in_order(text, ORDER)
        assert "1  Nomor darurat lainnya" in text
        assert "2  Yang perlu disampaikan saat menelepon" in text


async def test_every_number_with_what_it_is_for(settings):
    async with kiosk_at(settings, "Nomor darurat (Siaga Darurat)") as (app, pilot):
        await press(pilot, "1")
        text = app.last_view.as_text()  # the whole list, also the part below the fold
        assert _in_order(text, [f"{number}  " for number in ORDER])
        assert "110  Polisi" in text and "113  Pemadam Kebakaran" in text
        assert "119  Ambulans Gawat Darurat (PSC 119)" in text and "123  PLN (gangguan listrik)" in text
        assert CANNOT_CALL in text
        visible = screen_text(app)
        assert visible.index("112  Layanan Darurat 112") < visible.index("110  Polisi")


async def test_what_to_say_when_calling(settings):
    async with kiosk_at(settings, "Nomor darurat (Siaga Darurat)") as (app, pilot):
        await press(pilot, "2")
        text = screen_text(app)
        assert "Saat Anda menelepon 112:" in text
        assert "Tetap tenang dan bicara dengan jelas." in text
        assert "Sebutkan lokasi selengkap mungkin" in text
        assert CANNOT_CALL in text


async def test_unreachable_api_still_shows_112_and_the_stored_numbers(settings):
    async with kiosk_at(settings) as (app, pilot):
        app.api.warm_up()
        app.api.mock_app.state.faults.mode = "error"
        await choose(app, pilot, "Nomor darurat (Siaga Darurat)")
        text = shown(app)
        assert "Ini nomor darurat yang tersimpan di anjungan ini." in text
        assert app.last_view.big == "112"
        assert CANNOT_CALL in text and "Coba lagi" not in text
        await press(pilot, "1")
        assert _in_order(app.last_view.as_text(), [f"{number}  " for number in ORDER])
        await press(pilot, "0", "2")
        assert "Tetap tenang" in screen_text(app)


async def test_slow_api_does_not_keep_112_waiting(settings, monkeypatch):
    from gemilang_tui.services import siaga

    monkeypatch.setattr(siaga, "PATIENCE_SECONDS", 0.2)
    async with kiosk_at(settings) as (app, pilot):
        app.api.warm_up()
        app.api.mock_app.state.faults.mode = "slow"
        app.api.mock_app.state.faults.delay = 30
        await choose(app, pilot, "Nomor darurat (Siaga Darurat)")
        assert "Ini nomor darurat yang tersimpan di anjungan ini." in shown(app)
        assert app.last_view.big == "112"


async def test_offline_shows_last_copy_with_its_date(settings, monkeypatch):
    from gemilang_tui.services import siaga

    # Reading the offline copy is quick, but on a loaded machine it may not be within the 3 s that 112 waits:
    # then the numbers stored in the kiosk are shown instead (test_slow_api_does_not_keep_112_waiting).
    monkeypatch.setattr(siaga, "PATIENCE_SECONDS", 60.0)
    async with kiosk_at(settings, "Nomor darurat (Siaga Darurat)") as (app, pilot):
        await press(pilot, "0")
        app.api.mock_app.state.faults.mode = "down"
        await choose(app, pilot, "Nomor darurat (Siaga Darurat)")
        text = screen_text(app)
        assert "Ini data tanggal" in text
        assert "Kabupaten Tangerang" in text  # the served text, not the stored fallback
        assert app.last_view.big == "112"


async def test_english(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "2")  # English
        await choose(app, pilot, "Emergency (Siaga Darurat)")
        text = screen_text(app)
        assert "In an emergency, call 112." in text
        assert "Call from your own phone; this kiosk cannot make phone calls." in text
        await press(pilot, "1")
        assert "110  Police" in screen_text(app)
