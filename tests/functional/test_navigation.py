"""A citizen walks the welcome screen and the Menu Utama with number keys only."""

from __future__ import annotations

import re

import pytest

from gemilang_tui.catalog import bundled_catalogue
from gemilang_tui.screens.step import StepScreen
from tests.conftest import kiosk, press, screen_text
from tests.waits import wait_for


async def test_welcome_offers_languages_by_number(settings):
    async with kiosk(settings) as (app, pilot):
        text = screen_text(app)
        assert "Selamat datang di Tangerang Gemilang" in text
        assert "1  Bahasa Indonesia" in text
        assert "2  English" in text
        assert "*  Bantuan" in text and "Kembali" not in text  # nothing to go back to from the first screen


async def test_menu_utama_lists_main_services_first(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1")
        text = screen_text(app)
        assert "Menu Utama" in text
        for line in ("1  Minta surat desa (Layanan Mandiri)", "2  Pajak rumah dan tanah (iPBB)",
                     "3  Makam dan izin makam (SIMAPAN)", "4  Tempat wisata"):
            assert line in text
        assert "Cek tagihan PBB dengan nomor pajak" in text


def hint_columns(text: str) -> set[int]:
    """Where the hints start on the option lines ("  1  Label   hint") of a screen."""
    columns = set()
    for line in text.splitlines():
        found = re.match(r"^(\s+[1-9]  \S.*?\S)(\s{2,})\S", line)
        if found:
            columns.add(len(found.group(1)) + len(found.group(2)))
    return columns


@pytest.mark.parametrize("keys", [("1",), ("1", "1", "1")], ids=["menu-utama", "letters"])
async def test_hints_stand_in_one_column_even_beside_a_long_name(settings, keys):
    """Menu Utama and the letters (one name is "Surat Keterangan Tidak Mampu (SKTM)") at 80×24."""
    async with kiosk(settings) as (app, pilot):
        await press(pilot, *keys)
        assert len(hint_columns(screen_text(app))) == 1, screen_text(app)


@pytest.mark.parametrize("entry", bundled_catalogue().services, ids=lambda entry: entry.kode)
async def test_every_service_within_two_presses(settings, entry):
    catalogue = bundled_catalogue()
    presses = [str(entry.nomor)]
    if entry.grup is not None:
        group = next(g for g in catalogue.groups if g.kode == entry.grup)
        presses.insert(0, str(group.nomor))
    assert len(presses) <= 2
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1", *presses)
        assert str(entry.judul) in screen_text(app).splitlines()[0]


async def test_zero_minus_and_esc_go_back_and_slash_goes_home(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1", "6", "3")
        assert "Berita" in screen_text(app)
        await press(pilot, "0")
        assert "Lapor masalah dan informasi" in screen_text(app)
        await press(pilot, "3", "minus")
        assert "Lapor masalah dan informasi" in screen_text(app)
        await press(pilot, "escape")
        assert "Menu Utama" in screen_text(app).splitlines()[0]
        await press(pilot, "7", "1", "slash")
        assert "Menu Utama" in screen_text(app).splitlines()[0]
        assert len(app.screen_stack) == 3


async def test_back_never_leaves_the_welcome_screen(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "0", "escape", "minus")
        assert "Selamat datang" in screen_text(app)


@pytest.mark.parametrize("keys", [["ctrl+c"], ["ctrl+q"], ["ctrl+p"], ["ctrl+z"], ["ctrl+backslash"], ["f2"]])
async def test_no_key_combination_leaves_the_app_or_opens_the_palette(settings, keys):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, *keys)
        assert app.is_running
        assert isinstance(app.screen, StepScreen)
        assert "Selamat datang" in screen_text(app)


async def test_developer_mode_may_quit(settings):
    from dataclasses import replace

    async with kiosk(replace(settings, dev=True)) as (app, pilot):
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_english_is_chosen_by_number_and_shown_at_once(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "2")
        text = screen_text(app)
        assert "Main Menu" in text
        assert "Land and building tax (iPBB)" in text
        assert "0   -  Back" in text


async def test_switching_language_relabels_the_current_screen(settings):
    from gemilang_tui.i18n import set_locale

    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1", "9")
        assert "Cek laporan dan permohonan Anda" in screen_text(app)
        set_locale("en")
        await pilot.pause()
        assert "Check your report or request" in screen_text(app)


async def test_help_explains_the_keys_and_back_returns(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1", "asterisk")
        text = screen_text(app)
        assert "Bantuan" in text and "- : kembali satu langkah" in text and "termasuk 0" in text
        assert text.index("- : kembali") < text.index("/ : ke Menu Utama") < text.index("Esc")  # the numpad first
        await press(pilot, "minus")
        assert "Menu Utama" in screen_text(app)


def test_every_active_catalogue_entry_opens_a_service_module_or_is_announced():
    """Each active code of the catalogue is a module in gemilang_tui/services/ with `start`, or is on COMING_SOON
    (shown as "segera hadir"); a code on COMING_SOON has no module yet (else it leaves the list)."""
    import importlib.util

    from gemilang_tui.services import COMING_SOON

    active = [entry.kode for entry in bundled_catalogue().services if entry.aktif]
    assert active, "the bundled catalogue lists no active service"
    written = {kode for kode in active if importlib.util.find_spec(f"gemilang_tui.services.{kode}") is not None}
    assert sorted(set(active) - written - COMING_SOON) == []
    assert sorted(COMING_SOON & written) == []
    assert sorted(COMING_SOON - set(active)) == []  # announced, but not in the catalogue
    for kode in written:
        assert callable(importlib.import_module(f"gemilang_tui.services.{kode}").start), kode


async def test_screen_describes_itself_as_plain_text(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1")
        text = app.last_view.as_text()
        assert text.startswith("Menu Utama")
        assert "\n2 Pajak rumah dan tanah (iPBB)\n" in text
        assert text.endswith("0 - Kembali · / Menu Utama · * Bantuan")


async def test_idle_warning_counts_down_then_wipes_the_visit(settings):
    from dataclasses import replace

    # idle 5 s: time enough for the key below to land before the warning comes again, on a busy machine
    async with kiosk(replace(settings, idle_seconds=5, idle_warning_seconds=2)) as (app, pilot):
        await press(pilot, "2", "9")
        app.visit.remember("nik", "3603284508710003")
        await wait_for(pilot, lambda: "Are you still there?" in screen_text(app), "the idle warning", seconds=60)
        await pilot.press("5")  # any key keeps the session
        await pilot.pause()
        assert "Are you still there?" not in screen_text(app)
        assert app.visit.recall("nik") == "3603284508710003"
        # the warning again, and its countdown runs out by itself
        await wait_for(pilot, lambda: "Selamat datang" in screen_text(app), "the wipe after the countdown", seconds=60)
        assert app.visit.recall("nik") is None


async def test_menu_utama_works_before_the_api_answers(settings):
    from gemilang_tui.app import GemilangApp

    app = GemilangApp(settings)
    app._after_first_paint = lambda: None  # the API is never asked: the bundled catalogue must do
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1")
        assert "2  Pajak rumah dan tanah (iPBB)" in screen_text(app)


async def test_menu_comes_from_the_api_when_it_answers(settings, tmp_path):
    import json
    from dataclasses import replace

    from gemilang_tui.catalog import bundled_catalogue  # noqa: F401  (the default set the custom one starts from)
    from gemilang_tui.mockapi.fixtures import default_fixtures_dir

    raw = json.loads((default_fixtures_dir() / "layanan.json").read_text(encoding="utf-8"))
    raw["layanan"][1]["judul"]["id"] = "iPBB Bapenda"
    (tmp_path / "layanan.json").write_text(json.dumps(raw), encoding="utf-8")
    async with kiosk(replace(settings, fixtures=tmp_path)) as (app, pilot):  # started: the catalogue is fetched
        await press(pilot, "1")
        assert "2  iPBB Bapenda" in screen_text(app)


async def test_a_defect_in_a_service_shows_a_calm_message_not_a_traceback(settings):
    from gemilang_tui.flow import Detail

    async def broken(ctx):
        raise KeyError("a bug")

    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1")
        app.show(Detail(lambda: "Uji", broken, lambda ctx, data: None))
        await press(pilot)
        text = screen_text(app)
        assert "Maaf, terjadi gangguan" in text and "Traceback" not in text and "KeyError" not in text
        await press(pilot, "0")
        assert "Menu Utama" in screen_text(app)
        assert app.is_running
