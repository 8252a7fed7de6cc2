"""Every form's receipt number has a status check: a citizen sends a form at the kiosk (embedded mock), comes back
later (a new kiosk on the same data folder) and finds it at once by typing the digits of its official number, both in
Cek Status Permohonan (Menu Utama → Cek laporan dan permohonan Anda) and inside the form's own service."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest

from gemilang_tui.domain.reference import digits_of
from gemilang_tui.outbox import Outbox
from tests.conftest import choose, kiosk, press, screen_text, text, type_text, wait_for
from tests.functional import (
    test_ak1,
    test_donor,
    test_izin_makam,
    test_lapor,
    test_layanan_mandiri,
    test_ppid_request,
)


@dataclass(frozen=True)
class Form:
    kind: str
    walk_to_check: Callable[..., Awaitable[None]]
    status_label: str  # its option in Cek Status Permohonan (a word of the label)
    own_status: tuple[str, ...]  # from Menu Utama to the service's own status check (words of the labels)
    status: str  # what the mock says of a new one


FORMS = [
    Form("lapor", test_lapor.walk_to_check, "LAPOR!",
         ("Lapor masalah dan informasi", "SP4N LAPOR!", "Cek status laporan"), "Belum Terverifikasi"),
    Form("ppid", test_ppid_request.walk_to_check, "PPID",
         ("Lapor masalah dan informasi", "PPID", "Cek permintaan Anda"), "Diterima"),
    Form("layanan_mandiri", test_layanan_mandiri.walk_to_check, "Layanan Mandiri",
         ("Layanan Mandiri", "Cek status surat"), "Diajukan"),
    Form("izin_makam", test_izin_makam.walk_to_check, "izin makam", ("SIMAPAN", "Cek status izin makam"),
         "Diajukan"),
    Form("donor", test_donor.walk_to_check, "donor darah",
         ("Donor darah dan pekerjaan", "Sidoni", "Cek status pendaftaran donor"), "Terdaftar"),
    Form("ak1", test_ak1.walk_to_check, "AK/1",
         ("Donor darah dan pekerjaan", "Siap Kerja", "Cek status kartu kuning"), "Diajukan"),
]


async def send(app, pilot) -> None:
    """Press the check page's "1 Benar, kirim" (the same on every form)."""
    view = app.last_view
    assert view is not None and "periksa jawaban" in text(app), text(app)
    assert [(option.number, option.label) for option in view.options if option.number > 0] == [
        (1, "Benar, kirim"), (2, "Ubah jawaban")]
    await press(pilot, "1")


async def submitted_number(settings, form: Form) -> str:
    """Send the form at the kiosk and wait until the server has given its official number."""
    outbox = Outbox(settings.data_dir / "outbox.sqlite3")
    before = {entry.local_ref for entry in outbox.entries()}

    def sent() -> list:
        return [entry for entry in outbox.entries() if entry.local_ref not in before and entry.official_ref]

    async with kiosk(settings) as (app, pilot):
        await form.walk_to_check(app, pilot)
        await send(app, pilot)
        await wait_for(pilot, sent, "the server gave the sent form its official number", seconds=60)
        [entry] = sent()
        assert entry.kind == form.kind
        await wait_for(pilot, lambda: app.last_view is not None and app.last_view.big,
                       "the receipt shows the official number big", seconds=60)
        return entry.official_ref


async def see_status(app, pilot, official: str, form: Form) -> None:
    await type_text(pilot, digits_of(official))
    await press(pilot, "enter")
    shown = text(app)
    assert f"· {official}" in shown, shown
    assert f"Status: {form.status}" in shown, shown
    assert "tidak ditemukan" not in shown


@pytest.mark.parametrize("form", FORMS, ids=[form.kind for form in FORMS])
async def test_what_was_sent_is_found_at_once_by_its_digits(settings, form):
    official = await submitted_number(settings, form)
    async with kiosk(settings) as (app, pilot):  # later: a new visit, a restarted kiosk
        await press(pilot, "1")
        await choose(app, pilot, "Cek laporan dan permohonan")
        await choose(app, pilot, form.status_label)
        assert "ketik angkanya saja" in text(app).lower() or form.kind == "lapor"
        await see_status(app, pilot, official, form)
        await press(pilot, "slash")  # home (nothing sent in this visit: the Menu Utama, not the welcome)
        assert "Menu Utama" in screen_text(app).splitlines()[0]
        for label in form.own_status:  # the service's own status check
            await choose(app, pilot, label)
        await see_status(app, pilot, official, form)


async def test_a_restarted_kiosk_never_gives_a_number_twice(settings):
    first = await submitted_number(settings, FORMS[0])
    second = await submitted_number(settings, FORMS[0])  # a new kiosk, and a new embedded mock, on the same folder
    assert int(second) == int(first) + 1
