"""The served mock killed (SIGKILL) in the middle of a submission and started again on the same store: no
submission is lost and none is recorded twice. The mock keeps each Idempotency-Key on disk before it answers, so a
resend after the restart gets the first answer; a key reserved by the killed process is taken over at once, not after
the stale-reservation time-out. Rounds alternate between a kill while the submission is in flight (reserved, not yet
answered) and a kill the moment the server has recorded it (the answer may or may not have left)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from gemilang_tui.outbox import Outbox
from tests.durability.test_exactly_once import ROOT, clean_env, free_port, server_rows, submission

pytestmark = pytest.mark.xdist_group("served")

SUBMISSIONS = 6
KILLS = 4
IN_FLIGHT_SECONDS = 3.0  # the mock holds each new submission this long between reserving and answering


def start_mock(port: int, database: Path, delay: float) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "gemilang_tui.cli", "mock-api", "--port", str(port), "--database", str(database)],
        env=clean_env(GEMILANG_TODAY="2026-11-28", GEMILANG_DATA_DIR=str(database.parent),
                      GEMILANG_MOCK_SUBMIT_DELAY=str(delay)),
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/v1/lapor/kategori", timeout=1)
            return process
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("mock-api did not start: " + process.stderr.read().decode())  # type: ignore[union-attr]
            time.sleep(0.05)


def send(outbox_dir: Path, url: str) -> subprocess.Popen:
    """The attendant's `gemilang-tui outbox --send`: everything pending, once."""
    return subprocess.Popen([sys.executable, "-m", "gemilang_tui.cli", "outbox", "--send", "--api-url", url],
                            env=clean_env(GEMILANG_DATA_DIR=str(outbox_dir)), cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def rows_in(database: Path, state: str) -> int:
    try:
        return sum(row["state"] == state for row in server_rows(database))
    except Exception:  # the store not created yet, or busy for a moment
        return 0


def wait_until(condition, what: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"never: {what}"
        time.sleep(0.02)


def test_the_mock_killed_mid_submission_and_restarted_loses_and_doubles_nothing(tmp_path: Path):
    database = tmp_path / "server" / "submissions.sqlite3"
    database.parent.mkdir()
    outbox_dir = tmp_path / "kiosk"
    outbox = Outbox(outbox_dir / "outbox.sqlite3")
    for serial in range(SUBMISSIONS):
        outbox.put("lapor", submission(serial))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    kills = {"in flight": 0, "just recorded": 0}
    for round_ in range(KILLS):
        mock = start_mock(port, database, IN_FLIGHT_SECONDS)
        done_before = rows_in(database, "done")
        sender = send(outbox_dir, url)
        try:
            if round_ % 2 == 0:
                wait_until(lambda: rows_in(database, "in_flight") > 0, "a submission in flight")
                kills["in flight"] += 1
            else:
                wait_until(lambda before=done_before: rows_in(database, "done") > before,
                           "a submission recorded after the restart (a key the killed mock held was wedged)")
                kills["just recorded"] += 1
            os.kill(mock.pid, signal.SIGKILL)
            mock.wait(timeout=10)
            sender.wait(timeout=120)  # it found the server gone: what it did not hear back stays pending
        finally:
            if mock.poll() is None:
                mock.kill()
                mock.wait()
    assert outbox.pending(), "every submission left before a kill: the test killed nothing in flight"

    mock = start_mock(port, database, 0.0)  # back, and nobody kills it
    try:
        for _ in range(5):
            result = send(outbox_dir, url)
            out, err = result.communicate(timeout=120)
            if not outbox.pending():
                break
            time.sleep(0.5)
        assert result.returncode == 0, out + err
        rows = server_rows(database)
    finally:
        mock.terminate()
        mock.wait(timeout=10)

    entries = outbox.entries()
    done = [row for row in rows if row["state"] == "done"]
    on_server = {row["idempotency_key"]: json.loads(row["result"])["nomor"] for row in done}
    keys = {outbox.get(entry.id).idempotency_key: entry for entry in entries}
    lost = [entry.local_ref for key, entry in keys.items() if key not in on_server]
    duplicates = len(done) - len({row["body_hash"] for row in done})
    print(f"\nmock killed {kills}: server holds {len(done)} of {SUBMISSIONS}, lost {len(lost)}, "
          f"duplicated {duplicates}")
    assert kills == {"in flight": KILLS // 2, "just recorded": KILLS - KILLS // 2}
    assert lost == [] and duplicates == 0
    assert len(done) == len(rows) == SUBMISSIONS
    assert all(entry.status == "sent" for entry in entries)
    for key, entry in keys.items():
        assert entry.official_ref == on_server[key]  # the kiosk keeps the number the server first gave
    assert len(set(on_server.values())) == SUBMISSIONS
