"""The raw bytes a kiosk writes to its terminal hold nothing a poisoned server sent: the kiosk runs in a pseudo-terminal
against the mock served behind the poisoning layer (tests/poison.py), with a token, and every byte it wrote is
checked, as a terminal would receive it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from benchmarks.terminal import Terminal
from tests.poison import MARKS

pytestmark = pytest.mark.xdist_group("served")

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "kiosk-token-5b1e0c77d2"
MENU = "Layanan apa yang Anda perlukan"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Recording(Terminal):
    """A terminal that keeps every byte the program wrote."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        super().__init__(argv, env)
        self.raw = bytearray()
        feed = self.stream.feed

        def keep(data: bytes) -> None:
            self.raw.extend(data)
            feed(data)

        self.stream.feed = keep  # type: ignore[method-assign]


@pytest.fixture
def poisoned_url(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEMILANG_")}
    (tmp_path / "mock").mkdir()
    server = subprocess.Popen([sys.executable, "-m", "tests.poison", str(port), str(tmp_path / "mock")], cwd=ROOT,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(url + "/openapi.json", timeout=1)
            break
        except httpx.TransportError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("the poisoned mock did not start: " + server.stderr.read().decode())  # type: ignore[union-attr]
            time.sleep(0.1)
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_kiosks_terminal_output_holds_nothing_the_poisoned_server_sent(poisoned_url, tmp_path):
    assert "PWNED" in httpx.get(poisoned_url + "/v1/berita").text  # the layer poisons
    env = {key: value for key, value in os.environ.items() if not key.startswith("GEMILANG_")}
    env.update(TERM="xterm-256color", COLUMNS="80", LINES="24", GEMILANG_TODAY="2026-11-28", GEMILANG_CONFIG="",
               GEMILANG_DATA_DIR=str(tmp_path / "data"), GEMILANG_SPEECH="none", GEMILANG_PRINTER="none",
               GEMILANG_API_URL=poisoned_url, GEMILANG_API_TOKEN=TOKEN)
    term = Recording([sys.executable, "-P", "-m", "gemilang_tui.cli"], env)
    try:
        term.wait("Selamat datang", term.started, timeout=60)
        term.press("1", MENU)
        term.press("6", "Berita")
        term.press("3", "Halaman 1 dari")  # the news list, from the poisoned answer
        term.press_and_settle("1")  # the newest article
        term.press("/", MENU)
        term.press("2", "Ketik NOP")
        for digit in "360303001300501170":
            os.write(term.fd, digit.encode())
            term.drain(0.05)
        term.press("\r", "Rp1.150.500")
        term.drain(0.5)
        assert term.screen.title != "PWNED" and "PWNED" not in term.screen.title
    finally:
        term.close()
    written = bytes(term.raw).decode("utf-8", errors="replace")
    assert "Rp1.150.500" in written
    for mark in MARKS:
        if mark in ("\x1b[2J", "\x1b[10;10H", "\x07"):
            continue  # the terminal's own codes too (BEL ends Textual's OSC 22): checked below where they'd stand
        assert mark not in written, repr(mark)
    assert TOKEN not in written and "Bearer" not in written
    assert "\x1b]0;" not in written and "PWNED\x07" not in written
    for value in ("Berita", "Ketik NOP", "Rp1.150.500"):  # poisoned strings carried a clear or a cursor move
        assert "\x1b[2J" + value not in written and value + "\x1b[10;10H" not in written
