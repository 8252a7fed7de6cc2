"""A visit ends whenever the welcome screen shows, however it was reached; a PIN field is empty whenever it is shown;
a refused typed answer is emptied with its message on every kind of typing screen; the attendant panel locks when
left."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gemilang_tui.attendant import hash_pin
from gemilang_tui.flow import Ask
from tests.conftest import choose, kiosk, kiosk_at, press, screen_text, text, type_text, wait_for
from tests.functional.test_visit_rules import walk_a_letter

NIK = "3603284508710003"
PIN = "0123"


def at_welcome(app) -> bool:
    return "Selamat datang" in screen_text(app) and len(app.screen_stack) == 2


async def start_a_letter_again(app, pilot) -> None:
    """The next citizen: Bahasa Indonesia, Layanan Mandiri, on to the first typing screen; nothing of the last
    visit is offered on the way."""
    await press(pilot, "1")
    await choose(app, pilot, "Layanan Mandiri")
    for _ in range(12):
        shown = screen_text(app)
        assert "3603" not in shown and "Pakai NIK" not in shown and "Siti Aminah" not in shown, shown
        if isinstance(app.screen.step, Ask) and app.screen.step.typing:
            return
        await press(pilot, "1")
    raise AssertionError("no typing screen in the letter:\n" + screen_text(app))


async def back_from_the_main_menu(app, pilot, key: str) -> None:
    await press(pilot, "slash")  # nothing sent yet: home is the Menu Utama
    assert "Menu Utama" in screen_text(app).splitlines()[0]
    await press(pilot, key)


@pytest.mark.parametrize("route", ["0", "minus", "escape", "home from the receipt", "Selesai", "idle"])
async def test_every_way_to_the_welcome_screen_ends_the_visit(settings, route):
    async with kiosk(settings) as (app, pilot):
        sent = route in ("home from the receipt", "Selesai")
        await walk_a_letter(app, pilot, to="receipt" if sent else "check")
        assert app.visit.recall("nik") == NIK
        if route in ("0", "minus", "escape"):
            await back_from_the_main_menu(app, pilot, route)
        elif route == "home from the receipt":
            await press(pilot, "slash")
        elif route == "Selesai":
            await choose(app, pilot, "Selesai")
        else:  # the citizen walks away: a short idle time from here on, long again for the next citizen
            app.settings = replace(settings, idle_seconds=1, idle_warning_seconds=1)
            await wait_for(pilot, lambda: at_welcome(app), "the idle countdown ends at the welcome screen", 10)
            app.settings = settings
        assert at_welcome(app)
        assert app.visit.answers == {} and app.visit.drafts == {} and app.visit.last_receipts == []
        await start_a_letter_again(app, pilot)


async def test_the_language_of_a_visit_ends_with_it(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "2")  # English
        assert "Main Menu" in screen_text(app)
        await press(pilot, "0")
        assert at_welcome(app) and "Selamat datang" in screen_text(app)


# -- the attendant's PIN and panel ------------------------------------------------------------------------------


@pytest.fixture
def attended(settings):
    return replace(settings, attendant_pin_hash=hash_pin(PIN, iterations=1000))


async def open_panel(app, pilot) -> None:
    await press(pilot, "ctrl+a")
    assert app.screen.step.value == ""  # a PIN field is empty whenever it is shown
    await type_text(pilot, PIN)
    await press(pilot, "enter")
    assert "Mode dibantu" in screen_text(app)


@pytest.mark.parametrize("leave", ["escape", "minus", "0", "slash"])
async def test_leaving_the_panel_locks_it_and_the_pin_is_asked_again_on_an_empty_field(attended, leave):
    async with kiosk(attended) as (app, pilot):
        await press(pilot, "1")
        await choose(app, pilot, "Pajak dan izin")
        await open_panel(app, pilot)
        await press(pilot, leave)
        shown = screen_text(app)
        assert "PIN" not in shown and "Mode dibantu" not in shown  # back where the citizen was, or the menu
        assert not app._attendant_open()
        await press(pilot, "enter")  # one Enter no longer opens anything
        assert "Mode dibantu" not in screen_text(app)
        await press(pilot, "ctrl+a")
        assert app.screen.step.value == "" and "●" not in screen_text(app)
        await press(pilot, "enter")
        assert "Mode dibantu" not in screen_text(app) and "Ketik PIN" in text(app)


async def test_a_sub_screen_of_the_panel_goes_back_to_the_panel_then_out(attended):
    async with kiosk(attended) as (app, pilot):
        await press(pilot, "1")
        await open_panel(app, pilot)
        await press(pilot, "1")  # Bahasa
        await press(pilot, "escape")
        assert "Mode dibantu" in screen_text(app)
        await press(pilot, "escape")
        assert "Menu Utama" in screen_text(app).splitlines()[0]


async def test_a_wrong_pin_is_emptied_with_its_message(attended):
    async with kiosk(attended) as (app, pilot):
        await press(pilot, "ctrl+a")
        await type_text(pilot, "9999")
        await press(pilot, "enter")
        assert "PIN salah" in screen_text(app)
        assert app.screen.step.value == "" and "9999" not in screen_text(app)
        await type_text(pilot, PIN)  # not appended to the wrong one
        assert app.screen.step.value == PIN
        await press(pilot, "enter")
        assert "Mode dibantu" in screen_text(app)


async def test_the_welcome_screen_after_the_panel_keeps_what_the_attendant_set_for_the_next_citizen(attended):
    async with kiosk(attended) as (app, pilot):
        await open_panel(app, pilot)
        await choose(app, pilot, "Mode dibantu")
        await press(pilot, "escape")
        assert at_welcome(app) and app.ctx.assisted  # no visit had begun: nothing ended
        await press(pilot, "1", "0")  # a visit begins and ends: the attendant's setting ends with it
        assert at_welcome(app) and not app.ctx.assisted


# -- a refused answer on every kind of typing screen -------------------------------------------------------------


async def refused_then_typed_afresh(app, pilot, refused: str, message: str, said_back: str | None) -> None:
    """Type a refused answer: the message shows, the field is empty, what was refused is said back (never a PIN),
    and the next digit starts a new answer."""
    await type_text(pilot, refused)
    await press(pilot, "enter")
    shown = text(app)
    assert message in shown, shown
    step = app.screen.step
    assert isinstance(step, Ask) and step.typing and step.value == ""
    if said_back is not None:
        assert f"Yang Anda ketik: {said_back}" in shown or said_back in shown
    await type_text(pilot, "1")
    assert step.value == "1"
    assert message not in text(app)  # the message goes with the next key


async def to_typing(app, pilot, wanted, pick: str = "", limit: int = 40) -> None:
    """Press 1 (or choose `pick` where it is offered) until a typing screen whose label satisfies `wanted`; other
    typing screens are answered with the canonical NIK or a phone."""
    for _ in range(limit):
        step = app.screen.step
        if isinstance(step, Ask) and step.typing:
            label = app.screen.current_view().prompt.label
            if wanted(label):
                return
            await type_text(pilot, NIK if "NIK" in label else "081234567890" if step.digits_only else "Siti Aminah")
            await press(pilot, "enter")
        elif pick and any(pick in option.label for option in app.screen.current_view().options):
            await choose(app, pilot, pick)
        else:
            await press(pilot, "1")
    raise AssertionError("no such typing screen:\n" + screen_text(app))


async def test_a_refused_nop_is_emptied(settings):
    async with kiosk_at(settings, "Pajak rumah dan tanah (iPBB)") as (app, pilot):
        await refused_then_typed_afresh(app, pilot, "36030300130050117", "NOP harus 18 angka",
                                        "36.03.030.013.005-0117")


async def test_an_unknown_number_is_emptied(settings):
    async with kiosk_at(settings, "Cek laporan dan permohonan", "PPID") as (app, pilot):
        await refused_then_typed_afresh(app, pilot, "20260099", "tidak ditemukan", "PPID-2026-0099")


async def test_a_refused_amount_is_emptied(settings):
    async with kiosk_at(settings, "Pajak dan izin", "BPHTB", "Jual beli") as (app, pilot):
        await type_text(pilot, "415000000")
        await press(pilot, "enter")
        await refused_then_typed_afresh(app, pilot, "0", "tidak boleh 0", None)


async def test_a_refused_nik_in_a_form_is_emptied(settings):
    async with kiosk_at(settings, "Layanan Mandiri") as (app, pilot):
        await to_typing(app, pilot, lambda label: "NIK" in label)
        await refused_then_typed_afresh(app, pilot, NIK[:15], "Anda mengetik 15 angka", NIK[:15])


async def test_a_refused_date_is_emptied(settings):
    async with kiosk_at(settings, "Lapor masalah dan informasi", "LAPOR") as (app, pilot):
        await to_typing(app, pilot, lambda label: "tanggal" in label.lower(), pick="Ketik tanggal")
        await refused_then_typed_afresh(app, pilot, "31022026", "tidak ada", "31022026")


async def test_a_refused_name_is_emptied(settings):
    async with kiosk_at(settings, "Layanan Mandiri") as (app, pilot):
        await to_typing(app, pilot, lambda label: "nama" in label.lower())
        await refused_then_typed_afresh(app, pilot, "S", "Nama ini terlalu pendek", "S")
