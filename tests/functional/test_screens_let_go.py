"""A kiosk runs all day: the screens a citizen has left are let go, not kept until some timer runs out, and a
screen covered by the next one keeps its step, not its drawing.

Each key used to restart the idle timer from the key's own context, which names the screen shown; asyncio keeps a
stopped timer until its time (three minutes on a kiosk), so every screen of the last three minutes stayed alive
with every line it drew. The kiosk runs here as a terminal runs it, in its own process: its memory is its own (and
Pilot, which draws from the test's task, keeps screens of its own).
"""

from __future__ import annotations

import os
import sys
import time

import pytest

from benchmarks.terminal import Terminal
from tests.conftest import choose, kiosk, press, screen_text
from tests.waits import wait_for

MENU = "Layanan apa yang Anda perlukan"
WARM_ROUNDS = 6  # Textual's and Rich's caches fill in the first rounds, then stay
ROUNDS = 8
LET_GO_SECONDS = 0.5  # what was let go is collected on the next tick of the idle clock (app.py `tidy_soon`)
SETTLE_LIMIT_SECONDS = 30.0
GROWTH_MIB = 1.5  # measured 0.0; with the idle timer per key: 3.9 MiB after 8 rounds (10.2 after 20)


@pytest.fixture
def terminal(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith("GEMILANG_")}
    env.update(TERM="xterm-256color", COLUMNS="80", LINES="24", GEMILANG_TODAY="2026-11-28", GEMILANG_CONFIG="",
               GEMILANG_DATA_DIR=str(tmp_path / "data"), GEMILANG_SPEECH="none", GEMILANG_PRINTER="none")
    term = Terminal([sys.executable, "-P", "-m", "gemilang_tui.cli"], env)
    try:
        term.wait("Selamat datang", term.started)
        term.drain(1.0)  # the embedded mock starts while a citizen reads the welcome
        term.press("1", MENU)
        yield term
    finally:
        term.close()


def settled_rss(terminal) -> float:
    """The kiosk's RSS once what it let go has been collected: it no longer falls from one tick to the next (on a
    busy machine the tick that collects may come late)."""
    deadline = time.monotonic() + SETTLE_LIMIT_SECONDS
    terminal.drain(LET_GO_SECONDS)
    rss = terminal.memory_mib()["VmRSS"]
    while time.monotonic() < deadline:
        terminal.drain(LET_GO_SECONDS)
        now = terminal.memory_mib()["VmRSS"]
        if now >= rss:
            return min(now, rss)
        rss = now
    return rss


def test_screens_left_are_let_go_while_the_idle_timer_counts(terminal):
    def round_trip() -> None:
        terminal.press("4", "Kuliner", settle=0.05)  # Tempat wisata: a screen drawn from the API's answer
        terminal.press("/", MENU, settle=0.05)

    for _ in range(WARM_ROUNDS):
        round_trip()
    before = settled_rss(terminal)
    for _ in range(ROUNDS):
        round_trip()
    grown = settled_rss(terminal) - before
    assert grown <= GROWTH_MIB, f"{ROUNDS} visits to a list and back kept {grown:.1f} MiB"


async def test_a_covered_screen_lets_its_widgets_go_and_is_drawn_again_as_it_was(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1")
        menu, shown = app.screen, screen_text(app)
        await choose(app, pilot, "Tempat wisata")
        assert "Kuliner" in screen_text(app)
        await wait_for(pilot, lambda: not menu.children, "the covered Menu Utama letting its widgets go")
        await press(pilot, "minus")
        assert app.screen is menu
        assert screen_text(app) == shown
