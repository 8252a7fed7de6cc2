"""The attendant fixes the queue (panel option "Kiriman tertunda dan gagal"): each submission not sent opens to say
in plain words where it stands and why; "Kirim sekarang" sends it at once and shows what came of it (sent with its
number, still waiting and why, refused and why); deleting personal data is asked once more before it happens."""

from __future__ import annotations

from dataclasses import replace

import pytest

from gemilang_tui import sending
from gemilang_tui.attendant import hash_pin
from gemilang_tui.mockapi.faults import parse_plan
from tests.conftest import choose, kiosk, press, text, type_text, wait_for
from tests.contract.test_submit_lapor import BODY

PIN = "4321"


@pytest.fixture
def attended(settings):
    return replace(settings, attendant_pin_hash=hash_pin(PIN, iterations=1000))


def failed(settings, payload: dict, reason: str = "incomplete") -> str:
    """A submission the server refused before this start of the kiosk (the sender does not try it again)."""
    outbox = sending.open_outbox(settings)
    entry = outbox.put("lapor", payload)
    outbox.mark_failed(entry.id, reason)
    return entry.local_ref


async def open_entry(app, pilot, ref: str) -> None:
    await press(pilot, "ctrl+a")
    await type_text(pilot, PIN)
    await press(pilot, "enter")
    await choose(app, pilot, "Kiriman tertunda dan gagal")
    assert ref in text(app)
    await choose(app, pilot, ref)
    assert f"Kiriman {ref}" in text(app)


async def test_a_refused_submission_says_why_in_plain_words(attended):
    ref = failed(attended, BODY)
    async with kiosk(attended) as (app, pilot):
        await open_entry(app, pilot, ref)
        shown = text(app)
        assert "Ditolak: data tidak lengkap." in shown
        assert "Menurut server ada isian yang kurang atau salah" in shown and "periksa bersama warga" in shown


async def test_send_now_shows_the_official_number(attended):
    ref = failed(attended, BODY)  # refused once; the server takes it now
    async with kiosk(attended) as (app, pilot):
        await open_entry(app, pilot, ref)
        await choose(app, pilot, "Kirim sekarang")
        shown = text(app)
        official = sending.open_outbox(attended).summary(ref).official_ref
        assert official and f"Terkirim. Nomor resminya {official}." in shown
        await choose(app, pilot, "Kembali")
        assert f"Kiriman {ref}" in text(app) and "Kirim sekarang" not in text(app)  # nothing more to send


async def test_send_now_refused_again_says_why(attended):
    ref = failed(attended, {"judul": "tidak lengkap"})
    async with kiosk(attended) as (app, pilot):
        await open_entry(app, pilot, ref)
        await choose(app, pilot, "Kirim sekarang")
        shown = text(app)
        assert "Ditolak: data tidak lengkap." in shown and "Mengirim ulang tidak mengubahnya" in shown
        assert sending.open_outbox(attended).summary(ref).status == "failed"


async def test_send_now_while_the_server_is_busy_says_it_waits_and_when_it_tries_again(attended):
    ref = failed(attended, BODY)
    busy = replace(attended, mock_faults=parse_plan("/v1/lapor/laporan:error=503"))
    async with kiosk(busy) as (app, pilot):
        await open_entry(app, pilot, ref)
        await choose(app, pilot, "Kirim sekarang")
        shown = text(app)
        assert "Belum terkirim. Server sedang sibuk. Anjungan mencoba lagi sendiri." in shown
        assert "Percobaan berikutnya dalam" in shown
        assert sending.open_outbox(busy).summary(ref).status == "pending"


async def test_deleting_personal_data_is_asked_once_more(attended):
    ref = failed(attended, BODY)
    outbox = sending.open_outbox(attended)
    async with kiosk(attended) as (app, pilot):
        await open_entry(app, pilot, ref)
        await choose(app, pilot, "hapus data pribadinya")
        shown = text(app)
        assert "Hapus data pribadi kiriman ini?" in shown and "dihapus selamanya" in shown
        assert outbox.get(ref).payload["pelapor"]["nik"] == BODY["pelapor"]["nik"]  # nothing deleted yet
        await choose(app, pilot, "Tidak")
        assert f"Kiriman {ref}" in text(app) and outbox.get(ref).payload.get("pelapor")
        await choose(app, pilot, "hapus data pribadinya")
        await choose(app, pilot, "Ya, hapus")
        await wait_for(pilot, lambda: f"Data pribadi {ref} sudah dihapus." in text(app), "the deletion is told")
        assert "pelapor" not in outbox.get(ref).payload or not outbox.get(ref).payload["pelapor"]
        await choose(app, pilot, "Kembali")  # to the submission, never to the question again
        shown = text(app)
        assert "Sudah ditangani petugas di loket" in shown and "Hapus data pribadi kiriman ini?" not in shown
