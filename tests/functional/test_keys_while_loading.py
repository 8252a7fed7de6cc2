"""No key is lost: a key pressed while a screen loads ("Mohon tunggu") is applied in order once the screen is drawn
(a number chooses, `+` turns the page, a digit goes into the field), or refused with a note when what it was meant
for never came. The mock answers slowly on purpose (fault injection), and keys are pressed during the wait."""

from __future__ import annotations

from dataclasses import replace

from gemilang_tui.flow import Ask, Detail, PagedList, wrap_page
from gemilang_tui.mockapi.faults import parse_plan
from tests.conftest import choose, kiosk, kiosk_at, press, screen_text, settle, text
from tests.functional.test_visit_rules import walk_a_letter
from tests.waits import key_event

SLOW_NEWS = "/v1/berita*:latency=300ms"


def slow(settings, plan: str):
    return replace(settings, mock_faults=parse_plan(plan))


async def quickly(pilot, *keys: str) -> None:
    """Keys pressed one after the other without waiting for the screen: the first ones land while it loads."""
    for key in keys:
        pilot.app.post_message(key_event(key))
        await pilot.pause(0)


async def test_six_pluses_pressed_while_pages_load_turn_six_pages(settings):
    async with kiosk_at(slow(settings, SLOW_NEWS), "Lapor masalah dan informasi") as (app, pilot):
        await choose(app, pilot, "Berita")
        news = app.screen
        assert isinstance(news.step, PagedList) and news.step.page_count > 1
        await quickly(pilot, *["plus"] * 6)
        assert news.loading or news.held  # the first page turn is on its way, the others wait for it
        await settle(pilot)
        expected = wrap_page(1, 6, news.step.page_count)
        assert app.screen is news and news.step.page_number == expected
        assert f"Halaman {expected} dari {news.step.page_count}" in text(app)


async def test_a_number_pressed_while_a_list_loads_chooses_once_it_is_drawn(settings):
    async with kiosk_at(slow(settings, SLOW_NEWS), "Lapor masalah dan informasi") as (app, pilot):
        depth = len(app.screen_stack)
        await quickly(pilot, str(next(option.number for option in app.screen.current_view().options
                                      if "Berita" in option.label)), "1")
        await settle(pilot)
        assert len(app.screen_stack) == depth + 2  # the list, then its first article
        assert isinstance(app.screen.step, Detail)


async def test_digits_typed_while_a_lookup_runs_go_into_the_field(settings):
    async with kiosk_at(slow(settings, "/v1/status*:latency=300ms, /v1/ppid*:latency=300ms"),
                        "Cek laporan dan permohonan", "PPID") as (app, pilot):
        await quickly(pilot, *"20260099", "enter", *"2026")  # an unknown number, then the start of the next
        await settle(pilot)
        step = app.screen.step
        assert isinstance(step, Ask) and step.value == "2026"  # the refused number emptied, the next one typed


async def test_a_digit_typed_right_after_finish_is_not_lost(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_a_letter(app, pilot, to="receipt")
        finish = next(option.number for option in app.screen.current_view().options if "Selesai" in option.label)
        await quickly(pilot, str(finish), "1")  # Selesai, then at once 1 (Bahasa Indonesia) for the next citizen
        await settle(pilot)
        assert "Menu Utama" in screen_text(app).splitlines()[0]
        assert app.visit.answers == {}


async def test_keys_for_a_list_that_never_came_are_refused_with_a_note(settings):
    plan = "/v1/berita*:latency=300ms, /v1/berita*:error"
    async with kiosk_at(slow(settings, plan), "Lapor masalah dan informasi") as (app, pilot):
        await quickly(pilot, str(next(option.number for option in app.screen.current_view().options
                                      if "Berita" in option.label)), "2", "plus")
        await settle(pilot)
        shown = text(app)
        assert "Coba lagi" in shown
        assert "Tombol yang Anda tekan selama menunggu tidak dipakai" in shown
        assert not app.screen.held
        await press(pilot, "0")  # the note goes with the next key; back works as ever
        assert "Lapor masalah dan informasi" in screen_text(app)
