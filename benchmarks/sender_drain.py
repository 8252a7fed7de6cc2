"""How fast the kiosk's own sender empties its outbox once the service answers again (issue #10).

    python benchmarks/sender_drain.py [--submissions 1000] [--outage 30]

The kiosk's sender (`sending.build_sender`, with the kiosk's settings) runs against a port where nothing listens
while `--submissions` LAPOR! reports wait in its outbox; after `--outage` seconds a served `gemilang-tui mock-api`
starts on that port. Reported: seconds from the mock's first answer until nothing is pending (budget: 15 s for
1,000), and, for comparison, one round over the same number with the service up from the start (what
`gemilang-tui outbox --send` does). The mock must hold each submission exactly once. Not a test: timing on a
shared machine is noisy.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import suppress
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gemilang_tui.api.client import GemilangApi  # noqa: E402
from gemilang_tui.config import Settings  # noqa: E402
from gemilang_tui.outbox import Outbox  # noqa: E402
from gemilang_tui.sending import build_sender  # noqa: E402

BUDGET_SECONDS = 15.0
from tests.contract.test_submit_lapor import BODY as REPORT  # noqa: E402  (the contract tests' sample report)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_mock(port: int, folder: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEMILANG_")}
    env.update(GEMILANG_TODAY="2026-11-28", GEMILANG_DATA_DIR=str(folder / "mock-data"),
               PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""))
    return subprocess.Popen(
        [sys.executable, "-m", "gemilang_tui.cli", "mock-api", "--port", str(port),
         "--database", str(folder / "mock.sqlite3")],
        env=env, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


async def until_answering(url: str, process: subprocess.Popen[bytes]) -> None:
    async with httpx.AsyncClient(timeout=1) as client:
        while True:
            with suppress(httpx.TransportError):
                await client.get(url + "/v1/lapor/kategori")
                return
            if process.poll() is not None:
                raise RuntimeError("mock-api did not start")
            await asyncio.sleep(0.02)


def fill(outbox: Outbox, count: int) -> None:
    for serial in range(count):
        outbox.put("lapor", {**REPORT, "isi": f"{REPORT['isi']} Nomor {serial}."})


def pending(outbox: Outbox) -> int:
    with sqlite3.connect(outbox.path) as conn:
        return conn.execute("SELECT COUNT(*) FROM outbox WHERE status = 'pending'").fetchone()[0]


def held_by_mock(database: Path) -> int | None:
    """Submissions the mock holds (None when its file is not the expected shape)."""
    try:
        with sqlite3.connect(database) as conn:
            tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            return sum(conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]
                       for name in tables if "submission" in name)
    except sqlite3.Error:
        return None


def api_for(url: str, folder: Path) -> GemilangApi:
    settings = Settings(api_url=url, data_dir=folder, timeout=5.0)
    return GemilangApi(settings, transport=httpx.AsyncHTTPTransport(verify=False))


async def after_outage(count: int, outage: float, folder: Path) -> dict[str, float | int | None]:
    """The kiosk's sender through an outage; seconds from the service's return until nothing is pending."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    outbox = Outbox(folder / "outbox.sqlite3")
    fill(outbox, count)
    sender = build_sender(outbox, api_for(url, folder))  # the kiosk's own options (poll, backoff)
    stop = asyncio.Event()
    running = asyncio.create_task(sender.run_forever(stop))
    await asyncio.sleep(outage)
    process = start_mock(port, folder)
    try:
        await until_answering(url, process)
        back = time.perf_counter()
        first = None
        while (left := pending(outbox)) and time.perf_counter() - back < 600:
            if first is None and left < count:
                first = time.perf_counter() - back
            await asyncio.sleep(0.05)
        drained = time.perf_counter() - back
        left = pending(outbox)
    finally:
        stop.set()
        await running
        process.terminate()
        process.wait(timeout=10)
    return {"drain_seconds": round(drained, 2), "first_sent_seconds": first and round(first, 2), "left_pending": left,
            "held_by_mock": held_by_mock(folder / "mock.sqlite3")}


async def service_up(count: int, folder: Path) -> dict[str, float | int | None]:
    """One round over `count` fresh submissions with the service up: the floor (`outbox --send`)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    outbox = Outbox(folder / "outbox.sqlite3")
    fill(outbox, count)
    process = start_mock(port, folder)
    try:
        await until_answering(url, process)
        start = time.perf_counter()
        await build_sender(outbox, api_for(url, folder)).run_once()
        seconds = time.perf_counter() - start
    finally:
        process.terminate()
        process.wait(timeout=10)
    return {"round_seconds": round(seconds, 2), "left_pending": pending(outbox)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=1000)
    parser.add_argument("--outage", type=float, default=30.0, help="seconds the service is away")
    parser.add_argument("--skip-floor", action="store_true", help="do not measure the round with the service up")
    args = parser.parse_args()
    result: dict[str, object] = {"submissions": args.submissions, "outage_seconds": args.outage}
    with tempfile.TemporaryDirectory() as first:
        result["after_outage"] = asyncio.run(after_outage(args.submissions, args.outage, Path(first)))
    if not args.skip_floor:
        with tempfile.TemporaryDirectory() as second:
            result["service_up"] = asyncio.run(service_up(args.submissions, Path(second)))
    drained = result["after_outage"]["drain_seconds"]  # type: ignore[index]
    budget = BUDGET_SECONDS * args.submissions / 1000
    result["budget_seconds"] = budget
    result["within_budget"] = drained <= budget and result["after_outage"]["left_pending"] == 0  # type: ignore[index]
    print(json.dumps(result, indent=2))
    return 0 if result["within_budget"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
