"""Exactly once, whatever happens: a real `gemilang-tui mock-api` process with its own SQLite file, and real sender
processes on the same outbox (two at a time) killed with SIGKILL again and again — before a POST, while it is in
flight, after the server answered but before the outbox recorded it, or at any moment — while the kiosk keeps adding
submissions. Then `gemilang-tui outbox --send`, and the server must hold every submission once and the outbox none
pending. The senders are forked by tests/durability/sender_proc.py, which imports everything once (so 30 kills fit
well within a minute even on a busy machine). `DURABILITY_SEED=n` replays a run.

Also: with the service unreachable the citizen still gets "Tersimpan" and a receipt, and when it comes back the
submission leaves by itself.
"""

from __future__ import annotations

import json
import os
import queue
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from gemilang_tui.outbox import Outbox
from tests.contract.test_submit_lapor import BODY

# Real servers on loopback ports and subprocesses: one xdist worker runs them all (`--dist loadgroup`).
pytestmark = pytest.mark.xdist_group("served")

SUBMISSIONS = 40
KILLS = 30
BUDGET_SECONDS = 300  # a bound for a broken run, not a speed: the loop ends at KILLS, on a busy machine later
PARALLEL = 2  # sender processes alive (and killed) at the same time
IN_FLIGHT_SECONDS = 0.05  # the mock holds each new submission this long between reserving and answering
SENDER = Path(__file__).with_name("sender_proc.py")
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_env(**more: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GEMILANG_", "DURABILITY_"))}
    env.update(more)
    return env


@contextmanager
def mock_api(port: int, database: Path, data_dir: Path):
    """`gemilang-tui mock-api` on a loopback port with its own SQLite file."""
    process = subprocess.Popen(
        [sys.executable, "-m", "gemilang_tui.cli", "mock-api", "--port", str(port), "--database", str(database)],
        env=clean_env(GEMILANG_TODAY="2026-11-28", GEMILANG_DATA_DIR=str(data_dir),
                      GEMILANG_MOCK_SUBMIT_DELAY=str(IN_FLIGHT_SECONDS)),
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(url + "/v1/lapor/kategori", timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("mock-api did not start: " + process.stderr.read().decode())  # type: ignore[union-attr]
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover
            process.kill()
            process.wait()


def submission(serial: int) -> dict:
    return {**BODY, "isi": f"{BODY['isi']} Uji ketahanan nomor {serial}."}


class Senders:
    """sender_proc.py: forks a real sender process on request; reports its POSTs and how it ended."""

    def __init__(self, outbox_file: Path, url: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(SENDER), str(outbox_file), url],
            env=clean_env(DURABILITY_WINDOW=str(IN_FLIGHT_SECONDS)), cwd=ROOT, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.posts = 0
        self.started: list[int] = []
        self.exits: dict[int, int] = {}
        assert self.lines.get(timeout=30) == "ready"

    def _read(self) -> None:
        for line in self.process.stdout:  # type: ignore[union-attr]
            self.lines.put(line.strip())

    def _pump(self, timeout: float) -> None:
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            return
        pid, what, *rest = line.split()
        if what == "started":
            self.started.append(int(pid))
        elif what == "post":
            self.posts += 1
        elif what == "exit":
            self.exits[int(pid)] = int(rest[0])

    def start(self, point: str, at: int) -> int:
        before = len(self.started)
        self.process.stdin.write(f"{point or '-'} {at}\n")  # type: ignore[union-attr]
        self.process.stdin.flush()  # type: ignore[union-attr]
        deadline = time.monotonic() + 10
        while len(self.started) == before and time.monotonic() < deadline:
            self._pump(0.1)
        return self.started[-1]

    def wait(self, pid: int, seconds: float) -> int | None:
        deadline = time.monotonic() + seconds
        while pid not in self.exits and time.monotonic() < deadline:
            self._pump(0.05)
        return self.exits.get(pid)

    def close(self) -> None:
        for pid in self.started:
            if pid not in self.exits:
                with suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        self.process.stdin.close()  # type: ignore[union-attr]
        self.process.wait(timeout=10)


def server_rows(database: Path) -> list[sqlite3.Row]:
    connection = sqlite3.connect(database, timeout=10)
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute(
            "SELECT idempotency_key, body_hash, state, result FROM submissions WHERE kind = 'lapor'").fetchall()
    finally:
        connection.close()


def test_every_submission_reaches_the_server_exactly_once(tmp_path: Path):
    seed = int(os.environ.get("DURABILITY_SEED", time.time_ns() % 2**32))
    rng = random.Random(seed)
    database = tmp_path / "server" / "submissions.sqlite3"
    outbox_file = tmp_path / "kiosk" / "outbox.sqlite3"
    outbox = Outbox(outbox_file)
    kills: Counter[str] = Counter()
    put = 0
    started = time.monotonic()
    with mock_api(free_port(), database, tmp_path / "server") as url:
        senders = Senders(outbox_file, url)
        try:
            while sum(kills.values()) < KILLS and time.monotonic() - started < BUDGET_SECONDS:
                for _ in range(rng.randint(1, 2)):  # the kiosk keeps taking submissions meanwhile
                    if put < SUBMISSIONS:
                        outbox.put("lapor", submission(put))
                        put += 1
                waiting = len(outbox.pending())
                # Two senders at once on the same outbox (say the kiosk and an attendant's `outbox --send`),
                # each killed at its own point.
                round_ = []
                for _ in range(PARALLEL):
                    point = rng.choice(["before", "during", "after", "anywhere"]) if waiting else "anywhere"
                    at = rng.randint(1, max(1, min(2, waiting)))
                    round_.append((point, senders.start("" if point == "anywhere" else point, at)))
                time.sleep(rng.uniform(0.0, 0.3))  # "anywhere": mid-POST, inside an SQLite commit, idle…
                for point, pid in round_:
                    if point == "anywhere":
                        os.kill(pid, signal.SIGKILL)
                for point, pid in round_:
                    code = senders.wait(pid, 10)  # generous: a loaded machine starts Python slowly
                    if code is None:  # nothing left to post that far: kill it anyway
                        os.kill(pid, signal.SIGKILL)
                        code, point = senders.wait(pid, 3), "idle"
                    assert code == -signal.SIGKILL
                    kills[point] += 1
        finally:
            senders.close()
        posts = senders.posts
        loop_seconds = time.monotonic() - started
        while put < SUBMISSIONS:
            outbox.put("lapor", submission(put))
            put += 1
        # The network is fine and nobody kills anything: the attendant's `gemilang-tui outbox --send`.
        for _ in range(5):
            result = subprocess.run(
                [sys.executable, "-m", "gemilang_tui.cli", "outbox", "--send", "--api-url", url],
                env=clean_env(GEMILANG_DATA_DIR=str(outbox_file.parent)), cwd=ROOT, capture_output=True, text=True,
                timeout=60,
            )
            if not outbox.pending():
                break
            time.sleep(IN_FLIGHT_SECONDS * 2)  # a 409: the server was still finishing a killed sender's POST
        assert result.returncode == 0, result.stdout + result.stderr
        rows = server_rows(database)

    entries = outbox.entries()
    done = [row for row in rows if row["state"] == "done"]
    on_server = {row["idempotency_key"]: json.loads(row["result"])["nomor"] for row in done}
    keys = {outbox.get(entry.id).idempotency_key: entry for entry in entries}
    duplicates = len(done) - len({row["body_hash"] for row in done})
    lost = [entry.local_ref for key, entry in keys.items() if key not in on_server]
    pending = [entry.local_ref for entry in entries if entry.status != "sent"]
    print(f"\ndurability (seed {seed}): {len(entries)} submissions, {sum(kills.values())} SIGKILLs "
          f"{dict(kills)}, {posts} POSTs by the killed senders; server holds {len(done)} "
          f"({duplicates} duplicates), lost {len(lost)}, not sent {len(pending)}, "
          f"{time.monotonic() - started:.1f} s ({loop_seconds:.1f} s of kills)")

    assert len(entries) == SUBMISSIONS
    assert sum(kills.values()) >= KILLS, f"only {sum(kills.values())} kills within {BUDGET_SECONDS} s"
    assert {"before", "during", "after", "anywhere"} <= set(kills), kills
    assert len(done) == len(rows) == SUBMISSIONS
    assert duplicates == 0 and lost == [] and pending == []
    assert set(on_server) == set(keys)
    for key, entry in keys.items():
        assert entry.official_ref == on_server[key]
    assert len(set(on_server.values())) == SUBMISSIONS  # one ticket number each
    assert all(outbox.get(entry.id).payload["pelapor"] == {} for entry in entries)  # no personal data left


async def test_offline_the_receipt_says_saved_and_it_leaves_when_the_service_returns(settings, tmp_path: Path):
    from tests.conftest import kiosk, press, type_text
    from tests.functional.test_lapor import NIK, PHONE, sender_running, text, until

    port = free_port()  # nothing listens here yet
    async with kiosk(replace(settings, api_url=f"http://127.0.0.1:{port}", timeout=2.0)) as (app, pilot):
        await sender_running(app, pilot)
        await press(pilot, "1", "6", "1", "1")  # LAPOR! → Pengaduan
        assert "1 Lainnya daftar lengkap belum dapat dimuat" in text(app)  # the report can still be made
        await press(pilot, "1", "1", "1", "2", "2", "1")  # …; "Di sini"; kemarin; no details; name shown
        await type_text(pilot, NIK)
        await press(pilot, "enter", "1")
        await type_text(pilot, PHONE)
        await press(pilot, "enter")
        assert "• Masalah: Masalah lainnya (Lainnya)" in text(app)
        await press(pilot, "1")  # "1 Benar, kirim"
        assert "Tersimpan di anjungan ini" in text(app)
        assert "Nomor Anda untuk Cek Status: 91261128001." in text(app)
        outbox = Outbox(settings.data_dir / "outbox.sqlite3")
        await until(pilot, lambda: outbox.entries()[0].attempts >= 1)
        with mock_api(port, tmp_path / "server.sqlite3", tmp_path / "server"):
            # nobody presses anything: the sender retries by itself
            await until(pilot, lambda: re.search(r"Nomor tiket LAPOR! Anda: \d{7}", text(app)), seconds=30)
        assert "Terkirim" in text(app)
        assert outbox.entries()[0].status == "sent"
