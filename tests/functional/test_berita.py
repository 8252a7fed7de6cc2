"""Berita: the news, newest first, seven to a page; an article is read and scrolled with keys."""

from __future__ import annotations

from tests.conftest import choose, kiosk, kiosk_at, press, screen_text


def shown(app) -> str:
    """The screen's text with wrapped lines joined and spaces collapsed: a sentence is found whatever the width."""
    return " ".join(screen_text(app).split())

NEWEST = "Perbaikan Lampu Jalan di Jalan Raya Tigaraksa"
LAST_PARAGRAPH = "Permohonan di anjungan Tangerang Gemilang"


async def test_newest_first_and_paged_by_number(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1", "6", "3")  # the one walk by number keys: Bahasa Indonesia, Lapor masalah, Berita
        text = shown(app)
        assert "1 " + NEWEST in text
        # at 80×24 the dates give way so that all seven titles and "+" stay in sight (see test below)
        assert "Halaman 1 dari 6" in text and "+ Halaman berikutnya" in text
        assert "8 " not in text and "9 " not in text  # digits are content only, never a page
        assert text.index(NEWEST) < text.index("Pasar Murah Digelar")
        await press(pilot, "plus")
        text = shown(app)
        assert "Halaman 2 dari" in text
        assert "1 Hujan Deras" in text and "21 November 2026" in text
        assert NEWEST not in text
        await press(pilot, "pageup")
        text = screen_text(app)
        assert "Halaman 1 dari 6" in text and NEWEST in text


async def test_plus_after_the_last_page_comes_round_to_the_first(settings):
    async with kiosk_at(settings, "Lapor masalah dan informasi", "Berita") as (app, pilot):
        await press(pilot, *["plus"] * 5)
        text = screen_text(app)
        assert "Halaman 6 dari 6" in text
        assert "BPBD Kabupaten Tangerang Siagakan Posko Banjir" in text
        await press(pilot, "plus")
        assert "Halaman 1 dari 6" in screen_text(app) and NEWEST in screen_text(app)
        await press(pilot, "minus")  # the back key leaves the list, whatever its page
        assert "Lapor masalah dan informasi" in screen_text(app)


async def test_article_shows_title_date_and_text(settings):
    async with kiosk_at(settings, "Lapor masalah dan informasi", "Berita") as (app, pilot):
        await press(pilot, "1")
        text = screen_text(app)
        assert text.splitlines()[0].strip().startswith(NEWEST)
        assert "28 November 2026 · Infrastruktur" in text
        assert "Petugas mulai mengganti lampu" in text
        await press(pilot, "0")
        assert "Halaman 1 dari 6" in screen_text(app)


async def test_article_reads_on_with_plus_and_comes_round(settings):
    async with kiosk_at(settings, "Lapor masalah dan informasi", "Berita") as (app, pilot):
        await press(pilot, "1")
        assert LAST_PARAGRAPH not in shown(app)
        for _ in range(4):
            if LAST_PARAGRAPH in shown(app):
                break
            await press(pilot, "plus")
        assert LAST_PARAGRAPH in shown(app)
        assert "28 November 2026 · Infrastruktur" not in screen_text(app)
        await press(pilot, "plus")  # at the end: back to the top, so one key reads everything
        assert "28 November 2026 · Infrastruktur" in screen_text(app)


async def test_article_scrolls_with_arrow_keys(settings):
    async with kiosk_at(settings, "Lapor masalah dan informasi", "Berita") as (app, pilot):
        await press(pilot, "1")
        assert "28 November 2026 · Infrastruktur" in screen_text(app)
        await press(pilot, *["down"] * 6)
        assert "28 November 2026 · Infrastruktur" not in screen_text(app)


async def test_api_failure_offers_retry_then_recovers(settings):
    async with kiosk_at(settings, "Lapor masalah dan informasi") as (app, pilot):
        app.api.warm_up()
        app.api.mock_app.state.faults.mode = "error"
        await choose(app, pilot, "Berita")
        assert "Coba lagi" in screen_text(app)
        app.api.mock_app.state.faults.mode = ""
        await press(pilot, "1")
        assert NEWEST in screen_text(app)


async def test_offline_shows_last_copy_with_its_date(settings):
    async with kiosk_at(settings, "Lapor masalah dan informasi", "Berita") as (app, pilot):
        await press(pilot, "1")
        await press(pilot, "0", "0")
        app.api.mock_app.state.faults.mode = "down"
        await choose(app, pilot, "Berita")
        text = screen_text(app)
        assert "Ini data tanggal" in text and NEWEST in text
        await press(pilot, "1")
        text = screen_text(app)
        assert "Ini data tanggal" in text and "Petugas mulai mengganti lampu" in text
        await press(pilot, "0", "plus")  # page 2 was never loaded: no copy, so an honest failure
        assert "Coba lagi" in screen_text(app)


async def test_english_dates(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "2")  # English
        await choose(app, pilot, "Complaints and information", "News")
        text = shown(app)
        assert text.startswith("News")
        assert "Page 1 of 6" in text
        await press(pilot, "1")
        assert "November 28, 2026" in shown(app)


async def test_a_large_screen_shows_each_articles_date_in_the_list(settings):
    async with kiosk_at(settings, "Lapor masalah dan informasi", "Berita", size=(120, 40)) as (app, pilot):
        assert "28 November 2026" in shown(app)
