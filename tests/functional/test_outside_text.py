"""Nothing a server sends drives the terminal or shows the kiosk's token: with every string of every answer poisoned
(terminal title, clear screen, cursor move, a one-byte CSI, a bidi override, a zero-width space, and the kiosk's own
Authorization value echoed back), a citizen reads the news, looks up a tax bill, sends a complaint and prints its
receipt, and reads the news again from the offline copy; what was shown, said and stored holds none of it."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import httpx

from gemilang_tui.api.client import GemilangApi
from gemilang_tui.mockapi.app import create_app
from gemilang_tui.sending import outbox_path
from tests.conftest import choose, kiosk, press, screen_text, text, type_text, until
from tests.functional.test_lapor import complaint_to_check
from tests.poison import holds_poison, poisoned

TOKEN = "kiosk-token-5b1e0c77d2"
NOP = "360303001300501170"


def _said(folder: Path) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("[0-9]*.txt"))]


def _database_text(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


def _clean_screen(app) -> str:
    shown = screen_text(app)
    view = app.screen.current_view()
    words = [view.title or "", *(str(line) for line in view.body or ()),
             *(option.label for option in view.options)]
    for where in [shown, *words]:
        assert not holds_poison(where, TOKEN), (holds_poison(where, TOKEN), where)
    return shown


async def test_poisoned_answers_reach_no_screen_voice_or_file(settings, tmp_path):
    folder = tmp_path / "speech"
    settings = replace(settings, api_token=TOKEN, speech=f"file:{folder}")
    settings.data_dir.mkdir(parents=True)
    mock = create_app(today=settings.today, database=settings.data_dir / "mock.sqlite3", check_fixtures=False)
    api = GemilangApi(settings, transport=httpx.ASGITransport(app=poisoned(mock)))
    async with kiosk(settings, api=api) as (app, pilot):
        await press(pilot, "1")
        await choose(app, pilot, "Lapor masalah dan informasi", "Berita")
        listed = _clean_screen(app)
        assert "Halaman 1 dari 6" in listed  # the news, as the mock has it: cleaned, not refused
        await press(pilot, "1")
        _clean_screen(app)
        await press(pilot, "slash")
        await choose(app, pilot, "Pajak rumah dan tanah")
        await type_text(pilot, NOP)
        await press(pilot, "enter")
        assert "Rp1.150.500" in _clean_screen(app)
        await press(pilot, "slash")

        await complaint_to_check(app, pilot)
        await press(pilot, "1")  # "1 Benar, kirim"
        await until(pilot, lambda: "Terkirim" in text(app), seconds=20, what="the complaint to be sent")
        _clean_screen(app)
        await choose(app, pilot, "Cetak struk")
        _clean_screen(app)
        await press(pilot, "slash")  # after a receipt the visit ends: the welcome, then Bahasa Indonesia
        if "Selamat datang" in text(app):
            await press(pilot, "1")

        mock.state.faults.mode = "down"  # the news again, from the kiosk's offline copy
        await choose(app, pilot, "Lapor masalah dan informasi", "Berita")
        assert "Halaman 1 dari 6" in _clean_screen(app)
        await until(pilot, lambda: len(_said(folder)) > 20, what="speech to be written")

    for utterance in _said(folder):
        assert not holds_poison(utterance, TOKEN), utterance
    offline = _database_text(settings.data_dir / "offline-copies.sqlite3")
    assert "Halaman" not in offline and "berita" in offline.lower()  # the news were kept…
    assert not holds_poison(offline, TOKEN)  # …cleaned
    outbox = _database_text(outbox_path(settings))
    assert "lapor" in outbox and not holds_poison(outbox, TOKEN)
    copies = list((settings.data_dir / "receipts").iterdir())
    assert copies
    for copy in copies:
        assert not holds_poison(copy.read_text(encoding="utf-8"), TOKEN), copy.name
