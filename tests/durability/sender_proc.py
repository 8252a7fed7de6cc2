"""Sender processes for the durability test to kill: the kiosk's real outbox sender, each in a process of its own.

    python tests/durability/sender_proc.py OUTBOX_FILE API_URL

Starting Python and importing httpx and pydantic takes most of a second on a busy machine, so this process imports
everything once and then forks one sender process per command read on stdin: `<point> <n>`, where point is
`before` | `during` | `after` | `-`. That sender kills itself with SIGKILL at its n-th POST — before sending it,
while it is in flight, or after the server has answered but before the outbox records it (`-`: never; the test
kills it from outside). Lines on stdout: `ready`, then `<pid> started`, `<pid> post <n>` and `<pid> exit <code>`
(a negative code is the signal that ended it). Forking happens only from this single-threaded process.
"""

from __future__ import annotations

import asyncio
import os
import random
import select
import signal
import sys
import threading
from pathlib import Path
from typing import Any

import httpx

import gemilang_tui.api.submit_lapor  # noqa: F401  (imported once, here, not in every sender)
from gemilang_tui.api.client import GemilangApi
from gemilang_tui.config import Settings
from gemilang_tui.outbox import Outbox, OutboxSender
from gemilang_tui.sending import post_submission

WINDOW = float(os.environ.get("DURABILITY_WINDOW", "0.05"))  # how long a POST stays in flight at the server


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


async def send(outbox_file: str, api_url: str, point: str, at: int) -> None:
    # Plain HTTP to loopback: a transport without a CA bundle to load.
    api = GemilangApi(Settings(api_url=api_url, data_dir=Path(outbox_file).parent, timeout=5.0),
                      transport=httpx.AsyncHTTPTransport(verify=False))
    posts = 0
    me = os.getpid()

    async def post(kind: str, payload: dict[str, Any], key: str) -> str:
        nonlocal posts
        posts += 1
        say(f"{me} post {posts}")
        if point == "before" and posts == at:
            die()
        if point == "during" and posts == at:
            threading.Timer(random.uniform(0.0, WINDOW), die).start()
        nomor = await post_submission(api, kind, payload, key)
        if point == "after" and posts == at:
            die()
        return nomor

    # Retries come quickly here (the real backoff grows to minutes): the test is about kills, not patience.
    outbox = Outbox(outbox_file, backoff=lambda attempts: 0.05)
    sender = OutboxSender(outbox, post, poll_interval=0.1, min_sleep=0.02)
    await sender.run_forever(asyncio.Event())


def reap() -> None:
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        say(f"{pid} exit {code}")


def main(outbox_file: str, api_url: str) -> None:
    say("ready")
    pending = b""
    while True:
        readable, _, _ = select.select([0], [], [], 0.02)
        reap()
        if not readable:
            continue
        chunk = os.read(0, 4096)
        if not chunk:
            break
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            point, at = line.decode().split()
            pid = os.fork()
            if pid == 0:  # the sender
                os.close(0)
                random.seed()
                try:
                    asyncio.run(send(outbox_file, api_url, "" if point == "-" else point, int(at)))
                finally:
                    os._exit(0)
            say(f"{pid} started")
    for _ in range(100):  # stdin closed: the test is over; reap what is left
        reap()
        select.select([], [], [], 0.02)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
