"""A visit a citizen can trust, walked by keys: answers never change by going back, a finished visit leaves
nothing behind, what is typed is read back in full and kept exactly, and the idle countdown really runs."""

from __future__ import annotations

from dataclasses import replace

from gemilang_tui.attendant import hash_pin
from gemilang_tui.flow import Ask
from gemilang_tui.screens.step import StepScreen
from tests.conftest import choose, kiosk, kiosk_at, press, screen_text, type_text, wait_for

PIN = "0123"  # starts with 0: the PIN field is a typing screen, its 0 types


async def to_bphtb_result(app, pilot) -> None:
    await press(pilot, "1")
    await choose(app, pilot, "Pajak dan izin")
    await choose(app, pilot, "BPHTB")
    await choose(app, pilot, "Jual beli")
    await type_text(pilot, "415000000")
    await press(pilot, "enter")
    await type_text(pilot, "380000000")
    await press(pilot, "enter")


async def test_going_back_again_and_again_never_changes_an_answer(settings):
    """The e-BPHTB walk of the issue: 0 pressed again and again from the result used to append zeros to NJOP."""
    async with kiosk(settings) as (app, pilot):
        await to_bphtb_result(app, pilot)
        assert "Rp16.750.000" in screen_text(app)
        await press(pilot, "0")  # back from the result: the NJOP comes back as a choice, not as a field
        text = screen_text(app)
        assert "1  Pakai Rp380.000.000" in text and "2  Ketik ulang" in text
        await press(pilot, "0")
        assert "1  Pakai Rp415.000.000" in screen_text(app)
        for title in ("BPHTB", "Pajak dan izin", "Menu Utama"):
            await press(pilot, "0")
            step = app.screen.step
            assert not (isinstance(step, Ask) and step.typing and step.value)
            assert title in screen_text(app).splitlines()[0]
        await choose(app, pilot, "Pajak dan izin")
        await choose(app, pilot, "BPHTB")
        await choose(app, pilot, "Jual beli")
        assert app.screen.step.value == ""  # a new walk starts from an empty field


async def test_using_the_earlier_answer_goes_on_with_it(settings):
    async with kiosk(settings) as (app, pilot):
        await to_bphtb_result(app, pilot)
        await press(pilot, "0", "0")
        await choose(app, pilot, "Pakai Rp415.000.000")  # the price again, then a fresh NJOP field
        await type_text(pilot, "380000000")
        await press(pilot, "enter")
        assert "Rp16.750.000" in screen_text(app)


async def test_a_digit_typed_is_a_digit_even_0_and_back_is_minus(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1", "2")  # iPBB: the NOP field (the one walk by number keys in this file)
        await type_text(pilot, "0000")
        assert app.screen.step.value == "0000"
        await press(pilot, "minus")
        assert "Menu Utama" in screen_text(app)


async def test_a_key_beyond_the_length_of_the_answer_is_refused_out_loud(settings):
    async with kiosk_at(settings, "Pajak rumah dan tanah (iPBB)") as (app, pilot):
        await type_text(pilot, "3603030013005011701")  # 19 digits: a NOP has 18
        assert app.screen.step.value == "360303001300501170"
        assert "paling banyak 18 angka" in screen_text(app)
        await press(pilot, "a")
        assert "Hanya angka" in screen_text(app)


async def test_a_date_is_8_digits_and_its_hint_shows_the_leading_zero(settings):
    async with kiosk_at(settings, "Lapor masalah dan informasi") as (app, pilot):
        await choose(app, pilot, "LAPOR")
        for _ in range(12):
            if "Ketik tanggal" in screen_text(app):
                break
            await press(pilot, "1")
        await choose(app, pilot, "Ketik tanggal")
        assert "05112026 untuk 5 November 2026" in " ".join(screen_text(app).split())
        await type_text(pilot, "5112026")
        await press(pilot, "enter")
        shown = " ".join(screen_text(app).split())
        assert "8 angka" in shown and "Anda mengetik 7 angka" in shown and "05112026" in shown
        while app.screen.step.value:
            await press(pilot, "full_stop")
        await type_text(pilot, "05112026")
        await press(pilot, "enter")
        assert "Ketik tanggal" not in screen_text(app)


async def walk_a_letter(app, pilot, *, to: str) -> None:
    """Layanan Mandiri to its check page (`to="check"`) or receipt (`to="receipt"`), answering 1 and typing the
    canonical NIK and phone where asked."""
    await press(pilot, "1")
    await choose(app, pilot, "Layanan Mandiri")
    for _ in range(40):
        step = app.screen.step
        run = getattr(step, "run", None)
        if run is not None and step is getattr(run, to):
            return
        if isinstance(step, Ask) and step.typing:
            label = app.screen.current_view().prompt.label
            await type_text(pilot, "3603284508710003" if "NIK" in label else "081234567890" if step.digits_only
                            else "Siti Aminah")
            await press(pilot, "enter")
        else:
            await press(pilot, "1")
    raise AssertionError(f"no {to}:\n" + screen_text(app))


async def send_a_letter(app, pilot) -> None:
    await walk_a_letter(app, pilot, to="receipt")


async def test_finishing_ends_the_visit_and_nothing_is_offered_to_the_next_citizen(settings):
    async with kiosk(settings) as (app, pilot):
        await send_a_letter(app, pilot)
        await choose(app, pilot, "Selesai")
        assert "Selamat datang" in screen_text(app)
        assert app.visit.answers == {} and app.visit.drafts == {}
        await press(pilot, "1")
        await choose(app, pilot, "Layanan Mandiri")
        for _ in range(10):
            assert "3603" not in screen_text(app) and "Pakai NIK" not in screen_text(app)
            if isinstance(app.screen.step, Ask) and app.screen.step.typing:
                break
            await press(pilot, "1")


async def test_main_menu_from_a_receipt_ends_the_visit(settings):
    async with kiosk(settings) as (app, pilot):
        await send_a_letter(app, pilot)
        await press(pilot, "slash")
        assert "Selamat datang" in screen_text(app)
        assert app.visit.answers == {}


async def test_the_check_page_reads_back_every_answer_in_full_and_the_receipt_masks(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_a_letter(app, pilot, to="check")
        text = screen_text(app)
        assert "3603 2845 0871 0003" in text and "********" not in text
        assert "1  Benar, kirim" in text and "2  Ubah jawaban" in text
        await press(pilot, "2")
        assert "Jawaban mana yang ingin Anda ubah" in screen_text(app)
        await press(pilot, "minus")  # back closes the list of answers, on the same check page
        assert "1  Benar, kirim" in screen_text(app)
        await press(pilot, "1")
        receipt = "\n".join(app.screen.step.run.readback)
        assert "3603********0003" in receipt and "3603 2845" not in receipt


async def test_an_email_is_kept_exactly_as_typed(settings):
    from gemilang_tui.flow import Ask as Field

    field = Field(title=lambda: "", question=lambda: "", label=lambda: "Email", parse=str, then=lambda c, v: None,
                  digits_only=False, max_length=100)
    for char in "ahmad_01+kios%x@contoh-desa.id":
        field.type(char)
    assert field.value == "ahmad_01+kios%x@contoh-desa.id" and field.error == ""
    field.type("<")
    assert field.value.endswith(".id") and "<" in field.error


async def test_attendant_markers_show_on_every_screen_and_end_with_the_visit(settings):
    attended = replace(settings, attendant_pin_hash=hash_pin(PIN, iterations=10_000))
    async with kiosk(attended) as (app, pilot):
        await press(pilot, "1", "ctrl+a")
        await type_text(pilot, PIN)
        assert app.screen.step.value == PIN
        await press(pilot, "enter")
        await choose(app, pilot, "Mode dibantu")
        await choose(app, pilot, "jeda")
        await press(pilot, "escape")
        await press(pilot, "2")
        text = screen_text(app)
        assert "Dibantu petugas" in text and "Waktu tunggu dijeda" in text
        app.end_visit()
        await press(pilot)
        assert "Dibantu petugas" not in screen_text(app) and not app.idle_paused()


async def test_the_idle_countdown_really_runs_then_wipes_the_visit(settings):
    async with kiosk_at(settings, "Pajak rumah dan tanah (iPBB)") as (app, pilot):
        await type_text(pilot, "3603")
        app.visit.remember("nik", "3603284508710003")
        # Short times only now: on a busy machine the walk here alone can take longer than a second.
        app.settings = replace(app.settings, idle_seconds=1, idle_warning_seconds=5)
        await wait_for(pilot, lambda: "Masih di sana" in screen_text(app), "the idle warning", seconds=60)
        assert app.visit.answers  # the warning comes first: nothing is wiped while it counts down
        await wait_for(pilot, lambda: "Selamat datang" in screen_text(app), "the wipe after the countdown", seconds=60)
        assert app.visit.answers == {}


async def test_a_number_that_is_no_choice_is_answered_not_ignored(settings):
    async with kiosk_at(settings, "Pajak dan izin") as (app, pilot):
        before = len(app.screen_stack)
        await press(pilot, "8")
        assert len(app.screen_stack) == before
        assert "Tidak ada pilihan 8 di layar ini" in " ".join(screen_text(app).split())
        await press(pilot, "1")  # the next key works as usual, and the sentence goes
        assert "Tidak ada pilihan" not in screen_text(app)


async def test_back_while_an_answer_is_on_its_way_drops_the_answer(settings, caplog):
    """Leaving a screen while its list loads: the late answer is dropped, the kiosk stays, nothing is logged."""
    async with kiosk_at(settings, "Lapor masalah dan informasi") as (app, pilot):
        group = app.screen
        await pilot.press("3")  # Berita starts loading
        await pilot.press("escape")  # and the citizen leaves before it arrives
        await press(pilot)
        await pilot.pause(0.3)
        assert app.is_running and app.screen is group
        assert not [record for record in caplog.records if record.levelname == "ERROR"]
        await choose(app, pilot, "Berita")  # the same list opens normally afterwards
        assert "Berita" in screen_text(app)


async def test_an_answer_for_a_screen_being_taken_down_is_dropped(settings, caplog):
    """A screen left with 0 whose widgets are gone while its answer arrives draws nothing and raises nothing (the
    monkey's exit at seed 11 after 7,159 keys was such a late answer, drawn on a screen being taken down)."""
    async with kiosk_at(settings, "Lapor masalah dan informasi") as (app, pilot):
        await choose(app, pilot, "Berita")
        leaving = app.screen
        assert isinstance(leaving, StepScreen) and "Berita" in screen_text(app)
        app.pop_screen()  # what 0 does: off the stack at once, its widgets removed before the screen
        await leaving.query("*").remove()
        leaving.refresh_view()  # the late answer: nothing to draw on, nothing raised
        await press(pilot)
        assert app.is_running and app.return_code is None
        assert not [record for record in caplog.records if record.levelname == "ERROR"]


async def test_a_defect_in_a_worker_is_told_calmly_and_never_ends_the_kiosk(settings, caplog, monkeypatch):
    from textual.worker import NoActiveWorker, get_current_worker

    drawn = StepScreen.refresh_view

    def fails_in_a_worker(screen) -> None:
        try:
            get_current_worker()
        except NoActiveWorker:
            return drawn(screen)
        monkeypatch.setattr(StepScreen, "refresh_view", drawn)  # once
        raise RuntimeError("a defect of ours while drawing a loaded list")

    async with kiosk_at(settings, "Lapor masalah dan informasi") as (app, pilot):
        monkeypatch.setattr(StepScreen, "refresh_view", fails_in_a_worker)
        await choose(app, pilot, "Berita")
        await wait_for(pilot, lambda: "Maaf, terjadi gangguan" in screen_text(app), "the calm sentence is shown")
        assert app.is_running and app.return_code is None
        assert [record for record in caplog.records if record.levelname == "ERROR" and "worker" in record.message]
        await press(pilot, "0")
        assert "Lapor masalah dan informasi" in screen_text(app)
