"""A schema-valid but hostile answer never takes the kiosk over: a catalogue too long or with a number twice falls
back to the bundled one (and is never kept as the offline copy); a list of 100,000 news is never drawn in full."""

from __future__ import annotations

import json
from dataclasses import replace

import httpx

from gemilang_tui.api.client import GemilangApi
from gemilang_tui.mockapi.app import create_app
from gemilang_tui.mockapi.faults import parse_plan
from tests.conftest import kiosk, kiosk_at, press, screen_text, text, until

BUNDLED_FIRST = "1 Minta surat desa (Layanan Mandiri)"


def answering(app, path: str, data) -> object:
    """The mock, but `path` answers `data` (200, valid JSON) whatever is asked."""
    body = json.dumps(data).encode()

    async def serve(scope, receive, send):
        if scope["type"] == "http" and scope["path"] == path:
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-type", b"application/json")]})
            await send({"type": "http.response.body", "body": body})
            return
        await app(scope, receive, send)

    return serve


def _api(settings, path: str, data) -> GemilangApi:
    mock = create_app(today=settings.today, database=settings.data_dir / "mock.sqlite3", check_fixtures=False)
    return GemilangApi(settings, transport=httpx.ASGITransport(app=answering(mock, path, data)))


def _entry(kode: str, nomor: int) -> dict:
    return {"kode": kode, "nomor": nomor, "grup": None, "aktif": True,
            "judul": {"id": f"Layanan palsu {nomor}"}, "keterangan": {"id": "palsu"}}


async def _menu_after_catalogue(app, pilot) -> str:
    await until(pilot, lambda: not any(w.is_running for w in app.workers if w.group == "catalogue"),
                what="the catalogue to be asked")
    await press(pilot, "1")
    return text(app)


async def test_a_catalogue_of_150_entries_falls_back_to_the_bundled_one_and_is_not_kept(settings):
    settings.data_dir.mkdir(parents=True)
    hostile = {"grup": [], "layanan": [_entry(f"palsu_{n}", n) for n in range(1, 151)]}
    api = _api(settings, "/v1/layanan", hostile)
    async with kiosk(settings, api=api) as (app, pilot):
        menu = await _menu_after_catalogue(app, pilot)
        assert BUNDLED_FIRST in menu and "palsu" not in menu
        assert api.offline.recall("/v1/layanan") is None


async def test_a_catalogue_with_a_number_twice_falls_back_to_the_bundled_one(settings):
    settings.data_dir.mkdir(parents=True)
    hostile = {"grup": [], "layanan": [_entry("palsu_a", 1), _entry("palsu_b", 1), _entry("palsu_c", 2)]}
    api = _api(settings, "/v1/layanan", hostile)
    async with kiosk(settings, api=api) as (app, pilot):
        menu = await _menu_after_catalogue(app, pilot)
        assert BUNDLED_FIRST in menu and "palsu" not in menu
        assert api.offline.recall("/v1/layanan") is None


async def test_an_empty_catalogue_falls_back_to_the_bundled_one(settings):
    settings.data_dir.mkdir(parents=True)
    api = _api(settings, "/v1/layanan", {"grup": [], "layanan": []})
    async with kiosk(settings, api=api) as (app, pilot):
        assert BUNDLED_FIRST in await _menu_after_catalogue(app, pilot)


async def test_a_catalogue_of_100000_entries_from_the_fault_plan_is_refused(settings):
    async with kiosk(replace(settings, mock_faults=parse_plan("/v1/layanan:huge"))) as (app, pilot):
        menu = await _menu_after_catalogue(app, pilot)
        assert BUNDLED_FIRST in menu
        assert app.api.offline.recall("/v1/layanan") is None


def _news(count: int, long: int = 40) -> dict:
    items = [{"id": f"BRT-{n}", "judul": f"Kabar nomor {n} " + "x" * long, "tanggal": "2026-11-28"}
             for n in range(count)]
    return {"items": items, "total": count, "page": 1, "per_page": 7}


async def test_a_page_of_1000_news_shows_seven_and_pages_the_rest(settings):
    settings.data_dir.mkdir(parents=True)
    api = _api(settings, "/v1/berita", _news(1000))
    async with kiosk(settings, api=api) as (app, pilot):
        await press(pilot, "1", "6", "3")  # the one walk by number keys: Bahasa Indonesia, Lapor masalah, Berita
        view = app.screen.current_view()
        assert [option.number for option in view.options] == [1, 2, 3, 4, 5, 6, 7, -1]
        assert "Halaman 1 dari" in screen_text(app)


async def test_the_same_news_twice_is_shown_once_and_a_long_title_is_cut(settings):
    settings.data_dir.mkdir(parents=True)
    news = _news(2, long=100_000)
    news["items"] = news["items"] * 3
    api = _api(settings, "/v1/berita", news)
    async with kiosk_at(settings, "Lapor masalah dan informasi", "Berita", api=api) as (app, pilot):
        labels = [option.label for option in app.screen.current_view().options if option.number > 0]
        assert len(labels) == 2 and all(len(label) <= 4000 for label in labels)


async def test_a_page_of_100000_news_is_refused_calmly(settings):
    huge = replace(settings, mock_faults=parse_plan("/v1/berita:huge"))
    async with kiosk_at(huge, "Lapor masalah dan informasi", "Berita") as (app, pilot):
        assert len(app.screen.current_view().options) <= 9
        assert "Tekan 1 untuk mencoba lagi" in text(app) or "coba lagi" in text(app).lower()


async def test_an_empty_list_to_choose_from_is_try_again_not_a_defect(settings, caplog):
    import logging

    caplog.set_level(logging.ERROR)
    async with kiosk_at(replace(settings, mock_faults=parse_plan("empty")), "Layanan Mandiri") as (app, pilot):
        await press(pilot, "1")  # a letter: which one? The server lists none.
        assert "Tekan 1 untuk mencoba lagi" in text(app) or "coba lagi" in text(app).lower()
        assert [record.getMessage() for record in caplog.records] == []
        app.api.mock_app.state.fault_plan.use("")
        await press(pilot, "1")
        assert app.screen.current_view().options and not app.screen.failure
