"""Every number a citizen is given can be typed into a status check: the digits-only number this kiosk gives while a
submission waits is found before and after the official number exists."""

from __future__ import annotations

import re

from gemilang_tui.outbox import Outbox, is_local_number
from tests.conftest import choose, kiosk, press, text, type_text, until
from tests.functional.test_lapor import NIK, sender_running

#: A complaint about the kiosk's own place, by digits: Pengaduan, Infrastruktur, Lampu jalan mati, Di sini,
#: kemarin, no details, name shown; then the NIK and no phone.
COMPLAINT = ["1", "1", "2", "1", "2", "2", "1"]


async def _check_status(app, pilot, service: str, digits: str) -> str:
    await press(pilot, "slash")
    if "Pilih bahasa" in text(app):  # home from a receipt may end the visit: the welcome screen
        await press(pilot, "1")
    await choose(app, pilot, "Cek laporan dan permohonan", service)
    await type_text(pilot, digits)
    await press(pilot, "enter")
    return text(app)


async def test_a_complaint_queued_offline_is_found_by_its_local_number_before_and_after_sending(settings):
    async with kiosk(settings) as (app, pilot):
        await sender_running(app, pilot)
        await press(pilot, "1")
        await choose(app, pilot, "Lapor masalah dan informasi", "SP4N LAPOR!")
        await press(pilot, *COMPLAINT)
        await type_text(pilot, NIK)
        await press(pilot, "enter", "2")  # no phone
        app.api.mock_app.state.faults.mode = "down"  # the network is down: the complaint waits in the outbox
        await press(pilot, "1")  # "Benar, kirim"
        receipt = text(app)
        found = re.search(r"Nomor Anda untuk Cek Status: (\d+)\.", receipt)
        assert found is not None, receipt
        local = found.group(1)
        assert is_local_number(local) and local.startswith("91") and app.last_view.big == local
        assert "K-" not in receipt  # no letters to type

        waiting = await _check_status(app, pilot, "LAPOR!", local)
        assert f"Nomor dari anjungan ini: {local}" in waiting
        assert "Tersimpan di anjungan ini, belum terkirim." in waiting

        app.api.mock_app.state.faults.mode = ""
        app.ctx.submissions.sender.wake()
        outbox = Outbox(settings.data_dir / "outbox.sqlite3")
        await until(pilot, lambda: outbox.entries()[0].status == "sent", seconds=20)
        ticket = outbox.entries()[0].official_ref
        assert ticket and re.fullmatch(r"\d{7}", ticket)

        sent = await _check_status(app, pilot, "LAPOR!", local)  # the same number, after: both numbers shown
        assert f"Nomor dari anjungan ini: {local}" in sent and ticket in sent
        assert "Status:" in sent
        by_ticket = await _check_status(app, pilot, "LAPOR!", ticket)
        assert "Status:" in by_ticket


async def test_a_local_number_this_kiosk_never_gave_is_not_found(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1")
        shown = await _check_status(app, pilot, "PPID", "92261128001")
        assert "tidak ditemukan" in shown


def test_local_numbers_are_distinct_per_service_and_day(tmp_path):
    from datetime import date

    outbox = Outbox(tmp_path / "outbox.sqlite3")
    day = date(2026, 11, 28)
    numbers = {kind: outbox.put(kind, {"x": 1}, day=day).local_number
               for kind in ("lapor", "ppid", "layanan_mandiri", "izin_makam", "donor", "ak1")}
    assert numbers == {"lapor": "91261128001", "ppid": "92261128001", "layanan_mandiri": "93261128001",
                       "izin_makam": "94261128001", "donor": "95261128001", "ak1": "96261128001"}
    assert outbox.put("lapor", {"x": 2}, day=day).local_number == "91261128002"
    assert outbox.by_local_number("91261128002") is not None and outbox.by_local_number("91261128003") is None
