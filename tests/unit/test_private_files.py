"""The data folder, the log, the outbox, offline copies and receipts are private (0700 / 0600); old personal data
goes: receipts after 30 days, a failed submission's personal data once handled or after 30 days."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

from gemilang_tui.api.offline import OfflineCopies
from gemilang_tui.attendant import hash_pin
from gemilang_tui.outbox import Outbox
from gemilang_tui.retention import tidy
from gemilang_tui.storage import write_private
from tests.conftest import kiosk, press, screen_text, type_text
from tests.contract.test_submit_lapor import BODY

NIK = BODY["pelapor"]["nik"]


@pytest.fixture(autouse=True)
def _usual_umask():
    previous = os.umask(0o022)  # what a kiosk's login shell has: files would be 0644, folders 0755
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_outbox_offline_copies_and_receipts_are_private(tmp_path: Path):
    data = tmp_path / "data"
    outbox = Outbox(data / "outbox.sqlite3")
    outbox.put("lapor", BODY)
    OfflineCopies(data / "offline-copies.sqlite3").store("/v1/layanan", "[]")
    write_private(data / "receipts" / "K-ABC234.txt", "Kode tanda terima: K-ABC234\n")
    assert mode(data) == 0o700 and mode(data / "receipts") == 0o700
    files = [p for p in data.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"outbox.sqlite3", "offline-copies.sqlite3", "K-ABC234.txt"}
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}  # -wal and -shm too


async def test_the_kiosk_log_is_private(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot)
    assert mode(settings.data_dir) == 0o700
    assert mode(settings.data_dir / "kiosk.log") == 0o600


def test_old_receipts_and_old_failed_submissions_lose_personal_data(settings):
    receipts = settings.data_dir / "receipts"
    write_private(receipts / "K-OLD234.txt", NIK)
    write_private(receipts / "K-NEW234.txt", "baru")
    old = time.time() - 31 * 86_400
    os.utime(receipts / "K-OLD234.txt", (old, old))

    now = [time.time() - 31 * 86_400]
    outbox = Outbox(settings.data_dir / "outbox.sqlite3", clock=lambda: now[0])
    stale_failed = outbox.put("lapor", BODY)
    outbox.mark_failed(stale_failed.id, "incomplete")
    stale_pending = outbox.put("lapor", BODY)  # still to be sent: kept whole
    now[0] = time.time()
    fresh_failed = outbox.put("lapor", BODY)
    outbox.mark_failed(fresh_failed.id, "incomplete")

    tidy(settings)

    assert sorted(p.name for p in receipts.iterdir()) == ["K-NEW234.txt"]
    assert NIK not in str(outbox.get(stale_failed.id).payload)
    assert NIK in str(outbox.get(stale_pending.id).payload)
    assert NIK in str(outbox.get(fresh_failed.id).payload)


def test_a_handled_failure_loses_its_personal_data_and_cannot_be_resent(tmp_path: Path):
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    entry = outbox.put("lapor", BODY)
    assert outbox.resolve(entry.id) is None  # only a failed one
    outbox.mark_failed(entry.id, "refused")
    handled = outbox.resolve(entry.local_ref)
    assert handled.status == "failed" and handled.last_error == "resolved"
    assert NIK not in str(outbox.get(entry.id).payload)
    assert outbox.resend(entry.id) is None
    for path in tmp_path.glob("outbox.sqlite3*"):
        assert NIK.encode() not in path.read_bytes()


async def test_the_attendant_marks_a_failure_handled(settings):
    attended = replace(settings, attendant_pin_hash=hash_pin("4321", iterations=10_000))
    outbox = Outbox(settings.data_dir / "outbox.sqlite3")
    entry = outbox.put("lapor", BODY)
    outbox.mark_failed(entry.id, "incomplete")
    async with kiosk(attended, size=(100, 30)) as (app, pilot):
        await press(pilot, "ctrl+a")
        await type_text(pilot, "4321")
        await press(pilot, "enter", "2")
        assert f"1  {entry.local_ref} · gagal" in screen_text(app)
        await press(pilot, "1")  # the submission
        assert "2  Sudah ditangani di loket: hapus data pribadinya" in screen_text(app)
        await press(pilot, "2")
        assert NIK in str(outbox.get(entry.id).payload)  # asked once more first
        await press(pilot, "1")
    assert outbox.summary(entry.id).last_error == "resolved"
    assert NIK not in str(outbox.get(entry.id).payload)


async def test_the_mocks_own_store_is_private(tmp_path: Path):
    import uuid

    import httpx

    from gemilang_tui.mockapi.app import create_app

    data = tmp_path / "data"
    app = create_app(database=data / "mock-submissions.sqlite3", check_fixtures=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://mock") as client:
        answer = await client.post("/v1/lapor/laporan", json=BODY, headers={"Idempotency-Key": str(uuid.uuid4())})
    assert answer.status_code == 201, answer.text
    assert mode(data) == 0o700
    files = [p for p in data.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"mock-submissions.sqlite3", "mock-submissions.sqlite3-wal"}
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}


def test_speech_files_are_private(tmp_path: Path):
    from gemilang_tui.speech.output import FileSink

    folder = tmp_path / "speech"
    sink = FileSink(folder)
    sink.play(b"RIFF....WAVE", "nomor induk kependudukan: tiga enam nol tiga", lambda: False)
    assert mode(folder) == 0o700
    files = list(folder.iterdir())
    assert sorted(p.name for p in files) == ["0001.txt", "0001.wav"]
    assert all(mode(p) == 0o600 for p in files)


def test_speech_files_go_after_30_days_as_receipts_do(settings, tmp_path: Path):
    from gemilang_tui.speech.output import FileSink

    folder = tmp_path / "speech"
    sink = FileSink(folder)
    for text in ("lama", "baru"):
        sink.play(b"RIFF....WAVE", text, lambda: False)
    old = time.time() - 31 * 86_400
    for name in ("0001.txt", "0001.wav"):
        os.utime(folder / name, (old, old))

    tidy(replace(settings, speech=f"file:{folder}"))

    assert sorted(p.name for p in folder.iterdir()) == ["0002.txt", "0002.wav"]


def test_a_printer_file_that_holds_receipts_is_private(settings, tmp_path: Path):
    from gemilang_tui.printing.device import send
    from gemilang_tui.printing.target import parse_target

    spool = tmp_path / "struk.bin"
    outcome = send(replace(settings, printer=parse_target(f"file:{spool}")), lambda printer: printer.textln("K-ABC234"))
    assert outcome.status.name == "OK"
    assert b"K-ABC234" in spool.read_bytes()
    assert mode(spool) == 0o600
