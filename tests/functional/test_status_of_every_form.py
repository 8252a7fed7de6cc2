"""Every form's receipt number has a status check: a citizen sends a form at the kiosk (embedded mock), comes back
later (a new kiosk on the same data folder) and finds it at once by typing the digits of its official number, both in
Cek Status Permohonan (Menu Utama 9) and inside the form's own service."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest

from gemilang_tui.domain.reference import digits_of
from gemilang_tui.outbox import Outbox
from tests.conftest import kiosk, press, screen_text, type_text
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
    status_key: str  # its number in Cek Status Permohonan
    own_status: tuple[str, ...]  # from Menu Utama to the service's own status check
    status: str  # what the mock says of a new one


FORMS = [
    Form("lapor", test_lapor.walk_to_check, "1", ("6", "1", "2"), "Belum Terverifikasi"),
    Form("ppid", test_ppid_request.walk_to_check, "3", ("6", "2", "2"), "Diterima"),
    Form("layanan_mandiri", test_layanan_mandiri.walk_to_check, "4", ("1", "2"), "Diajukan"),
    Form("izin_makam", test_izin_makam.walk_to_check, "5", ("3", "4"), "Diajukan"),
    Form("donor", test_donor.walk_to_check, "6", ("8", "1", "5"), "Terdaftar"),
    Form("ak1", test_ak1.walk_to_check, "7", ("8", "2", "6"), "Diajukan"),
]


def text(app) -> str:
    return " ".join(screen_text(app).split())


async def until(pilot, condition, seconds: float = 15.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out waiting")


async def send(app, pilot) -> None:
    """Press the check screen's "Kirim …" option, whatever its number."""
    view = app.last_view
    assert view is not None and "periksa jawaban" in text(app), text(app)
    [number] = [option.number for option in view.options if str(option.label).startswith("Kirim")]
    await press(pilot, str(number))


async def submitted_number(settings, form: Form) -> str:
    """Send the form at the kiosk and wait until the server has given its official number."""
    outbox = Outbox(settings.data_dir / "outbox.sqlite3")
    before = {entry.local_ref for entry in outbox.entries()}

    def sent() -> list:
        return [entry for entry in outbox.entries() if entry.local_ref not in before and entry.official_ref]

    async with kiosk(settings) as (app, pilot):
        await form.walk_to_check(app, pilot)
        await send(app, pilot)
        await until(pilot, sent)
        [entry] = sent()
        assert entry.kind == form.kind
        await until(pilot, lambda: app.last_view is not None and app.last_view.big)  # the receipt shows it big
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
        await press(pilot, "1", "9", form.status_key)
        assert "ketik angkanya saja" in text(app).lower() or form.kind == "lapor"
        await see_status(app, pilot, official, form)
        await press(pilot, "slash", *form.own_status)  # home, then the service's own status check
        await see_status(app, pilot, official, form)


async def test_a_restarted_kiosk_never_gives_a_number_twice(settings):
    first = await submitted_number(settings, FORMS[0])
    second = await submitted_number(settings, FORMS[0])  # a new kiosk, and a new embedded mock, on the same folder
    assert int(second) == int(first) + 1
